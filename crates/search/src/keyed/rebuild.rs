//! Replacing every document of a keyed index in one commit, with the segments built in
//! parallel: a worker per core (at most [`MAX_WORKERS`]) takes batches from the caller's
//! iterator, turns their items into documents and analyses them into a segment of its own
//! (tantivy's `SegmentWriter`, what the index writer's own threads use), and hands each
//! finished segment to the index writer, which commits them all at once and then merges
//! them into one.
//!
//! The writer of a serving index has one indexing thread (small commits all day long); a
//! rebuild through it would analyse every document on that one thread. Building the segments
//! here uses every core whatever the writer was opened with, and lets the caller convert its
//! own items (`ExpertDoc` → document) on the workers too.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;

use tantivy::indexer::{AddOperation, SegmentWriter};
use tantivy::{IndexWriter, Segment, TantivyDocument, TantivyError};

use super::KeyedIndex;
use crate::error::SearchError;

/// Most workers building segments at once.
const MAX_WORKERS: usize = 4;
/// Memory of a segment being built: a worker writes its segment out and starts another when
/// it is full (about 100,000 expert profiles). Segment size hardly changes the indexing cost
/// (64 MiB and 512 MiB measured the same); larger segments mean fewer to merge.
const SEGMENT_BYTES: usize = 256 * 1024 * 1024;
/// Headroom under [`SEGMENT_BYTES`]: a segment is written out when less than this is left
/// after a batch (a batch of a few thousand documents takes a few MiB).
const SEGMENT_MARGIN_BYTES: usize = 32 * 1024 * 1024;

/// What a worker is given: the shared source of batches, the conversion, and the stop flag
/// raised by the first failure.
struct Work<'a, I, F> {
    batches: Mutex<I>,
    to_document: &'a F,
    writer: &'a IndexWriter,
    failed: AtomicBool,
}

impl KeyedIndex {
    /// Replaces every document by those made (`to_document`) from the items `batches`
    /// yields, and commits once with `payload`; returns how many documents were added. Until
    /// the commit, searches see the previous documents. If a batch is an error (or a
    /// conversion or write fails), nothing is committed and the index stays as it was.
    pub(crate) fn rebuild<T, E, I, F>(
        &self,
        batches: I,
        to_document: &F,
        payload: &str,
    ) -> Result<u64, E>
    where
        T: Send,
        E: From<SearchError> + Send,
        I: Iterator<Item = Result<Vec<T>, E>> + Send,
        F: Fn(T) -> Result<TantivyDocument, SearchError> + Sync,
    {
        let mut writer = self.lock_writer()?;
        let workers = thread::available_parallelism()
            .map_or(2, std::num::NonZero::get)
            .clamp(1, MAX_WORKERS);
        let written = writer
            .delete_all_documents()
            .map_err(|e| E::from(SearchError::from(e)))
            .and_then(|_| {
                let work = Work {
                    batches: Mutex::new(batches),
                    to_document,
                    writer: &writer,
                    failed: AtomicBool::new(false),
                };
                let outcomes: Vec<Result<u64, E>> = thread::scope(|scope| {
                    let handles: Vec<_> =
                        (0..workers).map(|_| scope.spawn(|| work.run())).collect();
                    handles
                        .into_iter()
                        .map(|handle| {
                            handle.join().unwrap_or_else(|_| {
                                let panicked = TantivyError::ErrorInThread(
                                    "an indexing worker panicked".into(),
                                );
                                Err(SearchError::from(panicked).into())
                            })
                        })
                        .collect()
                });
                outcomes.into_iter().sum::<Result<u64, E>>()
            });
        let added = match written {
            Ok(added) => added,
            Err(error) => {
                let _ = writer.rollback();
                return Err(error);
            }
        };
        self.commit_or_rollback(&mut writer, Ok(()), payload)?;
        self.merge_all(&mut writer)?;
        Ok(added)
    }

    /// Merges the committed segments into one: the workers leave several, and a search
    /// opens every query term once per segment (1M experts in 6 segments: p50 11 → 8.6 ms
    /// in-process, for about 33 s of merging). The merge keeps the commit's payload. It only
    /// makes searches faster: if it fails (a background merge took one of the segments),
    /// the rebuilt documents stay committed in their segments and the rebuild succeeds.
    fn merge_all(&self, writer: &mut IndexWriter) -> Result<(), SearchError> {
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 && writer.merge(&segments).wait().is_ok() {
            self.reader.reload()?;
        }
        Ok(())
    }
}

impl<T, E, I, F> Work<'_, I, F>
where
    E: From<SearchError>,
    I: Iterator<Item = Result<Vec<T>, E>>,
    F: Fn(T) -> Result<TantivyDocument, SearchError>,
{
    /// One worker: batches until the source is exhausted or a worker failed; returns how
    /// many documents it added to the segments it handed to the writer.
    fn run(&self) -> Result<u64, E> {
        let outcome = self.build();
        if outcome.is_err() {
            self.failed.store(true, Ordering::Relaxed);
        }
        outcome
    }

    fn build(&self) -> Result<u64, E> {
        let mut added = 0;
        let mut open: Option<(Segment, SegmentWriter)> = None;
        while !self.failed.load(Ordering::Relaxed) {
            let next = self
                .batches
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .next();
            let Some(batch) = next else { break };
            let (_, segment_writer) = match &mut open {
                Some(open) => open,
                None => open.insert(self.new_segment()?),
            };
            for item in batch? {
                let document = (self.to_document)(item)?;
                segment_writer
                    .add_document(AddOperation {
                        opstamp: 0,
                        document,
                    })
                    .map_err(SearchError::from)?;
                added += 1;
            }
            if segment_writer.mem_usage() >= SEGMENT_BYTES - SEGMENT_MARGIN_BYTES
                && let Some(full) = open.take()
            {
                self.hand_over(full)?;
            }
        }
        if let Some(last) = open.take() {
            self.hand_over(last)?;
        }
        Ok(added)
    }

    fn new_segment(&self) -> Result<(Segment, SegmentWriter), SearchError> {
        let segment = self.writer.new_segment();
        let segment_writer = SegmentWriter::for_segment(SEGMENT_BYTES, segment.clone())?;
        Ok((segment, segment_writer))
    }

    /// Writes the segment out and gives it to the index writer (uncommitted until the
    /// writer commits). An empty segment is dropped.
    fn hand_over(&self, (segment, segment_writer): (Segment, SegmentWriter)) -> Result<(), E> {
        let max_doc = segment_writer.max_doc();
        if max_doc == 0 {
            return Ok(());
        }
        segment_writer.finalize().map_err(SearchError::from)?;
        let meta = segment.with_max_doc(max_doc).meta().clone();
        // As tantivy's own indexing threads do: the temporary store (used only to sort an
        // index) may now be garbage collected.
        meta.untrack_temp_docstore();
        self.writer.add_segment(meta).map_err(SearchError::from)?;
        Ok(())
    }
}
