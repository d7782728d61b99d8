//! Network insight.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::insight::NetworkStats;
use async_graphql::{Context, Object, Result};

#[derive(Default)]
pub struct InsightQuery;

#[Object]
impl InsightQuery {
    /// The network's figures: experts, institutions, requests, engagements, hours given,
    /// diaspora breakdowns and skill gaps. Public: aggregates only.
    #[graphql(complexity = "crate::cost::AGGREGATE + child_complexity")]
    async fn network_stats(&self, ctx: &Context<'_>) -> Result<NetworkStats> {
        let (service, request) = parts(ctx)?;
        Ok(NetworkStats(
            service.network_stats(actor(request)?).await.gql()?,
        ))
    }
}
