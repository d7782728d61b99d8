//! The knobs of the use cases (lifetimes, throttling, links in mails).

use chrono::Duration;

/// Settings the use cases need, built by the server from its configuration.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// Base of links in mails, without a trailing slash (`https://braingain.example.org`).
    pub public_url: String,
    /// Lifetime of a refresh token (and so of a session left idle).
    pub refresh_ttl: Duration,
    /// Lifetime of an email verification link.
    pub verify_email_ttl: Duration,
    /// Lifetime of a password reset link.
    pub reset_password_ttl: Duration,
    /// Sign-in throttling.
    pub throttle: ThrottleConfig,
}

/// How many failed sign-ins are tolerated before `RATE_LIMITED`.
#[derive(Debug, Clone)]
pub struct ThrottleConfig {
    /// The sliding window failures are counted in.
    pub window: Duration,
    /// Failures allowed per email address within the window.
    pub max_failures_per_email: u64,
    /// Failures allowed per client address within the window.
    pub max_failures_per_ip: u64,
    /// Password reset mails allowed per address within the window.
    pub max_reset_mails: u64,
}

impl Default for ThrottleConfig {
    fn default() -> Self {
        Self {
            window: Duration::minutes(15),
            max_failures_per_email: 5,
            max_failures_per_ip: 50,
            max_reset_mails: 3,
        }
    }
}

impl Default for ServiceConfig {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:8080".to_owned(),
            refresh_ttl: Duration::days(30),
            verify_email_ttl: Duration::hours(48),
            reset_password_ttl: Duration::hours(1),
            throttle: ThrottleConfig::default(),
        }
    }
}
