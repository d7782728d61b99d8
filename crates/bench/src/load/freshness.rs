//! Freshness: how long after a profile save is acknowledged the change can be found by
//! search. Each sample puts a new random word (twelve letters, so no typo-tolerant match of
//! an earlier word) in a signed-in expert's headline with `saveExpertProfile`, then searches
//! for that word every 10 ms until a hit is that profile with that headline. The lag is from
//! the save's acknowledgement to the first such search reply. Experts take turns, and each
//! used expert's headline is put back at the end.
//!
//! Nothing here depends on the server being idle: while a bulk import writes in another
//! process, saves and searches simply take longer, and a sample only fails when the word is
//! not found within the timeout.

use super::client::CallError;
use super::documents;
use super::scenario::ExpertSession;
use super::stats::{ErrorTally, Latencies, LatencySummary};
use crate::rng::Rng;
use serde::Serialize;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// How often the search is repeated.
pub const POLL: Duration = Duration::from_millis(10);
/// Longest headline the server takes.
const MAX_HEADLINE: usize = 160;

/// What the samples found.
#[derive(Debug, Clone, Serialize)]
pub struct FreshnessReport {
    /// Samples attempted.
    pub samples: usize,
    /// Samples whose word was found in time.
    pub found: usize,
    /// Lag from acknowledgement to searchable.
    pub lag: LatencySummary,
    /// The saves' own latency.
    pub save: LatencySummary,
    /// Searches sent per found sample, on average.
    pub polls_per_sample: f64,
    /// Errors of saves and searches, and timeouts (`NOT_FRESH`).
    pub errors: ErrorTally,
}

/// A random lowercase word of `len` letters.
#[must_use]
pub fn random_word(rng: &mut Rng, len: usize) -> String {
    (0..len)
        .map(|_| char::from(b'a' + u8::try_from(rng.below(26)).unwrap_or(0)))
        .collect()
}

/// `headline` with `word` appended, cut (at a character boundary) to fit the limit.
#[must_use]
pub fn headline_with(headline: &str, word: &str) -> String {
    let room = MAX_HEADLINE.saturating_sub(word.len() + 1);
    let kept: String = headline.chars().take(room).collect();
    format!("{} {word}", kept.trim_end())
}

/// Takes `samples` samples with `experts` in turn, waiting at most `timeout` for each.
pub async fn run(
    client: &super::client::GqlClient,
    experts: &[ExpertSession],
    samples: usize,
    timeout: Duration,
    rng: &mut Rng,
) -> FreshnessReport {
    let mut lag = Latencies::default();
    let mut save = Latencies::default();
    let mut errors = ErrorTally::default();
    let (mut found, mut polls) = (0usize, 0u64);
    let save_document = documents::save_profile();
    for i in 0..samples {
        let Some(e) = experts.get(i % experts.len().max(1)) else {
            break;
        };
        let token = match e.session.token(client).await {
            Ok(t) => t,
            Err(err) => {
                errors.add("signIn", &[CallError::new("SIGN_IN", err.to_string())]);
                continue;
            }
        };
        let word = random_word(rng, 12);
        let original = e.input["headline"].as_str().unwrap_or_default();
        let mut input = e.input.clone();
        input["headline"] = json!(headline_with(original, &word));
        let sent = Instant::now();
        let reply = client
            .call(
                &save_document,
                json!({ "input": input, "lang": "en" }),
                Some(&token),
            )
            .await;
        let acknowledged = Instant::now();
        save.record(acknowledged - sent);
        if !reply.ok() {
            errors.add("saveExpertProfile", &reply.errors);
            continue;
        }
        loop {
            polls += 1;
            let reply = client
                .call(
                    documents::FIND_PROFILE,
                    json!({ "query": word }),
                    Some(&token),
                )
                .await;
            if !reply.ok() {
                errors.add("searchExperts", &reply.errors);
            } else if has_hit(reply.at("/searchExperts/hits"), &e.profile_id, &word) {
                lag.record(acknowledged.elapsed());
                found += 1;
                break;
            }
            if acknowledged.elapsed() >= timeout {
                errors.add(
                    "freshness",
                    &[CallError::new(
                        "NOT_FRESH",
                        format!("{word} not found in {} s", timeout.as_secs()),
                    )],
                );
                break;
            }
            tokio::time::sleep(POLL).await;
        }
    }
    restore(client, experts, samples, &mut errors).await;
    FreshnessReport {
        samples,
        found,
        lag: lag.summary(),
        save: save.summary(),
        polls_per_sample: if found > 0 {
            polls as f64 / found as f64
        } else {
            0.0
        },
        errors,
    }
}

/// Whether `hits` hold the profile `id` with `word` in its headline.
fn has_hit(hits: &Value, id: &str, word: &str) -> bool {
    hits.as_array().into_iter().flatten().any(|h| {
        h.pointer("/expert/id").and_then(Value::as_str) == Some(id)
            && h.pointer("/expert/headline")
                .and_then(Value::as_str)
                .is_some_and(|t| t.contains(word))
    })
}

/// Saves the original profile of every expert that took a sample.
async fn restore(
    client: &super::client::GqlClient,
    experts: &[ExpertSession],
    samples: usize,
    errors: &mut ErrorTally,
) {
    let document = documents::save_profile();
    for e in experts.iter().take(samples) {
        let Ok(token) = e.session.token(client).await else {
            continue;
        };
        let reply = client
            .call(
                &document,
                json!({ "input": e.input, "lang": "en" }),
                Some(&token),
            )
            .await;
        errors.add("saveExpertProfile", &reply.errors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_appended_and_the_headline_still_fits() {
        assert_eq!(
            headline_with("Hydrologist ", "qwerty"),
            "Hydrologist qwerty"
        );
        let long = "é".repeat(200);
        let h = headline_with(&long, "abcdefghijkl");
        assert_eq!(h.chars().count(), MAX_HEADLINE);
        assert!(h.ends_with(" abcdefghijkl"));
    }

    #[test]
    fn random_words_are_lowercase_letters_and_differ() {
        let mut rng = Rng::new(7, 1);
        let (a, b) = (random_word(&mut rng, 12), random_word(&mut rng, 12));
        assert_eq!(a.len(), 12);
        assert!(a.bytes().all(|c| c.is_ascii_lowercase()));
        assert_ne!(a, b);
    }

    #[test]
    fn only_the_profile_with_the_word_counts_as_found() {
        let hits = json!([
            { "expert": { "id": "other", "headline": "Nurse qwerty" } },
            { "expert": { "id": "me", "headline": "Nurse" } }
        ]);
        assert!(!has_hit(&hits, "me", "qwerty"));
        let hits = json!([{ "expert": { "id": "me", "headline": "Nurse qwerty" } }]);
        assert!(has_hit(&hits, "me", "qwerty"));
    }
}
