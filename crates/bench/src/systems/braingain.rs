//! BrainGain's expert search, driven exactly as the service drives it: the corpus is indexed
//! in an in-memory [`ExpertIndex`] with every skill's labels in en/fr/es and its broader ids
//! (as `service::indexer` builds documents), and the query text is expanded into skill ids
//! through a [`SkillIndex`] over the whole taxonomy (as `service::search::skills_meant_by`
//! does: the top 3 suggestions in the searcher's language, kept if their score is ≥ 0.8 × the
//! best).

use std::time::Instant;

use anyhow::Context as _;
use braingain_search::{ExpertDoc, ExpertIndex, ExpertQuery, SkillEntry, SkillIndex, SkillLabels};

use super::{DEPTH, Run};
use crate::corpus::NOW;
use crate::esco::{LANGS, Taxonomy};
use crate::queries::Query;

/// Suggestions asked from the skill index (the service's `suggest(…, 3)`).
pub const SUGGESTIONS: usize = 3;
/// A suggestion is kept when its score is at least this fraction of the best one's.
pub const KEEP_RATIO: f32 = 0.8;

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
        let suggestions = self.skills.suggest(text, Some(lang), SUGGESTIONS)?;
        let best = suggestions.first().map_or(0.0, |s| s.score);
        Ok(suggestions
            .into_iter()
            .filter(|s| s.score >= best * KEEP_RATIO)
            .map(|s| s.id)
            .collect())
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
