//! One-edit (typo) matches of a query word, *excluding* the word's own forms.
//!
//! tantivy's `FuzzyTermQuery` also matches the exact term, so a common word would read its
//! whole posting list again just to add a constant to documents the exact clause already
//! scored. [`TypoQuery`] runs the same Levenshtein automaton (distance 1, a swap of adjacent
//! letters costing 1) but skips the terms equal to the word or one of its stems: only real
//! neighbours (`cardiolgy` → `cardiology`), usually rare, are read.

use std::sync::Arc;

use tantivy::Term;
use tantivy::query::{AutomatonWeight, DfaWrapper, EnableScoring, FuzzyTermQuery, Query, Weight};
use tantivy::schema::Field;
use tantivy_fst::Automaton;

/// Documents with a term one edit away from `word` in `field`, other than `excluded`.
#[derive(Clone, Debug)]
pub(crate) struct TypoQuery {
    pub(crate) field: Field,
    pub(crate) word: String,
    /// Terms to skip: the word and its stems (at most 64 are honoured).
    pub(crate) excluded: Vec<String>,
}

impl Query for TypoQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let term = Term::from_field_text(self.field, &self.word);
        let dfa = FuzzyTermQuery::new(term, 1, true).automaton()?;
        let excluded = self.excluded.iter().take(64);
        let excluded = excluded.map(|form| form.as_bytes().to_vec()).collect();
        let automaton = Arc::new(Excluding { dfa, excluded });
        Ok(Box::new(AutomatonWeight::<Excluding>::new(
            self.field, automaton,
        )))
    }
}

/// The Levenshtein automaton, minus a few exact terms.
struct Excluding {
    dfa: DfaWrapper,
    excluded: Vec<Vec<u8>>,
}

/// Automaton state: the DFA's, the excluded terms the input still equals a prefix of (bit
/// set), and the input length so far.
#[derive(Clone, Debug)]
struct State {
    dfa: u32,
    same: u64,
    depth: usize,
}

impl Automaton for Excluding {
    type State = State;

    fn start(&self) -> State {
        let all = if self.excluded.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << self.excluded.len()) - 1
        };
        State {
            dfa: self.dfa.start(),
            same: all,
            depth: 0,
        }
    }

    fn is_match(&self, state: &State) -> bool {
        let is_excluded = self
            .excluded
            .iter()
            .enumerate()
            .any(|(i, form)| state.same & (1 << i) != 0 && form.len() == state.depth);
        self.dfa.is_match(&state.dfa) && !is_excluded
    }

    fn can_match(&self, state: &State) -> bool {
        self.dfa.can_match(&state.dfa)
    }

    fn accept(&self, state: &State, byte: u8) -> State {
        let mut same = 0;
        for (i, form) in self.excluded.iter().enumerate() {
            if state.same & (1 << i) != 0 && form.get(state.depth) == Some(&byte) {
                same |= 1 << i;
            }
        }
        State {
            dfa: self.dfa.accept(&state.dfa, byte),
            same,
            depth: state.depth + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::DocSetCollector;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, TantivyDocument};

    use super::*;

    #[test]
    fn neighbours_match_and_excluded_forms_do_not() {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for body in ["cardiology", "cardiolgy", "cardiologyy", "cardio", "water"] {
            let mut doc = TantivyDocument::default();
            doc.add_text(text, body);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let found = |word: &str, excluded: &[&str]| {
            let query = TypoQuery {
                field: text,
                word: word.into(),
                excluded: excluded.iter().map(|e| (*e).to_owned()).collect(),
            };
            let mut docs: Vec<u32> = searcher
                .search(&query, &DocSetCollector)
                .unwrap()
                .into_iter()
                .map(|address| address.doc_id)
                .collect();
            docs.sort_unstable();
            docs
        };
        assert_eq!(found("cardiolgy", &[]), [0, 1]);
        assert_eq!(found("cardiolgy", &["cardiolgy"]), [0]);
        assert_eq!(found("cardiology", &["cardiology", "cardiolog"]), [1, 2]);
        assert_eq!(found("cardiology", &[]), [0, 1, 2]);
    }
}
