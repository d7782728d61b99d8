//! The end-to-end HTTP load driver behind the `load` binary: GraphQL operations sent to a
//! running `braingain serve` the way the web app sends them, by concurrent clients over one
//! keep-alive connection pool, with every reply checked for GraphQL `errors` (the server
//! answers 200 even then), latencies in histograms, and the server's memory sampled from
//! `/proc` while it runs.
//!
//! | module | what it holds |
//! |---|---|
//! | [`client`] | one GraphQL-over-HTTP call and its outcome (data, errors by `extensions.code`) |
//! | [`documents`] | the operations, copied in shape from the web app's documents |
//! | [`query_set`] | the rotating search texts: generated from ESCO (six phrasings) or read from a file |
//! | [`accounts`] | sessions (sign-in, renewal) and the seeded accounts of a synthetic network |
//! | [`targets`] | profile and request ids to aim `expert` and `matchExperts` at |
//! | [`scenario`] | the scenarios and the operation each step performs |
//! | [`runner`] | the clients, warm-up, and the stop rule (request count or duration) |
//! | [`freshness`] | save-to-searchable lag |
//! | [`stats`] | latency histograms, percentiles, error tallies |
//! | [`memory`] | RSS sampling of the server process and the flat-memory rule |
//! | [`summary`] | the result as JSON and as text |

pub mod accounts;
pub mod client;
pub mod documents;
pub mod freshness;
pub mod memory;
pub mod query_set;
pub mod runner;
pub mod scenario;
pub mod stats;
pub mod summary;
pub mod targets;
