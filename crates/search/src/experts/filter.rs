//! Exact filters: what a caller may ask ([`ExpertFilter`]), its normalised form, and the
//! term, term-set and range queries that enforce it (no scoring: they score 0).
//!
//! The flag filters (`public_only`, `verified_only`) match most profiles, so they are wrapped
//! in [`Dense`]: tantivy's intersection is driven by its cheapest clause, and a flag's
//! posting list would otherwise drive a text search, making the words' scorers `seek` once
//! per public profile instead of the flag being checked once per text match.

use tantivy::query::{
    EnableScoring, Explanation, Query, RangeQuery, Scorer, TermQuery, TermSetQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

use super::doc::{CodeCase, normalize_codes};
use crate::schema::ExpertFields;

/// Filters: AND across fields, OR within one field's values. Empty lists do not filter.
/// Values are compared after normalisation (trimmed; countries and enum values upper case,
/// languages lower case).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpertFilter {
    /// Countries of residence (alpha-2).
    pub residence_countries: Vec<String>,
    /// Countries of origin (alpha-2): the expert has at least one of them.
    pub origin_countries: Vec<String>,
    /// Languages (ISO 639-1): the expert speaks at least one of them.
    pub languages: Vec<String>,
    /// Skill ids: the expert claims at least one of them (exactly; no taxonomy expansion).
    pub skill_ids: Vec<String>,
    /// Engagement types (contract enum values).
    pub engagement_types: Vec<String>,
    /// Work modes (contract enum values).
    pub work_modes: Vec<String>,
    /// Only verified experts.
    pub verified_only: bool,
    /// Only experts stating at least this many hours per month (0 does not filter; with
    /// more, profiles that state no hours are excluded).
    pub min_hours_per_month: Option<u32>,
    /// Only profiles visible to anonymous visitors ([`ExpertDoc::public`]); set it for
    /// anonymous callers.
    ///
    /// [`ExpertDoc::public`]: super::ExpertDoc::public
    pub public_only: bool,
}

/// The filters, normalised.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filters {
    pub(crate) residence_countries: Vec<String>,
    pub(crate) origin_countries: Vec<String>,
    pub(crate) languages: Vec<String>,
    pub(crate) skill_ids: Vec<String>,
    pub(crate) engagement_types: Vec<String>,
    pub(crate) work_modes: Vec<String>,
    pub(crate) verified_only: bool,
    pub(crate) min_hours_per_month: Option<u32>,
    pub(crate) public_only: bool,
}

impl From<&ExpertFilter> for Filters {
    fn from(filter: &ExpertFilter) -> Self {
        Self {
            residence_countries: normalize_codes(&filter.residence_countries, CodeCase::Upper),
            origin_countries: normalize_codes(&filter.origin_countries, CodeCase::Upper),
            languages: normalize_codes(&filter.languages, CodeCase::Lower),
            skill_ids: normalize_codes(&filter.skill_ids, CodeCase::AsIs),
            engagement_types: normalize_codes(&filter.engagement_types, CodeCase::Upper),
            work_modes: normalize_codes(&filter.work_modes, CodeCase::Upper),
            verified_only: filter.verified_only,
            min_hours_per_month: filter.min_hours_per_month,
            public_only: filter.public_only,
        }
    }
}

/// One clause per filtered field (AND), each an OR of its values.
pub(crate) fn filter_clauses(fields: &ExpertFields, filters: &Filters) -> Vec<Box<dyn Query>> {
    let lists = [
        (fields.residence_country, &filters.residence_countries),
        (fields.origin_countries, &filters.origin_countries),
        (fields.languages, &filters.languages),
        (fields.skill_ids, &filters.skill_ids),
        (fields.engagement_types, &filters.engagement_types),
        (fields.work_modes, &filters.work_modes),
    ];
    let mut clauses: Vec<Box<dyn Query>> = lists
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(field, values)| -> Box<dyn Query> {
            let terms = values.iter().map(|v| Term::from_field_text(field, v));
            Box::new(TermSetQuery::new(terms))
        })
        .collect();
    let flags = [
        (filters.verified_only, fields.verified),
        (filters.public_only, fields.public),
    ];
    for (wanted, field) in flags {
        if wanted {
            let term = Term::from_field_bool(field, true);
            let flag = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            clauses.push(Box::new(Dense(flag)));
        }
    }
    if let Some(min) = filters.min_hours_per_month.filter(|&min| min > 0) {
        let lower = Term::from_field_u64(fields.hours_per_month, u64::from(min));
        let query = RangeQuery::new(std::ops::Bound::Included(lower), std::ops::Bound::Unbounded);
        clauses.push(Box::new(query));
    }
    clauses
}

/// A filter that never drives an intersection (see the module documentation): its scorer
/// reports the highest cost, so the other clauses lead and only `seek` into it.
#[derive(Debug)]
pub(crate) struct Dense(pub(crate) Box<dyn Query>);

impl Clone for Dense {
    fn clone(&self) -> Self {
        Self(self.0.box_clone())
    }
}

impl Query for Dense {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(DenseWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct DenseWeight(Box<dyn Weight>);

impl Weight for DenseWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(DenseScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

struct DenseScorer(Box<dyn Scorer>);

impl DocSet for DenseScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        u64::MAX
    }
}

impl Scorer for DenseScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::Count;
    use tantivy::query::{BooleanQuery, Occur};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, TantivyDocument};

    use super::*;

    #[test]
    fn a_dense_filter_follows_and_filters_the_same() {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..300 {
            let mut doc = TantivyDocument::default();
            let rare = if i % 30 == 0 { " rare" } else { "" };
            let flag = if i % 4 == 0 { "" } else { " flag" };
            doc.add_text(text, format!("word{rare}{flag}"));
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |w: &str| -> Box<dyn Query> {
            let term = Term::from_field_text(text, w);
            Box::new(TermQuery::new(term, IndexRecordOption::Basic))
        };
        let dense = Dense(term("flag"));
        let weight = dense.weight(EnableScoring::disabled_from_searcher(&searcher));
        let scorer = weight.unwrap().scorer(&searcher.segment_readers()[0], 1.0);
        let scorer = scorer.unwrap();
        assert_eq!(scorer.cost(), u64::MAX);
        assert_eq!(scorer.size_hint(), 225);
        let both = |flag: Box<dyn Query>| {
            let query = BooleanQuery::new(vec![(Occur::Must, term("rare")), (Occur::Must, flag)]);
            searcher.search(&query, &Count).unwrap()
        };
        assert_eq!(both(Box::new(Dense(term("flag")))), both(term("flag")));
        assert_eq!(both(Box::new(Dense(term("flag")))), 5);
    }
}
