//! Two-sided matching: experts for a request (`matchExperts`) and open requests for an expert
//! (`recommendedRequests`). Text relevance from the index is combined with structured fit:
//! required-skill coverage and level, taxonomy proximity, shared languages, work mode and hours
//! fit, origin country = the institution's country, verification and recent activity; an
//! expert who has left an invitation unanswered for 21 days is ranked lower (less active).
//! Every hit carries its explanation. The weights are documented in ARCHITECTURE.md.

use crate::engagements::reminders::LESS_ACTIVE_AFTER_DAYS;
use crate::profiles::ProfileView;
use crate::requests::RequestView;
use crate::search::{ExpertHit, Explanation};
use crate::{Actor, Service, ServiceError, ServiceResult};
// The fit components and their weights are the domain's, shared with the benchmark.
use braingain_domain::matching::{self as scoring, weight};
use braingain_domain::{AccountStatus, ProfileId, RequestId, RequestStatus, SkillId};
use braingain_search::experts::{ExpertFilter, ExpertQuery};
use braingain_store::accounts::AccountRecord;
use braingain_store::profiles::ProfileRecord;
use braingain_store::skills::SkillRecord;
use braingain_store::{accounts, institutions, profiles, reminders, requests};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Arc;

/// Candidates taken from the index before structured re-ranking.
const CANDIDATES: usize = 100;

/// The factor on the fit of an expert who has left an invitation unanswered for
/// [`LESS_ACTIVE_AFTER_DAYS`] or more.
pub const LESS_ACTIVE_FACTOR: f64 = 0.7;

/// A request matched to an expert.
#[derive(Debug, Clone)]
pub struct RequestHit {
    /// The request.
    pub request: RequestView,
    /// Fit, 0 to 1.
    pub score: f32,
    /// Why.
    pub explanation: Explanation,
    /// Where `searchRequests` continues after this hit (its `after`); empty in
    /// `recommendedRequests`, which is not paged.
    pub cursor: String,
}

/// How well one expert fits one request, with the reasons.
pub(crate) struct Fit {
    pub(crate) score: f64,
    pub(crate) explanation: Explanation,
}

/// The fit of an expert to a request ([`braingain_domain::matching::fit`]) over the
/// service's records, with the explanation naming the skills.
pub(crate) fn fit(
    request: &RequestView,
    expert: &ProfileRecord,
    owner: &AccountRecord,
    expert_skills: &[(Arc<SkillRecord>, u8)],
    text: f64,
    now: DateTime<Utc>,
) -> Fit {
    fn node(skill: &SkillRecord) -> scoring::SkillNode<'_> {
        scoring::SkillNode {
            id: skill.id,
            broader: &skill.broader,
        }
    }
    let needs: Vec<scoring::Need<'_>> = request
        .skills
        .iter()
        .map(|need| scoring::Need {
            skill: node(&need.skill),
            min_level: need.min_level,
            required: need.required,
        })
        .collect();
    let held: Vec<scoring::Held<'_>> = expert_skills
        .iter()
        .map(|(skill, level)| scoring::Held {
            skill: node(skill),
            level: *level,
        })
        .collect();
    let languages: Vec<_> = expert.languages.iter().map(|(code, _)| *code).collect();
    let last = owner.last_active_at.unwrap_or(expert.updated_at);
    let scored = scoring::fit(
        &scoring::RequestFacts {
            needs: &needs,
            languages: &request.request.languages,
            work_modes: &request.request.work_modes,
            hours_per_month: request.request.hours_per_month,
            country: request.institution.country,
        },
        &scoring::ExpertFacts {
            skills: &held,
            languages: &languages,
            work_modes: &expert.work_modes,
            hours_per_month: expert.hours_per_month,
            origin_countries: &expert.origin_countries,
            verified: expert.verified,
            days_inactive: (now - last).num_days().max(0) as f64,
        },
        text,
    );
    let skills = |indices: &[usize]| {
        indices
            .iter()
            .filter_map(|&i| request.skills.get(i))
            .map(|need| need.skill.clone())
            .collect()
    };
    Fit {
        score: scored.score,
        explanation: Explanation {
            matched_skills: skills(&scored.matched),
            missing_skills: skills(&scored.missing),
            matched_languages: scored
                .languages
                .iter()
                .map(|l| l.as_str().to_owned())
                .collect(),
            country_match: scored.country_match,
            highlights: Vec::new(),
        },
    }
}

impl Service {
    /// Experts ranked for a request, best first, each with why (institution members and
    /// moderators only: brokered matching).
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn match_experts(
        &self,
        actor: &Actor,
        id: RequestId,
        first: i32,
    ) -> ServiceResult<Vec<ExpertHit>> {
        let session = actor.session()?;
        let record = requests::find_by_id(self.store().conn(), id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no request has this id".into()))?;
        let member =
            institutions::is_member(self.store().conn(), record.institution_id, session.account)
                .await?;
        if !member && !actor.is_moderator() {
            return Err(ServiceError::forbidden(
                "only the institution's members and moderators match experts to its requests",
            ));
        }
        let request = self.view_request(record).await?;
        let query = ExpertQuery {
            text: Some(format!(
                "{} {}",
                request.request.title,
                request
                    .skills
                    .iter()
                    .map(|s| crate::skills::label(&s.skill, "en"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
            skill_boosts: request
                .skills
                .iter()
                .map(|s| s.skill.id.to_string())
                .collect(),
            filter: ExpertFilter::default(),
            limit: CANDIDATES,
            after: None,
            facet_fields: Vec::new(),
            now: self.now().timestamp(),
        };
        let index = self.inner.experts.clone();
        let results = tokio::task::spawn_blocking(move || index.search(&query))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)?;
        let best_text = results
            .hits
            .iter()
            .map(|h| f64::from(h.score))
            .fold(0.0, f64::max)
            .max(f64::EPSILON);
        let ids: Vec<ProfileId> = results
            .hits
            .iter()
            .filter_map(|h| h.profile_id.parse().ok())
            .collect();
        let records: HashMap<ProfileId, ProfileRecord> =
            profiles::find_many(self.store().conn(), &ids)
                .await?
                .into_iter()
                .map(|p| (p.id, p))
                .collect();
        let owner_ids: Vec<_> = records.values().map(|p| p.account_id).collect();
        let owners: HashMap<_, _> = accounts::find_many(self.store().conn(), &owner_ids)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let now = self.now();
        let silent = reminders::silent_experts(
            self.store().conn(),
            &ids,
            now - chrono::Duration::days(LESS_ACTIVE_AFTER_DAYS),
        )
        .await?;
        let mut scored = Vec::new();
        for hit in results.hits {
            let Some(profile) = hit
                .profile_id
                .parse::<ProfileId>()
                .ok()
                .and_then(|id| records.get(&id))
            else {
                continue;
            };
            let Some(owner) = owners.get(&profile.account_id) else {
                continue;
            };
            if !crate::indexer::searchable(owner, profile) {
                continue;
            }
            let skills = self.expert_skills(profile).await?;
            let mut fit = fit(
                &request,
                profile,
                owner,
                &skills,
                f64::from(hit.score) / best_text,
                now,
            );
            fit.explanation.highlights = hit.highlights;
            let less_active = silent.contains(&profile.id);
            if less_active {
                fit.score *= LESS_ACTIVE_FACTOR;
            }
            scored.push((fit, less_active, profile.clone(), owner.clone()));
        }
        scored.sort_by(|a, b| {
            b.0.score
                .total_cmp(&a.0.score)
                .then_with(|| a.2.id.cmp(&b.2.id))
        });
        let first = usize::try_from(first.clamp(1, 100)).unwrap_or(20);
        let mut hits = Vec::with_capacity(first);
        for (fit, less_active, profile, owner) in scored.into_iter().take(first) {
            let expert: ProfileView = self.view_profile(actor, &owner, profile).await?;
            hits.push(ExpertHit {
                expert,
                score: fit.score as f32,
                explanation: fit.explanation,
                less_active,
            });
        }
        Ok(hits)
    }

    /// Open requests ranked for the signed-in expert, best first, each with why.
    pub async fn recommended_requests(
        &self,
        actor: &Actor,
        first: i32,
    ) -> ServiceResult<Vec<RequestHit>> {
        let session = actor.session()?;
        let owner = self.account_record(session.account).await?;
        let Some(profile) = profiles::find_by_account(self.store().conn(), owner.id).await? else {
            return Ok(Vec::new());
        };
        if owner.status != AccountStatus::Active {
            return Ok(Vec::new());
        }
        let skills = self.expert_skills(&profile).await?;
        let open = requests::with_status(self.store().conn(), RequestStatus::Open).await?;
        let now = self.now();
        let mut scored = Vec::new();
        for record in open {
            let view = self.view_request(record).await?;
            // Without a text query, relevance is carried by the structured fit alone.
            let fit = fit(&view, &profile, &owner, &skills, 0.0, now);
            if fit.explanation.matched_skills.is_empty() && !view.skills.is_empty() {
                continue;
            }
            scored.push(RequestHit {
                request: view,
                score: (fit.score / (1.0 - weight::TEXT)) as f32,
                explanation: fit.explanation,
                cursor: String::new(),
            });
        }
        scored.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.request.request.id.cmp(&b.request.request.id))
        });
        scored.truncate(usize::try_from(first.clamp(1, 100)).unwrap_or(20));
        Ok(scored)
    }

    pub(crate) async fn expert_skills(
        &self,
        profile: &ProfileRecord,
    ) -> ServiceResult<Vec<(Arc<SkillRecord>, u8)>> {
        let ids: Vec<SkillId> = profile.skills.iter().map(|c| c.skill_id).collect();
        let records = self.skills_by_id(&ids).await?;
        Ok(profile
            .skills
            .iter()
            .filter_map(|c| {
                records
                    .iter()
                    .find(|s| s.id == c.skill_id)
                    .map(|s| (s.clone(), c.level))
            })
            .collect())
    }
}
