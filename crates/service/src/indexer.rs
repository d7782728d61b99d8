//! The search indexes follow the database: one writer task tails the change outbox, turns
//! changed profiles and requests into index documents, and applies them in batches to the
//! expert and request indexes, committing the last applied outbox position with each batch in
//! both. After a crash it resumes from the lower of the two positions, so no change is lost;
//! re-applying a change is harmless (documents are keyed by profile or request id). Positions
//! that commit late (after higher ones) are picked up by the [`cursor`]'s gap watch; behind a
//! bulk backlog, interactive changes are applied first ([`step`]), in batches that grow with
//! the backlog ([`pace`]).

mod cursor;
mod pace;
mod rebuild;
mod requests;
mod step;

pub use requests::searchable_request;
pub use step::IndexStep;

use crate::{Service, ServiceError, ServiceResult};
use braingain_domain::{AccountStatus, ProfileId, RequestId, Role, Visibility};
use braingain_search::experts::{DocSkill, ExpertDoc, ExpertIndex};
use braingain_store::accounts::AccountRecord;
use braingain_store::events::{self, ChangeEvent};
use braingain_store::profiles::{self, ProfileRecord};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

pub(crate) use step::WriterState;

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
        let read = match self.inner.writer.read() {
            Some(read) => read,
            None => self.indexed_position()?,
        };
        Ok((last - read).max(0))
    }

    /// Applies one batch to both indexes, each committed with `last` as its position.
    async fn apply_changes(&self, batch: &[ChangeEvent], last: i64) -> ServiceResult<()> {
        let payload = last.to_string();
        self.apply_to_experts(batch, &payload).await?;
        self.apply_to_requests(batch, &payload).await
    }

    /// Applies changes to the indexes they concern only, each committed with `last` (an
    /// index no change concerns keeps its last commit).
    async fn apply_changed(&self, batch: &[ChangeEvent], last: i64) -> ServiceResult<()> {
        let payload = last.to_string();
        if batch.iter().any(|c| c.entity == "expert") {
            self.apply_to_experts(batch, &payload).await?;
        }
        if batch.iter().any(|c| c.entity == "request") {
            self.apply_to_requests(batch, &payload).await?;
        }
        Ok(())
    }

    async fn apply_to_experts(&self, batch: &[ChangeEvent], payload: &str) -> ServiceResult<()> {
        let (upserts, mut deletes) = latest_changes(batch, "expert");
        let ids: Vec<ProfileId> = upserts.into_iter().map(ProfileId).collect();
        let (docs, unsearchable) = self.documents(&ids).await?;
        deletes.extend(unsearchable);
        let index = self.inner.experts.clone();
        let payload = payload.to_owned();
        tokio::task::spawn_blocking(move || index.apply(docs, deletes, &payload))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)
    }

    async fn apply_to_requests(&self, batch: &[ChangeEvent], payload: &str) -> ServiceResult<()> {
        let (upserts, mut deletes) = latest_changes(batch, "request");
        let ids: Vec<RequestId> = upserts.into_iter().map(RequestId).collect();
        let (docs, unsearchable) = self.request_documents(&ids).await?;
        deletes.extend(unsearchable);
        let index = self.inner.requests.clone();
        let payload = payload.to_owned();
        tokio::task::spawn_blocking(move || index.apply(docs, deletes, &payload))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)
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

    /// The single writer task: applies changes as they are recorded until `stop` turns true,
    /// one [`Service::index_step`] after another while a backlog lasts (`stop` is heard
    /// between steps), then waiting to be woken or for the next poll.
    pub async fn run_indexer(self, mut stop: watch::Receiver<bool>) {
        let wake = self.inner.changes_recorded.clone();
        loop {
            let more = match self.index_step().await {
                Ok(step) => step.more,
                Err(e) => {
                    tracing::error!(error = ?e, "indexing step failed; retrying");
                    false
                }
            };
            if *stop.borrow() {
                break;
            }
            if more {
                continue;
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
