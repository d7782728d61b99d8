//! Latency summaries: percentiles (nearest rank), mean and maximum of one system's per-query
//! wall times, and how many of its queries found something.

use serde::Serialize;

/// One system's latencies over a run, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Summary {
    /// Queries timed.
    pub queries: usize,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
    /// 99th percentile.
    pub p99: f64,
    /// Mean.
    pub mean: f64,
    /// Slowest query.
    pub max: f64,
}

/// The `p`-th percentile (0–100) of `sorted` by the nearest-rank method: the smallest value
/// such that at least `p` % of the values are at most it. 0 for no values.
#[must_use]
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

impl Summary {
    /// Summarises `millis` (any order).
    #[must_use]
    pub fn of(millis: &[f64]) -> Self {
        let mut sorted = millis.to_vec();
        sorted.sort_by(f64::total_cmp);
        let queries = sorted.len();
        Self {
            queries,
            p50: percentile(&sorted, 50.0),
            p95: percentile(&sorted, 95.0),
            p99: percentile(&sorted, 99.0),
            mean: if queries == 0 {
                0.0
            } else {
                sorted.iter().sum::<f64>() / queries as f64
            },
            max: sorted.last().copied().unwrap_or(0.0),
        }
    }
}

/// What a system returned over a run.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Hits {
    /// Queries that returned nothing.
    pub empty_queries: usize,
    /// Mean hits returned per query (at most the page size).
    pub mean_returned: f64,
    /// Mean number of matching documents per query, where the system counts them (the
    /// expert index does; `TopDocs` and `LIMIT` do not).
    pub mean_total: Option<f64>,
}

impl Hits {
    /// From the per-query number of hits returned and, if known, of matching documents.
    #[must_use]
    pub fn of(returned: &[usize], totals: Option<&[usize]>) -> Self {
        let mean = |v: &[usize]| {
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<usize>() as f64 / v.len() as f64
            }
        };
        Self {
            empty_queries: returned.iter().filter(|&&n| n == 0).count(),
            mean_returned: mean(returned),
            mean_total: totals.map(mean),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        let s = Summary::of(&values);
        assert_eq!((s.p50, s.p95, s.p99, s.max), (50.0, 95.0, 99.0, 100.0));
        assert!((s.mean - 50.5).abs() < 1e-9);
        assert_eq!(percentile(&[3.0], 99.0), 3.0);
        assert_eq!(percentile(&[1.0, 2.0], 50.0), 1.0);
        assert_eq!(percentile(&[1.0, 2.0], 51.0), 2.0);
        assert_eq!(Summary::of(&[]), Summary::default());
        let shuffled = Summary::of(&[5.0, 1.0, 3.0, 2.0, 4.0]);
        assert_eq!((shuffled.p50, shuffled.max), (3.0, 5.0));
    }

    #[test]
    fn hit_counts() {
        let h = Hits::of(&[0, 10, 5, 0], Some(&[0, 300, 5, 0]));
        assert_eq!(h.empty_queries, 2);
        assert!((h.mean_returned - 3.75).abs() < 1e-9);
        assert_eq!(h.mean_total, Some(76.25));
        assert_eq!(Hits::of(&[], None).mean_returned, 0.0);
    }
}
