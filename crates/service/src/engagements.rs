//! Engagements between experts and requests: an expert applies or an institution's member
//! invites, the other side accepts or declines, the side that started withdraws, and the work
//! is completed with the hours given. The moves are the domain's state machine
//! (`braingain_domain::engagement`); each is a conditional update written in one transaction
//! with its change event, audit entry and a mail to the other side. Who sees which
//! engagements lives in `engagements/views.rs`; what each move writes besides the engagement,
//! in `engagements/effects.rs`; the messages the two sides exchange, in
//! `engagements/messages.rs`.

mod effects;
mod messages;
pub mod reminders;
mod views;

use crate::mails::EngagementNews;
use crate::{Actor, Service, ServiceError, ServiceResult, Session};
use braingain_domain::engagement::{self, EngagementError, Move};
use braingain_domain::{
    AccountId, AccountStatus, EngagementId, EngagementStatus, ProfileId, RequestId, RequestStatus,
    Role, Side,
};
pub use braingain_store::engagements::EngagementRecord;
use braingain_store::engagements::{self, NewEngagement, Transition};
use braingain_store::requests::RequestRecord;
use braingain_store::{StoreError, accounts, institutions, profiles};

pub use messages::MessageView;
pub use views::EngagementView;

/// What a move records besides the new status.
#[derive(Debug, Clone, Copy, Default)]
struct Extra<'a> {
    /// Why it was declined.
    reason: Option<&'a str>,
    /// Hours given and feedback, on completion.
    completion: Option<(i32, Option<&'a str>)>,
}

impl Service {
    /// An expert with an active account and a profile applies to an OPEN request (or one
    /// already `IN_PROGRESS`: a request may be staffed by a team). The institution's members
    /// get a mail.
    #[tracing::instrument(skip_all, fields(request.id = %request_id), err(level = "debug"))]
    pub async fn apply_to_request(
        &self,
        actor: &Actor,
        request_id: RequestId,
        message: &str,
    ) -> ServiceResult<EngagementView> {
        let session = active(actor)?;
        if session.role != Role::Expert {
            return Err(ServiceError::forbidden("only experts apply to requests"));
        }
        let message = engagement::message(message)?;
        let profile = profiles::find_by_account(self.store().conn(), session.account)
            .await?
            .ok_or_else(|| ServiceError::forbidden("write your expert profile before applying"))?;
        let request = self.request_record(request_id).await?;
        if !request.status.is_public() {
            return Err(ServiceError::NotFound("no request has this id".into()));
        }
        takes_experts(request.status)?;
        self.open_engagement(actor, Side::Expert, &request, profile.id, &message)
            .await
    }

    /// A member of the request's institution invites an expert (searchable: an active expert
    /// whose profile is not hidden) to an OPEN or `IN_PROGRESS` request. The expert gets a
    /// mail.
    #[tracing::instrument(skip_all, fields(request.id = %request_id), err(level = "debug"))]
    pub async fn invite_expert(
        &self,
        actor: &Actor,
        request_id: RequestId,
        expert: ProfileId,
        message: &str,
    ) -> ServiceResult<EngagementView> {
        let session = actor.session()?;
        let request = self.request_record(request_id).await?;
        self.institution_for_member(session, request.institution_id)
            .await?;
        let message = engagement::message(message)?;
        takes_experts(request.status)?;
        let unknown = || ServiceError::NotFound("no expert has this id".into());
        let profile = profiles::find_by_id(self.store().conn(), expert)
            .await?
            .ok_or_else(unknown)?;
        let owner = accounts::find_by_id(self.store().conn(), profile.account_id)
            .await?
            .ok_or_else(unknown)?;
        if !crate::indexer::searchable(&owner, &profile) {
            return Err(unknown());
        }
        self.open_engagement(actor, Side::Institution, &request, profile.id, &message)
            .await
    }

    /// The side that did not start an engagement accepts it (the request becomes
    /// `IN_PROGRESS` if it was OPEN, in the same transaction) or declines it, perhaps with a
    /// reason.
    #[tracing::instrument(skip_all, fields(engagement.id = %id), err(level = "debug"))]
    pub async fn respond_to_engagement(
        &self,
        actor: &Actor,
        id: EngagementId,
        accept: bool,
        reason: Option<&str>,
    ) -> ServiceResult<EngagementView> {
        let reason = engagement::reason(reason)?;
        let (mv, extra) = if accept {
            (Move::Accept, Extra::default())
        } else {
            let extra = Extra {
                reason: reason.as_deref(),
                completion: None,
            };
            (Move::Decline, extra)
        };
        self.move_engagement(actor, id, mv, extra).await
    }

    /// The side that started an engagement withdraws it while unanswered; either side
    /// withdraws from an ACCEPTED one.
    #[tracing::instrument(skip_all, fields(engagement.id = %id), err(level = "debug"))]
    pub async fn withdraw_engagement(
        &self,
        actor: &Actor,
        id: EngagementId,
    ) -> ServiceResult<EngagementView> {
        self.move_engagement(actor, id, Move::Withdraw, Extra::default())
            .await
    }

    /// Either side records an ACCEPTED engagement as done, with the hours given (0 to
    /// 10,000) and optional feedback.
    #[tracing::instrument(skip_all, fields(engagement.id = %id), err(level = "debug"))]
    pub async fn complete_engagement(
        &self,
        actor: &Actor,
        id: EngagementId,
        hours_given: i32,
        feedback: Option<&str>,
    ) -> ServiceResult<EngagementView> {
        let (hours, feedback) = engagement::completion(hours_given, feedback)?;
        let extra = Extra {
            reason: None,
            completion: Some((hours, feedback.as_deref())),
        };
        self.move_engagement(actor, id, Move::Complete, extra).await
    }

    async fn open_engagement(
        &self,
        actor: &Actor,
        initiator: Side,
        request: &RequestRecord,
        expert: ProfileId,
        message: &str,
    ) -> ServiceResult<EngagementView> {
        let by = actor.session()?.account;
        if engagements::has_live(self.store().conn(), request.id, expert).await? {
            return Err(duplicate());
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        let new = NewEngagement {
            request_id: request.id,
            expert_profile_id: expert,
            initiated_by: initiator,
            message,
            created_by: by,
            at: now,
        };
        // The partial unique index settles a race between two identical openings.
        let created = match engagements::create(&tx, new).await {
            Ok(created) => created,
            Err(StoreError::Conflict(_)) => return Err(duplicate()),
            Err(other) => return Err(other.into()),
        };
        let (action, news) = match initiator {
            Side::Expert => ("engagement.apply", EngagementNews::Applied),
            Side::Institution => ("engagement.invite", EngagementNews::Invited),
        };
        self.record_move(&tx, &created, by, action, None, now)
            .await?;
        self.mail_side(&tx, &created, request, initiator.other(), news, now)
            .await?;
        braingain_store::commit(tx).await?;
        self.moved();
        tracing::info!(engagement.id = %created.id, %initiator, "engagement opened");
        self.view_engagement(actor, created).await
    }

    async fn move_engagement(
        &self,
        actor: &Actor,
        id: EngagementId,
        mv: Move,
        extra: Extra<'_>,
    ) -> ServiceResult<EngagementView> {
        let session = active(actor)?;
        let before = engagements::find_by_id(self.store().conn(), id)
            .await?
            .ok_or_else(gone)?;
        let request = self.request_record(before.request_id).await?;
        let side = self
            .side_of(session.account, &before, &request)
            .await?
            .ok_or_else(|| {
                ServiceError::forbidden(
                    "only the expert and the institution's members act on an engagement",
                )
            })?;
        let to = before
            .status
            .after(mv, side, before.initiated_by)
            .map_err(|e| match e {
                EngagementError::IllegalTransition { .. } => ServiceError::Conflict {
                    field: None,
                    message: e.to_string(),
                },
                EngagementError::WrongSide(why) => ServiceError::forbidden(why),
            })?;
        if to == EngagementStatus::Accepted {
            takes_experts(request.status)?;
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        let change = Transition {
            from: before.status,
            to,
            decline_reason: extra.reason,
            completion: extra.completion,
            at: now,
        };
        if !engagements::set_status(&tx, id, change).await? {
            return Err(changed());
        }
        if to == EngagementStatus::Accepted && request.status == RequestStatus::Open {
            self.start_request(&tx, &request, now).await?;
        }
        let action = match mv {
            Move::Accept => "engagement.accept",
            Move::Decline => "engagement.decline",
            Move::Withdraw => "engagement.withdraw",
            Move::Complete => "engagement.complete",
        };
        let after = engagements::find_by_id(&tx, id).await?.ok_or_else(gone)?;
        self.record_move(&tx, &after, session.account, action, extra.reason, now)
            .await?;
        let news = match mv {
            Move::Accept => EngagementNews::Accepted,
            Move::Decline => EngagementNews::Declined(extra.reason),
            Move::Withdraw => EngagementNews::Withdrawn,
            Move::Complete => EngagementNews::Completed,
        };
        self.mail_side(&tx, &after, &request, side.other(), news, now)
            .await?;
        braingain_store::commit(tx).await?;
        self.moved();
        tracing::info!(engagement.id = %id, from = %before.status, %to, "engagement moved");
        self.view_engagement(actor, after).await
    }

    /// Which side of the engagement `account` is on, if any.
    async fn side_of(
        &self,
        account: AccountId,
        engagement: &EngagementRecord,
        request: &RequestRecord,
    ) -> ServiceResult<Option<Side>> {
        let conn = self.store().conn();
        let expert = profiles::find_by_id(conn, engagement.expert_profile_id).await?;
        if expert.is_some_and(|p| p.account_id == account) {
            return Ok(Some(Side::Expert));
        }
        if institutions::is_member(conn, request.institution_id, account).await? {
            return Ok(Some(Side::Institution));
        }
        Ok(None)
    }

    fn moved(&self) {
        self.changes_committed();
        self.inner.mail_queued.notify_one();
    }
}

/// The caller's session, if their account is active (`FORBIDDEN` until the email address is
/// confirmed).
fn active(actor: &Actor) -> ServiceResult<&Session> {
    let session = actor.session()?;
    if session.status != AccountStatus::Active {
        return Err(ServiceError::forbidden("confirm your email address first"));
    }
    Ok(session)
}

/// `CONFLICT` unless the request takes experts (OPEN, or `IN_PROGRESS` for a team).
fn takes_experts(status: RequestStatus) -> ServiceResult<()> {
    match status {
        RequestStatus::Open | RequestStatus::InProgress => Ok(()),
        other => Err(ServiceError::Conflict {
            field: None,
            message: format!("this request is {other}: it takes no experts now"),
        }),
    }
}

fn duplicate() -> ServiceError {
    ServiceError::Conflict {
        field: None,
        message: "this expert already has an open engagement on this request".into(),
    }
}

fn changed() -> ServiceError {
    ServiceError::Conflict {
        field: None,
        message: "the engagement changed meanwhile (the other side acted on it); reload it".into(),
    }
}

pub(crate) fn gone() -> ServiceError {
    ServiceError::NotFound("no engagement has this id".into())
}
