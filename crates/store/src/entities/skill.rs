//! The `skills` table.

use sea_orm::entity::prelude::*;

/// A skill of the taxonomy, or a free-text skill.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skills")]
pub struct Model {
    /// Skill id (the ESCO concept UUID, or derived from a free-text label).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `skill`, `group` or `custom`.
    pub kind: String,
    /// ESCO skill type (`skill`, `knowledge`).
    pub skill_type: Option<String>,
    /// JSON map of language to preferred and alternative labels.
    pub labels: String,
    /// JSON array of broader skill ids.
    pub broader: String,
    /// English description.
    pub description: Option<String>,
    /// When it was added.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
