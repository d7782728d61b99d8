//! Reports of content to the moderators. A partial unique index allows one OPEN report per
//! reporter and subject, so of two identical reports sent at once exactly one is inserted
//! ([`create`] answers the other with [`StoreError::Conflict`]). Decisions are conditional
//! updates (`WHERE status = 'OPEN'`), so two moderators cannot both decide one report.

use crate::StoreError;
use crate::entities::report::{self, Entity as Reports};
use braingain_domain::{AccountId, ReportId, ReportStatus, ReportSubjectType};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

/// A stored report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecord {
    /// Id.
    pub id: ReportId,
    /// The kind of thing reported.
    pub subject_type: ReportSubjectType,
    /// Its id.
    pub subject_id: Uuid,
    /// Why.
    pub reason: String,
    /// Who reported it.
    pub reporter_id: AccountId,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Where it stands.
    pub status: ReportStatus,
    /// The moderator who decided (`None` while open, or once their account is deleted).
    pub resolved_by: Option<AccountId>,
    /// When it was decided.
    pub resolved_at: Option<DateTime<Utc>>,
    /// The moderator's note.
    pub resolution_note: Option<String>,
}

/// A new report, as [`create`] inserts it.
#[derive(Debug, Clone, Copy)]
pub struct NewReport<'a> {
    /// The kind of thing reported.
    pub subject_type: ReportSubjectType,
    /// Its id.
    pub subject_id: Uuid,
    /// Why (already checked).
    pub reason: &'a str,
    /// Who reports it.
    pub reporter_id: AccountId,
    /// When.
    pub at: DateTime<Utc>,
}

/// A moderator's decision, as [`decide`] applies it.
#[derive(Debug, Clone, Copy)]
pub struct Decision<'a> {
    /// RESOLVED or DISMISSED.
    pub to: ReportStatus,
    /// The moderator.
    pub by: AccountId,
    /// Their note.
    pub note: &'a str,
    /// When.
    pub at: DateTime<Utc>,
}

fn build(m: report::Model) -> Result<ReportRecord, StoreError> {
    let corrupt =
        |e: braingain_domain::ValidationError| StoreError::Corrupt(format!("report {}: {e}", m.id));
    Ok(ReportRecord {
        id: ReportId(m.id),
        subject_type: m.subject_type.parse().map_err(corrupt)?,
        status: m.status.parse().map_err(corrupt)?,
        subject_id: m.subject_id,
        reason: m.reason,
        reporter_id: AccountId(m.reporter_id),
        created_at: m.created_at,
        resolved_by: m.resolved_by.map(AccountId),
        resolved_at: m.resolved_at,
        resolution_note: m.resolution_note,
    })
}

/// Inserts an OPEN report. An open report by the same reporter on the same subject makes it
/// a [`StoreError::Conflict`].
pub async fn create(
    db: &impl ConnectionTrait,
    new: NewReport<'_>,
) -> Result<ReportRecord, StoreError> {
    let model = report::ActiveModel {
        id: Set(ReportId::new().0),
        subject_type: Set(new.subject_type.as_str().to_owned()),
        subject_id: Set(new.subject_id),
        reason: Set(new.reason.to_owned()),
        reporter_id: Set(new.reporter_id.0),
        created_at: Set(new.at),
        status: Set(ReportStatus::Open.as_str().to_owned()),
        resolved_by: Set(None),
        resolved_at: Set(None),
        resolution_note: Set(None),
    }
    .insert(db)
    .await?;
    build(model)
}

/// The report with this id.
pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: ReportId,
) -> Result<Option<ReportRecord>, StoreError> {
    Reports::find_by_id(id.0)
        .one(db)
        .await?
        .map(build)
        .transpose()
}

/// The reporter's OPEN report on this subject, if any.
pub async fn open_by(
    db: &impl ConnectionTrait,
    reporter: AccountId,
    subject: Uuid,
) -> Result<Option<ReportRecord>, StoreError> {
    Reports::find()
        .filter(report::Column::ReporterId.eq(reporter.0))
        .filter(report::Column::SubjectId.eq(subject))
        .filter(report::Column::Status.eq(ReportStatus::Open.as_str()))
        .one(db)
        .await?
        .map(build)
        .transpose()
}

/// How many reports `reporter` made since `since`, and when the oldest of them was made.
pub async fn made_since(
    db: &impl ConnectionTrait,
    reporter: AccountId,
    since: DateTime<Utc>,
) -> Result<(u64, Option<DateTime<Utc>>), StoreError> {
    let query = Reports::find()
        .filter(report::Column::ReporterId.eq(reporter.0))
        .filter(report::Column::CreatedAt.gt(since));
    let count = query.clone().count(db).await?;
    if count == 0 {
        return Ok((0, None));
    }
    let oldest = query
        .order_by_asc(report::Column::CreatedAt)
        .limit(1)
        .one(db)
        .await?
        .map(|m| m.created_at);
    Ok((count, oldest))
}

/// Reports with this status, oldest first (at most `limit`).
pub async fn with_status(
    db: &impl ConnectionTrait,
    status: ReportStatus,
    limit: u64,
) -> Result<Vec<ReportRecord>, StoreError> {
    Reports::find()
        .filter(report::Column::Status.eq(status.as_str()))
        .order_by_asc(report::Column::CreatedAt)
        .order_by_asc(report::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(build)
        .collect()
}

/// The reports `reporter` made, oldest first (for the export of their data).
pub async fn of_reporter(
    db: &impl ConnectionTrait,
    reporter: AccountId,
) -> Result<Vec<ReportRecord>, StoreError> {
    Reports::find()
        .filter(report::Column::ReporterId.eq(reporter.0))
        .order_by_asc(report::Column::CreatedAt)
        .order_by_asc(report::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(build)
        .collect()
}

/// Decides an OPEN report. Returns whether it applied (false: it was decided meanwhile, or
/// it is gone).
pub async fn decide(
    db: &impl ConnectionTrait,
    id: ReportId,
    decision: Decision<'_>,
) -> Result<bool, StoreError> {
    let res = Reports::update_many()
        .col_expr(report::Column::Status, Expr::value(decision.to.as_str()))
        .col_expr(report::Column::ResolvedBy, Expr::value(decision.by.0))
        .col_expr(report::Column::ResolvedAt, Expr::value(decision.at))
        .col_expr(
            report::Column::ResolutionNote,
            Expr::value(decision.note.to_owned()),
        )
        .filter(report::Column::Id.eq(id.0))
        .filter(report::Column::Status.eq(ReportStatus::Open.as_str()))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}
