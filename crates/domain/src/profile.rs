//! Expert profiles: what a client may submit, and the validated form the service stores.

use crate::text::{bounded, optional_line, single_line};
use crate::{
    CountryCode, EngagementType, LanguageCode, LanguageLevel, Orcid, SkillId, ValidationError,
    Visibility, WorkMode,
};
use std::collections::HashSet;

/// Longest headline, in characters.
pub const MAX_HEADLINE: usize = 160;
/// Longest biography, in characters.
pub const MAX_BIO: usize = 5000;
/// Most origin countries.
pub const MAX_ORIGINS: usize = 5;
/// Most languages.
pub const MAX_LANGUAGES: usize = 20;
/// Most skills on a profile.
pub const MAX_SKILLS: usize = 50;
/// Most hours a month anyone can offer alongside a job.
pub const MAX_HOURS_PER_MONTH: i32 = 200;

/// A skill as a client names it: an id from the taxonomy, or free text.
#[derive(Debug, Clone, Default)]
pub struct SkillClaimDraft {
    /// A taxonomy skill id.
    pub skill_id: Option<String>,
    /// Free text, when the skill is not in the taxonomy.
    pub label: Option<String>,
    /// Self-assessed level, 1 (basic) to 5 (leading expert).
    pub level: i32,
    /// Years of practice.
    pub years: Option<i32>,
}

/// A profile as submitted.
#[derive(Debug, Clone)]
pub struct ProfileDraft {
    /// One-line summary.
    pub headline: String,
    /// Longer description.
    pub bio: String,
    /// Country of residence (alpha-2).
    pub residence_country: String,
    /// City of residence.
    pub residence_city: Option<String>,
    /// Countries of origin (alpha-2).
    pub origin_countries: Vec<String>,
    /// Languages (ISO 639-1) with level.
    pub languages: Vec<(String, LanguageLevel)>,
    /// Skills.
    pub skills: Vec<SkillClaimDraft>,
    /// Forms of help offered.
    pub engagement_types: Vec<EngagementType>,
    /// Ways of working.
    pub work_modes: Vec<WorkMode>,
    /// Hours a month available.
    pub hours_per_month: Option<i32>,
    /// ORCID iD.
    pub orcid: Option<String>,
    /// Who may see it.
    pub visibility: Visibility,
}

/// A skill reference after validation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SkillRef {
    /// A taxonomy skill (its existence is checked by the service).
    Known(SkillId),
    /// A free-text skill: the label as typed (spaces collapsed) and its normalised key.
    Free {
        /// Display label.
        label: String,
        /// Lower-cased, space-collapsed key; the skill's id derives from it.
        key: String,
    },
}

impl SkillRef {
    /// The skill's id (derived for free text).
    #[must_use]
    pub fn id(&self) -> SkillId {
        match self {
            SkillRef::Known(id) => *id,
            SkillRef::Free { key, .. } => SkillId::for_free_text(key),
        }
    }
}

/// A validated skill claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillClaim {
    /// Which skill.
    pub skill: SkillRef,
    /// 1 to 5.
    pub level: u8,
    /// Years of practice.
    pub years: Option<u8>,
}

/// A validated profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProfile {
    /// One-line summary.
    pub headline: String,
    /// Longer description.
    pub bio: String,
    /// Country of residence.
    pub residence_country: CountryCode,
    /// City of residence.
    pub residence_city: Option<String>,
    /// Countries of origin, without duplicates.
    pub origin_countries: Vec<CountryCode>,
    /// Languages with level, one per code.
    pub languages: Vec<(LanguageCode, LanguageLevel)>,
    /// Skills, one per skill.
    pub skills: Vec<SkillClaim>,
    /// Forms of help offered, without duplicates.
    pub engagement_types: Vec<EngagementType>,
    /// Ways of working, without duplicates.
    pub work_modes: Vec<WorkMode>,
    /// Hours a month available.
    pub hours_per_month: Option<i32>,
    /// ORCID iD.
    pub orcid: Option<Orcid>,
    /// Who may see it.
    pub visibility: Visibility,
}

/// Normalises a free-text skill label: spaces collapsed; returns (label, key).
pub fn free_skill(raw: &str, field: &str) -> Result<(String, String), ValidationError> {
    let label = single_line(raw, field, 2, 100)?;
    let key = label.to_lowercase();
    Ok((label, key))
}

impl ProfileDraft {
    /// Validates every field, naming the first offending one (`input.skills[2].level`).
    pub fn validate(self) -> Result<ValidProfile, ValidationError> {
        let headline = single_line(&self.headline, "input.headline", 1, MAX_HEADLINE)?;
        let bio = bounded(&self.bio, "input.bio", 0, MAX_BIO)?;
        let residence_country =
            CountryCode::parse_field(&self.residence_country, "input.residenceCountry")?;
        let residence_city =
            optional_line(self.residence_city.as_deref(), "input.residenceCity", 100)?;
        if self.origin_countries.len() > MAX_ORIGINS {
            return Err(ValidationError::new(
                "input.originCountries",
                format!("at most {MAX_ORIGINS} countries"),
            ));
        }
        let mut origin_countries = Vec::new();
        for (i, c) in self.origin_countries.iter().enumerate() {
            let code = CountryCode::parse_field(c, &format!("input.originCountries[{i}]"))?;
            if !origin_countries.contains(&code) {
                origin_countries.push(code);
            }
        }
        if self.languages.len() > MAX_LANGUAGES {
            return Err(ValidationError::new(
                "input.languages",
                format!("at most {MAX_LANGUAGES} languages"),
            ));
        }
        let mut languages: Vec<(LanguageCode, LanguageLevel)> = Vec::new();
        for (i, (code, level)) in self.languages.iter().enumerate() {
            let code = LanguageCode::parse_field(code, &format!("input.languages[{i}].code"))?;
            if languages.iter().any(|(c, _)| *c == code) {
                return Err(ValidationError::new(
                    format!("input.languages[{i}].code"),
                    format!("{code} is listed twice"),
                ));
            }
            languages.push((code, *level));
        }
        if self.skills.len() > MAX_SKILLS {
            return Err(ValidationError::new(
                "input.skills",
                format!("at most {MAX_SKILLS} skills"),
            ));
        }
        let mut skills: Vec<SkillClaim> = Vec::new();
        let mut seen = HashSet::new();
        for (i, claim) in self.skills.iter().enumerate() {
            let claim = validate_claim(claim, &format!("input.skills[{i}]"))?;
            if !seen.insert(claim.skill.id()) {
                return Err(ValidationError::new(
                    format!("input.skills[{i}]"),
                    "this skill is listed twice",
                ));
            }
            skills.push(claim);
        }
        if let Some(hours) = self.hours_per_month
            && !(0..=MAX_HOURS_PER_MONTH).contains(&hours)
        {
            return Err(ValidationError::new(
                "input.hoursPerMonth",
                format!("give between 0 and {MAX_HOURS_PER_MONTH} hours a month"),
            ));
        }
        let orcid = match self
            .orcid
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(raw) => Some(Orcid::parse_field(raw, "input.orcid")?),
            None => None,
        };
        Ok(ValidProfile {
            headline,
            bio,
            residence_country,
            residence_city,
            origin_countries,
            languages,
            skills,
            engagement_types: dedup(self.engagement_types),
            work_modes: dedup(self.work_modes),
            hours_per_month: self.hours_per_month,
            orcid,
            visibility: self.visibility,
        })
    }
}

fn validate_claim(claim: &SkillClaimDraft, field: &str) -> Result<SkillClaim, ValidationError> {
    let skill = skill_ref(claim.skill_id.as_deref(), claim.label.as_deref(), field)?;
    if !(1..=5).contains(&claim.level) {
        return Err(ValidationError::new(
            format!("{field}.level"),
            "a skill level is from 1 to 5",
        ));
    }
    let years = match claim.years {
        Some(y) if (0..=70).contains(&y) => Some(u8::try_from(y).unwrap_or(0)),
        Some(_) => {
            return Err(ValidationError::new(
                format!("{field}.years"),
                "years of practice are from 0 to 70",
            ));
        }
        None => None,
    };
    Ok(SkillClaim {
        skill,
        level: u8::try_from(claim.level).unwrap_or(1),
        years,
    })
}

/// Reads a skill named by taxonomy id or by free-text label; `field` is the skill entry's
/// input name (`input.skills[2]`), to which `.skillId` or `.label` is appended.
pub(crate) fn skill_ref(
    skill_id: Option<&str>,
    label: Option<&str>,
    field: &str,
) -> Result<SkillRef, ValidationError> {
    match (skill_id.map(str::trim), label) {
        (Some(id), _) if !id.is_empty() => {
            Ok(SkillRef::Known(id.parse::<SkillId>().map_err(|_| {
                ValidationError::new(format!("{field}.skillId"), "this is not a valid skill id")
            })?))
        }
        (_, Some(label)) if !label.trim().is_empty() => {
            let (label, key) = free_skill(label, &format!("{field}.label"))?;
            Ok(SkillRef::Free { label, key })
        }
        _ => Err(ValidationError::new(
            field,
            "give a skillId from the list, or a label",
        )),
    }
}

pub(crate) fn dedup<T: PartialEq + Copy>(items: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProfileDraft {
        ProfileDraft {
            headline: "Hydrologist, flood modelling".into(),
            bio: "Twenty years of river basin work.".into(),
            residence_country: "nl".into(),
            residence_city: Some(" Rotterdam ".into()),
            origin_countries: vec!["NG".into(), "ng".into()],
            languages: vec![
                ("en".into(), LanguageLevel::Fluent),
                ("yo".into(), LanguageLevel::Native),
            ],
            skills: vec![SkillClaimDraft {
                label: Some("  Flood   modelling ".into()),
                level: 5,
                years: Some(20),
                ..Default::default()
            }],
            engagement_types: vec![EngagementType::Mentoring, EngagementType::Mentoring],
            work_modes: vec![WorkMode::Remote],
            hours_per_month: Some(10),
            orcid: Some("0000-0002-1825-0097".into()),
            visibility: Visibility::Public,
        }
    }

    #[test]
    fn a_good_draft_is_normalised() {
        let p = draft().validate().unwrap();
        assert_eq!(p.residence_country.as_str(), "NL");
        assert_eq!(p.residence_city.as_deref(), Some("Rotterdam"));
        assert_eq!(p.origin_countries.len(), 1);
        assert_eq!(p.engagement_types, vec![EngagementType::Mentoring]);
        assert_eq!(
            p.skills[0].skill,
            SkillRef::Free {
                label: "Flood modelling".into(),
                key: "flood modelling".into()
            }
        );
    }

    #[test]
    fn free_text_skills_with_the_same_words_share_an_id() {
        let a = SkillRef::Free {
            label: "Flood modelling".into(),
            key: "flood modelling".into(),
        };
        assert_eq!(a.id(), SkillId::for_free_text("flood modelling"));
    }

    type Change = Box<dyn Fn(&mut ProfileDraft)>;

    #[test]
    fn each_bad_field_is_named() {
        let cases: Vec<(Change, &str)> = vec![
            (Box::new(|d| d.headline = " ".into()), "input.headline"),
            (
                Box::new(|d| d.residence_country = "XX".into()),
                "input.residenceCountry",
            ),
            (
                Box::new(|d| d.origin_countries = vec!["NG".into(), "QQ".into()]),
                "input.originCountries[1]",
            ),
            (
                Box::new(|d| d.languages = vec![("zz".into(), LanguageLevel::Basic)]),
                "input.languages[0].code",
            ),
            (Box::new(|d| d.skills[0].level = 6), "input.skills[0].level"),
            (Box::new(|d| d.skills[0].level = 0), "input.skills[0].level"),
            (
                Box::new(|d| d.skills[0].years = Some(-1)),
                "input.skills[0].years",
            ),
            (
                Box::new(|d| {
                    d.skills[0] = SkillClaimDraft {
                        skill_id: Some("nope".into()),
                        level: 3,
                        ..Default::default()
                    }
                }),
                "input.skills[0].skillId",
            ),
            (
                Box::new(|d| {
                    d.skills[0] = SkillClaimDraft {
                        level: 3,
                        ..Default::default()
                    }
                }),
                "input.skills[0]",
            ),
            (
                Box::new(|d| d.hours_per_month = Some(500)),
                "input.hoursPerMonth",
            ),
            (
                Box::new(|d| d.orcid = Some("0000-0002-1825-0098".into())),
                "input.orcid",
            ),
            (Box::new(|d| d.bio = "x".repeat(MAX_BIO + 1)), "input.bio"),
        ];
        for (change, field) in cases {
            let mut d = draft();
            change(&mut d);
            assert_eq!(d.validate().unwrap_err().field, field);
        }
    }

    #[test]
    fn a_skill_listed_twice_is_refused() {
        let mut d = draft();
        d.skills.push(SkillClaimDraft {
            label: Some("flood MODELLING".into()),
            level: 2,
            ..Default::default()
        });
        assert_eq!(d.validate().unwrap_err().field, "input.skills[1]");
    }
}
