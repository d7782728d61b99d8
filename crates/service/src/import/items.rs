//! The item syntax of list cells: `NG;GH`, `en:FLUENT;yo:NATIVE`,
//! `<skill id or label>:<level>[:<years>]`, `MENTORING;CONSULTING`. The same syntax is
//! accepted for strings inside JSON arrays.

use braingain_domain::profile::SkillClaimDraft;
use braingain_domain::{EngagementType, LanguageLevel, SkillId, Visibility, WorkMode};
use std::str::FromStr;

/// The level a skill gets when the file names none.
pub const DEFAULT_SKILL_LEVEL: i32 = 3;
/// The level a language gets when the file names none.
pub const DEFAULT_LANGUAGE_LEVEL: LanguageLevel = LanguageLevel::Fluent;

/// The non-empty, trimmed items of a `;`-separated cell.
pub fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// A language item: `en` or `en:NATIVE` (level case-insensitive, FLUENT by default).
pub fn language(item: &str) -> Result<(String, LanguageLevel), String> {
    match item.split_once(':') {
        Some((code, level)) => Ok((code.trim().to_owned(), language_level(level)?)),
        None => Ok((item.trim().to_owned(), DEFAULT_LANGUAGE_LEVEL)),
    }
}

/// A language level, case-insensitive.
pub fn language_level(raw: &str) -> Result<LanguageLevel, String> {
    vocabulary(raw, "languages", LanguageLevel::ALL)
}

/// A trailing `:n` segment counts as a number when it is at most three digits (optionally
/// signed), so that labels such as `ISO 9001:2015` stay whole.
fn number(segment: &str) -> Option<i32> {
    let s = segment.trim();
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A skill item, split from the right: `<id or label>[:<level>[:<years>]]`. The head is a
/// taxonomy id when it parses as a UUID, else a free-text label (which may hold `:`).
pub fn skill(item: &str) -> SkillClaimDraft {
    let mut head = item.trim();
    let mut numbers = Vec::new();
    while numbers.len() < 2 {
        let Some((rest, last)) = head.rsplit_once(':') else {
            break;
        };
        match number(last) {
            Some(n) if !rest.trim().is_empty() => {
                numbers.push(n);
                head = rest.trim_end();
            }
            _ => break,
        }
    }
    numbers.reverse();
    let (level, years) = match numbers.as_slice() {
        [level, years] => (*level, Some(*years)),
        [level] => (*level, None),
        _ => (DEFAULT_SKILL_LEVEL, None),
    };
    skill_claim(head, None, level, years)
}

/// A claim from its parts: `id_or_label` is an id if it parses as one, else a label.
pub fn skill_claim(
    id_or_label: &str,
    label: Option<String>,
    level: i32,
    years: Option<i32>,
) -> SkillClaimDraft {
    let head = id_or_label.trim();
    if head.parse::<SkillId>().is_ok() {
        SkillClaimDraft {
            skill_id: Some(head.to_owned()),
            label,
            level,
            years,
        }
    } else {
        SkillClaimDraft {
            skill_id: None,
            label: Some(head.to_owned()),
            level,
            years,
        }
    }
}

/// An engagement type, case-insensitive.
pub fn engagement_type(raw: &str) -> Result<EngagementType, String> {
    vocabulary(raw, "engagement_types", EngagementType::ALL)
}

/// A work mode, case-insensitive.
pub fn work_mode(raw: &str) -> Result<WorkMode, String> {
    vocabulary(raw, "work_modes", WorkMode::ALL)
}

/// A visibility, case-insensitive.
pub fn visibility(raw: &str) -> Result<Visibility, String> {
    vocabulary(raw, "visibility", Visibility::ALL)
}

/// A value of a closed vocabulary, case-insensitive, with the allowed values in the error.
fn vocabulary<T: FromStr + Copy + std::fmt::Display>(
    raw: &str,
    column: &str,
    all: &[T],
) -> Result<T, String> {
    let upper = raw.trim().to_ascii_uppercase().replace([' ', '-'], "_");
    upper.parse().map_err(|_| {
        let allowed: Vec<String> = all.iter().map(ToString::to_string).collect();
        format!(
            "{column}: {:?} is not one of {}",
            raw.trim(),
            allowed.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ML: &str = "8369c2d6-c100-4cf6-bd83-9668d8678433";

    #[test]
    fn skills_split_from_the_right() {
        let s = skill(&format!("{ML}:4:6"));
        assert_eq!(
            (s.skill_id.as_deref(), s.label, s.level, s.years),
            (Some(ML), None, 4, Some(6))
        );
        let s = skill("Flood risk modelling:5");
        assert_eq!(
            (s.label.as_deref(), s.level, s.years),
            (Some("Flood risk modelling"), 5, None)
        );
        let s = skill("  Python ");
        assert_eq!((s.label.as_deref(), s.level), (Some("Python"), 3));
        let s = skill("C++: templates:4:2");
        assert_eq!(
            (s.label.as_deref(), s.level, s.years),
            (Some("C++: templates"), 4, Some(2))
        );
        let s = skill("ISO 9001:2015");
        assert_eq!((s.label.as_deref(), s.level), (Some("ISO 9001:2015"), 3));
        let s = skill("Hydrology:9");
        assert_eq!(s.level, 9, "out-of-range levels are kept for validation");
        let s = skill("5");
        assert_eq!(
            (s.label.as_deref(), s.level),
            (Some("5"), 3),
            "a lone number is a label"
        );
    }

    #[test]
    fn languages_default_to_fluent_and_levels_ignore_case() {
        assert_eq!(
            language("yo:native").unwrap(),
            ("yo".into(), LanguageLevel::Native)
        );
        assert_eq!(
            language("en").unwrap(),
            ("en".into(), LanguageLevel::Fluent)
        );
        assert!(language("en:GOOD").unwrap_err().contains("FLUENT"));
    }

    #[test]
    fn vocabularies_accept_any_case_and_name_the_allowed_values() {
        assert_eq!(
            engagement_type("joint research").unwrap(),
            EngagementType::JointResearch
        );
        assert_eq!(work_mode("short-visit").unwrap(), WorkMode::ShortVisit);
        assert!(
            visibility("secret")
                .unwrap_err()
                .contains("PUBLIC, MEMBERS, HIDDEN")
        );
        assert_eq!(
            split_list(" NG; ;GH ;").collect::<Vec<_>>(),
            vec!["NG", "GH"]
        );
    }
}
