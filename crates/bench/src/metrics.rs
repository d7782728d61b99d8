//! Ranking metrics over graded judgements.
//!
//! - **NDCG@k** with exponential gain: `DCG = Σᵢ (2^gradeᵢ − 1) / log₂(i + 1)` over the first
//!   `k` results (rank `i` from 1), divided by the DCG of the ideal ranking of *all* judged
//!   experts (not only the retrieved ones), so a system is penalised for relevant experts it
//!   never returns.
//! - **Reciprocal rank**: `1 / rank` of the first result with grade ≥ the threshold, 0 if
//!   none is retrieved (the runs retrieve 100 results).
//! - **Recall@k** of the experts with the top grade, out of `min(k, how many there are)`, so
//!   1.0 means the first `k` results are all top-grade experts (or contain all of them).

/// DCG of the first `k` grades.
#[must_use]
pub fn dcg(grades: &[u8], k: usize) -> f64 {
    grades
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, &g)| (2f64.powi(i32::from(g)) - 1.0) / ((i + 2) as f64).log2())
        // fold from +0.0: `sum()` of nothing is -0.0, which prints as "-0.000"
        .fold(0.0, |a, b| a + b)
}

/// NDCG@k of a ranking (`ranked` grades in result order) given every judged grade
/// (`judged`, any order). 0 when nothing is relevant.
#[must_use]
pub fn ndcg(ranked: &[u8], judged: &[u8], k: usize) -> f64 {
    let mut ideal = judged.to_vec();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg(&ideal, k);
    if best == 0.0 {
        0.0
    } else {
        dcg(ranked, k) / best
    }
}

/// Reciprocal rank of the first result with grade ≥ `min_grade`.
#[must_use]
pub fn reciprocal_rank(ranked: &[u8], min_grade: u8) -> f64 {
    ranked
        .iter()
        .position(|&g| g >= min_grade)
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

/// Recall@k of experts with grade ≥ `grade`, out of `min(k, relevant)`; `None` when there
/// are none.
#[must_use]
pub fn recall(ranked: &[u8], relevant: usize, grade: u8, k: usize) -> Option<f64> {
    if relevant == 0 {
        return None;
    }
    let found = ranked.iter().take(k).filter(|&&g| g >= grade).count();
    Some(found as f64 / k.min(relevant) as f64)
}

/// Arithmetic mean (0 for none).
#[must_use]
pub fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn ndcg_by_hand() {
        // ranked 3, 0, 2 ; judged also holds a 1 never retrieved.
        // DCG = 7/log2(2) + 0 + 3/log2(4) = 7 + 1.5 = 8.5
        // ideal 3, 2, 1: 7 + 3/log2(3) + 1/2 = 9.392789...
        let ranked = [3, 0, 2];
        let judged = [0, 2, 3, 1, 0];
        assert!(close(dcg(&ranked, 10), 8.5));
        let ideal = 7.0 + 3.0 / 3f64.log2() + 0.5;
        assert!(close(ndcg(&ranked, &judged, 10), 8.5 / ideal));
        // the ideal ranking scores 1; cut at k
        assert!(close(ndcg(&[3, 2, 1], &judged, 10), 1.0));
        assert!(close(ndcg(&[0, 3], &[3], 1), 0.0));
        assert!(
            close(ndcg(&[3, 0], &[3, 3], 1), 1.0),
            "k = 1 sees one result"
        );
        assert!(close(ndcg(&[0, 0], &[0, 0], 10), 0.0), "nothing relevant");
    }

    #[test]
    fn reciprocal_rank_by_hand() {
        assert!(close(reciprocal_rank(&[1, 0, 2, 3], 2), 1.0 / 3.0));
        assert!(close(reciprocal_rank(&[3], 2), 1.0));
        assert!(close(reciprocal_rank(&[1, 1], 2), 0.0));
        assert!(close(reciprocal_rank(&[], 2), 0.0));
        assert!(close(mean(&[1.0, 1.0 / 3.0, 0.0]), 4.0 / 9.0));
    }

    #[test]
    fn recall_by_hand() {
        assert_eq!(recall(&[3, 0, 3, 2], 2, 3, 10), Some(1.0));
        assert_eq!(recall(&[3, 0, 0, 2], 4, 3, 10), Some(0.25));
        assert_eq!(
            recall(&[3, 3, 3], 30, 3, 2),
            Some(1.0),
            "out of min(k, relevant)"
        );
        assert_eq!(recall(&[0], 0, 3, 10), None);
    }
}
