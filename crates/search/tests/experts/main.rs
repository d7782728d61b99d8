//! Expert search over a real (in-memory or on-disk) index built from a small realistic
//! corpus: relevance in English, French and Spanish, typos, accents, stems, skill boosts,
//! filters, facets, browsing, pagination, highlights, updates, persistence, corruption,
//! hostile input, and latency over a synthetic corpus (printed, never asserted).
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail loudly"
)]

mod corpus;
mod filters;
mod latency;
mod lifecycle;
mod relevance;
mod robustness;

use std::sync::LazyLock;

use braingain_search::{ExpertIndex, ExpertQuery, ExpertResults};
use corpus::{NOW, corpus, id};

/// The corpus, indexed once per test binary and shared by the read-only tests.
static INDEX: LazyLock<ExpertIndex> = LazyLock::new(|| {
    let index = ExpertIndex::in_memory().expect("create the index");
    index
        .apply(corpus(), vec![], "1")
        .expect("index the corpus");
    index
});

/// A text query at [`NOW`] with room for the whole corpus.
fn text(query: &str) -> ExpertQuery {
    ExpertQuery {
        text: Some(query.to_owned()),
        limit: 100,
        now: NOW,
        ..ExpertQuery::default()
    }
}

fn search(query: &ExpertQuery) -> ExpertResults {
    INDEX
        .search(query)
        .unwrap_or_else(|e| panic!("search {query:?}: {e}"))
}

/// The ids of the hits, best first.
fn ids(results: &ExpertResults) -> Vec<String> {
    results.hits.iter().map(|h| h.profile_id.clone()).collect()
}

/// 0-based rank of expert `n` for `query`, if it is a hit.
fn rank(query: &ExpertQuery, n: u32) -> Option<usize> {
    ids(&search(query)).iter().position(|found| *found == id(n))
}

/// Asserts expert `n` is the first hit for the text `query`.
fn assert_first(query: &str, n: u32) {
    let results = search(&text(query));
    let top: Vec<String> = results.hits.iter().take(5).map(describe).collect();
    assert_eq!(
        results.hits.first().map(|h| h.profile_id.as_str()),
        Some(id(n).as_str()),
        "{query:?}: expected #{n} first, got {top:#?}"
    );
}

/// "#n (score)" for assertion messages.
fn describe(hit: &braingain_search::ExpertHitDoc) -> String {
    let n = hit
        .profile_id
        .rsplit('-')
        .next()
        .unwrap_or_default()
        .trim_start_matches('0');
    format!("#{n} ({:.3}) {:?}", hit.score, hit.highlights.first())
}
