//! A disjunction over the query's words that rewards documents matching more of them.
//!
//! tantivy's `BooleanQuery` sums `Should` clauses without a coordination factor, so a profile
//! repeating one word of a two-word query could outrank one matching both. [`CoordQuery`]
//! matches a document when at least one *required* (content) word matches, and scores it
//! `sum of the matching words' scores × (weight of matched words / weight of all)^3`
//! ([`coordination`]), each content word weighing its idf: missing a rare, telling word
//! costs more than missing a common one. *Optional* words (stop words such as `in`, `de`,
//! `para`) add their score to documents that match anyway but neither make a document match
//! nor count in the coordination, so "teacher in Dakar" does not match every biography
//! containing "in".

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use super::ranking::coordination;

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct CoordQuery {
    /// One query per content word with its coordination weight; a document must match at
    /// least one.
    pub(crate) required: Vec<(f32, Box<dyn Query>)>,
    /// One query per optional word; only adds to the score.
    pub(crate) optional: Vec<Box<dyn Query>>,
}

impl Clone for CoordQuery {
    fn clone(&self) -> Self {
        Self {
            required: self
                .required
                .iter()
                .map(|(w, q)| (*w, q.box_clone()))
                .collect(),
            optional: self.optional.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl Query for CoordQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let required = self
            .required
            .iter()
            .map(|(weight, query)| Ok((*weight, query.weight(enable_scoring)?)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let optional = if enable_scoring.is_scoring_enabled() {
            let weights = self
                .optional
                .iter()
                .map(|query| query.weight(enable_scoring));
            weights.collect::<tantivy::Result<Vec<_>>>()?
        } else {
            Vec::new()
        };
        Ok(Box::new(CoordWeight { required, optional }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for query in self.required.iter().map(|(_, q)| q).chain(&self.optional) {
            query.query_terms(visitor);
        }
    }
}

struct CoordWeight {
    required: Vec<(f32, Box<dyn Weight>)>,
    optional: Vec<Box<dyn Weight>>,
}

impl Weight for CoordWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let required = self
            .required
            .iter()
            .map(|(weight, query)| Ok((*weight, query.scorer(reader, boost)?)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let optional = self
            .optional
            .iter()
            .map(|weight| weight.scorer(reader, boost));
        let optional = optional.collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(CoordScorer::new(required, optional)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document #{doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "sum of matching words × coordination",
            scorer.score(),
        ))
    }
}

/// Union of the required scorers (few: one per query word, so a linear scan is cheapest),
/// with the optional scorers advanced lazily when a score is asked for.
struct CoordScorer {
    required: Vec<Box<dyn Scorer>>,
    weights: Vec<f32>,
    total_weight: f32,
    optional: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl CoordScorer {
    fn new(required: Vec<(f32, Box<dyn Scorer>)>, optional: Vec<Box<dyn Scorer>>) -> Self {
        let (weights, required): (Vec<f32>, Vec<_>) = required.into_iter().unzip();
        let mut scorer = Self {
            required,
            total_weight: weights.iter().sum(),
            weights,
            optional,
            doc: TERMINATED,
        };
        scorer.doc = scorer.min_doc();
        scorer
    }

    fn min_doc(&self) -> DocId {
        self.required
            .iter()
            .map(|scorer| scorer.doc())
            .min()
            .unwrap_or(TERMINATED)
    }
}

impl DocSet for CoordScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        for scorer in &mut self.required {
            if scorer.doc() == self.doc {
                scorer.advance();
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for scorer in &mut self.required {
            if scorer.doc() < target {
                scorer.seek(target);
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let hints = self.required.iter().map(|scorer| scorer.size_hint());
        hints.max().unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.required.iter().map(|scorer| scorer.cost()).sum()
    }
}

impl Scorer for CoordScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut sum = 0.0;
        let mut matched = 0.0;
        for (scorer, weight) in self.required.iter_mut().zip(&self.weights) {
            if scorer.doc() == doc {
                sum += scorer.score();
                matched += weight;
            }
        }
        for scorer in &mut self.optional {
            if scorer.doc() < doc {
                scorer.seek(doc);
            }
            if scorer.doc() == doc {
                sum += scorer.score();
            }
        }
        sum * coordination(matched, self.total_weight)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, TantivyDocument};

    use super::*;

    /// Docs: 0 "alpha", 1 "alpha beta", 2 "beta beta beta in", 3 "gamma in".
    fn search(required: &[&str], optional: &[&str]) -> Vec<(u32, f32)> {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for body in ["alpha", "alpha beta", "beta beta beta in", "gamma in"] {
            let mut doc = TantivyDocument::default();
            doc.add_text(text, body);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let term = |word: &str| -> Box<dyn Query> {
            let term = Term::from_field_text(text, word);
            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
        };
        let query = CoordQuery {
            required: required.iter().map(|w| (1.0, term(w))).collect(),
            optional: optional.iter().map(|w| term(w)).collect(),
        };
        let searcher = index.reader().unwrap().searcher();
        let top = TopDocs::with_limit(10).order_by_score();
        let mut hits: Vec<(u32, f32)> = searcher
            .search(&query, &top)
            .unwrap()
            .into_iter()
            .map(|(score, address)| (address.doc_id, score))
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        assert_eq!(query.count(&searcher).unwrap(), hits.len());
        hits
    }

    #[test]
    fn documents_matching_every_word_come_first() {
        let hits = search(&["alpha", "beta"], &[]);
        let docs: Vec<u32> = hits.iter().map(|h| h.0).collect();
        assert_eq!(docs[0], 1, "{hits:?}");
        assert_eq!(docs.len(), 3);
    }

    #[test]
    fn optional_words_score_but_never_match_alone() {
        let without = search(&["beta"], &[]);
        let with = search(&["beta"], &["in"]);
        let docs: Vec<u32> = with.iter().map(|h| h.0).collect();
        assert!(!docs.contains(&3), "'in' alone does not match: {with:?}");
        let score = |hits: &[(u32, f32)], doc| hits.iter().find(|h| h.0 == doc).unwrap().1;
        assert!(score(&with, 2) > score(&without, 2));
        assert!((score(&with, 1) - score(&without, 1)).abs() < 1e-6);
    }
}
