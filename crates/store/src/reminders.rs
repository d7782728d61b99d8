//! Engagements nobody answers: the invitations and applications that wait for a reminder
//! (each is reminded once, claimed with a conditional update so that concurrent senders on
//! several replicas never remind twice), and the experts whose invitations have waited so
//! long that matching treats them as less active.

use crate::StoreError;
use crate::engagements::{EngagementRecord, build};
use crate::entities::engagement::{self, Entity as Engagements};
use crate::entities::request;
use braingain_domain::{EngagementStatus, ProfileId, RequestStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashSet;

/// The statuses of an engagement that waits for the other side's answer.
fn unanswered() -> [&'static str; 2] {
    [
        EngagementStatus::Invited.as_str(),
        EngagementStatus::Applied.as_str(),
    ]
}

/// Up to `limit` unanswered engagements started at or before `started_before` whose side
/// owing the answer was not reminded yet, on requests that take experts (OPEN or
/// `IN_PROGRESS`; one on hold is reminded once it resumes), the oldest first.
pub async fn due(
    db: &impl ConnectionTrait,
    started_before: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<EngagementRecord>, StoreError> {
    let taking = Query::select()
        .column(request::Column::Id)
        .from(request::Entity)
        .and_where(request::Column::Status.is_in([
            RequestStatus::Open.as_str(),
            RequestStatus::InProgress.as_str(),
        ]))
        .to_owned();
    Engagements::find()
        .filter(engagement::Column::Status.is_in(unanswered()))
        .filter(engagement::Column::CreatedAt.lte(started_before))
        .filter(engagement::Column::RemindedAt.is_null())
        .filter(engagement::Column::RequestId.in_subquery(taking))
        .order_by_asc(engagement::Column::CreatedAt)
        .order_by_asc(engagement::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(build)
        .collect()
}

/// Records that `record` was reminded at `at`, only if it still waits in the status read
/// and nobody reminded it meanwhile. Returns whether this caller won the claim.
pub async fn claim(
    db: &impl ConnectionTrait,
    record: &EngagementRecord,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let res = Engagements::update_many()
        .col_expr(engagement::Column::RemindedAt, Expr::value(at))
        .filter(engagement::Column::Id.eq(record.id.0))
        .filter(engagement::Column::Status.eq(record.status.as_str()))
        .filter(engagement::Column::RemindedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Which of `experts` have left an invitation unanswered since `invited_before` or earlier.
pub async fn silent_experts(
    db: &impl ConnectionTrait,
    experts: &[ProfileId],
    invited_before: DateTime<Utc>,
) -> Result<HashSet<ProfileId>, StoreError> {
    if experts.is_empty() {
        return Ok(HashSet::new());
    }
    let ids: Vec<uuid::Uuid> = Engagements::find()
        .select_only()
        .column(engagement::Column::ExpertProfileId)
        .distinct()
        .filter(engagement::Column::Status.eq(EngagementStatus::Invited.as_str()))
        .filter(engagement::Column::CreatedAt.lte(invited_before))
        .filter(engagement::Column::ExpertProfileId.is_in(experts.iter().map(|p| p.0)))
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().map(ProfileId).collect())
}
