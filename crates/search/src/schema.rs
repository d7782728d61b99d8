//! Index schemas and field names, in one place.
//!
//! The skill index stores one document per label (a skill has a preferred label and
//! alternatives in each language); the expert index one document per searchable expert
//! profile; the request index one document per OPEN request. See the crate README for why
//! each field exists.

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

/// Field names of the expert index.
pub mod expert {
    /// The profile's id (`STRING | STORED | FAST`): the document key, and the tie-break of
    /// every ordering (the fast column is read for it).
    pub const PROFILE_ID: &str = "profile_id";
    /// The display name ([`FOLDED`](crate::analysis::FOLDED), BM25).
    pub const NAME: &str = "name";
    /// The headline ([`MULTI_STEM`](crate::analysis::MULTI_STEM), BM25, stored for highlights).
    pub const HEADLINE: &str = "headline";
    /// The biography ([`MULTI_STEM`](crate::analysis::MULTI_STEM), BM25, stored).
    pub const BIO: &str = "bio";
    /// Job titles and employers ([`MULTI_STEM`](crate::analysis::MULTI_STEM), BM25).
    pub const POSITIONS: &str = "positions";
    /// Every label of every skill in every language, one value per label (stored only: the
    /// labels shown in highlights).
    pub const SKILL_LABELS: &str = "skill_labels";
    /// The words of each skill's labels in every language, each distinct word once per
    /// skill, one value per skill ([`MULTI_STEM`](crate::analysis::MULTI_STEM), BM25 without
    /// length norms, not stored).
    pub const SKILL_WORDS: &str = "skill_words";
    /// Skill ids (`STRING | FAST | STORED`): filters, boosts, facets, explanations.
    pub const SKILL_IDS: &str = "skill_ids";
    /// `"{level}:{skill id}"` per skill (`STRING`): level bonus of skill boosts.
    pub const SKILL_LEVELS: &str = "skill_levels";
    /// Broader skill ids of the expert's skills (`STRING`): taxonomy-neighbour boosts.
    pub const SKILL_BROADER: &str = "skill_broader";
    /// Country of residence, ISO 3166 alpha-2 upper case (`STRING | FAST`).
    pub const RESIDENCE_COUNTRY: &str = "residence_country";
    /// Countries of origin, alpha-2 upper case (`STRING | FAST`).
    pub const ORIGIN_COUNTRIES: &str = "origin_countries";
    /// Spoken languages, ISO 639-1 lower case (`STRING | FAST | STORED`).
    pub const LANGUAGES: &str = "languages";
    /// Engagement types, contract enum values (`STRING | FAST`).
    pub const ENGAGEMENT_TYPES: &str = "engagement_types";
    /// Work modes, contract enum values (`STRING | FAST`).
    pub const WORK_MODES: &str = "work_modes";
    /// Hours available per month (`u64`, fast; absent when unknown).
    pub const HOURS_PER_MONTH: &str = "hours_per_month";
    /// Whether the expert is verified (`bool`, indexed and fast).
    pub const VERIFIED: &str = "verified";
    /// Whether anonymous visitors may see the profile (`bool`, indexed and fast).
    pub const PUBLIC: &str = "public";
    /// Last activity, unix seconds (`i64` fast field): recency factor and browse order.
    pub const LAST_ACTIVE: &str = "last_active";
}

/// Resolved fields of the expert index.
#[derive(Clone, Debug)]
pub(crate) struct ExpertFields {
    pub(crate) profile_id: Field,
    pub(crate) name: Field,
    pub(crate) headline: Field,
    pub(crate) bio: Field,
    pub(crate) positions: Field,
    pub(crate) skill_labels: Field,
    pub(crate) skill_words: Field,
    pub(crate) skill_ids: Field,
    pub(crate) skill_levels: Field,
    pub(crate) skill_broader: Field,
    pub(crate) residence_country: Field,
    pub(crate) origin_countries: Field,
    pub(crate) languages: Field,
    pub(crate) engagement_types: Field,
    pub(crate) work_modes: Field,
    pub(crate) hours_per_month: Field,
    pub(crate) verified: Field,
    pub(crate) public: Field,
    pub(crate) last_active: Field,
}

/// Text scored with BM25: term frequencies (no positions: no phrase queries), length norms
/// unless `norms` is false, and a stored copy when `stored`.
fn bm25_text(analyzer: &str, norms: bool, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqs)
            .set_fieldnorms(norms),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the expert schema and its resolved fields.
pub(crate) fn expert_schema() -> (Schema, ExpertFields) {
    let mut b = Schema::builder();
    let multi = analysis::MULTI_STEM;
    let fields = ExpertFields {
        profile_id: b.add_text_field(expert::PROFILE_ID, STRING | STORED | FAST),
        name: b.add_text_field(expert::NAME, bm25_text(analysis::FOLDED, true, false)),
        headline: b.add_text_field(expert::HEADLINE, bm25_text(multi, true, true)),
        bio: b.add_text_field(expert::BIO, bm25_text(multi, true, true)),
        positions: b.add_text_field(expert::POSITIONS, bm25_text(multi, true, false)),
        skill_labels: b.add_text_field(expert::SKILL_LABELS, STORED),
        skill_words: b.add_text_field(expert::SKILL_WORDS, bm25_text(multi, false, false)),
        skill_ids: b.add_text_field(expert::SKILL_IDS, STRING | FAST | STORED),
        skill_levels: b.add_text_field(expert::SKILL_LEVELS, STRING),
        skill_broader: b.add_text_field(expert::SKILL_BROADER, STRING),
        residence_country: b.add_text_field(expert::RESIDENCE_COUNTRY, STRING | FAST),
        origin_countries: b.add_text_field(expert::ORIGIN_COUNTRIES, STRING | FAST),
        languages: b.add_text_field(expert::LANGUAGES, STRING | FAST | STORED),
        engagement_types: b.add_text_field(expert::ENGAGEMENT_TYPES, STRING | FAST),
        work_modes: b.add_text_field(expert::WORK_MODES, STRING | FAST),
        hours_per_month: b.add_u64_field(expert::HOURS_PER_MONTH, FAST),
        verified: b.add_bool_field(expert::VERIFIED, INDEXED | FAST),
        public: b.add_bool_field(expert::PUBLIC, INDEXED | FAST),
        last_active: b.add_i64_field(expert::LAST_ACTIVE, FAST),
    };
    (b.build(), fields)
}

/// Field names of the request index.
pub mod request {
    /// The request's id (`STRING | STORED | FAST`): the document key and the tie-break.
    pub const REQUEST_ID: &str = "request_id";
    /// The title ([`MULTI_STEM`](crate::analysis::MULTI_STEM), BM25, stored for highlights).
    pub const TITLE: &str = "title";
    /// The description ([`MULTI_STEM`](crate::analysis::MULTI_STEM), BM25, stored).
    pub const DESCRIPTION: &str = "description";
    /// The institution's name ([`FOLDED`](crate::analysis::FOLDED), BM25).
    pub const INSTITUTION: &str = "institution";
    /// Every label of every skill asked for, in every language
    /// ([`MULTI_STEM`](crate::analysis::MULTI_STEM), BM25 without length norms, stored).
    pub const SKILL_LABELS: &str = "skill_labels";
    /// Ids of the skills asked for (`STRING | FAST | STORED`): filters, boosts, explanations.
    pub const SKILL_IDS: &str = "skill_ids";
    /// Ids of the required skills (`STRING`): the bonus of skill boosts on a must.
    pub const REQUIRED_SKILL_IDS: &str = "required_skill_ids";
    /// Broader skill ids of the skills asked for (`STRING`): taxonomy-neighbour boosts.
    pub const SKILL_BROADER: &str = "skill_broader";
    /// The institution's country, alpha-2 upper case (`STRING | FAST`).
    pub const COUNTRY: &str = "country";
    /// The kind of help, contract enum value (`STRING | FAST`).
    pub const KIND: &str = "kind";
    /// Working languages, ISO 639-1 lower case (`STRING | FAST`).
    pub const LANGUAGES: &str = "languages";
    /// Acceptable work modes, contract enum values (`STRING | FAST`).
    pub const WORK_MODES: &str = "work_modes";
    /// When the request opened, unix seconds (`i64` fast field): recency and browse order.
    pub const OPENED_AT: &str = "opened_at";
}

/// Resolved fields of the request index.
#[derive(Clone, Debug)]
pub(crate) struct RequestFields {
    pub(crate) request_id: Field,
    pub(crate) title: Field,
    pub(crate) description: Field,
    pub(crate) institution: Field,
    pub(crate) skill_labels: Field,
    pub(crate) skill_ids: Field,
    pub(crate) required_skill_ids: Field,
    pub(crate) skill_broader: Field,
    pub(crate) country: Field,
    pub(crate) kind: Field,
    pub(crate) languages: Field,
    pub(crate) work_modes: Field,
    pub(crate) opened_at: Field,
}

/// Builds the request schema and its resolved fields.
pub(crate) fn request_schema() -> (Schema, RequestFields) {
    let mut b = Schema::builder();
    let multi = analysis::MULTI_STEM;
    let fields = RequestFields {
        request_id: b.add_text_field(request::REQUEST_ID, STRING | STORED | FAST),
        title: b.add_text_field(request::TITLE, bm25_text(multi, true, true)),
        description: b.add_text_field(request::DESCRIPTION, bm25_text(multi, true, true)),
        institution: b.add_text_field(
            request::INSTITUTION,
            bm25_text(analysis::FOLDED, true, false),
        ),
        skill_labels: b.add_text_field(request::SKILL_LABELS, bm25_text(multi, false, true)),
        skill_ids: b.add_text_field(request::SKILL_IDS, STRING | FAST | STORED),
        required_skill_ids: b.add_text_field(request::REQUIRED_SKILL_IDS, STRING),
        skill_broader: b.add_text_field(request::SKILL_BROADER, STRING),
        country: b.add_text_field(request::COUNTRY, STRING | FAST),
        kind: b.add_text_field(request::KIND, STRING | FAST),
        languages: b.add_text_field(request::LANGUAGES, STRING | FAST),
        work_modes: b.add_text_field(request::WORK_MODES, STRING | FAST),
        opened_at: b.add_i64_field(request::OPENED_AT, FAST),
    };
    (b.build(), fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expert_fields_resolve_by_their_public_names() {
        let (schema, fields) = expert_schema();
        assert_eq!(
            schema.get_field(expert::PROFILE_ID).unwrap(),
            fields.profile_id
        );
        assert_eq!(
            schema.get_field(expert::SKILL_LABELS).unwrap(),
            fields.skill_labels
        );
        assert_eq!(
            schema.get_field(expert::LAST_ACTIVE).unwrap(),
            fields.last_active
        );
        assert_eq!(expert_schema().0, schema, "the schema is deterministic");
    }

    #[test]
    fn request_fields_resolve_by_their_public_names() {
        let (schema, fields) = request_schema();
        assert_eq!(
            schema.get_field(request::REQUEST_ID).unwrap(),
            fields.request_id
        );
        assert_eq!(
            schema.get_field(request::OPENED_AT).unwrap(),
            fields.opened_at
        );
        assert_eq!(request_schema().0, schema, "the schema is deterministic");
        assert_ne!(schema, expert_schema().0);
    }

    #[test]
    fn skill_fields_resolve_by_their_public_names() {
        let (schema, fields) = skill_schema();
        assert_eq!(schema.get_field(skill::ID).unwrap(), fields.id);
        assert_eq!(schema.get_field(skill::PREFIXES).unwrap(), fields.prefixes);
        assert_eq!(schema.get_field(skill::STEM_FR).unwrap(), fields.stems[1].1);
        assert_eq!(fields.stems.len(), skill::STEMMED.len());
    }
}
