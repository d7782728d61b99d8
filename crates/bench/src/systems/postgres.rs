//! The PostgreSQL full-text baseline: what a programme would build with the database it
//! already has.
//!
//! One row per expert with the same text BrainGain indexes (headline, every label of every
//! claimed skill in en/fr/es, biography), a stored `tsvector` per text search configuration
//! (`english`: stemmed English with English stop words; `simple`: lower-cased words only),
//! weighted headline **A**, skills **B**, biography **C**, each with a GIN index, ranked by
//! `ts_rank` (default weights, no length normalisation), ties by id. Two ways to turn the
//! text into a query: **all terms** (`plainto_tsquery`: every word must match, the default
//! behaviour of a search box) and **any term** (the same query with `&` turned into `|`).
//!
//! It runs in a fresh database `bg_relevance_<random>` created on the server of
//! `BENCH_DATABASE_URL` and dropped at the end.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher as _, Hasher as _};
use std::str::FromStr as _;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use braingain_search::ExpertDoc;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{AssertSqlSafe, Connection as _, PgConnection, PgPool};

use super::{DEPTH, Run};

/// The server used when `BENCH_DATABASE_URL` is not set.
pub const DEFAULT_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// Text search configurations compared.
pub const CONFIGS: [&str; 2] = ["english", "simple"];

/// How query words combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// `plainto_tsquery`: every word.
    All,
    /// `plainto_tsquery` with `&` replaced by `|`: any word.
    Any,
}

/// The baseline's scratch database.
pub struct Baseline {
    admin: PgConnection,
    name: String,
    pool: PgPool,
}

/// A random name suffix (16 hex digits) for scratch databases.
pub(crate) fn random_suffix() -> String {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    format!("{:016x}", h.finish())
}

impl Baseline {
    /// Connects to `url` and creates a fresh database there. Fails (for the caller to skip
    /// the baseline) when the server cannot be reached within 5 seconds.
    pub async fn create(url: &str) -> anyhow::Result<Self> {
        let options = PgConnectOptions::from_str(url).context("BENCH_DATABASE_URL")?;
        let mut admin =
            tokio::time::timeout(Duration::from_secs(5), PgConnection::connect_with(&options))
                .await
                .context("timed out connecting")??;
        let name = format!("bg_relevance_{}", random_suffix());
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .with_context(|| format!("creating database {name}"))?;
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .connect_with(options.database(&name))
            .await;
        match pool {
            Ok(pool) => Ok(Self { admin, name, pool }),
            Err(e) => {
                // Best effort: the error that matters is the connection's.
                let _dropped =
                    sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}")))
                        .execute(&mut admin)
                        .await;
                Err(e).context("connecting to the new database")
            }
        }
    }

    /// The scratch database's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Creates the table, loads the documents, builds the GIN indexes and analyses.
    pub async fn load(&self, docs: &[ExpertDoc]) -> anyhow::Result<()> {
        let vector = |cfg: &str| {
            format!(
                "doc_{cfg} tsvector GENERATED ALWAYS AS (\
                 setweight(to_tsvector('{cfg}', headline), 'A') || \
                 setweight(to_tsvector('{cfg}', skills), 'B') || \
                 setweight(to_tsvector('{cfg}', bio), 'C')) STORED"
            )
        };
        let columns: Vec<String> = CONFIGS.iter().map(|c| vector(c)).collect();
        sqlx::query(AssertSqlSafe(format!(
            "CREATE TABLE experts (id text PRIMARY KEY, headline text NOT NULL, \
             skills text NOT NULL, bio text NOT NULL, {})",
            columns.join(", ")
        )))
        .execute(&self.pool)
        .await?;
        let ids: Vec<&str> = docs.iter().map(|d| d.profile_id.as_str()).collect();
        let headlines: Vec<&str> = docs.iter().map(|d| d.headline.as_str()).collect();
        let bios: Vec<&str> = docs.iter().map(|d| d.bio.as_str()).collect();
        let skills: Vec<String> = docs
            .iter()
            .map(|d| {
                d.skills
                    .iter()
                    .flat_map(|s| s.labels.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        sqlx::query(
            "INSERT INTO experts (id, headline, skills, bio) \
             SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[])",
        )
        .bind(&ids)
        .bind(&headlines)
        .bind(&skills)
        .bind(&bios)
        .execute(&self.pool)
        .await
        .context("inserting the experts")?;
        for cfg in CONFIGS {
            sqlx::query(AssertSqlSafe(format!(
                "CREATE INDEX experts_doc_{cfg} ON experts USING GIN (doc_{cfg})"
            )))
            .execute(&self.pool)
            .await?;
        }
        sqlx::query("ANALYZE experts").execute(&self.pool).await?;
        Ok(())
    }

    /// Runs every query text with configuration `cfg` (one of [`CONFIGS`]) and `mode`.
    pub async fn run(&self, cfg: &str, mode: Match, texts: &[String]) -> anyhow::Result<Run> {
        anyhow::ensure!(CONFIGS.contains(&cfg), "unknown configuration {cfg}");
        let tsquery = match mode {
            Match::All => format!("plainto_tsquery('{cfg}', $1)"),
            Match::Any => {
                format!(
                    "to_tsquery('{cfg}', replace(plainto_tsquery('{cfg}', $1)::text, ' & ', ' | '))"
                )
            }
        };
        let sql = format!(
            "SELECT id FROM experts, {tsquery} AS q WHERE doc_{cfg} @@ q \
             ORDER BY ts_rank(doc_{cfg}, q) DESC, id LIMIT {DEPTH}"
        );
        let mut run = Run {
            name: format!(
                "PostgreSQL `{cfg}`, {}",
                match mode {
                    Match::All => "all terms",
                    Match::Any => "any term",
                }
            ),
            ..Run::default()
        };
        for text in texts {
            let started = Instant::now();
            let ids: Vec<String> = sqlx::query_scalar(AssertSqlSafe(sql.clone()))
                .bind(text)
                .fetch_all(&self.pool)
                .await
                .with_context(|| format!("query {text:?}"))?;
            run.millis.push(started.elapsed().as_secs_f64() * 1000.0);
            run.ranked.push(ids);
        }
        Ok(run)
    }

    /// Closes the pool and drops the scratch database.
    pub async fn drop_database(&mut self) -> anyhow::Result<()> {
        self.pool.close().await;
        sqlx::query(AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        )))
        .execute(&mut self.admin)
        .await
        .with_context(|| format!("dropping database {}", self.name))?;
        Ok(())
    }
}
