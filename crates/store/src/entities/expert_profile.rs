//! The `expert_profiles` table.

use sea_orm::entity::prelude::*;

/// An expert profile.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "expert_profiles")]
pub struct Model {
    /// Profile id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owner (unique).
    pub account_id: Uuid,
    /// One-line summary.
    pub headline: String,
    /// Longer description.
    pub bio: String,
    /// Alpha-2 country of residence.
    pub residence_country: String,
    /// City of residence.
    pub residence_city: Option<String>,
    /// JSON array of `{code, level}`.
    pub languages: String,
    /// JSON array of engagement types.
    pub engagement_types: String,
    /// JSON array of work modes.
    pub work_modes: String,
    /// Hours a month available.
    pub hours_per_month: Option<i32>,
    /// ORCID iD.
    pub orcid: Option<String>,
    /// `PUBLIC`, `MEMBERS` or `HIDDEN`.
    pub visibility: String,
    /// Verified by a moderator.
    pub verified: bool,
    /// Creation time.
    pub created_at: DateTimeUtc,
    /// Last change.
    pub updated_at: DateTimeUtc,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
