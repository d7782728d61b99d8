//! The latency floor of expert search (`floor` binary): on a seeded data directory, the
//! workload's queries ([`crate::workload`]) run directly on the expert index, as the service
//! searches and as plain BM25, and through a PostgreSQL full-text baseline loaded with the
//! same corpus, in one run; per system p50/p95/p99, hit counts and the ratios between them.

pub mod latency;
pub mod pg;
pub mod report;
pub mod searcher;
pub mod seeded;
