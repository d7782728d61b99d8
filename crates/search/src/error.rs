//! The error type of this crate.
//!
//! Callers never see tantivy's types: engine failures are wrapped in the opaque
//! [`EngineError`], which keeps tantivy's message and cause chain for logs.

/// Everything that can go wrong while building or querying a search index.
///
/// User input never causes an error, except a pagination cursor that this crate did not
/// issue ([`BadCursor`](Self::BadCursor)): a query that cannot match anything just
/// returns no results. Other errors mean bad data handed to a builder or a failure of the
/// index itself.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// An entry handed to an index builder is unusable (e.g. an empty id).
    #[error("invalid index entry: {0}")]
    InvalidEntry(String),
    /// A pagination cursor that is malformed or belongs to another kind of query (a client
    /// error: report it as bad input).
    #[error("invalid cursor: {0}")]
    BadCursor(String),
    /// The index directory holds a corrupt index, or one written with another schema or
    /// format version: delete the directory and rebuild the index from the database.
    #[error("corrupt or incompatible index: {0}")]
    Corrupt(String),
    /// The search engine failed (I/O, memory budget, corrupted segment…); an internal error.
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// An opaque failure of the underlying search engine. `Display` and `source()` carry the
/// engine's own description.
#[derive(Debug, thiserror::Error)]
#[error("search engine failure: {0}")]
pub struct EngineError(#[source] tantivy::TantivyError);

impl EngineError {
    /// Whether another writer holds the index lock (not a sign of corruption).
    pub(crate) fn is_lock_failure(&self) -> bool {
        matches!(self.0, tantivy::TantivyError::LockFailure(..))
    }
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(error: tantivy::TantivyError) -> Self {
        Self::Engine(EngineError(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_errors_keep_their_message_and_source() {
        let error = SearchError::from(tantivy::TantivyError::InvalidArgument("boom".into()));
        assert!(error.to_string().contains("boom"), "{error}");
        assert!(std::error::Error::source(&error).is_some());
        assert!(matches!(error, SearchError::Engine(_)));
    }
}
