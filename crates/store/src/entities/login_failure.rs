//! The `login_failures` table.

use sea_orm::entity::prelude::*;

/// One failed sign-in, keyed by a digest of the email or client address.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_failures")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Hex SHA-256 of `email:<address>` or `ip:<address>`.
    pub key: String,
    /// When it failed.
    pub at: DateTimeUtc,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
