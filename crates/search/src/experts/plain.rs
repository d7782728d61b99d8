//! Plain BM25 over the expert index, as a baseline for benchmarks: what tantivy's
//! `QueryParser` builds from a search box over the text fields, without anything BrainGain
//! adds (stems, one-edit matches, coordination, field boosts, skill boosts, recency, filters,
//! facets, highlights).
//!
//! The text is split into folded words like a query's (so syntax characters are plain
//! separators); each word matches its exact form in any of the five text fields (a
//! disjunction of BM25 term queries, one per field, as the parser makes for default fields);
//! the words are combined with OR (any term) or AND (all terms), and the top documents by
//! score are collected with `TopDocs`.

use tantivy::TantivyDocument;
use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};

use super::{ExpertIndex, MAX_QUERY_CHARS, query};
use crate::analysis;
use crate::error::SearchError;

impl ExpertIndex {
    /// The `limit` best experts for `text` by plain BM25 (see the module documentation):
    /// any of its words (`all_terms` false) or all of them (`all_terms` true). Returns
    /// `(profile id, score)` best first; nothing for text without words.
    ///
    /// For benchmarks only: the service searches with [`ExpertIndex::search`].
    ///
    /// # Errors
    /// [`SearchError::Engine`] on an internal index failure.
    pub fn plain_bm25(
        &self,
        text: &str,
        all_terms: bool,
        limit: usize,
    ) -> Result<Vec<(String, f32)>, SearchError> {
        let mut folded = self.folded.clone();
        let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let mut words: Vec<String> = Vec::new();
        for word in analysis::tokens(&mut folded, &text) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let fields = query::expert_text_fields(&self.fields);
        let occur = if all_terms {
            Occur::Must
        } else {
            Occur::Should
        };
        let clauses: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|word| {
                let per_field: Vec<(Occur, Box<dyn Query>)> = fields
                    .iter()
                    .map(|&field| {
                        let term = Term::from_field_text(field, word);
                        let query: Box<dyn Query> =
                            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                        (Occur::Should, query)
                    })
                    .collect();
                let word: Box<dyn Query> = Box::new(BooleanQuery::new(per_field));
                (occur, word)
            })
            .collect();
        let searcher = self.store.searcher();
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit).order_by_score(),
        )?;
        top.into_iter()
            .map(|(score, address)| {
                let stored: TantivyDocument = searcher.doc(address)?;
                let id = stored
                    .get_first(self.fields.profile_id)
                    .and_then(|value| value.as_str())
                    .unwrap_or_default()
                    .to_owned();
                Ok((id, score))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExpertDoc;

    fn doc(id: &str, headline: &str, bio: &str) -> ExpertDoc {
        ExpertDoc {
            profile_id: id.into(),
            headline: headline.into(),
            bio: bio.into(),
            residence_country: "NG".into(),
            ..ExpertDoc::default()
        }
    }

    fn ids(hits: Vec<(String, f32)>) -> Vec<String> {
        hits.into_iter().map(|(id, _)| id).collect()
    }

    #[test]
    fn any_term_matches_either_word_and_all_terms_both() {
        let index = ExpertIndex::in_memory().unwrap();
        index
            .apply(
                vec![
                    doc("both", "Water engineer", "I design water networks."),
                    doc("water", "Hydrologist", "Groundwater and water quality."),
                    doc("engineer", "Civil engineer", "Bridges."),
                    doc("neither", "Teacher", "Mathematics."),
                ],
                vec![],
                "p",
            )
            .unwrap();
        let mut any = ids(index.plain_bm25("water: ENGINEER!", false, 10).unwrap());
        assert_eq!(any.first().map(String::as_str), Some("both"));
        any.sort();
        assert_eq!(any, ["both", "engineer", "water"]);
        assert_eq!(
            ids(index.plain_bm25("water engineer", true, 10).unwrap()),
            ["both"]
        );
        assert_eq!(
            index.plain_bm25("water engineer", false, 1).unwrap().len(),
            1
        );
        // exact words only: no stems, no typos
        assert!(index.plain_bm25("engineers", false, 10).unwrap().is_empty());
        assert!(index.plain_bm25("enginer", false, 10).unwrap().is_empty());
        assert!(index.plain_bm25(" ?! ", false, 10).unwrap().is_empty());
    }
}
