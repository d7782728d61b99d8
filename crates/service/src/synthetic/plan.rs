//! What every generator of one network shares: the taxonomy, how popular each occupation is
//! (so some have thousands of experts and others a handful), how countries of origin are
//! drawn, and how seeded ids are made.

use super::rng::{Cumulative, Rng};
use super::taxonomy::{Taxonomy, lang_index};
use super::world::{Origin, origins};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// Independent random streams of one seed.
pub(super) mod stream {
    /// Occupation popularity.
    pub const POPULARITY: u64 = 1;
    /// Expert `n`.
    pub const EXPERT: u64 = 2;
    /// Institution `n` and its staff.
    pub const INSTITUTION: u64 = 3;
    /// Request `n`.
    pub const REQUEST: u64 = 4;
    /// The choice of universities.
    pub const UNIVERSITIES: u64 = 5;
    /// The operators (administrator, moderator).
    pub const OPERATORS: u64 = 6;
}

/// The instant the seeded ids count from (2024-01-01T00:00:00Z, in milliseconds): expert `n`'s
/// ids carry `EPOCH_MS + n`, so they are time-ordered UUID v7 in generation order, which keeps
/// the primary-key indexes appending.
pub const EPOCH_MS: u64 = 1_704_067_200_000;

/// Relative weight of an occupation by its ISCO-08 major group, so that about half the experts
/// are professionals (group 2), a sixth technicians (3), an eighth managers (1), and the rest
/// spread over the other groups.
fn major_weight(isco: &str) -> f64 {
    match isco.as_bytes().first() {
        Some(b'2') => 10.0,
        Some(b'1') => 5.0,
        Some(b'3') => 4.0,
        Some(b'4') => 3.0,
        Some(b'5' | b'6') => 2.5,
        Some(b'7') => 1.8,
        Some(b'8') => 1.2,
        Some(b'0') => 1.0,
        _ => 0.8,
    }
}

/// The shared state of one network's generation.
#[derive(Debug)]
pub struct Plan {
    /// The taxonomy with its areas.
    pub tax: Arc<Taxonomy>,
    /// The seed.
    pub seed: u64,
    /// Occupations that have an area (indices into `tax.occupations`).
    occupations: Vec<usize>,
    popularity: Cumulative,
    /// Per ISCO unit group, the usable occupations in it.
    by_group: HashMap<String, Vec<usize>>,
    origins: Cumulative,
}

impl Plan {
    /// The plan of the network of `seed`.
    #[must_use]
    pub fn new(tax: Arc<Taxonomy>, seed: u64) -> Self {
        let occupations: Vec<usize> = (0..tax.occupations.len())
            .filter(|&o| tax.areas[o].is_some())
            .collect();
        let popularity = Cumulative::new(occupations.iter().map(|&o| {
            let mut rng = Rng::for_item(seed, stream::POPULARITY, o as u64);
            major_weight(&tax.occupations[o].isco) * (0.2 + 4.0 * rng.unit().powi(3))
        }));
        let mut by_group: HashMap<String, Vec<usize>> = HashMap::new();
        for &o in &occupations {
            by_group
                .entry(tax.occupations[o].isco.clone())
                .or_default()
                .push(o);
        }
        Self {
            origins: Cumulative::new(origins().iter().map(|o| o.weight)),
            tax,
            seed,
            occupations,
            popularity,
            by_group,
        }
    }

    /// An occupation for someone from `origin`: one of the origin's known strengths a fifth
    /// of the time, otherwise by popularity.
    pub fn occupation(&self, rng: &mut Rng, origin: Option<&Origin>) -> usize {
        if let Some(origin) = origin
            && rng.chance(0.2)
        {
            let groups: Vec<&Vec<usize>> = origin
                .strengths
                .iter()
                .filter_map(|g| self.by_group.get(*g))
                .collect();
            if let Some(group) = rng.pick(&groups)
                && let Some(&o) = rng.pick(group)
            {
                return o;
            }
        }
        let i = self.popularity.draw(rng).unwrap_or(0);
        self.occupations.get(i).copied().unwrap_or(0)
    }

    /// A country of origin, by diaspora size.
    pub fn origin(&self, rng: &mut Rng) -> &'static Origin {
        &origins()[self.origins.draw(rng).unwrap_or(0)]
    }

    /// How many occupations have an area.
    #[must_use]
    pub fn usable_occupations(&self) -> usize {
        self.occupations.len()
    }

    /// An occupation's title in `lang`: a gendered form for French and Spanish pairs, and
    /// sometimes one of the alternative labels.
    pub fn title(&self, rng: &mut Rng, occupation: usize, lang: &str, female: bool) -> String {
        let labels = &self.tax.occupations[occupation].labels;
        let forms = labels[lang_index(lang)].forms();
        let english = labels[0].preferred.as_str();
        let pair = labels[lang_index(lang)].preferred.contains('/');
        let chosen = if forms.len() > 2 && rng.chance(0.3) {
            forms[rng.range(2, forms.len() - 1)]
        } else if pair && female && forms.len() > 1 {
            forms[1]
        } else {
            forms.first().copied().unwrap_or(english)
        };
        chosen.to_owned()
    }
}

/// A seeded UUID v7: `ms` as its timestamp and random bits from `rng`.
pub fn seeded_id(rng: &mut Rng, ms: u64) -> Uuid {
    let a = rng.next_u64().to_le_bytes();
    let b = rng.next_u64().to_le_bytes();
    let mut bytes = [0u8; 10];
    bytes[..8].copy_from_slice(&a);
    bytes[8..].copy_from_slice(&b[..2]);
    uuid::Builder::from_unix_timestamp_millis(ms, &bytes).into_uuid()
}

/// The text with its first letter in upper case.
#[must_use]
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `an` before a vowel, else `a` (English).
#[must_use]
pub fn article(word: &str) -> &'static str {
    match word.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// `a`, `a and b`, `a, b and c` with the language's conjunction.
#[must_use]
pub fn join_list(items: &[&str], lang: &str) -> String {
    let and = match lang {
        "fr" => "et",
        "es" => "y",
        _ => "and",
    };
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [head @ .., last] => format!("{} {and} {last}", head.join(", ")),
    }
}
