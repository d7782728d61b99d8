//! The systems compared: BrainGain's expert index (with and without the service's taxonomy
//! expansion) and a PostgreSQL full-text baseline. Each returns, per query, the profile ids of
//! its first [`DEPTH`] results in rank order.

pub mod braingain;
pub mod postgres;

/// Results retrieved per query (NDCG and recall look at the first 10; MRR at all of them).
pub const DEPTH: usize = 100;

/// One system's answers to every query.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// The system's name in tables.
    pub name: String,
    /// Per query, profile ids in rank order.
    pub ranked: Vec<Vec<String>>,
    /// Per query, wall time in milliseconds (including skill expansion where there is one).
    pub millis: Vec<f64>,
}
