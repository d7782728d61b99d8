//! The PostgreSQL full-text baseline at scale: the seeded corpus's text loaded with `COPY`
//! into a scratch database `bg_floor_<random>` on the server of `BENCH_DATABASE_URL`, indexed
//! and queried like the relevance evaluation's baseline ([`crate::systems::postgres`]): a
//! stored `tsvector` per text search configuration (headline weighted **A**, skill labels
//! **B**, biography **C**), a GIN index each, `ts_rank` ordering with ties by id, **any
//! term** (`plainto_tsquery` with `&` turned into `|`) and **all terms** (`plainto_tsquery`),
//! top [`TOP`].
//!
//! The load streams page by page from the seeded database into `COPY … FROM STDIN` (text
//! format) on several connections at once, pages dealt in turn (computing the generated
//! `tsvector`s of long skill-label lists is most of the work, and each connection's server
//! process does its share on its own core). The primary key and GIN indexes are built after
//! the load (with `maintenance_work_mem` raised to [`MAINTENANCE_WORK_MEM`]), then the table
//! is analysed.

use std::str::FromStr as _;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use serde::Serialize;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{AssertSqlSafe, Connection as _, PgConnection, PgPool};

use super::searcher::Timings;
use super::seeded::{ProfileText, Seeded};
use crate::systems::postgres::{CONFIGS, Match, random_suffix};

/// Rows returned per query.
pub const TOP: usize = 10;
/// The load's statement.
const COPY: &str = "COPY experts (id, headline, skills, bio) FROM STDIN";
/// Memory for building the indexes (PostgreSQL's default, 64 MB, makes a GIN build over a
/// million rows spill to disk many times).
pub const MAINTENANCE_WORK_MEM: &str = "512MB";

/// How the load went.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct LoadStats {
    /// Profiles read from the seeded database.
    pub profiles_read: usize,
    /// Rows loaded (the searchable experts).
    pub rows: u64,
    /// Seconds spent reading the seeded database.
    pub read_seconds: f64,
    /// `COPY` streams used in parallel.
    pub streams: usize,
    /// Seconds of the whole `COPY` (reading included, as the two are interleaved).
    pub copy_seconds: f64,
    /// Seconds building the primary key and the GIN indexes.
    pub index_seconds: f64,
    /// Seconds of `ANALYZE`.
    pub analyze_seconds: f64,
    /// Table size in bytes (heap and TOAST, the stored `tsvector`s included).
    pub table_bytes: i64,
    /// Size of the GIN indexes in bytes.
    pub gin_bytes: i64,
}

/// The scratch database.
pub struct PgBaseline {
    admin: PgConnection,
    name: String,
    /// How to connect to the scratch database.
    options: PgConnectOptions,
    pool: PgPool,
    configs: Vec<&'static str>,
}

/// Escapes a value for `COPY`'s text format.
fn copy_escape(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// `rows` as `COPY` text-format lines (id, headline, skills, bio).
fn copy_lines(rows: &[ProfileText]) -> String {
    let mut out = String::new();
    for row in rows {
        for (i, value) in [&row.id, &row.headline, &row.skills, &row.bio]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                out.push('\t');
            }
            copy_escape(value, &mut out);
        }
        out.push('\n');
    }
    out
}

impl PgBaseline {
    /// Connects to `url`, creates a fresh database there with the experts table for
    /// `configs` (each one of [`CONFIGS`]).
    pub async fn create(url: &str, configs: &[&'static str]) -> anyhow::Result<Self> {
        for cfg in configs {
            anyhow::ensure!(CONFIGS.contains(cfg), "unknown configuration {cfg}");
        }
        let options = PgConnectOptions::from_str(url).context("BENCH_DATABASE_URL")?;
        let mut admin =
            tokio::time::timeout(Duration::from_secs(5), PgConnection::connect_with(&options))
                .await
                .context("timed out connecting")??;
        let name = format!("bg_floor_{}", random_suffix());
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .with_context(|| format!("creating database {name}"))?;
        let options = options.database(&name);
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await;
        let mut baseline = match pool {
            Ok(pool) => Self {
                admin,
                name,
                options,
                pool,
                configs: configs.to_vec(),
            },
            Err(e) => {
                // Best effort: the error that matters is the connection's.
                let _dropped =
                    sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}")))
                        .execute(&mut admin)
                        .await;
                return Err(e).context("connecting to the new database");
            }
        };
        if let Err(e) = baseline.create_table().await {
            let _dropped = baseline.drop_database().await;
            return Err(e);
        }
        Ok(baseline)
    }

    async fn create_table(&self) -> anyhow::Result<()> {
        let columns: Vec<String> = self
            .configs
            .iter()
            .map(|cfg| {
                format!(
                    "doc_{cfg} tsvector GENERATED ALWAYS AS (\
                     setweight(to_tsvector('{cfg}', headline), 'A') || \
                     setweight(to_tsvector('{cfg}', skills), 'B') || \
                     setweight(to_tsvector('{cfg}', bio), 'C')) STORED"
                )
            })
            .collect();
        sqlx::query(AssertSqlSafe(format!(
            "CREATE TABLE experts (id text NOT NULL, headline text NOT NULL, \
             skills text NOT NULL, bio text NOT NULL, {})",
            columns.join(", ")
        )))
        .execute(&self.pool)
        .await
        .context("creating the table")?;
        Ok(())
    }

    /// The scratch database's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Loads every searchable expert of `seeded` over `streams` parallel `COPY`s, builds
    /// the indexes and analyses; `progress` hears the rows sent so far.
    pub async fn load(
        &self,
        seeded: &mut Seeded,
        streams: usize,
        mut progress: impl FnMut(u64),
    ) -> anyhow::Result<LoadStats> {
        let streams = streams.max(1);
        let mut stats = LoadStats {
            streams,
            ..LoadStats::default()
        };
        let started = Instant::now();
        let mut senders = Vec::with_capacity(streams);
        let mut copies = Vec::with_capacity(streams);
        for _ in 0..streams {
            let (tx, mut rx) = tokio::sync::mpsc::channel::<String>(2);
            let options = self.options.clone();
            copies.push(tokio::spawn(async move {
                let mut conn = PgConnection::connect_with(&options).await?;
                let mut copy = conn.copy_in_raw(COPY).await.context("starting COPY")?;
                while let Some(lines) = rx.recv().await {
                    copy.send(lines.into_bytes())
                        .await
                        .context("sending rows")?;
                }
                let rows = copy.finish().await.context("finishing COPY")?;
                conn.close().await?;
                anyhow::Ok(rows)
            }));
            senders.push(tx);
        }
        let mut sent = 0u64;
        let mut failed = None;
        for turn in 0.. {
            let reading = Instant::now();
            let page = match seeded.next_page().await {
                Ok(page) => page,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            };
            stats.read_seconds += reading.elapsed().as_secs_f64();
            let Some((rows, read)) = page else { break };
            stats.profiles_read += read;
            if senders[turn % streams]
                .send(copy_lines(&rows))
                .await
                .is_err()
            {
                break; // that COPY failed: its error is collected below
            }
            sent += rows.len() as u64;
            progress(sent);
        }
        drop(senders);
        for copy in copies {
            stats.rows += copy.await.context("a COPY task stopped")??;
        }
        if let Some(e) = failed {
            return Err(e);
        }
        anyhow::ensure!(
            stats.rows == sent,
            "{sent} rows sent but {} copied",
            stats.rows
        );
        stats.copy_seconds = started.elapsed().as_secs_f64();
        let indexing = Instant::now();
        let mut conn = self.pool.acquire().await?;
        sqlx::query(AssertSqlSafe(format!(
            "SET maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'"
        )))
        .execute(&mut *conn)
        .await?;
        sqlx::query("ALTER TABLE experts ADD PRIMARY KEY (id)")
            .execute(&mut *conn)
            .await
            .context("building the primary key")?;
        for cfg in &self.configs {
            sqlx::query(AssertSqlSafe(format!(
                "CREATE INDEX experts_doc_{cfg} ON experts USING GIN (doc_{cfg})"
            )))
            .execute(&mut *conn)
            .await
            .with_context(|| format!("building the GIN index of {cfg}"))?;
        }
        stats.index_seconds = indexing.elapsed().as_secs_f64();
        let analyzing = Instant::now();
        sqlx::query("ANALYZE experts").execute(&mut *conn).await?;
        stats.analyze_seconds = analyzing.elapsed().as_secs_f64();
        let (table, gin): (i64, i64) = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT pg_table_size('experts'), {}",
            self.configs
                .iter()
                .map(|cfg| format!("pg_relation_size('experts_doc_{cfg}')"))
                .collect::<Vec<_>>()
                .join(" + ")
        )))
        .fetch_one(&mut *conn)
        .await?;
        stats.table_bytes = table;
        stats.gin_bytes = gin;
        Ok(stats)
    }

    /// Runs every text with configuration `cfg` and `mode`, top [`TOP`].
    pub async fn run(&self, cfg: &str, mode: Match, texts: &[String]) -> anyhow::Result<Timings> {
        anyhow::ensure!(
            self.configs.contains(&cfg),
            "configuration {cfg} not loaded"
        );
        let tsquery = match mode {
            Match::All => format!("plainto_tsquery('{cfg}', $1)"),
            Match::Any => format!(
                "to_tsquery('{cfg}', replace(plainto_tsquery('{cfg}', $1)::text, ' & ', ' | '))"
            ),
        };
        let sql = format!(
            "SELECT id FROM experts, {tsquery} AS q WHERE doc_{cfg} @@ q \
             ORDER BY ts_rank(doc_{cfg}, q) DESC, id LIMIT {TOP}"
        );
        let mut t = Timings::default();
        for text in texts {
            let started = Instant::now();
            let ids: Vec<String> = sqlx::query_scalar(AssertSqlSafe(sql.clone()))
                .bind(text)
                .fetch_all(&self.pool)
                .await
                .with_context(|| format!("query {text:?}"))?;
            t.millis.push(started.elapsed().as_secs_f64() * 1000.0);
            t.returned.push(ids.len());
        }
        Ok(t)
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

    /// Closes the pool and leaves the database in place (`--keep`).
    pub async fn keep(self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_format_escapes_separators() {
        let rows = [ProfileText {
            id: "a".into(),
            headline: "Tab\there".into(),
            skills: "x, y".into(),
            bio: "line\nback\\slash\r".into(),
        }];
        assert_eq!(
            copy_lines(&rows),
            "a\tTab\\there\tx, y\tline\\nback\\\\slash\\r\n"
        );
    }
}
