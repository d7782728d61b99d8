//! Search queries.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::search::{ExpertFilter, ExpertSearchResult};
use async_graphql::{Context, Object, Result};
use braingain_service::search::{FACET_FIELDS, SearchRequest};

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
        #[graphql(default_with = "Some(20)")] first: Option<i32>,
        after: Option<String>,
        #[graphql(
            default_with = "Some(String::from(\"en\"))",
            desc = "The searcher's language (ISO 639-1), to prefer skill labels in it."
        )]
        lang: Option<String>,
    ) -> Result<ExpertSearchResult> {
        let (service, request) = parts(ctx)?;
        let facets = if ctx.look_ahead().field("facets").exists() {
            FACET_FIELDS.iter().map(|f| (*f).to_owned()).collect()
        } else {
            Vec::new()
        };
        let filter = filter.unwrap_or_default().into();
        let request_args = SearchRequest {
            text: query,
            lang: lang.unwrap_or_else(|| "en".to_owned()),
            filter,
            first: first.unwrap_or(20),
            after,
            facet_fields: facets,
        };
        let page = service
            .search_experts(actor(request)?, request_args)
            .await
            .gql()?;
        Ok(ExpertSearchResult(page))
    }
}
