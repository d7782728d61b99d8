//! Rebuilding the expert index from the database in one pass, as a pipeline of three stages
//! running at once: a reader task reads profiles page by page in id order, with their
//! owners' accounts (four queries a page), a page ahead of the next stage; this task turns
//! each page into documents; and the index analyses them into segments on a worker per core
//! (`ExpertIndex::rebuild`). The index commits once, at the end, with the outbox position
//! read at the start (changes made meanwhile are applied afterwards by the indexer). At most
//! a few pages are in memory at any time.

use crate::{Service, ServiceError, ServiceResult};
use braingain_domain::AccountId;
use braingain_search::SearchError;
use braingain_search::experts::{ExpertDoc, ExpertIndex};
use braingain_store::accounts::{self, AccountRecord};
use braingain_store::events;
use braingain_store::profiles::{self, ProfileRecord};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::mpsc;

/// Profiles read per page.
const PAGE: u64 = 2_000;
/// Pages read ahead of the documents being built.
const READ_AHEAD: usize = 2;
/// Pages of documents waiting for the index.
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

/// One page of profiles with the accounts that own them.
struct Page {
    profiles: Vec<ProfileRecord>,
    owners: HashMap<AccountId, AccountRecord>,
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
        let payload = events::last_position(self.store().conn())
            .await?
            .to_string();
        let (tx, mut rx) = mpsc::channel::<Result<Vec<ExpertDoc>, Failure>>(QUEUE);
        let writer = {
            let index = index.clone();
            tokio::task::spawn_blocking(move || {
                let batches = std::iter::from_fn(|| rx.blocking_recv());
                index.rebuild(batches, &payload)
            })
        };
        let (pages_tx, mut pages) = mpsc::channel::<ServiceResult<Page>>(READ_AHEAD);
        let reader = tokio::spawn(self.clone().read_pages(pages_tx));
        let mut total = 0;
        while let Some(page) = pages.recv().await {
            let docs = match page {
                Ok(page) => {
                    total += page.profiles.len();
                    self.page_documents(page).await.map_err(Failure::Read)
                }
                Err(e) => Err(Failure::Read(e)),
            };
            let failed = docs.is_err();
            if tx.send(docs).await.is_err() || failed {
                break; // the writer stopped (its error is returned below), or this page failed
            }
            progress(total);
        }
        drop(pages); // stops the reader if it is still reading
        drop(tx);
        let written = writer.await.map_err(ServiceError::internal)?;
        reader.await.map_err(ServiceError::internal)?;
        match written {
            Ok(_) => {
                self.reset_index_cursor().await;
                Ok(total)
            }
            Err(Failure::Index(e)) => Err(ServiceError::internal(e)),
            Err(Failure::Read(e)) => Err(e),
        }
    }

    /// The reader stage: every page of profiles, in id order, with their owners; stops after
    /// the last page, after an error (sent on), or when the receiver is gone.
    async fn read_pages(self, pages: mpsc::Sender<ServiceResult<Page>>) {
        let db = self.store().conn();
        let mut after = None;
        loop {
            let page = async {
                let profiles = profiles::page_after(db, after, PAGE).await?;
                let ids: Vec<AccountId> = profiles.iter().map(|p| p.account_id).collect();
                let owners = accounts::find_many(db, &ids)
                    .await?
                    .into_iter()
                    .map(|a| (a.id, a))
                    .collect();
                ServiceResult::Ok(Page { profiles, owners })
            }
            .await;
            let last = match &page {
                Ok(page) => match page.profiles.last() {
                    Some(last) => Some(last.id),
                    None => return,
                },
                Err(_) => None,
            };
            if pages.send(page).await.is_err() {
                return;
            }
            match last {
                Some(last) => after = Some(last),
                None => return,
            }
        }
    }

    /// The documents of the searchable profiles of one page.
    async fn page_documents(&self, page: Page) -> ServiceResult<Vec<ExpertDoc>> {
        let mut docs = Vec::with_capacity(page.profiles.len());
        for profile in &page.profiles {
            if let Some(owner) = page.owners.get(&profile.account_id)
                && super::searchable(owner, profile)
            {
                docs.push(self.document(owner, profile).await?);
            }
        }
        Ok(docs)
    }
}
