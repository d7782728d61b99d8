//! BrainGain's expert search and matching, driven exactly as the service drives them: the
//! corpus is indexed in an in-memory [`ExpertIndex`] with every skill's labels in en/fr/es and
//! its broader ids (as `service::indexer` builds documents); the query text is expanded into
//! skill ids through a [`SkillIndex`] over the whole taxonomy by the very function the
//! service calls ([`expansion::skills_meant_by`]: clause by clause, the top 3 suggestions in
//! the searcher's language, kept if their score is ≥ 0.8 × the best); and `matchExperts` is
//! replayed as the service runs it (the request's title and English skill labels as text,
//! its skill ids as boosts, 100 candidates re-ranked by [`braingain_domain::matching::fit`]).

use std::collections::HashMap;
use std::time::Instant;

use anyhow::Context as _;
use braingain_domain::matching::{self as scoring, ExpertFacts, Held, Need, RequestFacts};
use braingain_domain::{CountryCode, LanguageCode, SkillId, WorkMode};
use braingain_search::expansion;
use braingain_search::{ExpertDoc, ExpertIndex, ExpertQuery, SkillEntry, SkillIndex, SkillLabels};

use super::{DEPTH, Run};
use crate::corpus::{Expert, NOW};
use crate::esco::{LANGS, Taxonomy};
use crate::matching::MatchRequest;
use crate::queries::Query;

/// Most skills a query is expanded to (the service's `MAX_EXPANDED_SKILLS`).
pub const MAX_EXPANDED_SKILLS: usize = 8;
/// Candidates `matchExperts` takes from the index before re-ranking them (the service's).
pub const CANDIDATES: usize = 100;

/// The two indexes.
pub struct BrainGain {
    experts: ExpertIndex,
    skills: SkillIndex,
}

/// The autocomplete entries of the taxonomy, as the service builds them (skills and groups;
/// languages with an empty preferred label left out).
#[must_use]
pub fn skill_entries(tax: &Taxonomy) -> Vec<SkillEntry> {
    tax.skills
        .iter()
        .map(|s| SkillEntry {
            id: s.id.clone(),
            labels: LANGS
                .iter()
                .zip(&s.labels)
                .filter(|(_, l)| !l.preferred.is_empty())
                .map(|(lang, l)| {
                    (
                        (*lang).to_owned(),
                        SkillLabels {
                            preferred: l.preferred.clone(),
                            alternatives: l.alternatives.clone(),
                        },
                    )
                })
                .collect(),
        })
        .collect()
}

impl BrainGain {
    /// Builds both indexes.
    pub fn build(tax: &Taxonomy, docs: Vec<ExpertDoc>) -> anyhow::Result<Self> {
        let skills = SkillIndex::build(skill_entries(tax)).context("building the skill index")?;
        let experts = ExpertIndex::in_memory().context("creating the expert index")?;
        experts
            .apply(docs, Vec::new(), "bench")
            .context("indexing the experts")?;
        Ok(Self { experts, skills })
    }

    /// The skill ids the service would boost for `text` typed by a `lang` speaker.
    pub fn skill_boosts(&self, text: &str, lang: &str) -> anyhow::Result<Vec<String>> {
        Ok(expansion::skills_meant_by(
            &self.skills,
            text,
            Some(lang),
            MAX_EXPANDED_SKILLS,
        )?)
    }

    /// Runs every query, with taxonomy expansion (`expand`) or text only.
    pub fn run(&self, name: &str, queries: &[Query], expand: bool) -> anyhow::Result<Run> {
        let mut run = Run {
            name: name.to_owned(),
            ..Run::default()
        };
        for q in queries {
            let started = Instant::now();
            let skill_boosts = if expand {
                self.skill_boosts(&q.text, q.lang)?
            } else {
                Vec::new()
            };
            let results = self.experts.search(&ExpertQuery {
                text: Some(q.text.clone()),
                skill_boosts,
                limit: DEPTH,
                now: NOW,
                ..ExpertQuery::default()
            })?;
            run.millis.push(started.elapsed().as_secs_f64() * 1000.0);
            run.ranked
                .push(results.hits.into_iter().map(|h| h.profile_id).collect());
        }
        Ok(run)
    }
}

/// The taxonomy as the domain's fit reads it: every skill's id and broader ids, parsed once.
pub struct SkillIds {
    ids: Vec<Option<SkillId>>,
    broader: Vec<Vec<SkillId>>,
}

impl SkillIds {
    /// Parses the ids of every skill of `tax`.
    #[must_use]
    pub fn new(tax: &Taxonomy) -> Self {
        Self {
            ids: tax.skills.iter().map(|s| s.id.parse().ok()).collect(),
            broader: tax
                .skills
                .iter()
                .map(|s| s.broader.iter().filter_map(|b| b.parse().ok()).collect())
                .collect(),
        }
    }

    fn node(&self, skill: usize) -> Option<scoring::SkillNode<'_>> {
        Some(scoring::SkillNode {
            id: (*self.ids.get(skill)?)?,
            broader: self.broader.get(skill)?,
        })
    }
}

/// Parses the codes that parse (the corpus's values are the contract's).
fn parsed<T: std::str::FromStr>(values: &[String]) -> Vec<T> {
    values.iter().filter_map(|v| v.parse().ok()).collect()
}

/// The domain's fit of one generated expert to one request (what `matching::fit` computes
/// from the database in the service).
fn fit(ids: &SkillIds, request: &MatchRequest, expert: &Expert, text: f64) -> f64 {
    let needs: Vec<Need<'_>> = request
        .skills()
        .filter_map(|(skill, min_level, required)| {
            Some(Need {
                skill: ids.node(skill)?,
                min_level,
                required,
            })
        })
        .collect();
    let held: Vec<Held<'_>> = expert
        .skills
        .iter()
        .zip(&expert.doc.skills)
        .filter_map(|(&skill, doc)| {
            Some(Held {
                skill: ids.node(skill)?,
                level: doc.level,
            })
        })
        .collect();
    let request_languages: Vec<LanguageCode> =
        LanguageCode::parse(request.lang).ok().into_iter().collect();
    let request_modes: Vec<WorkMode> = request
        .work_modes
        .iter()
        .filter_map(|m| m.parse().ok())
        .collect();
    let Ok(country) = CountryCode::parse(request.country) else {
        return 0.0;
    };
    let doc = &expert.doc;
    let languages: Vec<LanguageCode> = doc
        .languages
        .iter()
        .filter_map(|l| LanguageCode::parse(l).ok())
        .collect();
    let origins: Vec<CountryCode> = doc
        .origin_countries
        .iter()
        .filter_map(|c| CountryCode::parse(c).ok())
        .collect();
    let modes: Vec<WorkMode> = parsed(&doc.work_modes);
    scoring::fit(
        &RequestFacts {
            needs: &needs,
            languages: &request_languages,
            work_modes: &request_modes,
            hours_per_month: Some(request.hours_per_month),
            country,
        },
        &ExpertFacts {
            skills: &held,
            languages: &languages,
            work_modes: &modes,
            hours_per_month: doc.hours_per_month.and_then(|h| i32::try_from(h).ok()),
            origin_countries: &origins,
            verified: doc.verified,
            days_inactive: ((NOW - doc.last_active) / 86_400).max(0) as f64,
        },
        text,
    )
    .score
}

impl BrainGain {
    /// Replays `matchExperts` for every request: 100 candidates from the index for the
    /// request's text and skills, re-ranked by the domain's fit (`rerank`), or left in the
    /// index's order (to show what the re-ranking adds).
    pub fn match_requests(
        &self,
        name: &str,
        tax: &Taxonomy,
        experts: &[Expert],
        requests: &[MatchRequest],
        rerank: bool,
    ) -> anyhow::Result<Run> {
        let ids = SkillIds::new(tax);
        let by_id: HashMap<&str, &Expert> =
            experts.iter().map(|e| (e.profile_id.as_str(), e)).collect();
        let mut run = Run {
            name: name.to_owned(),
            ..Run::default()
        };
        for request in requests {
            let started = Instant::now();
            let results = self.experts.search(&ExpertQuery {
                text: Some(request.text(tax)),
                skill_boosts: request
                    .skills()
                    .map(|(s, _, _)| tax.skills[s].id.clone())
                    .collect(),
                limit: CANDIDATES,
                now: NOW,
                ..ExpertQuery::default()
            })?;
            let best = results
                .hits
                .iter()
                .map(|h| f64::from(h.score))
                .fold(0.0, f64::max)
                .max(f64::EPSILON);
            let mut ranked: Vec<(f64, String)> = results
                .hits
                .into_iter()
                .filter_map(|hit| {
                    let expert = by_id.get(hit.profile_id.as_str())?;
                    let text = f64::from(hit.score) / best;
                    let score = if rerank {
                        fit(&ids, request, expert, text)
                    } else {
                        text
                    };
                    Some((score, hit.profile_id))
                })
                .collect();
            if rerank {
                ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            }
            run.millis.push(started.elapsed().as_secs_f64() * 1000.0);
            run.ranked
                .push(ranked.into_iter().map(|(_, id)| id).collect());
        }
        Ok(run)
    }
}
