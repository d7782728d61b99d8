//! Moderators' and administrators' queries: requests gone quiet, and the audit log.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::mutation::parse_id;
use crate::types::audit::AuditEntry;
use crate::types::request::Request;
use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use braingain_domain::AccountId;
use braingain_service::moderation::{DEFAULT_AUDIT_PAGE, DEFAULT_STALLED_DAYS};

#[derive(Default)]
pub struct ModerationQuery;

/// What an audit log page adds to its edges.
#[derive(SimpleObject)]
pub struct AuditLogTotals {
    /// How many entries match the filter in all.
    pub total_count: i64,
}

/// A page of the audit log, newest first.
pub type AuditLogConnection = Connection<String, AuditEntry, AuditLogTotals, EmptyFields>;

#[Object]
impl ModerationQuery {
    /// OPEN and `IN_PROGRESS` requests with no activity (no move of the request or of an
    /// engagement on it, no message) for `olderThanDays` days (1 to 3,650), the longest quiet
    /// first; `lastActivityAt` says since when (moderators and admins).
    async fn stalled_requests(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(DEFAULT_STALLED_DAYS)")] older_than_days: Option<i32>,
    ) -> Result<Vec<Request>> {
        let (service, request) = parts(ctx)?;
        let days = older_than_days.unwrap_or(DEFAULT_STALLED_DAYS);
        let list = service
            .stalled_requests(actor(request)?, days)
            .await
            .gql()?;
        Ok(list.into_iter().map(|s| Request(s.view)).collect())
    }

    /// The audit log, newest first (administrators only): `first` entries (1 to 200) after
    /// the cursor `after`, only those by `actorId` and about `subjectId` when given.
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(DEFAULT_AUDIT_PAGE)")] first: Option<i32>,
        after: Option<String>,
        actor_id: Option<ID>,
        subject_id: Option<ID>,
    ) -> Result<AuditLogConnection> {
        let (service, request) = parts(ctx)?;
        let by: Option<AccountId> = match &actor_id {
            Some(id) => Some(parse_id(id, "actorId")?),
            None => None,
        };
        let page = service
            .audit_log(
                actor(request)?,
                first.unwrap_or(DEFAULT_AUDIT_PAGE),
                after.as_deref(),
                by,
                subject_id.as_ref().map(|s| s.as_str()),
            )
            .await
            .gql()?;
        let mut connection = Connection::with_additional_fields(
            after.is_some(),
            page.has_next,
            AuditLogTotals {
                total_count: i64::try_from(page.total).unwrap_or(i64::MAX),
            },
        );
        connection.edges = page
            .rows
            .into_iter()
            .map(|row| {
                Edge::new(
                    braingain_service::moderation::audit_cursor(row.position),
                    AuditEntry(row),
                )
            })
            .collect();
        Ok(connection)
    }
}
