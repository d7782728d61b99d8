//! Expert search: free text and filters over the index, explained hits, facets and cursors.
//! Request search lives in [`requests`].

pub mod requests;

use crate::profiles::{ProfileView, may_view};
use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::{CountryCode, EngagementType, LanguageCode, ProfileId, SkillId, WorkMode};
use braingain_search::experts::{ExpertFilter as IndexFilter, ExpertQuery, ExpertResults};
use braingain_store::accounts;
use braingain_store::profiles;
use braingain_store::skills::SkillRecord;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

pub use braingain_search::experts::FACET_FIELDS;
/// Most skills a query's text is expanded to.
const MAX_EXPANDED_SKILLS: usize = 8;

/// Most hits per page.
pub const MAX_PAGE: i32 = 100;

/// Filters as a client sends them.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// Countries of residence (alpha-2).
    pub residence_countries: Vec<String>,
    /// Countries of origin (alpha-2).
    pub origin_countries: Vec<String>,
    /// Languages (ISO 639-1).
    pub languages: Vec<String>,
    /// Skills that must all be present.
    pub skill_ids: Vec<String>,
    /// Forms of help, any of.
    pub engagement_types: Vec<EngagementType>,
    /// Ways of working, any of.
    pub work_modes: Vec<WorkMode>,
    /// Only moderator-verified experts.
    pub verified_only: bool,
    /// At least this many hours a month.
    pub min_hours_per_month: Option<i32>,
}

/// One expert search as a client asks it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Free text; blank browses.
    pub text: Option<String>,
    /// The searcher's language (ISO 639-1), to prefer skill labels in it.
    pub lang: String,
    /// Filters.
    pub filter: SearchFilter,
    /// Page size (1 to 100).
    pub first: i32,
    /// Cursor from the previous page.
    pub after: Option<String>,
    /// Facet fields to count.
    pub facet_fields: Vec<String>,
}

/// Why a hit is there.
#[derive(Debug, Clone, Default)]
pub struct Explanation {
    /// Asked-for skills the expert has.
    pub matched_skills: Vec<Arc<SkillRecord>>,
    /// Asked-for skills the expert lacks.
    pub missing_skills: Vec<Arc<SkillRecord>>,
    /// Asked-for languages the expert speaks.
    pub matched_languages: Vec<String>,
    /// Whether the expert lives in or comes from an asked-for country.
    pub country_match: bool,
    /// Snippets with `<mark>` around matched words.
    pub highlights: Vec<String>,
}

/// One search hit.
#[derive(Debug, Clone)]
pub struct ExpertHit {
    /// The profile, as the caller may see it.
    pub expert: ProfileView,
    /// Relevance.
    pub score: f32,
    /// Why it matched.
    pub explanation: Explanation,
    /// Whether the expert has left an invitation unanswered for 21 days or more, which
    /// `matchExperts` weighs against them (always false in free-text search).
    pub less_active: bool,
}

/// One page of results.
#[derive(Debug, Clone, Default)]
pub struct SearchPage {
    /// Matching experts in all pages.
    pub total: usize,
    /// This page.
    pub hits: Vec<ExpertHit>,
    /// Counts per value, per facet field.
    pub facets: BTreeMap<String, Vec<(String, u64)>>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

impl SearchFilter {
    fn validate(&self) -> ServiceResult<IndexFilter> {
        let countries = |list: &[String], field: &str| -> ServiceResult<Vec<String>> {
            list.iter()
                .enumerate()
                .map(|(i, c)| {
                    Ok(
                        CountryCode::parse_field(c, &format!("filter.{field}[{i}]"))?
                            .as_str()
                            .to_owned(),
                    )
                })
                .collect()
        };
        let languages = self
            .languages
            .iter()
            .enumerate()
            .map(|(i, c)| {
                Ok(
                    LanguageCode::parse_field(c, &format!("filter.languages[{i}]"))?
                        .as_str()
                        .to_owned(),
                )
            })
            .collect::<ServiceResult<Vec<_>>>()?;
        let skill_ids = self
            .skill_ids
            .iter()
            .enumerate()
            .map(|(i, s)| {
                s.parse::<SkillId>().map(|id| id.to_string()).map_err(|_| {
                    ServiceError::bad_input(
                        format!("filter.skillIds[{i}]"),
                        "this is not a valid skill id",
                    )
                })
            })
            .collect::<ServiceResult<Vec<_>>>()?;
        if self.min_hours_per_month.is_some_and(|h| h < 0) {
            return Err(ServiceError::bad_input(
                "filter.minHoursPerMonth",
                "hours cannot be negative",
            ));
        }
        Ok(IndexFilter {
            residence_countries: countries(&self.residence_countries, "residenceCountries")?,
            origin_countries: countries(&self.origin_countries, "originCountries")?,
            languages,
            skill_ids,
            engagement_types: self
                .engagement_types
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
            work_modes: self
                .work_modes
                .iter()
                .map(|m| m.as_str().to_owned())
                .collect(),
            verified_only: self.verified_only,
            min_hours_per_month: self.min_hours_per_month.and_then(|h| u32::try_from(h).ok()),
            public_only: false,
        })
    }
}

impl Service {
    /// Searches experts by free text and filters. Anonymous callers see public profiles
    /// only; hidden, unverified and suspended experts are never in the index.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn search_experts(
        &self,
        actor: &Actor,
        request: SearchRequest,
    ) -> ServiceResult<SearchPage> {
        let SearchRequest {
            text,
            lang,
            filter,
            first,
            after,
            facet_fields,
        } = request;
        let (text, lang, filter) = (text.as_deref(), lang.as_str(), &filter);
        let mut index_filter = filter.validate()?;
        index_filter.public_only = matches!(actor, Actor::Anonymous);
        let text = text
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| t.chars().take(500).collect::<String>());
        let skill_boosts = match &text {
            Some(t) => self.skills_meant_by(t, lang).await?,
            None => Vec::new(),
        };
        let query = ExpertQuery {
            text: text.clone(),
            skill_boosts: skill_boosts.iter().map(ToString::to_string).collect(),
            filter: index_filter,
            limit: usize::try_from(first.clamp(1, MAX_PAGE)).unwrap_or(20),
            after,
            facet_fields: facet_fields
                .into_iter()
                .filter(|f| FACET_FIELDS.contains(&f.as_str()))
                .collect(),
            now: self.now().timestamp(),
        };
        let index = self.inner.experts.clone();
        let results = tokio::task::spawn_blocking(move || index.search(&query))
            .await
            .map_err(ServiceError::internal)?
            .map_err(|e| match e {
                braingain_search::SearchError::BadCursor(_) => ServiceError::bad_input(
                    "after",
                    "this cursor is not valid; start again from the first page",
                ),
                other => ServiceError::internal(other),
            })?;
        self.page(actor, results, filter, &skill_boosts).await
    }

    /// Taxonomy skills the text most probably names (for cross-language matching), clause by
    /// clause ([`braingain_search::expansion`]): a request often names several skills
    /// ("groundwater monitoring and hydrographic surveys").
    pub(crate) async fn skills_meant_by(
        &self,
        text: &str,
        lang: &str,
    ) -> ServiceResult<Vec<SkillId>> {
        let index = self
            .inner
            .skills
            .index()
            .await
            .map_err(ServiceError::Internal)?;
        let (text, lang) = (text.to_owned(), lang.to_owned());
        let found = tokio::task::spawn_blocking(move || {
            braingain_search::expansion::skills_meant_by(
                &index,
                &text,
                Some(&lang),
                MAX_EXPANDED_SKILLS,
            )
        })
        .await
        .map_err(ServiceError::internal)?
        .map_err(ServiceError::internal)?;
        Ok(found.iter().filter_map(|id| id.parse().ok()).collect())
    }

    async fn page(
        &self,
        actor: &Actor,
        results: ExpertResults,
        filter: &SearchFilter,
        boosts: &[SkillId],
    ) -> ServiceResult<SearchPage> {
        let db = self.store().conn();
        let ids: Vec<ProfileId> = results
            .hits
            .iter()
            .filter_map(|h| h.profile_id.parse().ok())
            .collect();
        let records: HashMap<ProfileId, _> = profiles::find_many(db, &ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let owner_ids: Vec<_> = records.values().map(|p| p.account_id).collect();
        let owners: HashMap<_, _> = accounts::find_many(db, &owner_ids)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let asked: Vec<SkillId> = filter
            .skill_ids
            .iter()
            .filter_map(|s| s.parse().ok())
            .chain(boosts.iter().copied())
            .collect();
        let asked_skills = self.skills_by_id(&asked).await?;
        let countries: Vec<&str> = filter
            .residence_countries
            .iter()
            .chain(&filter.origin_countries)
            .map(String::as_str)
            .collect();
        let mut hits = Vec::with_capacity(results.hits.len());
        for hit in results.hits {
            let Some(record) = hit
                .profile_id
                .parse::<ProfileId>()
                .ok()
                .and_then(|id| records.get(&id))
            else {
                continue;
            };
            let Some(owner) = owners.get(&record.account_id) else {
                continue;
            };
            // The index may trail the database by a moment: check the rules again.
            if !crate::indexer::searchable(owner, record) || !may_view(actor, owner, record) {
                continue;
            }
            let expert = self.view_profile(actor, owner, record.clone()).await?;
            let has = |id: &SkillId| record.skills.iter().any(|c| c.skill_id == *id);
            let explanation = Explanation {
                matched_skills: asked_skills
                    .iter()
                    .filter(|s| has(&s.id))
                    .cloned()
                    .collect(),
                missing_skills: asked_skills
                    .iter()
                    .filter(|s| !has(&s.id) && filter.skill_ids.contains(&s.id.to_string()))
                    .cloned()
                    .collect(),
                matched_languages: hit.matched_languages,
                country_match: countries.iter().any(|c| {
                    c.eq_ignore_ascii_case(record.residence_country.as_str())
                        || record
                            .origin_countries
                            .iter()
                            .any(|o| c.eq_ignore_ascii_case(o.as_str()))
                }),
                highlights: hit.highlights,
            };
            hits.push(ExpertHit {
                expert,
                score: hit.score,
                explanation,
                less_active: false,
            });
        }
        Ok(SearchPage {
            total: results.total,
            hits,
            facets: results.facets,
            next_cursor: results.next_cursor,
        })
    }
}
