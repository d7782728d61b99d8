//! Moving requests through their lifecycle: members submit and close them, moderators
//! approve, reject or send them back for changes. Every move is checked against the domain's
//! state machine, applied with a conditional update (so of two concurrent moves exactly one
//! wins; the other is a `CONFLICT`), and written in one transaction with its change event,
//! audit entry and, for the moderators' decisions, the mails to the institution's members.

use super::{RequestView, gone};
use crate::notifications::notices;
use crate::{Actor, Service, ServiceError, ServiceResult, mails};
use braingain_domain::{AccountId, Decision, RequestId, RequestStatus, VerificationStatus};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::events::{self, Entity, Op};
use braingain_store::requests::{self, RequestRecord, StatusChange};
use braingain_store::{DatabaseTransaction, accounts, institutions, mail};
use chrono::{DateTime, Utc};

/// Longest reason a moderator may give, in characters.
pub const MAX_REASON: usize = 2000;

/// One move, as the use cases describe it to [`Service::apply_step`].
struct Step<'a> {
    /// Where the request goes.
    to: RequestStatus,
    /// The audit action (`request.approve`).
    action: &'static str,
    /// Who moves it; `None` for the system (an accepted engagement).
    by: Option<AccountId>,
    /// Why (stored on the request and mailed when `review` is set).
    reason: Option<&'a str>,
    /// A moderator's decision: recorded as the request's review and mailed to its members.
    review: bool,
}

impl Service {
    /// A member submits a DRAFT for review (DRAFT → `IN_REVIEW`).
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn submit_request(&self, actor: &Actor, id: RequestId) -> ServiceResult<RequestView> {
        let session = actor.session()?;
        let before = self.request_record(id).await?;
        let institution = self
            .institution_for_member(session, before.institution_id)
            .await?;
        if institution.verification != VerificationStatus::Verified {
            return Err(ServiceError::forbidden(
                "your institution submits requests while the moderators have it verified",
            ));
        }
        let step = Step {
            to: RequestStatus::InReview,
            action: "request.submit",
            by: Some(session.account),
            reason: None,
            review: false,
        };
        self.apply_step(before, step).await
    }

    /// A moderator approves (`IN_REVIEW` → OPEN) or rejects (→ REJECTED, a reason required) a
    /// request. The reason is kept on the request and mailed to the institution's members.
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn review_request(
        &self,
        actor: &Actor,
        id: RequestId,
        decision: Decision,
        reason: Option<&str>,
    ) -> ServiceResult<RequestView> {
        let moderator = actor.moderator()?;
        let reason = checked_reason(reason, decision == Decision::Reject)?;
        let before = self.request_record(id).await?;
        let (to, action) = match decision {
            Decision::Approve => (RequestStatus::Open, "request.approve"),
            Decision::Reject => (RequestStatus::Rejected, "request.reject"),
        };
        let step = Step {
            to,
            action,
            by: Some(moderator.account),
            reason,
            review: true,
        };
        self.apply_step(before, step).await
    }

    /// A moderator sends a request in review back to its institution for changes
    /// (`IN_REVIEW` → DRAFT), with a reason its members read on the request and in a mail.
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn return_request_for_changes(
        &self,
        actor: &Actor,
        id: RequestId,
        reason: &str,
    ) -> ServiceResult<RequestView> {
        let moderator = actor.moderator()?;
        let reason = checked_reason(Some(reason), true)?;
        let before = self.request_record(id).await?;
        let step = Step {
            to: RequestStatus::Draft,
            action: "request.return_for_changes",
            by: Some(moderator.account),
            reason,
            review: true,
        };
        self.apply_step(before, step).await
    }

    /// A member or a moderator closes a request: COMPLETED when `completed` (only work under
    /// way, `IN_PROGRESS`, can be), else CANCELLED (from DRAFT, `IN_REVIEW`, OPEN or `IN_PROGRESS`).
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn close_request(
        &self,
        actor: &Actor,
        id: RequestId,
        completed: bool,
    ) -> ServiceResult<RequestView> {
        let session = actor.session()?;
        let before = self.request_record(id).await?;
        if !actor.is_moderator() {
            self.institution_for_member(session, before.institution_id)
                .await?;
        }
        let step = Step {
            to: if completed {
                RequestStatus::Completed
            } else {
                RequestStatus::Cancelled
            },
            action: if completed {
                "request.complete"
            } else {
                "request.cancel"
            },
            by: Some(session.account),
            reason: None,
            review: false,
        };
        self.apply_step(before, step).await
    }

    /// Marks an OPEN request as under way (→ `IN_PROGRESS`). Called by the system when an
    /// engagement on it is accepted; it has no caller to authorise.
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn mark_request_in_progress(&self, id: RequestId) -> ServiceResult<RequestView> {
        let before = self.request_record(id).await?;
        let step = Step {
            to: RequestStatus::InProgress,
            action: "request.start",
            by: None,
            reason: None,
            review: false,
        };
        self.apply_step(before, step).await
    }

    async fn apply_step(
        &self,
        before: RequestRecord,
        step: Step<'_>,
    ) -> ServiceResult<RequestView> {
        let id = before.id;
        let from = before.status;
        let to = from
            .transition(step.to)
            .map_err(|e| ServiceError::Conflict {
                field: None,
                message: e.to_string(),
            })?;
        let now = self.now();
        let tx = self.store().begin().await?;
        if !self.write_step(&tx, &before, to, &step, now).await? {
            return Err(ServiceError::Conflict {
                field: None,
                message: "the request changed meanwhile (someone else acted on it); reload it"
                    .into(),
            });
        }
        let after = requests::find_by_id(&tx, id).await?.ok_or_else(gone)?;
        braingain_store::commit(tx).await?;
        self.changes_committed();
        if step.review {
            self.inner.mail_queued.notify_one();
        }
        tracing::info!(request.id = %id, %from, %to, "request moved");
        self.view_request(after).await
    }

    /// Marks an OPEN request as under way (→ `IN_PROGRESS`) inside the caller's transaction
    /// (an engagement being accepted), with its change event and audit entry. Returns whether
    /// it applied (false: the request is no longer OPEN).
    pub(crate) async fn mark_request_in_progress_in(
        &self,
        tx: &DatabaseTransaction,
        before: &RequestRecord,
        now: DateTime<Utc>,
    ) -> ServiceResult<bool> {
        let step = Step {
            to: RequestStatus::InProgress,
            action: "request.start",
            by: None,
            reason: None,
            review: false,
        };
        self.write_step(tx, before, RequestStatus::InProgress, &step, now)
            .await
    }

    /// Writes a checked move (`to`) in `tx`: the conditional status update, its change
    /// event, audit entry and mails. Returns whether the status was still the one read.
    async fn write_step(
        &self,
        tx: &DatabaseTransaction,
        before: &RequestRecord,
        to: RequestStatus,
        step: &Step<'_>,
        now: DateTime<Utc>,
    ) -> ServiceResult<bool> {
        let id = before.id;
        let from = before.status;
        let change = StatusChange {
            from,
            to,
            review: step
                .review
                .then_some(step.by)
                .flatten()
                .map(|m| (m, step.reason)),
            at: now,
        };
        if !requests::set_status(tx, id, change).await? {
            return Ok(false);
        }
        events::record(tx, Entity::Request, id.0, Op::Upsert, now).await?;
        audit::record(
            tx,
            AuditEntry {
                at: now,
                actor: step.by,
                action: step.action.into(),
                subject_type: "request".into(),
                subject_id: Some(id.to_string()),
                reason: step.reason.map(str::to_owned),
                details: Some(serde_json::json!({ "from": from, "to": to })),
            },
        )
        .await?;
        if step.review {
            let notice = notices::request_reviewed(&before.title, id, to, step.reason);
            for member in institutions::members(tx, before.institution_id).await? {
                if let Some(account) = accounts::find_by_id(tx, member).await? {
                    self.notify(tx, member, &notice, now).await?;
                    let text = mails::request_reviewed(
                        &self.config().public_url,
                        &account.email,
                        &account.display_name,
                        &before.title,
                        id,
                        to,
                        step.reason,
                    );
                    mail::enqueue(tx, text, now).await?;
                }
            }
        }
        Ok(true)
    }
}

/// A moderator's reason: trimmed, at most [`MAX_REASON`] characters, and present when
/// `required` (`BAD_USER_INPUT` on `reason` otherwise).
fn checked_reason(reason: Option<&str>, required: bool) -> ServiceResult<Option<&str>> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if required && reason.is_none() {
        return Err(ServiceError::bad_input(
            "reason",
            "say why; the institution's members will read it",
        ));
    }
    if reason.is_some_and(|r| r.chars().count() > MAX_REASON) {
        return Err(ServiceError::bad_input(
            "reason",
            format!("a reason has at most {MAX_REASON} characters"),
        ));
    }
    Ok(reason)
}
