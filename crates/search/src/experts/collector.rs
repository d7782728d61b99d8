//! One pass over the hits: total, facet counts, and the page.
//!
//! For every matching document the collector counts it, counts its facet values, computes
//! its sort key from fast fields (score × recency, or last activity when browsing) and keeps
//! the best `limit` documents *after the cursor* in a bounded heap. Within a segment, ids are
//! compared by their term ordinal in the `profile_id` fast column (ordinals follow byte
//! order). The request index uses the same collector over its own columns ([`Columns`]),
//! without facets. Reading an id as a string decompresses a dictionary block, so it is only done for
//! documents of different segments tied on their key; the page's ids come from the stored
//! documents, which the caller reads anyway. Stored documents are never read here.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn, TermOrdHit};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::cursor::{Cursor, Mode};
use super::facet_values::FacetValues;
use super::facets::{self, Facet, SegmentCounts};
use super::ranking::{recency_factor, score_key, time_key};

/// A page of hits, best first, and the counts over all hits.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    /// Number of matching documents.
    pub(crate) total: u64,
    /// Number of matching documents after the cursor (all of them without one).
    pub(crate) remaining: u64,
    pub(crate) hits: Vec<Hit>,
    /// Top values per facet, in the order the facets were asked.
    pub(crate) facets: Vec<(&'static str, Vec<(String, u64)>)>,
}

/// A hit of the page.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub(crate) key: u64,
    /// Id ordinal in its segment's `profile_id` column.
    ord: u64,
    /// The profile id, if it had to be read to order hits of different segments.
    pub(crate) id: Option<String>,
    pub(crate) score: Score,
    pub(crate) address: DocAddress,
}

/// The fast columns a collector reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Columns {
    /// The document key (`STRING | FAST`): the tie-break.
    pub(crate) id: &'static str,
    /// A unix time (`i64` fast): the recency factor, and the browse order.
    pub(crate) time: &'static str,
}

/// See the module documentation.
pub(crate) struct ExpertCollector {
    pub(crate) columns: Columns,
    pub(crate) mode: Mode,
    pub(crate) now: i64,
    pub(crate) limit: usize,
    pub(crate) after: Option<Cursor>,
    pub(crate) facets: Vec<Facet>,
    /// Unpacked facet values shared across searches (`None`: read the columns).
    pub(crate) facet_values: Option<FacetValues>,
}

impl Collector for ExpertCollector {
    type Fruit = Collected;
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        let fast = segment.fast_fields();
        let ids = fast.str(self.columns.id)?;
        let after = match (&self.after, &ids) {
            (Some(cursor), Some(ids)) => Some((cursor.key, first_ord_after(ids, &cursor.id)?)),
            (Some(cursor), None) => Some((cursor.key, u64::MAX)),
            (None, _) => None,
        };
        let facets =
            self.facets
                .iter()
                .map(|facet| {
                    let column = fast.str(facet.column)?;
                    let values = column.as_ref().zip(self.facet_values.as_ref()).and_then(
                        |(column, cache)| {
                            cache.get(
                                segment.segment_id(),
                                facet.column,
                                column,
                                segment.max_doc(),
                            )
                        },
                    );
                    Ok(SegmentCounts::new(column, values))
                })
                .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(SegmentTop {
            mode: self.mode,
            now: self.now,
            limit: self.limit,
            segment_ord,
            last_active: fast.i64(self.columns.time)?,
            ids,
            after,
            heap: BinaryHeap::with_capacity(self.limit + 1),
            total: 0,
            remaining: 0,
            facets,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.mode == Mode::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Collected> {
        let mut collected = Collected::default();
        let mut totals: Vec<HashMap<String, u64>> = vec![HashMap::new(); self.facets.len()];
        let mut ids: Vec<Option<StrColumn>> = Vec::new();
        for fruit in fruits {
            collected.total += fruit.total;
            collected.remaining += fruit.remaining;
            for (counts, totals) in fruit.facets.iter().zip(&mut totals) {
                counts.add_to(totals)?;
            }
            let segment = usize::try_from(fruit.segment_ord).unwrap_or(usize::MAX);
            ids.resize(ids.len().max(segment.saturating_add(1)), None);
            if let Some(slot) = ids.get_mut(segment) {
                *slot = fruit.ids;
            }
            collected
                .hits
                .extend(fruit.entries.into_iter().map(|entry| Hit {
                    key: entry.key,
                    ord: entry.ord,
                    id: None,
                    score: entry.score,
                    address: DocAddress::new(fruit.segment_ord, entry.doc),
                }));
        }
        collected.hits.sort_by_key(|hit| Reverse(hit.key));
        order_ties(&mut collected.hits, self.limit, &ids)?;
        collected.hits.truncate(self.limit);
        collected.facets = self
            .facets
            .iter()
            .zip(totals)
            .map(|(facet, totals)| (facet.name, facets::top(totals)))
            .collect();
        Ok(collected)
    }
}

/// Orders runs of hits with equal keys (`hits` is sorted by key) by id, for the runs that
/// reach into the first `limit` hits. Within one segment the id ordinal decides; ids are
/// read only for runs spanning several segments.
fn order_ties(hits: &mut [Hit], limit: usize, ids: &[Option<StrColumn>]) -> tantivy::Result<()> {
    let mut start = 0;
    while start < hits.len().min(limit) {
        let key = hits[start].key;
        let end = start + hits[start..].iter().take_while(|h| h.key == key).count();
        let run = &mut hits[start..end];
        let segment = run[0].address.segment_ord;
        if run.iter().all(|h| h.address.segment_ord == segment) {
            run.sort_by_key(|h| h.ord);
        } else {
            for hit in run.iter_mut() {
                let column = usize::try_from(hit.address.segment_ord)
                    .ok()
                    .and_then(|s| ids.get(s))
                    .and_then(Option::as_ref);
                let mut id = String::new();
                if let Some(column) = column {
                    column.ord_to_str(hit.ord, &mut id)?;
                }
                hit.id = Some(id);
            }
            run.sort_by(|a, b| a.id.cmp(&b.id));
        }
        start = end;
    }
    Ok(())
}

/// The smallest ordinal of `ids` whose id sorts after `id` (one dictionary lookup).
fn first_ord_after(ids: &StrColumn, id: &str) -> tantivy::Result<u64> {
    Ok(match ids.dictionary().term_ord_or_next(id)? {
        TermOrdHit::Exact(ord) => ord + 1,
        TermOrdHit::Next(ord) => ord,
    })
}

/// A kept document of one segment.
#[derive(Debug, Clone, Copy)]
struct Entry {
    key: u64,
    ord: u64,
    doc: DocId,
    score: Score,
}

/// Heap order: *greater* means *worse* (lower key, then greater id), so the heap's top is
/// the first to evict.
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other.key.cmp(&self.key).then(self.ord.cmp(&other.ord))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

/// [`ExpertCollector`] for one segment.
pub(crate) struct SegmentTop {
    mode: Mode,
    now: i64,
    limit: usize,
    segment_ord: SegmentOrdinal,
    last_active: Column<i64>,
    ids: Option<StrColumn>,
    /// Cursor key and the first id ordinal after the cursor id in this segment.
    after: Option<(u64, u64)>,
    heap: BinaryHeap<Entry>,
    total: u64,
    remaining: u64,
    facets: Vec<SegmentCounts>,
}

/// What one segment found.
pub(crate) struct SegmentFruit {
    segment_ord: SegmentOrdinal,
    ids: Option<StrColumn>,
    entries: Vec<Entry>,
    total: u64,
    remaining: u64,
    facets: Vec<SegmentCounts>,
}

impl SegmentCollector for SegmentTop {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, text_score: Score) {
        self.total += 1;
        for facet in &mut self.facets {
            facet.count(doc);
        }
        let last_active = self.last_active.first(doc).unwrap_or(0);
        let recency = recency_factor(self.now, last_active);
        let (key, score) = match self.mode {
            Mode::Relevance => {
                let score = text_score * recency;
                (score_key(score), score)
            }
            Mode::Browse => (time_key(last_active), recency),
        };
        let id_ord = |ids: &Option<StrColumn>| {
            ids.as_ref()
                .and_then(|ids| ids.term_ords(doc).next())
                .unwrap_or(u64::MAX)
        };
        if let Some((after_key, first_ord)) = self.after
            && (key > after_key || (key == after_key && id_ord(&self.ids) < first_ord))
        {
            return;
        }
        self.remaining += 1;
        // A hit below the worst kept one by key cannot enter the page whatever its id: most
        // hits of a large result set stop here, without reading their id ordinal.
        if self.heap.len() >= self.limit && self.heap.peek().is_some_and(|worst| key < worst.key) {
            return;
        }
        let ord = id_ord(&self.ids);
        let entry = Entry {
            key,
            ord,
            doc,
            score,
        };
        if self.heap.len() < self.limit {
            self.heap.push(entry);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && entry < *worst
        {
            *worst = entry;
        }
    }

    fn harvest(self) -> SegmentFruit {
        SegmentFruit {
            segment_ord: self.segment_ord,
            ids: self.ids,
            entries: self.heap.into_vec(),
            total: self.total,
            remaining: self.remaining,
            facets: self.facets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: u64, ord: u64) -> Entry {
        Entry {
            key,
            ord,
            doc: 0,
            score: 0.0,
        }
    }

    #[test]
    fn the_heap_keeps_the_best_by_key_then_lowest_id() {
        let mut heap = BinaryHeap::new();
        for e in [entry(1, 0), entry(5, 9), entry(5, 2), entry(3, 1)] {
            heap.push(e);
        }
        assert_eq!(
            heap.peek().map(|e| (e.key, e.ord)),
            Some((1, 0)),
            "worst on top"
        );
        let best_first = heap.into_sorted_vec();
        let order: Vec<(u64, u64)> = best_first.iter().map(|e| (e.key, e.ord)).collect();
        assert_eq!(order, [(5, 2), (5, 9), (3, 1), (1, 0)]);
    }
}
