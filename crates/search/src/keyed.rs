//! The storage half every derived index shares: one tantivy index (on disk or in memory)
//! whose documents are keyed by one `STRING` field, written by a single writer behind a
//! mutex, committed with a caller-given payload (the outbox position it reflects) prefixed by
//! the index's format, and read through a manually reloaded reader. An index opened
//! read-only ([`KeyedIndex::open_read_only`]) has no writer, so it can be searched beside the
//! process that holds the writer lock.
//!
//! [`ExpertIndex`](crate::ExpertIndex) and [`RequestIndex`](crate::RequestIndex) wrap it with
//! their own schema, documents and queries.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use tantivy::directory::MmapDirectory;
use tantivy::schema::{Field, Schema};
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, Searcher, TantivyDocument,
    TantivyError, Term,
};

use crate::analysis;
use crate::error::SearchError;

mod rebuild;

/// How the writer indexes: with how many threads, within what memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WriterOptions {
    /// Indexing threads.
    pub(crate) threads: usize,
    /// Memory budget over all threads, in bytes (a thread flushes a segment when its share
    /// is full).
    pub(crate) memory_bytes: usize,
}

impl WriterOptions {
    /// A serving process: one thread, 64 MiB, small commits all day long.
    pub(crate) const LIVE: Self = Self {
        threads: 1,
        memory_bytes: 64 * 1024 * 1024,
    };

    /// A bulk rebuild with the server stopped: a thread per core (at most 4), 384 MiB each,
    /// so segments are large and few.
    pub(crate) fn bulk() -> Self {
        let threads = std::thread::available_parallelism()
            .map_or(2, std::num::NonZero::get)
            .clamp(1, 4);
        Self {
            threads,
            memory_bytes: threads * 384 * 1024 * 1024,
        }
    }
}

/// See the module documentation.
pub(crate) struct KeyedIndex {
    pub(crate) index: Index,
    key: Field,
    /// Prefix of every commit payload (`"braingain-experts/1\n"`): the index format. An index
    /// whose payload has another prefix is [`SearchError::Corrupt`], so the caller rebuilds.
    format: &'static str,
    /// `None` when opened read-only: every write is then an error.
    writer: Option<Mutex<IndexWriter>>,
    reader: IndexReader,
}

impl KeyedIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if needed.
    ///
    /// # Errors
    /// [`SearchError::Corrupt`] when `dir` holds an index that cannot be opened, or one with
    /// another schema or format; [`SearchError::Engine`] for other failures (I/O, another
    /// writer holding the lock).
    pub(crate) fn open_in_dir(
        dir: &Path,
        schema: Schema,
        key: Field,
        format: &'static str,
    ) -> Result<Self, SearchError> {
        Self::open_in_dir_with(dir, schema, key, format, WriterOptions::LIVE)
    }

    /// [`KeyedIndex::open_in_dir`] with a writer set up as `options` say.
    pub(crate) fn open_in_dir_with(
        dir: &Path,
        schema: Schema,
        key: Field,
        format: &'static str,
        options: WriterOptions,
    ) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir).map_err(TantivyError::from)?;
        let directory = MmapDirectory::open(dir).map_err(TantivyError::from)?;
        let exists = Index::exists(&directory).map_err(TantivyError::from)?;
        if !exists {
            let index = Index::create(directory, schema, IndexSettings::default())?;
            return Self::with_index(index, key, format, options);
        }
        let corrupt = |error: TantivyError| SearchError::Corrupt(error.to_string());
        let index = Index::open(directory).map_err(corrupt)?;
        if index.schema() != schema {
            return Err(SearchError::Corrupt("the index has another schema".into()));
        }
        let metas = index.load_metas().map_err(corrupt)?;
        if metas.payload.is_some_and(|p| !p.starts_with(format)) {
            return Err(SearchError::Corrupt("the index has another format".into()));
        }
        Self::with_index(index, key, format, options).map_err(|error| match error {
            SearchError::Engine(engine) if !engine.is_lock_failure() => {
                SearchError::Corrupt(engine.to_string())
            }
            other => other,
        })
    }

    /// A new, empty index in memory.
    ///
    /// # Errors
    /// [`SearchError::Engine`] if the writer cannot be created.
    pub(crate) fn in_memory(
        schema: Schema,
        key: Field,
        format: &'static str,
    ) -> Result<Self, SearchError> {
        Self::with_index(
            Index::create_in_ram(schema),
            key,
            format,
            WriterOptions::LIVE,
        )
    }

    fn with_index(
        index: Index,
        key: Field,
        format: &'static str,
        options: WriterOptions,
    ) -> Result<Self, SearchError> {
        analysis::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let writer = index.writer_with_num_threads(options.threads, options.memory_bytes)?;
        Ok(Self {
            index,
            key,
            format,
            writer: Some(Mutex::new(writer)),
            reader,
        })
    }

    /// Opens the existing index in `dir` without a writer: it takes no lock (a server may
    /// be writing the index meanwhile), and searches see the last commit made before the
    /// call. Writes fail.
    ///
    /// # Errors
    /// [`SearchError::Corrupt`] when `dir` holds no index, an index that cannot be opened,
    /// or one with another schema or format; [`SearchError::Engine`] if `dir` cannot be
    /// read.
    pub(crate) fn open_read_only(
        dir: &Path,
        schema: Schema,
        key: Field,
        format: &'static str,
    ) -> Result<Self, SearchError> {
        let directory = MmapDirectory::open(dir).map_err(TantivyError::from)?;
        if !Index::exists(&directory).map_err(TantivyError::from)? {
            return Err(SearchError::Corrupt(format!(
                "no index in {}",
                dir.display()
            )));
        }
        let corrupt = |error: TantivyError| SearchError::Corrupt(error.to_string());
        let index = Index::open(directory).map_err(corrupt)?;
        if index.schema() != schema {
            return Err(SearchError::Corrupt("the index has another schema".into()));
        }
        let metas = index.load_metas().map_err(corrupt)?;
        if metas.payload.is_some_and(|p| !p.starts_with(format)) {
            return Err(SearchError::Corrupt("the index has another format".into()));
        }
        analysis::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            index,
            key,
            format,
            writer: None,
            reader,
        })
    }

    /// Per upsert, deletes any document with its key then adds it; then deletes each key of
    /// `deletes`; commits with `payload` and reloads the reader. On failure the batch is
    /// rolled back. Keys must already be validated (non-empty, trimmed).
    pub(crate) fn apply(
        &self,
        upserts: Vec<(String, TantivyDocument)>,
        deletes: &[String],
        payload: &str,
    ) -> Result<(), SearchError> {
        let mut writer = self.lock_writer()?;
        let written = (|| -> Result<(), SearchError> {
            for (key, doc) in upserts {
                writer.delete_term(Term::from_field_text(self.key, &key));
                writer.add_document(doc)?;
            }
            for key in deletes {
                writer.delete_term(Term::from_field_text(self.key, key));
            }
            Ok(())
        })();
        self.commit_or_rollback(&mut writer, written, payload)
    }

    /// Deletes every document and commits with `payload`.
    pub(crate) fn clear(&self, payload: &str) -> Result<(), SearchError> {
        let mut writer = self.lock_writer()?;
        let cleared = writer
            .delete_all_documents()
            .map(drop)
            .map_err(SearchError::from);
        self.commit_or_rollback(&mut writer, cleared, payload)
    }

    /// Waits for the merges the last commits started, then releases the writer (and its
    /// lock on the directory). Nothing to do for a read-only index.
    pub(crate) fn close(self) -> Result<(), SearchError> {
        if let Some(writer) = self.writer {
            let writer = writer.into_inner().unwrap_or_else(PoisonError::into_inner);
            writer.wait_merging_threads()?;
        }
        Ok(())
    }

    /// How many segments the last commit holds.
    pub(crate) fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// The payload of the last commit without the format prefix (`None` before the first).
    pub(crate) fn committed_payload(&self) -> Result<Option<String>, SearchError> {
        let metas = self
            .index
            .load_metas()
            .map_err(|error| SearchError::Corrupt(error.to_string()))?;
        match metas.payload {
            None => Ok(None),
            Some(payload) => payload
                .strip_prefix(self.format)
                .map(|p| Some(p.to_owned()))
                .ok_or_else(|| SearchError::Corrupt("the index has another format".into())),
        }
    }

    /// A searcher over the last commit.
    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The writer, or an error for an index opened read-only.
    fn lock_writer(&self) -> Result<MutexGuard<'_, IndexWriter>, SearchError> {
        let writer = self.writer.as_ref().ok_or_else(|| {
            TantivyError::InvalidArgument("the index was opened read-only".into())
        })?;
        // A panic while holding the lock leaves at worst uncommitted operations, which the
        // failed call rolled back or the next commit applies: the writer itself is usable.
        Ok(writer.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn commit_or_rollback(
        &self,
        writer: &mut IndexWriter,
        written: Result<(), SearchError>,
        payload: &str,
    ) -> Result<(), SearchError> {
        let committed = written.and_then(|()| {
            let mut prepared = writer.prepare_commit()?;
            prepared.set_payload(&format!("{}{payload}", self.format));
            prepared.commit()?;
            Ok(())
        });
        if let Err(error) = committed {
            // Best effort: the original error is the one worth reporting.
            let _ = writer.rollback();
            return Err(error);
        }
        self.reader.reload()?;
        Ok(())
    }
}
