//! Facet fields: their contract names, the fast columns behind them, and how per-segment
//! counts become the top values.
//!
//! Counting happens in the [collector](super::collector) over every hit of the filtered
//! result set (not only the page), by term ordinal in each segment's fast column; ordinals are
//! turned into values once per segment, for those with a non-zero count.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::columnar::StrColumn;

use super::facet_values::DocOrds;
use crate::schema::expert;

/// Facet values returned per field, the most frequent first.
pub const MAX_FACET_VALUES: usize = 50;

/// The facet field names a query may ask for (the contract's names).
pub const FACET_FIELDS: [&str; 6] = [
    "residenceCountry",
    "originCountry",
    "language",
    "skill",
    "engagementType",
    "workMode",
];

/// A facet a query asked for: its contract name and the fast column counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Facet {
    pub(crate) name: &'static str,
    pub(crate) column: &'static str,
}

/// The facets among `requested` that exist, deduplicated, in the order asked.
pub(crate) fn resolve(requested: &[String]) -> Vec<Facet> {
    let columns = [
        expert::RESIDENCE_COUNTRY,
        expert::ORIGIN_COUNTRIES,
        expert::LANGUAGES,
        expert::SKILL_IDS,
        expert::ENGAGEMENT_TYPES,
        expert::WORK_MODES,
    ];
    let mut out: Vec<Facet> = Vec::new();
    for name in requested {
        let found = FACET_FIELDS
            .iter()
            .zip(columns)
            .find(|(n, _)| **n == name.trim());
        if let Some((&name, column)) = found
            && !out.iter().any(|f| f.name == name)
        {
            out.push(Facet { name, column });
        }
    }
    out
}

/// Counts of one facet in one segment, by term ordinal.
pub(crate) struct SegmentCounts {
    pub(crate) column: Option<StrColumn>,
    /// The segment's values unpacked ([`FacetValues`](super::facet_values::FacetValues)),
    /// read instead of the column when present.
    values: Option<Arc<DocOrds>>,
    pub(crate) counts: Vec<u64>,
}

impl SegmentCounts {
    pub(crate) fn new(column: Option<StrColumn>, values: Option<Arc<DocOrds>>) -> Self {
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Self {
            column,
            values,
            counts: vec![0; terms],
        }
    }

    /// Counts the values of `doc`.
    pub(crate) fn count(&mut self, doc: u32) {
        if let Some(values) = &self.values {
            for &ord in values.of(doc) {
                if let Some(count) = self.counts.get_mut(ord as usize) {
                    *count += 1;
                }
            }
            return;
        }
        let Some(column) = &self.column else {
            return;
        };
        for ord in column.term_ords(doc) {
            if let Some(count) = usize::try_from(ord)
                .ok()
                .and_then(|o| self.counts.get_mut(o))
            {
                *count += 1;
            }
        }
    }

    /// Adds this segment's non-zero counts to `totals`, by value.
    pub(crate) fn add_to(&self, totals: &mut HashMap<String, u64>) -> std::io::Result<()> {
        let Some(column) = &self.column else {
            return Ok(());
        };
        let (ords, counts): (Vec<u64>, Vec<u64>) = (0u64..)
            .zip(&self.counts)
            .filter(|(_, count)| **count > 0)
            .map(|(ord, count)| (ord, *count))
            .unzip();
        let mut counts = counts.into_iter();
        column.dictionary().sorted_ords_to_term_cb(&ords, |term| {
            let count = counts.next().unwrap_or(0);
            let value = String::from_utf8_lossy(term).into_owned();
            *totals.entry(value).or_insert(0) += count;
        })?;
        Ok(())
    }
}

/// The top [`MAX_FACET_VALUES`] of `totals`: most frequent first, then by value.
pub(crate) fn top(totals: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut values: Vec<(String, u64)> = totals.into_iter().collect();
    values.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    values.truncate(MAX_FACET_VALUES);
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_facets_resolve_once_in_order() {
        let asked = ["skill", "nope", "language", " skill "].map(String::from);
        let names: Vec<&str> = resolve(&asked).iter().map(|f| f.name).collect();
        assert_eq!(names, ["skill", "language"]);
        assert_eq!(resolve(&asked)[0].column, expert::SKILL_IDS);
    }

    #[test]
    fn top_values_are_most_frequent_then_alphabetical() {
        let mut totals: HashMap<String, u64> = (0..60).map(|i| (format!("v{i:02}"), 1)).collect();
        totals.insert("b".into(), 5);
        totals.insert("a".into(), 5);
        let top = top(totals);
        assert_eq!(top.len(), MAX_FACET_VALUES);
        assert_eq!(top[0], ("a".to_owned(), 5));
        assert_eq!(top[1], ("b".to_owned(), 5));
        assert_eq!(top[2], ("v00".to_owned(), 1));
    }
}
