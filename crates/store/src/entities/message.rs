//! The `messages` table.

use sea_orm::entity::prelude::*;

/// A message on an engagement.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "messages")]
pub struct Model {
    /// Message id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The engagement.
    pub engagement_id: Uuid,
    /// The author; `None` once their account is deleted.
    pub author_id: Option<Uuid>,
    /// The text, stored as written (plain text).
    pub body: String,
    /// When it was sent.
    pub sent_at: DateTimeUtc,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
