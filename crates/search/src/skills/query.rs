//! From what the user typed to a tantivy query, built programmatically (user text never goes
//! through a query parser, so `+-:"()[]{}^~*` are just separators).
//!
//! Each query word becomes one required clause: the best of exact word, word prefix, stem and
//! (for words of [`FUZZY_MIN_CHARS`]+ characters) one-edit fuzzy match, each with a constant
//! score from the tiers below. A label's text score is the sum over the query words, plus
//! [`IN_ORDER`] when the words start consecutive label words in the order typed, plus
//! [`WHOLE_LABEL`] when the query is exactly the label.

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis;
use crate::schema::SkillFields;

/// Queries are cut to this many characters (never an error).
pub(crate) const MAX_QUERY_CHARS: usize = 100;
/// Only the first this-many words of a query are used.
pub(crate) const MAX_QUERY_WORDS: usize = 10;
/// Words of at least this many characters may match with one edit (insertion, deletion,
/// substitution or transposition of adjacent letters).
pub(crate) const FUZZY_MIN_CHARS: usize = 5;

/// Score of a query word equal to a label word.
pub(crate) const EXACT: f32 = 3.0;
/// Score of the last query word being a prefix of a label word: the user is still typing it,
/// so it ranks like an exact match.
pub(crate) const PREFIX_LAST: f32 = 3.0;
/// Score of a query word matching a label word's stem (`teaching` ~ `teach`), in any of the
/// stemmed languages.
pub(crate) const STEM: f32 = 2.5;
/// Score of an earlier (already finished) query word being only a prefix of a label word.
pub(crate) const PREFIX: f32 = 2.0;
/// Score of a one-edit (typo) match; the last word may also be a prefix with one edit.
pub(crate) const FUZZY: f32 = 1.0;

/// Bonus when the query's words (each as a prefix) are consecutive in the label, in order:
/// `project manag` prefers `project management` to `manage ICT project`.
pub(crate) const IN_ORDER: f32 = 0.5;

/// Bonus when the query is the whole label (ignoring case, accents and spacing): tells
/// `C++` from `C#`, which fold to the same word `c`.
pub(crate) const WHOLE_LABEL: f32 = 1.0;

/// The query-side analyzers (clones of the index's ones; analyzing needs `&mut`).
#[derive(Clone)]
pub(crate) struct QueryAnalyzers {
    pub(crate) exact: TextAnalyzer,
    pub(crate) folded: TextAnalyzer,
    /// Stemmed field and the analyzer of its language.
    pub(crate) stems: Vec<(Field, TextAnalyzer)>,
}

impl QueryAnalyzers {
    /// Analyzers for `fields`, or `None` if one of ours is unknown (a bug).
    pub(crate) fn for_fields(fields: &SkillFields) -> Option<Self> {
        let stems = fields
            .stems
            .iter()
            .map(|&(_, field, name)| analysis::analyzer(name).map(|a| (field, a)))
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            exact: analysis::analyzer(analysis::EXACT)?,
            folded: analysis::analyzer(analysis::FOLDED)?,
            stems,
        })
    }
}

/// One analyzed query word.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QueryWord {
    /// The folded word.
    pub(crate) text: String,
    /// The word's stem in each stemmed field (languages whose stemmer leaves nothing are absent).
    pub(crate) stems: Vec<(Field, String)>,
}

/// The analyzed query: its words, its length in characters (for the coverage tie-break) and
/// the whole query as one [`EXACT`](analysis::EXACT) token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AnalyzedQuery {
    pub(crate) words: Vec<QueryWord>,
    pub(crate) chars: usize,
    pub(crate) whole: Option<String>,
}

/// `text` trimmed, with every run of whitespace replaced by one space.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Truncates, cleans and analyzes `raw`. Returns `None` when nothing searchable is left
/// (empty, whitespace, punctuation or emoji only).
pub(crate) fn analyze(analyzers: &mut QueryAnalyzers, raw: &str) -> Option<AnalyzedQuery> {
    let text: String = raw
        .chars()
        .take(MAX_QUERY_CHARS)
        // Decomposed (NFD) accents would otherwise split words: "Jose\u{301}" → "José" → "jose".
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    let words: Vec<QueryWord> = analysis::tokens(&mut analyzers.folded, &text)
        .into_iter()
        .take(MAX_QUERY_WORDS)
        .map(|word| {
            let stems = analyzers
                .stems
                .iter_mut()
                .filter_map(|(field, analyzer)| {
                    let stem = analysis::tokens(analyzer, &word).into_iter().next()?;
                    Some((*field, stem))
                })
                .collect();
            QueryWord { text: word, stems }
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    let chars = words.iter().map(|w| w.text.chars().count()).sum::<usize>() + words.len() - 1;
    let whole = analysis::tokens(&mut analyzers.exact, &collapse_whitespace(&text));
    Some(AnalyzedQuery {
        words,
        chars,
        whole: whole.into_iter().next(),
    })
}

/// The tantivy query for `query`: every word required, each scored by its best match tier,
/// plus the optional in-order and whole-label bonuses.
pub(crate) fn build(fields: &SkillFields, query: &AnalyzedQuery) -> BooleanQuery {
    let last = query.words.len().saturating_sub(1);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = query
        .words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let clause: Box<dyn Query> = Box::new(word_query(fields, word, i == last));
            (Occur::Must, clause)
        })
        .collect();
    if query.words.len() > 1 {
        // Every word is its own longest prefix, so a phrase over the prefix field matches
        // consecutive label words starting with the query's words.
        let terms = query.words.iter();
        let terms = terms
            .map(|w| Term::from_field_text(fields.prefixes, &w.text))
            .collect();
        let in_order = constant(Box::new(PhraseQuery::new(terms)), IN_ORDER);
        clauses.push((Occur::Should, in_order));
    }
    if let Some(whole) = &query.whole {
        let whole_label = TermQuery::new(
            Term::from_field_text(fields.label_exact, whole),
            IndexRecordOption::Basic,
        );
        clauses.push((Occur::Should, constant(Box::new(whole_label), WHOLE_LABEL)));
    }
    BooleanQuery::new(clauses)
}

fn word_query(fields: &SkillFields, word: &QueryWord, is_last: bool) -> DisjunctionMaxQuery {
    let term = |field, text: &str| Term::from_field_text(field, text);
    let exact = |field, text: &str, score| {
        let query = TermQuery::new(term(field, text), IndexRecordOption::Basic);
        constant(Box::new(query), score)
    };
    let mut tiers = vec![
        exact(fields.words, &word.text, EXACT),
        exact(
            fields.prefixes,
            &word.text,
            if is_last { PREFIX_LAST } else { PREFIX },
        ),
    ];
    tiers.extend(
        word.stems
            .iter()
            .map(|(field, stem)| exact(*field, stem, STEM)),
    );
    if word.text.chars().count() >= FUZZY_MIN_CHARS {
        let typo = term(fields.words, &word.text);
        let fuzzy = if is_last {
            FuzzyTermQuery::new_prefix(typo, 1, true)
        } else {
            FuzzyTermQuery::new(typo, 1, true)
        };
        tiers.push(constant(Box::new(fuzzy), FUZZY));
    }
    DisjunctionMaxQuery::new(tiers)
}

fn constant(query: Box<dyn Query>, score: f32) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::skill_schema;

    fn analyzed(raw: &str) -> Option<AnalyzedQuery> {
        let (_, fields) = skill_schema();
        let mut analyzers = QueryAnalyzers::for_fields(&fields).unwrap();
        analyze(&mut analyzers, raw)
    }

    fn words(raw: &str) -> Vec<String> {
        analyzed(raw).map_or_else(Vec::new, |q| q.words.into_iter().map(|w| w.text).collect())
    }

    #[test]
    fn nothing_searchable_gives_no_query() {
        for raw in ["", "   ", "+-:\"()[]{}^~*", "🚀🔥", "’'"] {
            assert_eq!(analyzed(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn words_are_folded_and_decomposed_accents_removed() {
        assert_eq!(words("Jose\u{301} l’ÉCOLE"), ["jose", "l", "ecole"]);
        assert_eq!(
            words("title:(rust OR go)^2"),
            ["title", "rust", "or", "go", "2"]
        );
    }

    #[test]
    fn long_queries_are_truncated() {
        let query = analyzed(&"abcdefghij ".repeat(50)).unwrap();
        assert_eq!(query.words.len(), MAX_QUERY_WORDS);
        let one_word = analyzed(&"x".repeat(1000));
        assert_eq!(
            one_word, None,
            "a 100-character word is longer than any token we keep"
        );
    }

    #[test]
    fn each_word_carries_its_stems() {
        let query = analyzed("teaching").unwrap();
        assert!(query.words[0].stems.iter().any(|(_, stem)| stem == "teach"));
        assert_eq!(query.chars, "teaching".len());
        assert_eq!(
            analyzed("  C++   Builder ").unwrap().whole.unwrap(),
            "c++ builder"
        );
    }
}
