//! The append-only audit log.

use crate::StoreError;
use crate::entities::audit_log::{self, Entity as AuditLog};
use braingain_domain::AccountId;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, NotSet, QueryFilter, QueryOrder,
    Set,
};

/// One audited action, as written and as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who did it; `None` for the command line or the system.
    pub actor: Option<AccountId>,
    /// What was done (`account.set_role`).
    pub action: String,
    /// The kind of thing acted on (`account`).
    pub subject_type: String,
    /// Which one.
    pub subject_id: Option<String>,
    /// Why.
    pub reason: Option<String>,
    /// Extra facts as JSON.
    pub details: Option<serde_json::Value>,
}

/// Appends an entry.
pub async fn record(db: &impl ConnectionTrait, entry: AuditEntry) -> Result<(), StoreError> {
    audit_log::ActiveModel {
        id: NotSet,
        at: Set(entry.at),
        actor_id: Set(entry.actor.map(|a| a.0)),
        action: Set(entry.action),
        subject_type: Set(entry.subject_type),
        subject_id: Set(entry.subject_id),
        reason: Set(entry.reason),
        details: Set(entry.details.map(|d| d.to_string())),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// An entry with its position in the log (ascending: later entries have larger ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedEntry {
    /// Position in the log.
    pub id: i64,
    /// The entry.
    pub entry: AuditEntry,
}

/// Which entries [`page`] and [`count`] select.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this actor's.
    pub actor: Option<AccountId>,
    /// Only those about this subject id.
    pub subject_id: Option<String>,
}

fn filtered(filter: &AuditFilter) -> sea_orm::Select<AuditLog> {
    let mut query = AuditLog::find();
    if let Some(actor) = filter.actor {
        query = query.filter(audit_log::Column::ActorId.eq(actor.0));
    }
    if let Some(subject) = &filter.subject_id {
        query = query.filter(audit_log::Column::SubjectId.eq(subject.clone()));
    }
    query
}

fn entry_of(m: audit_log::Model) -> AuditEntry {
    AuditEntry {
        at: m.at,
        actor: m.actor_id.map(AccountId),
        action: m.action,
        subject_type: m.subject_type,
        subject_id: m.subject_id,
        reason: m.reason,
        details: m.details.and_then(|d| serde_json::from_str(&d).ok()),
    }
}

/// At most `limit` entries matching `filter`, newest first, strictly before position
/// `before` when given (keyset paging: stable while entries are appended).
pub async fn page(
    db: &impl ConnectionTrait,
    filter: &AuditFilter,
    before: Option<i64>,
    limit: u64,
) -> Result<Vec<LoggedEntry>, StoreError> {
    use sea_orm::QuerySelect;
    let mut query = filtered(filter);
    if let Some(before) = before {
        query = query.filter(audit_log::Column::Id.lt(before));
    }
    let rows = query
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|m| LoggedEntry {
            id: m.id,
            entry: entry_of(m),
        })
        .collect())
}

/// How many entries match `filter`.
pub async fn count(db: &impl ConnectionTrait, filter: &AuditFilter) -> Result<u64, StoreError> {
    use sea_orm::PaginatorTrait;
    Ok(filtered(filter).count(db).await?)
}

/// The entries about one subject, oldest first.
pub async fn for_subject(
    db: &impl ConnectionTrait,
    subject_id: &str,
) -> Result<Vec<AuditEntry>, StoreError> {
    let rows = AuditLog::find()
        .filter(audit_log::Column::SubjectId.eq(subject_id))
        .order_by_asc(audit_log::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|m| AuditEntry {
            at: m.at,
            actor: m.actor_id.map(AccountId),
            action: m.action,
            subject_type: m.subject_type,
            subject_id: m.subject_id,
            reason: m.reason,
            details: m.details.and_then(|d| serde_json::from_str(&d).ok()),
        })
        .collect())
}

/// Removes an account from the actor column of its entries (account erasure): what was done
/// stays on record, by whom is forgotten.
pub async fn anonymise_actor(
    db: &impl ConnectionTrait,
    account: AccountId,
) -> Result<u64, StoreError> {
    use sea_orm::sea_query::Expr;
    let res = AuditLog::update_many()
        .col_expr(
            audit_log::Column::ActorId,
            Expr::value(Option::<uuid::Uuid>::None),
        )
        .filter(audit_log::Column::ActorId.eq(account.0))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
