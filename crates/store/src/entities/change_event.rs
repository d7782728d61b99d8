//! The `change_events` table.

use sea_orm::entity::prelude::*;

/// One change the search index must apply.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "change_events")]
pub struct Model {
    /// Outbox position.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `expert`, `request`, ...
    pub entity: String,
    /// Which one.
    pub entity_id: Uuid,
    /// `upsert` or `delete`.
    pub op: String,
    /// When it was recorded.
    pub created_at: DateTimeUtc,
    /// Recorded by a bulk writer (an import), not by an interactive use case.
    pub bulk: bool,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
