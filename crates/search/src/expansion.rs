//! Query expansion into taxonomy skills: which skills a free-text query most probably names.
//!
//! A request often names several skills ("groundwater monitoring and hydrographic surveys"),
//! and a [`SkillIndex`] suggestion must match every word of what it is given, so the text is
//! first split into clauses ([`clauses`]: on punctuation and on "and"/"or" in the taxonomy's
//! languages) and each clause is looked up on its own. Of each clause's top
//! [`SUGGESTIONS_PER_CLAUSE`] suggestions, those scoring at least [`KEEP_RATIO`] × the best
//! are kept. The service expands search queries this way, and the relevance benchmark calls
//! the same function, so both measure one behaviour.

use crate::error::SearchError;
use crate::skills::SkillIndex;

/// Suggestions asked per clause.
pub const SUGGESTIONS_PER_CLAUSE: usize = 3;
/// A suggestion is kept when its score is at least this fraction of its clause's best.
pub const KEEP_RATIO: f32 = 0.8;
/// Only the first this-many clauses are looked up.
pub const MAX_CLAUSES: usize = 6;

/// Words that join two clauses ("and", "or" in English, French, Spanish, Portuguese, German).
const CONJUNCTIONS: [&str; 8] = ["and", "et", "y", "e", "und", "or", "ou", "o"];

/// The clauses of a query: split on `, ; / & + |` and on conjunctions, at most
/// [`MAX_CLAUSES`], each with its words joined by single spaces.
#[must_use]
pub fn clauses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in text.split([',', ';', '/', '&', '+', '|']) {
        let mut clause = Vec::new();
        for word in part.split_whitespace() {
            if CONJUNCTIONS.contains(&word.to_lowercase().as_str()) {
                if !clause.is_empty() {
                    out.push(clause.join(" "));
                    clause.clear();
                }
            } else {
                clause.push(word);
            }
        }
        if !clause.is_empty() {
            out.push(clause.join(" "));
        }
    }
    out.truncate(MAX_CLAUSES);
    out
}

/// The ids of the skills `text` most probably names, clause by clause, without duplicates,
/// at most `max`. `lang` is the searcher's language (labels in it rank first).
///
/// # Errors
/// [`SearchError::Engine`] if the skill index fails.
pub fn skills_meant_by(
    index: &SkillIndex,
    text: &str,
    lang: Option<&str>,
    max: usize,
) -> Result<Vec<String>, SearchError> {
    let mut ids: Vec<String> = Vec::new();
    for clause in clauses(text) {
        let suggestions = index.suggest(&clause, lang, SUGGESTIONS_PER_CLAUSE)?;
        let best = suggestions.first().map_or(0.0, |s| s.score);
        for suggestion in suggestions {
            if suggestion.score >= best * KEEP_RATIO && !ids.contains(&suggestion.id) {
                ids.push(suggestion.id);
            }
        }
    }
    ids.truncate(max);
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SkillEntry, SkillLabels};

    #[test]
    fn queries_split_into_clauses_on_punctuation_and_conjunctions() {
        assert_eq!(
            clauses("groundwater monitoring and hydrographic surveys"),
            vec!["groundwater monitoring", "hydrographic surveys"]
        );
        assert_eq!(
            clauses("python, machine learning / statistics"),
            vec!["python", "machine learning", "statistics"]
        );
        assert_eq!(
            clauses("gestion de projet et budget"),
            vec!["gestion de projet", "budget"]
        );
        assert_eq!(clauses("a,b,c,d,e,f,g,h").len(), MAX_CLAUSES);
        assert_eq!(clauses("  "), Vec::<String>::new());
    }

    #[test]
    fn each_clause_names_its_own_skill() {
        let entry = |id: &str, label: &str| SkillEntry {
            id: id.into(),
            labels: vec![(
                "en".into(),
                SkillLabels {
                    preferred: label.into(),
                    alternatives: vec![],
                },
            )],
        };
        let index = SkillIndex::build(vec![
            entry("gw", "groundwater monitoring"),
            entry("hs", "hydrographic surveys"),
            entry("ck", "cooking"),
        ])
        .unwrap();
        let text = "groundwater monitoring and hydrographic surveys";
        assert_eq!(
            skills_meant_by(&index, text, Some("en"), 8).unwrap(),
            ["gw", "hs"]
        );
        assert_eq!(skills_meant_by(&index, text, None, 1).unwrap(), ["gw"]);
        assert!(
            index.suggest(text, Some("en"), 3).unwrap().is_empty(),
            "the whole text names no single skill"
        );
    }
}
