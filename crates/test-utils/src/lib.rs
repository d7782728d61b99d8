#![doc = include_str!("../README.md")]

use anyhow::Context;
use braingain_store::Store;
use std::path::PathBuf;

/// The PostgreSQL server PostgreSQL-only tests use when `TEST_DATABASE_URL` names none
/// (the one `scripts/test` starts).
pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A fresh database for one test, removed when dropped.
#[derive(Debug)]
pub struct TestDb {
    url: String,
    pg: Option<PgCleanup>,
    _dir: Option<tempfile::TempDir>,
}

#[derive(Debug)]
struct PgCleanup {
    admin_url: String,
    name: String,
}

impl TestDb {
    /// A new empty database on the backend chosen by `TEST_DATABASE_URL` (SQLite if unset).
    pub async fn new() -> anyhow::Result<Self> {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(url) if url.starts_with("postgres") => Self::postgres(&url).await,
            _ => Self::sqlite(),
        }
    }

    /// A new empty PostgreSQL database for a test that needs PostgreSQL in every pass: on the
    /// server of `TEST_DATABASE_URL` when that names PostgreSQL, else of
    /// [`DEFAULT_POSTGRES_URL`]. Never falls back to SQLite: an unreachable server is an error.
    pub async fn postgres_only() -> anyhow::Result<Self> {
        let url = std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|url| url.starts_with("postgres"))
            .unwrap_or_else(|| DEFAULT_POSTGRES_URL.to_owned());
        Self::postgres(&url).await.with_context(|| {
            format!(
                "this test needs PostgreSQL: start it (scripts/ensure-postgres) or set \
                 TEST_DATABASE_URL; tried {url}"
            )
        })
    }

    fn sqlite() -> anyhow::Result<Self> {
        let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
        let path: PathBuf = dir.path().join("test.db");
        Ok(Self {
            url: format!("sqlite://{}?mode=rwc", path.display()),
            pg: None,
            _dir: Some(dir),
        })
    }

    async fn postgres(admin_url: &str) -> anyhow::Result<Self> {
        let name = format!("bg_test_{}", uuid::Uuid::new_v4().simple());
        let admin = Store::connect(admin_url, 2)
            .await
            .with_context(|| format!("cannot reach TEST_DATABASE_URL {admin_url}"))?;
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await?;
        admin.close().await?;
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url, |(base, _)| base);
        Ok(Self {
            url: format!("{base}/{name}"),
            pg: Some(PgCleanup {
                admin_url: admin_url.to_owned(),
                name,
            }),
            _dir: None,
        })
    }

    /// The database's URL.
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Whether this database is PostgreSQL.
    #[must_use]
    pub fn is_postgres(&self) -> bool {
        self.pg.is_some()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(pg) = self.pg.take() else { return };
        // Drop runs outside any runtime we may block: use a thread with its own.
        let handle = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                if let Ok(admin) = Store::connect(&pg.admin_url, 2).await {
                    let _ = admin
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                            pg.name
                        ))
                        .await;
                    let _ = admin.close().await;
                }
            });
        });
        let _ = handle.join();
    }
}

/// Routes test logs to the test harness's captured output (once per process).
pub fn init_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()))
        .with_test_writer()
        .try_init();
}
