//! The change outbox the search index follows. Each change is *interactive* (recorded by a
//! use case someone is waiting on: [`record`]) or *bulk* (recorded by an import:
//! [`crate::bulk::record_expert_upserts`]); the index writer reads the outbox in position
//! order and, behind a backlog, looks ahead for interactive changes
//! ([`interactive_after`]) to apply them first.

use crate::StoreError;
use crate::entities::change_event::{self, Entity as ChangeEvents};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, NotSet, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// An expert profile (or its account's standing).
    Expert,
    /// An institution's request (created, edited, or moved in its lifecycle).
    Request,
    /// An engagement between an expert and a request (started or moved).
    Engagement,
}

impl Entity {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Entity::Expert => "expert",
            Entity::Request => "request",
            Entity::Engagement => "engagement",
        }
    }
}

/// How it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Created or changed: re-read it and re-index it.
    Upsert,
    /// Gone: remove it from the index.
    Delete,
}

impl Op {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Op::Upsert => "upsert",
            Op::Delete => "delete",
        }
    }
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeEvent {
    /// Position in the outbox.
    pub position: i64,
    /// `expert`, ...
    pub entity: String,
    /// Which one.
    pub entity_id: Uuid,
    /// `upsert` or `delete`.
    pub op: String,
    /// Recorded by a bulk writer (an import) rather than an interactive use case.
    pub bulk: bool,
}

impl From<change_event::Model> for ChangeEvent {
    fn from(m: change_event::Model) -> Self {
        Self {
            position: m.id,
            entity: m.entity,
            entity_id: m.entity_id,
            op: m.op,
            bulk: m.bulk,
        }
    }
}

/// Records an interactive change, in the caller's transaction.
pub async fn record(
    db: &impl ConnectionTrait,
    entity: Entity,
    id: Uuid,
    op: Op,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    change_event::ActiveModel {
        id: NotSet,
        entity: Set(entity.as_str().to_owned()),
        entity_id: Set(id),
        op: Set(op.as_str().to_owned()),
        created_at: Set(now),
        bulk: Set(false),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The changes after `position`, oldest first, at most `limit`.
pub async fn after(
    db: &impl ConnectionTrait,
    position: i64,
    limit: u64,
) -> Result<Vec<ChangeEvent>, StoreError> {
    page_after(db, Condition::all(), position, limit).await
}

/// The interactive (not bulk) changes after `position`, oldest first, at most `limit`: one
/// range scan of the index on `(bulk, id)`, however many bulk changes lie between.
pub async fn interactive_after(
    db: &impl ConnectionTrait,
    position: i64,
    limit: u64,
) -> Result<Vec<ChangeEvent>, StoreError> {
    let interactive = Condition::all().add(change_event::Column::Bulk.eq(false));
    page_after(db, interactive, position, limit).await
}

/// The changes matching `condition` after `position`, oldest first, at most `limit`.
async fn page_after(
    db: &impl ConnectionTrait,
    condition: Condition,
    position: i64,
    limit: u64,
) -> Result<Vec<ChangeEvent>, StoreError> {
    Ok(ChangeEvents::find()
        .filter(condition)
        .filter(change_event::Column::Id.gt(position))
        .order_by_asc(change_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(ChangeEvent::from)
        .collect())
}

/// The changes whose positions fall in any of these inclusive ranges, oldest first (the
/// index writer looks here for changes that committed after later ones).
pub async fn in_ranges(
    db: &impl ConnectionTrait,
    ranges: &[(i64, i64)],
) -> Result<Vec<ChangeEvent>, StoreError> {
    let mut found = Vec::new();
    for chunk in ranges.chunks(64) {
        let any = chunk.iter().fold(Condition::any(), |any, &(from, to)| {
            any.add(change_event::Column::Id.between(from, to))
        });
        found.extend(
            ChangeEvents::find()
                .filter(any)
                .order_by_asc(change_event::Column::Id)
                .all(db)
                .await?
                .into_iter()
                .map(ChangeEvent::from),
        );
    }
    found.sort_by_key(|e| e.position);
    Ok(found)
}

/// The positions that exist in `(after, up_to]`, ascending.
pub async fn positions_between(
    db: &impl ConnectionTrait,
    after: i64,
    up_to: i64,
) -> Result<Vec<i64>, StoreError> {
    Ok(ChangeEvents::find()
        .select_only()
        .column(change_event::Column::Id)
        .filter(change_event::Column::Id.gt(after))
        .filter(change_event::Column::Id.lte(up_to))
        .order_by_asc(change_event::Column::Id)
        .into_tuple::<i64>()
        .all(db)
        .await?)
}

/// The position of the newest change (0 when there is none).
pub async fn last_position(db: &impl ConnectionTrait) -> Result<i64, StoreError> {
    Ok(ChangeEvents::find()
        .order_by_desc(change_event::Column::Id)
        .limit(1)
        .one(db)
        .await?
        .map_or(0, |m| m.id))
}
