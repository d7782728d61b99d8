//! Reports of content: any signed-in account flags an expert profile, a request or a message
//! it can see; moderators find open reports in their queue, oldest first, with what they need
//! to judge (the subject as they see it, and the account behind it, which they may suspend),
//! and resolve or dismiss each with a note that goes into the audit log.
//!
//! A subject the reporter cannot see is `NOT_FOUND`, exactly like one that does not exist. A
//! reporter has one open report per subject: reporting it again answers `true` and changes
//! nothing (the first reason stands), so a double click or a retry is harmless and nothing is
//! revealed about earlier reports. A reporter files at most [`MAX_REPORTS_PER_HOUR`] reports
//! an hour (`RATE_LIMITED` with the wait), counted from the reports table itself, so every
//! replica enforces the same limit.

use crate::accounts::AccountView;
use crate::engagements::MessageView;
use crate::profiles::ProfileView;
use crate::requests::RequestView;
use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::report::{self, ReportAction};
use braingain_domain::{
    AccountId, MessageId, ProfileId, ReportId, ReportStatus, ReportSubjectType, RequestId,
};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::reports::{self, Decision, NewReport, ReportRecord};
use braingain_store::{StoreError, accounts, messages, profiles, requests};
use chrono::Duration;
use uuid::Uuid;

/// Reports one account may file in [`reports_window`].
pub const MAX_REPORTS_PER_HOUR: u64 = 10;
/// The most open reports the moderation queue lists at once (oldest first).
pub const MAX_OPEN_LISTED: u64 = 500;

/// The sliding window reports are counted in.
#[must_use]
pub fn reports_window() -> Duration {
    Duration::hours(1)
}

/// What a report is about, as a moderator sees it.
#[derive(Debug, Clone)]
pub enum ReportSubject {
    /// An expert's profile.
    Expert(Box<ProfileView>),
    /// A request.
    Request(Box<RequestView>),
    /// A message on an engagement.
    Message(Box<MessageView>),
}

/// A report with what a moderator needs to judge it.
#[derive(Debug, Clone)]
pub struct ReportView {
    /// The stored report.
    pub report: ReportRecord,
    /// Who reported it (their reports go with their account, so it is there; a placeholder
    /// named "Deleted account" covers a deletion racing the read).
    pub reporter: AccountView,
    /// The subject as the viewer sees it; `None` once it was deleted.
    pub subject: Option<ReportSubject>,
    /// The account behind the subject (the profile's owner, the message's author, the
    /// request's writer), the one a moderator may suspend; `None` if gone.
    pub subject_account: Option<AccountView>,
    /// One line saying what the subject is.
    pub subject_summary: String,
    /// The web app path where the subject is seen.
    pub subject_link: Option<String>,
    /// The moderator who decided, if any and still there.
    pub resolved_by: Option<AccountView>,
}

/// What a subject id names, as stored.
enum Found {
    Expert(ProfileId),
    Request(RequestId),
    Message(MessageId),
}

fn not_found() -> ServiceError {
    ServiceError::NotFound("nothing you can see has this id".into())
}

impl Service {
    /// The signed-in caller reports an expert profile, a request or a message they can see,
    /// with a reason (1 to 2,000 characters). Reporting the same subject again while the
    /// first report is open answers `true` and changes nothing.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn report_content(
        &self,
        actor: &Actor,
        subject_id: &str,
        reason: &str,
    ) -> ServiceResult<bool> {
        let session = actor.session()?;
        let reason = report::reason(reason)?;
        let subject = Uuid::parse_str(subject_id.trim())
            .map_err(|_| ServiceError::bad_input("subjectId", "this is not a valid id"))?;
        let kind = self.visible_subject(actor, subject).await?;
        let conn = self.store().conn();
        if reports::open_by(conn, session.account, subject)
            .await?
            .is_some()
        {
            return Ok(true);
        }
        let now = self.now();
        let (made, oldest) =
            reports::made_since(conn, session.account, now - reports_window()).await?;
        if made >= MAX_REPORTS_PER_HOUR {
            let until = oldest.unwrap_or(now) + reports_window();
            let secs = (until - now).num_seconds().max(1);
            return Err(ServiceError::RateLimited {
                retry_after_secs: u64::try_from(secs).unwrap_or(1),
            });
        }
        let new = NewReport {
            subject_type: kind,
            subject_id: subject,
            reason: &reason,
            reporter_id: session.account,
            at: now,
        };
        // A single statement: the partial unique index settles two identical reports sent
        // at once, and the loser's answer is the same `true`.
        match reports::create(conn, new).await {
            Ok(created) => {
                tracing::info!(report.id = %created.id, subject.kind = %kind, "content reported");
                Ok(true)
            }
            Err(StoreError::Conflict(_)) => Ok(true),
            Err(other) => Err(other.into()),
        }
    }

    /// Open reports, oldest first (moderators and admins).
    pub async fn open_reports(&self, actor: &Actor) -> ServiceResult<Vec<ReportView>> {
        actor.moderator()?;
        let open =
            reports::with_status(self.store().conn(), ReportStatus::Open, MAX_OPEN_LISTED).await?;
        let mut out = Vec::with_capacity(open.len());
        for record in open {
            out.push(self.view_report(actor, record).await?);
        }
        Ok(out)
    }

    /// A moderator resolves (something was done: the subject hidden, its author suspended)
    /// or dismisses (nothing to do) an open report, with a note (1 to 2,000 characters) that
    /// goes into the audit log. A report already decided is `CONFLICT`.
    #[tracing::instrument(skip_all, fields(report.id = %id), err(level = "debug"))]
    pub async fn resolve_report(
        &self,
        actor: &Actor,
        id: ReportId,
        action: ReportAction,
        note: &str,
    ) -> ServiceResult<ReportView> {
        let moderator = actor.moderator()?;
        let note = report::note(note, "note")?;
        let conn = self.store().conn();
        let before = reports::find_by_id(conn, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no report has this id".into()))?;
        if before.status != ReportStatus::Open {
            return Err(decided(before.status));
        }
        let now = self.now();
        let to = action.outcome();
        let tx = self.store().begin().await?;
        let decision = Decision {
            to,
            by: moderator.account,
            note: &note,
            at: now,
        };
        if !reports::decide(&tx, id, decision).await? {
            let current = reports::find_by_id(&tx, id).await?.map(|r| r.status);
            return Err(decided(current.unwrap_or(to)));
        }
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: Some(moderator.account),
                action: match action {
                    ReportAction::Resolve => "report.resolve",
                    ReportAction::Dismiss => "report.dismiss",
                }
                .into(),
                subject_type: "report".into(),
                subject_id: Some(id.to_string()),
                reason: Some(note.clone()),
                details: Some(serde_json::json!({
                    "subjectType": before.subject_type,
                    "subjectId": before.subject_id,
                    "reporter": before.reporter_id,
                    "reportReason": before.reason,
                })),
            },
        )
        .await?;
        let after = reports::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no report has this id".into()))?;
        braingain_store::commit(tx).await?;
        tracing::info!(report.id = %id, status = %to, "report decided");
        self.view_report(actor, after).await
    }

    /// What `subject` names, if `actor` may see it; `NOT_FOUND` otherwise, whether it is
    /// hidden from them or does not exist.
    async fn visible_subject(
        &self,
        actor: &Actor,
        subject: Uuid,
    ) -> ServiceResult<ReportSubjectType> {
        let found = self.find_subject(subject).await?.ok_or_else(not_found)?;
        let visible = match found {
            Found::Expert(id) => self.expert(actor, id).await?.is_some(),
            Found::Request(id) => self.request(actor, id).await?.is_some(),
            Found::Message(id) => self.visible_message(actor, id).await?.is_some(),
        };
        if !visible {
            return Err(not_found());
        }
        Ok(match found {
            Found::Expert(_) => ReportSubjectType::ExpertProfile,
            Found::Request(_) => ReportSubjectType::Request,
            Found::Message(_) => ReportSubjectType::Message,
        })
    }

    /// Which table holds `id`: ids are UUID v7 drawn for each row, so at most one does.
    async fn find_subject(&self, id: Uuid) -> ServiceResult<Option<Found>> {
        let conn = self.store().conn();
        if profiles::find_by_id(conn, ProfileId(id)).await?.is_some() {
            return Ok(Some(Found::Expert(ProfileId(id))));
        }
        if requests::find_by_id(conn, RequestId(id)).await?.is_some() {
            return Ok(Some(Found::Request(RequestId(id))));
        }
        if messages::find_by_id(conn, MessageId(id)).await?.is_some() {
            return Ok(Some(Found::Message(MessageId(id))));
        }
        Ok(None)
    }

    /// The message, if `actor` sees its engagement (one of its sides, or a moderator).
    async fn visible_message(
        &self,
        actor: &Actor,
        id: MessageId,
    ) -> ServiceResult<Option<(MessageView, String)>> {
        let Some(record) = messages::find_by_id(self.store().conn(), id).await? else {
            return Ok(None);
        };
        if self
            .engagement(actor, record.engagement_id)
            .await?
            .is_none()
        {
            return Ok(None);
        }
        let link = crate::notifications::engagement_path(record.engagement_id);
        let mut views = self.view_messages(actor, vec![record]).await?;
        Ok(views.pop().map(|v| (v, link)))
    }

    async fn view_report(&self, actor: &Actor, record: ReportRecord) -> ServiceResult<ReportView> {
        let reporter = self
            .account_view(actor, Some(record.reporter_id))
            .await?
            .unwrap_or_else(|| AccountView {
                id: AccountId(Uuid::nil()),
                email: None,
                display_name: "Deleted account".to_owned(),
                role: braingain_domain::Role::Expert,
                status: braingain_domain::AccountStatus::Suspended,
                created_at: record.created_at,
            });
        let resolved_by = self.account_view(actor, record.resolved_by).await?;
        let (subject, owner, summary, link) = match record.subject_type {
            ReportSubjectType::ExpertProfile => {
                match self.expert(actor, ProfileId(record.subject_id)).await? {
                    Some(view) => {
                        let owner = Some(view.profile.account_id);
                        let summary =
                            format!("Expert {}: {}", view.display_name, view.profile.headline);
                        let link = format!("/experts/{}", view.profile.id);
                        (
                            Some(ReportSubject::Expert(Box::new(view))),
                            owner,
                            summary,
                            Some(link),
                        )
                    }
                    None => (None, None, "A deleted expert profile".into(), None),
                }
            }
            ReportSubjectType::Request => {
                match self.request(actor, RequestId(record.subject_id)).await? {
                    Some(view) => {
                        let owner = view.request.created_by;
                        let summary = format!(
                            "Request \"{}\" by {} ({})",
                            view.request.title, view.institution.name, view.request.status
                        );
                        let link = crate::notifications::request_path(view.request.id);
                        (
                            Some(ReportSubject::Request(Box::new(view))),
                            owner,
                            summary,
                            Some(link),
                        )
                    }
                    None => (None, None, "A deleted request".into(), None),
                }
            }
            ReportSubjectType::Message => {
                match self
                    .visible_message(actor, MessageId(record.subject_id))
                    .await?
                {
                    Some((view, link)) => {
                        let owner = view.message.author_id;
                        let summary = format!(
                            "Message by {}: {}",
                            view.author.display_name,
                            excerpt(&view.message.body, 200)
                        );
                        (
                            Some(ReportSubject::Message(Box::new(view))),
                            owner,
                            summary,
                            Some(link),
                        )
                    }
                    None => (None, None, "A deleted message".into(), None),
                }
            }
        };
        let subject_account = self.account_view(actor, owner).await?;
        Ok(ReportView {
            report: record,
            reporter,
            subject,
            subject_account,
            subject_summary: summary,
            subject_link: link,
            resolved_by,
        })
    }

    /// The account as `actor` may see it, if it exists.
    pub(crate) async fn account_view(
        &self,
        actor: &Actor,
        id: Option<AccountId>,
    ) -> ServiceResult<Option<AccountView>> {
        let Some(id) = id else {
            return Ok(None);
        };
        Ok(accounts::find_by_id(self.store().conn(), id)
            .await?
            .map(|a| AccountView::of(a, actor)))
    }
}

fn decided(status: ReportStatus) -> ServiceError {
    ServiceError::Conflict {
        field: None,
        message: format!("this report was already decided ({status})"),
    }
}

/// The first `max` characters of `text` on one line, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_one_line_and_cut_with_an_ellipsis() {
        assert_eq!(excerpt("a\n b", 10), "a b");
        assert_eq!(excerpt("abcdef", 3), "abc…");
    }
}
