//! Engagements between an expert and a request: the state machine and the texts that travel
//! with its moves.
//!
//! | from | move | to | by |
//! |---|---|---|---|
//! | — | apply | APPLIED | the expert |
//! | — | invite | INVITED | a member of the request's institution |
//! | APPLIED, INVITED | accept | ACCEPTED | the side that did not start it |
//! | APPLIED, INVITED | decline (reason optional) | DECLINED | the side that did not start it |
//! | APPLIED, INVITED | withdraw | WITHDRAWN | the side that started it |
//! | ACCEPTED | complete (hours, feedback) | COMPLETED | either side |
//! | ACCEPTED | withdraw | WITHDRAWN | either side |
//!
//! DECLINED, WITHDRAWN and COMPLETED are final. A move from the wrong state is an
//! [`EngagementError::IllegalTransition`] (`CONFLICT`); a move by the wrong side is an
//! [`EngagementError::WrongSide`] (`FORBIDDEN`).

use crate::text::bounded;
use crate::{EngagementStatus, Side, ValidationError};

/// Longest opening message, in characters.
pub const MAX_MESSAGE: usize = 5000;
/// Longest reason for declining, in characters.
pub const MAX_REASON: usize = 2000;
/// Longest feedback on completion, in characters.
pub const MAX_FEEDBACK: usize = 5000;
/// Most hours an engagement may record as given.
pub const MAX_HOURS: i32 = 10_000;

/// What a side does to an engagement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Says yes to an application or invitation.
    Accept,
    /// Says no to it.
    Decline,
    /// Steps back.
    Withdraw,
    /// Records the work as done.
    Complete,
}

/// Why a move may not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EngagementError {
    /// The engagement is not in a state that allows the move.
    #[error("an engagement that is {from} cannot become {to}")]
    IllegalTransition {
        /// Where the engagement stands.
        from: EngagementStatus,
        /// Where the move would take it.
        to: EngagementStatus,
    },
    /// The move belongs to the other side.
    #[error("{0}")]
    WrongSide(&'static str),
}

impl Side {
    /// The other side.
    #[must_use]
    pub fn other(self) -> Side {
        match self {
            Side::Expert => Side::Institution,
            Side::Institution => Side::Expert,
        }
    }
}

impl Move {
    /// Where the move leads.
    #[must_use]
    pub fn target(self) -> EngagementStatus {
        match self {
            Move::Accept => EngagementStatus::Accepted,
            Move::Decline => EngagementStatus::Declined,
            Move::Withdraw => EngagementStatus::Withdrawn,
            Move::Complete => EngagementStatus::Completed,
        }
    }
}

impl EngagementStatus {
    /// The status of a new engagement started by `initiator`: APPLIED or INVITED.
    #[must_use]
    pub fn opened_by(initiator: Side) -> EngagementStatus {
        match initiator {
            Side::Expert => EngagementStatus::Applied,
            Side::Institution => EngagementStatus::Invited,
        }
    }

    /// Whether the engagement still counts (at most one live engagement per expert and
    /// request): INVITED, APPLIED or ACCEPTED.
    #[must_use]
    pub fn is_live(self) -> bool {
        matches!(
            self,
            EngagementStatus::Invited | EngagementStatus::Applied | EngagementStatus::Accepted
        )
    }

    /// Whether the engagement opens the expert's contact email to the institution's members:
    /// ACCEPTED or COMPLETED.
    #[must_use]
    pub fn shares_contact(self) -> bool {
        matches!(
            self,
            EngagementStatus::Accepted | EngagementStatus::Completed
        )
    }

    /// Where `mv` by `by` takes an engagement that `initiator` started, or why it may not.
    pub fn after(
        self,
        mv: Move,
        by: Side,
        initiator: Side,
    ) -> Result<EngagementStatus, EngagementError> {
        use EngagementStatus::{Accepted, Applied, Invited};
        let to = mv.target();
        match (self, mv) {
            (Applied | Invited, Move::Accept | Move::Decline) if by == initiator => {
                Err(EngagementError::WrongSide(
                    "only the other side answers an application or invitation",
                ))
            }
            (Applied | Invited, Move::Withdraw) if by != initiator => {
                Err(EngagementError::WrongSide(
                    "only the side that started it withdraws; decline it instead",
                ))
            }
            (Applied | Invited, Move::Accept | Move::Decline | Move::Withdraw)
            | (Accepted, Move::Complete | Move::Withdraw) => Ok(to),
            _ => Err(EngagementError::IllegalTransition { from: self, to }),
        }
    }
}

/// The opening message of an application or invitation: 1 to [`MAX_MESSAGE`] characters.
pub fn message(raw: &str) -> Result<String, ValidationError> {
    bounded(raw, "message", 1, MAX_MESSAGE)
}

/// The body of a message on an engagement: trimmed, 1 to [`MAX_MESSAGE`] characters, no
/// control characters other than line breaks and tabs (field `body`). It stays plain text.
pub fn message_body(raw: &str) -> Result<String, ValidationError> {
    bounded(raw, "body", 1, MAX_MESSAGE)
}

/// An optional reason for declining: blank is `None`, at most [`MAX_REASON`] characters.
pub fn reason(raw: Option<&str>) -> Result<Option<String>, ValidationError> {
    optional(raw, "reason", MAX_REASON)
}

/// What completing records: hours from 0 to [`MAX_HOURS`], and optional feedback of at most
/// [`MAX_FEEDBACK`] characters.
pub fn completion(
    hours_given: i32,
    feedback: Option<&str>,
) -> Result<(i32, Option<String>), ValidationError> {
    if !(0..=MAX_HOURS).contains(&hours_given) {
        return Err(ValidationError::new(
            "hoursGiven",
            format!("give between 0 and {MAX_HOURS} hours"),
        ));
    }
    Ok((hours_given, optional(feedback, "feedback", MAX_FEEDBACK)?))
}

fn optional(raw: Option<&str>, field: &str, max: usize) -> Result<Option<String>, ValidationError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => bounded(text, field, 1, max).map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EngagementStatus::{Accepted, Applied, Completed, Declined, Invited, Withdrawn};

    const MOVES: [Move; 4] = [Move::Accept, Move::Decline, Move::Withdraw, Move::Complete];
    const SIDES: [Side; 2] = [Side::Expert, Side::Institution];

    /// The whole table: (from, move, by the initiator?) → to; `None` for "either side".
    const ALLOWED: &[(EngagementStatus, Move, Option<bool>, EngagementStatus)] = &[
        (Applied, Move::Accept, Some(false), Accepted),
        (Applied, Move::Decline, Some(false), Declined),
        (Applied, Move::Withdraw, Some(true), Withdrawn),
        (Invited, Move::Accept, Some(false), Accepted),
        (Invited, Move::Decline, Some(false), Declined),
        (Invited, Move::Withdraw, Some(true), Withdrawn),
        (Accepted, Move::Complete, None, Completed),
        (Accepted, Move::Withdraw, None, Withdrawn),
    ];

    #[test]
    fn exactly_the_table_s_moves_are_allowed() {
        for &from in EngagementStatus::ALL {
            for mv in MOVES {
                for initiator in SIDES {
                    for by in SIDES {
                        let row = ALLOWED.iter().find(|(f, m, _, _)| *f == from && *m == mv);
                        let got = from.after(mv, by, initiator);
                        match row {
                            None => assert_eq!(
                                got,
                                Err(EngagementError::IllegalTransition {
                                    from,
                                    to: mv.target()
                                }),
                                "{from} {mv:?}"
                            ),
                            Some((_, _, who, to)) => {
                                let right = who.is_none_or(|i| i == (by == initiator));
                                if right {
                                    assert_eq!(got, Ok(*to), "{from} {mv:?} by {by}");
                                } else {
                                    assert!(
                                        matches!(got, Err(EngagementError::WrongSide(_))),
                                        "{from} {mv:?} by {by}: {got:?}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn final_states_go_nowhere_and_only_live_ones_count() {
        for from in [Declined, Withdrawn, Completed] {
            assert!(!from.is_live());
            for mv in MOVES {
                assert!(from.after(mv, Side::Expert, Side::Institution).is_err());
            }
        }
        assert!([Invited, Applied, Accepted].iter().all(|s| s.is_live()));
        assert!(Accepted.shares_contact() && Completed.shares_contact());
        assert!(!Applied.shares_contact() && !Withdrawn.shares_contact());
        assert_eq!(EngagementStatus::opened_by(Side::Expert), Applied);
        assert_eq!(EngagementStatus::opened_by(Side::Institution), Invited);
        assert_eq!(Side::Expert.other(), Side::Institution);
    }

    #[test]
    fn an_illegal_move_names_both_states() {
        let err = Completed
            .after(Move::Accept, Side::Institution, Side::Expert)
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("COMPLETED") && text.contains("ACCEPTED"),
            "{text}"
        );
    }

    #[test]
    fn texts_and_hours_are_bounded() {
        assert_eq!(message("  Hello  ").unwrap(), "Hello");
        assert_eq!(message(" ").unwrap_err().field, "message");
        assert!(message(&"x".repeat(5001)).is_err());
        assert_eq!(message_body(" <b>Hi</b>\n").unwrap(), "<b>Hi</b>");
        assert_eq!(message_body(&"x".repeat(5001)).unwrap_err().field, "body");
        assert_eq!(message_body("a\u{7}b").unwrap_err().field, "body");
        assert_eq!(reason(Some("  ")).unwrap(), None);
        assert_eq!(reason(Some(&"x".repeat(2001))).unwrap_err().field, "reason");
        assert_eq!(completion(0, None).unwrap(), (0, None));
        assert_eq!(
            completion(10_000, Some(" Great ")).unwrap().1.as_deref(),
            Some("Great")
        );
        assert_eq!(completion(-1, None).unwrap_err().field, "hoursGiven");
        assert_eq!(completion(10_001, None).unwrap_err().field, "hoursGiven");
        assert_eq!(
            completion(5, Some(&"x".repeat(5001))).unwrap_err().field,
            "feedback"
        );
    }
}
