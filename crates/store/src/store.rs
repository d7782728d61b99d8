//! Opening the database: SQLite for one machine, PostgreSQL for production.

use crate::StoreError;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// SQLite's page cache for the one connection, in KiB when negative (`PRAGMA cache_size`):
/// 64 MiB instead of SQLite's 2 MiB. A search page reads ten profiles by random UUID keys
/// (profile, skills, origins, owner: four B-trees); with the default cache, each lookup of a
/// million-profile database re-read most of its B-tree path from the operating system
/// (`pread`), about as much CPU as the index search itself. 64 MiB keeps the inner pages of
/// the tables a search reads, so a lookup mostly reads its leaf.
const SQLITE_CACHE_SIZE: &str = "-65536";

/// Which database engine is behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// A handle on the database (a pool of connections). Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    db: DatabaseConnection,
}

impl Store {
    /// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://…`).
    ///
    /// SQLite gets one connection: writes are serialised anyway, and one connection rules out
    /// `SQLITE_BUSY` on transactions that upgrade from read to write. PostgreSQL gets a pool.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        let mut opts = ConnectOptions::new(url.to_owned());
        opts.sqlx_logging(false)
            .connect_timeout(Duration::from_secs(5))
            .acquire_timeout(Duration::from_secs(5));
        if url.starts_with("sqlite:") {
            opts.max_connections(1)
                .min_connections(1)
                .map_sqlx_sqlite_opts(|o| {
                    o.journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                        .foreign_keys(true)
                        .busy_timeout(Duration::from_secs(10))
                        .create_if_missing(true)
                        .pragma("cache_size", SQLITE_CACHE_SIZE)
                });
        } else {
            opts.max_connections(max_connections.max(2))
                .min_connections(1);
        }
        let db = Database::connect(opts).await?;
        Ok(Self { db })
    }

    /// Wraps an already open connection.
    #[must_use]
    pub fn from_connection(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// The connection pool, for reads and single statements.
    #[must_use]
    pub fn conn(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Starts a transaction; it rolls back unless committed.
    ///
    /// On SQLite it is `BEGIN IMMEDIATE`: the write lock is taken at once, waiting for another
    /// process's writer (a `braingain import` beside `serve`) within the busy timeout. A
    /// deferred transaction that read first could not upgrade once the other process had
    /// committed, and would fail at once with "database is locked" (`SQLITE_BUSY_SNAPSHOT`).
    pub async fn begin(&self) -> Result<DatabaseTransaction, StoreError> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        Ok(self.db.begin_with_options(options).await?)
    }

    /// Checks the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        Ok(self.db.ping().await?)
    }

    /// The engine in use.
    #[must_use]
    pub fn backend(&self) -> Backend {
        match self.db.get_database_backend() {
            DbBackend::Postgres => Backend::Postgres,
            _ => Backend::Sqlite,
        }
    }

    /// Closes every connection (at shutdown).
    pub async fn close(&self) -> Result<(), StoreError> {
        Ok(self.db.close_by_ref().await?)
    }
}

/// Commits a transaction begun with [`Store::begin`].
pub async fn commit(tx: DatabaseTransaction) -> Result<(), StoreError> {
    Ok(tx.commit().await?)
}

impl Store {
    /// Runs one SQL statement as is (administrative use: creating test databases).
    pub async fn execute_unprepared(&self, sql: &str) -> Result<(), StoreError> {
        use sea_orm::ConnectionTrait;
        self.db.execute_unprepared(sql).await?;
        Ok(())
    }
}
