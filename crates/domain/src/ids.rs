//! Typed identifiers. Every entity is keyed by a UUID; wrapping it keeps an account id from
//! being passed where an institution id is expected.

use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered identifier (UUID v7: new rows sort after old ones).
            #[must_use]
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// The underlying UUID.
            #[must_use]
            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }
    };
}

id_type!(
    /// Identifies an account (a person who signs in).
    AccountId
);

id_type!(
    /// Identifies an expert profile.
    ProfileId
);

id_type!(
    /// Identifies an institution.
    InstitutionId
);

id_type!(
    /// Identifies a skill: an ESCO concept (its published UUID) or a free-text skill (a UUID
    /// derived from its normalised label, so the same words give the same skill).
    SkillId
);

id_type!(
    /// Identifies an institution's request for help.
    RequestId
);

impl SkillId {
    /// The id of a free-text skill, derived from its normalised label.
    #[must_use]
    pub fn for_free_text(normalised: &str) -> Self {
        Self(Uuid::new_v5(&FREE_TEXT_SKILLS, normalised.as_bytes()))
    }
}

/// Namespace of free-text skill ids (a fixed random UUID).
const FREE_TEXT_SKILLS: Uuid = Uuid::from_u128(0x6b1f_0c2e_9d4a_4f7b_8e21_5a3c_7d90_1e44);

id_type!(
    /// Identifies an engagement between an expert and a request.
    EngagementId
);

id_type!(
    /// Identifies a message on an engagement.
    MessageId
);

id_type!(
    /// Identifies an in-app notification.
    NotificationId
);

id_type!(
    /// Identifies a report of content to the moderators.
    ReportId
);
