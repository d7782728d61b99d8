//! A disjunction over the query's words that rewards documents matching more of them, and
//! can require most of them.
//!
//! tantivy's `BooleanQuery` sums `Should` clauses without a coordination factor, so a profile
//! repeating one word of a two-word query could outrank one matching both. [`CoordQuery`]
//! matches a document when at least `min_required` *required* (content) words match, and
//! scores it `sum of the matching words' scores × (weight of matched words / weight of
//! all)^3` ([`coordination`]), each content word weighing its idf: missing a rare, telling
//! word costs more than missing a common one. *Optional* words (stop words such as `in`,
//! `de`, `para`) add their score to documents that match anyway but neither make a document
//! match nor count in the coordination, so "teacher in Dakar" does not match every biography
//! containing "in".
//!
//! **k of n, without visiting every match of every word.** A document matching at least `k`
//! of the `n` words must contain one of the `n − k + 1` words with the shortest posting lists
//! (the *lead*, chosen by the scorers' `cost()`): if it missed all of them it could match at
//! most `k − 1` words. So only the lead's documents are candidates; the other words are
//! `seek`ed to each candidate, rarest first, and the candidate is dropped as soon as more than
//! `n − k` words miss it. With `k = n` this is a leapfrog intersection led by the rarest word
//! (a word that skips past the candidate moves the lead straight there); with `k = 1` it is
//! the plain union. [`Matching`] says which `k` a search uses ([`required_matches`]).

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use super::ranking::coordination;

/// How many of a query's content words a document must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matching {
    /// Most of them ([`required_matches`]): the expert index's first try.
    Most,
    /// At least this many of them (at least 2, fewer than [`Matching::Most`] requires): the
    /// expert index's first fallbacks when too few experts match most words.
    AtLeast(usize),
    /// Any one of them: the expert index's last fallback, and the request index's only
    /// matching.
    Any,
}

impl Matching {
    /// The minimum number of the `n` content words a document must match.
    pub(crate) fn min_required(self, n: usize) -> usize {
        match self {
            Self::Most => required_matches(n),
            Self::AtLeast(k) => k.min(n),
            Self::Any => n.min(1),
        }
    }
}

/// Content words a document must match in [`Matching::Most`]: all of them for queries of up
/// to 3 content words, all but one for 4 to 6, two thirds (rounded up) beyond.
pub(crate) fn required_matches(n: usize) -> usize {
    match n {
        0..=3 => n,
        4..=6 => n - 1,
        _ => (2 * n).div_ceil(3),
    }
}

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct CoordQuery {
    /// One query per content word with its coordination weight.
    pub(crate) required: Vec<(f32, Box<dyn Query>)>,
    /// One query per optional word; only adds to the score.
    pub(crate) optional: Vec<Box<dyn Query>>,
    /// How many `required` words a document must match (clamped to `1..=required.len()`).
    pub(crate) min_required: usize,
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
            min_required: self.min_required,
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
        Ok(Box::new(CoordWeight {
            required,
            optional,
            min_required: self.min_required,
        }))
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
    min_required: usize,
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
        Ok(Box::new(CoordScorer::new(
            required,
            optional,
            self.min_required,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain_by_scoring(self, reader, doc, "sum of matching words × coordination")
    }
}

/// Explains a document by scoring it with `weight` (`what` names the formula): the scorers
/// here keep no per-clause breakdown. An error if the document does not match.
pub(crate) fn explain_by_scoring(
    weight: &dyn Weight,
    reader: &SegmentReader,
    doc: DocId,
    what: &'static str,
) -> tantivy::Result<Explanation> {
    let mut scorer = weight.scorer(reader, 1.0)?;
    if scorer.seek(doc) != doc {
        return Err(TantivyError::InvalidArgument(format!(
            "document #{doc} does not match"
        )));
    }
    Ok(Explanation::new(what, scorer.score()))
}

/// The content words' scorers, cheapest first, of which the first `lead` drive iteration
/// (see the module documentation; few scorers, one per query word, so linear scans are
/// cheapest), with the optional scorers advanced lazily when a score is asked for.
struct CoordScorer {
    words: Vec<Box<dyn Scorer>>,
    /// `words[i].doc()`, kept here (set from what `advance` and `seek` return): `settle`
    /// compares every word's document for every candidate.
    docs: Vec<DocId>,
    weights: Vec<f32>,
    /// `n − k + 1`: a match contains one of the first `lead` words.
    lead: usize,
    total_weight: f32,
    optional: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl CoordScorer {
    fn new(
        mut required: Vec<(f32, Box<dyn Scorer>)>,
        optional: Vec<Box<dyn Scorer>>,
        min_required: usize,
    ) -> Self {
        required.sort_by_key(|(_, scorer)| scorer.cost());
        let n = required.len();
        let lead = n + 1 - min_required.clamp(1, n.max(1));
        let (weights, words): (Vec<f32>, Vec<_>) = required.into_iter().unzip();
        let docs = words.iter().map(|word| word.doc()).collect();
        let mut scorer = Self {
            words,
            docs,
            total_weight: weights.iter().sum(),
            weights,
            lead: lead.min(n),
            optional,
            doc: TERMINATED,
        };
        scorer.doc = scorer.settle();
        scorer
    }

    /// The first document at or after the lead scorers' positions that matches enough
    /// words: the others are sought to each candidate, rarest first, until too many miss.
    fn settle(&mut self) -> DocId {
        let Some(allowed_misses) = self.lead.checked_sub(1) else {
            return TERMINATED;
        };
        let (lead, others) = self.words.split_at_mut(self.lead);
        let (lead_docs, other_docs) = self.docs.split_at_mut(self.lead);
        loop {
            let doc = lead_docs.iter().copied().min().unwrap_or(TERMINATED);
            if doc == TERMINATED {
                return TERMINATED;
            }
            let mut missed = lead_docs.iter().filter(|&&d| d != doc).count();
            let mut next = doc + 1;
            for (other, other_doc) in others.iter_mut().zip(other_docs.iter_mut()) {
                if *other_doc < doc {
                    *other_doc = other.seek(doc);
                }
                if *other_doc != doc {
                    missed += 1;
                    if missed > allowed_misses {
                        if lead_docs.len() == 1 {
                            // All words required: nothing before this word's next match.
                            next = *other_doc;
                        }
                        break;
                    }
                }
            }
            if missed <= allowed_misses {
                return doc;
            }
            for (scorer, lead_doc) in lead.iter_mut().zip(lead_docs.iter_mut()) {
                if *lead_doc < next {
                    *lead_doc = scorer.seek(next);
                }
            }
        }
    }
}

impl DocSet for CoordScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let lead = self.words[..self.lead].iter_mut().zip(&mut self.docs);
        for (scorer, doc) in lead {
            if *doc == self.doc {
                *doc = scorer.advance();
            }
        }
        self.doc = self.settle();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        let lead = self.words[..self.lead].iter_mut().zip(&mut self.docs);
        for (scorer, doc) in lead {
            if *doc < target {
                *doc = scorer.seek(target);
            }
        }
        self.doc = self.settle();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let lead = self.words[..self.lead].iter().map(|s| s.size_hint());
        if self.lead == self.words.len() {
            // Any word: the largest list (the union's lower bound) as before.
            lead.max().unwrap_or(0)
        } else {
            lead.fold(0, u32::saturating_add)
        }
    }

    fn cost(&self) -> u64 {
        let lead = self.words[..self.lead].iter().map(|s| s.cost());
        lead.fold(0, u64::saturating_add)
    }
}

impl Scorer for CoordScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut sum = 0.0;
        let mut matched = 0.0;
        let words = self.words.iter_mut().zip(&self.docs).zip(&self.weights);
        for ((scorer, word_doc), weight) in words {
            if *word_doc == doc {
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
pub(crate) mod tests;
