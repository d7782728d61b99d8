//! Index schemas and field names, in one place.
//!
//! The skill index stores one document per label (a skill has a preferred label and
//! alternatives in each language). See the crate README for why each field exists.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis;

/// Field names of the skill-label index.
pub mod skill {
    /// The skill's id (`STRING | STORED`): exact-match key for updates and deletions.
    pub const ID: &str = "skill_id";
    /// Dense ordinal of the skill in the index (`u64` fast field), used to group labels of one
    /// skill without reading strings.
    pub const ORD: &str = "skill_ord";
    /// The label's language code as given (`"en"`, `STRING | STORED`).
    pub const LANG: &str = "lang";
    /// Ordinal of the label's language in the index's language table (`u64` fast field).
    pub const LANG_ORD: &str = "lang_ord";
    /// Whether this is the preferred label (`bool`, fast and indexed).
    pub const PREFERRED: &str = "preferred";
    /// The label as written (stored only; returned as `matched_label`).
    pub const LABEL: &str = "label";
    /// The whole label as one token ([`EXACT`](crate::analysis::EXACT)): bonus when the
    /// user typed exactly a label (`C++` rather than `C#`).
    pub const LABEL_EXACT: &str = "label_exact";
    /// Length of the label in characters (`u64` fast field; shorter labels win ties).
    pub const LABEL_LEN: &str = "label_len";
    /// Folded words of the label ([`FOLDED`](crate::analysis::FOLDED)): exact and fuzzy matches.
    pub const WORDS: &str = "words";
    /// Every prefix of every folded word ([`EDGE_NGRAM`](crate::analysis::EDGE_NGRAM)), with
    /// positions (the word's) for in-order matching.
    pub const PREFIXES: &str = "prefixes";
    /// Stemmed words of English labels ([`STEM_EN`](crate::analysis::STEM_EN)).
    pub const STEM_EN: &str = "stem_en";
    /// Stemmed words of French labels ([`STEM_FR`](crate::analysis::STEM_FR)).
    pub const STEM_FR: &str = "stem_fr";
    /// Stemmed words of Spanish labels ([`STEM_ES`](crate::analysis::STEM_ES)).
    pub const STEM_ES: &str = "stem_es";
    /// The languages whose labels get a stemmed field: (code, field name, analyzer name).
    pub const STEMMED: [(&str, &str, &str); 3] = [
        ("en", STEM_EN, crate::analysis::STEM_EN),
        ("fr", STEM_FR, crate::analysis::STEM_FR),
        ("es", STEM_ES, crate::analysis::STEM_ES),
    ];
}

/// Resolved fields of the skill-label index.
#[derive(Clone, Debug)]
pub(crate) struct SkillFields {
    pub(crate) id: Field,
    pub(crate) ord: Field,
    pub(crate) lang: Field,
    pub(crate) lang_ord: Field,
    pub(crate) preferred: Field,
    pub(crate) label: Field,
    pub(crate) label_exact: Field,
    pub(crate) label_len: Field,
    pub(crate) words: Field,
    pub(crate) prefixes: Field,
    /// (language code, stemmed field, analyzer name), as in [`skill::STEMMED`].
    pub(crate) stems: Vec<(&'static str, Field, &'static str)>,
}

/// Text indexed for matching only: no stored copy, no norms, and no frequencies (all scoring
/// uses constant scores, so they would never be read). `record` adds positions where phrase
/// matching needs them.
fn match_only(analyzer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record)
            .set_fieldnorms(false),
    )
}

/// Builds the skill-label schema and its resolved fields.
pub(crate) fn skill_schema() -> (Schema, SkillFields) {
    let mut builder = Schema::builder();
    let fields = SkillFields {
        id: builder.add_text_field(skill::ID, STRING | STORED),
        ord: builder.add_u64_field(skill::ORD, FAST),
        lang: builder.add_text_field(skill::LANG, STRING | STORED),
        lang_ord: builder.add_u64_field(skill::LANG_ORD, FAST),
        preferred: builder.add_bool_field(skill::PREFERRED, FAST | INDEXED),
        label: builder.add_text_field(skill::LABEL, STORED),
        label_exact: builder.add_text_field(
            skill::LABEL_EXACT,
            match_only(analysis::EXACT, IndexRecordOption::Basic),
        ),
        label_len: builder.add_u64_field(skill::LABEL_LEN, FAST),
        words: builder.add_text_field(
            skill::WORDS,
            match_only(analysis::FOLDED, IndexRecordOption::Basic),
        ),
        prefixes: builder.add_text_field(
            skill::PREFIXES,
            match_only(
                analysis::EDGE_NGRAM,
                IndexRecordOption::WithFreqsAndPositions,
            ),
        ),
        stems: skill::STEMMED
            .iter()
            .map(|&(lang, name, analyzer)| {
                let options = match_only(analyzer, IndexRecordOption::Basic);
                (lang, builder.add_text_field(name, options), analyzer)
            })
            .collect(),
    };
    (builder.build(), fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skill_fields_resolve_by_their_public_names() {
        let (schema, fields) = skill_schema();
        assert_eq!(schema.get_field(skill::ID).unwrap(), fields.id);
        assert_eq!(schema.get_field(skill::PREFIXES).unwrap(), fields.prefixes);
        assert_eq!(schema.get_field(skill::STEM_FR).unwrap(), fields.stems[1].1);
        assert_eq!(fields.stems.len(), skill::STEMMED.len());
    }
}
