//! Exact filters: what a caller may ask ([`ExpertFilter`]), its normalised form, and the
//! term, term-set and range queries that enforce it (no scoring: they score 0).

use tantivy::Term;
use tantivy::query::{Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;

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
            clauses.push(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
        }
    }
    if let Some(min) = filters.min_hours_per_month.filter(|&min| min > 0) {
        let lower = Term::from_field_u64(fields.hours_per_month, u64::from(min));
        let query = RangeQuery::new(std::ops::Bound::Included(lower), std::ops::Bound::Unbounded);
        clauses.push(Box::new(query));
    }
    clauses
}
