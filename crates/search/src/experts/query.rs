//! A search request ([`ExpertQuery`]) and the tantivy query built from it.
//!
//! User text never reaches a query parser: it is cut, folded and split into words, and each
//! word becomes term, stem and fuzzy clauses built programmatically, so query-syntax
//! characters (`+-:"()[]{}^~*`) are plain separators. The crate README explains the scoring.

use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use super::coord::{CoordQuery, Matching};
use super::doc::MAX_LEVEL;
use super::filter::{ExpertFilter, Filters, filter_clauses};
use super::ranking::{
    BOOST_BIO, BOOST_HEADLINE, BOOST_NAME, BOOST_POSITIONS, BOOST_SKILLS, FIELD_TIE_BREAKER,
    FUZZY_WEIGHT, SKILL_LEVEL_STEP, SKILL_MATCH, SKILL_NEIGHBOUR, STEM_WEIGHT, idf,
};
use super::typo::TypoQuery;
use super::word::{Disjunct, WordQuery};
use crate::analysis;
use crate::schema::ExpertFields;

/// Query text is cut to this many characters (never an error).
pub const MAX_QUERY_CHARS: usize = 500;
/// Only the first this-many distinct words of the text are searched.
pub const MAX_QUERY_WORDS: usize = 16;
/// Only the first this-many distinct skill ids of `skill_boosts` are used.
pub const MAX_SKILL_BOOSTS: usize = 50;
/// Words of at least this many characters may match with one edit, if the index does not
/// know them or few profiles contain them (see the crate README).
pub const FUZZY_MIN_CHARS: usize = 5;
/// A word gets one-edit (typo) clauses only when the index does not know it, or knows it
/// from at most this many documents or at most one in [`TYPO_DOCS_PER_RARE_DOC`]
/// (whichever is more) in its most frequent text field. A commoner word (`engineer`,
/// `manager`, `water`) was typed on purpose: its one-edit neighbours (`managed`, `later`)
/// would add noise, and each typo clause walks four fields' term dictionaries.
pub(crate) const TYPO_MAX_DOC_FREQ: u64 = 3;
/// See [`TYPO_MAX_DOC_FREQ`]: words in at most 0.5 % of the profiles (500 of 100,000) keep
/// their typo clauses. Such words are mostly specific job titles, whose one-edit neighbours
/// are often their other grammatical gender or number, which the stemmers do not always
/// join (`assistante` ~ `assistant`, `organizadora` ~ `organizador`, `cestera` ~
/// `cestero`): with 1 in 10,000 instead, search NDCG@10 of the relevance benchmark fell by
/// 0.003 (French and Spanish titles), for no measurable gain in latency.
pub(crate) const TYPO_DOCS_PER_RARE_DOC: u64 = 200;
/// Hits per page are clamped to `1..=MAX_LIMIT`.
pub const MAX_LIMIT: usize = 100;
/// A text search first asks profiles to match most of its content words (all of up to 3,
/// all but one of 4 to 6, two thirds beyond; or a skill boost). When fewer than this many
/// profiles do, it matches any word instead, so that one missing or unusual word never
/// leaves a query (nearly) empty, while common queries skip the long tail of profiles that
/// share only one word with them. 20 is two short pages of results.
pub const MIN_STRICT_MATCHES: usize = 20;

/// The matchings a first page falls back to, in order, when fewer than
/// [`MIN_STRICT_MATCHES`] profiles match `strict` of its content words: one word fewer, then
/// half of them, then any one word (each step only if it requires fewer words than the one
/// before). Requiring any one word of a three-word query (`hydrogenation machine operator`
/// with a typo in the rare word) matches every profile holding one of its common words (a
/// third of a million profiles, 100+ ms of scoring and counting), while those
/// matching two of its words are far fewer and rank first anyway: the coordination factor
/// rewards matching more of the words.
pub(crate) fn relaxations(strict: usize) -> Vec<Matching> {
    let mut steps: Vec<Matching> = Vec::new();
    let mut last = strict;
    for k in [strict.saturating_sub(1), strict.div_ceil(2), 1] {
        if k == 0 || k >= last {
            continue;
        }
        steps.push(if k == 1 {
            Matching::Any
        } else {
            Matching::AtLeast(k)
        });
        last = k;
    }
    steps
}

/// Function words of English, French, Spanish and Portuguese (folded). In a query with other
/// words they are optional: they add to the score but never make a profile match on their
/// own. Deliberately short: `it`, `ai`, `c`, `r` are search terms in this domain.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "by", "for", "from", "in", "into", "is", "of", "on", "or",
    "the", "to", "with", "au", "aux", "avec", "ce", "dans", "de", "des", "du", "en", "et", "l",
    "la", "le", "les", "pour", "par", "sur", "un", "une", "d", "con", "del", "el", "las", "los",
    "para", "por", "una", "y", "com", "da", "das", "do", "dos", "e", "em", "na", "no", "os", "um",
    "uma", "o",
];
/// No stop word is longer than this (in bytes): longer words skip the list.
const STOP_WORD_MAX_BYTES: usize = 4;

/// Whether `word` (folded, lower case) is one of the [`STOP_WORDS`].
pub(crate) fn is_stop_word(word: &str) -> bool {
    word.len() <= STOP_WORD_MAX_BYTES && STOP_WORDS.contains(&word)
}

/// A search for experts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpertQuery {
    /// Free text typed by a user; `None` or blank browses the filtered experts by recency.
    pub text: Option<String>,
    /// Skill ids the caller resolved from the text (taxonomy expansion): experts with one of
    /// them get a strong boost (more for higher levels, less for a narrower skill).
    pub skill_boosts: Vec<String>,
    /// Exact filters.
    pub filter: ExpertFilter,
    /// Hits per page, clamped to `1..=100`.
    pub limit: usize,
    /// The `next_cursor` of the previous page.
    pub after: Option<String>,
    /// Facets to count over the whole filtered result set: any of
    /// [`FACET_FIELDS`](super::FACET_FIELDS).
    pub facet_fields: Vec<String>,
    /// The current time (unix seconds), for the recency factor.
    pub now: i64,
}

/// One analysed query word.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QueryWord {
    /// The folded word.
    pub(crate) text: String,
    /// Its distinct stems in every language (may include `text`).
    pub(crate) stems: Vec<String>,
    /// Optional (a stop word in a query that has other words).
    pub(crate) optional: bool,
    /// The word occurs in no text field of the index (probably a typo): one-edit matches
    /// then extend to the biography too.
    pub(crate) unknown: bool,
    /// The word is unknown or rare ([`TYPO_MAX_DOC_FREQ`]), so it may be a typo: only then
    /// does it match with one edit. True until [`weigh_words`] has looked.
    pub(crate) rare: bool,
    /// BM25 idf of the word as typed: its coordination weight, and the scale of its
    /// one-edit matches.
    pub(crate) idf: f32,
}

impl QueryWord {
    /// Whether the word may match with one edit: a rare content word of
    /// [`FUZZY_MIN_CHARS`]+ characters.
    pub(crate) fn fuzzy(&self) -> bool {
        self.rare && !self.optional && self.text.chars().count() >= FUZZY_MIN_CHARS
    }
}

/// Cuts, cleans, folds and splits `raw` into at most [`MAX_QUERY_WORDS`] distinct words
/// (none when nothing searchable is left).
pub(crate) fn analyze(folded: &mut TextAnalyzer, raw: &str) -> Vec<QueryWord> {
    let text: String = raw
        .chars()
        .take(MAX_QUERY_CHARS)
        // Decomposed (NFD) accents would otherwise split words: "Jose\u{301}" → "jose".
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    let mut words: Vec<String> = Vec::new();
    for word in analysis::tokens(folded, &text) {
        if words.len() == MAX_QUERY_WORDS {
            break;
        }
        if !words.contains(&word) {
            words.push(word);
        }
    }
    let all_stop = words.iter().all(|w| is_stop_word(w));
    words
        .into_iter()
        .map(|text| QueryWord {
            stems: analysis::stems(&text),
            optional: !all_stop && is_stop_word(&text),
            unknown: false,
            rare: true,
            idf: 1.0,
            text,
        })
        .collect()
}

/// The whole query: a relevance query (`words` or `skills` non-empty) or a browse, within
/// the filters. Filters score 0, so scores come from words and skills only. `matching` says
/// how many of the content words a profile must match (when it matches no skill boost).
pub(crate) fn build(
    fields: &ExpertFields,
    words: &[QueryWord],
    skills: &[String],
    filters: &Filters,
    matching: Matching,
) -> Box<dyn Query> {
    let mut relevance: Vec<Box<dyn Query>> = Vec::new();
    if let Some(words) = words_query(&WordFields::experts(fields), words, matching) {
        relevance.push(words);
    }
    if !skills.is_empty() {
        relevance.push(skills_query(fields, skills));
    }
    within_filters(filter_clauses(fields, filters), relevance)
}

/// Documents matching every filter (scoring 0) and, unless `relevance` is empty (a browse),
/// at least one of the `relevance` clauses (summed).
pub(crate) fn within_filters(
    filters: Vec<Box<dyn Query>>,
    relevance: Vec<Box<dyn Query>>,
) -> Box<dyn Query> {
    let mut must: Vec<(Occur, Box<dyn Query>)> = filters
        .into_iter()
        .map(|clause| (Occur::Must, constant(clause, 0.0)))
        .collect();
    if !relevance.is_empty() {
        // With `Must` filters present, `Should` clauses would only score: nest them so a hit
        // must match a word or a skill.
        let should = relevance.into_iter().map(|q| (Occur::Should, q)).collect();
        must.push((Occur::Must, Box::new(BooleanQuery::new(should))));
    }
    if must.is_empty() {
        return Box::new(AllQuery);
    }
    Box::new(BooleanQuery::new(must))
}

/// Sets [`QueryWord::idf`], [`QueryWord::unknown`] and [`QueryWord::rare`] from the
/// document frequency of each word as typed (its highest in any of `text_fields`).
pub(crate) fn weigh_words(
    words: &mut [QueryWord],
    text_fields: &[Field],
    searcher: &Searcher,
) -> tantivy::Result<()> {
    for word in words.iter_mut() {
        let mut doc_freq = 0;
        for &field in text_fields {
            doc_freq = doc_freq.max(searcher.doc_freq(&Term::from_field_text(field, &word.text))?);
        }
        word.unknown = doc_freq == 0;
        word.rare = is_rare(doc_freq, searcher.num_docs());
        word.idf = idf(doc_freq, searcher.num_docs());
    }
    Ok(())
}

/// Whether a word in `doc_freq` of `num_docs` documents is rare enough to get one-edit
/// clauses ([`TYPO_MAX_DOC_FREQ`]).
fn is_rare(doc_freq: u64, num_docs: u64) -> bool {
    doc_freq <= TYPO_MAX_DOC_FREQ.max(num_docs / TYPO_DOCS_PER_RARE_DOC)
}

/// The text fields of the expert index, for [`weigh_words`].
pub(crate) fn expert_text_fields(fields: &ExpertFields) -> [Field; 5] {
    [
        fields.skill_words,
        fields.headline,
        fields.positions,
        fields.bio,
        fields.name,
    ]
}

/// How one query word is matched against an index's text fields, each with its boost.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordFields {
    /// Matched by the exact word and its stems (BM25).
    pub(crate) stemmed: Vec<(Field, f32)>,
    /// Matched by the exact word only (BM25): names.
    pub(crate) exact: Vec<(Field, f32)>,
    /// Also matched with one edit (constant, low).
    pub(crate) fuzzy: Vec<(Field, f32)>,
    /// Matched with one edit only when the word is unknown to the index (long prose, where
    /// a correctly spelt word would otherwise match many unrelated texts: `water` ~ `later`).
    pub(crate) fuzzy_if_unknown: Vec<(Field, f32)>,
}

impl WordFields {
    /// The expert index: skills, headline, positions, bio (stems); name (exact); one-edit
    /// matches everywhere but the bio, and there too for unknown words.
    pub(crate) fn experts(fields: &ExpertFields) -> Self {
        Self {
            stemmed: vec![
                (fields.skill_words, BOOST_SKILLS),
                (fields.headline, BOOST_HEADLINE),
                (fields.positions, BOOST_POSITIONS),
                (fields.bio, BOOST_BIO),
            ],
            exact: vec![(fields.name, BOOST_NAME)],
            fuzzy: vec![
                (fields.skill_words, BOOST_SKILLS),
                (fields.headline, BOOST_HEADLINE),
                (fields.positions, BOOST_POSITIONS),
                (fields.name, BOOST_NAME),
            ],
            fuzzy_if_unknown: vec![(fields.bio, BOOST_BIO)],
        }
    }
}

/// The coordinated disjunction of the query's words ([`CoordQuery`]), if any word is a
/// content word: a document must match as many content words as `matching` asks.
pub(crate) fn words_query(
    fields: &WordFields,
    words: &[QueryWord],
    matching: Matching,
) -> Option<Box<dyn Query>> {
    if !words.iter().any(|w| !w.optional) {
        return None;
    }
    let (optional, required): (Vec<&QueryWord>, Vec<&QueryWord>) =
        words.iter().partition(|w| w.optional);
    Some(Box::new(CoordQuery {
        required: required
            .iter()
            .map(|w| (w.idf, word_query(fields, w)))
            .collect(),
        optional: optional.iter().map(|w| word_query(fields, w)).collect(),
        min_required: matching.min_required(required.len()),
    }))
}

/// The best field match of one word (dis-max with a tie-breaker) over `fields`: per field
/// `BM25(word) + STEM_WEIGHT × max BM25(stem)`, the exact word, and one-edit matches
/// (constant, `FUZZY_WEIGHT × idf × boost`), as one flat [`WordQuery`].
fn word_query(fields: &WordFields, word: &QueryWord) -> Box<dyn Query> {
    let mut disjuncts: Vec<Disjunct> = fields
        .stemmed
        .iter()
        .map(|&(field, boost)| Disjunct {
            boost,
            exact: vec![term_query(field, &word.text)],
            stems: word
                .stems
                .iter()
                .map(|stem| term_query(field, stem))
                .collect(),
            stem_weight: STEM_WEIGHT,
        })
        .collect();
    for &(field, boost) in &fields.exact {
        disjuncts.push(scored_as_is(term_query(field, &word.text), boost));
    }
    if word.fuzzy() {
        let unknown = if word.unknown {
            fields.fuzzy_if_unknown.as_slice()
        } else {
            &[]
        };
        let excluded: Vec<String> = std::iter::once(&word.text)
            .chain(&word.stems)
            .cloned()
            .collect();
        for &(field, boost) in fields.fuzzy.iter().chain(unknown) {
            let typos = Box::new(TypoQuery {
                field,
                word: word.text.clone(),
                excluded: excluded.clone(),
            });
            disjuncts.push(scored_as_is(
                constant(typos, FUZZY_WEIGHT * word.idf * boost),
                1.0,
            ));
        }
    }
    Box::new(WordQuery {
        disjuncts,
        tie_breaker: FIELD_TIE_BREAKER,
    })
}

/// A disjunct of one clause, its score times `boost`.
fn scored_as_is(query: Box<dyn Query>, boost: f32) -> Disjunct {
    Disjunct {
        boost,
        exact: vec![query],
        stems: Vec::new(),
        stem_weight: 0.0,
    }
}

/// Per skill id: the best of "has it" ([`SKILL_MATCH`] plus [`SKILL_LEVEL_STEP`] per level
/// above 1) and "has a narrower skill" ([`SKILL_NEIGHBOUR`]); summed over the ids.
fn skills_query(fields: &ExpertFields, skills: &[String]) -> Box<dyn Query> {
    let per_skill = skills.iter().take(MAX_SKILL_BOOSTS).map(|id| {
        let has = term_query(fields.skill_ids, id);
        let mut exact: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Should, constant(has, SKILL_MATCH))];
        for level in 2..=MAX_LEVEL {
            let term = term_query(fields.skill_levels, &format!("{level}:{id}"));
            let bonus = SKILL_LEVEL_STEP * f32::from(level - 1);
            exact.push((Occur::Should, constant(term, bonus)));
        }
        let narrower = term_query(fields.skill_broader, id);
        let best: Vec<Box<dyn Query>> = vec![
            Box::new(BooleanQuery::new(exact)),
            constant(narrower, SKILL_NEIGHBOUR),
        ];
        let query: Box<dyn Query> = Box::new(DisjunctionMaxQuery::new(best));
        (Occur::Should, query)
    });
    Box::new(BooleanQuery::new(per_skill.collect()))
}

pub(crate) fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    let term = Term::from_field_text(field, text);
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

pub(crate) fn constant(query: Box<dyn Query>, score: f32) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, score))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(raw: &str) -> Vec<QueryWord> {
        let mut folded = analysis::analyzer(analysis::FOLDED).unwrap();
        analyze(&mut folded, raw)
    }

    fn texts(raw: &str) -> Vec<String> {
        words(raw).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn query_syntax_is_just_separators() {
        assert_eq!(
            texts("title:(rust OR go)^2 -x"),
            ["title", "rust", "or", "go", "2", "x"]
        );
        assert!(texts("+-:\"()[]{}^~* 🚀").is_empty());
        assert_eq!(texts("Jose\u{301} JOSÉ josé"), ["jose"]);
    }

    #[test]
    fn long_text_is_cut_to_distinct_words() {
        let raw: String = (0..3000).map(|i| format!("w{i} ")).collect();
        assert_eq!(words(&raw).len(), MAX_QUERY_WORDS);
        assert_eq!(words(&"abc ".repeat(5000)).len(), 1);
    }

    #[test]
    fn stop_words_are_optional_unless_alone() {
        let query = words("teacher in Dakar");
        let optional: Vec<bool> = query.iter().map(|w| w.optional).collect();
        assert_eq!(optional, [false, true, false]);
        assert!(words("de la").iter().all(|w| !w.optional));
        assert!(
            words("AI engineer").iter().all(|w| !w.optional),
            "ai is a search term"
        );
    }

    #[test]
    fn no_stop_word_is_longer_than_the_bound() {
        assert!(STOP_WORDS.iter().all(|w| w.len() <= STOP_WORD_MAX_BYTES));
        assert!(is_stop_word("avec") && is_stop_word("y"));
        assert!(!is_stop_word("python") && !is_stop_word("it"));
    }

    #[test]
    fn only_long_rare_content_words_are_fuzzy() {
        let mut query = words("cardiolgy with python");
        let fuzzy: Vec<bool> = query.iter().map(QueryWord::fuzzy).collect();
        assert_eq!(fuzzy, [true, false, true]);
        assert!(!words("java")[0].fuzzy());
        query[2].rare = false;
        assert!(!query[2].fuzzy(), "a common word is typed on purpose");
    }

    #[test]
    fn relaxations_step_down_to_any_word() {
        let steps = relaxations;
        assert!(steps(0).is_empty() && steps(1).is_empty());
        assert_eq!(steps(2), [Matching::Any]);
        assert_eq!(steps(3), [Matching::AtLeast(2), Matching::Any]);
        assert_eq!(
            steps(4),
            [Matching::AtLeast(3), Matching::AtLeast(2), Matching::Any]
        );
        assert_eq!(
            steps(8),
            [Matching::AtLeast(7), Matching::AtLeast(4), Matching::Any]
        );
    }

    #[test]
    fn rare_means_a_few_documents_or_one_in_two_hundred() {
        assert!(is_rare(0, 50) && is_rare(3, 50) && !is_rare(4, 50));
        assert!(is_rare(500, 100_000) && !is_rare(501, 100_000));
        assert!(is_rare(5_000, 1_000_000) && !is_rare(5_001, 1_000_000));
    }
}
