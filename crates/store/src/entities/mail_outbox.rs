//! The `mail_outbox` table.

use sea_orm::entity::prelude::*;

/// A mail waiting for (or done with) delivery.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mail_outbox")]
pub struct Model {
    /// Position in the outbox.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Recipient address.
    pub to_address: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// When it was queued.
    pub created_at: DateTimeUtc,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// Not to be tried before this time.
    pub next_attempt_at: DateTimeUtc,
    /// Claimed by a sender until this time.
    pub locked_until: Option<DateTimeUtc>,
    /// When the transport accepted it.
    pub sent_at: Option<DateTimeUtc>,
    /// The last transport error.
    pub last_error: Option<String>,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
