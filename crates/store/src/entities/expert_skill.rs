//! The `expert_skills` table.

use sea_orm::entity::prelude::*;

/// A skill claimed on a profile.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "expert_skills")]
pub struct Model {
    /// Profile.
    #[sea_orm(primary_key, auto_increment = false)]
    pub profile_id: Uuid,
    /// Skill.
    #[sea_orm(primary_key, auto_increment = false)]
    pub skill_id: Uuid,
    /// Order on the profile.
    pub position: i16,
    /// 1 to 5.
    pub level: i16,
    /// Years of practice.
    pub years: Option<i16>,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
