//! One query word over several fields, as one flat disjunction that seeks cheaply.
//!
//! A word matches a text field by its exact form or one of its stems; per field it scores
//! `boost × (exact + STEM_WEIGHT × best stem)`, and across fields the best field plus
//! `FIELD_TIE_BREAKER ×` the others (a disjunction-max). Built from tantivy's `BooleanQuery`
//! and `DisjunctionMaxQuery`, every level of that is a buffered union which, when sought past
//! its 4,096-document window, clears the window and refills it by scoring every posting in
//! it. The [coordination scorer](super::coord) seeks each word to every candidate of the
//! rarest one, so the nested unions scored most postings of every word, not the candidates.
//! [`WordQuery`] keeps the word's term scorers in one flat list instead: a seek moves each
//! posting list with its skip index, and scores are computed only for the documents whose
//! score is asked for.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

use super::coord::explain_by_scoring;

/// One field of a word (or a clause scored as is, such as the typo clause).
#[derive(Debug)]
pub(crate) struct Disjunct {
    /// Multiplies the disjunct's score (the field's boost).
    pub(crate) boost: f32,
    /// Clauses whose scores add up (the exact form).
    pub(crate) exact: Vec<Box<dyn Query>>,
    /// Clauses of which the best counts, times `stem_weight` (the stems).
    pub(crate) stems: Vec<Box<dyn Query>>,
    pub(crate) stem_weight: f32,
}

impl Clone for Disjunct {
    fn clone(&self) -> Self {
        Self {
            boost: self.boost,
            exact: self.exact.iter().map(|q| q.box_clone()).collect(),
            stems: self.stems.iter().map(|q| q.box_clone()).collect(),
            stem_weight: self.stem_weight,
        }
    }
}

/// See the module documentation: matches a document matching any clause; scores the best
/// disjunct plus `tie_breaker ×` the sum of the others.
#[derive(Debug, Clone)]
pub(crate) struct WordQuery {
    pub(crate) disjuncts: Vec<Disjunct>,
    pub(crate) tie_breaker: f32,
}

impl Query for WordQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut parts = Vec::new();
        for (index, disjunct) in self.disjuncts.iter().enumerate() {
            for query in &disjunct.exact {
                parts.push(PartWeight {
                    disjunct: index,
                    stem: false,
                    boost: disjunct.boost,
                    weight: query.weight(enable_scoring)?,
                });
            }
            for query in &disjunct.stems {
                parts.push(PartWeight {
                    disjunct: index,
                    stem: true,
                    boost: disjunct.boost * disjunct.stem_weight,
                    weight: query.weight(enable_scoring)?,
                });
            }
        }
        Ok(Box::new(WordWeight {
            parts,
            disjuncts: self.disjuncts.len(),
            tie_breaker: self.tie_breaker,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for disjunct in &self.disjuncts {
            for query in disjunct.exact.iter().chain(&disjunct.stems) {
                query.query_terms(visitor);
            }
        }
    }
}

struct PartWeight {
    disjunct: usize,
    stem: bool,
    boost: f32,
    weight: Box<dyn Weight>,
}

struct WordWeight {
    parts: Vec<PartWeight>,
    disjuncts: usize,
    tie_breaker: f32,
}

impl Weight for WordWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut parts = Vec::with_capacity(self.parts.len());
        for part in &self.parts {
            // The same product as nested boost queries: outer boost × field boost (× stem weight).
            let scorer = part.weight.scorer(reader, boost * part.boost)?;
            let doc = scorer.doc();
            if doc != TERMINATED {
                parts.push(Part {
                    doc,
                    scorer,
                    disjunct: part.disjunct,
                    stem: part.stem,
                });
            }
        }
        Ok(Box::new(WordScorer::new(
            parts,
            self.disjuncts,
            self.tie_breaker,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain_by_scoring(self, reader, doc, "best field + tie breaker × other fields")
    }
}

/// A clause's scorer, its current document, and where its score goes.
struct Part {
    /// `scorer.doc()`, kept here: the word's iteration compares every part's document at
    /// every step, and asking the boxed scorer each time was a tenth of a search's time.
    doc: DocId,
    scorer: Box<dyn Scorer>,
    disjunct: usize,
    stem: bool,
}

struct WordScorer {
    /// Scorers not yet exhausted (exhausted ones are dropped as they finish).
    parts: Vec<Part>,
    doc: DocId,
    tie_breaker: f32,
    /// Per disjunct while scoring: sum of exact scores, best stem score, whether it matched.
    exact: Vec<f32>,
    stems: Vec<f32>,
    matched: Vec<bool>,
}

impl WordScorer {
    fn new(parts: Vec<Part>, disjuncts: usize, tie_breaker: f32) -> Self {
        let mut scorer = Self {
            parts,
            doc: TERMINATED,
            tie_breaker,
            exact: vec![0.0; disjuncts],
            stems: vec![0.0; disjuncts],
            matched: vec![false; disjuncts],
        };
        scorer.doc = scorer.min_doc();
        scorer
    }

    /// Drops exhausted scorers and returns the smallest current document.
    fn min_doc(&mut self) -> DocId {
        let min = self
            .parts
            .iter()
            .map(|part| part.doc)
            .min()
            .unwrap_or(TERMINATED);
        if self.parts.iter().any(|part| part.doc == TERMINATED) {
            self.parts.retain(|part| part.doc != TERMINATED);
        }
        min
    }
}

impl DocSet for WordScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let doc = self.doc;
        for part in &mut self.parts {
            if part.doc == doc {
                part.doc = part.scorer.advance();
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for part in &mut self.parts {
            if part.doc < target {
                part.doc = part.scorer.seek(target);
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let hints = self.parts.iter().map(|part| part.scorer.size_hint());
        hints.max().unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        let costs = self.parts.iter().map(|part| part.scorer.cost());
        costs.fold(0, u64::saturating_add)
    }
}

impl Scorer for WordScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        if doc == TERMINATED {
            return 0.0;
        }
        self.exact.fill(0.0);
        self.stems.fill(0.0);
        self.matched.fill(false);
        for part in &mut self.parts {
            if part.doc != doc {
                continue;
            }
            let score = part.scorer.score();
            let d = part.disjunct;
            if part.stem {
                self.stems[d] = self.stems[d].max(score);
            } else {
                self.exact[d] += score;
            }
            self.matched[d] = true;
        }
        let (mut best, mut sum) = (0.0f32, 0.0f32);
        for d in 0..self.matched.len() {
            if self.matched[d] {
                let score = self.exact[d] + self.stems[d];
                best = best.max(score);
                sum += score;
            }
        }
        best + (sum - best) * self.tie_breaker
    }
}

#[cfg(test)]
mod tests;
