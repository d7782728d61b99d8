//! The `requests` table.

use sea_orm::entity::prelude::*;

/// An institution's request for help.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "requests")]
pub struct Model {
    /// Request id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The institution asking.
    pub institution_id: Uuid,
    /// `PROJECT`, `MENTORING`, ...
    pub kind: String,
    /// One-line title.
    pub title: String,
    /// What is needed and why.
    pub description: String,
    /// JSON array of ISO 639-1 codes.
    pub languages: String,
    /// JSON array of work modes.
    pub work_modes: String,
    /// Hours a month asked.
    pub hours_per_month: Option<i32>,
    /// First day.
    pub starts_on: Option<Date>,
    /// Last day.
    pub ends_on: Option<Date>,
    /// `DRAFT`, `IN_REVIEW`, `OPEN`, ...
    pub status: String,
    /// The moderator's reason for the last review.
    pub review_reason: Option<String>,
    /// The moderator who reviewed it last.
    pub reviewed_by: Option<Uuid>,
    /// When.
    pub reviewed_at: Option<DateTimeUtc>,
    /// The member who created it.
    pub created_by: Option<Uuid>,
    /// Creation time.
    pub created_at: DateTimeUtc,
    /// Last change.
    pub updated_at: DateTimeUtc,
    /// When it was last submitted for review.
    pub submitted_at: Option<DateTimeUtc>,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
