//! Institutions' requests for help: what a client may submit, its validated form, and the
//! lifecycle ([`lifecycle`]) a request moves through.

pub mod lifecycle;

use crate::profile::{SkillRef, dedup, skill_ref};
use crate::text::{bounded, single_line};
use crate::{LanguageCode, RequestKind, ValidationError, WorkMode};
use chrono::NaiveDate;
use std::collections::HashSet;

pub use lifecycle::IllegalTransition;

/// Shortest title, in characters.
pub const MIN_TITLE: usize = 5;
/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Shortest description, in characters.
pub const MIN_DESCRIPTION: usize = 20;
/// Longest description, in characters.
pub const MAX_DESCRIPTION: usize = 10_000;
/// Most skills a request asks for.
pub const MAX_SKILLS: usize = 30;
/// Most languages a request names.
pub const MAX_LANGUAGES: usize = 20;
/// Most hours a month a request may ask of an expert.
pub const MAX_HOURS_PER_MONTH: i32 = 200;

/// A skill a request asks for, as a client names it: a taxonomy id, or free text.
#[derive(Debug, Clone, Default)]
pub struct SkillRequirementDraft {
    /// A taxonomy skill id.
    pub skill_id: Option<String>,
    /// Free text, when the skill is not in the taxonomy.
    pub label: Option<String>,
    /// The lowest acceptable level, 1 to 5.
    pub min_level: i32,
    /// Whether an expert without it does not qualify (else it is a plus).
    pub required: bool,
}

/// A request as submitted (the institution it belongs to travels separately).
#[derive(Debug, Clone)]
pub struct RequestDraft {
    /// What kind of help.
    pub kind: RequestKind,
    /// One-line title.
    pub title: String,
    /// What is needed and why.
    pub description: String,
    /// Skills asked for.
    pub skills: Vec<SkillRequirementDraft>,
    /// Working languages (ISO 639-1).
    pub languages: Vec<String>,
    /// Acceptable ways of working.
    pub work_modes: Vec<WorkMode>,
    /// Hours a month asked of an expert.
    pub hours_per_month: Option<i32>,
    /// First day (`YYYY-MM-DD`).
    pub starts_on: Option<String>,
    /// Last day (`YYYY-MM-DD`).
    pub ends_on: Option<String>,
}

/// A validated skill requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillRequirement {
    /// Which skill.
    pub skill: SkillRef,
    /// 1 to 5.
    pub min_level: u8,
    /// Whether it is a must.
    pub required: bool,
}

/// A validated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRequest {
    /// What kind of help.
    pub kind: RequestKind,
    /// One-line title.
    pub title: String,
    /// What is needed and why.
    pub description: String,
    /// Skills, one per skill, in the institution's order.
    pub skills: Vec<SkillRequirement>,
    /// Languages, without duplicates.
    pub languages: Vec<LanguageCode>,
    /// Ways of working, without duplicates.
    pub work_modes: Vec<WorkMode>,
    /// Hours a month.
    pub hours_per_month: Option<i32>,
    /// First day.
    pub starts_on: Option<NaiveDate>,
    /// Last day (not before the first).
    pub ends_on: Option<NaiveDate>,
}

impl RequestDraft {
    /// Validates every field, naming the first offending one (`input.skills[1].minLevel`).
    pub fn validate(self) -> Result<ValidRequest, ValidationError> {
        let title = single_line(&self.title, "input.title", MIN_TITLE, MAX_TITLE)?;
        let description = bounded(
            &self.description,
            "input.description",
            MIN_DESCRIPTION,
            MAX_DESCRIPTION,
        )?;
        if self.skills.is_empty() || self.skills.len() > MAX_SKILLS {
            return Err(ValidationError::new(
                "input.skills",
                format!("name between 1 and {MAX_SKILLS} skills"),
            ));
        }
        let mut skills = Vec::with_capacity(self.skills.len());
        let mut seen = HashSet::new();
        for (i, draft) in self.skills.iter().enumerate() {
            let field = format!("input.skills[{i}]");
            let skill = skill_ref(draft.skill_id.as_deref(), draft.label.as_deref(), &field)?;
            if !(1..=5).contains(&draft.min_level) {
                return Err(ValidationError::new(
                    format!("{field}.minLevel"),
                    "a skill level is from 1 to 5",
                ));
            }
            if !seen.insert(skill.id()) {
                return Err(ValidationError::new(field, "this skill is listed twice"));
            }
            skills.push(SkillRequirement {
                skill,
                min_level: u8::try_from(draft.min_level).unwrap_or(1),
                required: draft.required,
            });
        }
        if self.languages.len() > MAX_LANGUAGES {
            return Err(ValidationError::new(
                "input.languages",
                format!("at most {MAX_LANGUAGES} languages"),
            ));
        }
        let mut languages = Vec::with_capacity(self.languages.len());
        for (i, raw) in self.languages.iter().enumerate() {
            let code = LanguageCode::parse_field(raw, &format!("input.languages[{i}]"))?;
            if !languages.contains(&code) {
                languages.push(code);
            }
        }
        if let Some(hours) = self.hours_per_month
            && !(1..=MAX_HOURS_PER_MONTH).contains(&hours)
        {
            return Err(ValidationError::new(
                "input.hoursPerMonth",
                format!("give between 1 and {MAX_HOURS_PER_MONTH} hours a month"),
            ));
        }
        let starts_on = date(self.starts_on.as_deref(), "input.startsOn")?;
        let ends_on = date(self.ends_on.as_deref(), "input.endsOn")?;
        if let (Some(start), Some(end)) = (starts_on, ends_on)
            && end < start
        {
            return Err(ValidationError::new(
                "input.endsOn",
                "the end date cannot be before the start date",
            ));
        }
        Ok(ValidRequest {
            kind: self.kind,
            title,
            description,
            skills,
            languages,
            work_modes: dedup(self.work_modes),
            hours_per_month: self.hours_per_month,
            starts_on,
            ends_on,
        })
    }
}

/// An optional calendar date written `YYYY-MM-DD`; blank is `None`.
fn date(raw: Option<&str>, field: &str) -> Result<Option<NaiveDate>, ValidationError> {
    let Some(text) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let parsed = (text.len() == 10)
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten();
    parsed
        .map(Some)
        .ok_or_else(|| ValidationError::new(field, "write the date as YYYY-MM-DD (2026-03-31)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> RequestDraft {
        RequestDraft {
            kind: RequestKind::Project,
            title: "  Flood   risk model for Lagos ".into(),
            description: "We need help calibrating a flood model for the lagoon.".into(),
            skills: vec![
                SkillRequirementDraft {
                    label: Some("Flood modelling".into()),
                    min_level: 4,
                    required: true,
                    ..Default::default()
                },
                SkillRequirementDraft {
                    label: Some("GIS".into()),
                    min_level: 2,
                    required: false,
                    ..Default::default()
                },
            ],
            languages: vec!["EN".into(), "en".into(), "yo".into()],
            work_modes: vec![WorkMode::Remote, WorkMode::Remote],
            hours_per_month: Some(10),
            starts_on: Some("2026-03-01".into()),
            ends_on: Some("2026-06-30".into()),
        }
    }

    #[test]
    fn a_good_draft_is_normalised() {
        let r = draft().validate().unwrap();
        assert_eq!(r.title, "Flood risk model for Lagos");
        assert_eq!(
            r.languages
                .iter()
                .map(LanguageCode::as_str)
                .collect::<Vec<_>>(),
            ["en", "yo"]
        );
        assert_eq!(r.work_modes, vec![WorkMode::Remote]);
        assert_eq!(r.skills[0].min_level, 4);
        assert!(!r.skills[1].required);
        assert_eq!(r.ends_on, NaiveDate::from_ymd_opt(2026, 6, 30));
    }

    type Change = Box<dyn Fn(&mut RequestDraft)>;

    #[test]
    fn each_bad_field_is_named() {
        let cases: Vec<(Change, &str)> = vec![
            (Box::new(|d| d.title = "Help".into()), "input.title"),
            (Box::new(|d| d.title = "a\nb c d e".into()), "input.title"),
            (Box::new(|d| d.title = "x".repeat(201)), "input.title"),
            (
                Box::new(|d| d.description = "Too short.".into()),
                "input.description",
            ),
            (
                Box::new(|d| d.description = "x".repeat(10_001)),
                "input.description",
            ),
            (Box::new(|d| d.skills.clear()), "input.skills"),
            (
                Box::new(|d| d.skills = vec![SkillRequirementDraft::default(); 31]),
                "input.skills",
            ),
            (
                Box::new(|d| d.skills[1].min_level = 7),
                "input.skills[1].minLevel",
            ),
            (
                Box::new(|d| d.skills[0].min_level = 0),
                "input.skills[0].minLevel",
            ),
            (
                Box::new(|d| {
                    d.skills[1] = SkillRequirementDraft {
                        skill_id: Some("nope".into()),
                        min_level: 3,
                        ..Default::default()
                    }
                }),
                "input.skills[1].skillId",
            ),
            (
                Box::new(|d| d.skills[1].label = Some("flood MODELLING".into())),
                "input.skills[1]",
            ),
            (Box::new(|d| d.skills[1].label = None), "input.skills[1]"),
            (
                Box::new(|d| d.languages = vec!["en".into(), "zz".into()]),
                "input.languages[1]",
            ),
            (
                Box::new(|d| d.hours_per_month = Some(0)),
                "input.hoursPerMonth",
            ),
            (
                Box::new(|d| d.hours_per_month = Some(201)),
                "input.hoursPerMonth",
            ),
            (
                Box::new(|d| d.starts_on = Some("01/03/2026".into())),
                "input.startsOn",
            ),
            (
                Box::new(|d| d.ends_on = Some("2026-02-30".into())),
                "input.endsOn",
            ),
            (
                Box::new(|d| d.ends_on = Some("2026-02-28".into())),
                "input.endsOn",
            ),
        ];
        for (change, field) in cases {
            let mut d = draft();
            change(&mut d);
            assert_eq!(d.validate().unwrap_err().field, field);
        }
    }

    #[test]
    fn dates_and_hours_are_optional_and_one_day_is_enough() {
        let mut d = draft();
        d.hours_per_month = None;
        d.starts_on = Some(" ".into());
        d.ends_on = Some("2026-03-01".into());
        let r = d.validate().unwrap();
        assert_eq!(r.starts_on, None);
        let mut d = draft();
        d.ends_on = d.starts_on.clone();
        assert!(d.validate().is_ok());
    }
}
