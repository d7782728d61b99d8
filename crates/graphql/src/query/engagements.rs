//! Queries about engagements.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::mutation::parse_id;
use crate::types::engagement::Engagement;
use async_graphql::{Context, ID, Object, Result};

#[derive(Default)]
pub struct EngagementQuery;

#[Object]
impl EngagementQuery {
    /// The caller's engagements, newest first: an expert's own, or for institution staff
    /// those on their institutions' requests.
    async fn my_engagements(&self, ctx: &Context<'_>) -> Result<Vec<Engagement>> {
        let (service, request) = parts(ctx)?;
        let views = service.my_engagements(actor(request)?).await.gql()?;
        Ok(views.into_iter().map(Engagement).collect())
    }

    /// An engagement; null if it does not exist or the caller is neither one of its sides
    /// (the expert, a member of the request's institution) nor a moderator.
    async fn engagement(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Engagement>> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let view = service.engagement(actor(request)?, id).await.gql()?;
        Ok(view.map(Engagement))
    }
}
