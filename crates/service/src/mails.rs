//! The text of every mail BrainGain sends. Links carry tokens as `?token=…`, as the
//! operator's contract promises.

use braingain_store::mail::OutgoingMail;

/// The mail that confirms a new account's address.
#[must_use]
pub fn verify_email(public_url: &str, to: &str, name: &str, token: &str) -> OutgoingMail {
    let link = format!("{public_url}/verify-email?token={token}");
    OutgoingMail {
        to: to.to_owned(),
        subject: "Confirm your email address for BrainGain".to_owned(),
        body: format!(
            "Hello {name},\n\n\
             Welcome to BrainGain. Please confirm your email address by opening this link:\n\n\
             {link}\n\n\
             If the link does not open, paste this code into the confirmation page:\n\n\
             {token}\n\n\
             The link is valid for 48 hours. If you did not create an account, ignore this mail.\n\n\
             -- BrainGain\n"
        ),
    }
}

/// The mail that lets an account holder choose a new password.
#[must_use]
pub fn reset_password(public_url: &str, to: &str, name: &str, token: &str) -> OutgoingMail {
    let link = format!("{public_url}/reset-password?token={token}");
    OutgoingMail {
        to: to.to_owned(),
        subject: "Reset your BrainGain password".to_owned(),
        body: format!(
            "Hello {name},\n\n\
             Someone (hopefully you) asked to reset the password of your BrainGain account.\n\
             To choose a new password, open this link:\n\n\
             {link}\n\n\
             Or paste this code into the reset page:\n\n\
             {token}\n\n\
             The link is valid for one hour and works once. If you did not ask for this,\n\
             ignore this mail: your password has not changed.\n\n\
             -- BrainGain\n"
        ),
    }
}

/// The mail telling an institution's staff of a moderator's decision.
#[must_use]
pub fn institution_reviewed(
    public_url: &str,
    to: &str,
    name: &str,
    institution: &str,
    id: braingain_domain::InstitutionId,
    status: braingain_domain::VerificationStatus,
    reason: Option<&str>,
) -> OutgoingMail {
    let link = format!("{public_url}/institutions/{id}");
    let (subject, verdict) = match status {
        braingain_domain::VerificationStatus::Verified => (
            format!("{institution} is verified on BrainGain"),
            "has been verified by the programme's moderators. Its members can now post requests.",
        ),
        _ => (
            format!("{institution} was not verified on BrainGain"),
            "was not verified by the programme's moderators.",
        ),
    };
    let reason = reason
        .map(|r| format!("\nThe moderators wrote:\n\n  {r}\n"))
        .unwrap_or_default();
    OutgoingMail {
        to: to.to_owned(),
        subject,
        body: format!(
            "Hello {name},\n\n{institution} {verdict}\n{reason}\nSee it here: {link}\n\n-- BrainGain\n"
        ),
    }
}

/// The mail inviting an imported expert to choose a password: the link carries a
/// password-reset token, so `resetPassword` sets the password and confirms the address.
#[must_use]
pub fn invitation(
    public_url: &str,
    to: &str,
    name: &str,
    token: &str,
    valid_days: i64,
) -> OutgoingMail {
    let link = format!("{public_url}/set-password?token={token}");
    OutgoingMail {
        to: to.to_owned(),
        subject: "You are invited to BrainGain, the diaspora knowledge network".to_owned(),
        body: format!(
            "Hello {name},\n\n\
             The programme that runs this BrainGain network has added you, with a profile\n\
             prepared from its records, so that institutions in your countries of origin can\n\
             find you and ask for your help. To choose your password and sign in, open this link:\n\n\
             {link}\n\n\
             Or paste this code into the page where you choose your password:\n\n\
             {token}\n\n\
             The link is valid for {valid_days} days and works once. Once signed in, check your\n\
             profile: you decide what it says and who may see it, and you may delete your\n\
             account at any time. If you do not want to take part, ignore this mail.\n\n\
             -- BrainGain\n"
        ),
    }
}

/// The mail telling an institution's members what a moderator decided about a request:
/// approved (OPEN), rejected, or sent back for changes (DRAFT), with the moderator's reason.
#[must_use]
pub fn request_reviewed(
    public_url: &str,
    to: &str,
    name: &str,
    title: &str,
    id: braingain_domain::RequestId,
    outcome: braingain_domain::RequestStatus,
    reason: Option<&str>,
) -> OutgoingMail {
    use braingain_domain::RequestStatus;
    let link = format!("{public_url}/requests/{id}");
    let (subject, verdict) = match outcome {
        RequestStatus::Open => (
            format!("Your request \"{title}\" is open on BrainGain"),
            "was approved by the programme's moderators. It is now open: experts can find it\n\
             and offer their help.",
        ),
        RequestStatus::Draft => (
            format!("Your request \"{title}\" needs changes"),
            "was sent back to you for changes by the programme's moderators. Edit it and\n\
             submit it again.",
        ),
        _ => (
            format!("Your request \"{title}\" was not approved"),
            "was not approved by the programme's moderators.",
        ),
    };
    let reason = reason
        .map(|r| format!("\nThe moderators wrote:\n\n  {r}\n"))
        .unwrap_or_default();
    OutgoingMail {
        to: to.to_owned(),
        subject,
        body: format!(
            "Hello {name},\n\nYour request \"{title}\" {verdict}\n{reason}\nSee it here: {link}\n\n-- BrainGain\n"
        ),
    }
}

/// What happened to an engagement, as mailed to the side that did not act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngagementNews<'a> {
    /// An expert applied to the institution's request.
    Applied,
    /// An institution invited the expert.
    Invited,
    /// The other side accepted.
    Accepted,
    /// The other side declined, perhaps saying why.
    Declined(Option<&'a str>),
    /// The other side withdrew.
    Withdrawn,
    /// The work was recorded as done.
    Completed,
}

/// The mail that tells one side of an engagement what the other did, with a link to it.
#[must_use]
pub fn engagement_news(
    public_url: &str,
    to: &str,
    name: &str,
    title: &str,
    id: braingain_domain::EngagementId,
    news: EngagementNews<'_>,
) -> OutgoingMail {
    let link = format!("{public_url}/engagements/{id}");
    let (subject, what) = match news {
        EngagementNews::Applied => (
            format!("An expert applied to \"{title}\""),
            format!(
                "An expert applied to help with your request \"{title}\". Read their\nmessage and answer them."
            ),
        ),
        EngagementNews::Invited => (
            format!("You are invited to help with \"{title}\""),
            format!(
                "An institution invites you to help with its request \"{title}\". Read its\nmessage and answer it."
            ),
        ),
        EngagementNews::Accepted => (
            format!("Your engagement on \"{title}\" was accepted"),
            format!("Your engagement on \"{title}\" was accepted: the work can begin."),
        ),
        EngagementNews::Declined(reason) => (
            format!("Your engagement on \"{title}\" was declined"),
            format!(
                "Your engagement on \"{title}\" was declined.{}",
                reason
                    .map(|r| format!("\nThey wrote:\n\n  {r}"))
                    .unwrap_or_default()
            ),
        ),
        EngagementNews::Withdrawn => (
            format!("The engagement on \"{title}\" was withdrawn"),
            format!("The other side withdrew from the engagement on \"{title}\"."),
        ),
        EngagementNews::Completed => (
            format!("The engagement on \"{title}\" is completed"),
            format!("The engagement on \"{title}\" was recorded as completed. Thank you."),
        ),
    };
    OutgoingMail {
        to: to.to_owned(),
        subject,
        body: format!("Hello {name},\n\n{what}\n\nSee it here: {link}\n\n-- BrainGain\n"),
    }
}

/// The mail that tells one side of an engagement the other wrote a message, with a link to
/// the engagement (the message itself is read there).
#[must_use]
pub fn engagement_message(
    public_url: &str,
    to: &str,
    name: &str,
    title: &str,
    id: braingain_domain::EngagementId,
) -> OutgoingMail {
    let link = format!("{public_url}/engagements/{id}");
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("New message on \"{title}\""),
        body: format!(
            "Hello {name},\n\nThe other side wrote a new message on the engagement on \"{title}\".\n\nRead and answer it here: {link}\n\n-- BrainGain\n"
        ),
    }
}

/// The mail that reminds the side owing an answer to an invitation (the expert) or an
/// application (the institution's members) that it has waited a week, with a link to it.
#[must_use]
pub fn engagement_reminder(
    public_url: &str,
    to: &str,
    name: &str,
    title: &str,
    id: braingain_domain::EngagementId,
    invitation: bool,
) -> OutgoingMail {
    let link = format!("{public_url}/engagements/{id}");
    let (subject, what) = if invitation {
        (
            format!("Reminder: an invitation to help with \"{title}\" awaits your answer"),
            format!(
                "An institution invited you a week ago to help with its request \"{title}\".\n\
                 It is still waiting for your answer: accept or decline, so it can plan."
            ),
        )
    } else {
        (
            format!("Reminder: an application to \"{title}\" awaits your answer"),
            format!(
                "An expert applied a week ago to help with your request \"{title}\".\n\
                 They are still waiting for your answer: accept or decline."
            ),
        )
    };
    OutgoingMail {
        to: to.to_owned(),
        subject,
        body: format!("Hello {name},\n\n{what}\n\nAnswer here: {link}\n\n-- BrainGain\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_carry_the_token_in_a_link_and_alone() {
        let mail = verify_email("https://bg.example", "a@example.org", "Ada", "tok123");
        assert!(
            mail.body
                .contains("https://bg.example/verify-email?token=tok123")
        );
        assert!(mail.body.contains("\ntok123\n"));
        let mail = reset_password("https://bg.example", "a@example.org", "Ada", "tok456");
        assert!(
            mail.body
                .contains("https://bg.example/reset-password?token=tok456")
        );
    }

    #[test]
    fn engagement_mails_link_to_the_engagement_and_quote_a_reason() {
        let id = braingain_domain::EngagementId::new();
        let news = EngagementNews::Declined(Some("On fieldwork"));
        let mail = engagement_news(
            "https://bg.example",
            "a@example.org",
            "Ada",
            "Flood model",
            id,
            news,
        );
        assert!(
            mail.body
                .contains(&format!("https://bg.example/engagements/{id}"))
        );
        assert!(mail.body.contains("On fieldwork") && mail.subject.contains("declined"));
    }
}
