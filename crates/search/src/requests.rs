//! The request index: multilingual, typo-tolerant search and browsing over OPEN requests,
//! with filters, a cursor per hit, highlights and the skill ids behind explanations.
//!
//! It is derived from the database like the [expert index](crate::experts): the service
//! sends OPEN requests with [`RequestIndex::apply`] (upserts and deletions by request id,
//! committed with the caller's outbox position) and rebuilds with [`RequestIndex::clear`].
//! Text is analysed, weighed and scored exactly as expert search does (the experts' query
//! words, coordination, typo automaton, collector, cursors and highlighter are shared): skill
//! labels count like an expert's skills, the title like a headline, the institution's name
//! like positions, the description like a biography. Hits are ordered by
//! `(text × coordination + skill boost) × recency of opening`, or newest first when
//! browsing, ties by request id.

mod doc;
mod query;

use std::fmt;
use std::path::Path;

use tantivy::TantivyDocument;
use tantivy::schema::Value;
use tantivy::tokenizer::TextAnalyzer;

pub use doc::{RequestDoc, RequestSkill};
pub use query::{RequestFilter, RequestQuery};

use crate::analysis;
use crate::error::SearchError;
use crate::experts::collector::{Columns, ExpertCollector};
use crate::experts::coord::Matching;
use crate::experts::cursor::{Cursor, Mode};
use crate::experts::doc::{CodeCase, normalize_codes};
use crate::experts::highlight::Highlighter;
use crate::experts::{MAX_LIMIT, MAX_SKILL_BOOSTS};
use crate::keyed::KeyedIndex;
use crate::schema::{RequestFields, request, request_schema};

/// Prefix of every commit payload: the index format (see the expert index's).
const FORMAT: &str = "braingain-requests/1\n";

/// The results of one search page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RequestResults {
    /// Number of requests matching the text and filters (all pages).
    pub total: usize,
    /// This page, best first.
    pub hits: Vec<RequestHitDoc>,
    /// Cursor of the next page (the last hit's), if there are more hits.
    pub next_cursor: Option<String>,
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RequestHitDoc {
    /// The request's id.
    pub request_id: String,
    /// Relevance (text search: (BM25 × coordination + skill boosts) × recency); when
    /// browsing, the recency factor alone. Only comparable within one query.
    pub score: f32,
    /// Up to 3 snippets (title, skill labels, description) with `<mark>…</mark>` around
    /// matched words and everything else HTML-escaped.
    pub highlights: Vec<String>,
    /// The query's skill ids (skill boosts, then skill filters) this request asks for.
    pub matched_skill_ids: Vec<String>,
    /// Pass as `after` to continue with the hits after this one.
    pub cursor: String,
}

/// The request index (on disk or in memory). `Send + Sync`: share it in an `Arc`; call
/// `search` and `apply` from a blocking thread in async code.
pub struct RequestIndex {
    store: KeyedIndex,
    fields: RequestFields,
    folded: TextAnalyzer,
}

impl fmt::Debug for RequestIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestIndex")
            .field("num_docs", &self.num_docs())
            .finish_non_exhaustive()
    }
}

impl RequestIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if needed.
    ///
    /// # Errors
    /// [`SearchError::Corrupt`] when `dir` holds an index that cannot be opened or was
    /// written with another schema or format (delete the directory and rebuild);
    /// [`SearchError::Engine`] for other failures (I/O, another writer holding the lock).
    pub fn open_in_dir(dir: &Path) -> Result<Self, SearchError> {
        let (schema, fields) = request_schema();
        let store = KeyedIndex::open_in_dir(dir, schema, fields.request_id, FORMAT)?;
        Self::with_store(store, fields)
    }

    /// A new, empty index in memory (tests, tools).
    ///
    /// # Errors
    /// [`SearchError::Engine`] if the writer cannot be created.
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = request_schema();
        let store = KeyedIndex::in_memory(schema, fields.request_id, FORMAT)?;
        Self::with_store(store, fields)
    }

    fn with_store(store: KeyedIndex, fields: RequestFields) -> Result<Self, SearchError> {
        let folded = analysis::analyzer(analysis::FOLDED)
            .ok_or_else(|| SearchError::InvalidEntry("the folded analyzer is missing".into()))?;
        Ok(Self {
            store,
            fields,
            folded,
        })
    }

    /// Applies a batch and commits it with `payload`: each upsert replaces any document with
    /// its request id, then each id of `deletes` is deleted (a key in both ends deleted). The
    /// change is visible to searches when this returns.
    ///
    /// # Errors
    /// [`SearchError::InvalidEntry`] for an empty request id (nothing is applied);
    /// [`SearchError::Engine`] if writing fails (the batch is rolled back).
    pub fn apply(
        &self,
        upserts: Vec<RequestDoc>,
        deletes: Vec<String>,
        payload: &str,
    ) -> Result<(), SearchError> {
        let deletes = deletes
            .iter()
            .map(|id| doc::key(id).map(str::to_owned))
            .collect::<Result<Vec<_>, _>>()?;
        let documents = upserts
            .iter()
            .map(|upsert| {
                let key = doc::key(&upsert.request_id)?;
                Ok((key.to_owned(), upsert.to_document(key, &self.fields)))
            })
            .collect::<Result<Vec<_>, SearchError>>()?;
        self.store.apply(documents, &deletes, payload)
    }

    /// Deletes every document and commits with `payload` (the first step of a rebuild).
    ///
    /// # Errors
    /// [`SearchError::Engine`] if the index cannot be written.
    pub fn clear(&self, payload: &str) -> Result<(), SearchError> {
        self.store.clear(payload)
    }

    /// The payload of the last commit (`None` before the first), also after a restart.
    ///
    /// # Errors
    /// [`SearchError::Corrupt`] if the index metadata cannot be read or has another format.
    pub fn committed_payload(&self) -> Result<Option<String>, SearchError> {
        self.store.committed_payload()
    }

    /// Number of requests in the index (as of the last commit).
    #[must_use]
    pub fn num_docs(&self) -> u64 {
        self.store.searcher().num_docs()
    }

    /// One page of requests for `q`: by relevance when there is text or a skill boost,
    /// otherwise the filtered requests newest first. Text with nothing searchable in it
    /// matches nothing.
    ///
    /// # Errors
    /// [`SearchError::BadCursor`] if `q.after` is not a cursor of this kind of query;
    /// [`SearchError::Engine`] on an internal index failure. Never panics on user input.
    pub fn search(&self, q: &RequestQuery) -> Result<RequestResults, SearchError> {
        use crate::experts::query as words;
        let mut folded = self.folded.clone();
        let text = q.text.as_deref().unwrap_or_default();
        let mut query_words = words::analyze(&mut folded, text);
        let searcher = self.store.searcher();
        words::weigh_words(
            &mut query_words,
            &query::text_fields(&self.fields),
            &searcher,
        )?;
        let mut skills = normalize_codes(&q.skill_boosts, CodeCase::AsIs);
        skills.truncate(MAX_SKILL_BOOSTS);
        let filter = q.filter.normalized();
        let mode = if query_words.is_empty() && skills.is_empty() {
            Mode::Browse
        } else {
            Mode::Relevance
        };
        let after = q.after.as_deref().map(Cursor::decode).transpose()?;
        if after.as_ref().is_some_and(|cursor| cursor.mode != mode) {
            return Err(SearchError::BadCursor("cursor of another query".into()));
        }
        if mode == Mode::Browse && !text.trim().is_empty() {
            return Ok(RequestResults::default());
        }
        let collector = ExpertCollector {
            columns: Columns {
                id: request::REQUEST_ID,
                time: request::OPENED_AT,
            },
            mode,
            now: after.as_ref().map_or(q.now, |cursor| cursor.now),
            limit: q.limit.clamp(1, MAX_LIMIT),
            after,
            facets: Vec::new(),
            facet_values: None,
        };
        let tantivy_query = query::build(&self.fields, &query_words, &skills, &filter);
        let collected = searcher.search(tantivy_query.as_ref(), &collector)?;
        let explained = normalize_codes(skills.iter().chain(&filter.skill_ids), CodeCase::AsIs);
        let mut highlighter = Highlighter::new(&query_words, folded);
        let more = collected.remaining > collected.hits.len() as u64;
        let mut hits = Vec::with_capacity(collected.hits.len());
        for hit in collected.hits {
            let stored: TantivyDocument = searcher.doc(hit.address)?;
            let all = |field| -> Vec<&str> {
                stored
                    .get_all(field)
                    .filter_map(|value| value.as_str())
                    .collect()
            };
            let first = |field| all(field).first().copied().unwrap_or_default();
            let asked = all(self.fields.skill_ids);
            let request_id = hit
                .id
                .clone()
                .unwrap_or_else(|| first(self.fields.request_id).to_owned());
            let cursor = Cursor {
                mode,
                key: hit.key,
                id: request_id.clone(),
                now: collector.now,
                matching: Matching::Any,
            };
            hits.push(RequestHitDoc {
                highlights: highlighter.snippets(
                    first(self.fields.title),
                    &all(self.fields.skill_labels),
                    first(self.fields.description),
                ),
                matched_skill_ids: explained
                    .iter()
                    .filter(|id| asked.contains(&String::as_str(id)))
                    .cloned()
                    .collect(),
                cursor: cursor.encode(),
                request_id,
                score: hit.score,
            });
        }
        let next_cursor = hits.last().filter(|_| more).map(|last| last.cursor.clone());
        Ok(RequestResults {
            total: usize::try_from(collected.total).unwrap_or(usize::MAX),
            hits,
            next_cursor,
        })
    }
}

#[cfg(test)]
mod tests;
