//! Queries about engagements.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::engagement::Engagement;
use async_graphql::{Context, Object, Result};

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
}
