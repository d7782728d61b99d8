//! The floor: the workload's queries run directly on the expert index of a data directory,
//! single-threaded, with no HTTP, GraphQL, database or async runtime in between.
//!
//! Two ways, each timed per query:
//!
//! - **as the service searches** ([`Floor::service`]): the text is expanded into skill ids by
//!   the function `searchExperts` calls ([`expansion::skills_meant_by`], the top suggestions
//!   of a [`SkillIndex`] over the taxonomy, at most 8 skills), then
//!   [`ExpertIndex::search`] runs with those boosts, a page of `page` hits, the current
//!   time and an anonymous caller's filter (public profiles only), optionally with every
//!   facet (what GraphQL computes when the web app's search page asks for facets). The load
//!   driver's `search` scenario sends the same: anonymous, `first: 10`, facets. The skill
//!   index is built from the shipped ESCO extract, the same file the service
//!   loads into its skills table (only free-text skills added by users are missing, and the
//!   expansion never suggests those). Filters, highlights and the explanation data are those
//!   of `ExpertIndex::search`; what the service adds around it (reading the hits' profiles
//!   from the database, access checks) is not included.
//! - **plain BM25** ([`Floor::plain`]): [`ExpertIndex::plain_bm25`], any term or all terms,
//!   top 10.

use std::path::Path;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::Context as _;
use braingain_search::expansion;
use braingain_search::experts::FACET_FIELDS;
use braingain_search::{ExpertFilter, ExpertIndex, ExpertQuery, SkillIndex};

use crate::esco::Taxonomy;
use crate::systems::braingain::{MAX_EXPANDED_SKILLS, skill_entries};
use crate::workload::WorkloadQuery;

/// Hits per page of the load driver's `search` scenario (`searchExperts(first: 10)`).
pub const PAGE: usize = 10;
/// Hits of the plain BM25 floor (`TopDocs::with_limit(10)`).
pub const PLAIN_TOP: usize = 10;

/// The per-query measurements of one run.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// Wall time per query, milliseconds.
    pub millis: Vec<f64>,
    /// Of which skill expansion (service runs only).
    pub expansion_millis: Vec<f64>,
    /// Hits returned per query.
    pub returned: Vec<usize>,
    /// Matching experts per query (service runs only).
    pub totals: Vec<usize>,
    /// Skills the text was expanded to, per query (service runs only).
    pub expanded: Vec<usize>,
}

/// The expert index of a data directory (opened read-only) and the skill index.
pub struct Floor {
    experts: ExpertIndex,
    skills: SkillIndex,
}

/// Unix seconds now (the service passes its clock's time to the index for recency).
fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

impl Floor {
    /// Opens the expert index in `index_dir` read-only (a server may be running on it) and
    /// builds the skill index from `tax`.
    pub fn open(index_dir: &Path, tax: &Taxonomy) -> anyhow::Result<Self> {
        let experts = ExpertIndex::open_read_only(index_dir)
            .with_context(|| format!("opening the expert index in {}", index_dir.display()))?;
        let skills = SkillIndex::build(skill_entries(tax)).context("building the skill index")?;
        Ok(Self { experts, skills })
    }

    /// Experts in the index.
    #[must_use]
    pub fn num_docs(&self) -> u64 {
        self.experts.num_docs()
    }

    /// Runs every query as `searchExperts` does for an anonymous caller, `page` hits (with
    /// the facets the web app's search page selects, every one but `skill`, if `facets`).
    pub fn service(
        &self,
        queries: &[WorkloadQuery],
        page: usize,
        facets: bool,
    ) -> anyhow::Result<Timings> {
        let mut t = Timings::default();
        let facet_fields: Vec<String> = if facets {
            FACET_FIELDS
                .iter()
                .filter(|f| **f != "skill")
                .map(|f| (*f).to_owned())
                .collect()
        } else {
            Vec::new()
        };
        for q in queries {
            let started = Instant::now();
            let skill_boosts = expansion::skills_meant_by(
                &self.skills,
                &q.text,
                Some(&q.lang),
                MAX_EXPANDED_SKILLS,
            )?;
            let expanded = started.elapsed();
            let boosts = skill_boosts.len();
            let results = self.experts.search(&ExpertQuery {
                text: Some(q.text.clone()),
                skill_boosts,
                filter: ExpertFilter {
                    public_only: true,
                    ..ExpertFilter::default()
                },
                limit: page,
                facet_fields: facet_fields.clone(),
                now: now(),
                ..ExpertQuery::default()
            })?;
            t.millis.push(started.elapsed().as_secs_f64() * 1000.0);
            t.expansion_millis.push(expanded.as_secs_f64() * 1000.0);
            t.returned.push(results.hits.len());
            t.totals.push(results.total);
            t.expanded.push(boosts);
        }
        Ok(t)
    }

    /// Runs every query as plain BM25, any term or all terms, top [`PLAIN_TOP`].
    pub fn plain(&self, queries: &[WorkloadQuery], all_terms: bool) -> anyhow::Result<Timings> {
        let mut t = Timings::default();
        for q in queries {
            let started = Instant::now();
            let hits = self.experts.plain_bm25(&q.text, all_terms, PLAIN_TOP)?;
            t.millis.push(started.elapsed().as_secs_f64() * 1000.0);
            t.returned.push(hits.len());
        }
        Ok(t)
    }
}

/// Total size in bytes of the files under `dir` (recursively).
pub fn dir_bytes(dir: &Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            dir_bytes(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}
