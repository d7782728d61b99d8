//! Scores the runs against the judgements and prints them as Markdown tables.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::areas::Area;
use crate::corpus::Expert;
use crate::metrics::{mean, ndcg, recall, reciprocal_rank};
use crate::queries::{Kind, Query, grade};
use crate::systems::Run;

/// Cut-off of NDCG and recall.
pub const K: usize = 10;
/// Lowest grade that counts as "a right expert" for MRR.
pub const MRR_GRADE: u8 = 2;

/// The judgements of every query over the whole corpus.
#[derive(Debug, Clone)]
pub struct Judgements {
    /// Per query, the grade of every expert with a non-zero grade, by profile id.
    pub grades: Vec<HashMap<String, u8>>,
}

impl Judgements {
    /// Judges every expert for every query.
    #[must_use]
    pub fn new(queries: &[Query], areas: &[Area], experts: &[Expert]) -> Self {
        let grades = queries
            .iter()
            .map(|q| {
                experts
                    .iter()
                    .filter_map(|e| {
                        let g = grade(q, areas, e);
                        (g > 0).then(|| (e.profile_id.clone(), g))
                    })
                    .collect()
            })
            .collect();
        Self { grades }
    }

    /// How many experts of query `q` have grade `g` exactly.
    #[must_use]
    pub fn count(&self, q: usize, g: u8) -> usize {
        self.grades
            .get(q)
            .map_or(0, |m| m.values().filter(|&&x| x == g).count())
    }
}

/// One query's scores for one system.
#[derive(Debug, Clone, Serialize)]
pub struct QueryScore {
    /// NDCG@10.
    pub ndcg: f64,
    /// Reciprocal rank of the first grade ≥ 2.
    pub rr: f64,
    /// Recall@10 of grade-3 experts (`None` without any).
    pub recall: Option<f64>,
    /// Grades of the first 10 results.
    pub top: Vec<u8>,
}

/// A system's scores.
#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    /// System name.
    pub name: String,
    /// Mean NDCG@10.
    pub ndcg: f64,
    /// Mean reciprocal rank.
    pub mrr: f64,
    /// Mean recall@10 of grade-3 experts, over queries that have some.
    pub recall: f64,
    /// Median query time, ms.
    pub median_ms: f64,
    /// 95th percentile query time, ms.
    pub p95_ms: f64,
    /// Per query.
    pub queries: Vec<QueryScore>,
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return 0.0;
    }
    let i = ((v.len() - 1) as f64 * p).round() as usize;
    v[i.min(v.len() - 1)]
}

/// Scores one run.
#[must_use]
pub fn score(run: &Run, judgements: &Judgements) -> Scores {
    let queries: Vec<QueryScore> = judgements
        .grades
        .iter()
        .enumerate()
        .map(|(q, grades)| {
            let ranked: Vec<u8> = run
                .ranked
                .get(q)
                .map(|ids| {
                    ids.iter()
                        .map(|id| grades.get(id).copied().unwrap_or(0))
                        .collect()
                })
                .unwrap_or_default();
            let judged: Vec<u8> = grades.values().copied().collect();
            QueryScore {
                ndcg: ndcg(&ranked, &judged, K),
                rr: reciprocal_rank(&ranked, MRR_GRADE),
                recall: recall(&ranked, judgements.count(q, 3), 3, K),
                top: ranked.into_iter().take(K).collect(),
            }
        })
        .collect();
    let recalls: Vec<f64> = queries.iter().filter_map(|q| q.recall).collect();
    Scores {
        name: run.name.clone(),
        ndcg: mean(&queries.iter().map(|q| q.ndcg).collect::<Vec<_>>()),
        mrr: mean(&queries.iter().map(|q| q.rr).collect::<Vec<_>>()),
        recall: mean(&recalls),
        median_ms: percentile(&run.millis, 0.5),
        p95_ms: percentile(&run.millis, 0.95),
        queries,
    }
}

/// The main table: one row per system.
#[must_use]
pub fn summary_table(scores: &[Scores]) -> String {
    let mut out = String::from(
        "| system | NDCG@10 | MRR | recall@10 (grade 3) | median ms | p95 ms |\n|---|---|---|---|---|---|\n",
    );
    for s in scores {
        let _ = writeln!(
            out,
            "| {} | {:.3} | {:.3} | {:.3} | {:.2} | {:.2} |",
            s.name, s.ndcg, s.mrr, s.recall, s.median_ms, s.p95_ms
        );
    }
    out
}

/// NDCG@10 (and MRR) per query kind: one row per kind, one column per system.
#[must_use]
pub fn by_kind_table(scores: &[Scores], queries: &[Query]) -> String {
    let groups: Vec<(String, Vec<usize>)> = Kind::ALL
        .iter()
        .map(|&kind| {
            let idx = (0..queries.len())
                .filter(|&i| queries[i].kind == kind)
                .collect();
            (kind.name().to_owned(), idx)
        })
        .collect();
    by_group_table("query kind", scores, &groups)
}

/// NDCG@10 (and MRR) per group of queries (name, query indices): one row per group, one
/// column per system.
#[must_use]
pub fn by_group_table(title: &str, scores: &[Scores], groups: &[(String, Vec<usize>)]) -> String {
    let mut out = format!("| {title} | n |");
    for s in scores {
        let _ = write!(out, " {} |", s.name);
    }
    out.push_str("\n|---|---|");
    out.push_str(&"---|".repeat(scores.len()));
    out.push('\n');
    for (name, idx) in groups {
        let _ = write!(out, "| {} | {} |", name, idx.len());
        for s in scores {
            let n = mean(
                &idx.iter()
                    .filter_map(|&i| s.queries.get(i))
                    .map(|q| q.ndcg)
                    .collect::<Vec<_>>(),
            );
            let m = mean(
                &idx.iter()
                    .filter_map(|&i| s.queries.get(i))
                    .map(|q| q.rr)
                    .collect::<Vec<_>>(),
            );
            let _ = write!(out, " {n:.3} / {m:.3} |");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_run_against_judgements() {
        let judgements = Judgements {
            grades: vec![
                HashMap::from([("a".to_owned(), 3), ("b".to_owned(), 2)]),
                HashMap::from([("c".to_owned(), 1)]),
            ],
        };
        let run = Run {
            name: "x".into(),
            ranked: vec![vec!["b".into(), "a".into()], vec![]],
            millis: vec![1.0, 3.0],
        };
        let s = score(&run, &judgements);
        // query 1: DCG = 3 + 7/log2(3); ideal = 7 + 3/log2(3)
        let l3 = 3f64.log2();
        let q1 = (3.0 + 7.0 / l3) / (7.0 + 3.0 / l3);
        assert!((s.queries[0].ndcg - q1).abs() < 1e-9);
        assert_eq!(s.queries[0].rr, 1.0);
        assert_eq!(s.queries[0].recall, Some(1.0));
        assert_eq!(s.queries[1].ndcg, 0.0);
        assert_eq!(s.queries[1].recall, None);
        assert!((s.ndcg - q1 / 2.0).abs() < 1e-9);
        assert_eq!(s.mrr, 0.5);
        assert_eq!(s.recall, 1.0, "only queries with grade-3 experts count");
        assert!(summary_table(&[s]).contains("| x | "));
    }
}
