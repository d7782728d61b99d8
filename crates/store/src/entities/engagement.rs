//! The `engagements` table.

use sea_orm::entity::prelude::*;

/// An engagement between an expert and a request.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "engagements")]
pub struct Model {
    /// Engagement id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The request.
    pub request_id: Uuid,
    /// The expert's profile.
    pub expert_profile_id: Uuid,
    /// `EXPERT` (an application) or `INSTITUTION` (an invitation).
    pub initiated_by: String,
    /// `INVITED`, `APPLIED`, `ACCEPTED`, ...
    pub status: String,
    /// The opening message.
    pub message: String,
    /// Why it was declined.
    pub decline_reason: Option<String>,
    /// Hours given, recorded on completion.
    pub hours_given: Option<i32>,
    /// Feedback, recorded on completion.
    pub feedback: Option<String>,
    /// The account that started it.
    pub created_by: Option<Uuid>,
    /// Creation time.
    pub created_at: DateTimeUtc,
    /// Last change.
    pub updated_at: DateTimeUtc,
    /// When the other side answered.
    pub responded_at: Option<DateTimeUtc>,
    /// When it was completed.
    pub completed_at: Option<DateTimeUtc>,
    /// Whether a moderator proposed the expert on the institution's behalf.
    pub proposed_by_programme: bool,
    /// When the side that owes an answer was reminded of it (at most once).
    pub reminded_at: Option<DateTimeUtc>,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
