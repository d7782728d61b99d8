//! Accounts: roles, statuses and display names.

use crate::ValidationError;
use std::fmt;
use std::str::FromStr;

/// What an account is in the network, and so what it may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    /// A diaspora expert offering their skills.
    Expert,
    /// A member of staff of an origin-country institution.
    Institution,
    /// Programme staff who verify, review and moderate.
    Moderator,
    /// An operator with every right, including granting roles.
    Admin,
}

impl Role {
    /// Whether someone may choose this role when registering themselves.
    #[must_use]
    pub fn is_self_service(self) -> bool {
        matches!(self, Role::Expert | Role::Institution)
    }

    /// Whether this role carries moderation rights (moderators and admins).
    #[must_use]
    pub fn can_moderate(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }

    /// The stored form (`EXPERT`, `INSTITUTION`, ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Expert => "EXPERT",
            Role::Institution => "INSTITUTION",
            Role::Moderator => "MODERATOR",
            Role::Admin => "ADMIN",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "EXPERT" => Ok(Role::Expert),
            "INSTITUTION" => Ok(Role::Institution),
            "MODERATOR" => Ok(Role::Moderator),
            "ADMIN" => Ok(Role::Admin),
            other => Err(ValidationError::new(
                "role",
                format!("unknown role {other:?}"),
            )),
        }
    }
}

/// Where an account stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AccountStatus {
    /// Registered; the email address is not yet confirmed. May sign in and edit its own
    /// profile, but is not searchable and cannot post, apply or invite.
    PendingVerification,
    /// Confirmed and in good standing.
    Active,
    /// Suspended by a moderator: cannot sign in, existing sessions end at once.
    Suspended,
}

impl AccountStatus {
    /// The stored form (`PENDING_VERIFICATION`, `ACTIVE`, `SUSPENDED`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::PendingVerification => "PENDING_VERIFICATION",
            AccountStatus::Active => "ACTIVE",
            AccountStatus::Suspended => "SUSPENDED",
        }
    }
}

impl FromStr for AccountStatus {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "PENDING_VERIFICATION" => Ok(AccountStatus::PendingVerification),
            "ACTIVE" => Ok(AccountStatus::Active),
            "SUSPENDED" => Ok(AccountStatus::Suspended),
            other => Err(ValidationError::new(
                "status",
                format!("unknown status {other:?}"),
            )),
        }
    }
}

/// Most characters a display name may have.
pub const MAX_DISPLAY_NAME_CHARS: usize = 100;

/// The name shown for an account: trimmed, 1 to 100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// Validates `raw`; `field` names the input in the error.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, ValidationError> {
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Err(ValidationError::new(field, "enter a name"));
        }
        if collapsed.chars().count() > MAX_DISPLAY_NAME_CHARS {
            return Err(ValidationError::new(
                field,
                format!("a name has at most {MAX_DISPLAY_NAME_CHARS} characters"),
            ));
        }
        if collapsed.chars().any(char::is_control) {
            return Err(ValidationError::new(
                field,
                "a name cannot hold control characters",
            ));
        }
        Ok(Self(collapsed))
    }

    /// The name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for DisplayName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_experts_and_institutions_register_themselves() {
        assert!(Role::Expert.is_self_service());
        assert!(Role::Institution.is_self_service());
        assert!(!Role::Moderator.is_self_service());
        assert!(!Role::Admin.is_self_service());
    }

    #[test]
    fn roles_and_statuses_round_trip_through_their_stored_form() {
        for role in [
            Role::Expert,
            Role::Institution,
            Role::Moderator,
            Role::Admin,
        ] {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
        }
        for status in [
            AccountStatus::PendingVerification,
            AccountStatus::Active,
            AccountStatus::Suspended,
        ] {
            assert_eq!(status.as_str().parse::<AccountStatus>().unwrap(), status);
        }
        assert!("ROOT".parse::<Role>().is_err());
    }

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(
            DisplayName::parse_field("  Amara   Okafor ", "n")
                .unwrap()
                .as_str(),
            "Amara Okafor"
        );
        assert!(DisplayName::parse_field("   ", "n").is_err());
        assert!(DisplayName::parse_field(&"a".repeat(101), "n").is_err());
        assert!(DisplayName::parse_field("a\u{7}b", "n").is_err());
    }
}
