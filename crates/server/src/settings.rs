//! Settings: defaults, then a TOML file, then `BRAINGAIN_*` environment variables (nested
//! keys with `__`), then command-line flags.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Everything the server can be told.
#[derive(Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Where the SQLite file, the index, generated secrets and the file mail sink live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; defaults to SQLite in the data directory.
    pub database_url: Option<String>,
    /// Connections in the PostgreSQL pool.
    pub database_max_connections: u32,
    /// Address to listen on.
    pub listen: String,
    /// Signing key for access tokens; generated and kept in the data directory when unset.
    pub jwt_secret: Option<String>,
    /// Base of links in mails; defaults to `http://<listen>`.
    pub public_url: Option<String>,
    /// `file` (an `.eml` per mail under `<data dir>/mail/`) or `smtp://user:pass@host:port`.
    pub mail: String,
    /// The `From:` of every mail.
    pub mail_from: String,
    /// Log filter (`info`, `braingain=debug,info`, ...).
    pub log: String,
    /// Minutes an access token lives (at most 15).
    pub access_token_minutes: i64,
    /// Days a refresh token lives.
    pub refresh_token_days: i64,
    /// Take the client address from the last `X-Forwarded-For` entry (behind a proxy only).
    pub trust_forwarded_for: bool,
    /// Build the skill autocomplete index in the background at start (else on first use).
    pub warm_skill_index: bool,
    /// Seconds between two rounds of reminders of unanswered engagements; 0 turns the task
    /// off (e.g. to run `braingain remind` from cron instead).
    pub reminder_interval_secs: u64,
    /// Serve the web app from this directory instead of the copy built into the binary.
    pub frontend_dir: Option<PathBuf>,
    /// Limits of the GraphQL endpoint.
    pub graphql: GraphqlSettings,
    /// Sign-in throttling.
    pub throttle: ThrottleSettings,
}

/// Limits of the GraphQL endpoint.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct GraphqlSettings {
    /// Deepest selection nesting.
    pub max_depth: usize,
    /// Most (weighted) fields per operation.
    pub max_complexity: usize,
    /// Most operations in one batched request.
    pub max_batch: usize,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Longest an operation may run, in seconds.
    pub timeout_secs: u64,
    /// Whether introspection (and so GraphiQL's docs) is allowed.
    pub introspection: bool,
}

/// Sign-in throttling.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ThrottleSettings {
    /// Window failures are counted in, in minutes.
    pub window_minutes: i64,
    /// Failed sign-ins allowed per email in the window.
    pub max_failures_per_email: u64,
    /// Failed sign-ins allowed per client address in the window.
    pub max_failures_per_ip: u64,
    /// Password reset mails per address in the window.
    pub max_reset_mails: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./data"),
            database_url: None,
            database_max_connections: 16,
            listen: "127.0.0.1:8080".to_owned(),
            jwt_secret: None,
            public_url: None,
            mail: "file".to_owned(),
            mail_from: "BrainGain <no-reply@braingain.invalid>".to_owned(),
            log: "info".to_owned(),
            access_token_minutes: 15,
            refresh_token_days: 30,
            trust_forwarded_for: false,
            warm_skill_index: true,
            reminder_interval_secs: 3600,
            frontend_dir: None,
            graphql: GraphqlSettings::default(),
            throttle: ThrottleSettings::default(),
        }
    }
}

impl Default for GraphqlSettings {
    fn default() -> Self {
        Self {
            max_depth: 15,
            max_complexity: 1000,
            max_batch: 10,
            max_body_bytes: 256 * 1024,
            timeout_secs: 30,
            introspection: true,
        }
    }
}

impl Default for ThrottleSettings {
    fn default() -> Self {
        Self {
            window_minutes: 15,
            max_failures_per_email: 5,
            max_failures_per_ip: 50,
            max_reset_mails: 3,
        }
    }
}

/// Values given as command-line flags; `None` leaves the lower layers alone.
#[derive(Debug, Default, Serialize)]
pub struct FlagOverrides {
    /// `--data-dir`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    /// `--database-url`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    /// `--listen`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<String>,
}

/// Environment variables that are read directly, not as settings.
const NON_SETTING_ENV: &[&str] = &["BRAINGAIN_ADMIN_PASSWORD", "BRAINGAIN_CONFIG"];

impl Settings {
    /// Loads the layers in order: defaults, `file`, environment, flags.
    pub fn load(file: Option<&Path>, flags: &FlagOverrides) -> Result<Self, Box<figment::Error>> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(file) = file {
            figment = figment.merge(Toml::file_exact(file));
        }
        figment
            .merge(
                Env::prefixed("BRAINGAIN_")
                    .split("__")
                    .ignore(&["ADMIN_PASSWORD", "CONFIG"]),
            )
            .merge(Serialized::defaults(flags))
            .extract()
            .map_err(Box::new)
    }

    /// `BRAINGAIN_*` variables that match no setting (probably misspelt).
    #[must_use]
    pub fn unknown_env_keys() -> Vec<String> {
        let known = [
            "DATA_DIR",
            "DATABASE_URL",
            "DATABASE_MAX_CONNECTIONS",
            "LISTEN",
            "JWT_SECRET",
            "PUBLIC_URL",
            "MAIL",
            "MAIL_FROM",
            "LOG",
            "ACCESS_TOKEN_MINUTES",
            "REFRESH_TOKEN_DAYS",
            "TRUST_FORWARDED_FOR",
            "WARM_SKILL_INDEX",
            "REMINDER_INTERVAL_SECS",
            "FRONTEND_DIR",
        ];
        std::env::vars()
            .map(|(k, _)| k)
            .filter(|k| k.starts_with("BRAINGAIN_") && !NON_SETTING_ENV.contains(&k.as_str()))
            .filter(|k| {
                let rest = &k["BRAINGAIN_".len()..];
                !known.contains(&rest)
                    && !rest.starts_with("GRAPHQL__")
                    && !rest.starts_with("THROTTLE__")
            })
            .collect()
    }

    /// The database URL in effect.
    #[must_use]
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.trim().to_owned(),
            _ => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("braingain.db").display()
            ),
        }
    }

    /// The public base URL in effect, without a trailing slash.
    #[must_use]
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(url) if !url.trim().is_empty() => url.trim().trim_end_matches('/').to_owned(),
            _ => format!("http://{}", self.listen),
        }
    }
}

/// Hides the password of a URL (`postgres://user:***@host/db`).
#[must_use]
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("data_dir", &self.data_dir)
            .field("database_url", &redact_url(&self.database_url()))
            .field("listen", &self.listen)
            .field("jwt_secret", &self.jwt_secret.as_ref().map(|_| "***"))
            .field("public_url", &self.public_url())
            .field("mail", &redact_url(&self.mail))
            .field("log", &self.log)
            .field("graphql", &self.graphql)
            .field("throttle", &self.throttle)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_database_is_sqlite_in_the_data_dir() {
        let s = Settings::default();
        assert_eq!(s.database_url(), "sqlite://./data/braingain.db?mode=rwc");
        assert_eq!(s.public_url(), "http://127.0.0.1:8080");
    }

    #[test]
    fn passwords_in_urls_are_redacted() {
        assert_eq!(
            redact_url("postgres://bg:s3cret@db:5432/bg"),
            "postgres://bg:***@db:5432/bg"
        );
        assert_eq!(redact_url("sqlite://./data/x.db"), "sqlite://./data/x.db");
        let s = Settings {
            jwt_secret: Some("topsecret".into()),
            ..Settings::default()
        };
        assert!(!format!("{s:?}").contains("topsecret"));
    }

    #[test]
    fn flags_override_the_file_which_overrides_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bg.toml");
        std::fs::write(
            &file,
            "listen = \"0.0.0.0:9000\"\nlog = \"debug\"\n[graphql]\nmax_depth = 7\n",
        )
        .unwrap();
        let flags = FlagOverrides {
            listen: Some("127.0.0.1:7000".into()),
            ..FlagOverrides::default()
        };
        let s = Settings::load(Some(&file), &flags).unwrap();
        assert_eq!(s.listen, "127.0.0.1:7000");
        assert_eq!(s.log, "debug");
        assert_eq!(s.graphql.max_depth, 7);
        assert_eq!(s.graphql.max_batch, GraphqlSettings::default().max_batch);
    }
}
