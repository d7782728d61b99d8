//! The `accounts` table.

use sea_orm::entity::prelude::*;

/// One account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "accounts")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Normalised email, unique.
    pub email: String,
    /// argon2id PHC string; `None` until an imported account sets a password.
    pub password_hash: Option<String>,
    /// Name shown to others.
    pub display_name: String,
    /// `EXPERT`, `INSTITUTION`, `MODERATOR` or `ADMIN`.
    pub role: String,
    /// `PENDING_VERIFICATION`, `ACTIVE` or `SUSPENDED`.
    pub status: String,
    /// When the email address was confirmed.
    pub email_verified_at: Option<DateTimeUtc>,
    /// Last authenticated activity (updated at most every few minutes).
    pub last_active_at: Option<DateTimeUtc>,
    /// Creation time.
    pub created_at: DateTimeUtc,
    /// Last change to the row.
    pub updated_at: DateTimeUtc,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
