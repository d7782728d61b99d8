//! The request document handed to the index, its validation, and its conversion into a
//! tantivy document. Codes are normalised as in the expert index (countries and enum values
//! upper case, languages lower case, trimmed), and filters normalise the same way.

use tantivy::TantivyDocument;

use crate::error::SearchError;
use crate::experts::doc::{CodeCase, normalize_code, normalize_codes};
use crate::schema::RequestFields;

/// One searchable request (the service sends OPEN requests only, and deletes the others by
/// key).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestDoc {
    /// The request's id (a UUID string): the document key. Must not be empty.
    pub request_id: String,
    /// The one-line title.
    pub title: String,
    /// What is needed and why (plain text).
    pub description: String,
    /// The name of the institution asking.
    pub institution_name: String,
    /// The institution's country, ISO 3166 alpha-2.
    pub country: String,
    /// The kind of help, contract enum value (`"PROJECT"`).
    pub kind: String,
    /// Skills asked for, with every label of each skill in every language.
    pub skills: Vec<RequestSkill>,
    /// Working languages, ISO 639-1.
    pub languages: Vec<String>,
    /// Acceptable work modes, contract enum values (`"REMOTE"`).
    pub work_modes: Vec<String>,
    /// When the request opened (was approved), unix seconds.
    pub opened_at: i64,
}

/// A skill a request asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestSkill {
    /// The taxonomy skill id.
    pub id: String,
    /// Whether it is a must (else a plus).
    pub required: bool,
    /// Preferred and alternative labels in every language (or the free-text label).
    pub labels: Vec<String>,
    /// Ids of the skill's broader skills in the taxonomy.
    pub broader: Vec<String>,
}

/// The key of a document or deletion: the trimmed request id, which must not be empty.
pub(crate) fn key(request_id: &str) -> Result<&str, SearchError> {
    let key = request_id.trim();
    if key.is_empty() {
        return Err(SearchError::InvalidEntry("request with an empty id".into()));
    }
    Ok(key)
}

impl RequestDoc {
    /// The tantivy document for this request. `key` is [`key`]`(&self.request_id)`.
    pub(crate) fn to_document(&self, key: &str, fields: &RequestFields) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.request_id, key);
        doc.add_text(fields.title, &self.title);
        doc.add_text(fields.description, &self.description);
        doc.add_text(fields.institution, &self.institution_name);
        let mut ids = Vec::new();
        let mut required = Vec::new();
        let mut broader = Vec::new();
        for skill in &self.skills {
            for label in &skill.labels {
                doc.add_text(fields.skill_labels, label);
            }
            let Some(id) = normalize_code(&skill.id, CodeCase::AsIs) else {
                continue;
            };
            broader.extend(normalize_codes(&skill.broader, CodeCase::AsIs));
            if skill.required && !required.contains(&id) {
                required.push(id.clone());
            }
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        broader.sort_unstable();
        broader.dedup();
        let lists = [
            (fields.skill_ids, ids),
            (fields.required_skill_ids, required),
            (fields.skill_broader, broader),
            (
                fields.languages,
                normalize_codes(&self.languages, CodeCase::Lower),
            ),
            (
                fields.work_modes,
                normalize_codes(&self.work_modes, CodeCase::Upper),
            ),
        ];
        for (field, values) in lists {
            for value in values {
                doc.add_text(field, value);
            }
        }
        if let Some(country) = normalize_code(&self.country, CodeCase::Upper) {
            doc.add_text(fields.country, country);
        }
        if let Some(kind) = normalize_code(&self.kind, CodeCase::Upper) {
            doc.add_text(fields.kind, kind);
        }
        doc.add_i64(fields.opened_at, self.opened_at);
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_keys_are_rejected() {
        assert!(matches!(key(" \t"), Err(SearchError::InvalidEntry(_))));
        assert_eq!(key(" r-1 ").unwrap(), "r-1");
    }
}
