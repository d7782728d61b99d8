//! The skills taxonomy: ESCO loaded from the shipped asset into the database on first start,
//! held in memory for label lookups, and indexed for autocomplete.

use crate::{Service, ServiceError, ServiceResult};
use braingain_domain::SkillId;
use braingain_search::skills::{SkillEntry, SkillIndex, SkillLabels};
use braingain_store::skills::{self as skill_rows, LangLabels};
pub use braingain_store::skills::{SkillKind, SkillRecord};
use braingain_store::{ConnectionTrait, Store, state};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::sync::{Arc, RwLock};

/// The ESCO-derived taxonomy shipped with BrainGain (see `assets/esco/README.md`).
static ESCO_SKILLS: &[u8] = include_bytes!("../../../assets/esco/skills.tsv.gz");
/// The `system_state` key recording which taxonomy version the database holds.
const TAXONOMY_KEY: &str = "esco_skills_version";
/// Languages the taxonomy carries labels in; others fall back to English.
pub const TAXONOMY_LANGUAGES: [&str; 3] = ["en", "fr", "es"];

/// Every skill in memory, and the autocomplete index over the taxonomy (built on first use,
/// or ahead of time by [`SkillCatalog::warm_up`]).
pub struct SkillCatalog {
    skills: RwLock<HashMap<SkillId, Arc<SkillRecord>>>,
    index: tokio::sync::OnceCell<Arc<SkillIndex>>,
}

impl std::fmt::Debug for SkillCatalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self.skills.read().map(|s| s.len()).unwrap_or(0);
        f.debug_struct("SkillCatalog")
            .field("skills", &count)
            .finish_non_exhaustive()
    }
}

/// The version tag of the shipped asset: the gzip trailer (CRC-32 and length).
fn asset_version() -> String {
    let tail = &ESCO_SKILLS[ESCO_SKILLS.len().saturating_sub(8)..];
    tail.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses the shipped TSV into skill records.
pub fn parse_asset() -> anyhow::Result<Vec<SkillRecord>> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(ESCO_SKILLS).read_to_string(&mut text)?;
    let mut records = Vec::with_capacity(14_000);
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 12 {
            anyhow::bail!(
                "assets/esco/skills.tsv.gz line {}: {} columns",
                n + 1,
                cols.len()
            );
        }
        let id: SkillId = cols[0].parse()?;
        let mut labels = BTreeMap::new();
        for (i, lang) in TAXONOMY_LANGUAGES.iter().enumerate() {
            let preferred = cols[4 + 2 * i].trim();
            if preferred.is_empty() {
                continue;
            }
            let alternatives = cols[5 + 2 * i]
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            labels.insert(
                (*lang).to_owned(),
                LangLabels {
                    preferred: preferred.to_owned(),
                    alternatives,
                },
            );
        }
        let broader = cols[10]
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<Vec<SkillId>, _>>()?;
        records.push(SkillRecord {
            id,
            kind: if cols[1] == "group" {
                SkillKind::Group
            } else {
                SkillKind::Skill
            },
            skill_type: Some(cols[2]).filter(|t| !t.is_empty()).map(str::to_owned),
            labels,
            broader,
            description: Some(cols[11]).filter(|d| !d.is_empty()).map(str::to_owned),
        });
    }
    Ok(records)
}

/// Loads the shipped taxonomy into the database unless this version is already there.
pub async fn ensure_taxonomy(store: &Store, now: DateTime<Utc>) -> anyhow::Result<bool> {
    let version = asset_version();
    if state::get(store.conn(), TAXONOMY_KEY).await?.as_deref() == Some(version.as_str()) {
        return Ok(false);
    }
    let records = parse_asset()?;
    let tx = store.begin().await?;
    skill_rows::upsert_many(&tx, &records, now).await?;
    state::set(&tx, TAXONOMY_KEY, &version, now).await?;
    braingain_store::commit(tx).await?;
    tracing::info!(skills = records.len(), "skills taxonomy loaded");
    Ok(true)
}

impl SkillCatalog {
    /// Reads every skill from the database.
    pub async fn load(store: &Store) -> anyhow::Result<Self> {
        let records = skill_rows::all(store.conn()).await?;
        let skills = records.into_iter().map(|r| (r.id, Arc::new(r))).collect();
        Ok(Self {
            skills: RwLock::new(skills),
            index: tokio::sync::OnceCell::new(),
        })
    }

    /// The autocomplete index, built on the blocking pool the first time it is needed.
    pub async fn index(&self) -> anyhow::Result<Arc<SkillIndex>> {
        let index = self
            .index
            .get_or_try_init(|| async {
                let entries: Vec<SkillEntry> = match self.skills.read() {
                    Ok(skills) => skills
                        .values()
                        .filter(|r| r.kind != SkillKind::Custom)
                        .map(|r| entry(r))
                        .collect(),
                    Err(_) => anyhow::bail!("the skills catalogue lock is poisoned"),
                };
                let started = std::time::Instant::now();
                let index =
                    tokio::task::spawn_blocking(move || SkillIndex::build(entries)).await??;
                tracing::info!(
                    duration_ms = started.elapsed().as_millis(),
                    "skill autocomplete index built"
                );
                Ok::<_, anyhow::Error>(Arc::new(index))
            })
            .await?;
        Ok(index.clone())
    }

    /// Builds the autocomplete index now (the server does this in the background at start).
    pub async fn warm_up(&self) {
        if let Err(e) = self.index().await {
            tracing::error!(error = %format!("{e:#}"), "cannot build the skill autocomplete index");
        }
    }

    /// The skill with this id.
    pub fn get(&self, id: SkillId) -> Option<Arc<SkillRecord>> {
        self.skills.read().ok()?.get(&id).cloned()
    }

    /// Remembers a newly added free-text skill.
    fn remember(&self, record: SkillRecord) {
        if let Ok(mut skills) = self.skills.write() {
            skills.insert(record.id, Arc::new(record));
        }
    }

    /// How many skills are known (taxonomy and free text).
    pub fn len(&self) -> usize {
        self.skills.read().map(|s| s.len()).unwrap_or(0)
    }

    /// Whether no skill is known.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn entry(record: &SkillRecord) -> SkillEntry {
    SkillEntry {
        id: record.id.to_string(),
        labels: record
            .labels
            .iter()
            .map(|(lang, l)| {
                (
                    lang.clone(),
                    SkillLabels {
                        preferred: l.preferred.clone(),
                        alternatives: l.alternatives.clone(),
                    },
                )
            })
            .collect(),
    }
}

/// A skill's label in `lang`, falling back to English, then any language.
#[must_use]
pub fn label(record: &SkillRecord, lang: &str) -> String {
    record
        .labels
        .get(lang)
        .or_else(|| record.labels.get("en"))
        .or_else(|| record.labels.values().next())
        .map(|l| l.preferred.clone())
        .unwrap_or_default()
}

/// A skill's alternative labels in `lang`, falling back to English.
#[must_use]
pub fn alt_labels(record: &SkillRecord, lang: &str) -> Vec<String> {
    record
        .labels
        .get(lang)
        .or_else(|| record.labels.get("en"))
        .map(|l| l.alternatives.clone())
        .unwrap_or_default()
}

/// Most suggestions one autocomplete call returns.
pub const MAX_SUGGESTIONS: usize = 50;

impl Service {
    /// Autocomplete over skill labels in every language, preferring `lang`.
    pub async fn suggest_skills(
        &self,
        query: &str,
        lang: &str,
        first: i32,
    ) -> ServiceResult<Vec<Arc<SkillRecord>>> {
        let limit = usize::try_from(first.clamp(1, i32::try_from(MAX_SUGGESTIONS).unwrap_or(50)))
            .unwrap_or(10);
        let index = self
            .inner
            .skills
            .index()
            .await
            .map_err(ServiceError::Internal)?;
        let query = query.to_owned();
        let lang = lang.trim().to_ascii_lowercase();
        let hits = tokio::task::spawn_blocking(move || index.suggest(&query, Some(&lang), limit))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)?;
        Ok(hits
            .into_iter()
            .filter_map(|h| h.id.parse::<SkillId>().ok())
            .filter_map(|id| self.inner.skills.get(id))
            .collect())
    }

    /// The skill with this id, if known.
    #[must_use]
    pub fn skill(&self, id: SkillId) -> Option<Arc<SkillRecord>> {
        self.inner.skills.get(id)
    }

    /// The skills catalogue (to warm its index up in the background).
    #[must_use]
    pub fn skill_catalog(&self) -> Arc<SkillCatalog> {
        self.inner.skills.clone()
    }

    /// Stores a free-text skill (unless it exists) in the caller's transaction. Returns the
    /// record, to be remembered with [`Service::remember_skills`] once the transaction commits.
    pub(crate) async fn ensure_free_skill(
        &self,
        db: &impl ConnectionTrait,
        id: SkillId,
        label: &str,
    ) -> ServiceResult<SkillRecord> {
        let mut labels = BTreeMap::new();
        labels.insert(
            "en".to_owned(),
            LangLabels {
                preferred: label.to_owned(),
                alternatives: Vec::new(),
            },
        );
        let record = SkillRecord {
            id,
            kind: SkillKind::Custom,
            skill_type: None,
            labels,
            broader: Vec::new(),
            description: None,
        };
        skill_rows::ensure_custom(db, &record, self.now()).await?;
        Ok(record)
    }

    /// Adds committed free-text skills to the in-memory catalogue.
    pub(crate) fn remember_skills(&self, records: Vec<SkillRecord>) {
        for record in records {
            self.inner.skills.remember(record);
        }
    }

    /// The skills with these ids: from memory, else from the database (a free-text skill
    /// another replica added), in the order asked; unknown ids are skipped.
    pub async fn skills_by_id(&self, ids: &[SkillId]) -> ServiceResult<Vec<Arc<SkillRecord>>> {
        let missing: Vec<SkillId> = ids
            .iter()
            .copied()
            .filter(|id| self.inner.skills.get(*id).is_none())
            .collect();
        if !missing.is_empty() {
            let found = skill_rows::find_many(self.store().conn(), &missing).await?;
            self.remember_skills(found);
        }
        Ok(ids
            .iter()
            .filter_map(|id| self.inner.skills.get(*id))
            .collect())
    }
}
