//! `Engagement`, its enums and its `Message`s.

use super::account::Account;
use super::profile::ExpertProfile;
use super::request::Request;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use async_graphql::{Context, Enum, ID, Object, Result};
use braingain_service::engagements::{EngagementView, MessageView};
use chrono::{DateTime, Utc};

/// Where an engagement stands: APPLIED or INVITED until the other side accepts or declines;
/// the side that started withdraws; ACCEPTED work is COMPLETED (or withdrawn).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::EngagementStatus")]
pub enum EngagementStatus {
    /// The institution invited the expert; the expert answers.
    Invited,
    /// The expert applied; the institution answers.
    Applied,
    /// The other side said yes; the expert's contact email is shared with the institution.
    Accepted,
    /// The other side said no.
    Declined,
    /// A side stepped back.
    Withdrawn,
    /// The work is done.
    Completed,
}

/// One side of an engagement.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::Side")]
pub enum EngagementSide {
    /// The expert (an application).
    Expert,
    /// The institution's members (an invitation).
    Institution,
}

/// An expert's engagement on a request, as one of its sides or a moderator sees it.
pub struct Engagement(pub EngagementView);

#[Object]
impl Engagement {
    /// Identifier.
    async fn id(&self) -> ID {
        ID(self.0.engagement.id.to_string())
    }
    /// The request.
    async fn request(&self) -> Request {
        Request(self.0.request.clone())
    }
    /// The expert.
    async fn expert(&self) -> ExpertProfile {
        ExpertProfile(self.0.expert.clone())
    }
    /// Where it stands.
    async fn status(&self) -> EngagementStatus {
        self.0.engagement.status.into()
    }
    /// Hours given, recorded on completion.
    async fn hours_given(&self) -> Option<i32> {
        self.0.engagement.hours_given
    }
    /// When it last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.engagement.updated_at
    }
    /// Who started it: the expert applied, or the institution invited.
    async fn initiated_by(&self) -> EngagementSide {
        self.0.engagement.initiated_by.into()
    }
    /// Whether the programme's moderators proposed the expert on the institution's behalf
    /// (an invitation the expert answers as any other).
    async fn proposed_by_programme(&self) -> bool {
        self.0.engagement.proposed_by_programme
    }
    /// The opening message of the application or invitation (plain text).
    async fn message(&self) -> &str {
        &self.0.engagement.message
    }
    /// Why it was declined, if a reason was given.
    async fn decline_reason(&self) -> Option<&str> {
        self.0.engagement.decline_reason.as_deref()
    }
    /// Feedback recorded on completion.
    async fn feedback(&self) -> Option<&str> {
        self.0.engagement.feedback.as_deref()
    }
    /// When it was started.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.engagement.created_at
    }
    /// The messages between the two sides, oldest first (plain text).
    async fn messages(&self, ctx: &Context<'_>) -> Result<Vec<Message>> {
        let (service, request) = parts(ctx)?;
        let list = service
            .engagement_messages(actor(request)?, &self.0.engagement)
            .await
            .gql()?;
        Ok(list.into_iter().map(Message).collect())
    }
}

/// A message one side of an engagement wrote to the other.
pub struct Message(pub MessageView);

#[Object]
impl Message {
    /// Identifier.
    async fn id(&self) -> ID {
        ID(self.0.message.id.to_string())
    }
    /// Who wrote it; a deleted account shows as "Deleted account" with a nil id.
    async fn author(&self) -> Account {
        Account(self.0.author.clone())
    }
    /// The text, plain text exactly as written (trimmed): never HTML; escape it to show it.
    async fn body(&self) -> &str {
        &self.0.message.body
    }
    /// When it was sent.
    async fn sent_at(&self) -> DateTime<Utc> {
        self.0.message.sent_at
    }
}
