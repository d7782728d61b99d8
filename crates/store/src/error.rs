//! Storage errors, with constraint violations told apart from failures.

use sea_orm::{DbErr, SqlErr};

/// What went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the write; the text names the constraint or columns.
    #[error("conflict: {0}")]
    Conflict(String),
    /// A stored value could not be read back into a domain type.
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// Any other database failure (connection lost, timeout, SQL error).
    #[error(transparent)]
    Db(DbErr),
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(detail)) => StoreError::Conflict(detail),
            _ => StoreError::Db(err),
        }
    }
}

impl StoreError {
    /// Whether this is a unique-constraint violation mentioning `needle` (a column name).
    #[must_use]
    pub fn is_conflict_on(&self, needle: &str) -> bool {
        matches!(self, StoreError::Conflict(detail) if detail.contains(needle))
    }
}
