//! Request rows with their skill requirements. Status changes are conditional updates
//! (`WHERE status = <expected>`), so two concurrent transitions cannot both apply.

use crate::StoreError;
use crate::entities::request::{self, Entity as Requests};
use crate::entities::request_skill::{self, Entity as RequestSkills};
use crate::profiles::json;
use braingain_domain::request::ValidRequest;
use braingain_domain::{
    AccountId, InstitutionId, LanguageCode, RequestId, RequestKind, RequestStatus, SkillId,
    WorkMode,
};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// A skill a stored request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRequirement {
    /// Which skill.
    pub skill_id: SkillId,
    /// Lowest acceptable level, 1 to 5.
    pub min_level: u8,
    /// Whether it is a must.
    pub required: bool,
}

/// A stored request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    /// Id.
    pub id: RequestId,
    /// The institution asking.
    pub institution_id: InstitutionId,
    /// What kind of help.
    pub kind: RequestKind,
    /// One-line title.
    pub title: String,
    /// What is needed and why.
    pub description: String,
    /// Skills in the institution's order.
    pub skills: Vec<StoredRequirement>,
    /// Working languages.
    pub languages: Vec<LanguageCode>,
    /// Acceptable ways of working.
    pub work_modes: Vec<WorkMode>,
    /// Hours a month.
    pub hours_per_month: Option<i32>,
    /// First day.
    pub starts_on: Option<NaiveDate>,
    /// Last day.
    pub ends_on: Option<NaiveDate>,
    /// Lifecycle status.
    pub status: RequestStatus,
    /// The moderator's reason for the last review.
    pub review_reason: Option<String>,
    /// The moderator who reviewed it last.
    pub reviewed_by: Option<AccountId>,
    /// When.
    pub reviewed_at: Option<DateTime<Utc>>,
    /// The member who created it.
    pub created_by: Option<AccountId>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// When it was last submitted for review.
    pub submitted_at: Option<DateTime<Utc>>,
}

/// A move in the lifecycle, as [`set_status`] applies it.
#[derive(Debug, Clone, Copy)]
pub struct StatusChange<'a> {
    /// The status the caller read; the change applies only if it is still the current one.
    pub from: RequestStatus,
    /// The new status.
    pub to: RequestStatus,
    /// A moderator's review (recorded with its reason), when the move is one.
    pub review: Option<(AccountId, Option<&'a str>)>,
    /// When.
    pub at: DateTime<Utc>,
}

fn corrupt(id: Uuid, what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("request {id}: {what}"))
}

fn build(
    m: request::Model,
    skills: Vec<request_skill::Model>,
) -> Result<RequestRecord, StoreError> {
    let id = m.id;
    let languages: Vec<String> = serde_json::from_str(&m.languages).map_err(|e| corrupt(id, e))?;
    Ok(RequestRecord {
        id: RequestId(m.id),
        institution_id: InstitutionId(m.institution_id),
        kind: m.kind.parse().map_err(|e| corrupt(id, e))?,
        skills: skills
            .into_iter()
            .map(|s| StoredRequirement {
                skill_id: SkillId(s.skill_id),
                min_level: u8::try_from(s.min_level).unwrap_or(1),
                required: s.required,
            })
            .collect(),
        languages: languages
            .iter()
            .map(|c| LanguageCode::parse(c).map_err(|e| corrupt(id, e)))
            .collect::<Result<_, _>>()?,
        work_modes: serde_json::from_str(&m.work_modes).map_err(|e| corrupt(id, e))?,
        status: m.status.parse().map_err(|e| corrupt(id, e))?,
        title: m.title,
        description: m.description,
        hours_per_month: m.hours_per_month,
        starts_on: m.starts_on,
        ends_on: m.ends_on,
        review_reason: m.review_reason,
        reviewed_by: m.reviewed_by.map(AccountId),
        reviewed_at: m.reviewed_at,
        created_by: m.created_by.map(AccountId),
        created_at: m.created_at,
        updated_at: m.updated_at,
        submitted_at: m.submitted_at,
    })
}

fn languages_json(valid: &ValidRequest) -> String {
    json(
        &valid
            .languages
            .iter()
            .map(LanguageCode::as_str)
            .collect::<Vec<_>>(),
    )
}

/// Creates a DRAFT request of `institution`, written by `creator`.
pub async fn create(
    db: &impl ConnectionTrait,
    institution: InstitutionId,
    creator: AccountId,
    valid: &ValidRequest,
    now: DateTime<Utc>,
) -> Result<RequestRecord, StoreError> {
    let id = RequestId::new();
    request::ActiveModel {
        id: Set(id.0),
        institution_id: Set(institution.0),
        kind: Set(valid.kind.as_str().to_owned()),
        title: Set(valid.title.clone()),
        description: Set(valid.description.clone()),
        languages: Set(languages_json(valid)),
        work_modes: Set(json(&valid.work_modes)),
        hours_per_month: Set(valid.hours_per_month),
        starts_on: Set(valid.starts_on),
        ends_on: Set(valid.ends_on),
        status: Set(RequestStatus::Draft.as_str().to_owned()),
        review_reason: Set(None),
        reviewed_by: Set(None),
        reviewed_at: Set(None),
        created_by: Set(Some(creator.0)),
        created_at: Set(now),
        updated_at: Set(now),
        submitted_at: Set(None),
    }
    .insert(db)
    .await?;
    replace_skills(db, id, valid).await?;
    find_by_id(db, id)
        .await?
        .ok_or_else(|| corrupt(id.0, "vanished after insert"))
}

/// Replaces the content of a request that is still `expected` (its status, review and
/// authorship stay). Returns whether it applied.
pub async fn update(
    db: &impl ConnectionTrait,
    id: RequestId,
    expected: RequestStatus,
    valid: &ValidRequest,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let res = Requests::update_many()
        .col_expr(request::Column::Kind, Expr::value(valid.kind.as_str()))
        .col_expr(request::Column::Title, Expr::value(valid.title.clone()))
        .col_expr(
            request::Column::Description,
            Expr::value(valid.description.clone()),
        )
        .col_expr(
            request::Column::Languages,
            Expr::value(languages_json(valid)),
        )
        .col_expr(
            request::Column::WorkModes,
            Expr::value(json(&valid.work_modes)),
        )
        .col_expr(
            request::Column::HoursPerMonth,
            Expr::value(valid.hours_per_month),
        )
        .col_expr(request::Column::StartsOn, Expr::value(valid.starts_on))
        .col_expr(request::Column::EndsOn, Expr::value(valid.ends_on))
        .col_expr(request::Column::UpdatedAt, Expr::value(now))
        .filter(request::Column::Id.eq(id.0))
        .filter(request::Column::Status.eq(expected.as_str()))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Ok(false);
    }
    replace_skills(db, id, valid).await?;
    Ok(true)
}

async fn replace_skills(
    db: &impl ConnectionTrait,
    id: RequestId,
    valid: &ValidRequest,
) -> Result<(), StoreError> {
    RequestSkills::delete_many()
        .filter(request_skill::Column::RequestId.eq(id.0))
        .exec(db)
        .await?;
    if valid.skills.is_empty() {
        return Ok(());
    }
    RequestSkills::insert_many(valid.skills.iter().enumerate().map(|(i, s)| {
        request_skill::ActiveModel {
            request_id: Set(id.0),
            skill_id: Set(s.skill.id().0),
            position: Set(i16::try_from(i).unwrap_or(i16::MAX)),
            min_level: Set(i16::from(s.min_level)),
            required: Set(s.required),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// Moves a request from `change.from` to `change.to`, only if its status is still
/// `change.from`. Returns whether it applied (false: another transition won, or it is gone).
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: RequestId,
    change: StatusChange<'_>,
) -> Result<bool, StoreError> {
    let mut update = Requests::update_many()
        .col_expr(request::Column::Status, Expr::value(change.to.as_str()))
        .col_expr(request::Column::UpdatedAt, Expr::value(change.at));
    if let Some((moderator, reason)) = change.review {
        update = update
            .col_expr(
                request::Column::ReviewReason,
                Expr::value(reason.map(str::to_owned)),
            )
            .col_expr(request::Column::ReviewedBy, Expr::value(moderator.0))
            .col_expr(request::Column::ReviewedAt, Expr::value(change.at));
    }
    if change.to == RequestStatus::InReview {
        update = update.col_expr(request::Column::SubmittedAt, Expr::value(change.at));
    }
    let res = update
        .filter(request::Column::Id.eq(id.0))
        .filter(request::Column::Status.eq(change.from.as_str()))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// The request with this id, with its skills.
pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: RequestId,
) -> Result<Option<RequestRecord>, StoreError> {
    match Requests::find_by_id(id.0).one(db).await? {
        Some(m) => Ok(load_many(db, vec![m]).await?.pop()),
        None => Ok(None),
    }
}

/// The requests with these ids that exist, with their skills (in no particular order).
pub async fn find_many(
    db: &impl ConnectionTrait,
    ids: &[RequestId],
) -> Result<Vec<RequestRecord>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let models = Requests::find()
        .filter(request::Column::Id.is_in(ids.iter().map(|id| id.0)))
        .all(db)
        .await?;
    load_many(db, models).await
}

/// Requests with this status, the longest waiting first (by submission, then creation).
pub async fn with_status(
    db: &impl ConnectionTrait,
    status: RequestStatus,
) -> Result<Vec<RequestRecord>, StoreError> {
    let models = Requests::find()
        .filter(request::Column::Status.eq(status.as_str()))
        .order_by_asc(request::Column::SubmittedAt)
        .order_by_asc(request::Column::CreatedAt)
        .all(db)
        .await?;
    load_many(db, models).await
}

/// The requests of an institution, newest first.
pub async fn of_institution(
    db: &impl ConnectionTrait,
    institution: InstitutionId,
) -> Result<Vec<RequestRecord>, StoreError> {
    let models = Requests::find()
        .filter(request::Column::InstitutionId.eq(institution.0))
        .order_by_desc(request::Column::CreatedAt)
        .all(db)
        .await?;
    load_many(db, models).await
}

async fn load_many(
    db: &impl ConnectionTrait,
    models: Vec<request::Model>,
) -> Result<Vec<RequestRecord>, StoreError> {
    if models.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let mut skills: HashMap<Uuid, Vec<request_skill::Model>> = HashMap::new();
    for s in RequestSkills::find()
        .filter(request_skill::Column::RequestId.is_in(ids))
        .order_by_asc(request_skill::Column::Position)
        .all(db)
        .await?
    {
        skills.entry(s.request_id).or_default().push(s);
    }
    models
        .into_iter()
        .map(|m| {
            let id = m.id;
            build(m, skills.remove(&id).unwrap_or_default())
        })
        .collect()
}
