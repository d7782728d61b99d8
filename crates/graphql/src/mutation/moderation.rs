//! Moderation mutations: reporting content, deciding reports, holding and resuming requests,
//! and proposing experts to a request on its institution's behalf.

use super::parse_id;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::engagement::Engagement;
use crate::types::report::{Report, ReportAction};
use crate::types::request::Request;
use async_graphql::{Context, ID, Object, Result};
use braingain_domain::ProfileId;

#[derive(Default)]
pub struct ModerationMutation;

#[Object]
impl ModerationMutation {
    /// Reports an expert profile, a request or a message the caller can see to the
    /// moderators, with a reason (1 to 2,000 characters); any signed-in account. Reporting
    /// the same thing again while the first report is open changes nothing and answers true.
    /// At most 10 reports an hour (`RATE_LIMITED`).
    async fn report_content(
        &self,
        ctx: &Context<'_>,
        subject_id: ID,
        reason: String,
    ) -> Result<bool> {
        let (service, request) = parts(ctx)?;
        service
            .report_content(actor(request)?, &subject_id, &reason)
            .await
            .gql()
    }

    /// Resolves (something was done) or dismisses (nothing to do) an open report, with a
    /// note kept in the audit log (moderators). A report already decided is `CONFLICT`.
    async fn resolve_report(
        &self,
        ctx: &Context<'_>,
        id: ID,
        action: ReportAction,
        note: String,
    ) -> Result<Report> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .resolve_report(actor(request)?, id, action.into(), &note)
            .await
            .gql()?;
        Ok(Report(view))
    }

    /// Puts an OPEN or `IN_PROGRESS` request on hold (→ `ON_HOLD`) with a reason its
    /// institution's members read (moderators). It takes no experts until resumed.
    async fn hold_request(&self, ctx: &Context<'_>, id: ID, reason: String) -> Result<Request> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .hold_request(actor(request)?, id, &reason)
            .await
            .gql()?;
        Ok(Request(view))
    }

    /// Resumes a request on hold: back to `IN_PROGRESS` if an engagement on it was accepted,
    /// else OPEN (moderators). An optional reason is shown to the institution.
    async fn resume_request(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: Option<String>,
    ) -> Result<Request> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .resume_request(actor(request)?, id, reason.as_deref())
            .await
            .gql()?;
        Ok(Request(view))
    }

    /// Proposes 1 to 20 experts to an OPEN or `IN_PROGRESS` request on its institution's
    /// behalf (moderators): each gets an invitation marked `proposedByProgramme`, which they
    /// answer as any invitation. All are proposed or none is.
    async fn propose_experts(
        &self,
        ctx: &Context<'_>,
        request_id: ID,
        expert_ids: Vec<ID>,
        message: String,
    ) -> Result<Vec<Engagement>> {
        let (service, request) = parts(ctx)?;
        let request_id = parse_id(&request_id, "requestId")?;
        let experts = expert_ids
            .iter()
            .enumerate()
            .map(|(i, id)| parse_id::<ProfileId>(id, &format!("expertIds[{i}]")))
            .collect::<Result<Vec<_>>>()?;
        let views = service
            .propose_experts(actor(request)?, request_id, &experts, &message)
            .await
            .gql()?;
        Ok(views.into_iter().map(Engagement).collect())
    }
}
