//! The notices the use cases write, one builder per event, so that the in-app text says
//! what the mail beside it says, in one sentence.

use super::{Notice, engagement_path, institution_path, kind, request_path};
use crate::mails::EngagementNews;
use braingain_domain::{EngagementId, InstitutionId, RequestId, RequestStatus, VerificationStatus};

/// `text`, then `: reason` when there is one.
fn with_reason(text: String, reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("{text}: {r}"),
        None => format!("{text}."),
    }
}

/// What one side of an engagement is told when the other moves it.
#[must_use]
pub fn engagement(news: EngagementNews<'_>, title: &str, id: EngagementId) -> Notice {
    let (kind, text) = match news {
        EngagementNews::Applied => (
            kind::ENGAGEMENT_APPLIED,
            format!("An expert applied to your request \"{title}\"."),
        ),
        EngagementNews::Invited => (
            kind::ENGAGEMENT_INVITED,
            format!("You are invited to help with \"{title}\"."),
        ),
        EngagementNews::Accepted => (
            kind::ENGAGEMENT_ACCEPTED,
            format!("Your engagement on \"{title}\" was accepted."),
        ),
        EngagementNews::Declined(reason) => (
            kind::ENGAGEMENT_DECLINED,
            with_reason(
                format!("Your engagement on \"{title}\" was declined"),
                reason,
            ),
        ),
        EngagementNews::Withdrawn => (
            kind::ENGAGEMENT_WITHDRAWN,
            format!("The other side withdrew from the engagement on \"{title}\"."),
        ),
        EngagementNews::Completed => (
            kind::ENGAGEMENT_COMPLETED,
            format!("The engagement on \"{title}\" was recorded as completed."),
        ),
    };
    Notice {
        kind,
        text,
        link: engagement_path(id),
    }
}

/// What the other side of an engagement is told when a message arrives.
#[must_use]
pub fn message(title: &str, id: EngagementId) -> Notice {
    Notice {
        kind: kind::MESSAGE_RECEIVED,
        text: format!("New message on the engagement on \"{title}\"."),
        link: engagement_path(id),
    }
}

/// What an institution's members are told of a moderator's decision on their request.
#[must_use]
pub fn request_reviewed(
    title: &str,
    id: RequestId,
    outcome: RequestStatus,
    reason: Option<&str>,
) -> Notice {
    let (kind, text) = match outcome {
        RequestStatus::Open => (
            kind::REQUEST_APPROVED,
            format!("Your request \"{title}\" was approved and is open."),
        ),
        RequestStatus::Rejected => (
            kind::REQUEST_REJECTED,
            with_reason(format!("Your request \"{title}\" was not approved"), reason),
        ),
        RequestStatus::Draft => (
            kind::REQUEST_RETURNED,
            with_reason(
                format!("Your request \"{title}\" was sent back for changes"),
                reason,
            ),
        ),
        other => (
            kind::REQUEST_CHANGED,
            with_reason(
                format!("A moderator moved your request \"{title}\" to {other}"),
                reason,
            ),
        ),
    };
    Notice {
        kind,
        text,
        link: request_path(id),
    }
}

/// What an institution's members are told of a moderator's decision on the institution.
#[must_use]
pub fn institution_reviewed(
    name: &str,
    id: InstitutionId,
    status: VerificationStatus,
    reason: Option<&str>,
) -> Notice {
    let (kind, text) = if status == VerificationStatus::Verified {
        (
            kind::INSTITUTION_VERIFIED,
            format!("{name} is verified: its members can post requests."),
        )
    } else {
        (
            kind::INSTITUTION_REJECTED,
            with_reason(format!("{name} was not verified"), reason),
        )
    };
    Notice {
        kind,
        text,
        link: institution_path(id),
    }
}

/// What the side that owes an answer is told after it has waited 7 days: the expert
/// (`invitation`) or the institution's members (an application).
#[must_use]
pub fn reminder(invitation: bool, title: &str, id: EngagementId) -> Notice {
    let (kind, text) = if invitation {
        (
            kind::REMINDER_INVITATION,
            format!("An invitation to help with \"{title}\" has waited a week for your answer."),
        )
    } else {
        (
            kind::REMINDER_APPLICATION,
            format!("An expert's application to \"{title}\" has waited a week for your answer."),
        )
    };
    Notice {
        kind,
        text,
        link: engagement_path(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_link_to_their_subject_and_quote_a_reason() {
        let id = EngagementId::new();
        let n = engagement(EngagementNews::Declined(Some("busy")), "Flood model", id);
        assert_eq!(n.kind, "ENGAGEMENT_DECLINED");
        assert_eq!(n.link, format!("/engagements/{id}"));
        assert!(n.text.ends_with(": busy"), "{}", n.text);
        let r = RequestId::new();
        let n = request_reviewed("Flood model", r, RequestStatus::Draft, Some("add dates"));
        assert_eq!(n.kind, "REQUEST_RETURNED");
        assert_eq!(n.link, format!("/requests/{r}"));
    }
}
