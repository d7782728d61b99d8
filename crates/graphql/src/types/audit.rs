//! `AuditEntry`: one line of the audit log, as administrators read it.

use super::account::Account;
use async_graphql::{ID, Object};
use braingain_service::moderation::AuditRow;
use chrono::{DateTime, Utc};

/// Who did what to what, when and why.
pub struct AuditEntry(pub AuditRow);

#[Object]
impl AuditEntry {
    /// The entry's position in the log, as a cursor for `auditLog(after:)`.
    async fn cursor(&self) -> String {
        braingain_service::moderation::audit_cursor(self.0.position)
    }
    /// When it happened.
    async fn at(&self) -> DateTime<Utc> {
        self.0.entry.at
    }
    /// Who did it; null for the system or the command line, or once the account is deleted.
    async fn actor(&self) -> Option<Account> {
        self.0.actor.clone().map(Account)
    }
    /// The id of the account that did it, even when the account no longer resolves.
    async fn actor_id(&self) -> Option<ID> {
        self.0.entry.actor.map(|a| ID(a.to_string()))
    }
    /// What was done (`request.hold`, `report.dismiss`, `account.suspend`, ...).
    async fn action(&self) -> &str {
        &self.0.entry.action
    }
    /// The kind of thing acted on (`request`, `report`, `account`, ...).
    async fn subject_type(&self) -> &str {
        &self.0.entry.subject_type
    }
    /// Which one.
    async fn subject_id(&self) -> Option<&str> {
        self.0.entry.subject_id.as_deref()
    }
    /// Why, as the actor gave it.
    async fn reason(&self) -> Option<&str> {
        self.0.entry.reason.as_deref()
    }
    /// Further facts, as a JSON object in a string.
    async fn details(&self) -> Option<String> {
        self.0.entry.details.as_ref().map(ToString::to_string)
    }
}
