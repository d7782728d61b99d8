//! Profile input validation (`saveExpertProfile`'s `ProfileDraft::validate`) under arbitrary
//! drafts: bytes are decoded into a draft whose strings are sometimes plausible values (real
//! codes, labels, ORCID iDs, padded or overlong) and sometimes anything at all.

use crate::ServiceError;
use arbitrary::{Arbitrary, Unstructured};
use braingain_domain::profile::{
    MAX_BIO, MAX_HEADLINE, MAX_HOURS_PER_MONTH, MAX_LANGUAGES, MAX_ORIGINS, MAX_SKILLS,
    ProfileDraft, SkillClaimDraft, SkillRef, ValidProfile,
};
use braingain_domain::{
    CountryCode, EngagementType, LanguageCode, LanguageLevel, Orcid, Visibility, WorkMode,
};
use std::collections::HashSet;

/// Plausible values the decoder picks from, so that valid drafts are common.
const COUNTRIES: &[&str] = &["NL", "ng", " GH ", "FR", "XK", "XX", "N", "NGA", "ÑG"];
const LANGUAGES: &[&str] = &["en", "FR", " yo ", "ar", "xx", "eng", "e"];
const TEXTS: &[&str] = &[
    "Hydrologist, flood modelling",
    "  Épidémiologiste  à   Dakar ",
    "مهندس مياه",
    "line one\nline two",
    "tab\there",
    "zero\u{0}width",
    "next\u{85}line",
    "sep\u{2028}arator",
    "\r\n",
    "\"quoted\", with; separators: 5",
];
const SKILL_IDS: &[&str] = &[
    "8369c2d6-c100-4cf6-bd83-9668d8678433",
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
];
const ORCIDS: &[&str] = &[
    "0000-0002-1825-0097",
    "https://orcid.org/0000-0002-1694-233X",
    "0000-0002-1694-233x",
    "0000-0002-1825-0098",
    "0000000218250097",
];

/// The `profile_input` fuzz target: `data` decoded into a draft, then [`check_draft`].
pub fn profile_input(data: &[u8]) {
    let mut u = Unstructured::new(data);
    if let Ok(draft) = draft(&mut u) {
        check_draft(draft);
    }
}

/// Validates `draft` as `saveExpertProfile` does: a refusal is a `BAD_USER_INPUT` naming an
/// `input.` field; an accepted profile is checked by [`check_valid_profile`].
pub fn check_draft(draft: ProfileDraft) {
    match draft.validate() {
        Ok(profile) => check_valid_profile(&profile),
        Err(e) => {
            assert!(
                e.field.starts_with("input."),
                "the error names an input field: {e:?}"
            );
            assert!(!e.message.is_empty(), "the error says what is wrong");
            assert_eq!(ServiceError::from(e).code(), "BAD_USER_INPUT");
        }
    }
}

/// Checks the invariants of a validated profile, and that validating it again (as the web
/// app does when the expert saves the form unchanged) gives the same profile.
pub fn check_valid_profile(p: &ValidProfile) {
    check_line(&p.headline, 1, MAX_HEADLINE);
    check_text(&p.bio, 0, MAX_BIO);
    if let Some(city) = &p.residence_city {
        check_line(city, 1, 100);
    }
    check_country(p.residence_country);
    assert!(p.origin_countries.len() <= MAX_ORIGINS);
    p.origin_countries.iter().copied().for_each(check_country);
    assert!(distinct(&p.origin_countries), "{:?}", p.origin_countries);
    assert!(p.languages.len() <= MAX_LANGUAGES);
    for (code, _) in &p.languages {
        let text = code.as_str();
        assert!(text.len() == 2 && text.bytes().all(|b| b.is_ascii_lowercase()));
        assert_eq!(LanguageCode::parse(text).as_ref(), Ok(code));
    }
    let codes: Vec<_> = p.languages.iter().map(|(c, _)| *c).collect();
    assert!(distinct(&codes), "one level per language: {codes:?}");
    assert!(p.skills.len() <= MAX_SKILLS);
    for claim in &p.skills {
        assert!((1..=5).contains(&claim.level), "{claim:?}");
        assert!(claim.years.is_none_or(|y| y <= 70), "{claim:?}");
        if let SkillRef::Free { label, key } = &claim.skill {
            check_line(label, 2, 100);
            assert_eq!(
                *key,
                label.to_lowercase(),
                "the key is the lower-cased label"
            );
        }
    }
    let ids: Vec<_> = p.skills.iter().map(|c| c.skill.id()).collect();
    assert!(distinct(&ids), "one claim per skill");
    assert!(distinct(&p.engagement_types) && distinct(&p.work_modes));
    assert!(
        p.hours_per_month
            .is_none_or(|h| (0..=MAX_HOURS_PER_MONTH).contains(&h))
    );
    if let Some(orcid) = &p.orcid {
        assert_eq!(orcid.as_str().len(), 19, "{orcid:?}");
        assert_eq!(
            Orcid::parse_field(orcid.as_str(), "orcid").as_ref(),
            Ok(orcid)
        );
    }
    let again = redraft(p)
        .validate()
        .unwrap_or_else(|e| panic!("a validated profile is refused when saved again: {e}"));
    assert_eq!(&again, p, "validation is idempotent");
}

/// The draft a client sends to save `p` unchanged.
fn redraft(p: &ValidProfile) -> ProfileDraft {
    ProfileDraft {
        headline: p.headline.clone(),
        bio: p.bio.clone(),
        residence_country: p.residence_country.to_string(),
        residence_city: p.residence_city.clone(),
        origin_countries: p.origin_countries.iter().map(ToString::to_string).collect(),
        languages: p
            .languages
            .iter()
            .map(|(code, level)| (code.to_string(), *level))
            .collect(),
        skills: p
            .skills
            .iter()
            .map(|claim| {
                let (skill_id, label) = match &claim.skill {
                    SkillRef::Known(id) => (Some(id.to_string()), None),
                    SkillRef::Free { label, .. } => (None, Some(label.clone())),
                };
                SkillClaimDraft {
                    skill_id,
                    label,
                    level: i32::from(claim.level),
                    years: claim.years.map(i32::from),
                }
            })
            .collect(),
        engagement_types: p.engagement_types.clone(),
        work_modes: p.work_modes.clone(),
        hours_per_month: p.hours_per_month,
        orcid: p.orcid.as_ref().map(|o| o.as_str().to_owned()),
        visibility: p.visibility,
    }
}

/// Stored text: trimmed, within `min..=max` characters, no control characters but line
/// breaks and tabs.
fn check_text(text: &str, min: usize, max: usize) {
    let chars = text.chars().count();
    assert!((min..=max).contains(&chars), "{chars} characters: {text:?}");
    assert_eq!(text, text.trim(), "stored text is trimmed");
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{text:?}"
    );
}

/// Stored single-line text: as [`check_text`], with every run of white space one space.
fn check_line(text: &str, min: usize, max: usize) {
    check_text(text, min, max);
    assert!(
        !text.contains("  ") && !text.chars().any(|c| c.is_whitespace() && c != ' '),
        "one line, spaces collapsed: {text:?}"
    );
}

fn check_country(code: CountryCode) {
    let text = code.as_str();
    assert!(text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()));
    assert_eq!(CountryCode::parse(text), Ok(code));
}

fn distinct<T: Eq + std::hash::Hash>(items: &[T]) -> bool {
    items.iter().collect::<HashSet<_>>().len() == items.len()
}

/// A draft from fuzzer bytes.
fn draft(u: &mut Unstructured<'_>) -> arbitrary::Result<ProfileDraft> {
    Ok(ProfileDraft {
        headline: text(u, TEXTS)?,
        bio: text(u, TEXTS)?,
        residence_country: text(u, COUNTRIES)?,
        residence_city: optional(u, |u| text(u, TEXTS))?,
        origin_countries: list(u, MAX_ORIGINS, |u| text(u, COUNTRIES))?,
        languages: list(u, MAX_LANGUAGES, |u| {
            Ok((text(u, LANGUAGES)?, *u.choose(LanguageLevel::ALL)?))
        })?,
        skills: list(u, MAX_SKILLS, skill)?,
        engagement_types: list(u, 8, |u| u.choose(EngagementType::ALL).copied())?,
        work_modes: list(u, 8, |u| u.choose(WorkMode::ALL).copied())?,
        hours_per_month: optional(u, |u| number(u, -1..=MAX_HOURS_PER_MONTH + 1))?,
        orcid: optional(u, |u| text(u, ORCIDS))?,
        visibility: *u.choose(Visibility::ALL)?,
    })
}

fn skill(u: &mut Unstructured<'_>) -> arbitrary::Result<SkillClaimDraft> {
    Ok(SkillClaimDraft {
        skill_id: optional(u, |u| text(u, SKILL_IDS))?,
        label: optional(u, |u| text(u, TEXTS))?,
        level: number(u, 0..=6)?,
        years: optional(u, |u| number(u, -1..=71))?,
    })
}

/// A string: a plausible sample, a sample padded with white space, a sample repeated past
/// any limit, or arbitrary text.
fn text(u: &mut Unstructured<'_>, samples: &[&str]) -> arbitrary::Result<String> {
    Ok(match u.int_in_range(0..=4u8)? {
        0 | 1 => (*u.choose(samples)?).to_owned(),
        2 => format!(
            "{}{}{}",
            u.choose(&[" ", "\t", "\u{a0}", "\n", ""])?,
            u.choose(samples)?,
            u.choose(&[" ", "\r\n", "\u{3000}", ""])?
        ),
        3 => u.choose(samples)?.repeat(u.int_in_range(1..=600)?),
        _ => String::arbitrary(u)?,
    })
}

/// An integer near the interesting range, or any `i32` now and then.
fn number(u: &mut Unstructured<'_>, near: std::ops::RangeInclusive<i32>) -> arbitrary::Result<i32> {
    if u.ratio(1, 8)? {
        i32::arbitrary(u)
    } else {
        u.int_in_range(near)
    }
}

fn optional<T>(
    u: &mut Unstructured<'_>,
    f: impl FnOnce(&mut Unstructured<'_>) -> arbitrary::Result<T>,
) -> arbitrary::Result<Option<T>> {
    Ok(if bool::arbitrary(u)? {
        Some(f(u)?)
    } else {
        None
    })
}

/// Up to two items past `max`, so the count limits are exercised too.
fn list<T>(
    u: &mut Unstructured<'_>,
    max: usize,
    mut f: impl FnMut(&mut Unstructured<'_>) -> arbitrary::Result<T>,
) -> arbitrary::Result<Vec<T>> {
    let len = u.int_in_range(0..=max + 2)?;
    (0..len).map(|_| f(u)).collect()
}
