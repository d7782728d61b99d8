//! Skill autocomplete against the real ESCO data (13,485 skills + 17 groups, en/fr/es).
//!
//! Expected ids were looked up in `assets/esco/skills.tsv.gz`.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail loudly"
)]

mod esco;
mod latency;
mod machine_learning;
mod professions;
mod robustness;

use std::sync::LazyLock;

use braingain_search::{SkillIndex, SkillSuggestion};

/// Built once per test binary (a few seconds in debug) and shared by all tests.
static INDEX: LazyLock<SkillIndex> =
    LazyLock::new(|| SkillIndex::build(esco::load()).expect("build the skill index"));

/// "utilize machine learning" / "utiliser l’apprentissage automatique" /
/// "utilizar aprendizaje automático".
const MACHINE_LEARNING: &str = "8369c2d6-c100-4cf6-bd83-9668d8678433";

fn suggest(query: &str, lang: Option<&str>, limit: usize) -> Vec<SkillSuggestion> {
    INDEX
        .suggest(query, lang, limit)
        .unwrap_or_else(|e| panic!("suggest({query:?}, {lang:?}): {e}"))
}

fn ids(query: &str, lang: Option<&str>, limit: usize) -> Vec<String> {
    suggest(query, lang, limit)
        .into_iter()
        .map(|s| s.id)
        .collect()
}

/// 0-based rank of `id` among the first 10 suggestions, if present.
fn rank(query: &str, lang: Option<&str>, id: &str) -> Option<usize> {
    ids(query, lang, 10).iter().position(|found| found == id)
}

/// Asserts `id` is among the first `top` suggestions.
fn assert_in_top(query: &str, lang: Option<&str>, id: &str, top: usize) {
    let found = suggest(query, lang, 10);
    let position = found.iter().position(|s| s.id == id);
    assert!(
        position.is_some_and(|p| p < top),
        "{id} not in top {top} for {query:?} ({lang:?}): {found:#?}"
    );
}

#[test]
fn the_whole_asset_is_indexed() {
    // 13,502 rows; labels: en 13,489 + 136, fr 13,502 + 3,207, es 13,502 + 21,548.
    assert_eq!(INDEX.skill_count(), 13_502);
    assert_eq!(
        INDEX.label_count(),
        13_489 + 136 + 13_502 + 3_207 + 13_502 + 21_548
    );
}
