//! Skill rows: the taxonomy (loaded in bulk) and free-text skills (added one at a time).

use crate::StoreError;
use crate::entities::skill::{self, Entity as Skills};
use braingain_domain::SkillId;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Labels of a skill in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangLabels {
    /// The preferred label.
    pub preferred: String,
    /// Synonyms and variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
}

/// What a skill row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillKind {
    /// An ESCO skill or knowledge concept.
    Skill,
    /// An ESCO skill group.
    Group,
    /// A free-text skill named by a user.
    Custom,
}

impl SkillKind {
    fn as_str(self) -> &'static str {
        match self {
            SkillKind::Skill => "skill",
            SkillKind::Group => "group",
            SkillKind::Custom => "custom",
        }
    }

    fn parse(s: &str) -> Result<Self, StoreError> {
        match s {
            "skill" => Ok(SkillKind::Skill),
            "group" => Ok(SkillKind::Group),
            "custom" => Ok(SkillKind::Custom),
            other => Err(StoreError::Corrupt(format!("skill kind {other:?}"))),
        }
    }
}

/// A skill as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillRecord {
    /// Id.
    pub id: SkillId,
    /// Kind.
    pub kind: SkillKind,
    /// ESCO type (`skill`, `knowledge`).
    pub skill_type: Option<String>,
    /// Labels by language code.
    pub labels: BTreeMap<String, LangLabels>,
    /// Broader skills.
    pub broader: Vec<SkillId>,
    /// English description.
    pub description: Option<String>,
}

impl TryFrom<skill::Model> for SkillRecord {
    type Error = StoreError;
    fn try_from(m: skill::Model) -> Result<Self, StoreError> {
        let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("skill {}: {e}", m.id));
        Ok(Self {
            id: SkillId(m.id),
            kind: SkillKind::parse(&m.kind)?,
            skill_type: m.skill_type.clone(),
            labels: serde_json::from_str(&m.labels).map_err(corrupt)?,
            broader: serde_json::from_str::<Vec<uuid::Uuid>>(&m.broader)
                .map_err(corrupt)?
                .into_iter()
                .map(SkillId)
                .collect(),
            description: m.description,
        })
    }
}

fn active(record: &SkillRecord, now: DateTime<Utc>) -> skill::ActiveModel {
    let broader: Vec<uuid::Uuid> = record.broader.iter().map(|b| b.0).collect();
    skill::ActiveModel {
        id: Set(record.id.0),
        kind: Set(record.kind.as_str().to_owned()),
        skill_type: Set(record.skill_type.clone()),
        labels: Set(serde_json::to_string(&record.labels).unwrap_or_else(|_| "{}".into())),
        broader: Set(serde_json::to_string(&broader).unwrap_or_else(|_| "[]".into())),
        description: Set(record.description.clone()),
        created_at: Set(now),
    }
}

/// How many taxonomy (non-custom) skills are stored.
pub async fn count_taxonomy(db: &impl ConnectionTrait) -> Result<u64, StoreError> {
    Ok(Skills::find()
        .filter(skill::Column::Kind.ne("custom"))
        .count(db)
        .await?)
}

/// Inserts or replaces taxonomy skills, in batches.
pub async fn upsert_many(
    db: &impl ConnectionTrait,
    records: &[SkillRecord],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for chunk in records.chunks(500) {
        Skills::insert_many(chunk.iter().map(|r| active(r, now)))
            .on_conflict(
                OnConflict::column(skill::Column::Id)
                    .update_columns([
                        skill::Column::Kind,
                        skill::Column::SkillType,
                        skill::Column::Labels,
                        skill::Column::Broader,
                        skill::Column::Description,
                    ])
                    .to_owned(),
            )
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Adds a free-text skill unless it exists already.
pub async fn ensure_custom(
    db: &impl ConnectionTrait,
    record: &SkillRecord,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Skills::insert(active(record, now))
        .on_conflict(
            OnConflict::column(skill::Column::Id)
                .do_nothing()
                .to_owned(),
        )
        .try_insert()
        .exec(db)
        .await?;
    Ok(())
}

/// Every skill (to build the in-memory catalogue at start).
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<SkillRecord>, StoreError> {
    Skills::find()
        .all(db)
        .await?
        .into_iter()
        .map(TryInto::try_into)
        .collect()
}

/// The skills with these ids (unknown ids are skipped).
pub async fn find_many(
    db: &impl ConnectionTrait,
    ids: &[SkillId],
) -> Result<Vec<SkillRecord>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Skills::find()
        .filter(skill::Column::Id.is_in(ids.iter().map(|i| i.0)))
        .all(db)
        .await?
        .into_iter()
        .map(TryInto::try_into)
        .collect()
}
