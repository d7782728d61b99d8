//! A synthetic network for benchmarks and demonstrations at scale (`braingain seed --experts N
//! --institutions M --requests K --seed S`): deterministic (the same seed gives the same ids,
//! names, texts and choices), realistic (diaspora corridors, naming traditions, languages,
//! experts whose skills come from one ESCO occupation, real universities, requests in
//! English, French and Spanish), and fast to load (a million experts in minutes).
//!
//! The generators are pure functions of the seed and an item number ([`experts::expert`],
//! [`institutions::institution`], [`requests::request`]); [`Service::seed_synthetic`] writes
//! their output with the bulk writers of `braingain_store::synthetic`, generating the next
//! batch of experts on a blocking thread while the current one is written. No change events
//! are recorded: the caller builds the search index in bulk afterwards
//! ([`Service::rebuild_index`]). Every seeded account shares one argon2 hash of
//! [`SEED_PASSWORD`] (the hash is computed once) and an address at [`SEED_DOMAIN`].
//!
//! Only timestamps depend on when the seeding runs: they are set back from that moment.

pub mod experts;
pub mod institutions;
mod load;
pub mod names;
pub mod plan;
pub mod requests;
pub mod rng;
pub mod taxonomy;
pub mod world;

pub use experts::SEED_DOMAIN;
pub use load::{SyntheticOutcome, SyntheticSpec};
pub use plan::Plan;

use std::sync::{Arc, OnceLock};

/// The password of every seeded account (documented in the README; never for real data).
pub const SEED_PASSWORD: &str = "braingain-seed-2026";
/// The seeded administrator.
pub const SEED_ADMIN: &str = "admin@seed.braingain.test";
/// The seeded moderator, who reviewed the seeded institutions and requests.
pub const SEED_MODERATOR: &str = "moderator@seed.braingain.test";
/// The `system_state` key describing the seeded network (JSON; `"complete": false` while a
/// seeding runs or after one was interrupted).
pub const SEED_STATE_KEY: &str = "synthetic_network";

static TAXONOMY: OnceLock<Arc<taxonomy::Taxonomy>> = OnceLock::new();

/// The shipped taxonomy with every occupation's area, computed on first use (about a second
/// in a release build) and kept for the process.
///
/// # Errors
/// If the shipped assets cannot be read.
pub fn taxonomy() -> anyhow::Result<Arc<taxonomy::Taxonomy>> {
    if let Some(tax) = TAXONOMY.get() {
        return Ok(tax.clone());
    }
    let tax = Arc::new(taxonomy::Taxonomy::load()?);
    Ok(TAXONOMY.get_or_init(|| tax).clone())
}

#[cfg(test)]
mod tests;
