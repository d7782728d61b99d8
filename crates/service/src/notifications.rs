//! In-app notifications: what happened that concerns an account, written by the use case that
//! made it happen, inside its transaction and next to the mail it queues
//! ([`Service::notify`]); listed by and marked read by that account only.
//!
//! A notification's `kind` is one of the stable strings in [`kind`]; its `link` is the web
//! app path of the thing it is about (`/engagements/<id>`, `/requests/<id>`,
//! `/institutions/<id>`), and mails link to the same place under the public URL.

pub mod notices;

use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::{AccountId, EngagementId, InstitutionId, NotificationId, RequestId};
use braingain_store::DatabaseTransaction;
use braingain_store::notifications::{self, NewNotification};
use chrono::{DateTime, Utc};

pub use braingain_store::notifications::NotificationRecord;

/// Notifications listed at once when the caller does not say (`first`).
pub const DEFAULT_PAGE: i32 = 50;
/// The most notifications listed at once.
pub const MAX_PAGE: i32 = 200;
/// The most ids one `markNotificationsRead` may name.
pub const MAX_MARK: usize = 500;

/// The kinds of notification: stable upper-case strings clients may switch on. New kinds
/// may be added; existing ones keep their meaning.
pub mod kind {
    /// An expert applied to one of the institution's requests (to its members).
    pub const ENGAGEMENT_APPLIED: &str = "ENGAGEMENT_APPLIED";
    /// An institution invited the expert to a request (to the expert).
    pub const ENGAGEMENT_INVITED: &str = "ENGAGEMENT_INVITED";
    /// The other side accepted the application or invitation.
    pub const ENGAGEMENT_ACCEPTED: &str = "ENGAGEMENT_ACCEPTED";
    /// The other side declined it.
    pub const ENGAGEMENT_DECLINED: &str = "ENGAGEMENT_DECLINED";
    /// The other side withdrew.
    pub const ENGAGEMENT_WITHDRAWN: &str = "ENGAGEMENT_WITHDRAWN";
    /// The other side recorded the work as completed.
    pub const ENGAGEMENT_COMPLETED: &str = "ENGAGEMENT_COMPLETED";
    /// The other side of an engagement wrote a message.
    pub const MESSAGE_RECEIVED: &str = "MESSAGE_RECEIVED";
    /// A moderator approved the institution's request: it is OPEN.
    pub const REQUEST_APPROVED: &str = "REQUEST_APPROVED";
    /// A moderator rejected the institution's request.
    pub const REQUEST_REJECTED: &str = "REQUEST_REJECTED";
    /// A moderator sent the institution's request back for changes.
    pub const REQUEST_RETURNED: &str = "REQUEST_RETURNED";
    /// A moderator moved the institution's request otherwise (no more specific kind).
    pub const REQUEST_CHANGED: &str = "REQUEST_CHANGED";
    /// A moderator put the institution's request on hold, saying why.
    pub const REQUEST_ON_HOLD: &str = "REQUEST_ON_HOLD";
    /// A moderator resumed the institution's request.
    pub const REQUEST_RESUMED: &str = "REQUEST_RESUMED";
    /// A moderator closed the institution's request (cancelled or completed), perhaps saying
    /// why.
    pub const REQUEST_CLOSED: &str = "REQUEST_CLOSED";
    /// The programme's moderators proposed the expert to a request (to the expert).
    pub const ENGAGEMENT_PROPOSED: &str = "ENGAGEMENT_PROPOSED";
    /// The programme's moderators proposed experts to the institution's request (to its
    /// members).
    pub const EXPERTS_PROPOSED: &str = "EXPERTS_PROPOSED";
    /// A moderator verified the institution.
    pub const INSTITUTION_VERIFIED: &str = "INSTITUTION_VERIFIED";
    /// A moderator refused to verify the institution.
    pub const INSTITUTION_REJECTED: &str = "INSTITUTION_REJECTED";
    /// An invitation has waited 7 days for the expert's answer (to the expert).
    pub const REMINDER_INVITATION: &str = "REMINDER_INVITATION";
    /// An application has waited 7 days for the institution's answer (to its members).
    pub const REMINDER_APPLICATION: &str = "REMINDER_APPLICATION";
}

/// The web app path of an engagement.
#[must_use]
pub fn engagement_path(id: EngagementId) -> String {
    format!("/engagements/{id}")
}

/// The web app path of a request.
#[must_use]
pub fn request_path(id: RequestId) -> String {
    format!("/requests/{id}")
}

/// The web app path of an institution.
#[must_use]
pub fn institution_path(id: InstitutionId) -> String {
    format!("/institutions/{id}")
}

/// What to tell an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// One of the [`kind`] strings.
    pub kind: &'static str,
    /// One sentence for the reader (plain text).
    pub text: String,
    /// The web app path of the thing it is about, e.g. from [`engagement_path`].
    pub link: String,
}

impl Service {
    /// Writes `notice` for `account` in `tx`, the transaction of the event it tells of, so
    /// the notification exists exactly when the event does. Call it beside the mail.
    pub async fn notify(
        &self,
        tx: &DatabaseTransaction,
        account: AccountId,
        notice: &Notice,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        let new = NewNotification {
            account_id: account,
            kind: notice.kind,
            text: &notice.text,
            link: &notice.link,
            at: now,
        };
        notifications::insert(tx, new).await?;
        Ok(())
    }

    /// The absolute URL of a web app path (see [`engagement_path`]), for mails.
    #[must_use]
    pub fn web_url(&self, path: &str) -> String {
        format!("{}{path}", self.config().public_url)
    }

    /// The signed-in caller's notifications, newest first: the unread ones only if
    /// `unread_only`, at most `first` (default 50, clamped to 1..=200).
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn notifications(
        &self,
        actor: &Actor,
        unread_only: bool,
        first: Option<i32>,
    ) -> ServiceResult<Vec<NotificationRecord>> {
        let session = actor.session()?;
        let limit = first.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
        let limit = u64::try_from(limit).unwrap_or(1);
        Ok(
            notifications::of_account(self.store().conn(), session.account, unread_only, limit)
                .await?,
        )
    }

    /// How many of the signed-in caller's notifications are unread.
    pub async fn unread_notification_count(&self, actor: &Actor) -> ServiceResult<u64> {
        let session = actor.session()?;
        Ok(notifications::unread_count(self.store().conn(), session.account).await?)
    }

    /// Marks the caller's notifications among `ids` read and returns how many were unread
    /// until now. Ids of other accounts' notifications (or of none) are ignored, never
    /// revealed: they count for nothing. An empty list marks nothing; more than 500 ids is
    /// `BAD_USER_INPUT` on `ids`.
    #[tracing::instrument(skip_all, fields(ids = ids.len()), err(level = "debug"))]
    pub async fn mark_notifications_read(
        &self,
        actor: &Actor,
        ids: &[NotificationId],
    ) -> ServiceResult<u64> {
        let session = actor.session()?;
        if ids.len() > MAX_MARK {
            return Err(ServiceError::bad_input(
                "ids",
                format!("at most {MAX_MARK} notifications may be marked at once"),
            ));
        }
        let now = self.now();
        Ok(notifications::mark_read(self.store().conn(), session.account, ids, now).await?)
    }
}
