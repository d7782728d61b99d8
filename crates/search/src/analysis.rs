//! Text analyzers shared by every BrainGain index.
//!
//! All analyzers but [`EXACT`] split text on anything that is not a letter or a digit (so `’`, `'`, `-`,
//! `+`, `:` … are separators and apostrophe styles never matter), drop tokens of
//! [`MAX_TOKEN_BYTES`] bytes or more, lowercase, and fold diacritics to ASCII (`José` → `jose`,
//! `enseñanza` → `ensenanza`, `cœur` → `coeur`). On top of that:
//!
//! - [`EXACT`] keeps the whole text as one token (lowercased and folded, punctuation kept),
//!   so `C++` and `C#` can be told apart when a whole label is typed.
//! - [`FOLDED`] stops there: one token per word, for exact and fuzzy word matching.
//! - [`EDGE_NGRAM`] also emits every prefix of every word (`learning` → `l`, `le`, … `learning`),
//!   so a prefix query is a single term lookup.
//! - [`STEM_EN`], [`STEM_FR`], [`STEM_ES`], [`STEM_PT`], [`STEM_AR`] also stem with the
//!   Snowball stemmer of that language. Folding runs *before* stemming so that a word typed
//!   with or without accents gets the same stem (the stemmers then see unaccented French and
//!   Spanish, which costs a few conflations but keeps query and index consistent).
//! - [`MULTI_STEM`] emits each folded word followed by its distinct stems in all five
//!   languages at the same position ([`MultiStemFilter`]), for text whose language is unknown
//!   (expert profiles).
//!
//! Register them on an index with [`register`] before writing or querying it; build one for
//! query-side analysis with [`analyzer`].

mod edge_ngram;
mod multi_stem;

pub use edge_ngram::EdgeNgramFilter;
pub use multi_stem::{MultiStemFilter, stems, word_forms};

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, TextAnalyzerBuilder, TokenizerManager,
};

/// The whole text as one token, lowercased and folded to ASCII (`’` → `'`); callers should
/// trim it and collapse runs of whitespace first.
pub const EXACT: &str = "braingain_exact";
/// Words, lowercased and folded to ASCII; no stemming.
pub const FOLDED: &str = "braingain_folded";
/// Every prefix of every folded word (edge n-grams), for type-ahead matching.
pub const EDGE_NGRAM: &str = "braingain_edge_ngram";
/// Folded words stemmed with the English Snowball stemmer.
pub const STEM_EN: &str = "braingain_stem_en";
/// Folded words stemmed with the French Snowball stemmer.
pub const STEM_FR: &str = "braingain_stem_fr";
/// Folded words stemmed with the Spanish Snowball stemmer.
pub const STEM_ES: &str = "braingain_stem_es";
/// Folded words stemmed with the Portuguese Snowball stemmer.
pub const STEM_PT: &str = "braingain_stem_pt";
/// Arabic words (lowercasing and folding leave them unchanged) stemmed with the Arabic
/// Snowball stemmer.
pub const STEM_AR: &str = "braingain_stem_ar";
/// Folded words, each followed by its distinct stems in English, French, Spanish, Portuguese
/// and Arabic at the same position (see [`word_forms`]).
pub const MULTI_STEM: &str = "braingain_multi_stem";

/// Tokens of this many bytes or more are dropped (nobody types them; they only bloat the index).
pub const MAX_TOKEN_BYTES: usize = 40;

/// The language codes that have a stemming analyzer, with its name.
pub const STEMMED_LANGUAGES: [(&str, &str); 5] = [
    ("en", STEM_EN),
    ("fr", STEM_FR),
    ("es", STEM_ES),
    ("pt", STEM_PT),
    ("ar", STEM_AR),
];

/// The name of the stemming analyzer for an ISO 639-1 language code (`"fr"`), if there is one.
#[must_use]
pub fn stem_analyzer_name(lang: &str) -> Option<&'static str> {
    STEMMED_LANGUAGES
        .iter()
        .find(|(code, _)| *code == lang)
        .map(|(_, name)| *name)
}

/// Builds the analyzer registered under `name`, or `None` if `name` is not one of ours.
#[must_use]
pub fn analyzer(name: &str) -> Option<TextAnalyzer> {
    let stem = |language| folded_builder().filter(Stemmer::new(language)).build();
    Some(match name {
        EXACT => TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
        FOLDED => folded_builder().build(),
        EDGE_NGRAM => folded_builder()
            .filter(EdgeNgramFilter::new(1, MAX_TOKEN_BYTES))
            .build(),
        STEM_EN => stem(Language::English),
        STEM_FR => stem(Language::French),
        STEM_ES => stem(Language::Spanish),
        STEM_PT => stem(Language::Portuguese),
        STEM_AR => stem(Language::Arabic),
        MULTI_STEM => folded_builder().filter(MultiStemFilter).build(),
        _ => return None,
    })
}

/// Registers every analyzer of this module on `manager` (`index.tokenizers()`).
pub fn register(manager: &TokenizerManager) {
    let names = [EXACT, FOLDED, EDGE_NGRAM, MULTI_STEM]
        .into_iter()
        .chain(STEMMED_LANGUAGES.iter().map(|(_, name)| *name));
    for name in names {
        if let Some(built) = analyzer(name) {
            manager.register(name, built);
        }
    }
}

/// Runs `analyzer` over `text` and returns the token texts in order.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

fn folded_builder() -> TextAnalyzerBuilder<impl tantivy::tokenizer::Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, text: &str) -> Vec<String> {
        let mut analyzer = analyzer(name).unwrap();
        tokens(&mut analyzer, text)
    }

    #[test]
    fn folding_ignores_case_accents_and_apostrophe_styles() {
        assert_eq!(run(FOLDED, "José"), run(FOLDED, "jose"));
        assert_eq!(
            run(FOLDED, "utiliser l’apprentissage automatique"),
            run(FOLDED, "UTILISER L'APPRENTISSAGE AUTOMATIQUE")
        );
        assert_eq!(run(FOLDED, "enseñanza cœur"), ["ensenanza", "coeur"]);
    }

    #[test]
    fn exact_keeps_punctuation_but_folds_case_accents_and_apostrophes() {
        assert_eq!(run(EXACT, "C++"), ["c++"]);
        assert_eq!(run(EXACT, "Gestión d’Été"), ["gestion d'ete"]);
    }

    #[test]
    fn edge_ngrams_are_every_prefix_of_every_word() {
        assert_eq!(
            run(EDGE_NGRAM, "Ré ab"),
            ["r", "re", "a", "ab"],
            "prefixes of folded words, word by word"
        );
    }

    #[test]
    fn stemmers_conflate_inflections_with_or_without_accents() {
        assert_eq!(run(STEM_EN, "compilers"), run(STEM_EN, "compiler"));
        assert_eq!(run(STEM_FR, "développeuses"), run(STEM_FR, "developpeuses"));
        assert_eq!(run(STEM_ES, "programadores"), ["program"]);
        assert_eq!(run(STEM_PT, "engenheiros"), ["engenheir"]);
        assert_eq!(run(STEM_AR, "المهندسين"), ["مهندس"]);
    }

    #[test]
    fn every_stemmed_language_has_a_registered_analyzer() {
        let manager = TokenizerManager::new();
        register(&manager);
        for (lang, name) in STEMMED_LANGUAGES {
            assert_eq!(stem_analyzer_name(lang), Some(name));
            assert!(manager.get(name).is_some(), "{name} not registered");
        }
        for name in [EXACT, FOLDED, EDGE_NGRAM, MULTI_STEM] {
            assert!(manager.get(name).is_some(), "{name} not registered");
        }
        assert_eq!(stem_analyzer_name("de"), None);
        assert!(analyzer("nope").is_none());
    }

    #[test]
    fn multi_stem_folds_then_adds_every_language_stem() {
        let tokens = run(MULTI_STEM, "Développeuses");
        assert_eq!(tokens[0], "developpeuses");
        assert!(tokens.contains(&"developp".to_owned()), "{tokens:?}");
        assert_eq!(run(MULTI_STEM, "José"), run(MULTI_STEM, "jose"));
    }

    #[test]
    fn overlong_tokens_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_BYTES);
        assert_eq!(run(FOLDED, &format!("ok {long}")), ["ok"]);
    }
}
