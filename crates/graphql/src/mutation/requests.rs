//! Mutations on requests: writing, submitting, reviewing and closing them.

use super::parse_id;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::institution::Decision;
use crate::types::profile::WorkMode;
use crate::types::request::{Request, RequestKind};
use async_graphql::{Context, ID, InputObject, Object, Result};
use braingain_domain::InstitutionId;
use braingain_domain::request::{RequestDraft, SkillRequirementDraft};

/// A skill a request asks for: `skillId` from `skills(...)`, or a free-text `label`.
#[derive(InputObject)]
pub struct SkillRequirementInput {
    /// A taxonomy skill id.
    pub skill_id: Option<ID>,
    /// Free text, for a skill not in the taxonomy.
    pub label: Option<String>,
    /// The lowest acceptable level, 1 to 5.
    pub min_level: i32,
    /// Whether an expert without it does not qualify.
    pub required: bool,
}

/// A whole request (updating replaces the previous content).
#[derive(InputObject)]
pub struct RequestInput {
    /// The institution asking (the caller must be one of its members).
    pub institution_id: ID,
    /// What kind of help.
    pub kind: RequestKind,
    /// One line, 5 to 200 characters.
    pub title: String,
    /// 20 to 10,000 characters of plain text.
    pub description: String,
    /// 1 to 30 skills.
    pub skills: Vec<SkillRequirementInput>,
    /// Working languages (ISO 639-1).
    pub languages: Vec<String>,
    /// Acceptable ways of working.
    pub work_modes: Vec<WorkMode>,
    /// Hours a month asked (1 to 200).
    pub hours_per_month: Option<i32>,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: Option<String>,
    /// Last day, `YYYY-MM-DD`, not before the first.
    pub ends_on: Option<String>,
}

impl RequestInput {
    fn into_parts(self) -> Result<(InstitutionId, RequestDraft)> {
        let institution = parse_id(&self.institution_id, "input.institutionId")?;
        let draft = RequestDraft {
            kind: self.kind.into(),
            title: self.title,
            description: self.description,
            skills: self
                .skills
                .into_iter()
                .map(|s| SkillRequirementDraft {
                    skill_id: s.skill_id.map(|id| id.0),
                    label: s.label,
                    min_level: s.min_level,
                    required: s.required,
                })
                .collect(),
            languages: self.languages,
            work_modes: self.work_modes.into_iter().map(Into::into).collect(),
            hours_per_month: self.hours_per_month,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
        };
        Ok((institution, draft))
    }
}

#[derive(Default)]
pub struct RequestMutation;

#[Object]
impl RequestMutation {
    /// Writes a request (DRAFT) for a verified institution the caller belongs to.
    async fn create_request(&self, ctx: &Context<'_>, input: RequestInput) -> Result<Request> {
        let (service, request) = parts(ctx)?;
        let (institution, draft) = input.into_parts()?;
        let view = service
            .create_request(actor(request)?, institution, draft)
            .await
            .gql()?;
        Ok(Request(view))
    }

    /// Replaces a request's content while it is a DRAFT.
    async fn update_request(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: RequestInput,
    ) -> Result<Request> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let (institution, draft) = input.into_parts()?;
        let view = service
            .update_request(actor(request)?, id, institution, draft)
            .await
            .gql()?;
        Ok(Request(view))
    }

    /// Submits a DRAFT for review (→ `IN_REVIEW`).
    async fn submit_request(&self, ctx: &Context<'_>, id: ID) -> Result<Request> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        Ok(Request(
            service.submit_request(actor(request)?, id).await.gql()?,
        ))
    }

    /// Approves (→ OPEN) or rejects (→ REJECTED, with a reason) a request in review
    /// (moderators). The institution's members see the reason and get a mail.
    async fn review_request(
        &self,
        ctx: &Context<'_>,
        id: ID,
        decision: Decision,
        reason: Option<String>,
    ) -> Result<Request> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .review_request(actor(request)?, id, decision.into(), reason.as_deref())
            .await
            .gql()?;
        Ok(Request(view))
    }

    /// Sends a request in review back to its institution for changes (→ DRAFT), with a
    /// reason its members see (moderators).
    async fn return_request_for_changes(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
    ) -> Result<Request> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .return_request_for_changes(actor(request)?, id, &reason)
            .await
            .gql()?;
        Ok(Request(view))
    }

    /// Closes a request: COMPLETED when `completed` (work under way only), else CANCELLED
    /// (the institution's members or moderators). The optional `reason` (at most 2,000
    /// characters) is kept in the audit log; when a moderator closes, it is also shown to the
    /// institution (`reviewReason`) and its members are told.
    async fn close_request(
        &self,
        ctx: &Context<'_>,
        id: ID,
        completed: bool,
        reason: Option<String>,
    ) -> Result<Request> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .close_request(actor(request)?, id, completed, reason.as_deref())
            .await
            .gql()?;
        Ok(Request(view))
    }
}
