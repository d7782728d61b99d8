//! Evaluation queries and their graded judgements.
//!
//! Each query is what an institution would type when it needs someone of one occupation of
//! the corpus, in one of six forms ([`Kind`]), taken in turn. Judgements are computed for
//! every expert of the corpus (no pooling: an expert not retrieved is still judged):
//!
//! | grade | expert |
//! |---|---|
//! | 3 | same occupation as the query, and at least 2 of the query's skills |
//! | 2 | same occupation |
//! | 1 | another occupation, but at least 2 skills of the query occupation's area |
//! | 0 | anything else |
//!
//! The query's skills are the two named skills for skill queries, and the area's core (the
//! skills most characteristic of the occupation, at most [`TITLE_SKILLS`]) for title
//! queries: someone asking for a "hydrographic surveyor" is best served by a typical one.

use crate::areas::Area;
use crate::corpus::Expert;
use crate::esco::Taxonomy;
use crate::rng::Rng;

/// Core skills that define a typical expert for title queries.
pub const TITLE_SKILLS: usize = 4;

/// How a query is phrased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The English occupation title ("hydrographic surveyor").
    TitleEn,
    /// A French form of the title ("géomètre hydrographe").
    TitleFr,
    /// A Spanish form of the title.
    TitleEs,
    /// The English title with one typo in its longest word.
    TitleTypo,
    /// Two skills of the occupation, English labels ("monitor groundwater and …").
    SkillsEn,
    /// Two skills of the occupation, French or Spanish labels ("… et …", "… y …").
    SkillsFrEs,
}

impl Kind {
    /// Every kind, in the order queries cycle through them.
    pub const ALL: [Self; 6] = [
        Self::TitleEn,
        Self::TitleFr,
        Self::TitleEs,
        Self::TitleTypo,
        Self::SkillsEn,
        Self::SkillsFrEs,
    ];

    /// Short name for tables.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::TitleEn => "title (en)",
            Self::TitleFr => "title (fr)",
            Self::TitleEs => "title (es)",
            Self::TitleTypo => "title with a typo (en)",
            Self::SkillsEn => "two skills (en)",
            Self::SkillsFrEs => "two skills (fr/es)",
        }
    }
}

/// One evaluation query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// How it is phrased.
    pub kind: Kind,
    /// The text typed.
    pub text: String,
    /// The searcher's language (ISO 639-1).
    pub lang: &'static str,
    /// Index of the query's area in the chosen areas.
    pub area: usize,
    /// The query's skills (see the module docs).
    pub skills: Vec<usize>,
}

/// Number of `a`'s elements in `b` (both short).
fn overlap(a: &[usize], b: &[usize]) -> usize {
    a.iter().filter(|x| b.contains(x)).count()
}

/// The grade of `expert` for `query` (see the module docs).
#[must_use]
pub fn grade(query: &Query, areas: &[Area], expert: &Expert) -> u8 {
    if expert.area == query.area {
        if overlap(&query.skills, &expert.skills) >= 2 {
            3
        } else {
            2
        }
    } else if areas
        .get(query.area)
        .is_some_and(|a| overlap(&a.skills, &expert.skills) >= 2)
    {
        1
    } else {
        0
    }
}

/// One typo in the longest word of `text` (of 6+ letters): a swap of two adjacent letters, a
/// deleted, a doubled or a replaced letter, never at the first letter. `None` if no word is
/// long enough.
#[must_use]
pub fn typo(text: &str, rng: &mut Rng) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let (at, word) = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
        .max_by_key(|(i, w)| (w.chars().count(), usize::MAX - i))?;
    let mut chars: Vec<char> = word.chars().collect();
    let i = rng.range(1, chars.len() - 2);
    match rng.below(4) {
        0 => {
            if chars[i] == chars[i + 1] {
                chars.remove(i);
            } else {
                chars.swap(i, i + 1);
            }
        }
        1 => {
            chars.remove(i);
        }
        2 => chars.insert(i, chars[i]),
        _ => {
            let replacement = if chars[i] == 'e' { 'a' } else { 'e' };
            chars[i] = replacement;
        }
    }
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    out[at] = chars.into_iter().collect();
    Some(out.join(" "))
}

/// Generates `count` queries, cycling through [`Kind::ALL`], each for a different area as
/// long as there are areas left (then areas are reused with other phrasings). Areas without
/// experts are skipped. Skill queries name two skills that one expert of the occupation
/// actually holds, so each query has at least one grade-3 expert.
#[must_use]
pub fn generate(
    tax: &Taxonomy,
    areas: &[Area],
    experts: &[Expert],
    count: usize,
    seed: u64,
) -> Vec<Query> {
    let mut rng = Rng::new(seed, 3);
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
    let mut queries = Vec::with_capacity(count);
    let mut next = 0usize;
    let mut attempts = 0usize;
    while queries.len() < count && !order.is_empty() && attempts < count * 20 {
        attempts += 1;
        let kind = Kind::ALL[queries.len() % Kind::ALL.len()];
        let area_no = order[next % order.len()];
        next += 1;
        if let Some(q) = query(
            tax,
            areas,
            area_no,
            &members[area_no],
            experts,
            kind,
            &mut rng,
        ) {
            queries.push(q);
        }
    }
    queries
}

fn query(
    tax: &Taxonomy,
    areas: &[Area],
    area_no: usize,
    members: &[usize],
    experts: &[Expert],
    kind: Kind,
    rng: &mut Rng,
) -> Option<Query> {
    let area = areas.get(area_no)?;
    let occ = tax.occupations.get(area.occupation)?;
    let title_skills = area
        .core_skills()
        .iter()
        .take(TITLE_SKILLS)
        .copied()
        .collect();
    let make = |text: String, lang: &'static str, skills: Vec<usize>| Query {
        kind,
        text,
        lang,
        area: area_no,
        skills,
    };
    Some(match kind {
        Kind::TitleEn => make(
            occ.labels[0].single_forms().first()?.clone(),
            "en",
            title_skills,
        ),
        Kind::TitleFr => make(
            occ.labels[1].single_forms().first()?.clone(),
            "fr",
            title_skills,
        ),
        Kind::TitleEs => make(
            occ.labels[2].single_forms().first()?.clone(),
            "es",
            title_skills,
        ),
        Kind::TitleTypo => make(
            typo(occ.labels[0].single_forms().first()?, rng)?,
            "en",
            title_skills,
        ),
        Kind::SkillsEn | Kind::SkillsFrEs => {
            let expert = &experts[*rng.pick(members)?];
            let mut held: Vec<usize> = expert
                .skills
                .iter()
                .copied()
                .filter(|s| area.skills.contains(s))
                .collect();
            rng.shuffle(&mut held);
            let (&a, &b) = (held.first()?, held.get(1)?);
            let (lang, code, and) = match kind {
                Kind::SkillsEn => (0, "en", "and"),
                _ if rng.chance(0.5) => (1, "fr", "et"),
                _ => (2, "es", "y"),
            };
            let text = format!(
                "{} {and} {}",
                tax.skills[a].label(lang),
                tax.skills[b].label(lang)
            );
            make(text, code, vec![a, b])
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::{all_areas, choose};
    use crate::corpus::{CorpusConfig, generate as corpus};
    use crate::esco::tests::mini;

    fn expert(area: usize, skills: &[usize]) -> Expert {
        Expert {
            profile_id: "x".into(),
            area,
            skills: skills.to_vec(),
            doc: braingain_search::ExpertDoc::default(),
        }
    }

    #[test]
    fn grades_follow_occupation_and_shared_skills() {
        let areas = vec![
            Area {
                occupation: 0,
                skills: vec![1, 2, 3, 4, 5, 6],
                core: 4,
            },
            Area {
                occupation: 1,
                skills: vec![3, 4, 7, 8, 9, 10],
                core: 4,
            },
        ];
        let q = Query {
            kind: Kind::SkillsEn,
            text: String::new(),
            lang: "en",
            area: 0,
            skills: vec![1, 2],
        };
        assert_eq!(grade(&q, &areas, &expert(0, &[1, 2, 9])), 3);
        assert_eq!(
            grade(&q, &areas, &expert(0, &[1, 5, 6])),
            2,
            "one query skill only"
        );
        assert_eq!(
            grade(&q, &areas, &expert(1, &[1, 2, 7])),
            1,
            "other occupation, 2 area skills"
        );
        assert_eq!(
            grade(&q, &areas, &expert(1, &[3, 7, 8])),
            0,
            "other occupation, 1 area skill"
        );
        assert_eq!(grade(&q, &areas, &expert(1, &[])), 0);
    }

    #[test]
    fn typos_are_one_edit_in_the_longest_word() {
        let mut rng = Rng::new(1, 0);
        for _ in 0..200 {
            let t = typo("hydrographic surveyor", &mut rng).unwrap();
            let (a, b) = t.split_once(' ').unwrap();
            assert_eq!(b, "surveyor");
            assert_ne!(a, "hydrographic");
            assert!(a.starts_with('h') && a.len().abs_diff(12) <= 1, "{t}");
        }
        assert_eq!(typo("baker", &mut rng), None);
    }

    #[test]
    fn queries_are_deterministic_and_have_a_top_expert() {
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
        let a = generate(&tax, &areas, &experts, 12, 5);
        assert_eq!(a, generate(&tax, &areas, &experts, 12, 5));
        assert_eq!(a.len(), 12);
        for q in &a {
            assert!(!q.text.is_empty());
            assert!(experts.iter().any(|e| grade(q, &areas, e) >= 2), "{q:?}");
            if matches!(q.kind, Kind::SkillsEn | Kind::SkillsFrEs) {
                assert!(experts.iter().any(|e| grade(q, &areas, e) == 3), "{q:?}");
            }
        }
    }
}
