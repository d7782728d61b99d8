//! ORCID identifiers (`0000-0002-1825-0097`), checked with their ISO 7064 MOD 11-2 digit.

use crate::ValidationError;

/// A valid ORCID iD in its bare form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orcid(String);

impl Orcid {
    /// Accepts the bare form or an `https://orcid.org/…` URL; checks shape and check digit.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, ValidationError> {
        let trimmed = raw.trim();
        let bare = trimmed
            .strip_prefix("https://orcid.org/")
            .or_else(|| trimmed.strip_prefix("http://orcid.org/"))
            .or_else(|| trimmed.strip_prefix("orcid.org/"))
            .unwrap_or(trimmed)
            .to_ascii_uppercase();
        let digits: Vec<char> = bare.chars().filter(|c| *c != '-').collect();
        let shaped = bare.len() == 19
            && bare.chars().enumerate().all(|(i, c)| {
                if [4, 9, 14].contains(&i) {
                    c == '-'
                } else {
                    c.is_ascii_digit() || (i == 18 && c == 'X')
                }
            });
        if !shaped || digits.len() != 16 {
            return Err(ValidationError::new(
                field,
                "an ORCID iD looks like 0000-0002-1825-0097",
            ));
        }
        let mut total: u32 = 0;
        for c in &digits[..15] {
            total = (total + c.to_digit(10).unwrap_or(0)) * 2;
        }
        let check = (12 - total % 11) % 11;
        let expected = if check == 10 {
            'X'
        } else {
            char::from_digit(check, 10).unwrap_or('?')
        };
        if digits[15] != expected {
            return Err(ValidationError::new(
                field,
                "this ORCID iD has a wrong check digit; check for a typo",
            ));
        }
        Ok(Self(bare))
    }

    /// The bare form.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_orcids_pass_and_typos_fail() {
        assert_eq!(
            Orcid::parse_field("0000-0002-1825-0097", "o")
                .unwrap()
                .as_str(),
            "0000-0002-1825-0097"
        );
        assert_eq!(
            Orcid::parse_field("https://orcid.org/0000-0001-5109-3700", "o")
                .unwrap()
                .as_str(),
            "0000-0001-5109-3700"
        );
        assert_eq!(
            Orcid::parse_field("0000-0002-1694-233x", "o")
                .unwrap()
                .as_str(),
            "0000-0002-1694-233X"
        );
        assert!(Orcid::parse_field("0000-0002-1825-0098", "o").is_err());
        assert!(Orcid::parse_field("0000000218250097", "o").is_err());
        assert!(Orcid::parse_field("abcd-0002-1825-0097", "o").is_err());
    }
}
