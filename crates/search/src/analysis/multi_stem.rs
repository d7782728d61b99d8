//! A token filter that adds, at each word's position, the word's stems in every language we
//! stem (English, French, Spanish, Portuguese, Arabic).
//!
//! Expert profiles carry no language tag and are often bilingual, so one field holds the
//! folded word *and* its distinct stems: a query word matches a document word when their
//! forms ([`word_forms`]) share a term. The exact word is one of the forms, so an exact
//! match always matches more terms than a stem-only one.
//!
//! Stemming a word five times costs more than indexing it, and profiles repeat the same words
//! (skill labels, ESCO descriptions) endlessly, so each tokenizer remembers the forms of the
//! last [`CACHE_WORDS`] distinct words it met: a bulk rebuild stems most words once per
//! segment rather than once per use. The output is the same with or without the cache.

use std::collections::HashMap;
use std::sync::Arc;

use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Distinct words whose forms a tokenizer remembers; when full, it forgets them all.
const CACHE_WORDS: usize = 20_000;

/// The stemming algorithms applied, in the order their stems are emitted.
const ALGORITHMS: [Algorithm; 5] = [
    Algorithm::English,
    Algorithm::French,
    Algorithm::Spanish,
    Algorithm::Portuguese,
    Algorithm::Arabic,
];

/// The stemmers of [`ALGORITHMS`] (`Copy`, cheap to build).
fn stemmers() -> [Stemmer; 5] {
    ALGORITHMS.map(Stemmer::new)
}

/// Pushes the distinct stems of `word` (which may include `word` itself) onto `out`, after
/// whatever `out` already holds; empty stems are skipped.
fn push_stems(stemmers: &[Stemmer; 5], word: &str, out: &mut Vec<String>) {
    for stemmer in stemmers {
        let stem = stemmer.stem(word);
        if !stem.is_empty() && !out.iter().any(|known| *known == stem) {
            out.push(stem.into_owned());
        }
    }
}

/// The folded `word` followed by its distinct stems in every language (the word itself is
/// not repeated): `"engineers"` → `["engineers", "engin", "engineer"]`.
#[must_use]
pub fn word_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_owned()];
    push_stems(&stemmers(), word, &mut forms);
    forms
}

/// The distinct stems of `word` in every language, which may include `word` itself when a
/// stemmer leaves it unchanged.
#[must_use]
pub fn stems(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    push_stems(&stemmers(), word, &mut out);
    out
}

/// Emits, for every incoming token, the token then its distinct stems (see [`word_forms`]),
/// all sharing the token's offsets and position.
#[derive(Clone, Copy, Debug, Default)]
pub struct MultiStemFilter;

impl TokenFilter for MultiStemFilter {
    type Tokenizer<T: Tokenizer> = MultiStemTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MultiStemTokenizer<T> {
        MultiStemTokenizer {
            inner: tokenizer,
            cache: HashMap::new(),
        }
    }
}

/// The tokenizer produced by [`MultiStemFilter`] around an inner tokenizer, with its cache
/// of word forms.
#[derive(Clone, Debug)]
pub struct MultiStemTokenizer<T> {
    inner: T,
    cache: HashMap<String, Arc<[String]>>,
}

impl<T: Tokenizer> Tokenizer for MultiStemTokenizer<T> {
    type TokenStream<'a> = MultiStemTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let Self { inner, cache } = self;
        MultiStemTokenStream {
            tail: inner.token_stream(text),
            stemmers: stemmers(),
            cache,
            token: Token::default(),
            forms: Arc::from([]),
            next: 0,
        }
    }
}

/// The token stream of [`MultiStemTokenizer`].
pub struct MultiStemTokenStream<'a, S> {
    tail: S,
    stemmers: [Stemmer; 5],
    cache: &'a mut HashMap<String, Arc<[String]>>,
    /// The token currently emitted (one of `forms`).
    token: Token,
    /// The current word's forms: the word, then its distinct stems.
    forms: Arc<[String]>,
    next: usize,
}

impl<S> MultiStemTokenStream<'_, S> {
    /// The forms of `word`, from the cache or stemmed now (and remembered).
    fn forms_of(&mut self, word: &str) -> Arc<[String]> {
        if let Some(forms) = self.cache.get(word) {
            return forms.clone();
        }
        let mut forms = vec![word.to_owned()];
        push_stems(&self.stemmers, word, &mut forms);
        let forms: Arc<[String]> = forms.into();
        if self.cache.len() >= CACHE_WORDS {
            self.cache.clear();
        }
        self.cache.insert(word.to_owned(), forms.clone());
        forms
    }
}

impl<S: TokenStream> TokenStream for MultiStemTokenStream<'_, S> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(form) = self.forms.get(self.next) {
                self.next += 1;
                self.token.text.clear();
                self.token.text.push_str(form);
                return true;
            }
            if !self.tail.advance() {
                return false;
            }
            let incoming = self.tail.token();
            self.token.offset_from = incoming.offset_from;
            self.token.offset_to = incoming.offset_to;
            self.token.position = incoming.position;
            self.token.position_length = incoming.position_length;
            let word = std::mem::take(&mut self.tail.token_mut().text);
            self.forms = self.forms_of(&word);
            self.tail.token_mut().text = word;
            self.next = 0;
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{SimpleTokenizer, TextAnalyzer};

    use super::*;

    fn run(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(MultiStemFilter)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((token.text.clone(), token.position));
        }
        out
    }

    #[test]
    fn each_word_is_followed_by_its_distinct_stems_at_its_position() {
        let tokens = run("engineers x");
        assert_eq!(tokens[0], ("engineers".to_owned(), 0));
        assert!(
            tokens.iter().any(|(t, p)| t == "engin" && *p == 0),
            "{tokens:?}"
        );
        assert_eq!(tokens.last(), Some(&("x".to_owned(), 1)));
        let texts: Vec<&String> = tokens.iter().map(|(t, _)| t).collect();
        let mut unique = texts.clone();
        unique.dedup();
        assert_eq!(texts.len(), unique.len(), "no duplicate forms: {texts:?}");
    }

    #[test]
    fn a_repeated_word_gets_the_same_forms_from_the_cache() {
        let tokens = run("engineers build engineers");
        let at = |p: usize| -> Vec<&String> {
            tokens
                .iter()
                .filter(|(_, q)| *q == p)
                .map(|(t, _)| t)
                .collect()
        };
        assert_eq!(at(0), at(2));
        let forms = word_forms("engineers");
        assert_eq!(at(2), forms.iter().collect::<Vec<_>>());
    }

    #[test]
    fn forms_cover_every_language() {
        assert!(word_forms("programadores").contains(&"program".to_owned()));
        assert!(word_forms("engenheiros").contains(&"engenheir".to_owned()));
        assert!(word_forms("المهندسين").contains(&"مهندس".to_owned()));
        assert_eq!(word_forms("python")[0], "python");
        assert!(
            stems("hydrologie")
                .iter()
                .any(|s| stems("hydrology").contains(s))
        );
    }
}
