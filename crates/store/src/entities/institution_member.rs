//! The `institution_members` table.

use sea_orm::entity::prelude::*;

/// A member of staff of an institution.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "institution_members")]
pub struct Model {
    /// Institution.
    #[sea_orm(primary_key, auto_increment = false)]
    pub institution_id: Uuid,
    /// Account.
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: Uuid,
    /// When they joined.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
