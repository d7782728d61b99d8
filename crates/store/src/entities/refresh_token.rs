//! The `refresh_tokens` table.

use sea_orm::entity::prelude::*;

/// One refresh token (its digest), part of a family started by one sign-in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "refresh_tokens")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owner.
    pub account_id: Uuid,
    /// The sign-in this token descends from.
    pub family_id: Uuid,
    /// Hex SHA-256 of the token.
    pub token_hash: String,
    /// Issue time.
    pub created_at: DateTimeUtc,
    /// Expiry.
    pub expires_at: DateTimeUtc,
    /// When it was exchanged for a new pair (single use).
    pub used_at: Option<DateTimeUtc>,
    /// When it was revoked (logout, reuse, suspension, password change).
    pub revoked_at: Option<DateTimeUtc>,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
