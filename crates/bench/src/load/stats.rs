//! Latencies and errors as the clients record them: an HDR histogram per operation (µs,
//! 3 significant digits, so a percentile is within 0.1 % of the exact one), merged across
//! clients at the end; errors tallied by code with the first few kept verbatim.

use super::client::CallError;
use hdrhistogram::Histogram;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// Longest latency the histograms hold exactly (µs); longer ones are clamped to it.
const MAX_MICROS: u64 = 600_000_000;
/// How many errors are kept verbatim.
pub const FIRST_ERRORS: usize = 5;

/// Latencies of one kind of operation.
#[derive(Debug, Clone)]
pub struct Latencies(Histogram<u64>);

impl Default for Latencies {
    fn default() -> Self {
        Self(Self::histogram())
    }
}

impl Latencies {
    #[expect(
        clippy::expect_used,
        reason = "constant bounds and precision that hdrhistogram accepts"
    )]
    fn histogram() -> Histogram<u64> {
        Histogram::new_with_bounds(1, MAX_MICROS, 3).expect("valid histogram bounds")
    }

    /// Records one latency.
    pub fn record(&mut self, latency: Duration) {
        let micros = u64::try_from(latency.as_micros())
            .unwrap_or(MAX_MICROS)
            .clamp(1, MAX_MICROS);
        self.0.saturating_record(micros);
    }

    /// Adds another client's latencies.
    pub fn merge(&mut self, other: &Self) {
        // Same bounds on both sides, so adding cannot fail; a failure would only lose counts.
        let _ = self.0.add(&other.0);
    }

    /// How many were recorded.
    #[must_use]
    pub fn count(&self) -> u64 {
        self.0.len()
    }

    /// Percentiles, mean and maximum in milliseconds.
    #[must_use]
    pub fn summary(&self) -> LatencySummary {
        let ms = |micros: u64| micros as f64 / 1000.0;
        if self.0.is_empty() {
            return LatencySummary::default();
        }
        LatencySummary {
            count: self.0.len(),
            mean_ms: self.0.mean() / 1000.0,
            p50_ms: ms(self.0.value_at_quantile(0.50)),
            p95_ms: ms(self.0.value_at_quantile(0.95)),
            p99_ms: ms(self.0.value_at_quantile(0.99)),
            max_ms: ms(self.0.max()),
        }
    }
}

/// What a table shows of a latency distribution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct LatencySummary {
    /// Samples.
    pub count: u64,
    /// Mean.
    pub mean_ms: f64,
    /// Median.
    pub p50_ms: f64,
    /// 95th percentile.
    pub p95_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest.
    pub max_ms: f64,
}

/// Errors by code, with the first few kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ErrorTally {
    /// Every error counted (a reply with two errors counts two).
    pub total: u64,
    /// Replies that carried at least one error.
    pub failed_requests: u64,
    /// Count per code.
    pub by_code: BTreeMap<String, u64>,
    /// The first [`FIRST_ERRORS`] as `operation: CODE: message`.
    pub first: Vec<String>,
}

impl ErrorTally {
    /// Counts the errors of one reply to `operation`.
    pub fn add(&mut self, operation: &str, errors: &[CallError]) {
        if errors.is_empty() {
            return;
        }
        self.failed_requests += 1;
        for e in errors {
            self.total += 1;
            *self.by_code.entry(e.code.clone()).or_default() += 1;
            if self.first.len() < FIRST_ERRORS {
                self.first
                    .push(format!("{operation}: {}: {}", e.code, e.message));
            }
        }
    }

    /// Adds another client's tally (its first errors go after ours, up to the limit).
    pub fn merge(&mut self, other: &Self) {
        self.total += other.total;
        self.failed_requests += other.failed_requests;
        for (code, n) in &other.by_code {
            *self.by_code.entry(code.clone()).or_default() += n;
        }
        let room = FIRST_ERRORS.saturating_sub(self.first.len());
        self.first.extend(other.first.iter().take(room).cloned());
    }
}

/// What one client (or, merged, all of them) recorded.
#[derive(Debug, Clone, Default)]
pub struct RunStats {
    /// Every operation together.
    pub all: Latencies,
    /// Per operation name.
    pub by_op: BTreeMap<&'static str, Latencies>,
    /// Errors.
    pub errors: ErrorTally,
}

impl RunStats {
    /// Records one call to `op` that took `latency`.
    pub fn record(&mut self, op: &'static str, latency: Duration, errors: &[CallError]) {
        self.all.record(latency);
        self.by_op.entry(op).or_default().record(latency);
        self.errors.add(op, errors);
    }

    /// Adds another client's record.
    pub fn merge(&mut self, other: &Self) {
        self.all.merge(&other.all);
        for (op, lat) in &other.by_op {
            self.by_op.entry(op).or_default().merge(lat);
        }
        self.errors.merge(&other.errors);
    }
}

/// Requests per second over `elapsed` (0 for an empty interval).
#[must_use]
pub fn throughput(requests: u64, elapsed: Duration) -> f64 {
    let secs = elapsed.as_secs_f64();
    if secs > 0.0 {
        requests as f64 / secs
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() <= expected * 0.001 + 1e-9
    }

    #[test]
    fn percentiles_of_one_to_a_thousand_milliseconds_are_the_ranks() {
        let mut lat = Latencies::default();
        for ms in 1..=1000 {
            lat.record(Duration::from_millis(ms));
        }
        let s = lat.summary();
        assert_eq!(s.count, 1000);
        assert!(close(s.p50_ms, 500.0), "p50 {}", s.p50_ms);
        assert!(close(s.p95_ms, 950.0), "p95 {}", s.p95_ms);
        assert!(close(s.p99_ms, 990.0), "p99 {}", s.p99_ms);
        assert!(close(s.max_ms, 1000.0), "max {}", s.max_ms);
        assert!(close(s.mean_ms, 500.5), "mean {}", s.mean_ms);
    }

    #[test]
    fn a_slow_tail_shows_in_p99_and_max_but_not_in_the_median() {
        let mut lat = Latencies::default();
        for _ in 0..980 {
            lat.record(Duration::from_micros(2_000));
        }
        for _ in 0..20 {
            lat.record(Duration::from_millis(300));
        }
        let s = lat.summary();
        assert!(close(s.p50_ms, 2.0));
        assert!(close(s.p95_ms, 2.0));
        assert!(close(s.p99_ms, 300.0));
        assert!(close(s.max_ms, 300.0));
    }

    #[test]
    fn merged_clients_give_the_percentiles_of_all_samples() {
        let (mut a, mut b) = (RunStats::default(), RunStats::default());
        for ms in 1..=500 {
            a.record("search", Duration::from_millis(ms), &[]);
        }
        for ms in 501..=1000 {
            b.record("expert", Duration::from_millis(ms), &[]);
        }
        a.merge(&b);
        assert_eq!(a.all.count(), 1000);
        assert!(close(a.all.summary().p50_ms, 500.0));
        assert_eq!(a.by_op["search"].count(), 500);
        assert!(close(a.by_op["expert"].summary().p50_ms, 750.0));
    }

    #[test]
    fn an_empty_histogram_summarises_to_zeros() {
        assert_eq!(Latencies::default().summary(), LatencySummary::default());
    }

    #[test]
    fn errors_are_counted_by_code_and_the_first_few_kept() {
        let mut tally = ErrorTally::default();
        let e = |code: &str| CallError::new(code, "boom");
        tally.add("search", &[]);
        tally.add("search", &[e("INTERNAL"), e("BAD_USER_INPUT")]);
        let mut other = ErrorTally::default();
        for _ in 0..6 {
            other.add("me", &[e("UNAUTHENTICATED")]);
        }
        tally.merge(&other);
        assert_eq!(tally.total, 8);
        assert_eq!(tally.failed_requests, 7);
        assert_eq!(tally.by_code["UNAUTHENTICATED"], 6);
        assert_eq!(tally.by_code["INTERNAL"], 1);
        assert_eq!(tally.first.len(), FIRST_ERRORS);
        assert_eq!(tally.first[0], "search: INTERNAL: boom");
        assert_eq!(tally.first[2], "me: UNAUTHENTICATED: boom");
    }

    #[test]
    fn throughput_is_requests_over_seconds() {
        assert!(close(throughput(1500, Duration::from_millis(2500)), 600.0));
        assert!(close(throughput(10, Duration::ZERO), 0.0));
    }
}
