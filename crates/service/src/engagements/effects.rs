//! What every engagement move writes besides the engagement itself, in its transaction: the
//! request put under way on acceptance, the change event and audit entry, and the mails to
//! the other side.

use super::EngagementRecord;
use crate::mails::{self, EngagementNews};
use crate::notifications::notices;
use crate::{Service, ServiceError, ServiceResult};
use braingain_domain::{AccountId, RequestStatus, Side};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::events::{self, Entity, Op};
use braingain_store::requests::{self, RequestRecord};
use braingain_store::{DatabaseTransaction, accounts, institutions, mail, profiles};
use chrono::{DateTime, Utc};

impl Service {
    /// Puts an OPEN request `IN_PROGRESS` in `tx`. Losing that update to another acceptance
    /// is fine (the request is under way either way); losing it to a closing or a hold is a
    /// `CONFLICT`.
    pub(super) async fn start_request(
        &self,
        tx: &DatabaseTransaction,
        request: &RequestRecord,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        if self.mark_request_in_progress_in(tx, request, now).await? {
            return Ok(());
        }
        let current = requests::find_by_id(tx, request.id)
            .await?
            .map(|r| r.status);
        match current {
            Some(RequestStatus::InProgress) => Ok(()),
            _ => Err(ServiceError::Conflict {
                field: None,
                message: "the request changed meanwhile (it was closed or put on hold); reload it"
                    .into(),
            }),
        }
    }

    pub(crate) async fn record_move(
        &self,
        tx: &DatabaseTransaction,
        engagement: &EngagementRecord,
        by: AccountId,
        action: &str,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        events::record(tx, Entity::Engagement, engagement.id.0, Op::Upsert, now).await?;
        audit::record(
            tx,
            AuditEntry {
                at: now,
                actor: Some(by),
                action: action.into(),
                subject_type: "engagement".into(),
                subject_id: Some(engagement.id.to_string()),
                reason: reason.map(str::to_owned),
                details: Some(serde_json::json!({
                    "request": engagement.request_id,
                    "expert": engagement.expert_profile_id,
                    "status": engagement.status,
                    "hoursGiven": engagement.hours_given,
                })),
            },
        )
        .await?;
        Ok(())
    }

    /// Tells everyone on `side` (the expert, or every member of the institution) of `news`:
    /// an in-app notification and a mail.
    pub(super) async fn mail_side(
        &self,
        tx: &DatabaseTransaction,
        engagement: &EngagementRecord,
        request: &RequestRecord,
        side: Side,
        news: EngagementNews<'_>,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        let notice = notices::engagement(news, &request.title, engagement.id);
        for id in side_accounts(tx, engagement, request, side).await? {
            if let Some(account) = accounts::find_by_id(tx, id).await? {
                self.notify(tx, id, &notice, now).await?;
                let text = mails::engagement_news(
                    &self.config().public_url,
                    &account.email,
                    &account.display_name,
                    &request.title,
                    engagement.id,
                    news,
                );
                mail::enqueue(tx, text, now).await?;
            }
        }
        Ok(())
    }

    /// Tells everyone on `side` but `author` of a new message: an in-app notification and a
    /// mail.
    pub(super) async fn mail_message(
        &self,
        tx: &DatabaseTransaction,
        engagement: &EngagementRecord,
        request: &RequestRecord,
        side: Side,
        author: AccountId,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        let notice = notices::message(&request.title, engagement.id);
        for id in side_accounts(tx, engagement, request, side).await? {
            if id == author {
                continue;
            }
            if let Some(account) = accounts::find_by_id(tx, id).await? {
                self.notify(tx, id, &notice, now).await?;
                let text = mails::engagement_message(
                    &self.config().public_url,
                    &account.email,
                    &account.display_name,
                    &request.title,
                    engagement.id,
                );
                mail::enqueue(tx, text, now).await?;
            }
        }
        Ok(())
    }
}

/// Everyone on `side` of an engagement: the expert, or every member of the institution.
pub(super) async fn side_accounts(
    tx: &DatabaseTransaction,
    engagement: &EngagementRecord,
    request: &RequestRecord,
    side: Side,
) -> ServiceResult<Vec<AccountId>> {
    Ok(match side {
        Side::Expert => profiles::find_by_id(tx, engagement.expert_profile_id)
            .await?
            .map(|p| vec![p.account_id])
            .unwrap_or_default(),
        Side::Institution => institutions::members(tx, request.institution_id).await?,
    })
}
