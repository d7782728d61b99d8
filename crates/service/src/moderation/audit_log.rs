//! The audit log as administrators read it: newest first, filtered by actor or subject, in
//! pages keyed by the log position (so a page stays stable while entries are appended).

use crate::accounts::AccountView;
use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::AccountId;
use braingain_store::audit::{self, AuditEntry, AuditFilter};
use std::collections::HashMap;

/// Entries listed when the caller does not say.
pub const DEFAULT_PAGE: i32 = 50;
/// The most entries listed at once.
pub const MAX_PAGE: i32 = 200;

/// One entry with its position and its actor as the reader sees them.
#[derive(Debug, Clone)]
pub struct AuditRow {
    /// Position in the log (the page cursor).
    pub position: i64,
    /// The entry.
    pub entry: AuditEntry,
    /// Who did it, if an account did and it still exists.
    pub actor: Option<AccountView>,
}

/// A page of the log.
#[derive(Debug, Clone)]
pub struct AuditLogPage {
    /// The entries, newest first.
    pub rows: Vec<AuditRow>,
    /// Whether older entries follow.
    pub has_next: bool,
    /// How many entries match the filter in all.
    pub total: u64,
}

/// The cursor of the entry at `position`.
#[must_use]
pub fn cursor(position: i64) -> String {
    position.to_string()
}

impl Service {
    /// Up to `first` (1 to 200) audit entries, newest first, older than the entry whose
    /// cursor is `after`, only `actor_id`'s and only about `subject_id` when given
    /// (administrators only).
    pub async fn audit_log(
        &self,
        actor: &Actor,
        first: i32,
        after: Option<&str>,
        actor_id: Option<AccountId>,
        subject_id: Option<&str>,
    ) -> ServiceResult<AuditLogPage> {
        actor.admin()?;
        if !(1..=MAX_PAGE).contains(&first) {
            return Err(ServiceError::bad_input(
                "first",
                format!("ask for 1 to {MAX_PAGE} entries"),
            ));
        }
        let before = match after {
            Some(text) => Some(
                text.trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|p| *p > 0)
                    .ok_or_else(|| {
                        ServiceError::bad_input("after", "this is not a cursor of the audit log")
                    })?,
            ),
            None => None,
        };
        let filter = AuditFilter {
            actor: actor_id,
            subject_id: subject_id.map(|s| s.trim().to_owned()),
        };
        let conn = self.store().conn();
        let limit = u64::try_from(first).unwrap_or(1);
        let mut rows = audit::page(conn, &filter, before, limit + 1).await?;
        let has_next = rows.len() as u64 > limit;
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let total = audit::count(conn, &filter).await?;
        let mut actors: HashMap<AccountId, Option<AccountView>> = HashMap::new();
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let view = match row.entry.actor {
                Some(id) => match actors.get(&id) {
                    Some(found) => found.clone(),
                    None => {
                        let found = self.account_view(actor, Some(id)).await?;
                        actors.insert(id, found.clone());
                        found
                    }
                },
                None => None,
            };
            out.push(AuditRow {
                position: row.id,
                entry: row.entry,
                actor: view,
            });
        }
        Ok(AuditLogPage {
            rows: out,
            has_next,
            total,
        })
    }
}
