//! A token filter that adds, at each word's position, the word's stems in every language we
//! stem (English, French, Spanish, Portuguese, Arabic).
//!
//! Expert profiles carry no language tag and are often bilingual, so one field holds the
//! folded word *and* its distinct stems: a query word matches a document word when their
//! forms ([`word_forms`]) share a term. The exact word is one of the forms, so an exact
//! match always matches more terms than a stem-only one.

use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

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
        MultiStemTokenizer { inner: tokenizer }
    }
}

/// The tokenizer produced by [`MultiStemFilter`] around an inner tokenizer.
#[derive(Clone, Debug)]
pub struct MultiStemTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for MultiStemTokenizer<T> {
    type TokenStream<'a> = MultiStemTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MultiStemTokenStream {
            tail: self.inner.token_stream(text),
            stemmers: stemmers(),
            token: Token::default(),
            forms: Vec::new(),
            next: 0,
        }
    }
}

/// The token stream of [`MultiStemTokenizer`].
pub struct MultiStemTokenStream<S> {
    tail: S,
    stemmers: [Stemmer; 5],
    /// The token currently emitted (one of `forms`).
    token: Token,
    /// The current word's forms: the word, then its distinct stems.
    forms: Vec<String>,
    next: usize,
}

impl<S: TokenStream> TokenStream for MultiStemTokenStream<S> {
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
            self.forms.clear();
            self.forms.push(incoming.text.clone());
            push_stems(&self.stemmers, &incoming.text, &mut self.forms);
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
