//! Requests that have gone quiet: OPEN or `IN_PROGRESS` requests with no activity (no move of
//! their own or of an engagement on them, no message) for some days, the longest quiet first,
//! so that moderators can propose experts, put them on hold or close them.

use crate::requests::RequestView;
use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::RequestStatus;
use braingain_store::requests::RequestRecord;
use braingain_store::stalled;
use chrono::{DateTime, Duration, Utc};

/// Days of silence after which a request counts as stalled, unless the caller says.
pub const DEFAULT_STALLED_DAYS: i32 = 21;
/// The longest silence a caller may ask about, in days.
pub const MAX_STALLED_DAYS: i32 = 3650;

/// A quiet request with the time of its last activity.
#[derive(Debug, Clone)]
pub struct StalledRequest {
    /// The request.
    pub view: RequestView,
    /// When something last happened on it.
    pub last_activity_at: DateTime<Utc>,
}

impl Service {
    /// OPEN and `IN_PROGRESS` requests with no activity for `older_than_days` days (1 to
    /// 3,650), the longest quiet first (moderators and admins).
    pub async fn stalled_requests(
        &self,
        actor: &Actor,
        older_than_days: i32,
    ) -> ServiceResult<Vec<StalledRequest>> {
        actor.moderator()?;
        if !(1..=MAX_STALLED_DAYS).contains(&older_than_days) {
            return Err(ServiceError::bad_input(
                "olderThanDays",
                format!("give a number of days from 1 to {MAX_STALLED_DAYS}"),
            ));
        }
        let cutoff = self.now() - Duration::days(i64::from(older_than_days));
        let live = [RequestStatus::Open, RequestStatus::InProgress];
        let quiet = stalled::quiet_since(self.store().conn(), &live, cutoff).await?;
        let mut out = Vec::with_capacity(quiet.len());
        for q in quiet {
            out.push(StalledRequest {
                view: self.view_request(q.request).await?,
                last_activity_at: q.last_activity_at,
            });
        }
        Ok(out)
    }

    /// When something last happened on a request (its own moves, its engagements' moves,
    /// messages on them), for its institution's members and moderators; `None` for others.
    pub async fn request_last_activity(
        &self,
        actor: &Actor,
        request: &RequestRecord,
    ) -> ServiceResult<Option<DateTime<Utc>>> {
        if !actor.is_moderator() && !self.is_member_of(actor, request.institution_id).await? {
            return Ok(None);
        }
        let found = stalled::with_last_activity(self.store().conn(), vec![request.clone()]).await?;
        Ok(found.first().map(|q| q.last_activity_at))
    }
}
