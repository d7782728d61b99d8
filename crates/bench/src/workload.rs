//! The query workload of the latency benchmarks: the realistic, rotating search texts that the
//! floor benchmark (`floor`) runs and the HTTP load driver (`load`) can send, from the
//! evaluation's own generator ([`crate::queries`]), so that both measure the same queries
//! for a seed: call [`queries()`] (texts) or [`generate`] (texts with the searcher's language).
//!
//! The queries are those of the relevance evaluation — occupation titles in English, French
//! and Spanish, titles with a typo, pairs of skill labels in the three languages — over
//! `n / 2` ESCO occupations (at least [`MIN_OCCUPATIONS`]), with a small generated corpus so
//! that each skill pair is one an expert holds; `n + n / 2` are generated and the first `n`
//! distinct texts (ignoring case) kept, so the list has no repeats (it may be a little
//! shorter than `n` when the taxonomy runs out of phrasings). The synthetic network
//! (`braingain seed`) draws its experts from every ESCO occupation, so each query has
//! experts to find there.
//!
//! Deterministic: the same `(seed, n)` gives the same list on every machine. The list for
//! one `n` is not a prefix of the list for a larger one (the occupations chosen depend on
//! `n`).

use std::collections::HashSet;

use anyhow::Context as _;

use crate::areas;
use crate::corpus::{self, CorpusConfig};
use crate::esco::{self, Taxonomy};
use crate::queries;

/// Fewest occupations the queries are drawn from (the relevance evaluation's default).
pub const MIN_OCCUPATIONS: usize = 150;

/// One query of the workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkloadQuery {
    /// The text typed.
    pub text: String,
    /// The searcher's language (ISO 639-1: `en`, `fr` or `es`), the `lang` argument of
    /// `searchExperts`.
    pub lang: String,
}

/// The texts of the `n` queries for `seed` (see the module documentation). Loads the
/// shipped ESCO extract (`assets/esco`): about a second in a release build.
///
/// # Errors
/// If the ESCO assets cannot be read.
pub fn queries(seed: u64, n: usize) -> anyhow::Result<Vec<String>> {
    Ok(generate(seed, n)?.into_iter().map(|q| q.text).collect())
}

/// The `n` queries for `seed` with the searcher's language of each ([`queries()`] gives the
/// texts alone).
///
/// # Errors
/// If the ESCO assets cannot be read.
pub fn generate(seed: u64, n: usize) -> anyhow::Result<Vec<WorkloadQuery>> {
    let dir = esco::default_dir();
    let tax = Taxonomy::load(&dir)
        .with_context(|| format!("loading the ESCO extract from {}", dir.display()))?;
    Ok(generate_from(&tax, seed, n))
}

/// [`generate`] over an already loaded taxonomy.
#[must_use]
pub fn generate_from(tax: &Taxonomy, seed: u64, n: usize) -> Vec<WorkloadQuery> {
    if n == 0 {
        return Vec::new();
    }
    let areas = areas::choose(
        tax,
        areas::all_areas(tax),
        (n / 2).max(MIN_OCCUPATIONS),
        seed,
    );
    let experts = corpus::generate(
        tax,
        &areas,
        CorpusConfig {
            experts: (areas.len() * 4).max(1000),
            seed,
        },
    );
    let mut seen = HashSet::new();
    let mut out: Vec<WorkloadQuery> = queries::generate(tax, &areas, &experts, n + n / 2, seed)
        .into_iter()
        .filter(|q| seen.insert(q.text.to_lowercase()))
        .map(|q| WorkloadQuery {
            text: q.text,
            lang: q.lang.to_owned(),
        })
        .collect();
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::esco::tests::mini;

    #[test]
    fn the_workload_is_deterministic() {
        let tax = mini();
        let a = generate_from(&tax, 3, 12);
        assert_eq!(a, generate_from(&tax, 3, 12));
        assert_eq!(a.len(), 12);
        assert!(a.iter().all(|q| !q.text.is_empty()));
        let mut texts: Vec<String> = a.iter().map(|q| q.text.to_lowercase()).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), a.len(), "no repeats");
        assert!(a.iter().any(|q| q.lang == "fr"));
        assert!(generate_from(&tax, 3, 0).is_empty());
    }
}
