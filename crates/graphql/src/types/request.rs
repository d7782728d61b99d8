//! `Request`, `SkillRequirement` and the request enums.

use super::engagement::Engagement;
use super::institution::Institution;
use super::profile::WorkMode;
use super::skill::Skill;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use braingain_service::requests::RequestView;
use chrono::{DateTime, Utc};

/// What an institution asks an expert for.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::RequestKind")]
pub enum RequestKind {
    /// A project to carry out together.
    Project,
    /// Mentoring students or staff.
    Mentoring,
    /// A lecture or a course.
    Lecture,
    /// Thesis or PhD supervision.
    Supervision,
    /// Expert advice.
    Consultancy,
    /// Training staff.
    Training,
}

/// Where a request stands: DRAFT → `IN_REVIEW` → OPEN → `IN_PROGRESS` → COMPLETED, or
/// CANCELLED, or REJECTED; a moderator may also send a request in review back to DRAFT, and
/// put an OPEN or `IN_PROGRESS` request `ON_HOLD` and resume it.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::RequestStatus")]
pub enum RequestStatus {
    /// Being written; seen by the institution's members and moderators only.
    Draft,
    /// Submitted, waiting for a moderator.
    InReview,
    /// Approved: a public call for help.
    Open,
    /// An engagement was accepted; the work is under way.
    InProgress,
    /// Paused by a moderator (stalled), with a reason in `reviewReason`; takes no experts
    /// until resumed, and is seen by the institution's members and moderators only.
    OnHold,
    /// The work is done.
    Completed,
    /// Closed without completion.
    Cancelled,
    /// Refused by a moderator.
    Rejected,
}

/// A skill a request asks for.
#[derive(SimpleObject)]
pub struct SkillRequirement {
    /// The skill.
    pub skill: Skill,
    /// The lowest acceptable level, 1 (basic) to 5 (leading expert).
    pub min_level: i32,
    /// Whether an expert without it does not qualify (else it is a plus).
    pub required: bool,
}

/// An institution's request for help, as the viewer may see it.
pub struct Request(pub RequestView);

#[Object]
impl Request {
    /// Identifier.
    async fn id(&self) -> ID {
        ID(self.0.request.id.to_string())
    }
    /// The institution asking.
    async fn institution(&self) -> Institution {
        Institution(self.0.institution.clone())
    }
    /// What kind of help.
    async fn kind(&self) -> RequestKind {
        self.0.request.kind.into()
    }
    /// One-line title.
    async fn title(&self) -> &str {
        &self.0.request.title
    }
    /// What is needed and why (plain text).
    async fn description(&self) -> &str {
        &self.0.request.description
    }
    /// Skills asked for, in the institution's order.
    async fn skills(&self) -> Vec<SkillRequirement> {
        self.0
            .skills
            .iter()
            .map(|s| SkillRequirement {
                skill: Skill(s.skill.clone()),
                min_level: i32::from(s.min_level),
                required: s.required,
            })
            .collect()
    }
    /// Working languages (ISO 639-1).
    async fn languages(&self) -> Vec<&str> {
        self.0
            .request
            .languages
            .iter()
            .map(|l| l.as_str())
            .collect()
    }
    /// Acceptable ways of working.
    async fn work_modes(&self) -> Vec<WorkMode> {
        self.0
            .request
            .work_modes
            .iter()
            .map(|m| (*m).into())
            .collect()
    }
    /// Hours a month asked of an expert.
    async fn hours_per_month(&self) -> Option<i32> {
        self.0.request.hours_per_month
    }
    /// First day (`YYYY-MM-DD`).
    async fn starts_on(&self) -> Option<String> {
        self.0.request.starts_on.map(|d| d.to_string())
    }
    /// Last day (`YYYY-MM-DD`).
    async fn ends_on(&self) -> Option<String> {
        self.0.request.ends_on.map(|d| d.to_string())
    }
    /// Where it stands in its lifecycle.
    async fn status(&self) -> RequestStatus {
        self.0.request.status.into()
    }
    /// The moderators' reason for their last decision (a rejection, what to change, why it
    /// is on hold or was closed).
    async fn review_reason(&self) -> Option<&str> {
        self.0.request.review_reason.as_deref()
    }
    /// When it was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.request.created_at
    }
    /// When it last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.request.updated_at
    }
    /// When something last happened on it (a move of the request or of an engagement on it,
    /// a message): for its institution's members and moderators, null for others.
    async fn last_activity_at(&self, ctx: &Context<'_>) -> Result<Option<DateTime<Utc>>> {
        let (service, request) = parts(ctx)?;
        service
            .request_last_activity(actor(request)?, &self.0.request)
            .await
            .gql()
    }
    /// Its engagements, oldest first: the institution's members and moderators see all; an
    /// expert sees their own; others none.
    async fn engagements(&self, ctx: &Context<'_>) -> Result<Vec<Engagement>> {
        let (service, request) = parts(ctx)?;
        let views = service
            .request_engagements(actor(request)?, &self.0.request)
            .await
            .gql()?;
        Ok(views.into_iter().map(Engagement).collect())
    }
}
