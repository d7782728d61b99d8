//! A run's result: one serialisable record (written with `--json FILE` for scripts that
//! build the benchmark tables) and its text form for the terminal.

use super::freshness::FreshnessReport;
use super::memory::MemoryReport;
use super::scenario::Scenario;
use super::stats::{ErrorTally, LatencySummary, RunStats, throughput};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

/// One operation's share of the run.
#[derive(Debug, Clone, Serialize)]
pub struct OpSummary {
    /// Calls per second.
    pub throughput_rps: f64,
    /// Latency.
    pub latency: LatencySummary,
}

/// How the run was set up.
#[derive(Debug, Clone, Serialize)]
pub struct Setup {
    /// The scenario.
    pub scenario: Scenario,
    /// The GraphQL endpoint.
    pub url: String,
    /// Concurrent clients.
    pub clients: usize,
    /// Warm-up steps (not measured).
    pub warmup: u64,
    /// Distinct search texts.
    pub queries: usize,
    /// Profile ids `expert(id)` was aimed at.
    pub profiles: usize,
    /// OPEN request ids `matchExperts` was aimed at.
    pub requests: usize,
    /// Signed-in seeded experts.
    pub experts_signed_in: usize,
    /// The seed of the draws.
    pub seed: u64,
}

/// The result of a run.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The setup.
    #[serde(flatten)]
    pub setup: Setup,
    /// Calls measured.
    pub calls: u64,
    /// Wall time of the measured run.
    pub elapsed_secs: f64,
    /// Calls per second.
    pub throughput_rps: f64,
    /// Latency over every call.
    pub latency: LatencySummary,
    /// Per operation.
    pub operations: BTreeMap<String, OpSummary>,
    /// Errors of the measured run.
    pub errors: ErrorTally,
    /// Errors while warming up and setting up.
    pub warmup_errors: ErrorTally,
    /// The server's memory (`--pid`).
    pub memory: Option<MemoryReport>,
    /// Freshness samples.
    pub freshness: Option<FreshnessReport>,
}

impl Summary {
    /// The summary of `stats` measured over `elapsed`.
    #[must_use]
    pub fn new(setup: Setup, stats: &RunStats, elapsed: Duration) -> Self {
        let operations = stats
            .by_op
            .iter()
            .map(|(op, lat)| {
                (
                    (*op).to_owned(),
                    OpSummary {
                        throughput_rps: throughput(lat.count(), elapsed),
                        latency: lat.summary(),
                    },
                )
            })
            .collect();
        Self {
            setup,
            calls: stats.all.count(),
            elapsed_secs: elapsed.as_secs_f64(),
            throughput_rps: throughput(stats.all.count(), elapsed),
            latency: stats.all.summary(),
            operations,
            errors: stats.errors.clone(),
            warmup_errors: ErrorTally::default(),
            memory: None,
            freshness: None,
        }
    }

    /// Every error, warm-up included.
    #[must_use]
    pub fn error_count(&self) -> u64 {
        self.errors.total
            + self.warmup_errors.total
            + self.freshness.as_ref().map_or(0, |f| f.errors.total)
    }

    /// The text shown on the terminal.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = String::new();
        let s = &self.setup;
        let _ = writeln!(
            out,
            "scenario {}, {} client(s), {} warm-up step(s), {} queries, {} profiles, {} requests, {} experts signed in",
            s.scenario.name(),
            s.clients,
            s.warmup,
            s.queries,
            s.profiles,
            s.requests,
            s.experts_signed_in
        );
        if self.calls > 0 {
            let _ = writeln!(
                out,
                "{} calls in {:.1} s: {:.1} req/s",
                self.calls, self.elapsed_secs, self.throughput_rps
            );
            let _ = writeln!(
                out,
                "{:<26} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9}",
                "operation", "calls", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"
            );
            let mut row = |name: &str, rps: f64, l: &LatencySummary| {
                let _ = writeln!(
                    out,
                    "{name:<26} {:>8} {rps:>9.1} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
                    l.count, l.p50_ms, l.p95_ms, l.p99_ms, l.max_ms
                );
            };
            for (op, o) in &self.operations {
                row(op, o.throughput_rps, &o.latency);
            }
            if self.operations.len() > 1 {
                row("all", self.throughput_rps, &self.latency);
            }
        }
        if let Some(f) = &self.freshness {
            let _ = writeln!(
                out,
                "freshness: {}/{} found; lag p50 {:.0} ms, p95 {:.0} ms, p99 {:.0} ms, max {:.0} ms; save p50 {:.1} ms; {:.1} searches per sample",
                f.found,
                f.samples,
                f.lag.p50_ms,
                f.lag.p95_ms,
                f.lag.p99_ms,
                f.lag.max_ms,
                f.save.p50_ms,
                f.polls_per_sample
            );
        }
        if let Some(m) = &self.memory {
            render_memory(&mut out, m);
        }
        for (what, tally) in [
            ("errors", &self.errors),
            ("warm-up errors", &self.warmup_errors),
        ]
        .into_iter()
        .chain(
            self.freshness
                .as_ref()
                .map(|f| ("freshness errors", &f.errors)),
        ) {
            render_errors(&mut out, what, tally);
        }
        if self.error_count() == 0 {
            let _ = writeln!(out, "no errors");
        }
        out
    }
}

fn render_memory(out: &mut String, m: &MemoryReport) {
    let mib = |kb: u64| kb as f64 / 1024.0;
    let _ = writeln!(
        out,
        "server memory (pid {}): RSS {:.1} MiB at start, peak {:.1} MiB, {:.1} MiB at end; VmHWM {:.1} MiB; {} samples",
        m.pid,
        mib(m.first_rss_kb),
        mib(m.peak_rss_kb),
        mib(m.last_rss_kb),
        mib(m.hwm_kb),
        m.samples
    );
    for p in &m.timeline {
        let _ = writeln!(
            out,
            "  {:>6.0} s  RSS {:>8.1} MiB  anon {:>8.1} MiB  {:>8.1} req/s",
            p.at_secs,
            mib(p.rss_kb),
            mib(p.anon_kb),
            p.rps
        );
    }
    match (&m.rss_growth, m.flat) {
        (Some(g), Some(flat)) => {
            let anon = m
                .anon_growth
                .map(|a| format!(" (anonymous: {:+.1} %)", a.ratio * 100.0))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "memory {}: last third {:.1} MiB vs middle third {:.1} MiB, {:+.1} %{anon} (limit {:.0} %)",
                if flat { "flat" } else { "GROWING" },
                g.last_mean_kb / 1024.0,
                g.middle_mean_kb / 1024.0,
                g.ratio * 100.0,
                m.max_growth * 100.0
            );
        }
        _ => {
            let _ = writeln!(out, "memory: too few samples to judge growth");
        }
    }
}

fn render_errors(out: &mut String, what: &str, tally: &ErrorTally) {
    if tally.total == 0 {
        return;
    }
    let codes: Vec<String> = tally
        .by_code
        .iter()
        .map(|(code, n)| format!("{code} {n}"))
        .collect();
    let _ = writeln!(
        out,
        "{what}: {} in {} replies ({})",
        tally.total,
        tally.failed_requests,
        codes.join(", ")
    );
    for first in &tally.first {
        let _ = writeln!(out, "  {first}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::client::CallError;

    fn setup() -> Setup {
        Setup {
            scenario: Scenario::Search,
            url: "http://127.0.0.1:8080/graphql".into(),
            clients: 4,
            warmup: 10,
            queries: 1000,
            profiles: 0,
            requests: 0,
            experts_signed_in: 0,
            seed: 42,
        }
    }

    #[test]
    fn throughput_and_percentiles_come_from_the_measured_calls() {
        let mut stats = RunStats::default();
        for ms in 1..=200 {
            stats.record("searchExperts", Duration::from_millis(ms), &[]);
        }
        let summary = Summary::new(setup(), &stats, Duration::from_secs(4));
        assert_eq!(summary.calls, 200);
        assert!((summary.throughput_rps - 50.0).abs() < 1e-9);
        assert!((summary.operations["searchExperts"].latency.p50_ms - 100.0).abs() < 0.1);
        assert_eq!(summary.error_count(), 0);
        let text = summary.render();
        assert!(text.contains("200 calls in 4.0 s: 50.0 req/s"), "{text}");
        assert!(text.contains("no errors"), "{text}");
    }

    #[test]
    fn errors_make_the_run_fail_and_are_listed() {
        let mut stats = RunStats::default();
        stats.record(
            "me",
            Duration::from_millis(3),
            &[CallError::new("UNAUTHENTICATED", "sign in first")],
        );
        let summary = Summary::new(setup(), &stats, Duration::from_secs(1));
        assert_eq!(summary.error_count(), 1);
        let text = summary.render();
        assert!(
            text.contains("errors: 1 in 1 replies (UNAUTHENTICATED 1)"),
            "{text}"
        );
        assert!(
            text.contains("me: UNAUTHENTICATED: sign in first"),
            "{text}"
        );
        let json = serde_json::to_value(&summary).unwrap_or_default();
        assert_eq!(json["errors"]["by_code"]["UNAUTHENTICATED"], 1);
        assert_eq!(json["scenario"], "search");
    }
}
