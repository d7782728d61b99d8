//! The ESCO material the synthetic network is made of: the skills (the shipped taxonomy),
//! the occupations (`assets/esco/occupations.tsv.gz`), and for each occupation its
//! **area**, the skills a practitioner would claim.
//!
//! ESCO's occupation→skill relations are not in the shipped extract, so an area is found by
//! text similarity: TF-IDF vectors over English stems (the search crate's `STEM_EN`
//! analyzer, ESCO's generic verbs left out) of each specific skill (labels counted twice,
//! description once) and of each occupation (label three times, description once); the
//! occupation's **core** is its up to [`MAX_CORE`] most similar skills scoring at least half
//! the best and [`MIN_SIMILARITY`]; the area adds the core's broader and narrower skills in
//! the ESCO hierarchy, most similar first, up to [`MAX_AREA`] skills. Transversal skills
//! (those under ESCO's transversal groups: "communicate", "work in teams") are left out, as
//! every occupation would share them. An occupation with fewer than [`MIN_AREA`] skills gets
//! no area and no experts.
//!
//! This product uses the ESCO classification of the European Commission.

use crate::skills::{SkillKind, SkillRecord};
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// The shipped occupations (see `assets/esco/README.md`).
static OCCUPATIONS: &[u8] = include_bytes!("../../../../assets/esco/occupations.tsv.gz");

/// Most core skills.
pub const MAX_CORE: usize = 10;
/// Fewest skills an area may have.
pub const MIN_AREA: usize = 6;
/// Most skills an area may have.
pub const MAX_AREA: usize = 15;
/// Lowest cosine similarity of a core skill.
pub const MIN_SIMILARITY: f32 = 0.12;

/// Words that say nothing about a field of work (stemmed like the texts).
const STOP: &str = "the and for with that this they them their are from such into other may can \
    also use using used ensure perform carry out within according relate relating including \
    include various specific appropriate order work works working which who its these those \
    well all any each has have been being not but more most etc ability able knowledge \
    understand principle principles field activity activities";

/// A label in one language with its alternatives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// Preferred label (French and Spanish ones are often `masculine/feminine` pairs).
    pub preferred: String,
    /// Alternative labels.
    pub alternatives: Vec<String>,
}

impl Labels {
    /// Single forms: the preferred label's `/`-separated forms, then the alternatives that
    /// are not pairs; the first is the preferred (masculine) form.
    #[must_use]
    pub fn forms(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let alternatives = self.alternatives.iter().filter(|a| !a.contains('/'));
        for form in self
            .preferred
            .split('/')
            .chain(alternatives.map(String::as_str))
            .map(str::trim)
        {
            if !form.is_empty() && !out.contains(&form) {
                out.push(form);
            }
        }
        out
    }
}

/// One ESCO occupation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// ISCO-08 unit group (4 digits).
    pub isco: String,
    /// Labels in English, French, Spanish (index with [`lang_index`]).
    pub labels: [Labels; 3],
}

/// The position of `lang` (`en`, `fr`, `es`) in label arrays (English for anything else).
#[must_use]
pub fn lang_index(lang: &str) -> usize {
    match lang {
        "fr" => 1,
        "es" => 2,
        _ => 0,
    }
}

/// An occupation's skills: indices into [`Taxonomy::skills`], core first (most similar
/// first), then its neighbours in the hierarchy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// Skill indices.
    pub skills: Vec<usize>,
    /// How many of them are core skills.
    pub core: usize,
}

/// Skills, occupations and areas, computed once per process.
#[derive(Debug)]
pub struct Taxonomy {
    /// Every skill and group of the shipped taxonomy, in file order.
    pub skills: Vec<SkillRecord>,
    /// Every occupation, in file order.
    pub occupations: Vec<Occupation>,
    /// Per occupation, its area (`None`: too few skills).
    pub areas: Vec<Option<Area>>,
    /// Specific skills (not transversal, not groups, with an English label): noise skills
    /// are drawn from these.
    pub specific: Vec<usize>,
    /// Transversal skills.
    pub transversal: Vec<usize>,
}

/// A skill's label in `lang`, falling back to English.
#[must_use]
pub fn skill_label<'a>(skill: &'a SkillRecord, lang: &str) -> &'a str {
    skill
        .labels
        .get(lang)
        .or_else(|| skill.labels.get("en"))
        .or_else(|| skill.labels.values().next())
        .map_or("", |l| l.preferred.as_str())
}

/// The occupations and their English descriptions, in file order.
fn parse_occupations() -> anyhow::Result<(Vec<Occupation>, Vec<String>)> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(OCCUPATIONS).read_to_string(&mut text)?;
    let split = |alts: &str| -> Vec<String> {
        alts.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut out = Vec::with_capacity(3_000);
    let mut descriptions = Vec::with_capacity(3_000);
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [_id, isco, en, en_alt, fr, fr_alt, es, es_alt, description] = cols[..] else {
            anyhow::bail!(
                "assets/esco/occupations.tsv.gz line {}: {} columns",
                n + 1,
                cols.len()
            );
        };
        let labels = |preferred: &str, alts: &str| Labels {
            preferred: preferred.trim().to_owned(),
            alternatives: split(alts),
        };
        out.push(Occupation {
            isco: isco.to_owned(),
            labels: [labels(en, en_alt), labels(fr, fr_alt), labels(es, es_alt)],
        });
        descriptions.push(description.to_owned());
    }
    Ok((out, descriptions))
}

/// Term ids and document frequencies over stems.
struct Vocabulary {
    analyzer: tantivy_free::Analyzer,
    stop: HashSet<String>,
    terms: HashMap<String, u32>,
}

/// Keeps the tantivy analyzer type behind the search crate's functions.
mod tantivy_free {
    use braingain_search::analysis;

    /// The English stemming analyzer as a plain function.
    pub(super) type Analyzer = Box<dyn FnMut(&str) -> Vec<String> + Send>;

    pub(super) fn english() -> Analyzer {
        match analysis::analyzer(analysis::STEM_EN) {
            Some(mut a) => Box::new(move |text: &str| analysis::tokens(&mut a, text)),
            None => Box::new(|text: &str| {
                text.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect()
            }),
        }
    }
}

impl Vocabulary {
    fn new() -> Self {
        let mut analyzer = tantivy_free::english();
        let stop = analyzer(STOP).into_iter().collect();
        Self {
            analyzer,
            stop,
            terms: HashMap::new(),
        }
    }

    /// Weighted term counts of `parts`.
    fn counts(&mut self, parts: &[(&str, f32)]) -> Vec<(u32, f32)> {
        let mut counts: HashMap<u32, f32> = HashMap::new();
        for (text, weight) in parts {
            for stem in (self.analyzer)(text) {
                if stem.len() < 3
                    || stem.bytes().all(|b| b.is_ascii_digit())
                    || self.stop.contains(&stem)
                {
                    continue;
                }
                let next = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
                let id = *self.terms.entry(stem).or_insert(next);
                *counts.entry(id).or_insert(0.0) += weight;
            }
        }
        let mut out: Vec<(u32, f32)> = counts.into_iter().collect();
        out.sort_unstable_by_key(|&(t, _)| t);
        out
    }
}

/// `(1 + ln tf) × idf`, L2-normalised.
fn weigh(counts: &[(u32, f32)], idf: &[f32]) -> Vec<(u32, f32)> {
    let mut v: Vec<(u32, f32)> = counts
        .iter()
        .map(|&(t, tf)| {
            (
                t,
                (1.0 + tf.ln()) * idf.get(t as usize).copied().unwrap_or(0.0),
            )
        })
        .filter(|&(_, w)| w > 0.0)
        .collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// Whether each skill is transversal: a group, or under one (directly or through broader
/// skills).
fn transversal_flags(skills: &[SkillRecord]) -> Vec<bool> {
    let index: HashMap<_, usize> = skills.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let mut flags: Vec<bool> = skills.iter().map(|s| s.kind == SkillKind::Group).collect();
    loop {
        let mut changed = false;
        for (i, skill) in skills.iter().enumerate() {
            if !flags[i]
                && skill
                    .broader
                    .iter()
                    .any(|b| index.get(b).is_some_and(|&j| flags[j]))
            {
                flags[i] = true;
                changed = true;
            }
        }
        if !changed {
            return flags;
        }
    }
}

impl Taxonomy {
    /// Reads the shipped assets and computes every area (about a second in a release
    /// build).
    pub fn load() -> anyhow::Result<Self> {
        let skills = crate::skills::parse_asset()?;
        let (occupations, descriptions) = parse_occupations()?;
        Ok(Self::build(skills, occupations, &descriptions))
    }

    /// Computes the areas of `occupations` (with these English descriptions) over `skills`.
    #[must_use]
    pub fn build(
        skills: Vec<SkillRecord>,
        occupations: Vec<Occupation>,
        descriptions: &[String],
    ) -> Self {
        let transversal = transversal_flags(&skills);
        let specific: Vec<usize> = (0..skills.len())
            .filter(|&i| {
                skills[i].kind == SkillKind::Skill
                    && !transversal[i]
                    && skills[i].labels.contains_key("en")
            })
            .collect();
        let mut vocabulary = Vocabulary::new();
        let skill_counts: Vec<(usize, Vec<(u32, f32)>)> = specific
            .iter()
            .map(|&i| {
                let s = &skills[i];
                let mut parts: Vec<(&str, f32)> = s
                    .labels
                    .get("en")
                    .map(|l| {
                        std::iter::once(l.preferred.as_str())
                            .chain(l.alternatives.iter().map(String::as_str))
                            .map(|t| (t, 2.0))
                            .collect()
                    })
                    .unwrap_or_default();
                parts.push((s.description.as_deref().unwrap_or(""), 1.0));
                (i, vocabulary.counts(&parts))
            })
            .collect();
        let mut df = vec![0u32; vocabulary.terms.len()];
        for (_, counts) in &skill_counts {
            for &(t, _) in counts {
                df[t as usize] += 1;
            }
        }
        let docs = skill_counts.len().max(1) as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| if d == 0 { 0.0 } else { (docs / d as f32).ln() })
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); idf.len()];
        for (skill, counts) in &skill_counts {
            for (t, w) in weigh(counts, &idf) {
                postings[t as usize].push((u32::try_from(*skill).unwrap_or(u32::MAX), w));
            }
        }
        let index: HashMap<_, usize> = skills.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let mut narrower: Vec<Vec<usize>> = vec![Vec::new(); skills.len()];
        for (i, s) in skills.iter().enumerate() {
            for b in &s.broader {
                if let Some(&j) = index.get(b) {
                    narrower[j].push(i);
                }
            }
        }
        let eligible: HashSet<usize> = specific.iter().copied().collect();
        let mut scores = vec![0f32; skills.len()];
        let areas = occupations
            .iter()
            .enumerate()
            .map(|(o, occ)| {
                let text = descriptions.get(o).map_or("", String::as_str);
                let counts = vocabulary.counts(&[(&occ.labels[0].preferred, 3.0), (text, 1.0)]);
                let mut touched: Vec<usize> = Vec::new();
                for (t, w) in weigh(&counts, &idf) {
                    for &(s, sw) in postings.get(t as usize).map_or(&[][..], Vec::as_slice) {
                        let s = s as usize;
                        if scores[s] == 0.0 {
                            touched.push(s);
                        }
                        scores[s] += w * sw;
                    }
                }
                let neighbours = |s: usize| {
                    let broader = skills[s]
                        .broader
                        .iter()
                        .filter_map(|b| index.get(b).copied());
                    broader
                        .chain(narrower[s].iter().copied())
                        .collect::<Vec<_>>()
                };
                let area = area_from(&touched, &scores, &eligible, neighbours);
                for s in touched {
                    scores[s] = 0.0;
                }
                area
            })
            .collect();
        Self {
            occupations,
            areas,
            specific,
            transversal: (0..transversal.len())
                .filter(|&i| transversal[i] && skills[i].kind == SkillKind::Skill)
                .collect(),
            skills,
        }
    }
}

fn area_from(
    touched: &[usize],
    scores: &[f32],
    eligible: &HashSet<usize>,
    neighbours: impl Fn(usize) -> Vec<usize>,
) -> Option<Area> {
    let best = touched.iter().map(|&s| scores[s]).fold(0.0f32, f32::max);
    if best <= 0.0 {
        return None;
    }
    let floor = (best * 0.5).max(MIN_SIMILARITY);
    // Only the few skills above the floor are sorted (an occupation touches thousands).
    let mut ranked: Vec<(usize, f32)> = touched
        .iter()
        .map(|&s| (s, scores[s]))
        .filter(|&(_, w)| w >= floor)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut skills: Vec<usize> = ranked.iter().take(MAX_CORE).map(|&(s, _)| s).collect();
    let core = skills.len();
    let mut extra: Vec<usize> = skills
        .iter()
        .flat_map(|&s| neighbours(s))
        .filter(|n| eligible.contains(n) && !skills.contains(n))
        .collect();
    extra.sort_unstable();
    extra.dedup();
    extra.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
    skills.extend(extra.into_iter().take(MAX_AREA - core));
    (skills.len() >= MIN_AREA).then_some(Area { skills, core })
}
