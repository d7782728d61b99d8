//! The expert document handed to the index, its validation and normalisation, and its
//! conversion into a tantivy document.
//!
//! Codes are normalised the same way here and in filters ([`normalize_codes`]): countries and
//! enum values upper case, languages lower case, everything trimmed, so `"ng"` filters
//! `"NG"`. Facet values are these normalised codes.

use tantivy::TantivyDocument;
use tantivy::schema::Field;

use super::query::is_stop_word;
use crate::error::SearchError;
use crate::schema::ExpertFields;

/// One searchable expert profile. The caller (the service) only sends profiles that may
/// appear in search results; hidden or suspended ones are deleted by key instead.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpertDoc {
    /// The profile's id (a UUID string): the document key. Must not be empty.
    pub profile_id: String,
    /// The public display name.
    pub display_name: String,
    /// The one-line headline ("Hydrologist, flood risk modelling").
    pub headline: String,
    /// The biography (plain text).
    pub bio: String,
    /// Job titles and employers; may be empty.
    pub positions: Vec<String>,
    /// Claimed skills, with every label of each skill in every language.
    pub skills: Vec<DocSkill>,
    /// Country of residence, ISO 3166 alpha-2.
    pub residence_country: String,
    /// Countries of origin, alpha-2.
    pub origin_countries: Vec<String>,
    /// Spoken languages, ISO 639-1.
    pub languages: Vec<String>,
    /// Engagement types offered, contract enum values (`"MENTORING"`).
    pub engagement_types: Vec<String>,
    /// Work modes accepted, contract enum values (`"REMOTE"`).
    pub work_modes: Vec<String>,
    /// Hours available per month, if stated.
    pub hours_per_month: Option<u32>,
    /// Whether the expert is verified.
    pub verified: bool,
    /// Whether anonymous visitors may see the profile (visibility `PUBLIC`; `MEMBERS`
    /// profiles are indexed with `false` and found by signed-in callers only).
    pub public: bool,
    /// Last activity, unix seconds.
    pub last_active: i64,
}

/// A skill claimed by an expert.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocSkill {
    /// The taxonomy skill id; empty for a free-text skill (its labels are still searchable).
    pub id: String,
    /// Claimed level, 1 to 5 (clamped).
    pub level: u8,
    /// Preferred and alternative labels in every language (or the free-text label).
    pub labels: Vec<String>,
    /// Ids of the skill's broader skills in the taxonomy.
    pub broader: Vec<String>,
}

/// Highest skill level (the contract's 1..5).
pub(crate) const MAX_LEVEL: u8 = 5;

/// How a code list is normalised, in documents and in filters alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeCase {
    /// Countries and contract enum values.
    Upper,
    /// Language codes.
    Lower,
    /// Ids: trimmed only.
    AsIs,
}

/// One code normalised (`None` when blank).
pub(crate) fn normalize_code(code: &str, case: CodeCase) -> Option<String> {
    let code = code.trim();
    if code.is_empty() {
        return None;
    }
    Some(match case {
        CodeCase::Upper => code.to_uppercase(),
        CodeCase::Lower => code.to_lowercase(),
        CodeCase::AsIs => code.to_owned(),
    })
}

/// Codes normalised, blanks dropped, duplicates removed (first occurrence kept).
pub(crate) fn normalize_codes<'a>(
    codes: impl IntoIterator<Item = &'a String>,
    case: CodeCase,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for code in codes {
        if let Some(code) = normalize_code(code, case)
            && !out.contains(&code)
        {
            out.push(code);
        }
    }
    out
}

/// The key of a document or deletion: the trimmed profile id, which must not be empty.
pub(crate) fn key(profile_id: &str) -> Result<&str, SearchError> {
    let key = profile_id.trim();
    if key.is_empty() {
        return Err(SearchError::InvalidEntry(
            "expert with an empty profile id".into(),
        ));
    }
    Ok(key)
}

impl ExpertDoc {
    /// The tantivy document for this expert. `key` is [`key`]`(&self.profile_id)`.
    pub(crate) fn to_document(&self, key: &str, fields: &ExpertFields) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.profile_id, key);
        doc.add_text(fields.name, &self.display_name);
        doc.add_text(fields.headline, &self.headline);
        doc.add_text(fields.bio, &self.bio);
        for position in &self.positions {
            doc.add_text(fields.positions, position);
        }
        let mut ids: Vec<String> = Vec::new();
        let mut broader: Vec<String> = Vec::new();
        let mut words = SkillWords::default();
        for skill in &self.skills {
            for label in skill
                .labels
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
            {
                doc.add_text(fields.skill_labels, label);
                words.add(label);
            }
            words.flush(&mut doc, fields.skill_words);
            let Some(id) = normalize_code(&skill.id, CodeCase::AsIs) else {
                continue;
            };
            let level = skill.level.clamp(1, MAX_LEVEL);
            doc.add_text(fields.skill_levels, format!("{level}:{id}"));
            broader.extend(normalize_codes(&skill.broader, CodeCase::AsIs));
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        broader.sort_unstable();
        broader.dedup();
        let lists = [
            (fields.skill_ids, ids),
            (fields.skill_broader, broader),
            (
                fields.origin_countries,
                normalize_codes(&self.origin_countries, CodeCase::Upper),
            ),
            (
                fields.languages,
                normalize_codes(&self.languages, CodeCase::Lower),
            ),
            (
                fields.engagement_types,
                normalize_codes(&self.engagement_types, CodeCase::Upper),
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
        if let Some(country) = normalize_code(&self.residence_country, CodeCase::Upper) {
            doc.add_text(fields.residence_country, country);
        }
        if let Some(hours) = self.hours_per_month {
            doc.add_u64(fields.hours_per_month, u64::from(hours));
        }
        doc.add_bool(fields.verified, self.verified);
        doc.add_bool(fields.public, self.public);
        doc.add_i64(fields.last_active, self.last_active);
        doc
    }
}

/// The words of one skill's labels as indexed: each distinct word once (compared in lower
/// case), in the order met, joined by spaces, without stop words.
///
/// A skill has a preferred label and alternatives in each language, which mostly repeat one
/// another's words (`diseñar un envase`, `concebir un envase`); indexing every label would
/// index those words again and again, and would make an expert's score depend on how many
/// of a skill's translations share a word. Stop words are left out: they are optional in
/// queries and, present in most profiles, weigh nothing in `skill_words`.
#[derive(Debug, Default)]
struct SkillWords {
    text: String,
    /// The words in `text`, lower case.
    seen: Vec<String>,
    /// The word being looked at, lower case.
    key: String,
}

impl SkillWords {
    /// Adds the new words of `label`.
    fn add(&mut self, label: &str) {
        for word in label.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() {
                continue;
            }
            self.key.clear();
            if word.is_ascii() {
                self.key.push_str(word);
                self.key.make_ascii_lowercase();
            } else {
                self.key.extend(word.chars().flat_map(char::to_lowercase));
            }
            if is_stop_word(&self.key) || self.seen.contains(&self.key) {
                continue;
            }
            self.seen.push(self.key.clone());
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            self.text.push_str(word);
        }
    }

    /// Adds the words collected so far to `field` of `doc` as one value, and starts over.
    fn flush(&mut self, doc: &mut TantivyDocument, field: Field) {
        if !self.text.is_empty() {
            doc.add_text(field, &self.text);
        }
        self.text.clear();
        self.seen.clear();
    }
}

#[cfg(test)]
mod tests {
    use tantivy::schema::Value;

    use super::*;

    #[test]
    fn codes_are_trimmed_cased_and_deduplicated() {
        let codes = [" ng", "NG", "", "  ", "gh"].map(String::from);
        assert_eq!(normalize_codes(&codes, CodeCase::Upper), ["NG", "GH"]);
        assert_eq!(
            normalize_code(" FR ", CodeCase::Lower).as_deref(),
            Some("fr")
        );
        assert_eq!(
            normalize_code(" Ab-1 ", CodeCase::AsIs).as_deref(),
            Some("Ab-1")
        );
    }

    #[test]
    fn each_skill_indexes_its_distinct_words_once_and_stores_every_label() {
        let (_, fields) = crate::schema::expert_schema();
        let expert = ExpertDoc {
            skills: vec![
                DocSkill {
                    id: "s1".into(),
                    labels: vec![
                        "design package".into(),
                        "diseñar un envase".into(),
                        "concebir un envase".into(),
                        "Concevoir un emballage".into(),
                        "  ".into(),
                    ],
                    ..DocSkill::default()
                },
                DocSkill {
                    labels: vec!["Python (computer programming)".into(), "python".into()],
                    ..DocSkill::default()
                },
            ],
            ..ExpertDoc::default()
        };
        let doc = expert.to_document("a", &fields);
        let texts = |field| -> Vec<&str> {
            doc.get_all(field)
                .filter_map(|value| value.as_str())
                .collect()
        };
        // One value per skill; stop words (`un`) and repeated words left out; a word of
        // another skill counts again.
        assert_eq!(
            texts(fields.skill_words),
            [
                "design package diseñar envase concebir Concevoir emballage",
                "Python computer programming"
            ]
        );
        assert_eq!(
            texts(fields.skill_labels).len(),
            6,
            "every label, for highlights"
        );
    }

    #[test]
    fn blank_keys_are_rejected() {
        assert!(matches!(key("  "), Err(SearchError::InvalidEntry(_))));
        assert_eq!(key(" a ").unwrap(), "a");
    }
}
