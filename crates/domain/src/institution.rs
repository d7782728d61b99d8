//! Institutions: what a client submits and its validated form.

use crate::text::{bounded, optional_line, single_line, web_url};
use crate::{CountryCode, InstitutionKind, ValidationError};

/// An institution as submitted.
#[derive(Debug, Clone)]
pub struct InstitutionDraft {
    /// Official name.
    pub name: String,
    /// Kind of organisation.
    pub kind: InstitutionKind,
    /// Country (alpha-2).
    pub country: String,
    /// City.
    pub city: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// What it does and what it needs.
    pub description: String,
}

/// A validated institution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInstitution {
    /// Official name.
    pub name: String,
    /// Kind.
    pub kind: InstitutionKind,
    /// Country.
    pub country: CountryCode,
    /// City.
    pub city: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// Description.
    pub description: String,
}

impl InstitutionDraft {
    /// Validates every field, naming the offending one.
    pub fn validate(self) -> Result<ValidInstitution, ValidationError> {
        Ok(ValidInstitution {
            name: single_line(&self.name, "input.name", 2, 200)?,
            kind: self.kind,
            country: CountryCode::parse_field(&self.country, "input.country")?,
            city: optional_line(self.city.as_deref(), "input.city", 100)?,
            website: match self
                .website
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                Some(url) => Some(web_url(url, "input.website")?),
                None => None,
            },
            description: bounded(&self.description, "input.description", 1, 5000)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institutions_are_validated_field_by_field() {
        let good = InstitutionDraft {
            name: " University of Lagos ".into(),
            kind: InstitutionKind::University,
            country: "ng".into(),
            city: Some("Lagos".into()),
            website: Some("https://unilag.edu.ng".into()),
            description: "Public research university.".into(),
        };
        let v = good.clone().validate().unwrap();
        assert_eq!(v.name, "University of Lagos");
        assert_eq!(v.country.as_str(), "NG");
        let bad_site = InstitutionDraft {
            website: Some("unilag".into()),
            ..good.clone()
        };
        assert_eq!(bad_site.validate().unwrap_err().field, "input.website");
        let bad_country = InstitutionDraft {
            country: "Nigeria".into(),
            ..good.clone()
        };
        assert_eq!(bad_country.validate().unwrap_err().field, "input.country");
        let no_description = InstitutionDraft {
            description: "  ".into(),
            ..good
        };
        assert_eq!(
            no_description.validate().unwrap_err().field,
            "input.description"
        );
    }
}
