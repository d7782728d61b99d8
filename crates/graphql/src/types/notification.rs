//! `Notification`: something that happened which concerns the signed-in account.

use async_graphql::{ID, Object};
use braingain_service::notifications::NotificationRecord;
use chrono::{DateTime, Utc};

/// A notification of the signed-in account (described on the GraphQL type below).
pub struct Notification(pub NotificationRecord);

/// Something that happened which concerns the signed-in account, written with the mail
/// about it. `kind` is one of these stable strings (new ones may be added):
/// `ENGAGEMENT_APPLIED` (an expert applied to your institution's request),
/// `ENGAGEMENT_INVITED` (an institution invited you), `ENGAGEMENT_ACCEPTED`,
/// `ENGAGEMENT_DECLINED`, `ENGAGEMENT_WITHDRAWN`, `ENGAGEMENT_COMPLETED` (the other side of
/// an engagement moved it), `MESSAGE_RECEIVED` (the other side wrote on an engagement),
/// `REQUEST_APPROVED`, `REQUEST_REJECTED`, `REQUEST_RETURNED` (sent back for changes),
/// `REQUEST_ON_HOLD`, `REQUEST_RESUMED`, `REQUEST_CLOSED` (a moderator paused, resumed or
/// closed it, with the reason), `REQUEST_CHANGED` (another moderator move) for your
/// institution's request, `EXPERTS_PROPOSED` (the programme proposed experts to it),
/// `ENGAGEMENT_PROPOSED` (the programme proposed you to a request), `INSTITUTION_VERIFIED`,
/// `INSTITUTION_REJECTED`, and the reminders `REMINDER_INVITATION` (an invitation has waited 7
/// days for your answer) and `REMINDER_APPLICATION` (an application has waited 7 days for your
/// institution's answer).
#[Object]
impl Notification {
    /// Identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// What happened: one of the stable kinds listed on the type.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// One sentence for the reader (plain text).
    async fn text(&self) -> &str {
        &self.0.text
    }
    /// The web app path of the thing it is about: `/engagements/<id>`, `/requests/<id>` or
    /// `/institutions/<id>`.
    async fn link(&self) -> &str {
        &self.0.link
    }
    /// When it was written.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// When it was marked read; null while unread.
    async fn read_at(&self) -> Option<DateTime<Utc>> {
        self.0.read_at
    }
}
