//! Reports of content to the moderators, and the moderators' decisions about them and about
//! requests: what a reporter and a moderator may write.

use crate::ValidationError;
use crate::text::bounded;

/// Longest reason a reporter may give, in characters.
pub const MAX_REASON: usize = 2000;
/// Longest note a moderator may give with a decision, in characters.
pub const MAX_NOTE: usize = 2000;

/// What a moderator does with an open report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportAction {
    /// Something was done about it (the subject was hidden, its author suspended, ...).
    Resolve,
    /// Nothing needed doing.
    Dismiss,
}

impl ReportAction {
    /// The report's status after this action.
    #[must_use]
    pub fn outcome(self) -> crate::ReportStatus {
        match self {
            ReportAction::Resolve => crate::ReportStatus::Resolved,
            ReportAction::Dismiss => crate::ReportStatus::Dismissed,
        }
    }
}

/// A reporter's reason: trimmed, 1 to [`MAX_REASON`] characters, no control characters but
/// line breaks and tabs (`BAD_USER_INPUT` on `reason` otherwise).
pub fn reason(raw: &str) -> Result<String, ValidationError> {
    bounded(raw, "reason", 1, MAX_REASON)
}

/// A moderator's note on a decision, with the same rules as a [`reason`], on `field`.
pub fn note(raw: &str, field: &str) -> Result<String, ValidationError> {
    bounded(raw, field, 1, MAX_NOTE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ReportStatus;

    #[test]
    fn a_reason_is_trimmed_and_bounded() {
        assert_eq!(reason("  spam  ").unwrap(), "spam");
        assert_eq!(reason("   ").unwrap_err().field, "reason");
        assert!(reason(&"x".repeat(MAX_REASON)).is_ok());
        assert!(reason(&"x".repeat(MAX_REASON + 1)).is_err());
        assert!(reason("bell\u{7}").is_err());
        assert_eq!(note("", "note").unwrap_err().field, "note");
    }

    #[test]
    fn actions_close_a_report_one_way_each() {
        assert_eq!(ReportAction::Resolve.outcome(), ReportStatus::Resolved);
        assert_eq!(ReportAction::Dismiss.outcome(), ReportStatus::Dismissed);
    }
}
