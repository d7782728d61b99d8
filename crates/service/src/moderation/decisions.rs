//! What an institution's members are told when a moderator manages their request beyond its
//! review: puts it on hold, resumes it, or closes it (cancelled or completed), with the
//! moderator's reason. The in-app notice and the mail say the same thing; both link to the
//! request. Review decisions (approve, reject, send back) keep their own texts
//! (`mails::request_reviewed`, `notifications::notices::request_reviewed`).

use crate::notifications::{Notice, kind, request_path};
use braingain_domain::RequestId;
use braingain_store::mail::OutgoingMail;

/// The audit actions (`requests/lifecycle.rs`) these texts are for.
pub const HOLD: &str = "request.hold";
/// Resuming a request on hold.
pub const RESUME: &str = "request.resume";
/// Closing without completion.
pub const CANCEL: &str = "request.cancel";
/// Closing as completed.
pub const COMPLETE: &str = "request.complete";

/// The subject line and the sentence for `action`, or `None` for other actions.
fn wording(action: &str, title: &str) -> Option<(&'static str, String, String)> {
    Some(match action {
        HOLD => (
            kind::REQUEST_ON_HOLD,
            format!("Your request \"{title}\" is on hold"),
            format!(
                "Your request \"{title}\" was put on hold by the programme's moderators: it\n\
                 takes no experts until they resume it."
            ),
        ),
        RESUME => (
            kind::REQUEST_RESUMED,
            format!("Your request \"{title}\" is active again"),
            format!("Your request \"{title}\" was resumed by the programme's moderators."),
        ),
        CANCEL => (
            kind::REQUEST_CLOSED,
            format!("Your request \"{title}\" was closed"),
            format!("Your request \"{title}\" was closed by the programme's moderators."),
        ),
        COMPLETE => (
            kind::REQUEST_CLOSED,
            format!("Your request \"{title}\" was closed as completed"),
            format!(
                "Your request \"{title}\" was closed as completed by the programme's moderators."
            ),
        ),
        _ => return None,
    })
}

/// The in-app notice for a moderator's `action` on a request, or `None` if the action is not
/// one of [`HOLD`], [`RESUME`], [`CANCEL`], [`COMPLETE`].
#[must_use]
pub fn notice(action: &str, title: &str, id: RequestId, reason: Option<&str>) -> Option<Notice> {
    let (kind, _, sentence) = wording(action, title)?;
    let sentence = sentence.replace('\n', " ");
    let text = match reason {
        Some(r) => format!("{} The moderators wrote: {r}", sentence.trim_end()),
        None => sentence,
    };
    Some(Notice {
        kind,
        text,
        link: request_path(id),
    })
}

/// The mail for a moderator's `action` on a request, or `None` as for [`notice`].
#[must_use]
pub fn mail(
    action: &str,
    public_url: &str,
    to: &str,
    name: &str,
    title: &str,
    id: RequestId,
    reason: Option<&str>,
) -> Option<OutgoingMail> {
    let (_, subject, sentence) = wording(action, title)?;
    let link = format!("{public_url}{}", request_path(id));
    let reason = reason
        .map(|r| format!("\nThe moderators wrote:\n\n  {r}\n"))
        .unwrap_or_default();
    Some(OutgoingMail {
        to: to.to_owned(),
        subject,
        body: format!(
            "Hello {name},\n\n{sentence}\n{reason}\nSee it here: {link}\n\n-- BrainGain\n"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hold_says_why_and_links_to_the_request() {
        let id = RequestId::new();
        let n = notice(HOLD, "Flood model", id, Some("No answer for a month")).unwrap();
        assert_eq!(n.kind, kind::REQUEST_ON_HOLD);
        assert!(n.text.contains("on hold") && n.text.contains("No answer for a month"));
        assert_eq!(n.link, format!("/requests/{id}"));
        let m = mail(
            HOLD,
            "https://bg.example",
            "a@example.org",
            "Ada",
            "Flood model",
            id,
            Some("Quiet"),
        )
        .unwrap();
        assert!(
            m.body
                .contains(&format!("https://bg.example/requests/{id}"))
        );
        assert!(m.body.contains("Quiet") && m.subject.contains("on hold"));
    }

    #[test]
    fn review_decisions_keep_their_own_texts() {
        let id = RequestId::new();
        assert!(notice("request.approve", "x", id, None).is_none());
        assert!(mail("request.reject", "u", "t", "n", "x", id, None).is_none());
    }
}
