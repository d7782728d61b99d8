//! The floor benchmark's results: one row per system (latency percentiles and hit counts),
//! the ratios of the PostgreSQL baseline to the floor, as Markdown tables and as JSON.

use serde::Serialize;

use super::latency::{Hits, Summary};
use super::searcher::Timings;

/// One system's results.
#[derive(Debug, Clone, Serialize)]
pub struct SystemResult {
    /// Stable key (`braingain`, `bm25_any`, `pg_english_all`, …).
    pub key: String,
    /// Name in tables.
    pub name: String,
    /// Wall time per query, milliseconds.
    pub latency_ms: Summary,
    /// Of which skill expansion (service-like runs only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expansion_ms: Option<Summary>,
    /// What the queries returned.
    pub hits: Hits,
}

impl SystemResult {
    /// Summarises the timings of one run.
    #[must_use]
    pub fn new(key: &str, name: &str, t: &Timings) -> Self {
        Self {
            key: key.to_owned(),
            name: name.to_owned(),
            latency_ms: Summary::of(&t.millis),
            expansion_ms: (!t.expansion_millis.is_empty())
                .then(|| Summary::of(&t.expansion_millis)),
            hits: Hits::of(
                &t.returned,
                (!t.totals.is_empty()).then_some(t.totals.as_slice()),
            ),
        }
    }
}

/// How many times slower one system is than another, per statistic.
#[derive(Debug, Clone, Serialize)]
pub struct Ratio {
    /// Key of the slower system (numerator).
    pub numerator: String,
    /// Key of the reference (denominator).
    pub denominator: String,
    /// Ratio of medians.
    pub p50: f64,
    /// Ratio of 95th percentiles.
    pub p95: f64,
    /// Ratio of 99th percentiles.
    pub p99: f64,
    /// Ratio of means.
    pub mean: f64,
}

impl Ratio {
    /// `numerator / denominator` for each statistic (0 where the denominator is 0).
    #[must_use]
    pub fn of(numerator: &SystemResult, denominator: &SystemResult) -> Self {
        let div = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        let (n, d) = (&numerator.latency_ms, &denominator.latency_ms);
        Self {
            numerator: numerator.key.clone(),
            denominator: denominator.key.clone(),
            p50: div(n.p50, d.p50),
            p95: div(n.p95, d.p95),
            p99: div(n.p99, d.p99),
            mean: div(n.mean, d.mean),
        }
    }
}

/// The latency table (Markdown).
#[must_use]
pub fn latency_table(systems: &[SystemResult]) -> String {
    let mut out = String::from(
        "| system | p50 ms | p95 ms | p99 ms | mean ms | max ms | empty | hits/query | matching/query |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for s in systems {
        let l = &s.latency_ms;
        out.push_str(&format!(
            "| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {:.1} | {} |\n",
            s.name,
            l.p50,
            l.p95,
            l.p99,
            l.mean,
            l.max,
            s.hits.empty_queries,
            s.hits.mean_returned,
            s.hits
                .mean_total
                .map_or_else(|| "–".to_owned(), |t| format!("{t:.0}")),
        ));
        if let Some(e) = &s.expansion_ms {
            out.push_str(&format!(
                "| … of which skill expansion | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | | | |\n",
                e.p50, e.p95, e.p99, e.mean, e.max
            ));
        }
    }
    out
}

/// The ratio table (Markdown), systems named as in `systems`.
#[must_use]
pub fn ratio_table(ratios: &[Ratio], systems: &[SystemResult]) -> String {
    let name = |key: &str| {
        systems
            .iter()
            .find(|s| s.key == key)
            .map_or(key, |s| s.name.as_str())
            .to_owned()
    };
    let mut out = String::from("| ratio | p50 | p95 | p99 | mean |\n|---|---:|---:|---:|---:|\n");
    for r in ratios {
        out.push_str(&format!(
            "| {} / {} | {:.1}× | {:.1}× | {:.1}× | {:.1}× |\n",
            name(&r.numerator),
            name(&r.denominator),
            r.p50,
            r.p95,
            r.p99,
            r.mean
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn system(key: &str, millis: &[f64]) -> SystemResult {
        SystemResult::new(
            key,
            key,
            &Timings {
                millis: millis.to_vec(),
                returned: vec![10; millis.len()],
                ..Timings::default()
            },
        )
    }

    #[test]
    fn ratios_divide_each_statistic() {
        let fast = system("floor", &[1.0, 2.0, 3.0, 4.0]);
        let slow = system("pg", &[10.0, 20.0, 30.0, 40.0]);
        let r = Ratio::of(&slow, &fast);
        assert_eq!((r.p50, r.p99, r.mean), (10.0, 10.0, 10.0));
        assert_eq!(Ratio::of(&slow, &system("none", &[])).p50, 0.0);
        let table = ratio_table(&[r], &[fast, slow]);
        assert!(table.contains("| pg / floor | 10.0× |"), "{table}");
    }

    #[test]
    fn the_latency_table_has_a_row_per_system() {
        let table = latency_table(&[system("a", &[1.0]), system("b", &[2.0])]);
        assert_eq!(table.lines().count(), 4);
        assert!(table.contains("| a | 1.00 |"), "{table}");
    }
}
