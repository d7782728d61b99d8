//! Measures suggestion latency over 1,000 realistic queries (printed, never asserted: run
//! `cargo test --release -p braingain-search --test skills latency -- --nocapture`), and checks
//! that typing a label finds its skill.

use std::time::{Duration, Instant};

use braingain_search::SkillEntry;

use super::*;

/// A tiny deterministic PRNG (xorshift64*), so the query set is the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let next = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33;
        usize::try_from(next).unwrap() % n.max(1)
    }
}

/// How the user typed a label.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Typed {
    /// The whole label, exactly.
    WholeLabel,
    /// Its first words, the last one cut short (still typing).
    Beginning,
    /// Up to 3 words from the middle, one long word with a letter missing (a typo).
    MiddleWithTypo,
}

struct Sample {
    query: String,
    user_lang: Option<&'static str>,
    skill_id: String,
    typed: Typed,
}

fn sample(rng: &mut Rng, entries: &[SkillEntry]) -> Option<Sample> {
    let entry = &entries[rng.below(entries.len())];
    let (lang, labels) = &entry.labels[rng.below(entry.labels.len())];
    let mut pool = vec![&labels.preferred];
    pool.extend(&labels.alternatives);
    let words: Vec<&str> = pool[rng.below(pool.len())].split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let typed = [Typed::WholeLabel, Typed::Beginning, Typed::MiddleWithTypo][rng.below(3)];
    let mut chosen: Vec<String> = match typed {
        Typed::WholeLabel => words.iter().map(|w| (*w).to_owned()).collect(),
        Typed::Beginning => {
            let mut first: Vec<String> = words
                .iter()
                .take(1 + rng.below(3))
                .map(|w| (*w).to_owned())
                .collect();
            let last = first.last_mut()?;
            let keep = 1 + rng.below(last.chars().count());
            *last = last.chars().take(keep).collect();
            first
        }
        Typed::MiddleWithTypo => {
            let start = rng.below(words.len());
            let take = 1 + rng.below(3.min(words.len() - start));
            let mut middle: Vec<String> = words[start..start + take]
                .iter()
                .map(|w| (*w).to_owned())
                .collect();
            let word = middle.iter_mut().max_by_key(|w| w.chars().count())?;
            let chars: Vec<char> = word.chars().collect();
            if chars.len() >= 6 {
                let at = 1 + rng.below(chars.len() - 2);
                *word = chars
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != at)
                    .map(|(_, c)| c)
                    .collect();
            }
            middle
        }
    };
    chosen.retain(|w| !w.is_empty());
    let user_lang = match rng.below(5) {
        0 => None,
        1 => Some(["en", "fr", "es"][rng.below(3)]),
        _ => ["en", "fr", "es"].into_iter().find(|l| l == lang),
    };
    Some(Sample {
        query: chosen.join(" "),
        user_lang,
        skill_id: entry.id.clone(),
        typed,
    })
}

#[test]
fn suggestion_latency_over_1000_realistic_queries() {
    let entries = esco::load();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let samples: Vec<Sample> = std::iter::repeat_with(|| sample(&mut rng, &entries))
        .flatten()
        .take(1_000)
        .collect();
    let _warm_up = suggest("warm up", None, 10);
    let mut times: Vec<Duration> = Vec::with_capacity(samples.len());
    let mut slowest: Vec<(Duration, &str)> = Vec::new();
    let (mut whole, mut whole_found, mut answered) = (0, 0, 0);
    for sample in &samples {
        let started = Instant::now();
        let found = INDEX
            .suggest(&sample.query, sample.user_lang, 10)
            .expect("suggest");
        times.push(started.elapsed());
        slowest.push((started.elapsed(), &sample.query));
        answered += usize::from(!found.is_empty());
        if sample.typed == Typed::WholeLabel {
            whole += 1;
            whole_found += usize::from(found.iter().any(|s| s.id == sample.skill_id));
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let mean = times.iter().sum::<Duration>() / u32::try_from(times.len()).unwrap();
    println!(
        "suggest() over {} realistic queries ({} build): median {:?}, mean {mean:?}, p90 {:?}, \
         p99 {:?}, max {:?}; {answered} answered; whole labels typed: {whole_found}/{whole} \
         found in the top 10",
        times.len(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0),
    );
    slowest.sort_by_key(|&(time, _)| std::cmp::Reverse(time));
    println!("slowest: {:?}", &slowest[..5]);
    assert!(
        answered * 100 >= samples.len() * 95,
        "only {answered} queries answered"
    );
    assert!(
        whole > 250,
        "query generator degenerate: {whole} whole labels"
    );
    assert!(
        whole_found * 100 >= whole * 97,
        "{whole_found}/{whole} whole labels found"
    );
}
