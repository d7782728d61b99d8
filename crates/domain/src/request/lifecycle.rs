//! The request lifecycle as a state machine.
//!
//! | from | to | by |
//! |---|---|---|
//! | DRAFT | `IN_REVIEW` | a member submits |
//! | `IN_REVIEW` | OPEN | a moderator approves |
//! | `IN_REVIEW` | REJECTED | a moderator rejects (with a reason) |
//! | `IN_REVIEW` | DRAFT | a moderator sends it back for changes (with a reason) |
//! | OPEN | `IN_PROGRESS` | an engagement is accepted |
//! | `IN_PROGRESS` | COMPLETED | a member or moderator closes it as completed |
//! | OPEN, `IN_PROGRESS` | `ON_HOLD` | a moderator puts a stalled request on hold (with a reason) |
//! | `ON_HOLD` | OPEN, `IN_PROGRESS` | a moderator resumes it (back to work under way if an engagement was accepted) |
//! | DRAFT, `IN_REVIEW`, OPEN, `IN_PROGRESS`, `ON_HOLD` | CANCELLED | a member or moderator closes it |
//!
//! COMPLETED, CANCELLED and REJECTED are final. Every other move is an
//! [`IllegalTransition`].

use crate::RequestStatus;

/// A move the lifecycle does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a request that is {from} cannot become {to}{hint}", hint = hint(*from, *to))]
pub struct IllegalTransition {
    /// Where the request stands.
    pub from: RequestStatus,
    /// Where it was asked to go.
    pub to: RequestStatus,
}

fn hint(from: RequestStatus, to: RequestStatus) -> &'static str {
    use RequestStatus::{Completed, Draft, InProgress, InReview, OnHold, Open};
    match (from, to) {
        (_, _) if from.is_final() => " (it is closed)",
        (OnHold, Completed) => " (resume it first: only work under way can be completed)",
        (Draft | InReview | Open, Completed) => " (only work under way can be completed)",
        (OnHold, OnHold) => " (it is already on hold)",
        (_, OnHold) => " (only an open request or work under way can be put on hold)",
        (Draft | InReview, InProgress) => " (only an open request gets under way)",
        (_, Draft) => " (only a request in review can be sent back for changes)",
        (_, InReview) => " (only a draft can be submitted)",
        _ => "",
    }
}

impl RequestStatus {
    /// Whether the lifecycle allows moving from `self` to `to`.
    #[must_use]
    pub fn can_become(self, to: RequestStatus) -> bool {
        use RequestStatus::{
            Cancelled, Completed, Draft, InProgress, InReview, OnHold, Open, Rejected,
        };
        matches!(
            (self, to),
            (Draft, InReview)
                | (InReview, Open | Rejected | Draft)
                | (Open, InProgress)
                | (InProgress, Completed)
                | (Open | InProgress, OnHold)
                | (OnHold, Open | InProgress)
                | (Draft | InReview | Open | InProgress | OnHold, Cancelled)
        )
    }

    /// Moves from `self` to `to`, or says why it may not.
    pub fn transition(self, to: RequestStatus) -> Result<RequestStatus, IllegalTransition> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(IllegalTransition { from: self, to })
        }
    }

    /// Whether nothing can happen to the request any more.
    #[must_use]
    pub fn is_final(self) -> bool {
        matches!(
            self,
            RequestStatus::Completed | RequestStatus::Cancelled | RequestStatus::Rejected
        )
    }

    /// Whether the request is a public call for help (or its visible outcome): anyone may see
    /// it. Other requests are seen by their institution's members and moderators only.
    #[must_use]
    pub fn is_public(self) -> bool {
        matches!(
            self,
            RequestStatus::Open | RequestStatus::InProgress | RequestStatus::Completed
        )
    }

    /// Whether the request takes experts (applications, invitations, acceptances): OPEN, or
    /// `IN_PROGRESS` for a team. A request on hold takes none until it is resumed.
    #[must_use]
    pub fn takes_experts(self) -> bool {
        matches!(self, RequestStatus::Open | RequestStatus::InProgress)
    }

    /// Where resuming a request on hold leads: back to work under way when an engagement on
    /// it was accepted (`staffed`), else OPEN.
    pub fn resume(self, staffed: bool) -> Result<RequestStatus, IllegalTransition> {
        if self != RequestStatus::OnHold {
            return Err(IllegalTransition {
                from: self,
                to: RequestStatus::Open,
            });
        }
        self.transition(if staffed {
            RequestStatus::InProgress
        } else {
            RequestStatus::Open
        })
    }

    /// Where closing the request leads: COMPLETED when `completed`, else CANCELLED.
    pub fn close(self, completed: bool) -> Result<RequestStatus, IllegalTransition> {
        self.transition(if completed {
            RequestStatus::Completed
        } else {
            RequestStatus::Cancelled
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RequestStatus::{
        Cancelled, Completed, Draft, InProgress, InReview, OnHold, Open, Rejected,
    };

    /// The whole table: every (from, to) pair the lifecycle allows.
    const ALLOWED: &[(RequestStatus, RequestStatus)] = &[
        (Draft, InReview),
        (Draft, Cancelled),
        (InReview, Open),
        (InReview, Rejected),
        (InReview, Draft),
        (InReview, Cancelled),
        (Open, InProgress),
        (Open, Cancelled),
        (InProgress, Completed),
        (InProgress, Cancelled),
        (Open, OnHold),
        (InProgress, OnHold),
        (OnHold, Open),
        (OnHold, InProgress),
        (OnHold, Cancelled),
    ];

    #[test]
    fn exactly_the_table_s_transitions_are_allowed() {
        for &from in RequestStatus::ALL {
            for &to in RequestStatus::ALL {
                let allowed = ALLOWED.contains(&(from, to));
                assert_eq!(from.can_become(to), allowed, "{from} -> {to}");
                match from.transition(to) {
                    Ok(next) => assert_eq!(next, to),
                    Err(err) => {
                        assert!(!allowed, "{from} -> {to}");
                        assert_eq!(err, IllegalTransition { from, to });
                        let text = err.to_string();
                        assert!(text.contains(from.as_str()) && text.contains(to.as_str()));
                    }
                }
            }
        }
    }

    #[test]
    fn final_states_go_nowhere() {
        for &from in RequestStatus::ALL.iter().filter(|s| s.is_final()) {
            assert!(RequestStatus::ALL.iter().all(|&to| !from.can_become(to)));
            assert!(
                from.transition(Cancelled)
                    .unwrap_err()
                    .to_string()
                    .contains("closed")
            );
        }
        assert_eq!(
            RequestStatus::ALL.iter().filter(|s| s.is_final()).count(),
            3
        );
    }

    #[test]
    fn closing_completes_only_work_under_way() {
        assert_eq!(InProgress.close(true), Ok(Completed));
        assert_eq!(InProgress.close(false), Ok(Cancelled));
        assert_eq!(Open.close(false), Ok(Cancelled));
        assert_eq!(Draft.close(false), Ok(Cancelled));
        assert_eq!(InReview.close(false), Ok(Cancelled));
        for from in [Draft, InReview, Open] {
            let err = from.close(true).unwrap_err();
            assert!(err.to_string().contains("only work under way"), "{err}");
        }
        assert!(Completed.close(false).is_err());
        assert!(Rejected.close(false).is_err());
    }

    #[test]
    fn only_calls_for_help_and_their_outcome_are_public() {
        let public: Vec<_> = RequestStatus::ALL
            .iter()
            .filter(|s| s.is_public())
            .collect();
        assert_eq!(public, [&Open, &InProgress, &Completed]);
    }

    #[test]
    fn only_open_requests_and_work_under_way_go_on_hold_and_come_back() {
        for &from in RequestStatus::ALL {
            let allowed = matches!(from, Open | InProgress);
            assert_eq!(from.can_become(OnHold), allowed, "{from} -> ON_HOLD");
        }
        assert_eq!(OnHold.resume(false), Ok(Open));
        assert_eq!(OnHold.resume(true), Ok(InProgress));
        for &from in RequestStatus::ALL.iter().filter(|s| **s != OnHold) {
            assert!(from.resume(false).is_err(), "{from} is not on hold");
        }
        let twice = OnHold.transition(OnHold).unwrap_err().to_string();
        assert!(twice.contains("already on hold"), "{twice}");
        let draft = Draft.transition(OnHold).unwrap_err().to_string();
        assert!(draft.contains("only an open request"), "{draft}");
    }

    #[test]
    fn a_request_on_hold_takes_no_experts_is_not_public_and_is_closed_only_as_cancelled() {
        assert!(!OnHold.takes_experts());
        assert!(!OnHold.is_public());
        assert!(!OnHold.is_final());
        let takers: Vec<_> = RequestStatus::ALL
            .iter()
            .filter(|s| s.takes_experts())
            .collect();
        assert_eq!(takers, [&Open, &InProgress]);
        assert_eq!(OnHold.close(false), Ok(Cancelled));
        let err = OnHold.close(true).unwrap_err().to_string();
        assert!(err.contains("resume it first"), "{err}");
    }
}
