//! The password policy: what a new password must be before it is hashed.

use crate::ValidationError;

/// Fewest characters a password may have (NIST SP 800-63B asks for at least 8; we ask 10).
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Most characters a password may have (bounds the hashing cost of hostile input).
pub const MAX_PASSWORD_CHARS: usize = 256;

/// A candidate password that meets the policy. Never logged: `Debug` is redacted.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// Checks `raw` against the policy; `field` names the input in the error.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, ValidationError> {
        let chars = raw.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(ValidationError::new(
                field,
                format!("a password needs at least {MIN_PASSWORD_CHARS} characters"),
            ));
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(ValidationError::new(
                field,
                format!("a password has at most {MAX_PASSWORD_CHARS} characters"),
            ));
        }
        if raw.trim().is_empty() {
            return Err(ValidationError::new(
                field,
                "a password cannot be only spaces",
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The password's text, for hashing.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_needs_ten_characters() {
        assert!(Password::parse_field("123456789", "password").is_err());
        assert!(Password::parse_field("1234567890", "password").is_ok());
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(Password::parse_field("ééééééééé", "password").is_err());
        assert!(Password::parse_field("éééééééééé", "password").is_ok());
    }

    #[test]
    fn overlong_and_blank_passwords_are_rejected() {
        assert!(Password::parse_field(&"x".repeat(257), "password").is_err());
        assert!(Password::parse_field(&"x".repeat(256), "password").is_ok());
        assert!(Password::parse_field(&" ".repeat(12), "password").is_err());
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let p = Password::parse_field("correct horse battery", "password").unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
