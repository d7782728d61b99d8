//! Reminders of unanswered engagements, and the silence rule matching applies: an invitation
//! or application left unanswered for [`REMIND_AFTER_DAYS`] reminds the side that owes the
//! answer, once, in the app and by mail; an expert who leaves an invitation unanswered for
//! [`LESS_ACTIVE_AFTER_DAYS`] is shown as less active in matching (`service/matching.rs`).

use super::EngagementRecord;
use super::effects::side_accounts;
use crate::notifications::notices;
use crate::{Service, ServiceResult, mails};
use braingain_domain::Side;
use braingain_store::{accounts, mail, reminders, requests};
use chrono::{DateTime, Duration, Utc};

/// Days an invitation or application waits before the side owing the answer is reminded.
pub const REMIND_AFTER_DAYS: i64 = 7;
/// Days an expert may leave an invitation unanswered before matching ranks them lower.
pub const LESS_ACTIVE_AFTER_DAYS: i64 = 21;
/// Engagements read per round.
const BATCH: u64 = 100;
/// Rounds per run at most (a run that finds more leaves them to the next).
const MAX_ROUNDS: usize = 50;

impl Service {
    /// Reminds, once, the side owing an answer to every invitation (the expert) or
    /// application (the institution's members) that has waited [`REMIND_AFTER_DAYS`] at
    /// `now` on a request that takes experts: an in-app notification and a mail each, written
    /// in one transaction with `engagements.reminded_at`. Each engagement is claimed with a
    /// conditional update (`reminded_at IS NULL`, status unchanged), so running it again, or
    /// on several replicas at once, never reminds twice. Returns how many engagements this
    /// call reminded.
    #[tracing::instrument(skip_all, err)]
    pub async fn send_due_reminders(&self, now: DateTime<Utc>) -> ServiceResult<u64> {
        let cutoff = now - Duration::days(REMIND_AFTER_DAYS);
        let mut sent = 0;
        for _ in 0..MAX_ROUNDS {
            let due = reminders::due(self.store().conn(), cutoff, BATCH).await?;
            let full = due.len() as u64 == BATCH;
            for record in due {
                if self.remind(&record, now).await? {
                    sent += 1;
                }
            }
            if !full {
                break;
            }
        }
        if sent > 0 {
            self.inner.mail_queued.notify_one();
            tracing::info!(reminded = sent, "reminders sent");
        }
        Ok(sent)
    }

    /// Claims and reminds one engagement; false if another run got there first or it was
    /// answered meanwhile.
    async fn remind(&self, record: &EngagementRecord, now: DateTime<Utc>) -> ServiceResult<bool> {
        let Some(request) = requests::find_by_id(self.store().conn(), record.request_id).await?
        else {
            return Ok(false);
        };
        let tx = self.store().begin().await?;
        if !reminders::claim(&tx, record, now).await? {
            return Ok(false);
        }
        let owing = record.initiated_by.other();
        let invitation = owing == Side::Expert;
        let notice = notices::reminder(invitation, &request.title, record.id);
        for id in side_accounts(&tx, record, &request, owing).await? {
            if let Some(account) = accounts::find_by_id(&tx, id).await? {
                self.notify(&tx, id, &notice, now).await?;
                let text = mails::engagement_reminder(
                    &self.config().public_url,
                    &account.email,
                    &account.display_name,
                    &request.title,
                    record.id,
                    invitation,
                );
                mail::enqueue(&tx, text, now).await?;
            }
        }
        braingain_store::commit(tx).await?;
        Ok(true)
    }
}
