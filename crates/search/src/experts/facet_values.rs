//! Each segment's facet values as plain arrays, kept across searches.
//!
//! Counting a facet reads every match's values from a fast column: a multi-valued column
//! first reads the document's value range from a compressed index, then its values. At a
//! million experts that was about 30 % of a search's collection with the web app's five
//! facets. A segment never changes once written (deletes only hide documents), so its
//! values are unpacked once per column into two arrays (`starts`, `ords`: the term
//! ordinals of document `d` are `ords[starts[d]..starts[d + 1]]`) and reused until the
//! segment leaves the index (a merge, a rebuild). About 4 bytes per document and per value:
//! 50 MiB for five facets at a million experts.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher};

/// One column of one segment, unpacked.
#[derive(Debug)]
pub(crate) struct DocOrds {
    starts: Vec<u32>,
    ords: Vec<u32>,
}

impl DocOrds {
    /// Unpacks the term ordinals of documents `0..max_doc` of `column`; `None` if the
    /// segment holds more values than 32-bit offsets address (the caller reads the column).
    fn unpack(column: &StrColumn, max_doc: DocId) -> Option<Self> {
        let mut starts = Vec::with_capacity(usize::try_from(max_doc).ok()?.saturating_add(1));
        let mut ords = Vec::new();
        starts.push(0);
        for doc in 0..max_doc {
            for ord in column.term_ords(doc) {
                ords.push(u32::try_from(ord).ok()?);
            }
            starts.push(u32::try_from(ords.len()).ok()?);
        }
        Some(Self { starts, ords })
    }

    /// The term ordinals of `doc` (none for a document past the segment).
    pub(crate) fn of(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match (self.starts.get(doc), self.starts.get(doc + 1)) {
            (Some(&start), Some(&end)) => {
                self.ords.get(start as usize..end as usize).unwrap_or(&[])
            }
            _ => &[],
        }
    }
}

/// Unpacked columns by segment and column name.
type Unpacked = HashMap<(SegmentId, &'static str), Arc<DocOrds>>;

/// The unpacked columns, by segment and column name; cheap to clone (shared).
#[derive(Debug, Clone, Default)]
pub(crate) struct FacetValues {
    unpacked: Arc<Mutex<Unpacked>>,
}

impl FacetValues {
    /// The values of `column` in segment `segment` (of `max_doc` documents), unpacked on
    /// first use. Two searches asking at once may both unpack it; one copy is kept.
    pub(crate) fn get(
        &self,
        segment: SegmentId,
        name: &'static str,
        column: &StrColumn,
        max_doc: DocId,
    ) -> Option<Arc<DocOrds>> {
        if let Some(found) = self.lock().get(&(segment, name)) {
            return Some(Arc::clone(found));
        }
        let unpacked = Arc::new(DocOrds::unpack(column, max_doc)?);
        let mut map = self.lock();
        Some(Arc::clone(map.entry((segment, name)).or_insert(unpacked)))
    }

    /// Forgets the segments `searcher` no longer holds (merged away or rebuilt).
    pub(crate) fn retain_segments_of(&self, searcher: &Searcher) {
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(tantivy::SegmentReader::segment_id)
            .collect();
        self.lock().retain(|(segment, _), _| live.contains(segment));
    }

    /// How many segment columns are unpacked (tests).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Unpacked> {
        self.unpacked.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::schema::{FAST, STRING, Schema};
    use tantivy::{Index, TantivyDocument};

    use super::*;

    #[test]
    fn unpacked_values_equal_the_columns_and_are_shared() {
        let mut builder = Schema::builder();
        let field = builder.add_text_field("langs", STRING | FAST);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for values in [&["fr", "en"][..], &[], &["ha"], &["en", "yo", "fr"]] {
            let mut doc = TantivyDocument::default();
            for value in values {
                doc.add_text(field, value);
            }
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let segment = searcher.segment_reader(0);
        let column = segment.fast_fields().str("langs").unwrap().unwrap();
        let cache = FacetValues::default();
        let values = cache
            .get(segment.segment_id(), "langs", &column, segment.max_doc())
            .unwrap();
        for doc in 0..segment.max_doc() {
            let expected: Vec<u32> = column.term_ords(doc).map(|o| o as u32).collect();
            assert_eq!(values.of(doc), expected.as_slice(), "doc {doc}");
        }
        assert_eq!(values.of(1), &[] as &[u32]);
        assert!(values.of(99).is_empty(), "past the segment");
        let again = cache
            .get(segment.segment_id(), "langs", &column, segment.max_doc())
            .unwrap();
        assert!(Arc::ptr_eq(&values, &again), "unpacked once");
        cache.retain_segments_of(&searcher);
        assert_eq!(cache.len(), 1, "a live segment is kept");
    }
}
