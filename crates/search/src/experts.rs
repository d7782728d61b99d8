//! The expert search index: multilingual, typo-tolerant relevance search and filtered
//! browsing over expert profiles, with facets, stable cursors, highlights and the data of
//! match explanations.
//!
//! [`ExpertIndex`] is derived from the database: the service sends searchable profiles with
//! [`ExpertIndex::apply`] (upserts and deletions by profile id, committed with the caller's
//! outbox position as payload) and rebuilds with [`ExpertIndex::clear`]. The crate README
//! explains the schema, analysis, scoring, facets and cursor format.

mod bulk;
pub(crate) mod collector;
pub(crate) mod coord;
pub(crate) mod cursor;
pub(crate) mod doc;
mod facet_values;
mod facets;
mod filter;
pub(crate) mod highlight;
mod plain;
pub(crate) mod query;
pub(crate) mod ranking;
pub(crate) mod typo;
pub(crate) mod word;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use tantivy::TantivyDocument;
use tantivy::schema::Value;
use tantivy::tokenizer::TextAnalyzer;

pub use doc::{DocSkill, ExpertDoc};
pub use facets::{FACET_FIELDS, MAX_FACET_VALUES};
pub use filter::ExpertFilter;
pub use query::{
    ExpertQuery, FUZZY_MIN_CHARS, MAX_LIMIT, MAX_QUERY_CHARS, MAX_QUERY_WORDS, MAX_SKILL_BOOSTS,
    MIN_STRICT_MATCHES,
};

use crate::analysis;
use crate::error::SearchError;
use crate::keyed::KeyedIndex;
use crate::schema::{ExpertFields, expert, expert_schema};
use collector::{Collected, Columns, ExpertCollector};
use coord::Matching;
use cursor::{Cursor, Mode};
use doc::{CodeCase, normalize_codes};
use facet_values::FacetValues;
use filter::Filters;
use highlight::Highlighter;
use query::QueryWord;

/// Prefix of every commit payload: the index format. Bump it when the schema's analysis or
/// the document layout changes; an index with another prefix is reported as
/// [`SearchError::Corrupt`] so the caller rebuilds it.
const FORMAT: &str = "braingain-experts/2\n";

/// The results of one search page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExpertResults {
    /// Number of experts matching the text and filters (all pages).
    pub total: usize,
    /// This page, best first.
    pub hits: Vec<ExpertHitDoc>,
    /// Per requested facet (contract name), its top values (normalised codes or skill ids)
    /// with their counts over all matching experts, most frequent first.
    pub facets: BTreeMap<String, Vec<(String, u64)>>,
    /// Cursor of the next page, if there are more hits.
    pub next_cursor: Option<String>,
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExpertHitDoc {
    /// The expert's profile id.
    pub profile_id: String,
    /// Relevance (text search: (BM25 × coordination + skill boosts) × recency);
    /// when browsing, the recency factor alone. Only comparable within one query.
    pub score: f32,
    /// Up to 3 snippets (headline, skill labels, biography) with `<mark>…</mark>` around
    /// matched words and everything else HTML-escaped.
    pub highlights: Vec<String>,
    /// The query's skill ids (skill boosts, then skill filters) this expert claims.
    pub matched_skill_ids: Vec<String>,
    /// The filter's languages this expert speaks.
    pub matched_languages: Vec<String>,
}

/// The expert index (on disk or in memory). `Send + Sync`: share it in an `Arc`. Searches are
/// CPU work and `apply` does I/O: call both from a blocking thread in async code.
pub struct ExpertIndex {
    store: KeyedIndex,
    fields: ExpertFields,
    folded: TextAnalyzer,
    /// Facet values unpacked per segment, kept across searches.
    facet_values: FacetValues,
}

impl fmt::Debug for ExpertIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExpertIndex")
            .field("num_docs", &self.num_docs())
            .finish_non_exhaustive()
    }
}

impl ExpertIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if needed.
    ///
    /// # Errors
    /// [`SearchError::Corrupt`] when `dir` holds an index that cannot be opened or was
    /// written with another schema or format (delete the directory and rebuild);
    /// [`SearchError::Engine`] for other failures (I/O, another writer holding the lock).
    pub fn open_in_dir(dir: &Path) -> Result<Self, SearchError> {
        let (schema, fields) = expert_schema();
        let store = KeyedIndex::open_in_dir(dir, schema, fields.profile_id, FORMAT)?;
        Self::with_store(store, fields)
    }

    /// Opens the existing index in `dir` for searching only: no writer, so no lock is taken
    /// and a server may keep writing the index meanwhile (benchmarks, diagnostics). Searches
    /// see the last commit made before this call; `apply`, `clear` and `rebuild` fail.
    ///
    /// # Errors
    /// [`SearchError::Corrupt`] when `dir` holds no index, or one that cannot be opened or
    /// was written with another schema or format; [`SearchError::Engine`] if `dir` cannot
    /// be read.
    pub fn open_read_only(dir: &Path) -> Result<Self, SearchError> {
        let (schema, fields) = expert_schema();
        let store = KeyedIndex::open_read_only(dir, schema, fields.profile_id, FORMAT)?;
        Self::with_store(store, fields)
    }

    /// A new, empty index in memory (tests, tools).
    ///
    /// # Errors
    /// [`SearchError::Engine`] if the writer cannot be created.
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = expert_schema();
        let store = KeyedIndex::in_memory(schema, fields.profile_id, FORMAT)?;
        Self::with_store(store, fields)
    }

    fn with_store(store: KeyedIndex, fields: ExpertFields) -> Result<Self, SearchError> {
        let folded = analysis::analyzer(analysis::FOLDED)
            .ok_or_else(|| SearchError::InvalidEntry("the folded analyzer is missing".into()))?;
        Ok(Self {
            store,
            fields,
            folded,
            facet_values: FacetValues::default(),
        })
    }

    /// Applies a batch and commits it with `payload` (the caller's outbox position): each
    /// upsert deletes any document with its profile id then adds it; then each id of
    /// `deletes` is deleted. A key in both lists ends up deleted, and of two upserts with
    /// one key the later wins: coalesce per key to its latest state. The change is visible
    /// to searches when this returns.
    ///
    /// # Errors
    /// [`SearchError::InvalidEntry`] for an empty profile id (nothing is applied);
    /// [`SearchError::Engine`] if writing fails (the batch is rolled back).
    pub fn apply(
        &self,
        upserts: Vec<ExpertDoc>,
        deletes: Vec<String>,
        payload: &str,
    ) -> Result<(), SearchError> {
        for id in &deletes {
            doc::key(id)?;
        }
        let documents = upserts
            .iter()
            .map(|upsert| {
                let key = doc::key(&upsert.profile_id)?;
                Ok((key.to_owned(), upsert.to_document(key, &self.fields)))
            })
            .collect::<Result<Vec<_>, SearchError>>()?;
        let deletes: Vec<String> = deletes.iter().map(|id| id.trim().to_owned()).collect();
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

    /// Number of experts in the index (as of the last commit).
    #[must_use]
    pub fn num_docs(&self) -> u64 {
        self.store.searcher().num_docs()
    }

    /// Unpacks every facet column of every segment now (`experts/facet_values.rs`), so that
    /// the first faceted search after the index was opened or rebuilt does not pay for it (a
    /// few hundred milliseconds at a million experts); returns how many experts it counted.
    /// The server runs it in the background at start.
    ///
    /// # Errors
    /// [`SearchError::Engine`] on an internal index failure.
    pub fn warm_up(&self) -> Result<usize, SearchError> {
        let everything = ExpertQuery {
            limit: 1,
            facet_fields: FACET_FIELDS.iter().map(|f| (*f).to_owned()).collect(),
            ..ExpertQuery::default()
        };
        Ok(self.search(&everything)?.total)
    }

    /// One page of experts for `q`. See [`ExpertQuery`] and the crate README.
    ///
    /// Text with nothing searchable in it (punctuation, emoji) and no skill boosts matches
    /// nothing; no text at all browses the filtered experts, most recently active first.
    ///
    /// A profile must match most of the text's content words (or a skill boost); when fewer
    /// than [`MIN_STRICT_MATCHES`] profiles do, the first page searches again requiring fewer
    /// words, step by step down to any one word ([`query::relaxations`]), and its cursor
    /// makes the later pages match the same way.
    ///
    /// # Errors
    /// [`SearchError::BadCursor`] if `q.after` is not a cursor of this kind of query;
    /// [`SearchError::Engine`] on an internal index failure. Never panics on user input.
    pub fn search(&self, q: &ExpertQuery) -> Result<ExpertResults, SearchError> {
        let mut folded = self.folded.clone();
        let text = q.text.as_deref().unwrap_or_default();
        let mut words = query::analyze(&mut folded, text);
        let searcher = self.store.searcher();
        query::weigh_words(
            &mut words,
            &query::expert_text_fields(&self.fields),
            &searcher,
        )?;
        let mut skills = normalize_codes(&q.skill_boosts, CodeCase::AsIs);
        skills.truncate(MAX_SKILL_BOOSTS);
        let filters = Filters::from(&q.filter);
        let mode = if words.is_empty() && skills.is_empty() {
            Mode::Browse
        } else {
            Mode::Relevance
        };
        let after = q.after.as_deref().map(Cursor::decode).transpose()?;
        if after.as_ref().is_some_and(|cursor| cursor.mode != mode) {
            return Err(SearchError::BadCursor("cursor of another query".into()));
        }
        let facets = facets::resolve(&q.facet_fields);
        if mode == Mode::Browse && !text.trim().is_empty() {
            let facets = facets
                .iter()
                .map(|f| (f.name.to_owned(), Vec::new()))
                .collect();
            return Ok(ExpertResults {
                facets,
                ..ExpertResults::default()
            });
        }
        let content_words = words.iter().filter(|w| !w.optional).count();
        let mut matching = match &after {
            Some(cursor) => cursor.matching,
            None if Matching::Most.min_required(content_words) > 1 => Matching::Most,
            None => Matching::Any,
        };
        let first_page = after.is_none();
        let collector = ExpertCollector {
            columns: Columns {
                id: expert::PROFILE_ID,
                time: expert::LAST_ACTIVE,
            },
            mode,
            now: after.as_ref().map_or(q.now, |cursor| cursor.now),
            limit: q.limit.clamp(1, MAX_LIMIT),
            after,
            facet_values: (!facets.is_empty()).then(|| self.facet_values.clone()),
            facets,
        };
        if collector.facet_values.is_some() {
            self.facet_values.retain_segments_of(&searcher);
        }
        let tantivy_query = query::build(&self.fields, &words, &skills, &filters, matching);
        let mut collected = searcher.search(tantivy_query.as_ref(), &collector)?;
        if first_page && matching == Matching::Most {
            let strict = Matching::Most.min_required(content_words);
            for relaxed in query::relaxations(strict) {
                if collected.total >= MIN_STRICT_MATCHES as u64 {
                    break;
                }
                matching = relaxed;
                let relaxed = query::build(&self.fields, &words, &skills, &filters, matching);
                collected = searcher.search(relaxed.as_ref(), &collector)?;
            }
        }
        let position = Cursor {
            mode,
            key: 0,
            id: String::new(),
            now: collector.now,
            matching,
        };
        let explain = Explain {
            skills: normalize_codes(skills.iter().chain(&filters.skill_ids), CodeCase::AsIs),
            languages: filters.languages,
        };
        self.results(&searcher, collected, position, &words, &explain, folded)
    }

    /// Reads the stored fields of the page's hits and builds the results; `position` is the
    /// next cursor but for its key and id.
    fn results(
        &self,
        searcher: &tantivy::Searcher,
        collected: Collected,
        position: Cursor,
        words: &[QueryWord],
        explain: &Explain,
        folded: TextAnalyzer,
    ) -> Result<ExpertResults, SearchError> {
        let mut highlighter = Highlighter::new(words, folded);
        let more = collected.remaining > collected.hits.len() as u64;
        let mut last_key = None;
        let mut hits = Vec::with_capacity(collected.hits.len());
        for hit in collected.hits {
            last_key = Some(hit.key);
            let stored: TantivyDocument = searcher.doc(hit.address)?;
            let all = |field| -> Vec<&str> {
                stored
                    .get_all(field)
                    .filter_map(|value| value.as_str())
                    .collect()
            };
            let first = |field| all(field).first().copied().unwrap_or_default();
            let held = |wanted: &[String], field| -> Vec<String> {
                let values = all(field);
                wanted
                    .iter()
                    .filter(|w| values.contains(&String::as_str(w)))
                    .cloned()
                    .collect()
            };
            hits.push(ExpertHitDoc {
                highlights: highlighter.snippets(
                    first(self.fields.headline),
                    &all(self.fields.skill_labels),
                    first(self.fields.bio),
                ),
                matched_skill_ids: held(&explain.skills, self.fields.skill_ids),
                matched_languages: held(&explain.languages, self.fields.languages),
                profile_id: hit
                    .id
                    .unwrap_or_else(|| first(self.fields.profile_id).to_owned()),
                score: hit.score,
            });
        }
        let next_cursor = last_key
            .filter(|_| more)
            .zip(hits.last())
            .map(|(key, last)| {
                let cursor = Cursor {
                    key,
                    id: last.profile_id.clone(),
                    ..position
                };
                cursor.encode()
            });
        Ok(ExpertResults {
            total: usize::try_from(collected.total).unwrap_or(usize::MAX),
            hits,
            facets: collected
                .facets
                .into_iter()
                .map(|(name, values)| (name.to_owned(), values))
                .collect(),
            next_cursor,
        })
    }
}

/// What hits are explained against: the query's skill ids and the filter's languages.
struct Explain {
    skills: Vec<String>,
    languages: Vec<String>,
}

#[cfg(test)]
mod tests;
