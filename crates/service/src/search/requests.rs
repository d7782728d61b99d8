//! Request search (`searchRequests`): free text and filters over the OPEN requests in the
//! request index, newest first without text. OPEN requests are public calls for help, so
//! anyone may search them, signed in or not. Each hit is explained: for a signed-in expert
//! against their own profile (the request's skills they cover and the required ones they
//! lack, shared languages, whether they come from the institution's country, as
//! `recommendedRequests` explains), for anyone else against the query (the skills the text
//! or filter named that the request asks for, the filter's languages and countries it
//! matches). Every hit carries the cursor to continue after it.

use super::{Explanation, MAX_PAGE};
use crate::matching::RequestHit;
use crate::requests::RequestView;
use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::{CountryCode, LanguageCode, RequestId, RequestKind, SkillId, WorkMode};
use braingain_search::requests::{RequestFilter as IndexFilter, RequestQuery, RequestResults};
use braingain_store::accounts::AccountRecord;
use braingain_store::profiles::{self, ProfileRecord};
use braingain_store::requests;
use braingain_store::skills::SkillRecord;
use std::collections::HashMap;
use std::sync::Arc;

/// Extra hits asked from the index beyond the page, so that a hit dropped because the
/// index trails the database (a request closed a moment ago) does not shorten the page.
const SLACK: usize = 5;

/// Filters of a request search: AND across fields, OR within one.
#[derive(Debug, Clone, Default)]
pub struct RequestSearchFilter {
    /// The institution's country (alpha-2).
    pub countries: Vec<String>,
    /// Kinds of help.
    pub kinds: Vec<RequestKind>,
    /// Working languages (ISO 639-1).
    pub languages: Vec<String>,
    /// Skill ids the request asks for (any of them).
    pub skill_ids: Vec<String>,
    /// Acceptable ways of working.
    pub work_modes: Vec<WorkMode>,
}

/// One request search as a client asks it.
#[derive(Debug, Clone, Default)]
pub struct RequestSearch {
    /// Free text; blank browses, newest first.
    pub text: Option<String>,
    /// The searcher's language (ISO 639-1), to prefer skill labels in it.
    pub lang: String,
    /// Filters.
    pub filter: RequestSearchFilter,
    /// Page size (1 to 100).
    pub first: i32,
    /// The cursor of the hit to continue after.
    pub after: Option<String>,
}

impl RequestSearchFilter {
    fn validate(&self) -> ServiceResult<IndexFilter> {
        let countries = self
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let code = CountryCode::parse_field(c, &format!("filter.countries[{i}]"))?;
                Ok(code.as_str().to_owned())
            })
            .collect::<ServiceResult<Vec<_>>>()?;
        let languages = self
            .languages
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let code = LanguageCode::parse_field(c, &format!("filter.languages[{i}]"))?;
                Ok(code.as_str().to_owned())
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
        Ok(IndexFilter {
            countries,
            kinds: self.kinds.iter().map(|k| k.as_str().to_owned()).collect(),
            languages,
            skill_ids,
            work_modes: self
                .work_modes
                .iter()
                .map(|m| m.as_str().to_owned())
                .collect(),
        })
    }
}

/// The signed-in expert a search is explained for.
struct Searcher {
    owner: AccountRecord,
    profile: ProfileRecord,
    skills: Vec<(Arc<SkillRecord>, u8)>,
}

impl Service {
    /// Searches OPEN requests by free text and filters (anyone may), best first, or newest
    /// first without text. `BAD_USER_INPUT` for an invalid filter value or cursor.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn search_requests(
        &self,
        actor: &Actor,
        search: RequestSearch,
    ) -> ServiceResult<Vec<RequestHit>> {
        let index_filter = search.filter.validate()?;
        let text = search
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| t.chars().take(500).collect::<String>());
        let boosts = match &text {
            Some(t) => self.skills_meant_by(t, &search.lang).await?,
            None => Vec::new(),
        };
        let first = usize::try_from(search.first.clamp(1, MAX_PAGE)).unwrap_or(20);
        let query = RequestQuery {
            text,
            skill_boosts: boosts.iter().map(ToString::to_string).collect(),
            filter: index_filter.clone(),
            limit: first + SLACK,
            after: search.after,
            now: self.now().timestamp(),
        };
        let index = self.inner.requests.clone();
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
        let searcher = self.searching_expert(actor).await?;
        let mut hits = self
            .request_hits(results, searcher.as_ref(), &index_filter)
            .await?;
        hits.truncate(first);
        Ok(hits)
    }

    /// The caller's expert profile and skills, when the caller is an expert with one.
    async fn searching_expert(&self, actor: &Actor) -> ServiceResult<Option<Searcher>> {
        let Some(account) = actor.account_id() else {
            return Ok(None);
        };
        let Some(profile) = profiles::find_by_account(self.store().conn(), account).await? else {
            return Ok(None);
        };
        let owner = self.account_record(account).await?;
        let skills = self.expert_skills(&profile).await?;
        Ok(Some(Searcher {
            owner,
            profile,
            skills,
        }))
    }

    /// The hits still OPEN in the database (the index may trail it by a moment), in the
    /// index's order, with their explanations.
    async fn request_hits(
        &self,
        results: RequestResults,
        searcher: Option<&Searcher>,
        filter: &IndexFilter,
    ) -> ServiceResult<Vec<RequestHit>> {
        let ids: Vec<RequestId> = results
            .hits
            .iter()
            .filter_map(|h| h.request_id.parse().ok())
            .collect();
        let open: Vec<_> = requests::find_many(self.store().conn(), &ids)
            .await?
            .into_iter()
            .filter(crate::indexer::searchable_request)
            .collect();
        let mut views: HashMap<RequestId, RequestView> = self
            .view_requests(open)
            .await?
            .into_iter()
            .map(|v| (v.request.id, v))
            .collect();
        let now = self.now();
        let mut hits = Vec::with_capacity(results.hits.len());
        for hit in results.hits {
            let Some(view) = hit
                .request_id
                .parse::<RequestId>()
                .ok()
                .and_then(|id| views.remove(&id))
            else {
                continue;
            };
            let mut explanation = match searcher {
                Some(s) => {
                    crate::matching::fit(&view, &s.profile, &s.owner, &s.skills, 0.0, now)
                        .explanation
                }
                None => explain_for_query(&view, &hit.matched_skill_ids, filter),
            };
            explanation.highlights = hit.highlights;
            hits.push(RequestHit {
                request: view,
                score: hit.score,
                explanation,
                cursor: hit.cursor,
            });
        }
        Ok(hits)
    }
}

/// Why a request matched a query, for a caller without an expert profile: the named skills
/// it asks for, the filter's languages it names, whether its institution is in a filtered
/// country.
fn explain_for_query(
    view: &RequestView,
    skill_ids: &[String],
    filter: &IndexFilter,
) -> Explanation {
    let named = |id: &SkillId| skill_ids.iter().any(|s| *s == id.to_string());
    Explanation {
        matched_skills: view
            .skills
            .iter()
            .filter(|need| named(&need.skill.id))
            .map(|need| need.skill.clone())
            .collect(),
        missing_skills: Vec::new(),
        matched_languages: view
            .request
            .languages
            .iter()
            .map(|l| l.as_str().to_owned())
            .filter(|l| filter.languages.contains(l))
            .collect(),
        country_match: filter
            .countries
            .iter()
            .any(|c| c == view.institution.country.as_str()),
        highlights: Vec::new(),
    }
}
