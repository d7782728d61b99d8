//! Rebuilding the expert index in one pass: every document replaced and committed once (not
//! once per page), and for a bulk load with the server stopped, a writer with a thread per
//! core and a large memory budget, closed after its merges finish.

use std::path::Path;

use tantivy::TantivyDocument;

use super::{ExpertDoc, ExpertIndex, FORMAT, doc};
use crate::error::SearchError;
use crate::keyed::{KeyedIndex, WriterOptions};
use crate::schema::expert_schema;

impl ExpertIndex {
    /// Opens the index in `dir` like [`ExpertIndex::open_in_dir`], with a writer made for a
    /// bulk [`ExpertIndex::rebuild`]: a thread per core (at most 4) and 384 MiB each. Call
    /// [`ExpertIndex::close`] when done.
    ///
    /// # Errors
    /// As [`ExpertIndex::open_in_dir`] (a running server holds the writer lock).
    pub fn open_in_dir_for_bulk(dir: &Path) -> Result<Self, SearchError> {
        let (schema, fields) = expert_schema();
        let options = WriterOptions::bulk();
        let store = KeyedIndex::open_in_dir_with(dir, schema, fields.profile_id, FORMAT, options)?;
        Self::with_store(store, fields)
    }

    /// Replaces every document by the experts `batches` yield and commits once with
    /// `payload`; returns how many were indexed. Searches see the previous documents until
    /// the commit. If a batch is an error, or an expert has an empty profile id, nothing is
    /// committed and the index stays as it was. Each expert must appear once.
    ///
    /// # Errors
    /// The first error of `batches`, [`SearchError::InvalidEntry`] for an empty profile id,
    /// [`SearchError::Engine`] if writing fails.
    pub fn rebuild<E: From<SearchError> + Send>(
        &self,
        batches: impl Iterator<Item = Result<Vec<ExpertDoc>, E>> + Send,
        payload: &str,
    ) -> Result<u64, E> {
        let fields = &self.fields;
        let to_document = |expert: ExpertDoc| -> Result<TantivyDocument, SearchError> {
            let key = doc::key(&expert.profile_id)?;
            Ok(expert.to_document(key, fields))
        };
        self.store.rebuild(batches, &to_document, payload)
    }

    /// Waits for the segment merges the last commit started, then releases the writer and
    /// its lock on the directory.
    ///
    /// # Errors
    /// [`SearchError::Engine`] if a merge failed (the committed index is still whole).
    pub fn close(self) -> Result<(), SearchError> {
        self.store.close()
    }

    /// How many segments the last commit holds (fewer is faster to search).
    #[must_use]
    pub fn segments(&self) -> usize {
        self.store.segments()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expert(id: &str, headline: &str) -> ExpertDoc {
        ExpertDoc {
            profile_id: id.into(),
            display_name: "Ada Obi".into(),
            headline: headline.into(),
            residence_country: "NL".into(),
            public: true,
            ..ExpertDoc::default()
        }
    }

    #[test]
    fn a_rebuild_replaces_everything_at_once_and_a_failed_one_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let index = ExpertIndex::open_in_dir_for_bulk(dir.path()).unwrap();
        index
            .apply(vec![expert("old", "Baker")], Vec::new(), "1")
            .unwrap();

        let batches = vec![
            Ok::<_, SearchError>(vec![expert("a", "Hydrologist"), expert("b", "Surveyor")]),
            Ok(vec![expert("c", "Nurse")]),
        ];
        assert_eq!(index.rebuild(batches.into_iter(), "7").unwrap(), 3);
        assert_eq!(index.num_docs(), 3);
        assert_eq!(index.committed_payload().unwrap().as_deref(), Some("7"));

        let failing = vec![
            Ok(vec![expert("d", "Doctor")]),
            Err(SearchError::InvalidEntry("the database went away".into())),
        ];
        assert!(index.rebuild(failing.into_iter(), "9").is_err());
        let empty_id = vec![Ok::<_, SearchError>(vec![expert(" ", "Nobody")])];
        assert!(index.rebuild(empty_id.into_iter(), "9").is_err());
        assert_eq!(index.num_docs(), 3);
        assert_eq!(index.committed_payload().unwrap().as_deref(), Some("7"));
        index.close().unwrap();

        // The lock is released: the directory opens again, with the rebuilt documents.
        assert_eq!(ExpertIndex::open_in_dir(dir.path()).unwrap().num_docs(), 3);
    }

    #[test]
    fn an_index_of_the_previous_format_is_reported_corrupt_so_it_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let (schema, fields) = expert_schema();
        let previous = "braingain-experts/1\n";
        assert_ne!(previous, FORMAT);
        let old = KeyedIndex::open_in_dir(dir.path(), schema, fields.profile_id, previous).unwrap();
        old.clear("41").unwrap();
        old.close().unwrap();
        assert!(matches!(
            ExpertIndex::open_in_dir(dir.path()),
            Err(SearchError::Corrupt(_))
        ));
    }

    #[test]
    fn a_rebuild_spreads_many_batches_over_the_workers_and_merges_their_segments() {
        let index = ExpertIndex::in_memory().unwrap();
        index
            .apply(vec![expert("old", "Baker")], Vec::new(), "1")
            .unwrap();
        let batches = (0..40).map(|b| {
            Ok::<_, SearchError>(
                (0..25)
                    .map(|i| expert(&format!("e{b}-{i}"), "Hydrologist"))
                    .collect(),
            )
        });
        assert_eq!(index.rebuild(batches, "2").unwrap(), 1_000);
        assert_eq!(index.num_docs(), 1_000);
        assert_eq!(
            index.segments(),
            1,
            "the workers' segments are merged into one"
        );
        assert_eq!(index.committed_payload().unwrap().as_deref(), Some("2"));
        let found = index
            .search(&crate::ExpertQuery {
                text: Some("hydrologists".into()),
                limit: 5,
                ..crate::ExpertQuery::default()
            })
            .unwrap();
        assert_eq!(found.total, 1_000);
    }
}
