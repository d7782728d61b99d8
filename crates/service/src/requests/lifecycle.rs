//! Moving requests through their lifecycle: members submit and close them, moderators
//! approve, reject or send them back for changes, put a stalled request on hold and resume
//! it, and close requests with a reason the institution reads. Every move is checked against
//! the domain's state machine, applied with a conditional update (so of two concurrent moves
//! exactly one wins; the other is a `CONFLICT`), and written in one transaction with its
//! change event, audit entry and, for the moderators' decisions, the mail and notification to
//! the institution's members.

use super::{RequestView, gone};
use crate::moderation::decisions;
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

    /// A moderator puts an OPEN or `IN_PROGRESS` request on hold (→ `ON_HOLD`), with a reason
    /// its institution's members read on the request, in a mail and a notification. It takes
    /// no experts (no applications, invitations, acceptances) until it is resumed.
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn hold_request(
        &self,
        actor: &Actor,
        id: RequestId,
        reason: &str,
    ) -> ServiceResult<RequestView> {
        let moderator = actor.moderator()?;
        let reason = checked_reason(Some(reason), true)?;
        let before = self.request_record(id).await?;
        let step = Step {
            to: RequestStatus::OnHold,
            action: decisions::HOLD,
            by: Some(moderator.account),
            reason,
            review: true,
        };
        self.apply_step(before, step).await
    }

    /// A moderator resumes a request on hold: back to `IN_PROGRESS` when an engagement on it
    /// was accepted (or completed), else OPEN. An optional reason replaces the hold's reason
    /// on the request (none clears it); the members are told.
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn resume_request(
        &self,
        actor: &Actor,
        id: RequestId,
        reason: Option<&str>,
    ) -> ServiceResult<RequestView> {
        let moderator = actor.moderator()?;
        let reason = checked_reason(reason, false)?;
        let before = self.request_record(id).await?;
        let staffed = braingain_store::engagements::of_request(self.store().conn(), id)
            .await?
            .iter()
            .any(|e| {
                matches!(
                    e.status,
                    braingain_domain::EngagementStatus::Accepted
                        | braingain_domain::EngagementStatus::Completed
                )
            });
        let to = before
            .status
            .resume(staffed)
            .map_err(|e| ServiceError::Conflict {
                field: None,
                message: e.to_string(),
            })?;
        let step = Step {
            to,
            action: decisions::RESUME,
            by: Some(moderator.account),
            reason,
            review: true,
        };
        self.apply_step(before, step).await
    }

    /// A member or a moderator closes a request: COMPLETED when `completed` (only work under
    /// way, `IN_PROGRESS`, can be), else CANCELLED (from DRAFT, `IN_REVIEW`, OPEN,
    /// `IN_PROGRESS` or `ON_HOLD`). The optional `reason` (at most 2,000 characters) goes into
    /// the audit log; a moderator's closing is a decision: the reason is kept on the request
    /// and the institution's members are told.
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn close_request(
        &self,
        actor: &Actor,
        id: RequestId,
        completed: bool,
        reason: Option<&str>,
    ) -> ServiceResult<RequestView> {
        let session = actor.session()?;
        let reason = checked_reason(reason, false)?;
        let before = self.request_record(id).await?;
        let moderating = actor.is_moderator();
        if !moderating {
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
                decisions::COMPLETE
            } else {
                decisions::CANCEL
            },
            by: Some(session.account),
            reason,
            review: moderating,
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
            let notice = decisions::notice(step.action, &before.title, id, step.reason)
                .unwrap_or_else(|| notices::request_reviewed(&before.title, id, to, step.reason));
            for member in institutions::members(tx, before.institution_id).await? {
                if let Some(account) = accounts::find_by_id(tx, member).await? {
                    self.notify(tx, member, &notice, now).await?;
                    let url = &self.config().public_url;
                    let (email, name) = (&account.email, &account.display_name);
                    let text = decisions::mail(
                        step.action,
                        url,
                        email,
                        name,
                        &before.title,
                        id,
                        step.reason,
                    )
                    .unwrap_or_else(|| {
                        mails::request_reviewed(
                            url,
                            email,
                            name,
                            &before.title,
                            id,
                            to,
                            step.reason,
                        )
                    });
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
