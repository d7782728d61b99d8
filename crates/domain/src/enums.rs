//! The contract's closed vocabularies, with their stored form (`SCREAMING_SNAKE_CASE`).

use crate::ValidationError;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and wire form.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = ValidationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(ValidationError::new(stringify!($name), format!("unknown value {other:?}"))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// Who may see an expert profile.
    Visibility {
        /// Anyone, signed in or not.
        Public => "PUBLIC",
        /// Signed-in accounts only.
        Members => "MEMBERS",
        /// Only the owner and moderators; never in search.
        Hidden => "HIDDEN",
    }
);

vocabulary!(
    /// How well an expert speaks a language.
    LanguageLevel {
        /// Simple exchanges.
        Basic => "BASIC",
        /// Everyday conversation.
        Conversational => "CONVERSATIONAL",
        /// Professional work.
        Fluent => "FLUENT",
        /// Mother tongue.
        Native => "NATIVE",
    }
);

vocabulary!(
    /// The forms of help an expert offers and a request asks for.
    EngagementType {
        /// Mentoring students or staff.
        Mentoring => "MENTORING",
        /// Lectures and courses.
        Lecturing => "LECTURING",
        /// Research done together.
        JointResearch => "JOINT_RESEARCH",
        /// PhD or thesis supervision.
        Supervision => "SUPERVISION",
        /// Expert advice.
        Consulting => "CONSULTING",
        /// Training staff.
        Training => "TRAINING",
        /// Investment.
        Investment => "INVESTMENT",
        /// Hosting interns abroad.
        InternshipHosting => "INTERNSHIP_HOSTING",
    }
);

vocabulary!(
    /// How an expert can work with an institution.
    WorkMode {
        /// From where they live.
        Remote => "REMOTE",
        /// A visit of days or weeks.
        ShortVisit => "SHORT_VISIT",
        /// A stay of months.
        LongStay => "LONG_STAY",
        /// Moving back.
        Return => "RETURN",
    }
);

vocabulary!(
    /// What kind of organisation an institution is.
    InstitutionKind {
        /// A university.
        University => "UNIVERSITY",
        /// A research centre.
        ResearchCentre => "RESEARCH_CENTRE",
        /// A hospital.
        Hospital => "HOSPITAL",
        /// A ministry or agency.
        Government => "GOVERNMENT",
        /// A non-governmental organisation.
        Ngo => "NGO",
        /// A company.
        Company => "COMPANY",
        /// Anything else.
        Other => "OTHER",
    }
);

vocabulary!(
    /// Where an institution stands with the moderators.
    VerificationStatus {
        /// Waiting for review.
        Pending => "PENDING",
        /// Checked and trusted.
        Verified => "VERIFIED",
        /// Refused.
        Rejected => "REJECTED",
    }
);

vocabulary!(
    /// A moderator's decision.
    Decision {
        /// Accept.
        Approve => "APPROVE",
        /// Refuse.
        Reject => "REJECT",
    }
);

vocabulary!(
    /// What an institution asks an expert for.
    RequestKind {
        /// A project to carry out together.
        Project => "PROJECT",
        /// Mentoring students or staff.
        Mentoring => "MENTORING",
        /// A lecture or a course.
        Lecture => "LECTURE",
        /// Thesis or PhD supervision.
        Supervision => "SUPERVISION",
        /// Expert advice.
        Consultancy => "CONSULTANCY",
        /// Training staff.
        Training => "TRAINING",
    }
);

vocabulary!(
    /// Where a request stands in its lifecycle (see [`crate::request`] for the transitions).
    RequestStatus {
        /// Being written by the institution; only its members and moderators see it.
        Draft => "DRAFT",
        /// Submitted, waiting for a moderator.
        InReview => "IN_REVIEW",
        /// Approved: a public call for help that experts may answer.
        Open => "OPEN",
        /// At least one engagement was accepted; the work is under way.
        InProgress => "IN_PROGRESS",
        /// Paused by a moderator (stalled), with a reason the institution reads; takes no
        /// experts until it is resumed.
        OnHold => "ON_HOLD",
        /// The work is done.
        Completed => "COMPLETED",
        /// Closed without completion.
        Cancelled => "CANCELLED",
        /// Refused by a moderator.
        Rejected => "REJECTED",
    }
);

vocabulary!(
    /// Where an engagement between an expert and a request stands (see
    /// [`crate::engagement`] for the moves between them).
    EngagementStatus {
        /// An institution member invited the expert; the expert answers.
        Invited => "INVITED",
        /// The expert applied; the institution answers.
        Applied => "APPLIED",
        /// The other side said yes: the work is agreed.
        Accepted => "ACCEPTED",
        /// The other side said no.
        Declined => "DECLINED",
        /// A side stepped back.
        Withdrawn => "WITHDRAWN",
        /// The work is done.
        Completed => "COMPLETED",
    }
);

vocabulary!(
    /// One of the two sides of an engagement.
    Side {
        /// The expert.
        Expert => "EXPERT",
        /// The members of the request's institution.
        Institution => "INSTITUTION",
    }
);

vocabulary!(
    /// The kind of thing a report is about.
    ReportSubjectType {
        /// An expert's profile.
        ExpertProfile => "EXPERT_PROFILE",
        /// An institution's request.
        Request => "REQUEST",
        /// A message on an engagement.
        Message => "MESSAGE",
    }
);

vocabulary!(
    /// Where a report stands: OPEN until a moderator resolves or dismisses it.
    ReportStatus {
        /// Waiting for a moderator.
        Open => "OPEN",
        /// A moderator acted on it.
        Resolved => "RESOLVED",
        /// A moderator found nothing to act on.
        Dismissed => "DISMISSED",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_stored_form() {
        for v in EngagementType::ALL {
            assert_eq!(v.as_str().parse::<EngagementType>().unwrap(), *v);
        }
        for v in WorkMode::ALL {
            assert_eq!(v.as_str().parse::<WorkMode>().unwrap(), *v);
        }
        assert!("SOMETIMES".parse::<Visibility>().is_err());
    }
}
