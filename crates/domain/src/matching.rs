//! How well an expert fits a request: the structured half of two-sided matching, as plain
//! arithmetic over skill ids and levels, languages, work modes, hours, countries and
//! activity. The service feeds it records from the database (`matchExperts`,
//! `recommendedRequests`, explanations of `searchRequests`); the relevance benchmark feeds
//! it its generated corpus, so both measure the same ranking. The weights and components
//! are documented in ARCHITECTURE.md ("Matching").

use crate::{CountryCode, LanguageCode, SkillId, WorkMode};

/// Weights of the fit components; they sum to 1.
pub mod weight {
    /// Text relevance (the candidate's index score ÷ the best candidate's).
    pub const TEXT: f64 = 0.30;
    /// Mean coverage of the required skills.
    pub const REQUIRED: f64 = 0.30;
    /// Mean coverage of the optional skills.
    pub const OPTIONAL: f64 = 0.10;
    /// Speaks one of the request's languages.
    pub const LANGUAGES: f64 = 0.09;
    /// Offers one of the request's work modes.
    pub const WORK_MODES: f64 = 0.05;
    /// Offered ÷ asked hours a month.
    pub const HOURS: f64 = 0.04;
    /// Comes from the institution's country.
    pub const ORIGIN: f64 = 0.08;
    /// Verified by a moderator.
    pub const VERIFIED: f64 = 0.04;
}

/// A skill requirement counts as matched (in explanations) from this coverage on: the skill
/// itself, possibly below the level asked.
pub const MATCHED_COVERAGE: f64 = 0.6;

/// A taxonomy skill: its id and the ids of its broader skills.
#[derive(Debug, Clone, Copy)]
pub struct SkillNode<'a> {
    /// The skill.
    pub id: SkillId,
    /// Its broader skills in the taxonomy.
    pub broader: &'a [SkillId],
}

/// A skill a request asks for.
#[derive(Debug, Clone, Copy)]
pub struct Need<'a> {
    /// The skill.
    pub skill: SkillNode<'a>,
    /// The lowest acceptable level, 1 to 5.
    pub min_level: u8,
    /// A must (else a plus).
    pub required: bool,
}

/// A skill an expert claims.
#[derive(Debug, Clone, Copy)]
pub struct Held<'a> {
    /// The skill.
    pub skill: SkillNode<'a>,
    /// The claimed level, 1 to 5.
    pub level: u8,
}

/// What a request asks for.
#[derive(Debug, Clone, Copy)]
pub struct RequestFacts<'a> {
    /// Skills, in the institution's order.
    pub needs: &'a [Need<'a>],
    /// Working languages (none: any).
    pub languages: &'a [LanguageCode],
    /// Acceptable ways of working (none: any).
    pub work_modes: &'a [WorkMode],
    /// Hours a month asked of an expert.
    pub hours_per_month: Option<i32>,
    /// The institution's country.
    pub country: CountryCode,
}

/// What an expert offers.
#[derive(Debug, Clone, Copy)]
pub struct ExpertFacts<'a> {
    /// Claimed skills.
    pub skills: &'a [Held<'a>],
    /// Spoken languages.
    pub languages: &'a [LanguageCode],
    /// Ways of working offered.
    pub work_modes: &'a [WorkMode],
    /// Hours a month offered.
    pub hours_per_month: Option<i32>,
    /// Countries of origin.
    pub origin_countries: &'a [CountryCode],
    /// Verified by a moderator.
    pub verified: bool,
    /// Whole days since the expert was last active (0 or more).
    pub days_inactive: f64,
}

/// How well one expert fits one request, with the reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The weighted sum of the components times the activity factor; 0 to 1 with the text
    /// component, 0 to 0.7 without it.
    pub score: f64,
    /// Indices (into [`RequestFacts::needs`]) of the skills the expert covers at
    /// [`MATCHED_COVERAGE`] or more.
    pub matched: Vec<usize>,
    /// Indices of the required skills the expert does not cover.
    pub missing: Vec<usize>,
    /// The request's languages the expert speaks.
    pub languages: Vec<LanguageCode>,
    /// The expert comes from the institution's country.
    pub country_match: bool,
}

/// How much of a skill requirement an expert's skills cover: 1 for the skill at or above the
/// level asked, 0.6 below it, 0.3 for a broader, narrower or sibling skill in the taxonomy,
/// else 0.
#[must_use]
pub fn coverage(need: &Need<'_>, skills: &[Held<'_>]) -> f64 {
    let wanted = need.skill;
    let mut best: f64 = 0.0;
    for held in skills {
        let skill = held.skill;
        let score = if skill.id == wanted.id {
            if held.level >= need.min_level {
                1.0
            } else {
                MATCHED_COVERAGE
            }
        } else if skill.broader.contains(&wanted.id)
            || wanted.broader.contains(&skill.id)
            || skill.broader.iter().any(|b| wanted.broader.contains(b))
        {
            0.3
        } else {
            0.0
        };
        best = best.max(score);
    }
    best
}

/// The activity factor of an expert inactive for `days`: 1 today, 0.9 after three months,
/// never below 0.8 (the curve of the search index's recency factor).
#[must_use]
pub fn activity(days: f64) -> f64 {
    0.8 + 0.2 * 0.5_f64.powf(days.max(0.0) / 90.0)
}

/// The fit of `expert` to `request`; `text` is the normalised text relevance, 0 to 1 (0 when
/// there is none, as in recommendations).
#[must_use]
pub fn fit(request: &RequestFacts<'_>, expert: &ExpertFacts<'_>, text: f64) -> Fit {
    let mut matched = Vec::new();
    let mut missing = Vec::new();
    let (mut required, mut required_n, mut optional, mut optional_n) = (0.0, 0.0, 0.0, 0.0);
    for (i, need) in request.needs.iter().enumerate() {
        let covered = coverage(need, expert.skills);
        if covered >= MATCHED_COVERAGE {
            matched.push(i);
        } else if need.required {
            missing.push(i);
        }
        if need.required {
            required += covered;
            required_n += 1.0;
        } else {
            optional += covered;
            optional_n += 1.0;
        }
    }
    let mean = |sum: f64, n: f64| if n > 0.0 { sum / n } else { 1.0 };
    let languages: Vec<LanguageCode> = request
        .languages
        .iter()
        .filter(|l| expert.languages.contains(l))
        .copied()
        .collect();
    let language_fit = if request.languages.is_empty() || !languages.is_empty() {
        1.0
    } else {
        0.0
    };
    let modes = request.work_modes;
    let mode_fit = if modes.is_empty() || modes.iter().any(|m| expert.work_modes.contains(m)) {
        1.0
    } else {
        0.0
    };
    let hours = match (request.hours_per_month, expert.hours_per_month) {
        (Some(need), Some(offer)) if need > 0 => (f64::from(offer) / f64::from(need)).min(1.0),
        (Some(_), None) => 0.5,
        _ => 1.0,
    };
    let country_match = expert.origin_countries.contains(&request.country);
    let score = weight::TEXT * text
        + weight::REQUIRED * mean(required, required_n)
        + weight::OPTIONAL * mean(optional, optional_n)
        + weight::LANGUAGES * language_fit
        + weight::WORK_MODES * mode_fit
        + weight::HOURS * hours
        + weight::ORIGIN * f64::from(u8::from(country_match))
        + weight::VERIFIED * f64::from(u8::from(expert.verified));
    Fit {
        score: score * activity(expert.days_inactive),
        matched,
        missing,
        languages,
        country_match,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> SkillId {
        SkillId(uuid::Uuid::from_u128(n))
    }

    fn code(c: &str) -> LanguageCode {
        LanguageCode::parse(c).unwrap()
    }

    #[test]
    fn weights_sum_to_one() {
        let sum = weight::TEXT
            + weight::REQUIRED
            + weight::OPTIONAL
            + weight::LANGUAGES
            + weight::WORK_MODES
            + weight::HOURS
            + weight::ORIGIN
            + weight::VERIFIED;
        assert!((sum - 1.0).abs() < 1e-9);
    }

    #[test]
    fn coverage_rewards_the_skill_its_level_and_its_neighbours() {
        let (ml, ai, deep, cooking) = (id(1), id(2), id(3), id(4));
        let ml_under_ai = [ai];
        let need = Need {
            skill: SkillNode {
                id: ml,
                broader: &ml_under_ai,
            },
            min_level: 3,
            required: true,
        };
        let held = |skill: SkillId, broader: &'static [SkillId], level| Held {
            skill: SkillNode { id: skill, broader },
            level,
        };
        let deep_under_ml: &'static [SkillId] = Box::leak(Box::new([ml]));
        assert_eq!(coverage(&need, &[held(ml, &[], 4)]), 1.0);
        assert_eq!(coverage(&need, &[held(ml, &[], 2)]), 0.6);
        assert_eq!(coverage(&need, &[held(deep, deep_under_ml, 5)]), 0.3);
        assert_eq!(coverage(&need, &[held(ai, &[], 5)]), 0.3, "broader");
        assert_eq!(coverage(&need, &[held(cooking, &[], 5)]), 0.0);
        assert_eq!(
            coverage(&need, &[held(cooking, &[], 5), held(ml, &[], 2)]),
            0.6,
            "the best claim counts"
        );
    }

    #[test]
    fn a_full_fit_scores_one_and_explains_itself() {
        let (ml, gis) = (id(1), id(2));
        let needs = [
            Need {
                skill: SkillNode {
                    id: ml,
                    broader: &[],
                },
                min_level: 3,
                required: true,
            },
            Need {
                skill: SkillNode {
                    id: gis,
                    broader: &[],
                },
                min_level: 2,
                required: true,
            },
        ];
        let nigeria = CountryCode::parse("NG").unwrap();
        let request = RequestFacts {
            needs: &needs,
            languages: &[code("en"), code("yo")],
            work_modes: &[WorkMode::Remote],
            hours_per_month: Some(10),
            country: nigeria,
        };
        let skills = [Held {
            skill: SkillNode {
                id: ml,
                broader: &[],
            },
            level: 4,
        }];
        let expert = ExpertFacts {
            skills: &skills,
            languages: &[code("yo")],
            work_modes: &[WorkMode::Remote],
            hours_per_month: Some(20),
            origin_countries: &[nigeria],
            verified: true,
            days_inactive: 0.0,
        };
        let got = fit(&request, &expert, 1.0);
        assert_eq!(got.matched, [0]);
        assert_eq!(got.missing, [1]);
        assert_eq!(got.languages, [code("yo")]);
        assert!(got.country_match);
        let expected = 1.0 - weight::REQUIRED / 2.0;
        assert!((got.score - expected).abs() < 1e-9, "{got:?}");
        let silent = ExpertFacts {
            days_inactive: 90.0,
            ..expert
        };
        assert!((fit(&request, &silent, 1.0).score - expected * 0.9).abs() < 1e-9);
    }
}
