//! The programme's moderation work beside the request lifecycle: reports of content
//! (`moderation/reports.rs`), experts proposed to a request on its institution's behalf
//! (`moderation/proposals.rs`), requests that have gone quiet (`moderation/stalled.rs`) and
//! the audit log read by administrators (`moderation/audit_log.rs`). Putting a request on
//! hold, resuming it and closing it with a reason are lifecycle moves
//! (`requests/lifecycle.rs`).

mod audit_log;
pub mod decisions;
mod proposals;
mod reports;
mod stalled;

pub use audit_log::{
    AuditLogPage, AuditRow, DEFAULT_PAGE as DEFAULT_AUDIT_PAGE, MAX_PAGE as MAX_AUDIT_PAGE,
    cursor as audit_cursor,
};
pub use proposals::MAX_PROPOSED;
pub use reports::{
    MAX_OPEN_LISTED, MAX_REPORTS_PER_HOUR, ReportSubject, ReportView, reports_window,
};
pub use stalled::{DEFAULT_STALLED_DAYS, StalledRequest};
