//! `Report`, what it is about (`ReportSubject`), and the report enums.

use super::account::Account;
use super::engagement::Message;
use super::profile::ExpertProfile;
use super::request::Request;
use async_graphql::{Enum, ID, Object, Union};
use braingain_service::moderation::{self, ReportView};
use chrono::{DateTime, Utc};

/// The kind of thing a report is about.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::ReportSubjectType")]
pub enum ReportSubjectType {
    /// An expert's profile.
    ExpertProfile,
    /// An institution's request.
    Request,
    /// A message on an engagement.
    Message,
}

/// Where a report stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::ReportStatus")]
pub enum ReportStatus {
    /// Waiting for a moderator.
    Open,
    /// A moderator acted on it.
    Resolved,
    /// A moderator found nothing to act on.
    Dismissed,
}

/// What a moderator does with an open report.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::report::ReportAction")]
pub enum ReportAction {
    /// Something was done about it (hidden, suspended, closed, ...).
    Resolve,
    /// Nothing needed doing.
    Dismiss,
}

/// The reported thing, as the moderator sees it.
#[derive(Union)]
pub enum ReportSubject {
    /// An expert's profile.
    Expert(ExpertProfile),
    /// A request.
    Request(Request),
    /// A message on an engagement.
    Message(Message),
}

/// A report of content to the moderators (seen by moderators only).
pub struct Report(pub ReportView);

#[Object]
impl Report {
    /// Identifier.
    async fn id(&self) -> ID {
        ID(self.0.report.id.to_string())
    }
    /// The id of the reported profile, request or message.
    async fn subject_id(&self) -> ID {
        ID(self.0.report.subject_id.to_string())
    }
    /// What kind of thing it is.
    async fn subject_type(&self) -> ReportSubjectType {
        self.0.report.subject_type.into()
    }
    /// The reported thing; null once it was deleted.
    async fn subject(&self) -> Option<ReportSubject> {
        self.0.subject.clone().map(|s| match s {
            moderation::ReportSubject::Expert(v) => ReportSubject::Expert(ExpertProfile(*v)),
            moderation::ReportSubject::Request(v) => ReportSubject::Request(Request(*v)),
            moderation::ReportSubject::Message(v) => ReportSubject::Message(Message(*v)),
        })
    }
    /// One line saying what the subject is ("Expert Ada Obi: Hydrologist").
    async fn subject_summary(&self) -> &str {
        &self.0.subject_summary
    }
    /// The web app path where the subject is seen (`/requests/<id>`, `/engagements/<id>`).
    async fn subject_link(&self) -> Option<&str> {
        self.0.subject_link.as_deref()
    }
    /// The account behind the subject (the profile's owner, the message's author, the
    /// request's writer): the one `suspendAccount` would act on. Null if gone.
    async fn subject_account(&self) -> Option<Account> {
        self.0.subject_account.clone().map(Account)
    }
    /// Why it was reported (plain text).
    async fn reason(&self) -> &str {
        &self.0.report.reason
    }
    /// Who reported it.
    async fn reporter(&self) -> Account {
        Account(self.0.reporter.clone())
    }
    /// When.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.report.created_at
    }
    /// Where it stands.
    async fn status(&self) -> ReportStatus {
        self.0.report.status.into()
    }
    /// The moderator who decided.
    async fn resolved_by(&self) -> Option<Account> {
        self.0.resolved_by.clone().map(Account)
    }
    /// When it was decided.
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.report.resolved_at
    }
    /// The moderator's note on the decision.
    async fn resolution_note(&self) -> Option<&str> {
        self.0.report.resolution_note.as_deref()
    }
}
