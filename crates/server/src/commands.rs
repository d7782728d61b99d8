//! Operator commands beyond serving: bulk import and demo data.

pub mod import;
pub mod seed;
