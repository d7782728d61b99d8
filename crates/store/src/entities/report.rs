//! The `reports` table.

use sea_orm::entity::prelude::*;

/// A report of content to the moderators.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    /// Report id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `EXPERT_PROFILE`, `REQUEST` or `MESSAGE`.
    pub subject_type: String,
    /// The id of the profile, request or message.
    pub subject_id: Uuid,
    /// Why it was reported.
    pub reason: String,
    /// Who reported it.
    pub reporter_id: Uuid,
    /// When.
    pub created_at: DateTimeUtc,
    /// `OPEN`, `RESOLVED` or `DISMISSED`.
    pub status: String,
    /// The moderator who decided.
    pub resolved_by: Option<Uuid>,
    /// When.
    pub resolved_at: Option<DateTimeUtc>,
    /// The moderator's note.
    pub resolution_note: Option<String>,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
