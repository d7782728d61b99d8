//! Logging: human-readable on a terminal, JSON lines otherwise (for log shippers).

use std::io::IsTerminal;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber with `filter` (`info`, `braingain=debug,info`, ...).
/// A second call does nothing (tests start many servers in one process).
pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = if std::io::stderr().is_terminal() {
        builder.try_init()
    } else {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .try_init()
    };
    // Err only means a subscriber is already installed.
    drop(result);
}
