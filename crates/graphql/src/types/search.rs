//! Search results: hits with their explanation, facets and cursors.

use super::profile::{EngagementType, ExpertProfile, WorkMode};
use super::request::RequestKind;
use super::skill::Skill;
use async_graphql::{InputObject, Object, SimpleObject};
use braingain_service::matching::RequestHit as ServiceRequestHit;
use braingain_service::search::requests::RequestSearchFilter;
use braingain_service::search::{ExpertHit as ServiceHit, Explanation, SearchFilter, SearchPage};

/// Filters of an expert search; values within a list are alternatives (OR), lists combine
/// with AND. `skillIds` must all be present.
#[derive(InputObject, Default)]
pub struct ExpertFilter {
    /// Countries of residence (alpha-2).
    pub residence_countries: Option<Vec<String>>,
    /// Countries of origin (alpha-2).
    pub origin_countries: Option<Vec<String>>,
    /// Languages spoken (ISO 639-1).
    pub languages: Option<Vec<String>>,
    /// Skills the expert must have (all of them).
    pub skill_ids: Option<Vec<async_graphql::ID>>,
    /// Forms of help offered.
    pub engagement_types: Option<Vec<EngagementType>>,
    /// Ways of working.
    pub work_modes: Option<Vec<WorkMode>>,
    /// Only experts verified by a moderator.
    pub verified_only: Option<bool>,
    /// At least this many hours a month.
    pub min_hours_per_month: Option<i32>,
}

impl From<ExpertFilter> for SearchFilter {
    fn from(f: ExpertFilter) -> Self {
        SearchFilter {
            residence_countries: f.residence_countries.unwrap_or_default(),
            origin_countries: f.origin_countries.unwrap_or_default(),
            languages: f.languages.unwrap_or_default(),
            skill_ids: f
                .skill_ids
                .unwrap_or_default()
                .into_iter()
                .map(|id| id.0)
                .collect(),
            engagement_types: f
                .engagement_types
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            work_modes: f
                .work_modes
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            verified_only: f.verified_only.unwrap_or(false),
            min_hours_per_month: f.min_hours_per_month,
        }
    }
}

/// Filters of a request search; values within a list are alternatives (OR), lists combine
/// with AND.
#[derive(InputObject, Default)]
pub struct RequestFilter {
    /// The institution's country (alpha-2).
    pub countries: Option<Vec<String>>,
    /// Kinds of help.
    pub kinds: Option<Vec<RequestKind>>,
    /// Working languages (ISO 639-1): the request names one of them.
    pub languages: Option<Vec<String>>,
    /// Skills: the request asks for one of them.
    pub skill_ids: Option<Vec<async_graphql::ID>>,
    /// Ways of working: the request accepts one of them.
    pub work_modes: Option<Vec<WorkMode>>,
}

impl From<RequestFilter> for RequestSearchFilter {
    fn from(f: RequestFilter) -> Self {
        RequestSearchFilter {
            countries: f.countries.unwrap_or_default(),
            kinds: f
                .kinds
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            languages: f.languages.unwrap_or_default(),
            skill_ids: f
                .skill_ids
                .unwrap_or_default()
                .into_iter()
                .map(|id| id.0)
                .collect(),
            work_modes: f
                .work_modes
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
        }
    }
}

/// Why a hit matched: the skills, languages and countries it shares with the query.
pub struct MatchExplanation(pub Explanation);

#[Object]
impl MatchExplanation {
    /// Asked-for skills the expert has.
    async fn matched_skills(&self) -> Vec<Skill> {
        self.0.matched_skills.iter().cloned().map(Skill).collect()
    }
    /// Asked-for skills the expert lacks.
    async fn missing_skills(&self) -> Vec<Skill> {
        self.0.missing_skills.iter().cloned().map(Skill).collect()
    }
    /// Asked-for languages the expert speaks.
    async fn matched_languages(&self) -> &[String] {
        &self.0.matched_languages
    }
    /// Whether the expert lives in or comes from an asked-for country.
    async fn country_match(&self) -> bool {
        self.0.country_match
    }
    /// Snippets with `<mark>…</mark>` around matched words (the rest is HTML-escaped).
    async fn highlights(&self) -> &[String] {
        &self.0.highlights
    }
}

/// One expert in a result list.
pub struct ExpertHit(pub ServiceHit);

#[Object]
impl ExpertHit {
    /// The expert.
    async fn expert(&self) -> ExpertProfile {
        ExpertProfile(self.0.expert.clone())
    }
    /// Relevance (higher is better; comparable within one result list only).
    async fn score(&self) -> f64 {
        f64::from(self.0.score)
    }
    /// Why it matched.
    async fn explanation(&self) -> MatchExplanation {
        MatchExplanation(self.0.explanation.clone())
    }
    /// Whether the expert has left an invitation unanswered for 21 days or more:
    /// `matchExperts` then multiplies their fit by 0.7. Always false in `searchExperts`.
    async fn less_active(&self) -> bool {
        self.0.less_active
    }
}

/// How many results have one value of a field.
#[derive(SimpleObject)]
pub struct FacetCount {
    /// The value (a country or language code, a skill id, an enum value).
    pub value: String,
    /// How many matching experts have it.
    pub count: i32,
}

/// A page of expert search results.
pub struct ExpertSearchResult(pub SearchPage);

#[Object]
impl ExpertSearchResult {
    /// Matching experts across all pages.
    async fn total_count(&self) -> i32 {
        i32::try_from(self.0.total).unwrap_or(i32::MAX)
    }
    /// This page of hits, best first.
    async fn hits(&self) -> Vec<ExpertHit> {
        self.0.hits.iter().cloned().map(ExpertHit).collect()
    }
    /// Counts per value over all matching experts. `field`: residenceCountry | originCountry |
    /// language | skill | engagementType | workMode.
    async fn facets(&self, field: String) -> Vec<FacetCount> {
        self.0
            .facets
            .get(&field)
            .map(|values| {
                values
                    .iter()
                    .map(|(value, count)| FacetCount {
                        value: value.clone(),
                        count: i32::try_from(*count).unwrap_or(i32::MAX),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    /// Pass as `after` to get the next page; null on the last page.
    async fn next_cursor(&self) -> Option<&str> {
        self.0.next_cursor.as_deref()
    }
}

/// One request in a ranked list for an expert.
pub struct RequestHit(pub ServiceRequestHit);

#[Object]
impl RequestHit {
    /// The request.
    async fn request(&self) -> super::request::Request {
        super::request::Request(self.0.request.clone())
    }
    /// `recommendedRequests`: fit between 0 and 1. `searchRequests`: relevance (comparable
    /// within one result list only). Higher is better.
    async fn score(&self) -> f64 {
        f64::from(self.0.score)
    }
    /// Why it matched: the skills, languages and country shared with the signed-in expert
    /// (or, for other callers of `searchRequests`, with the query and its filter).
    async fn explanation(&self) -> MatchExplanation {
        MatchExplanation(self.0.explanation.clone())
    }
    /// `searchRequests`: pass as `after` to get the hits that follow this one (the last
    /// hit's cursor gives the next page; a page shorter than `first` is the last).
    /// `recommendedRequests` is not paged: empty there.
    async fn cursor(&self) -> &str {
        &self.0.cursor
    }
}
