//! A request search ([`RequestQuery`]), its filters ([`RequestFilter`]), and the tantivy
//! query built from them with the expert index's word analysis and scoring
//! ([`words_query`]): user text never reaches a query parser.

use tantivy::Term;
use tantivy::query::{BooleanQuery, DisjunctionMaxQuery, Occur, Query, TermSetQuery};

use crate::experts::MAX_SKILL_BOOSTS;
use crate::experts::coord::Matching;
use crate::experts::doc::{CodeCase, normalize_codes};
use crate::experts::query::{
    QueryWord, WordFields, constant, term_query, within_filters, words_query,
};
use crate::experts::ranking::{
    BOOST_BIO, BOOST_HEADLINE, BOOST_POSITIONS, BOOST_SKILLS, SKILL_MATCH, SKILL_NEIGHBOUR,
};
use crate::schema::RequestFields;

/// Added to [`SKILL_MATCH`] when the request *requires* a boosted skill (rather than
/// listing it as a plus): as much as the top level adds for an expert.
pub(crate) const SKILL_REQUIRED: f32 = 2.0;

/// A search for requests.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestQuery {
    /// Free text typed by a user; `None` or blank browses the filtered requests, newest first.
    pub text: Option<String>,
    /// Skill ids the caller resolved from the text (taxonomy expansion): requests asking for
    /// one of them get a strong boost (more when it is required, less for a narrower skill).
    pub skill_boosts: Vec<String>,
    /// Exact filters.
    pub filter: RequestFilter,
    /// Hits per page, clamped to `1..=100`.
    pub limit: usize,
    /// The cursor of the hit to continue after (any hit's, or the page's `next_cursor`).
    pub after: Option<String>,
    /// The current time (unix seconds), for the recency factor.
    pub now: i64,
}

/// Filters: AND across fields, OR within one field's values. Empty lists do not filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestFilter {
    /// The institution's country (alpha-2).
    pub countries: Vec<String>,
    /// Kinds of help (contract enum values).
    pub kinds: Vec<String>,
    /// Working languages (ISO 639-1): the request names at least one of them.
    pub languages: Vec<String>,
    /// Skill ids: the request asks for at least one of them (exactly).
    pub skill_ids: Vec<String>,
    /// Work modes (contract enum values): the request accepts at least one of them.
    pub work_modes: Vec<String>,
}

impl RequestFilter {
    /// The filter with its codes normalised.
    pub(crate) fn normalized(&self) -> Self {
        Self {
            countries: normalize_codes(&self.countries, CodeCase::Upper),
            kinds: normalize_codes(&self.kinds, CodeCase::Upper),
            languages: normalize_codes(&self.languages, CodeCase::Lower),
            skill_ids: normalize_codes(&self.skill_ids, CodeCase::AsIs),
            work_modes: normalize_codes(&self.work_modes, CodeCase::Upper),
        }
    }
}

/// How query words match requests: skill labels like an expert's skills, the title like a
/// headline, the institution's name like positions (exact word), the description like a
/// biography.
fn word_fields(fields: &RequestFields) -> WordFields {
    WordFields {
        stemmed: vec![
            (fields.skill_labels, BOOST_SKILLS),
            (fields.title, BOOST_HEADLINE),
            (fields.description, BOOST_BIO),
        ],
        exact: vec![(fields.institution, BOOST_POSITIONS)],
        fuzzy: vec![
            (fields.skill_labels, BOOST_SKILLS),
            (fields.title, BOOST_HEADLINE),
            (fields.institution, BOOST_POSITIONS),
        ],
        fuzzy_if_unknown: vec![(fields.description, BOOST_BIO)],
    }
}

/// The text fields, for the words' document frequencies.
pub(crate) fn text_fields(fields: &RequestFields) -> [tantivy::schema::Field; 4] {
    [
        fields.skill_labels,
        fields.title,
        fields.description,
        fields.institution,
    ]
}

/// The whole query: relevance (`words` or `skills` non-empty) or a browse, within the
/// (normalised) filters.
pub(crate) fn build(
    fields: &RequestFields,
    words: &[QueryWord],
    skills: &[String],
    filter: &RequestFilter,
) -> Box<dyn Query> {
    let mut relevance: Vec<Box<dyn Query>> = Vec::new();
    // Any word, as before: OPEN requests are few, so matching most words would save little,
    // and a request missing one word of the query should still be found.
    if let Some(words) = words_query(&word_fields(fields), words, Matching::Any) {
        relevance.push(words);
    }
    if !skills.is_empty() {
        relevance.push(skills_query(fields, skills));
    }
    let lists = [
        (fields.country, &filter.countries),
        (fields.kind, &filter.kinds),
        (fields.languages, &filter.languages),
        (fields.skill_ids, &filter.skill_ids),
        (fields.work_modes, &filter.work_modes),
    ];
    let filters = lists
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(field, values)| -> Box<dyn Query> {
            let terms = values.iter().map(|v| Term::from_field_text(field, v));
            Box::new(TermSetQuery::new(terms))
        })
        .collect();
    within_filters(filters, relevance)
}

/// Per skill id, the best of "asks for it" ([`SKILL_MATCH`], plus [`SKILL_REQUIRED`] when
/// required) and "asks for a narrower skill" ([`SKILL_NEIGHBOUR`]); summed over the ids.
fn skills_query(fields: &RequestFields, skills: &[String]) -> Box<dyn Query> {
    let per_skill = skills.iter().take(MAX_SKILL_BOOSTS).map(|id| {
        let asks = vec![
            (
                Occur::Should,
                constant(term_query(fields.skill_ids, id), SKILL_MATCH),
            ),
            (
                Occur::Should,
                constant(term_query(fields.required_skill_ids, id), SKILL_REQUIRED),
            ),
        ];
        let narrower = term_query(fields.skill_broader, id);
        let best: Vec<Box<dyn Query>> = vec![
            Box::new(BooleanQuery::new(asks)),
            constant(narrower, SKILL_NEIGHBOUR),
        ];
        let query: Box<dyn Query> = Box::new(DisjunctionMaxQuery::new(best));
        (Occur::Should, query)
    });
    Box::new(BooleanQuery::new(per_skill.collect()))
}
