//! The search indexes follow the database: one writer task tails the change outbox, turns
//! changed profiles and requests into index documents, and applies them in batches to the
//! expert and request indexes, committing the last applied outbox position with each batch in
//! both. After a crash it resumes from the lower of the two positions, so no change is lost;
//! re-applying a change is harmless (documents are keyed by profile or request id). Positions
//! that commit late (after higher ones) are picked up by the [`cursor`]'s gap watch.

mod cursor;
mod rebuild;
mod requests;

pub use requests::searchable_request;

use crate::{Service, ServiceError, ServiceResult};
use braingain_domain::{AccountStatus, ProfileId, RequestId, Role, Visibility};
use braingain_search::experts::{DocSkill, ExpertDoc, ExpertIndex};
use braingain_store::accounts::AccountRecord;
use braingain_store::events::{self, ChangeEvent};
use braingain_store::profiles::{self, ProfileRecord};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::watch;

pub(crate) use cursor::Cursor;

/// The writer's cursor (none until the first round reads the committed position) and the
/// highest position it has read, readable without waiting for a round (-1: not known yet).
#[derive(Debug)]
pub(crate) struct WriterState {
    cursor: tokio::sync::Mutex<Option<Cursor>>,
    read: AtomicI64,
}

impl Default for WriterState {
    fn default() -> Self {
        Self {
            cursor: tokio::sync::Mutex::new(None),
            read: AtomicI64::new(-1),
        }
    }
}

/// Changes read from the outbox per batch.
const BATCH: u64 = 500;
/// How often the outbox is polled when no local change wakes the writer (changes made by
/// other replicas are seen this way).
const POLL: Duration = Duration::from_millis(250);

/// Whether a profile belongs in search: an active expert account, not hidden.
#[must_use]
pub fn searchable(owner: &AccountRecord, profile: &ProfileRecord) -> bool {
    owner.status == AccountStatus::Active
        && owner.role == Role::Expert
        && profile.visibility != Visibility::Hidden
}

impl Service {
    /// The expert index.
    #[must_use]
    pub fn expert_index(&self) -> &Arc<ExpertIndex> {
        &self.inner.experts
    }

    /// The outbox position both indexes have applied (the lower of their two positions).
    pub fn indexed_position(&self) -> ServiceResult<i64> {
        let position =
            |payload: Option<String>| -> i64 { payload.and_then(|p| p.parse().ok()).unwrap_or(0) };
        let experts = self.inner.experts.committed_payload();
        let requests = self.inner.requests.committed_payload();
        Ok(position(experts.map_err(ServiceError::internal)?)
            .min(position(requests.map_err(ServiceError::internal)?)))
    }

    /// How many changes the index is behind the database.
    pub async fn index_lag(&self) -> ServiceResult<i64> {
        let last = events::last_position(self.store().conn()).await?;
        let read = match self.inner.writer.read.load(Ordering::Acquire) {
            -1 => self.indexed_position()?,
            read => read,
        };
        Ok((last - read).max(0))
    }

    /// Applies every pending change, and those that committed late into positions stepped
    /// over earlier; returns how many changes were applied.
    pub async fn index_pending(&self) -> ServiceResult<usize> {
        let db = self.store().conn();
        let mut guard = self.inner.writer.cursor.lock().await;
        let mut cursor = match guard.take() {
            Some(cursor) => cursor,
            None => {
                let watermark = self.indexed_position()?;
                let present =
                    events::positions_between(db, watermark - cursor::LOOKBACK, watermark).await?;
                Cursor::resume(watermark, &present, Instant::now())
            }
        };
        // The cursor is put back only as far as the indexes have committed.
        let result = self.index_round(&mut cursor).await;
        self.inner
            .writer
            .read
            .store(cursor.read(), Ordering::Release);
        *guard = Some(cursor);
        result
    }

    async fn index_round(&self, cursor: &mut Cursor) -> ServiceResult<usize> {
        let db = self.store().conn();
        let mut applied = 0;
        let gaps = cursor.gaps();
        if !gaps.is_empty() {
            // Late commits: the change is re-read whatever it was (the row's state now decides).
            let late: Vec<ChangeEvent> = events::in_ranges(db, &gaps)
                .await?
                .into_iter()
                .map(|e| ChangeEvent {
                    op: "upsert".to_owned(),
                    ..e
                })
                .collect();
            if !late.is_empty() {
                let mut next = cursor.clone();
                next.fill(&late.iter().map(|e| e.position).collect::<Vec<_>>());
                self.apply_changes(&late, next.watermark()).await?;
                tracing::debug!(changes = late.len(), "applied changes that committed late");
                applied += late.len();
                *cursor = next;
            }
            let given_up = cursor.expire(Instant::now());
            if given_up > 0 {
                tracing::debug!(positions = given_up, "outbox positions never committed");
            }
        }
        loop {
            let batch = events::after(db, cursor.read(), BATCH).await?;
            if batch.is_empty() {
                return Ok(applied);
            }
            let mut next = cursor.clone();
            next.advance(
                &batch.iter().map(|e| e.position).collect::<Vec<_>>(),
                Instant::now(),
            );
            self.apply_changes(&batch, next.watermark()).await?;
            applied += batch.len();
            *cursor = next;
        }
    }

    /// Forgets the writer's cursor, after an index was rebuilt: the next round starts from
    /// the position the rebuild committed.
    pub(crate) async fn reset_index_cursor(&self) {
        *self.inner.writer.cursor.lock().await = None;
        self.inner.writer.read.store(-1, Ordering::Release);
    }

    /// Applies one batch to both indexes, each committed with `last` as its position.
    async fn apply_changes(&self, batch: &[ChangeEvent], last: i64) -> ServiceResult<()> {
        let payload = last.to_string();
        let (upserts, mut deletes) = latest_changes(batch, "expert");
        let ids: Vec<ProfileId> = upserts.into_iter().map(ProfileId).collect();
        let (docs, unsearchable) = self.documents(&ids).await?;
        deletes.extend(unsearchable);
        let index = self.inner.experts.clone();
        let expert_payload = payload.clone();
        tokio::task::spawn_blocking(move || index.apply(docs, deletes, &expert_payload))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)?;
        let (upserts, mut deletes) = latest_changes(batch, "request");
        let ids: Vec<RequestId> = upserts.into_iter().map(RequestId).collect();
        let (docs, unsearchable) = self.request_documents(&ids).await?;
        deletes.extend(unsearchable);
        let index = self.inner.requests.clone();
        tokio::task::spawn_blocking(move || index.apply(docs, deletes, &payload))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)?;
        Ok(())
    }

    /// Index documents for these profiles, and the ids that must leave the index (gone,
    /// hidden, suspended, unverified).
    async fn documents(&self, ids: &[ProfileId]) -> ServiceResult<(Vec<ExpertDoc>, Vec<String>)> {
        let found = profiles::find_many(self.store().conn(), ids).await?;
        let mut gone: Vec<String> = ids
            .iter()
            .filter(|id| !found.iter().any(|p| p.id == **id))
            .map(ToString::to_string)
            .collect();
        let (docs, unsearchable) = self.documents_of(found).await?;
        gone.extend(unsearchable);
        Ok((docs, gone))
    }

    /// Index documents for loaded profiles, and the ids of those that must not be in search.
    async fn documents_of(
        &self,
        found: Vec<ProfileRecord>,
    ) -> ServiceResult<(Vec<ExpertDoc>, Vec<String>)> {
        let owners: HashMap<_, _> = braingain_store::accounts::find_many(
            self.store().conn(),
            &found.iter().map(|p| p.account_id).collect::<Vec<_>>(),
        )
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
        let mut docs = Vec::with_capacity(found.len());
        let mut gone = Vec::new();
        for profile in found {
            match owners.get(&profile.account_id) {
                Some(owner) if searchable(owner, &profile) => {
                    docs.push(self.document(owner, &profile).await?)
                }
                _ => gone.push(profile.id.to_string()),
            }
        }
        Ok((docs, gone))
    }

    async fn document(
        &self,
        owner: &AccountRecord,
        profile: &ProfileRecord,
    ) -> ServiceResult<ExpertDoc> {
        let ids: Vec<_> = profile.skills.iter().map(|c| c.skill_id).collect();
        let skills = self.skills_by_id(&ids).await?;
        let doc_skills = profile
            .skills
            .iter()
            .filter_map(|claim| {
                let skill = skills.iter().find(|s| s.id == claim.skill_id)?;
                Some(DocSkill {
                    id: skill.id.to_string(),
                    level: claim.level,
                    labels: skill
                        .labels
                        .values()
                        .flat_map(|l| {
                            std::iter::once(l.preferred.clone())
                                .chain(l.alternatives.iter().cloned())
                        })
                        .collect(),
                    broader: skill.broader.iter().map(ToString::to_string).collect(),
                })
            })
            .collect();
        Ok(ExpertDoc {
            profile_id: profile.id.to_string(),
            display_name: owner.display_name.clone(),
            headline: profile.headline.clone(),
            bio: profile.bio.clone(),
            positions: Vec::new(),
            skills: doc_skills,
            residence_country: profile.residence_country.as_str().to_owned(),
            origin_countries: profile
                .origin_countries
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            languages: profile
                .languages
                .iter()
                .map(|(c, _)| c.as_str().to_owned())
                .collect(),
            engagement_types: profile
                .engagement_types
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
            work_modes: profile
                .work_modes
                .iter()
                .map(|m| m.as_str().to_owned())
                .collect(),
            hours_per_month: profile.hours_per_month.and_then(|h| u32::try_from(h).ok()),
            verified: profile.verified,
            public: profile.visibility == Visibility::Public,
            last_active: owner
                .last_active_at
                .unwrap_or(profile.updated_at)
                .timestamp(),
        })
    }

    /// Rebuilds the whole index from the database (see [`Service::rebuild_index`]).
    pub async fn reindex(&self, progress: impl FnMut(usize)) -> ServiceResult<usize> {
        self.rebuild_index(&self.inner.experts.clone(), progress)
            .await
    }

    /// The single writer task: applies changes as they are recorded until `stop` turns true.
    pub async fn run_indexer(self, mut stop: watch::Receiver<bool>) {
        let wake = self.inner.changes_recorded.clone();
        loop {
            if let Err(e) = self.index_pending().await {
                tracing::error!(error = ?e, "indexing round failed; retrying");
            }
            if *stop.borrow() {
                break;
            }
            tokio::select! {
                () = wake.notified() => {},
                () = tokio::time::sleep(POLL) => {},
                _ = stop.changed() => {},
            }
        }
        tracing::debug!("indexer stopped");
    }
}

/// The ids of one entity's changes in `batch`, the last change per id winning: (upserted,
/// deleted).
fn latest_changes(batch: &[ChangeEvent], entity: &str) -> (Vec<uuid::Uuid>, Vec<String>) {
    let mut latest: BTreeMap<uuid::Uuid, &str> = BTreeMap::new();
    for change in batch.iter().filter(|c| c.entity == entity) {
        latest.insert(change.entity_id, change.op.as_str());
    }
    let upserts = latest
        .iter()
        .filter(|(_, op)| **op == "upsert")
        .map(|(id, _)| *id)
        .collect();
    let deletes = latest
        .iter()
        .filter(|(_, op)| **op == "delete")
        .map(|(id, _)| id.to_string())
        .collect();
    (upserts, deletes)
}

/// Opens the expert index kept in `dir`, creating it if missing. An unreadable or
/// incompatible index is moved aside and replaced by an empty one. Returns the index and
/// whether it must be rebuilt from the database (new, or never committed).
pub fn open_index(dir: &std::path::Path) -> anyhow::Result<(ExpertIndex, bool)> {
    open_on_disk(
        dir,
        ExpertIndex::open_in_dir,
        ExpertIndex::committed_payload,
    )
}

/// [`open_index`] with a writer made for a bulk rebuild
/// ([`ExpertIndex::open_in_dir_for_bulk`]); fails while a server holds the index.
pub fn open_index_for_bulk(dir: &std::path::Path) -> anyhow::Result<ExpertIndex> {
    open_on_disk(
        dir,
        ExpertIndex::open_in_dir_for_bulk,
        ExpertIndex::committed_payload,
    )
    .map(|(index, _)| index)
}

/// [`open_index`] for the request index.
pub fn open_request_index(
    dir: &std::path::Path,
) -> anyhow::Result<(braingain_search::RequestIndex, bool)> {
    use braingain_search::RequestIndex;
    open_on_disk(
        dir,
        RequestIndex::open_in_dir,
        RequestIndex::committed_payload,
    )
}

fn open_on_disk<I>(
    dir: &std::path::Path,
    open: impl Fn(&std::path::Path) -> Result<I, braingain_search::SearchError>,
    committed: impl Fn(&I) -> Result<Option<String>, braingain_search::SearchError>,
) -> anyhow::Result<(I, bool)> {
    use anyhow::Context;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the index directory {}", dir.display()))?;
    let index = match open(dir) {
        Ok(index) => index,
        Err(braingain_search::SearchError::Corrupt(why)) => {
            let aside = dir.with_extension(format!("corrupt-{}", uuid::Uuid::now_v7().simple()));
            tracing::warn!(index = %dir.display(), reason = %why, moved_to = %aside.display(), "the search index is unreadable; rebuilding it");
            std::fs::rename(dir, &aside)
                .with_context(|| format!("cannot move {} aside", dir.display()))?;
            std::fs::create_dir_all(dir)?;
            open(dir).context("cannot create a fresh search index")?
        }
        Err(e) => {
            return Err(anyhow::Error::new(e)
                .context(format!("cannot open the search index {}", dir.display())));
        }
    };
    let needs_rebuild = committed(&index)
        .context("cannot read the search index")?
        .is_none();
    Ok((index, needs_rebuild))
}
