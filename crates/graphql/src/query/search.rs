//! Search queries.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::search::{ExpertFilter, ExpertSearchResult};
use async_graphql::{Context, Object, Result};
use braingain_service::search::FACET_FIELDS;

#[derive(Default)]
pub struct SearchQuery;

#[Object]
impl SearchQuery {
    /// Full-text, faceted, typo-tolerant, multilingual expert search. An empty query with
    /// filters browses. Anonymous callers see public profiles only.
    async fn search_experts(
        &self,
        ctx: &Context<'_>,
        query: Option<String>,
        filter: Option<ExpertFilter>,
        #[graphql(default = 20)] first: i32,
        after: Option<String>,
        #[graphql(default = "en", desc = "The searcher's language (ISO 639-1), to prefer skill labels in it.")]
        lang: String,
    ) -> Result<ExpertSearchResult> {
        let (service, request) = parts(ctx)?;
        let facets = if ctx.look_ahead().field("facets").exists() {
            FACET_FIELDS.iter().map(|f| (*f).to_owned()).collect()
        } else {
            Vec::new()
        };
        let filter = filter.unwrap_or_default().into();
        let page = service
            .search_experts(actor(request)?, query.as_deref(), &lang, &filter, first, after, facets)
            .await
            .gql()?;
        Ok(ExpertSearchResult(page))
    }
}
