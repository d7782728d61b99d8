//! The `request_skills` table.

use sea_orm::entity::prelude::*;

/// A skill a request asks for.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "request_skills")]
pub struct Model {
    /// Request.
    #[sea_orm(primary_key, auto_increment = false)]
    pub request_id: Uuid,
    /// Skill.
    #[sea_orm(primary_key, auto_increment = false)]
    pub skill_id: Uuid,
    /// Order on the request.
    pub position: i16,
    /// Lowest acceptable level, 1 to 5.
    pub min_level: i16,
    /// Whether it is a must.
    pub required: bool,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
