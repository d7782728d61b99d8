//! Scoring constants, the recency factor, and the sort keys that order hits.
//!
//! A text search scores `bm25 × coordination × recency`; a browse orders by last activity.
//! Both orders are expressed as one `u64` key (higher first) with the profile id as the
//! tie-break (ascending), which is what cursors record.

/// Field boosts of the text clauses: skills and headline above positions and name, bio last.
pub(crate) const BOOST_SKILLS: f32 = 3.0;
/// Boost of the headline.
pub(crate) const BOOST_HEADLINE: f32 = 2.5;
/// Boost of the display name.
pub(crate) const BOOST_NAME: f32 = 2.0;
/// Boost of job titles and employers.
pub(crate) const BOOST_POSITIONS: f32 = 1.5;
/// Boost of the biography.
pub(crate) const BOOST_BIO: f32 = 1.0;

/// Weight of a stem-only match relative to the exact word (an exact match also matches the
/// stems, so it always scores more).
pub(crate) const STEM_WEIGHT: f32 = 0.6;
/// A one-edit (typo) match scores `FUZZY_WEIGHT × idf × field boost`, a constant per query
/// word: `idf` is the BM25 idf of the word as typed (of a word found in no document when the
/// index does not know it). An exact match of a word once in an average-length field scores
/// about `(1 + STEM_WEIGHT) × idf × boost`, so about five times a typo match, at any index
/// size.
pub(crate) const FUZZY_WEIGHT: f32 = 0.3;
/// Share of the other fields' scores added to the best field's score for one word (dis-max
/// tie-breaker): a word found in the headline *and* the skills counts a little more.
pub(crate) const FIELD_TIE_BREAKER: f32 = 0.2;
/// Exponent of the coordination factor `(idf of matched words / idf of all)^COORD_EXPONENT`.
pub(crate) const COORD_EXPONENT: i32 = 3;

/// Score added by an expert having one of the query's skill ids.
pub(crate) const SKILL_MATCH: f32 = 8.0;
/// Added per claimed level above 1 for that skill (level 5: +4 × this).
pub(crate) const SKILL_LEVEL_STEP: f32 = 0.5;
/// Score of an expert having a narrower skill of a query skill (its broader is the query's).
pub(crate) const SKILL_NEIGHBOUR: f32 = 3.0;

/// Lowest recency factor, reached by experts silent for years.
pub(crate) const RECENCY_FLOOR: f64 = 0.8;
/// Days after which the recency bonus above the floor has halved.
pub(crate) const RECENCY_HALF_LIFE_DAYS: f64 = 90.0;

/// `RECENCY_FLOOR + (1 - RECENCY_FLOOR) × 0.5^(age / half-life)`: 1.0 when active now, 0.9
/// after 90 days, ≈ 0.82 after a year, never below 0.8. Future activity counts as now.
pub(crate) fn recency_factor(now: i64, last_active: i64) -> f32 {
    let age_days = (now.saturating_sub(last_active)).max(0) as f64 / 86_400.0;
    let factor =
        RECENCY_FLOOR + (1.0 - RECENCY_FLOOR) * 0.5f64.powf(age_days / RECENCY_HALF_LIFE_DAYS);
    factor as f32
}

/// BM25's inverse document frequency of a term in `doc_freq` of `num_docs` documents.
pub(crate) fn idf(doc_freq: u64, num_docs: u64) -> f32 {
    let (df, n) = (doc_freq as f64, num_docs.max(doc_freq) as f64);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln() as f32
}

/// The coordination factor for content words weighing `matched` of `total`.
pub(crate) fn coordination(matched: f32, total: f32) -> f32 {
    if total <= 0.0 {
        return 1.0;
    }
    (matched / total).clamp(0.0, 1.0).powi(COORD_EXPONENT)
}

/// A sort key for a score: the order of `u64` keys is the order of the `f32` scores.
pub(crate) fn score_key(score: f32) -> u64 {
    let bits = score.to_bits();
    let ordered = if bits & 0x8000_0000 != 0 {
        !bits
    } else {
        bits | 0x8000_0000
    };
    u64::from(ordered)
}

/// A sort key for a unix time: the order of keys is the order of times.
pub(crate) fn time_key(seconds: i64) -> u64 {
    (seconds as u64) ^ (1 << 63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recency_decays_from_one_to_the_floor() {
        let day = 86_400;
        assert!((recency_factor(1000 * day, 1000 * day) - 1.0).abs() < 1e-6);
        assert!((recency_factor(90 * day, 0) - 0.9).abs() < 1e-6);
        assert!(recency_factor(365 * day, 0) < 0.83);
        assert!(recency_factor(365 * day, 0) > 0.8);
        assert!(recency_factor(i64::MAX, i64::MIN) >= 0.8);
        assert!(
            (recency_factor(0, 10 * day) - 1.0).abs() < 1e-6,
            "future = now"
        );
    }

    #[test]
    fn keys_preserve_order() {
        let scores = [-2.5f32, -0.0, 0.0, 1e-9, 0.5, 3.0, 1e9];
        for pair in scores.windows(2) {
            assert!(score_key(pair[0]) <= score_key(pair[1]), "{pair:?}");
        }
        let times = [i64::MIN, -5, 0, 7, 1_700_000_000, i64::MAX];
        for pair in times.windows(2) {
            assert!(time_key(pair[0]) < time_key(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn rarer_terms_have_higher_idf() {
        assert!(idf(0, 1000) > idf(1, 1000));
        assert!(idf(1, 1000) > idf(500, 1000));
        assert!(idf(1000, 1000) > 0.0);
        assert!(idf(5, 0).is_finite());
    }

    #[test]
    fn coordination_prefers_full_matches() {
        assert_eq!(coordination(2.0, 2.0), 1.0);
        assert_eq!(coordination(1.0, 2.0), 0.125);
        assert_eq!(coordination(0.0, 0.0), 1.0);
    }
}
