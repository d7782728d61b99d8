//! Rebuilding the expert index from the database in one pass: profiles are read page by page
//! in id order (three queries a page), turned into documents, and streamed to the index
//! writer on a blocking thread while the next page is read; the index commits once, at the
//! end, with the outbox position read at the start (changes made meanwhile are applied
//! afterwards by the indexer). At most a few pages are in memory at any time.

use crate::{Service, ServiceError, ServiceResult};
use braingain_search::SearchError;
use braingain_search::experts::{ExpertDoc, ExpertIndex};
use braingain_store::{events, profiles};
use std::sync::Arc;

/// Profiles read per page.
const PAGE: u64 = 2_000;
/// Pages of documents waiting for the writer.
const QUEUE: usize = 4;

/// Why a rebuild stopped: the index, or reading the database.
enum Failure {
    Index(SearchError),
    Read(ServiceError),
}

impl From<SearchError> for Failure {
    fn from(e: SearchError) -> Self {
        Self::Index(e)
    }
}

impl Service {
    /// Rebuilds `index` (this service's own, or one opened with
    /// [`crate::indexer::open_index_for_bulk`]) from every profile in the database: searches
    /// see the previous documents until the single commit at the end. `progress` hears how
    /// many profiles have been read. Returns how many profiles were read (hidden and
    /// inactive ones are read but not indexed).
    ///
    /// If reading fails half-way, nothing is committed and the error is returned.
    pub async fn rebuild_index(
        &self,
        index: &Arc<ExpertIndex>,
        mut progress: impl FnMut(usize),
    ) -> ServiceResult<usize> {
        let db = self.store().conn();
        let payload = events::last_position(db).await?.to_string();
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Vec<ExpertDoc>, Failure>>(QUEUE);
        let writer = {
            let index = index.clone();
            tokio::task::spawn_blocking(move || {
                let batches = std::iter::from_fn(|| rx.blocking_recv());
                index.rebuild(batches, &payload)
            })
        };
        let mut after = None;
        let mut total = 0;
        loop {
            let page = match profiles::page_after(db, after, PAGE).await {
                Ok(page) => page,
                Err(e) => {
                    let _ = tx.send(Err(Failure::Read(e.into()))).await;
                    break;
                }
            };
            let Some(last) = page.last().map(|p| p.id) else {
                break;
            };
            after = Some(last);
            total += page.len();
            let docs = self
                .documents_of(page)
                .await
                .map(|(docs, _)| docs)
                .map_err(Failure::Read);
            let failed = docs.is_err();
            if tx.send(docs).await.is_err() || failed {
                break; // the writer stopped (its error is returned below), or this page failed
            }
            progress(total);
        }
        drop(tx);
        match writer.await.map_err(ServiceError::internal)? {
            Ok(_) => {
                self.reset_index_cursor().await;
                Ok(total)
            }
            Err(Failure::Index(e)) => Err(ServiceError::internal(e)),
            Err(Failure::Read(e)) => Err(e),
        }
    }
}
