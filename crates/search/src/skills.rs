//! The multilingual, typo-tolerant skill autocomplete index.
//!
//! [`SkillIndex::build`] indexes every label of every skill (preferred and alternative, in
//! every language) as its own document in a RAM index; [`SkillIndex::suggest`] answers what
//! a user is typing with at most one suggestion per skill. The crate README explains the
//! design and the ranking.

mod query;
mod ranking;

use std::collections::HashMap;
use std::fmt;

use tantivy::schema::Value;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

use crate::analysis;
use crate::error::SearchError;
use crate::schema::{SkillFields, skill_schema};
use query::{AnalyzedQuery, QueryAnalyzers};
use ranking::{BestLabelPerSkill, Candidate, Ranking};

/// Memory budget of the (single-threaded) writer used by [`SkillIndex::build`].
const WRITER_MEMORY_BYTES: usize = 64 * 1024 * 1024;

/// The labels of a skill in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SkillLabels {
    /// The preferred label (may be empty when the source has none in this language; empty
    /// labels are not indexed).
    pub preferred: String,
    /// Alternative labels (synonyms, other spellings).
    pub alternatives: Vec<String>,
}

/// A skill to index: its id and its labels per language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SkillEntry {
    /// The skill's id (e.g. the ESCO UUID); must not be empty.
    pub id: String,
    /// Labels per language code (`"en"`, `"fr"`, `"es"`; other codes are indexed without
    /// stemming).
    pub labels: Vec<(String, SkillLabels)>,
}

/// One autocomplete suggestion.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillSuggestion {
    /// The skill's id.
    pub id: String,
    /// Relevance; only meaningful to order suggestions of one query.
    pub score: f32,
    /// The label that matched best, as written (show this to the user).
    pub matched_label: String,
    /// The language code of `matched_label`.
    pub lang: String,
}

/// An immutable, in-memory index of skill labels for autocomplete. Share it in an
/// `Arc<SkillIndex>`. [`suggest`](Self::suggest) typically takes well under a millisecond
/// (release build) but is CPU work: in async code, call it from a blocking thread.
pub struct SkillIndex {
    reader: IndexReader,
    fields: SkillFields,
    analyzers: QueryAnalyzers,
    /// Language codes by ordinal (the `lang_ord` fast field).
    langs: Vec<String>,
    skills: usize,
    labels: usize,
}

impl fmt::Debug for SkillIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SkillIndex")
            .field("skills", &self.skills)
            .field("labels", &self.labels)
            .field("langs", &self.langs)
            .finish_non_exhaustive()
    }
}

impl SkillIndex {
    /// Indexes `entries`. Entries with the same id are one skill; empty labels are skipped.
    ///
    /// # Errors
    /// [`SearchError::InvalidEntry`] for an empty id or language code,
    /// [`SearchError::Engine`] if the index cannot be written.
    pub fn build(entries: impl IntoIterator<Item = SkillEntry>) -> Result<Self, SearchError> {
        let (schema, fields) = skill_schema();
        let analyzers = QueryAnalyzers::for_fields(&fields).ok_or_else(|| {
            // Cannot happen: every analyzer named in the schema is one of ours.
            tantivy::TantivyError::SchemaError("skill schema names an unknown analyzer".into())
        })?;
        let index = Index::create_in_ram(schema);
        analysis::register(index.tokenizers());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY_BYTES)?;
        let mut builder = Builder {
            fields: &fields,
            writer: &writer,
            skill_ords: HashMap::new(),
            langs: Vec::new(),
            labels: 0,
        };
        for entry in entries {
            builder.add(entry)?;
        }
        let Builder {
            skill_ords,
            langs,
            labels,
            ..
        } = builder;
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            reader,
            fields,
            analyzers,
            langs,
            skills: skill_ords.len(),
            labels,
        })
    }

    /// Suggestions for what a user is typing, best first, at most `limit`, one per skill.
    ///
    /// `lang` is the user's language (`"en"`, `"fr"`, `"es"`, a tag like `"fr-CA"`, or
    /// anything else / `None` for no preference); labels in every language match, those in
    /// the user's language rank higher. Every query word must match a word of the label,
    /// as a whole word, a prefix, a stem, or with one typo if it has 5+ letters. Case,
    /// accents and punctuation are ignored; queries are cut to 100 characters.
    ///
    /// # Errors
    /// Only [`SearchError::Engine`] on an internal index failure; user input never errors.
    pub fn suggest(
        &self,
        query: &str,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<SkillSuggestion>, SearchError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut analyzers = self.analyzers.clone();
        let Some(analyzed) = query::analyze(&mut analyzers, query) else {
            return Ok(Vec::new());
        };
        let mut best = self.best_candidates(&analyzed, lang, limit)?;
        let searcher = self.reader.searcher();
        best.drain(..)
            .map(|candidate| {
                let doc: TantivyDocument = searcher.doc(candidate.doc)?;
                let text = |field| {
                    doc.get_first(field)
                        .and_then(|value| value.as_str())
                        .unwrap_or_default()
                        .to_owned()
                };
                Ok(SkillSuggestion {
                    id: text(self.fields.id),
                    score: candidate.score,
                    matched_label: text(self.fields.label),
                    lang: text(self.fields.lang),
                })
            })
            .collect()
    }

    /// Number of distinct skills indexed.
    #[must_use]
    pub fn skill_count(&self) -> usize {
        self.skills
    }

    /// Number of labels indexed (documents in the index).
    #[must_use]
    pub fn label_count(&self) -> usize {
        self.labels
    }

    /// The top `limit` candidates (one per skill), best first.
    fn best_candidates(
        &self,
        analyzed: &AnalyzedQuery,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Candidate>, SearchError> {
        let lang_ord = lang.map(normalize_lang).and_then(|code| {
            let ord = self.langs.iter().position(|known| *known == code)?;
            u64::try_from(ord).ok()
        });
        let collector = BestLabelPerSkill {
            ranking: Ranking {
                lang_ord,
                query_chars: analyzed.chars,
            },
            skills: self.skills,
        };
        let tantivy_query = query::build(&self.fields, analyzed);
        let best = self.reader.searcher().search(&tantivy_query, &collector)?;
        Ok(best.top(limit))
    }
}

/// `"FR-ca"` → `"fr"`: lowercase primary subtag of a language tag.
fn normalize_lang(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Accumulates documents while [`SkillIndex::build`] runs.
struct Builder<'a> {
    fields: &'a SkillFields,
    writer: &'a IndexWriter,
    skill_ords: HashMap<String, u64>,
    langs: Vec<String>,
    labels: usize,
}

impl Builder<'_> {
    fn add(&mut self, entry: SkillEntry) -> Result<(), SearchError> {
        let id = entry.id.trim();
        if id.is_empty() {
            return Err(SearchError::InvalidEntry("skill with an empty id".into()));
        }
        let next_ord = self.skill_ords.len() as u64;
        let skill_ord = *self.skill_ords.entry(id.to_owned()).or_insert(next_ord);
        for (lang, labels) in entry.labels {
            let lang = normalize_lang(&lang);
            if lang.is_empty() {
                return Err(SearchError::InvalidEntry(format!(
                    "skill {id}: empty language"
                )));
            }
            let lang_ord = match self.langs.iter().position(|known| *known == lang) {
                Some(ord) => ord,
                None => {
                    self.langs.push(lang.clone());
                    self.langs.len() - 1
                }
            } as u64;
            let all = std::iter::once((labels.preferred.as_str(), true))
                .chain(labels.alternatives.iter().map(|alt| (alt.as_str(), false)));
            for (label, preferred) in all {
                let label = label.trim();
                if label.is_empty() {
                    continue;
                }
                let label_doc = LabelDoc {
                    id,
                    skill_ord,
                    lang: &lang,
                    lang_ord,
                    preferred,
                    label,
                };
                self.writer
                    .add_document(label_doc.to_document(self.fields))?;
                self.labels += 1;
            }
        }
        Ok(())
    }
}

/// One label, about to become a document.
struct LabelDoc<'a> {
    id: &'a str,
    skill_ord: u64,
    lang: &'a str,
    lang_ord: u64,
    preferred: bool,
    label: &'a str,
}

impl LabelDoc<'_> {
    fn to_document(&self, fields: &SkillFields) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.id, self.id);
        doc.add_u64(fields.ord, self.skill_ord);
        doc.add_text(fields.lang, self.lang);
        doc.add_u64(fields.lang_ord, self.lang_ord);
        doc.add_bool(fields.preferred, self.preferred);
        doc.add_text(fields.label, self.label);
        doc.add_text(fields.label_exact, query::collapse_whitespace(self.label));
        doc.add_u64(fields.label_len, self.label.chars().count() as u64);
        doc.add_text(fields.words, self.label);
        doc.add_text(fields.prefixes, self.label);
        if let Some((_, field, _)) = fields.stems.iter().find(|(code, ..)| *code == self.lang) {
            doc.add_text(*field, self.label);
        }
        doc
    }
}

#[cfg(test)]
mod tests;
