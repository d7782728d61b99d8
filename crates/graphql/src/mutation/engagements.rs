//! Mutations on engagements: applying, inviting, answering, withdrawing and completing, and
//! the messages between the two sides.

use super::parse_id;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::engagement::{Engagement, Message};
use async_graphql::{Context, ID, Object, Result};

#[derive(Default)]
pub struct EngagementMutation;

#[Object]
impl EngagementMutation {
    /// An expert applies to an OPEN (or `IN_PROGRESS`) request with a message (1 to 5,000
    /// characters). One open engagement per expert and request: a second is a `CONFLICT`.
    async fn apply_to_request(
        &self,
        ctx: &Context<'_>,
        request_id: ID,
        message: String,
    ) -> Result<Engagement> {
        let (service, request) = parts(ctx)?;
        let request_id = parse_id(&request_id, "requestId")?;
        let view = service
            .apply_to_request(actor(request)?, request_id, &message)
            .await
            .gql()?;
        Ok(Engagement(view))
    }

    /// A member of the request's institution invites an expert (a profile id) with a message.
    async fn invite_expert(
        &self,
        ctx: &Context<'_>,
        request_id: ID,
        expert_id: ID,
        message: String,
    ) -> Result<Engagement> {
        let (service, request) = parts(ctx)?;
        let request_id = parse_id(&request_id, "requestId")?;
        let expert_id = parse_id(&expert_id, "expertId")?;
        let view = service
            .invite_expert(actor(request)?, request_id, expert_id, &message)
            .await
            .gql()?;
        Ok(Engagement(view))
    }

    /// The side that did not start the engagement accepts it (its request goes
    /// `IN_PROGRESS`) or declines it, optionally saying why (at most 2,000 characters).
    async fn respond_to_engagement(
        &self,
        ctx: &Context<'_>,
        id: ID,
        accept: bool,
        reason: Option<String>,
    ) -> Result<Engagement> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .respond_to_engagement(actor(request)?, id, accept, reason.as_deref())
            .await
            .gql()?;
        Ok(Engagement(view))
    }

    /// The side that started an unanswered engagement withdraws it; either side withdraws
    /// from an accepted one.
    async fn withdraw_engagement(&self, ctx: &Context<'_>, id: ID) -> Result<Engagement> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .withdraw_engagement(actor(request)?, id)
            .await
            .gql()?;
        Ok(Engagement(view))
    }

    /// Either side records an accepted engagement as done, with the hours given (0 to
    /// 10,000) and optional feedback (at most 5,000 characters).
    async fn complete_engagement(
        &self,
        ctx: &Context<'_>,
        id: ID,
        hours_given: i32,
        feedback: Option<String>,
    ) -> Result<Engagement> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service
            .complete_engagement(actor(request)?, id, hours_given, feedback.as_deref())
            .await
            .gql()?;
        Ok(Engagement(view))
    }

    /// One side of an engagement (the expert or a member of the request's institution)
    /// writes to the other (1 to 5,000 characters of plain text, stored verbatim and never
    /// interpreted as HTML); the other side gets a mail.
    async fn send_message(
        &self,
        ctx: &Context<'_>,
        engagement_id: ID,
        body: String,
    ) -> Result<Message> {
        let (service, request) = parts(ctx)?;
        let engagement_id = parse_id(&engagement_id, "engagementId")?;
        let view = service
            .send_message(actor(request)?, engagement_id, &body)
            .await
            .gql()?;
        Ok(Message(view))
    }
}
