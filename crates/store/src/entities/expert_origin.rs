//! The `expert_origins` table.

use sea_orm::entity::prelude::*;

/// A country an expert comes from.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "expert_origins")]
pub struct Model {
    /// Profile.
    #[sea_orm(primary_key, auto_increment = false)]
    pub profile_id: Uuid,
    /// Alpha-2 country.
    #[sea_orm(primary_key, auto_increment = false)]
    pub country: String,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
