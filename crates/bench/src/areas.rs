//! Expertise areas: a coherent set of ESCO skills for an occupation.
//!
//! The extract ships no occupation→skill relations, so each occupation's skill set is
//! *retrieved*: TF-IDF vectors over words, each counted twice — as the folded word (plural `s`
//! removed) and as its English stem (tantivy's Snowball stemmer, as the search crate's
//! `STEM_EN` analyzer applies it), so sharing a word counts more than sharing a stem — and
//! cosine similarity between the occupation
//! (label ×3 + description) and every specific skill (preferred and alternative labels ×2 +
//! description). The **core** is the up-to-[`MAX_CORE`] most similar skills scoring at least
//! half the best (and [`MIN_SIMILARITY`]); the area is completed with the core's broader and
//! narrower skills in the ESCO hierarchy, most similar first, up to [`MAX_SKILLS`] in all.
//! Transversal skills ("communicate", "work in teams") and skill groups are left out: every
//! occupation would share them. Occupations whose area has fewer than [`MIN_SKILLS`] skills
//! are not used.

use std::collections::HashMap;

use braingain_search::analysis;

use crate::esco::Taxonomy;
use crate::rng::Rng;

/// Most core skills per area.
pub const MAX_CORE: usize = 10;
/// Fewest skills an area may have.
pub const MIN_SKILLS: usize = 6;
/// Most skills an area may have (core + neighbours).
pub const MAX_SKILLS: usize = 15;
/// Lowest cosine similarity for a core skill.
pub const MIN_SIMILARITY: f64 = 0.12;

/// English words that carry no topic.
const STOP: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "they", "them", "their", "are", "from", "such",
    "into", "other", "may", "can", "also", "use", "using", "used", "ensur", "perform", "carri",
    "out", "within", "accord", "relat", "includ", "variou", "specif", "appropri", "order", "work",
    "which", "who", "its", "these", "those", "well", "all", "any", "each", "has", "have", "been",
    "being", "not", "but", "more", "most", "etc",
];

/// One occupation's skill set.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Index of the occupation in [`Taxonomy::occupations`].
    pub occupation: usize,
    /// Skill indices: the core (most similar first), then the neighbours.
    pub skills: Vec<usize>,
    /// How many of `skills` are core skills.
    pub core: usize,
}

impl Area {
    /// The core skills (most characteristic of the occupation).
    #[must_use]
    pub fn core_skills(&self) -> &[usize] {
        &self.skills[..self.core.min(self.skills.len())]
    }
}

/// Sparse L2-normalised TF-IDF vector: (term id, weight), sorted by term id.
type Vector = Vec<(usize, f64)>;

/// Text to features.
type Analyze = Box<dyn FnMut(&str) -> Vec<String>>;

/// Builds TF-IDF vectors for the taxonomy's skills and occupations.
struct Vectorizer {
    /// The search crate's English stemming analyzer, wrapped so that its (tantivy) type is
    /// never named here.
    analyze: Analyze,
    terms: HashMap<String, usize>,
}

/// Every word twice: as itself (folded, plural `s` removed) and as its English stem. A shared
/// word then counts more than a shared stem only, so "officer" prefers "train security
/// officers" to "office equipment" (both stem to `offic`).
fn word_features(folded: Vec<String>, stemmed: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(folded.len() * 2);
    for (word, stem) in folded.into_iter().zip(stemmed) {
        let singular = match word.strip_suffix('s') {
            Some(w) if w.len() >= 3 && !w.ends_with('s') => w.to_owned(),
            _ => word.clone(),
        };
        if STOP.contains(&word.as_str()) || STOP.contains(&stem.as_str()) {
            continue;
        }
        out.push(format!("w:{singular}"));
        out.push(format!("s:{stem}"));
    }
    out
}

impl Vectorizer {
    fn new() -> Self {
        let analyze: Analyze = match (
            analysis::analyzer(analysis::FOLDED),
            analysis::analyzer(analysis::STEM_EN),
        ) {
            (Some(mut folded), Some(mut stem)) => Box::new(move |text: &str| {
                word_features(
                    analysis::tokens(&mut folded, text),
                    analysis::tokens(&mut stem, text),
                )
            }),
            _ => Box::new(|text: &str| {
                text.split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect()
            }),
        };
        Self {
            analyze,
            terms: HashMap::new(),
        }
    }

    /// Term counts of `parts` (text, weight).
    fn counts(&mut self, parts: &[(&str, f64)]) -> HashMap<usize, f64> {
        let mut counts = HashMap::new();
        for (text, weight) in parts {
            let words = (self.analyze)(text);
            for word in words {
                let bare = word.get(2..).unwrap_or_default();
                if bare.len() < 3
                    || bare.chars().all(|c| c.is_ascii_digit())
                    || STOP.contains(&bare)
                {
                    continue;
                }
                let next = self.terms.len();
                let id = *self.terms.entry(word).or_insert(next);
                *counts.entry(id).or_insert(0.0) += weight;
            }
        }
        counts
    }
}

fn weigh(counts: &HashMap<usize, f64>, idf: &[f64]) -> Vector {
    let mut v: Vector = counts
        .iter()
        .filter_map(|(&t, &tf)| {
            let w = (1.0 + tf.ln()) * idf.get(t).copied().unwrap_or(0.0);
            (w > 0.0).then_some((t, w))
        })
        .collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v.sort_by_key(|&(t, _)| t);
    v
}

/// Whether a skill may belong to an area (a specific skill with an English label).
fn eligible(tax: &Taxonomy, skill: usize) -> bool {
    tax.skills
        .get(skill)
        .is_some_and(|s| !s.group && s.reuse != "transversal" && !s.labels[0].preferred.is_empty())
}

/// Areas for every occupation that gets one (fewer than [`MIN_SKILLS`] skills: `None`).
#[must_use]
pub fn all_areas(tax: &Taxonomy) -> Vec<Option<Area>> {
    let mut vz = Vectorizer::new();
    let skill_counts: Vec<Option<HashMap<usize, f64>>> = (0..tax.skills.len())
        .map(|i| {
            eligible(tax, i).then(|| {
                let s = &tax.skills[i];
                let mut parts: Vec<(&str, f64)> = s.labels[0].all().map(|l| (l, 2.0)).collect();
                parts.push((&s.description, 1.0));
                vz.counts(&parts)
            })
        })
        .collect();
    let docs = skill_counts.iter().flatten().count().max(1) as f64;
    let mut df = vec![0usize; vz.terms.len()];
    for counts in skill_counts.iter().flatten() {
        for &t in counts.keys() {
            df[t] += 1;
        }
    }
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| if d == 0 { 0.0 } else { (docs / d as f64).ln() })
        .collect();
    let mut postings: Vec<Vec<(usize, f64)>> = vec![Vec::new(); idf.len()];
    for (skill, counts) in skill_counts.iter().enumerate() {
        if let Some(counts) = counts {
            for (t, w) in weigh(counts, &idf) {
                postings[t].push((skill, w));
            }
        }
    }
    tax.occupations
        .iter()
        .enumerate()
        .map(|(o, occ)| {
            let counts = vz.counts(&[(&occ.labels[0].preferred, 3.0), (&occ.description, 1.0)]);
            let query = weigh(&counts, &idf);
            let mut sims: HashMap<usize, f64> = HashMap::new();
            for (t, w) in query {
                for &(skill, sw) in postings.get(t).map_or(&[][..], Vec::as_slice) {
                    *sims.entry(skill).or_insert(0.0) += w * sw;
                }
            }
            area_from(tax, o, &sims)
        })
        .collect()
}

fn area_from(tax: &Taxonomy, occupation: usize, sims: &HashMap<usize, f64>) -> Option<Area> {
    let mut ranked: Vec<(usize, f64)> = sims.iter().map(|(&s, &w)| (s, w)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let best = ranked.first()?.1;
    let floor = (best * 0.5).max(MIN_SIMILARITY);
    let mut skills: Vec<usize> = ranked
        .iter()
        .take_while(|&&(_, w)| w >= floor)
        .take(MAX_CORE)
        .map(|&(s, _)| s)
        .collect();
    let core = skills.len();
    let mut neighbours: Vec<usize> = skills
        .iter()
        .flat_map(|&s| tax.broader[s].iter().chain(&tax.narrower[s]).copied())
        .filter(|&n| eligible(tax, n) && !skills.contains(&n))
        .collect();
    neighbours.sort_unstable();
    neighbours.dedup();
    let sim = |s: &usize| sims.get(s).copied().unwrap_or(0.0);
    neighbours.sort_by(|a, b| sim(b).total_cmp(&sim(a)).then(a.cmp(b)));
    skills.extend(neighbours.into_iter().take(MAX_SKILLS - core));
    (skills.len() >= MIN_SKILLS).then_some(Area {
        occupation,
        skills,
        core,
    })
}

/// Chooses `count` areas spread over the ISCO major groups (first digit): each group's
/// occupations are shuffled with `seed`, then taken in turn, group after group, so every major
/// group is represented (as far as it has occupations with an area).
#[must_use]
pub fn choose(tax: &Taxonomy, all: Vec<Option<Area>>, count: usize, seed: u64) -> Vec<Area> {
    let mut rng = Rng::new(seed, 1);
    let mut groups: Vec<(char, Vec<Area>)> = Vec::new();
    for area in all.into_iter().flatten() {
        let major = tax.occupations[area.occupation]
            .isco
            .chars()
            .next()
            .unwrap_or('?');
        match groups.iter_mut().find(|(g, _)| *g == major) {
            Some((_, list)) => list.push(area),
            None => groups.push((major, vec![area])),
        }
    }
    groups.sort_by_key(|(g, _)| *g);
    for (_, list) in &mut groups {
        rng.shuffle(list);
        list.reverse(); // pop() takes from the shuffled front
    }
    let mut chosen = Vec::with_capacity(count);
    while chosen.len() < count && groups.iter().any(|(_, l)| !l.is_empty()) {
        for (_, list) in &mut groups {
            if chosen.len() < count
                && let Some(area) = list.pop()
            {
                chosen.push(area);
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::esco::tests::mini;

    #[test]
    fn areas_follow_the_words_of_the_occupation() {
        let tax = mini();
        let areas = all_areas(&tax);
        let hydro = areas[1].as_ref().unwrap();
        let labels: Vec<&str> = hydro
            .skills
            .iter()
            .map(|&s| tax.skills[s].label(0))
            .collect();
        assert!(
            labels.len() >= MIN_SKILLS && labels.len() <= MAX_SKILLS,
            "{labels:?}"
        );
        assert!(
            labels[..hydro.core]
                .iter()
                .all(|l| l.contains("hydrographic survey")),
            "{labels:?}"
        );
        // the skill group never enters an area
        assert!(
            areas
                .iter()
                .flatten()
                .all(|a| a.skills.iter().all(|&s| !tax.skills[s].group))
        );
    }

    #[test]
    fn choice_spreads_over_isco_groups_and_is_deterministic() {
        let tax = mini();
        let a = choose(&tax, all_areas(&tax), 2, 42);
        let b = choose(&tax, all_areas(&tax), 2, 42);
        assert_eq!(a, b);
        let majors: Vec<char> = a
            .iter()
            .map(|x| tax.occupations[x.occupation].isco.chars().next().unwrap())
            .collect();
        assert_eq!(majors, ['2', '7']);
    }
}
