//! Operator tasks on the database as a whole: SQLite snapshots and their checks (for
//! `braingain backup` / `restore`), and the PostgreSQL lock that serialises migrations run by
//! several replicas starting at once.

use crate::{Backend, Store, StoreError};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, Statement, TransactionTrait};
use std::path::Path;

/// Key of the PostgreSQL advisory lock held while migrating (`BrainGai` in ASCII).
const MIGRATION_LOCK_KEY: i64 = 0x4272_6169_6E47_6169;

impl Store {
    /// Writes a consistent copy of the SQLite database to `target` (which must not exist)
    /// with `VACUUM INTO`: one read transaction, so it may run while a server writes.
    pub async fn sqlite_snapshot(&self, target: &Path) -> Result<(), StoreError> {
        let path = target.to_str().ok_or_else(|| {
            StoreError::Db(DbErr::Custom(format!(
                "not a UTF-8 path: {}",
                target.display()
            )))
        })?;
        let stmt = Statement::from_sql_and_values(
            self.conn().get_database_backend(),
            "VACUUM INTO ?",
            [path.into()],
        );
        self.conn().execute_raw(stmt).await?;
        Ok(())
    }

    /// SQLite's own verdict on the file (`PRAGMA quick_check`): `Ok` or what is wrong.
    pub async fn sqlite_check(&self) -> Result<Result<(), String>, StoreError> {
        let rows = self
            .conn()
            .query_all_raw(Statement::from_string(
                self.conn().get_database_backend(),
                "PRAGMA quick_check",
            ))
            .await?;
        let verdict: Vec<String> = rows
            .iter()
            .filter_map(|row| row.try_get_by_index::<String>(0).ok())
            .collect();
        Ok(if verdict == ["ok"] {
            Ok(())
        } else {
            Err(verdict.join("; "))
        })
    }

    /// Whether the database holds BrainGain's migration table (so it is one of ours).
    pub async fn has_migration_table(&self) -> Result<bool, StoreError> {
        let sql = match self.backend() {
            Backend::Sqlite => {
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'seaql_migrations'"
            }
            Backend::Postgres => {
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'seaql_migrations'"
            }
        };
        let row = self
            .conn()
            .query_one_raw(Statement::from_string(
                self.conn().get_database_backend(),
                sql,
            ))
            .await?;
        let count: i64 = row.map_or(Ok(0), |r| r.try_get_by_index::<i64>(0))?;
        Ok(count > 0)
    }

    /// On PostgreSQL, waits for the migration lock and returns the transaction holding it
    /// (dropping it releases the lock), so that replicas starting together migrate one after
    /// the other. `None` on SQLite, where one file has one writer anyway.
    pub async fn lock_for_migration(&self) -> Result<Option<DatabaseTransaction>, StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(None);
        }
        let tx = self.conn().begin().await?;
        tx.execute_unprepared(&format!(
            "SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})"
        ))
        .await?;
        Ok(Some(tx))
    }
}
