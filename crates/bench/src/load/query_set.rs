//! The search texts the clients rotate through: generated from ESCO with the relevance
//! benchmark's generator (occupation titles in English, French and Spanish, titles with a
//! typo, pairs of skills in three languages: [`crate::queries`]), deterministic for a seed,
//! or read from a file (one query per line).

use crate::corpus::{self, CorpusConfig};
use crate::esco::Taxonomy;
use crate::{areas, queries};
use anyhow::Context;
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;

/// One search as typed, with the language of the searcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchText {
    /// What is typed into the search box.
    pub text: String,
    /// ISO 639-1 code of the searcher's language (`en`, `fr`, `es`).
    pub lang: String,
}

/// Generates `count` distinct queries for `seed` from the taxonomy in `esco_dir`: as many
/// occupations as needed for distinct texts (half as many as queries, at least 150), a small
/// corpus so that skill pairs are ones an expert actually holds, then the six phrasings in
/// turn.
///
/// # Errors
/// If the taxonomy cannot be read.
pub fn generate(esco_dir: &Path, count: usize, seed: u64) -> anyhow::Result<Vec<SearchText>> {
    let tax = Taxonomy::load(esco_dir)
        .with_context(|| format!("reading the ESCO taxonomy in {}", esco_dir.display()))?;
    let chosen = areas::choose(&tax, areas::all_areas(&tax), (count / 2).max(150), seed);
    let experts = corpus::generate(
        &tax,
        &chosen,
        CorpusConfig {
            experts: (chosen.len() * 4).max(1000),
            seed,
        },
    );
    let generated = queries::generate(&tax, &chosen, &experts, count + count / 2, seed);
    let mut texts = distinct(
        generated
            .into_iter()
            .map(|q| SearchText {
                text: q.text,
                lang: q.lang.to_owned(),
            })
            .collect(),
    );
    texts.truncate(count);
    Ok(texts)
}

/// Reads one query per line (blank lines skipped), in English unless a line starts with a
/// language tag and a tab (`fr\tgéomètre hydrographe`).
///
/// # Errors
/// If the file cannot be read or holds no query.
pub fn from_file(path: &Path) -> anyhow::Result<Vec<SearchText>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading queries from {}", path.display()))?;
    let texts = parse_lines(&text);
    anyhow::ensure!(!texts.is_empty(), "{} holds no query", path.display());
    Ok(texts)
}

/// The queries of a file's text (see [`from_file`]).
#[must_use]
pub fn parse_lines(text: &str) -> Vec<SearchText> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| match line.split_once('\t') {
            Some((lang, rest))
                if lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase()) =>
            {
                SearchText {
                    text: rest.trim().to_owned(),
                    lang: lang.to_owned(),
                }
            }
            _ => SearchText {
                text: line.to_owned(),
                lang: "en".to_owned(),
            },
        })
        .collect()
}

/// The texts without repeats (case-insensitive), in their first order.
fn distinct(texts: Vec<SearchText>) -> Vec<SearchText> {
    let mut seen = HashSet::new();
    texts
        .into_iter()
        .filter(|t| seen.insert(t.text.to_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_queries_with_an_optional_language_tag() {
        let parsed = parse_lines("hydrologist\n\n  fr\tgéomètre hydrographe\nC++\ttemplates\n");
        let pairs: Vec<(&str, &str)> = parsed
            .iter()
            .map(|q| (q.text.as_str(), q.lang.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("hydrologist", "en"),
                ("géomètre hydrographe", "fr"),
                ("C++\ttemplates", "en")
            ]
        );
    }

    #[test]
    fn repeats_are_dropped_keeping_the_first() {
        let t = |text: &str| SearchText {
            text: text.to_owned(),
            lang: "en".to_owned(),
        };
        assert_eq!(
            distinct(vec![t("Nurse"), t("nurse"), t("midwife")]),
            vec![t("Nurse"), t("midwife")]
        );
    }
}
