//! The generated expert corpus: each expert practises one occupation (an [`Area`]) and claims
//! 3–8 of its skills, sometimes plus one unrelated "noise" skill.
//!
//! Everything is drawn from one [`Rng`] stream in a fixed order, so a seed always produces
//! the same corpus. Profiles are written the way real ones are: a headline that is the
//! occupation's title (English usually, sometimes a French or Spanish form, sometimes with a
//! specialty after a comma), a biography made of the English descriptions of 2–3 of the
//! claimed skills (sometimes introduced by "I work as a …"), and random countries,
//! languages, work modes and last activity within the past year.

use braingain_search::{DocSkill, ExpertDoc};

use crate::areas::Area;
use crate::esco::Taxonomy;
use crate::rng::Rng;

/// The fixed "now" of the evaluation (2026-05-28), so recency factors are reproducible.
pub const NOW: i64 = 1_780_000_000;
const DAY: i64 = 86_400;

/// Fewest and most skills an expert claims from their area.
pub const AREA_SKILLS: (usize, usize) = (3, 8);
/// Probability of one extra skill from anywhere in the taxonomy.
pub const NOISE_SKILL: f64 = 0.25;

const FIRST: &[&str] = &[
    "Amina", "Kwame", "Fatou", "Chidi", "Aïcha", "Moussa", "Ngozi", "Yaw", "Mariam", "Tunde",
    "Awa", "Kofi", "Zainab", "Ibrahima", "Esther", "Samuel", "Nadia", "José", "Lucía", "Hélène",
];
const LAST: &[&str] = &[
    "Okafor",
    "Mensah",
    "Diallo",
    "Ndiaye",
    "Adeyemi",
    "Traoré",
    "Kamara",
    "Owusu",
    "Sow",
    "Mwangi",
    "Bello",
    "Ouédraogo",
    "Cissé",
    "Boateng",
    "Nkemelu",
    "Haddad",
    "Fernandes",
];
const RESIDENCE: &[&str] = &[
    "NL", "FR", "GB", "DE", "BE", "US", "CA", "ES", "PT", "IT", "SE",
];
const ORIGIN: &[&str] = &[
    "NG", "GH", "SN", "KE", "ML", "CM", "CI", "MA", "ET", "CV", "AO",
];
const WORK_MODES: &[&str] = &["REMOTE", "SHORT_VISIT", "LONG_STAY"];
const ENGAGEMENTS: &[&str] = &["MENTORING", "ADVISORY", "TEACHING", "SHORT_MISSION"];

/// One generated expert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expert {
    /// Document key (`bench-000042`).
    pub profile_id: String,
    /// Index of the expert's area in the chosen areas.
    pub area: usize,
    /// Claimed skills (indices into [`Taxonomy::skills`]), area skills first; sorted within
    /// each part.
    pub skills: Vec<usize>,
    /// The searchable profile.
    pub doc: ExpertDoc,
}

/// How the corpus is drawn.
#[derive(Debug, Clone, Copy)]
pub struct CorpusConfig {
    /// Number of experts.
    pub experts: usize,
    /// Seed.
    pub seed: u64,
}

/// A skill as the service indexes it: every label in every language, and its broader ids.
#[must_use]
pub fn doc_skill(tax: &Taxonomy, skill: usize, level: u8) -> DocSkill {
    let s = &tax.skills[skill];
    DocSkill {
        id: s.id.clone(),
        level,
        labels: s
            .labels
            .iter()
            .flat_map(|l| l.all().map(str::to_owned))
            .collect(),
        broader: s.broader.clone(),
    }
}

/// Capitalises the first letter (headlines are typed that way).
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Generates the corpus. Areas get random popularity weights 1–4, so some occupations have
/// four times as many experts as others.
#[must_use]
pub fn generate(tax: &Taxonomy, areas: &[Area], config: CorpusConfig) -> Vec<Expert> {
    let mut rng = Rng::new(config.seed, 2);
    if areas.is_empty() {
        return Vec::new();
    }
    let weights: Vec<usize> = areas.iter().map(|_| rng.range(1, 4)).collect();
    let total: usize = weights.iter().sum();
    let specific: Vec<usize> = (0..tax.skills.len())
        .filter(|&s| !tax.skills[s].group && !tax.skills[s].labels[0].preferred.is_empty())
        .collect();
    (0..config.experts)
        .map(|n| {
            let mut ticket = rng.below(total);
            let mut area = 0;
            for (i, w) in weights.iter().enumerate() {
                if ticket < *w {
                    area = i;
                    break;
                }
                ticket -= w;
            }
            expert(tax, &areas[area], area, n, &specific, &mut rng)
        })
        .collect()
}

fn expert(
    tax: &Taxonomy,
    area: &Area,
    area_no: usize,
    n: usize,
    specific: &[usize],
    rng: &mut Rng,
) -> Expert {
    let occ = &tax.occupations[area.occupation];
    // Skills: core skills twice as likely as neighbours.
    let want = rng.range(AREA_SKILLS.0, AREA_SKILLS.1.min(area.skills.len()));
    let mut pool: Vec<usize> = area
        .skills
        .iter()
        .chain(area.core_skills())
        .copied()
        .collect();
    let mut skills: Vec<usize> = Vec::with_capacity(want + 1);
    while skills.len() < want && !pool.is_empty() {
        let s = pool.swap_remove(rng.below(pool.len()));
        if !skills.contains(&s) {
            skills.push(s);
        }
    }
    skills.sort_unstable();
    if rng.chance(NOISE_SKILL)
        && let Some(&noise) = rng.pick(specific)
        && !area.skills.contains(&noise)
    {
        skills.push(noise);
    }
    // Headline.
    let roll = rng.unit();
    let title = if roll < 0.6 {
        occ.labels[0].preferred.clone()
    } else {
        let lang = if roll < 0.8 { 1 } else { 2 };
        let forms = occ.labels[lang].single_forms();
        rng.pick(&forms)
            .cloned()
            .unwrap_or_else(|| occ.labels[0].preferred.clone())
    };
    let headline_lang = if roll < 0.6 {
        0
    } else if roll < 0.8 {
        1
    } else {
        2
    };
    let mut headline = capitalise(&title);
    if rng.chance(0.3)
        && let Some(&s) = rng.pick(&skills[..want.min(skills.len())])
    {
        headline = format!("{headline}, {}", tax.skills[s].label(headline_lang));
    }
    // Biography: descriptions of 2–3 claimed skills.
    let mut described = skills.clone();
    rng.shuffle(&mut described);
    let mut bio: Vec<String> = Vec::new();
    if rng.chance(0.3) {
        bio.push(format!("I work as a {}.", occ.labels[0].preferred));
    }
    bio.extend(
        described
            .iter()
            .take(rng.range(2, 3))
            .map(|&s| tax.skills[s].description.clone())
            .filter(|d| !d.is_empty()),
    );
    let levels: Vec<u8> = skills
        .iter()
        .map(|_| u8::try_from(rng.range(2, 5)).unwrap_or(3))
        .collect();
    let mut languages = vec!["en".to_owned()];
    if headline_lang == 1 || rng.chance(0.4) {
        languages.push("fr".into());
    }
    if headline_lang == 2 || rng.chance(0.2) {
        languages.push("es".into());
    }
    let pick =
        |rng: &mut Rng, list: &[&str]| rng.pick(list).copied().unwrap_or_default().to_owned();
    let mut work_modes: Vec<String> = WORK_MODES
        .iter()
        .filter(|_| rng.chance(0.5))
        .map(|m| (*m).to_owned())
        .collect();
    if work_modes.is_empty() {
        work_modes.push("REMOTE".into());
    }
    let doc = ExpertDoc {
        profile_id: format!("bench-{n:06}"),
        display_name: format!("{} {}", pick(rng, FIRST), pick(rng, LAST)),
        headline,
        bio: bio.join(" "),
        positions: Vec::new(),
        skills: skills
            .iter()
            .zip(&levels)
            .map(|(&s, &l)| doc_skill(tax, s, l))
            .collect(),
        residence_country: pick(rng, RESIDENCE),
        origin_countries: vec![pick(rng, ORIGIN)],
        languages,
        engagement_types: vec![pick(rng, ENGAGEMENTS)],
        work_modes,
        hours_per_month: Some(u32::try_from(rng.range(2, 40)).unwrap_or(10)),
        verified: true,
        public: true,
        last_active: NOW - i64::try_from(rng.below(365)).unwrap_or(0) * DAY,
    };
    Expert {
        profile_id: doc.profile_id.clone(),
        area: area_no,
        skills,
        doc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::{all_areas, choose};
    use crate::esco::tests::mini;

    fn corpus(seed: u64) -> Vec<Expert> {
        let tax = mini();
        let areas = choose(&tax, all_areas(&tax), 4, seed);
        generate(&tax, &areas, CorpusConfig { experts: 200, seed })
    }

    #[test]
    fn same_seed_same_corpus() {
        let a = corpus(42);
        assert_eq!(a.len(), 200);
        assert_eq!(a, corpus(42));
        assert_ne!(a, corpus(43));
    }

    #[test]
    fn experts_claim_skills_of_their_area() {
        let tax = mini();
        let areas = choose(&tax, all_areas(&tax), 4, 1);
        for e in generate(
            &tax,
            &areas,
            CorpusConfig {
                experts: 100,
                seed: 1,
            },
        ) {
            let area = &areas[e.area];
            let inside = e.skills.iter().filter(|s| area.skills.contains(s)).count();
            assert!((AREA_SKILLS.0..=AREA_SKILLS.1).contains(&inside), "{e:?}");
            assert!(e.skills.len() - inside <= 1);
            assert_eq!(e.doc.skills.len(), e.skills.len());
            assert!(!e.doc.headline.is_empty() && !e.doc.bio.is_empty());
            assert!(e.doc.last_active <= NOW && e.doc.last_active > NOW - 366 * DAY);
        }
    }
}
