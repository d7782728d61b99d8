//! Search latency over a synthetic corpus (printed, never asserted). The default size keeps
//! `cargo test` quick; the README's figures come from `BRAINGAIN_LATENCY_DOCS=50000 cargo
//! test --release -p braingain-search --test experts latency -- --nocapture`.

use std::time::{Duration, Instant};

use braingain_search::{DocSkill, ExpertDoc, ExpertFilter, ExpertIndex, ExpertQuery};

use super::NOW;

/// A tiny deterministic PRNG (xorshift64*), so the corpus and queries are the same every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let next = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33;
        usize::try_from(next).unwrap() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pronounceable pseudo-words; a Zipf-like pick makes some common and most rare.
fn vocabulary(rng: &mut Rng, size: usize) -> Vec<String> {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "za", "be", "do", "fu", "ga", "hi", "jo",
        "ku", "ma", "no", "pe", "ri", "so", "tu", "ya", "ze",
    ];
    (0..size)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| *rng.pick(&SYLLABLES))
                .collect()
        })
        .collect()
}

fn zipf<'a>(rng: &mut Rng, words: &'a [String]) -> &'a str {
    let rank = rng
        .below(words.len())
        .min(rng.below(words.len()))
        .min(rng.below(words.len()));
    &words[rank]
}

/// `min` plus up to `spread - 1` words.
fn phrase(rng: &mut Rng, words: &[String], min: usize, spread: usize) -> String {
    let len = min + rng.below(spread);
    (0..len)
        .map(|_| zipf(rng, words))
        .collect::<Vec<_>>()
        .join(" ")
}

const COUNTRIES: [&str; 12] = [
    "NG", "GH", "SN", "KE", "ET", "FR", "GB", "NL", "US", "ES", "DE", "CA",
];
const LANGS: [&str; 8] = ["en", "fr", "es", "pt", "ar", "sw", "yo", "wo"];
const ENGAGE: [&str; 4] = ["MENTORING", "LECTURING", "CONSULTING", "TRAINING"];
const MODES: [&str; 3] = ["REMOTE", "SHORT_VISIT", "LONG_STAY"];

fn synthetic(
    rng: &mut Rng,
    n: usize,
    words: &[String],
    skills: &[(String, Vec<String>)],
) -> Vec<ExpertDoc> {
    let strings = |rng: &mut Rng, items: &[&str], spread: usize| -> Vec<String> {
        let k = 1 + rng.below(spread);
        (0..k).map(|_| (*rng.pick(items)).to_owned()).collect()
    };
    (0..n)
        .map(|i| ExpertDoc {
            profile_id: format!("00000000-0000-7000-8000-{i:012}"),
            display_name: phrase(rng, words, 2, 1),
            headline: phrase(rng, words, 6, 1),
            bio: phrase(rng, words, 40, 80),
            positions: vec![phrase(rng, words, 4, 1)],
            skills: (0..1 + rng.below(6))
                .map(|_| {
                    let (id, labels) = rng.pick(skills);
                    DocSkill {
                        id: id.clone(),
                        level: 1 + (rng.below(5) as u8),
                        labels: labels.clone(),
                        broader: vec![],
                    }
                })
                .collect(),
            residence_country: (*rng.pick(&COUNTRIES)).to_owned(),
            origin_countries: strings(rng, &COUNTRIES, 2),
            languages: strings(rng, &LANGS, 3),
            engagement_types: strings(rng, &ENGAGE, 3),
            work_modes: strings(rng, &MODES, 2),
            hours_per_month: Some(rng.below(30) as u32),
            verified: rng.below(3) > 0,
            public: rng.below(4) > 0,
            last_active: NOW - (rng.below(1000) as i64) * 86_400,
        })
        .collect()
}

fn query(
    rng: &mut Rng,
    words: &[String],
    skills: &[(String, Vec<String>)],
) -> (&'static str, ExpertQuery) {
    let mut q = ExpertQuery {
        limit: 20,
        now: NOW,
        ..ExpertQuery::default()
    };
    if rng.below(2) == 0 {
        q.facet_fields = ["residenceCountry", "language", "skill"]
            .map(String::from)
            .to_vec();
    }
    let kind = match rng.below(5) {
        0 => {
            q.filter = ExpertFilter {
                residence_countries: vec![(*rng.pick(&COUNTRIES)).into()],
                verified_only: true,
                ..ExpertFilter::default()
            };
            "browse + filters"
        }
        1 => {
            let (id, labels) = rng.pick(skills);
            q.text = Some(labels[0].clone());
            q.skill_boosts = vec![id.clone()];
            "skill label + boost"
        }
        2 => {
            let mut word: Vec<char> = phrase(rng, words, 1, 1).chars().collect();
            if word.len() >= 5 {
                word.remove(1 + rng.below(word.len() - 2));
            }
            q.text = Some(word.into_iter().collect());
            "one word, typo"
        }
        3 => {
            q.text = Some(phrase(rng, words, 3, 1));
            q.filter.languages = vec![(*rng.pick(&LANGS)).into()];
            "3 words + filter"
        }
        _ => {
            q.text = Some(phrase(rng, words, 1, 6));
            "1-6 words"
        }
    };
    (kind, q)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

#[test]
fn latency_over_a_synthetic_corpus() {
    let docs: usize = std::env::var("BRAINGAIN_LATENCY_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let words = vocabulary(&mut rng, 20_000);
    let skills: Vec<(String, Vec<String>)> = (0..2000)
        .map(|i| {
            (
                format!("sk-{i}"),
                (0..3).map(|_| phrase(&mut rng, &words, 2, 1)).collect(),
            )
        })
        .collect();
    let index = ExpertIndex::in_memory().unwrap();
    let started = Instant::now();
    let corpus = synthetic(&mut rng, docs, &words, &skills);
    for chunk in corpus.chunks(5_000) {
        index.apply(chunk.to_vec(), vec![], "x").unwrap();
    }
    let build = started.elapsed();
    assert_eq!(index.num_docs(), docs as u64);
    let mut by_kind: Vec<(&str, Vec<Duration>)> = Vec::new();
    let mut all = Vec::new();
    for _ in 0..500 {
        let (kind, q) = query(&mut rng, &words, &skills);
        let started = Instant::now();
        let results = index.search(&q).unwrap();
        let took = started.elapsed();
        assert!(results.hits.len() <= 20);
        all.push(took);
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, times)) => times.push(took),
            None => by_kind.push((kind, vec![took])),
        }
    }
    println!("{docs} experts indexed in {build:.1?}; 500 queries (limit 20, facets on half):");
    by_kind.push(("all", all));
    for (kind, mut times) in by_kind {
        times.sort();
        println!(
            "  {kind:<20} n={:<4} median {:>8.2?}  p90 {:>8.2?}  p99 {:>8.2?}  max {:>8.2?}",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.9),
            percentile(&times, 0.99),
            times[times.len() - 1]
        );
    }
}
