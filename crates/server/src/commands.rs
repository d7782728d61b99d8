//! Operator commands beyond serving: bulk import, demo data, backups and health checks.

pub mod backup;
pub mod healthcheck;
pub mod import;
pub mod seed;
pub mod synthetic;
