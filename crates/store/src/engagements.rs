//! Engagement rows. A partial unique index allows one live engagement (INVITED, APPLIED or
//! ACCEPTED) per request and expert, so of two concurrent applications exactly one is
//! inserted ([`create`] answers the other with [`StoreError::Conflict`]). Status changes are
//! conditional updates (`WHERE status = <expected>`), so two concurrent moves cannot both
//! apply.

use crate::StoreError;
use crate::entities::engagement::{self, Entity as Engagements};
use crate::entities::{institution_member, request};
use braingain_domain::{AccountId, EngagementId, EngagementStatus, ProfileId, RequestId, Side};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

/// A stored engagement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementRecord {
    /// Id.
    pub id: EngagementId,
    /// The request.
    pub request_id: RequestId,
    /// The expert's profile.
    pub expert_profile_id: ProfileId,
    /// Who started it: the expert (an application) or the institution (an invitation).
    pub initiated_by: Side,
    /// Where it stands.
    pub status: EngagementStatus,
    /// The opening message.
    pub message: String,
    /// Why it was declined.
    pub decline_reason: Option<String>,
    /// Hours given (on completion).
    pub hours_given: Option<i32>,
    /// Feedback (on completion).
    pub feedback: Option<String>,
    /// The account that started it.
    pub created_by: Option<AccountId>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// When the other side answered.
    pub responded_at: Option<DateTime<Utc>>,
    /// When it was completed.
    pub completed_at: Option<DateTime<Utc>>,
    /// Whether a moderator proposed the expert on the institution's behalf (an invitation
    /// brokered by the programme; see [`mark_proposed`]).
    pub proposed_by_programme: bool,
}

/// A new engagement, as [`create`] inserts it.
#[derive(Debug, Clone, Copy)]
pub struct NewEngagement<'a> {
    /// The request.
    pub request_id: RequestId,
    /// The expert's profile.
    pub expert_profile_id: ProfileId,
    /// Who starts it.
    pub initiated_by: Side,
    /// The opening message.
    pub message: &'a str,
    /// The account that starts it.
    pub created_by: AccountId,
    /// When.
    pub at: DateTime<Utc>,
}

/// A move, as [`set_status`] applies it.
#[derive(Debug, Clone, Copy)]
pub struct Transition<'a> {
    /// The status the caller read; the move applies only if it is still the current one.
    pub from: EngagementStatus,
    /// The new status.
    pub to: EngagementStatus,
    /// Why it was declined.
    pub decline_reason: Option<&'a str>,
    /// Hours given and feedback, on completion.
    pub completion: Option<(i32, Option<&'a str>)>,
    /// When.
    pub at: DateTime<Utc>,
}

pub(crate) fn build(m: engagement::Model) -> Result<EngagementRecord, StoreError> {
    let corrupt = |e: braingain_domain::ValidationError| {
        StoreError::Corrupt(format!("engagement {}: {e}", m.id))
    };
    Ok(EngagementRecord {
        id: EngagementId(m.id),
        request_id: RequestId(m.request_id),
        expert_profile_id: ProfileId(m.expert_profile_id),
        initiated_by: m.initiated_by.parse().map_err(corrupt)?,
        status: m.status.parse().map_err(corrupt)?,
        message: m.message,
        decline_reason: m.decline_reason,
        hours_given: m.hours_given,
        feedback: m.feedback,
        created_by: m.created_by.map(AccountId),
        created_at: m.created_at,
        updated_at: m.updated_at,
        responded_at: m.responded_at,
        completed_at: m.completed_at,
        proposed_by_programme: m.proposed_by_programme,
    })
}

fn live_statuses() -> Vec<&'static str> {
    EngagementStatus::ALL
        .iter()
        .filter(|s| s.is_live())
        .map(|s| s.as_str())
        .collect()
}

/// Inserts a new engagement (APPLIED or INVITED by its initiator). A live engagement of the
/// same expert on the same request makes it a [`StoreError::Conflict`].
pub async fn create(
    db: &impl ConnectionTrait,
    new: NewEngagement<'_>,
) -> Result<EngagementRecord, StoreError> {
    let model = engagement::ActiveModel {
        id: Set(EngagementId::new().0),
        request_id: Set(new.request_id.0),
        expert_profile_id: Set(new.expert_profile_id.0),
        initiated_by: Set(new.initiated_by.as_str().to_owned()),
        status: Set(EngagementStatus::opened_by(new.initiated_by)
            .as_str()
            .to_owned()),
        message: Set(new.message.to_owned()),
        decline_reason: Set(None),
        hours_given: Set(None),
        feedback: Set(None),
        created_by: Set(Some(new.created_by.0)),
        created_at: Set(new.at),
        updated_at: Set(new.at),
        responded_at: Set(None),
        completed_at: Set(None),
        proposed_by_programme: Set(false),
        reminded_at: Set(None),
    }
    .insert(db)
    .await?;
    build(model)
}

/// Marks a new invitation as proposed by the programme (a moderator invited the expert on
/// the institution's behalf). Returns whether the engagement exists.
pub async fn mark_proposed(
    db: &impl ConnectionTrait,
    id: EngagementId,
) -> Result<bool, StoreError> {
    let res = Engagements::update_many()
        .col_expr(engagement::Column::ProposedByProgramme, Expr::value(true))
        .filter(engagement::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Moves an engagement from `change.from` to `change.to`, only if its status is still
/// `change.from`. Returns whether it applied.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: EngagementId,
    change: Transition<'_>,
) -> Result<bool, StoreError> {
    let mut update = Engagements::update_many()
        .col_expr(engagement::Column::Status, Expr::value(change.to.as_str()))
        .col_expr(engagement::Column::UpdatedAt, Expr::value(change.at));
    if matches!(
        change.to,
        EngagementStatus::Accepted | EngagementStatus::Declined
    ) {
        update = update
            .col_expr(engagement::Column::RespondedAt, Expr::value(change.at))
            .col_expr(
                engagement::Column::DeclineReason,
                Expr::value(change.decline_reason.map(str::to_owned)),
            );
    }
    if let Some((hours, feedback)) = change.completion {
        update = update
            .col_expr(engagement::Column::HoursGiven, Expr::value(hours))
            .col_expr(
                engagement::Column::Feedback,
                Expr::value(feedback.map(str::to_owned)),
            )
            .col_expr(engagement::Column::CompletedAt, Expr::value(change.at));
    }
    let res = update
        .filter(engagement::Column::Id.eq(id.0))
        .filter(engagement::Column::Status.eq(change.from.as_str()))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// The engagement with this id.
pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: EngagementId,
) -> Result<Option<EngagementRecord>, StoreError> {
    Engagements::find_by_id(id.0)
        .one(db)
        .await?
        .map(build)
        .transpose()
}

/// Whether the expert has a live engagement on the request.
pub async fn has_live(
    db: &impl ConnectionTrait,
    request: RequestId,
    expert: ProfileId,
) -> Result<bool, StoreError> {
    Ok(Engagements::find()
        .filter(engagement::Column::RequestId.eq(request.0))
        .filter(engagement::Column::ExpertProfileId.eq(expert.0))
        .filter(engagement::Column::Status.is_in(live_statuses()))
        .count(db)
        .await?
        > 0)
}

/// The engagements on a request, oldest first.
pub async fn of_request(
    db: &impl ConnectionTrait,
    request: RequestId,
) -> Result<Vec<EngagementRecord>, StoreError> {
    Engagements::find()
        .filter(engagement::Column::RequestId.eq(request.0))
        .order_by_asc(engagement::Column::CreatedAt)
        .order_by_asc(engagement::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(build)
        .collect()
}

/// An expert's engagements, newest first.
pub async fn of_expert(
    db: &impl ConnectionTrait,
    expert: ProfileId,
) -> Result<Vec<EngagementRecord>, StoreError> {
    Engagements::find()
        .filter(engagement::Column::ExpertProfileId.eq(expert.0))
        .order_by_desc(engagement::Column::CreatedAt)
        .order_by_desc(engagement::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(build)
        .collect()
}

/// The engagements on the requests of every institution `member` belongs to, newest first.
pub async fn of_member(
    db: &impl ConnectionTrait,
    member: AccountId,
) -> Result<Vec<EngagementRecord>, StoreError> {
    Engagements::find()
        .filter(engagement::Column::RequestId.in_subquery(requests_of_member(member)))
        .order_by_desc(engagement::Column::CreatedAt)
        .order_by_desc(engagement::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(build)
        .collect()
}

/// Whether an institution `member` belongs to has an ACCEPTED or COMPLETED engagement with
/// the expert (which shows them the expert's contact email).
pub async fn engaged_with(
    db: &impl ConnectionTrait,
    expert: ProfileId,
    member: AccountId,
) -> Result<bool, StoreError> {
    let sharing: Vec<&str> = EngagementStatus::ALL
        .iter()
        .filter(|s| s.shares_contact())
        .map(|s| s.as_str())
        .collect();
    Ok(Engagements::find()
        .filter(
            Condition::all()
                .add(engagement::Column::ExpertProfileId.eq(expert.0))
                .add(engagement::Column::Status.is_in(sharing))
                .add(engagement::Column::RequestId.in_subquery(requests_of_member(member))),
        )
        .count(db)
        .await?
        > 0)
}

/// The ids of the requests of every institution `member` belongs to.
fn requests_of_member(member: AccountId) -> SelectStatement {
    Query::select()
        .column(request::Column::Id)
        .from(request::Entity)
        .and_where(
            request::Column::InstitutionId.in_subquery(
                Query::select()
                    .column(institution_member::Column::InstitutionId)
                    .from(institution_member::Entity)
                    .and_where(institution_member::Column::AccountId.eq(member.0))
                    .to_owned(),
            ),
        )
        .to_owned()
}
