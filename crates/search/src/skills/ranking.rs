//! Final ranking of matching labels, and one result per skill.
//!
//! A label's score is its text score (from [`query`](super::query)) plus small bonuses read
//! from fast fields: the user's language, preferred over alternative label, and a coverage
//! tie-break (how much of the label the query covers, so `project management` beats
//! `Agile project management`). The collector keeps only the best label of each skill.

use std::cmp::Ordering;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::skill;

/// Bonus for a label in the user's language. Below the gap between an exact and a fuzzy
/// word, so a typo in the user's language does not beat an exact hit in another.
pub(crate) const SAME_LANGUAGE: f32 = 1.0;
/// Bonus for a preferred (rather than alternative) label.
pub(crate) const PREFERRED: f32 = 0.5;
/// Weight of the coverage tie-break, in `0..=COVERAGE`; below [`PREFERRED`] so it only
/// orders labels that are otherwise equal.
pub(crate) const COVERAGE: f32 = 0.4;

/// What the ranking needs to know about the query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranking {
    /// The language ordinal to favour, if the user's language is one of the index's.
    pub(crate) lang_ord: Option<u64>,
    /// Length of the analyzed query in characters.
    pub(crate) query_chars: usize,
}

/// The best label found so far for one skill.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub(crate) score: Score,
    pub(crate) label_len: u32,
    pub(crate) doc: DocAddress,
}

impl Candidate {
    /// Best first: higher score, then shorter label, then index order (deterministic).
    pub(crate) fn rank(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.label_len.cmp(&other.label_len))
            .then(self.doc.cmp(&other.doc))
    }
}

/// The best candidate of each skill, indexed by skill ordinal (`None`: nothing matched).
/// A vector rather than a map: "de" or "a" match ~30k labels, and hashing each one would
/// cost more than the search itself.
#[derive(Debug)]
pub(crate) struct BestPerSkill(Vec<Option<Candidate>>);

impl BestPerSkill {
    fn new(skills: usize) -> Self {
        Self(vec![None; skills])
    }

    fn keep_best(&mut self, skill: u64, candidate: Candidate) {
        let slot = usize::try_from(skill).ok().and_then(|i| self.0.get_mut(i));
        match slot {
            Some(Some(kept)) if candidate.rank(kept) != Ordering::Less => {}
            Some(slot) => *slot = Some(candidate),
            None => {} // not an ordinal of this index; cannot happen
        }
    }

    /// The best `limit` candidates, best first.
    pub(crate) fn top(self, limit: usize) -> Vec<Candidate> {
        let mut candidates: Vec<Candidate> = self.0.into_iter().flatten().collect();
        if limit == 0 {
            return Vec::new();
        }
        if candidates.len() > limit {
            candidates.select_nth_unstable_by(limit - 1, Candidate::rank);
            candidates.truncate(limit);
        }
        candidates.sort_unstable_by(Candidate::rank);
        candidates
    }
}

/// Collects, for every matching skill, its best-ranked label.
pub(crate) struct BestLabelPerSkill {
    pub(crate) ranking: Ranking,
    /// Number of skill ordinals in the index.
    pub(crate) skills: usize,
}

impl Collector for BestLabelPerSkill {
    type Fruit = BestPerSkill;
    type Child = SegmentBest;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentBest> {
        let fast = segment.fast_fields();
        Ok(SegmentBest {
            ranking: self.ranking,
            segment_ord,
            skill: fast.u64(skill::ORD)?,
            lang: fast.u64(skill::LANG_ORD)?,
            preferred: fast.bool(skill::PREFERRED)?,
            label_len: fast.u64(skill::LABEL_LEN)?,
            best: BestPerSkill::new(self.skills),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<BestPerSkill>) -> tantivy::Result<BestPerSkill> {
        let mut fruits = fruits.into_iter();
        let mut merged = fruits.next().unwrap_or_else(|| BestPerSkill::new(0));
        for fruit in fruits {
            for (skill, candidate) in (0u64..).zip(fruit.0) {
                if let Some(candidate) = candidate {
                    merged.keep_best(skill, candidate);
                }
            }
        }
        Ok(merged)
    }
}

/// [`BestLabelPerSkill`] for one segment.
pub(crate) struct SegmentBest {
    ranking: Ranking,
    segment_ord: SegmentOrdinal,
    skill: Column<u64>,
    lang: Column<u64>,
    preferred: Column<bool>,
    label_len: Column<u64>,
    best: BestPerSkill,
}

impl SegmentCollector for SegmentBest {
    type Fruit = BestPerSkill;

    fn collect(&mut self, doc: DocId, text_score: Score) {
        let Some(skill) = self.skill.first(doc) else {
            return;
        };
        let label_len = self.label_len.first(doc).unwrap_or(u64::MAX).max(1);
        let label_len = u32::try_from(label_len).unwrap_or(u32::MAX);
        let mut score = text_score;
        if self.ranking.lang_ord.is_some() && self.lang.first(doc) == self.ranking.lang_ord {
            score += SAME_LANGUAGE;
        }
        if self.preferred.first(doc) == Some(true) {
            score += PREFERRED;
        }
        // Label and query lengths are small (a few hundred at most), so exact in f32.
        let coverage = (self.ranking.query_chars as f32 / label_len as f32).min(1.0);
        score += COVERAGE * coverage;
        let doc = DocAddress::new(self.segment_ord, doc);
        let candidate = Candidate {
            score,
            label_len,
            doc,
        };
        self.best.keep_best(skill, candidate);
    }

    fn harvest(self) -> BestPerSkill {
        self.best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(score: Score, label_len: u32, doc: DocId) -> Candidate {
        Candidate {
            score,
            label_len,
            doc: DocAddress::new(0, doc),
        }
    }

    #[test]
    fn higher_score_then_shorter_label_then_index_order_wins() {
        let mut all = [
            candidate(1.0, 5, 0),
            candidate(2.0, 50, 1),
            candidate(2.0, 10, 3),
            candidate(2.0, 10, 2),
        ];
        all.sort_by(Candidate::rank);
        let order: Vec<DocId> = all.iter().map(|c| c.doc.doc_id).collect();
        assert_eq!(order, [2, 3, 1, 0]);
    }

    #[test]
    fn only_the_best_label_of_a_skill_is_kept() {
        let mut best = BestPerSkill::new(10);
        best.keep_best(7, candidate(1.0, 5, 0));
        best.keep_best(7, candidate(3.0, 9, 1));
        best.keep_best(7, candidate(2.0, 1, 2));
        best.keep_best(8, candidate(0.5, 1, 3));
        best.keep_best(99, candidate(9.0, 1, 4));
        let top = best.top(10);
        let docs: Vec<DocId> = top.iter().map(|c| c.doc.doc_id).collect();
        assert_eq!(docs, [1, 3]);
    }

    #[test]
    fn top_respects_the_limit() {
        let mut best = BestPerSkill::new(5);
        for skill in 0..5 {
            best.keep_best(skill, candidate(skill as f32, 1, skill as u32));
        }
        let docs: Vec<DocId> = best.top(2).iter().map(|c| c.doc.doc_id).collect();
        assert_eq!(docs, [4, 3]);
        assert!(BestPerSkill::new(3).top(0).is_empty());
    }
}
