//! Complexity weights of the expensive fields. The schema refuses any operation whose
//! weighted field count passes `max_complexity` (1,000 by default), so a field that runs a
//! search or a set of aggregates costs as much as many plain fields: aliases cannot multiply
//! it into an amplification attack (a few per document stay fine).

/// A full-text search or ranking (`searchExperts`, `searchRequests`, `matchExperts`,
/// `recommendedRequests`): at most nine per operation at the default limit.
pub const SEARCH: usize = 100;
/// Network-wide SQL aggregates (`networkStats`).
pub const AGGREGATE: usize = 50;
/// An autocomplete lookup (`skills`).
pub const LOOKUP: usize = 20;
