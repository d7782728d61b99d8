//! The search index follows the database: one writer task tails the change outbox, turns
//! changed profiles into index documents, and applies them in batches, committing the last
//! applied outbox position with each batch. After a crash it resumes from that position, so
//! no change is lost; re-applying a change is harmless (documents are keyed by profile id).

use crate::{Service, ServiceError, ServiceResult};
use braingain_domain::{AccountStatus, ProfileId, Role, Visibility};
use braingain_search::experts::{DocSkill, ExpertDoc, ExpertIndex};
use braingain_store::accounts::AccountRecord;
use braingain_store::events::{self, ChangeEvent};
use braingain_store::profiles::{self, ProfileRecord};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

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

    /// The outbox position the index has applied.
    pub fn indexed_position(&self) -> ServiceResult<i64> {
        let payload = self
            .inner
            .experts
            .committed_payload()
            .map_err(ServiceError::internal)?;
        Ok(payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    /// How many changes the index is behind the database.
    pub async fn index_lag(&self) -> ServiceResult<i64> {
        let last = events::last_position(self.store().conn()).await?;
        Ok((last - self.indexed_position()?).max(0))
    }

    /// Applies every pending change; returns how many changes were applied.
    pub async fn index_pending(&self) -> ServiceResult<usize> {
        let mut applied = 0;
        loop {
            let position = self.indexed_position()?;
            let batch = events::after(self.store().conn(), position, BATCH).await?;
            let Some(last) = batch.last().map(|e| e.position) else {
                return Ok(applied);
            };
            applied += batch.len();
            self.apply_changes(&batch, last).await?;
        }
    }

    async fn apply_changes(&self, batch: &[ChangeEvent], last: i64) -> ServiceResult<()> {
        // The last change per profile wins.
        let mut latest: BTreeMap<uuid::Uuid, &str> = BTreeMap::new();
        for change in batch.iter().filter(|c| c.entity == "expert") {
            latest.insert(change.entity_id, change.op.as_str());
        }
        let upsert_ids: Vec<ProfileId> = latest
            .iter()
            .filter(|(_, op)| **op == "upsert")
            .map(|(id, _)| ProfileId(*id))
            .collect();
        let mut deletes: Vec<String> = latest
            .iter()
            .filter(|(_, op)| **op == "delete")
            .map(|(id, _)| id.to_string())
            .collect();
        let (docs, unsearchable) = self.documents(&upsert_ids).await?;
        deletes.extend(unsearchable);
        let index = self.inner.experts.clone();
        let payload = last.to_string();
        tokio::task::spawn_blocking(move || index.apply(docs, deletes, &payload))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)?;
        Ok(())
    }

    /// Index documents for these profiles, and the ids that must leave the index (gone,
    /// hidden, suspended, unverified).
    async fn documents(&self, ids: &[ProfileId]) -> ServiceResult<(Vec<ExpertDoc>, Vec<String>)> {
        let db = self.store().conn();
        let found = profiles::find_many(db, ids).await?;
        let owners: HashMap<_, _> = braingain_store::accounts::find_many(
            db,
            &found.iter().map(|p| p.account_id).collect::<Vec<_>>(),
        )
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
        let mut docs = Vec::with_capacity(found.len());
        let mut gone: Vec<String> = ids
            .iter()
            .filter(|id| !found.iter().any(|p| p.id == **id))
            .map(ToString::to_string)
            .collect();
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

    /// Rebuilds the whole index from the database: clears it (recording the current outbox
    /// position, so later changes still apply), then indexes every profile page by page.
    pub async fn reindex(&self, mut progress: impl FnMut(usize)) -> ServiceResult<usize> {
        let db = self.store().conn();
        let position = events::last_position(db).await?;
        let index = self.inner.experts.clone();
        let payload = position.to_string();
        tokio::task::spawn_blocking(move || index.clear(&payload))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)?;
        let mut after = None;
        let mut total = 0;
        loop {
            let ids = profiles::ids_page(db, after, 1000).await?;
            let Some(last) = ids.last().copied() else {
                break;
            };
            after = Some(last);
            let (docs, _) = self.documents(&ids).await?;
            total += ids.len();
            let index = self.inner.experts.clone();
            let payload = position.to_string();
            tokio::task::spawn_blocking(move || index.apply(docs, Vec::new(), &payload))
                .await
                .map_err(ServiceError::internal)?
                .map_err(ServiceError::internal)?;
            progress(total);
        }
        Ok(total)
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

/// Opens the expert index kept in `dir`, creating it if missing. An unreadable or
/// incompatible index is moved aside and replaced by an empty one. Returns the index and
/// whether it must be rebuilt from the database (new, or never committed).
pub fn open_index(dir: &std::path::Path) -> anyhow::Result<(ExpertIndex, bool)> {
    use anyhow::Context;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the index directory {}", dir.display()))?;
    let index = match ExpertIndex::open_in_dir(dir) {
        Ok(index) => index,
        Err(braingain_search::SearchError::Corrupt(why)) => {
            let aside = dir.with_extension(format!("corrupt-{}", uuid::Uuid::now_v7().simple()));
            tracing::warn!(index = %dir.display(), reason = %why, moved_to = %aside.display(), "the search index is unreadable; rebuilding it");
            std::fs::rename(dir, &aside)
                .with_context(|| format!("cannot move {} aside", dir.display()))?;
            std::fs::create_dir_all(dir)?;
            ExpertIndex::open_in_dir(dir).context("cannot create a fresh search index")?
        }
        Err(e) => {
            return Err(anyhow::Error::new(e)
                .context(format!("cannot open the search index {}", dir.display())));
        }
    };
    let needs_rebuild = index
        .committed_payload()
        .context("cannot read the search index")?
        .is_none();
    Ok((index, needs_rebuild))
}
