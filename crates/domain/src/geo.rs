//! Countries (ISO 3166-1 alpha-2) and languages (ISO 639-1), validated against the standards'
//! code lists, with English names for display.

use crate::ValidationError;
use std::fmt;

/// An ISO 3166-1 alpha-2 country code, upper-case (`NG`, `FR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Validates `raw` (case-insensitive, trimmed); `field` names the input in the error.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, ValidationError> {
        let code = raw.trim().to_ascii_uppercase();
        match rust_iso3166::from_alpha2(&code) {
            Some(country) => {
                let bytes = country.alpha2.as_bytes();
                Ok(Self([bytes[0], bytes[1]]))
            }
            None => Err(ValidationError::new(
                field,
                format!(
                    "{:?} is not an ISO 3166-1 alpha-2 country code (like NG or FR)",
                    raw.trim()
                ),
            )),
        }
    }

    /// Validates `raw` as the `country` field.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        Self::parse_field(raw, "country")
    }

    /// The code (`NG`).
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Built only from the ASCII codes of the standard's list.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The English short name (`Nigeria`).
    #[must_use]
    pub fn name(&self) -> &'static str {
        rust_iso3166::from_alpha2(self.as_str()).map_or("", |c| c.name)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An ISO 639-1 language code, lower-case (`fr`, `ar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageCode([u8; 2]);

impl LanguageCode {
    /// Validates `raw` (case-insensitive, trimmed); `field` names the input in the error.
    pub fn parse_field(raw: &str, field: &str) -> Result<Self, ValidationError> {
        let code = raw.trim().to_ascii_lowercase();
        if code.len() == 2 && isolang::Language::from_639_1(&code).is_some() {
            let bytes = code.as_bytes();
            Ok(Self([bytes[0], bytes[1]]))
        } else {
            Err(ValidationError::new(
                field,
                format!(
                    "{:?} is not an ISO 639-1 language code (like en, fr or ar)",
                    raw.trim()
                ),
            ))
        }
    }

    /// Validates `raw` as the `language` field.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        Self::parse_field(raw, "language")
    }

    /// The code (`fr`).
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The English name (`French`).
    #[must_use]
    pub fn name(&self) -> &'static str {
        isolang::Language::from_639_1(self.as_str()).map_or("", |l| l.to_name())
    }

    /// The language's name in itself (`français`), when known.
    #[must_use]
    pub fn autonym(&self) -> Option<&'static str> {
        isolang::Language::from_639_1(self.as_str()).and_then(|l| l.to_autonym())
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_checked_against_the_standard() {
        assert_eq!(CountryCode::parse(" ng ").unwrap().as_str(), "NG");
        assert_eq!(CountryCode::parse("NG").unwrap().name(), "Nigeria");
        for bad in ["", "N", "NGA", "XX", "ZZ", "12", "é"] {
            assert!(CountryCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn language_codes_are_checked_against_the_standard() {
        assert_eq!(LanguageCode::parse("FR").unwrap().as_str(), "fr");
        assert_eq!(LanguageCode::parse("fr").unwrap().name(), "French");
        assert_eq!(LanguageCode::parse("ar").unwrap().name(), "Arabic");
        for bad in ["", "f", "fra", "xx", "qq"] {
            assert!(LanguageCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_name_the_field() {
        let err = CountryCode::parse_field("XX", "input.residenceCountry").unwrap_err();
        assert_eq!(err.field, "input.residenceCountry");
        assert!(err.message.contains("XX"));
    }
}
