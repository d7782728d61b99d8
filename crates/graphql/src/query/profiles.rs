//! Queries about experts, institutions and skills.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::mutation::parse_id;
use crate::types::institution::Institution;
use crate::types::profile::ExpertProfile;
use crate::types::report::Report;
use crate::types::request::Request;
use crate::types::skill::Skill;
use async_graphql::{ComplexObject, Context, ID, Object, Result, SimpleObject};

#[derive(Default)]
pub struct ProfileQuery;

/// What moderators have to look at.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ModerationQueue {
    /// Institutions waiting for verification, oldest first.
    pub institutions: Vec<Institution>,
    /// Requests waiting for review, the longest waiting first.
    pub requests: Vec<Request>,
}

#[ComplexObject]
impl ModerationQueue {
    /// Open reports of content, oldest first (at most 500), each with its subject as the
    /// moderator sees it and the account behind it.
    async fn reports(&self, ctx: &Context<'_>) -> Result<Vec<Report>> {
        let (service, request) = parts(ctx)?;
        let open = service.open_reports(actor(request)?).await.gql()?;
        Ok(open.into_iter().map(Report).collect())
    }
}

#[Object]
impl ProfileQuery {
    /// An expert's profile; null if it does not exist or the caller may not see it.
    async fn expert(&self, ctx: &Context<'_>, id: ID) -> Result<Option<ExpertProfile>> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        Ok(service
            .expert(actor(request)?, id)
            .await
            .gql()?
            .map(ExpertProfile))
    }

    /// An institution; null if it does not exist or the caller may not see it (unverified
    /// institutions are visible to their members and moderators only).
    async fn institution(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Institution>> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        Ok(service
            .institution(actor(request)?, id)
            .await
            .gql()?
            .map(Institution))
    }

    /// Skill autocomplete: prefix and typo-tolerant matching over ESCO labels and synonyms in
    /// English, French and Spanish, preferring `lang`.
    #[graphql(complexity = "crate::cost::LOOKUP + child_complexity")]
    async fn skills(
        &self,
        ctx: &Context<'_>,
        query: String,
        #[graphql(default_with = "Some(String::from(\"en\"))")] lang: Option<String>,
        #[graphql(default_with = "Some(10)")] first: Option<i32>,
    ) -> Result<Vec<Skill>> {
        let (service, _) = parts(ctx)?;
        Ok(service
            .suggest_skills(&query, lang.as_deref().unwrap_or("en"), first.unwrap_or(10))
            .await
            .gql()?
            .into_iter()
            .map(Skill)
            .collect())
    }

    /// The moderators' queues (moderators and admins only).
    async fn moderation_queue(&self, ctx: &Context<'_>) -> Result<ModerationQueue> {
        let (service, request) = parts(ctx)?;
        let institutions = service.pending_institutions(actor(request)?).await.gql()?;
        let requests = service.pending_requests(actor(request)?).await.gql()?;
        Ok(ModerationQueue {
            institutions: institutions.into_iter().map(Institution).collect(),
            requests: requests.into_iter().map(Request).collect(),
        })
    }
}
