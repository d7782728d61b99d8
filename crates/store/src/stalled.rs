//! Requests that have gone quiet: when each last saw activity (its own last move, an
//! engagement's last move, a message), and which live requests have seen none since a cutoff.
//! The filter is one statement with two correlated `NOT EXISTS` over the indexed
//! `engagements.request_id` and `messages.engagement_id`, built by sea-query so the cutoff is a
//! bound value on both engines.

use crate::StoreError;
use crate::entities::engagement::{self, Entity as Engagements};
use crate::entities::message::{self, Entity as Messages};
use crate::entities::request::{self, Entity as Requests};
use crate::requests::{self, RequestRecord};
use braingain_domain::{RequestId, RequestStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// A request with the time of its last activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiet {
    /// The request.
    pub request: RequestRecord,
    /// Its last move, its engagements' last move or the last message on them, whichever is
    /// latest.
    pub last_activity_at: DateTime<Utc>,
}

/// `engagements` rows of the outer request moved since `cutoff`.
fn engagement_moved_since(cutoff: DateTime<Utc>) -> SelectStatement {
    Query::select()
        .expr(Expr::val(1))
        .from(Engagements)
        .and_where(
            Expr::col((Engagements, engagement::Column::RequestId))
                .equals((Requests, request::Column::Id)),
        )
        .and_where(Expr::col((Engagements, engagement::Column::UpdatedAt)).gte(cutoff))
        .to_owned()
}

/// Messages on the outer request's engagements sent since `cutoff`.
fn message_sent_since(cutoff: DateTime<Utc>) -> SelectStatement {
    Query::select()
        .expr(Expr::val(1))
        .from(Messages)
        .inner_join(
            Engagements,
            Expr::col((Engagements, engagement::Column::Id))
                .equals((Messages, message::Column::EngagementId)),
        )
        .and_where(
            Expr::col((Engagements, engagement::Column::RequestId))
                .equals((Requests, request::Column::Id)),
        )
        .and_where(Expr::col((Messages, message::Column::SentAt)).gte(cutoff))
        .to_owned()
}

/// Requests in one of `statuses` with no activity since `cutoff` (no move of their own, of
/// an engagement, no message), the longest quiet first.
pub async fn quiet_since(
    db: &impl ConnectionTrait,
    statuses: &[RequestStatus],
    cutoff: DateTime<Utc>,
) -> Result<Vec<Quiet>, StoreError> {
    let models = Requests::find()
        .filter(request::Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .filter(request::Column::UpdatedAt.lt(cutoff))
        .filter(Expr::exists(engagement_moved_since(cutoff)).not())
        .filter(Expr::exists(message_sent_since(cutoff)).not())
        .order_by_asc(request::Column::UpdatedAt)
        .all(db)
        .await?;
    let ids: Vec<RequestId> = models.iter().map(|m| RequestId(m.id)).collect();
    let mut records = Vec::with_capacity(models.len());
    for id in &ids {
        if let Some(record) = requests::find_by_id(db, *id).await? {
            records.push(record);
        }
    }
    let mut quiet = with_last_activity(db, records).await?;
    quiet.sort_by_key(|q| (q.last_activity_at, q.request.id));
    Ok(quiet)
}

/// Each request with the time of its last activity.
pub async fn with_last_activity(
    db: &impl ConnectionTrait,
    records: Vec<RequestRecord>,
) -> Result<Vec<Quiet>, StoreError> {
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = records.iter().map(|r| r.id.0).collect();
    let moved: Vec<(Uuid, Option<DateTime<Utc>>)> = Engagements::find()
        .select_only()
        .column(engagement::Column::RequestId)
        .column_as(engagement::Column::UpdatedAt.max(), "last")
        .filter(engagement::Column::RequestId.is_in(ids.clone()))
        .group_by(engagement::Column::RequestId)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_message = Messages::find()
        .select_only()
        .column_as(
            Expr::col((Engagements, engagement::Column::RequestId)),
            "request_id",
        )
        .column_as(message::Column::SentAt.max(), "last")
        .filter(Expr::col((Engagements, engagement::Column::RequestId)).is_in(ids))
        .group_by(Expr::col((Engagements, engagement::Column::RequestId)));
    QuerySelect::query(&mut by_message).inner_join(
        Engagements,
        Expr::col((Engagements, engagement::Column::Id))
            .equals((Messages, message::Column::EngagementId)),
    );
    let written: Vec<(Uuid, Option<DateTime<Utc>>)> = by_message.into_tuple().all(db).await?;
    let mut latest: HashMap<Uuid, DateTime<Utc>> = HashMap::new();
    for (id, at) in moved.into_iter().chain(written) {
        if let Some(at) = at {
            let slot = latest.entry(id).or_insert(at);
            *slot = Ord::max(*slot, at);
        }
    }
    Ok(records
        .into_iter()
        .map(|request| {
            let last_activity_at = latest
                .get(&request.id.0)
                .map_or(request.updated_at, |at| Ord::max(*at, request.updated_at));
            Quiet {
                request,
                last_activity_at,
            }
        })
        .collect())
}
