//! Search queries.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::mutation::parse_id;
use crate::types::search::{
    ExpertFilter, ExpertHit, ExpertSearchResult, RequestFilter, RequestHit,
};
use async_graphql::{Context, ID, Lookahead, Object, Result, Value};
use braingain_service::search::requests::RequestSearch;
use braingain_service::search::{FACET_FIELDS, SearchRequest};

#[derive(Default)]
pub struct SearchQuery;

#[Object]
impl SearchQuery {
    /// Full-text, faceted, typo-tolerant, multilingual expert search. An empty query with
    /// filters browses. Anonymous callers see public profiles only.
    #[graphql(complexity = "crate::cost::SEARCH + child_complexity")]
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
        let facets = requested_facets(&ctx.look_ahead());
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

    /// Full-text, typo-tolerant, multilingual search over OPEN requests (public: anyone may
    /// search). An empty query browses, newest first. Each hit's `cursor` continues after it:
    /// pass the last hit's as `after` for the next page. For a signed-in expert the
    /// explanation compares the request with their profile.
    #[graphql(complexity = "crate::cost::SEARCH + child_complexity")]
    async fn search_requests(
        &self,
        ctx: &Context<'_>,
        query: Option<String>,
        #[graphql(default_with = "Some(20)")] first: Option<i32>,
        after: Option<String>,
        filter: Option<RequestFilter>,
        #[graphql(
            default_with = "Some(String::from(\"en\"))",
            desc = "The searcher's language (ISO 639-1), to prefer skill labels in it."
        )]
        lang: Option<String>,
    ) -> Result<Vec<RequestHit>> {
        let (service, request) = parts(ctx)?;
        let search = RequestSearch {
            text: query,
            lang: lang.unwrap_or_else(|| "en".to_owned()),
            filter: filter.unwrap_or_default().into(),
            first: first.unwrap_or(20),
            after,
        };
        let hits = service
            .search_requests(actor(request)?, search)
            .await
            .gql()?;
        Ok(hits.into_iter().map(RequestHit).collect())
    }

    /// Experts ranked for a request, best first, each with the reasons (the request's
    /// institution members and moderators). Combines text relevance with required-skill
    /// coverage and level, taxonomy proximity, languages, work mode, hours, origin country,
    /// verification and recent activity.
    #[graphql(complexity = "crate::cost::SEARCH + child_complexity")]
    async fn match_experts(
        &self,
        ctx: &Context<'_>,
        request_id: ID,
        #[graphql(default_with = "Some(20)")] first: Option<i32>,
    ) -> Result<Vec<ExpertHit>> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&request_id, "requestId")?;
        let hits = service
            .match_experts(actor(request)?, id, first.unwrap_or(20))
            .await
            .gql()?;
        Ok(hits.into_iter().map(ExpertHit).collect())
    }

    /// Open requests ranked for the signed-in expert, best first, each with the reasons.
    #[graphql(complexity = "crate::cost::SEARCH + child_complexity")]
    async fn recommended_requests(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(20)")] first: Option<i32>,
    ) -> Result<Vec<RequestHit>> {
        let (service, request) = parts(ctx)?;
        let hits = service
            .recommended_requests(actor(request)?, first.unwrap_or(20))
            .await
            .gql()?;
        Ok(hits.into_iter().map(RequestHit).collect())
    }
}

/// The facet fields the operation selects from a search result: the `field` argument of each
/// `facets(field: …)` selection (aliases, fragments and variables included), deduplicated,
/// in order; none when `facets` is not selected, so a page without facets does not pay for
/// counting them. An argument that cannot be read (never, after validation) asks for every
/// facet. Unknown names are dropped by the service.
fn requested_facets(result: &Lookahead<'_>) -> Vec<String> {
    let mut wanted: Vec<String> = Vec::new();
    for selection in result.field("facets").selection_fields() {
        let field = selection.arguments().ok().and_then(|arguments| {
            arguments
                .into_iter()
                .find(|(name, _)| name.as_str() == "field")
                .map(|(_, value)| value)
        });
        match field {
            Some(Value::String(name)) => {
                if !wanted.contains(&name) {
                    wanted.push(name);
                }
            }
            _ => return FACET_FIELDS.iter().map(|f| (*f).to_owned()).collect(),
        }
    }
    wanted
}

#[cfg(test)]
mod tests {
    use async_graphql::{EmptyMutation, EmptySubscription, Request, Schema, Variables};

    use super::*;

    /// A result type with the real one's `facets(field:)` and what was asked of it.
    struct Probe(Vec<String>);

    #[Object]
    impl Probe {
        async fn facets(&self, field: String) -> bool {
            !field.is_empty()
        }
        async fn asked(&self) -> Vec<String> {
            self.0.clone()
        }
    }

    struct Root;

    #[Object]
    impl Root {
        async fn probe(&self, ctx: &Context<'_>) -> Probe {
            Probe(requested_facets(&ctx.look_ahead()))
        }
    }

    async fn asked(document: &str, variables: serde_json::Value) -> serde_json::Value {
        let schema = Schema::new(Root, EmptyMutation, EmptySubscription);
        let request = Request::new(document).variables(Variables::from_json(variables));
        let response = schema.execute(request).await;
        assert!(response.errors.is_empty(), "{:?}", response.errors);
        let data = response.data.into_json().unwrap();
        data["probe"]["asked"].clone()
    }

    #[tokio::test]
    async fn only_the_selected_facets_are_requested() {
        let none = asked("{ probe { asked } }", serde_json::json!({})).await;
        assert_eq!(none, serde_json::json!([]));
        let document = "query($f: String!) {
            probe {
                asked
                country: facets(field: \"residenceCountry\")
                again: facets(field: \"residenceCountry\")
                chosen: facets(field: $f)
                ...More
            }
        }
        fragment More on Probe { skill: facets(field: \"skill\") }";
        let some = asked(document, serde_json::json!({ "f": "language" })).await;
        assert_eq!(
            some,
            serde_json::json!(["residenceCountry", "language", "skill"])
        );
    }
}
