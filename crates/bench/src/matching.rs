//! Requests for the matching evaluation (`matchExperts`: request → experts) and their graded
//! judgements.
//!
//! Each request is what an institution posts when it needs someone of one occupation of the
//! corpus: a title (the occupation's title in English, French or Spanish, taken in turn), 2–3
//! **required** skills with a minimum level, 1–2 optional skills of the occupation, the
//! title's language as working language, the institution's country, a work mode (half the
//! time) and hours a month. The required skills are skills one actual expert of the
//! occupation holds (at or above the level asked) and that expert speaks the request's
//! language, so every request has at least one grade-3 expert. Judgements are computed for
//! every expert of the corpus:
//!
//! | grade | expert |
//! |---|---|
//! | 3 | claims every required skill at or above its level, and speaks the request's language |
//! | 2 | speaks the language, and claims every required skill (some below the level), or practises the occupation and claims at least half of the required skills |
//! | 1 | practises the occupation, or claims at least one required skill (or would be 2–3 but does not speak the language) |
//! | 0 | anything else |
//!
//! A language-blind variant of the judgements (the same grades with the language condition
//! dropped) shows how much of a system's score depends on languages.

use crate::areas::Area;
use crate::corpus::Expert;
use crate::esco::{LANGS, Taxonomy};
use crate::rng::Rng;

/// Countries institutions are in (the corpus's countries of origin).
const COUNTRIES: &[&str] = &[
    "NG", "GH", "SN", "KE", "ML", "CM", "CI", "MA", "ET", "CV", "AO",
];
/// Work modes a request may ask for (one, half the time).
const WORK_MODES: &[&str] = &["REMOTE", "SHORT_VISIT", "LONG_STAY"];

/// One request to match experts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchRequest {
    /// The title: the occupation's title in the request's language.
    pub title: String,
    /// The request's working language (ISO 639-1): `en`, `fr` or `es`.
    pub lang: &'static str,
    /// Index of the occupation's area in the chosen areas.
    pub area: usize,
    /// Required skills (indices into [`Taxonomy::skills`]) with their minimum level.
    pub required: Vec<(usize, u8)>,
    /// Optional skills with their minimum level.
    pub optional: Vec<(usize, u8)>,
    /// The institution's country (alpha-2).
    pub country: &'static str,
    /// Acceptable work modes (empty: any).
    pub work_modes: Vec<&'static str>,
    /// Hours a month asked.
    pub hours_per_month: i32,
}

impl MatchRequest {
    /// Every skill asked for, required first, with its level and whether it is required.
    pub fn skills(&self) -> impl Iterator<Item = (usize, u8, bool)> + '_ {
        let required = self.required.iter().map(|&(s, l)| (s, l, true));
        required.chain(self.optional.iter().map(|&(s, l)| (s, l, false)))
    }

    /// The text `matchExperts` searches with: the title and the English preferred label of
    /// every skill asked for.
    #[must_use]
    pub fn text(&self, tax: &Taxonomy) -> String {
        let labels: Vec<&str> = self
            .skills()
            .map(|(s, _, _)| tax.skills[s].label(0))
            .collect();
        format!("{} {}", self.title, labels.join(" "))
    }
}

/// The level `expert` claims for `skill`, if any.
fn level(expert: &Expert, skill: usize) -> Option<u8> {
    let at = expert.skills.iter().position(|&s| s == skill)?;
    expert.doc.skills.get(at).map(|s| s.level)
}

/// The grade of `expert` for `request`; `languages` false drops the language condition.
#[must_use]
pub fn grade(request: &MatchRequest, expert: &Expert, languages: bool) -> u8 {
    let speaks = !languages || expert.doc.languages.iter().any(|l| l == request.lang);
    let held: Vec<Option<u8>> = request
        .required
        .iter()
        .map(|&(s, _)| level(expert, s))
        .collect();
    let covered = held.iter().filter(|l| l.is_some()).count();
    let all = covered == request.required.len();
    let at_level = request
        .required
        .iter()
        .zip(&held)
        .all(|(&(_, min), l)| l.is_some_and(|l| l >= min));
    let same = expert.area == request.area;
    let strong = if all && at_level {
        3
    } else if all || (same && covered * 2 >= request.required.len()) {
        2
    } else {
        0
    };
    match strong {
        3 | 2 if speaks => strong,
        3 | 2 => 1,
        _ if same || covered > 0 => 1,
        _ => 0,
    }
}

/// Generates `count` requests, each for a different occupation while there are some left,
/// cycling through English, French and Spanish titles.
#[must_use]
pub fn generate(
    tax: &Taxonomy,
    areas: &[Area],
    experts: &[Expert],
    count: usize,
    seed: u64,
) -> Vec<MatchRequest> {
    let mut rng = Rng::new(seed, 5);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); areas.len()];
    for (i, e) in experts.iter().enumerate() {
        if let Some(m) = members.get_mut(e.area) {
            m.push(i);
        }
    }
    let mut order: Vec<usize> = (0..areas.len())
        .filter(|&a| !members[a].is_empty())
        .collect();
    rng.shuffle(&mut order);
    let mut requests = Vec::with_capacity(count);
    let (mut next, mut attempts) = (0usize, 0usize);
    while requests.len() < count && !order.is_empty() && attempts < count * 20 {
        attempts += 1;
        let lang = requests.len() % LANGS.len();
        let area = order[next % order.len()];
        next += 1;
        if let Some(r) = request(tax, areas, area, &members[area], experts, lang, &mut rng) {
            requests.push(r);
        }
    }
    requests
}

fn request(
    tax: &Taxonomy,
    areas: &[Area],
    area_no: usize,
    members: &[usize],
    experts: &[Expert],
    lang: usize,
    rng: &mut Rng,
) -> Option<MatchRequest> {
    let area = areas.get(area_no)?;
    let code = LANGS[lang];
    let title = tax.occupations[area.occupation].labels[lang]
        .single_forms()
        .first()?
        .clone();
    // The expert the request is written for: of the occupation, speaking its language.
    let speakers: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| experts[i].doc.languages.iter().any(|l| l == code))
        .collect();
    let model = &experts[*rng.pick(&speakers)?];
    let mut held: Vec<usize> = model
        .skills
        .iter()
        .copied()
        .filter(|s| area.skills.contains(s))
        .collect();
    if held.len() < 2 {
        return None;
    }
    rng.shuffle(&mut held);
    let n = rng.range(2, 3).min(held.len());
    let required: Vec<(usize, u8)> = held[..n]
        .iter()
        .map(|&s| {
            let most = level(model, s).unwrap_or(2);
            (
                s,
                u8::try_from(rng.range(2, usize::from(most.max(2)))).unwrap_or(2),
            )
        })
        .collect();
    let mut others: Vec<usize> = area
        .skills
        .iter()
        .copied()
        .filter(|s| !held[..n].contains(s))
        .collect();
    rng.shuffle(&mut others);
    let optional = others
        .iter()
        .take(rng.range(1, 2))
        .map(|&s| (s, u8::try_from(rng.range(1, 3)).unwrap_or(2)))
        .collect();
    let country = *rng.pick(COUNTRIES)?;
    let work_modes = if rng.chance(0.5) {
        vec![*rng.pick(WORK_MODES)?]
    } else {
        Vec::new()
    };
    Some(MatchRequest {
        title,
        lang: code,
        area: area_no,
        required,
        optional,
        country,
        work_modes,
        hours_per_month: i32::try_from(rng.range(4, 20)).unwrap_or(8),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::{all_areas, choose};
    use crate::corpus::{CorpusConfig, generate as corpus};
    use crate::esco::tests::mini;
    use braingain_search::{DocSkill, ExpertDoc};

    fn expert(area: usize, skills: &[(usize, u8)], languages: &[&str]) -> Expert {
        Expert {
            profile_id: "x".into(),
            area,
            skills: skills.iter().map(|s| s.0).collect(),
            doc: ExpertDoc {
                skills: skills
                    .iter()
                    .map(|&(_, level)| DocSkill {
                        level,
                        ..DocSkill::default()
                    })
                    .collect(),
                languages: languages.iter().map(|l| (*l).to_owned()).collect(),
                ..ExpertDoc::default()
            },
        }
    }

    #[test]
    fn grades_follow_required_skills_levels_occupation_and_language() {
        let request = MatchRequest {
            title: "x".into(),
            lang: "fr",
            area: 0,
            required: vec![(1, 3), (2, 2)],
            optional: vec![(3, 1)],
            country: "SN",
            work_modes: vec![],
            hours_per_month: 10,
        };
        let grade_of = |e: &Expert| (grade(&request, e, true), grade(&request, e, false));
        assert_eq!(grade_of(&expert(1, &[(1, 4), (2, 2)], &["fr"])), (3, 3));
        assert_eq!(grade_of(&expert(1, &[(1, 4), (2, 2)], &["en"])), (1, 3));
        assert_eq!(grade_of(&expert(1, &[(1, 2), (2, 5)], &["fr"])), (2, 2));
        assert_eq!(grade_of(&expert(0, &[(1, 5), (9, 5)], &["fr"])), (2, 2));
        assert_eq!(grade_of(&expert(0, &[(9, 5)], &["fr"])), (1, 1));
        assert_eq!(grade_of(&expert(1, &[(2, 5)], &["fr"])), (1, 1));
        assert_eq!(grade_of(&expert(1, &[(3, 5)], &["fr"])), (0, 0));
    }

    #[test]
    fn requests_are_deterministic_and_have_a_top_expert() {
        let tax = mini();
        let areas = choose(&tax, all_areas(&tax), 4, 5);
        let experts = corpus(
            &tax,
            &areas,
            CorpusConfig {
                experts: 120,
                seed: 5,
            },
        );
        let a = generate(&tax, &areas, &experts, 9, 5);
        assert_eq!(a, generate(&tax, &areas, &experts, 9, 5));
        assert_eq!(a.len(), 9);
        for r in &a {
            assert!((2..=3).contains(&r.required.len()), "{r:?}");
            assert!(r.text(&tax).starts_with(&r.title));
            assert!(experts.iter().any(|e| grade(r, e, true) == 3), "{r:?}");
        }
        let langs: Vec<&str> = a.iter().map(|r| r.lang).collect();
        assert_eq!(&langs[..3], ["en", "fr", "es"]);
    }
}
