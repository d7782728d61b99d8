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
//! segment rather than once per use. The cache is flat ([`FormCache`]): a word's forms sit
//! next to each other in one string, found through a table of 64-bit word hashes, so a
//! lookup touches two places in memory instead of one allocation per form. The output is
//! the same with or without the cache.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Distinct words whose forms a tokenizer remembers; when full, it forgets them all.
const CACHE_WORDS: usize = 50_000;
/// Separates the forms of one word in [`FormCache::text`] (tokens never contain it: they are
/// runs of letters and digits).
const SEPARATOR: char = '\0';

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

/// A 64-bit hash of a word (multiply-rotate over 8-byte chunks): cheap, and good enough to
/// spread words over the table; equality is always checked on the word itself.
fn word_hash(word: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut hash = word.len() as u64;
    for chunk in word.as_bytes().chunks(8) {
        let mut bytes = [0; 8];
        bytes[..chunk.len()].copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(bytes)).wrapping_mul(K);
    }
    hash
}

/// Hashes a `u64` key to itself: the keys of [`FormCache::slots`] are already hashes.
#[derive(Clone, Copy, Debug, Default)]
struct KeyIsHash(u64);

impl Hasher for KeyIsHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The forms of recently seen words: `text` holds, per word, the word then its distinct
/// stems, separated by [`SEPARATOR`]; `slots` maps the word's hash to the byte range of its
/// forms in `text`. Two words with the same hash share a slot (the later one wins).
#[derive(Clone, Debug, Default)]
struct FormCache {
    slots: HashMap<u64, (u32, u32), BuildHasherDefault<KeyIsHash>>,
    text: String,
}

impl FormCache {
    /// The range in `text` of the forms of `word`, stemmed now (and remembered) if needed.
    fn forms_of(&mut self, stemmers: &[Stemmer; 5], word: &str) -> (usize, usize) {
        let hash = word_hash(word);
        if let Some(&(start, end)) = self.slots.get(&hash) {
            let (start, end) = (start as usize, end as usize);
            let forms = &self.text[start..end];
            let same = forms
                .strip_prefix(word)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(SEPARATOR));
            if same {
                return (start, end);
            }
        }
        if self.slots.len() >= CACHE_WORDS || self.text.len() >= u32::MAX as usize / 2 {
            self.slots.clear();
            self.text.clear();
        }
        let mut forms = vec![word.to_owned()];
        push_stems(stemmers, word, &mut forms);
        let start = self.text.len();
        for (i, form) in forms.iter().enumerate() {
            if i > 0 {
                self.text.push(SEPARATOR);
            }
            self.text.push_str(form);
        }
        let end = self.text.len();
        // Both fit: `text` is cleared before it reaches half of `u32::MAX`, and words are
        // under 40 bytes.
        let range = (
            u32::try_from(start).unwrap_or(u32::MAX),
            u32::try_from(end).unwrap_or(u32::MAX),
        );
        self.slots.insert(hash, range);
        (start, end)
    }
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
            cache: FormCache::default(),
        }
    }
}

/// The tokenizer produced by [`MultiStemFilter`] around an inner tokenizer, with its cache
/// of word forms.
#[derive(Clone, Debug)]
pub struct MultiStemTokenizer<T> {
    inner: T,
    cache: FormCache,
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
            next: 0,
            end: 0,
        }
    }
}

/// The token stream of [`MultiStemTokenizer`].
pub struct MultiStemTokenStream<'a, S> {
    tail: S,
    stemmers: [Stemmer; 5],
    cache: &'a mut FormCache,
    /// The token currently emitted (one of the current word's forms).
    token: Token,
    /// The current word's forms not emitted yet: `cache.text[next..end]`.
    next: usize,
    end: usize,
}

impl<S: TokenStream> TokenStream for MultiStemTokenStream<'_, S> {
    fn advance(&mut self) -> bool {
        if self.next < self.end {
            let rest = &self.cache.text[self.next..self.end];
            let form = rest.split(SEPARATOR).next().unwrap_or(rest);
            self.token.text.clear();
            self.token.text.push_str(form);
            self.next += form.len() + SEPARATOR.len_utf8();
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let incoming = self.tail.token();
        let (start, end) = self.cache.forms_of(&self.stemmers, &incoming.text);
        self.token.offset_from = incoming.offset_from;
        self.token.offset_to = incoming.offset_to;
        self.token.position = incoming.position;
        self.token.position_length = incoming.position_length;
        // The first form is the word itself.
        self.token.text.clear();
        self.token.text.push_str(&incoming.text);
        self.next = start + incoming.text.len() + SEPARATOR.len_utf8();
        self.end = end;
        true
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
    fn a_word_sharing_another_word_s_hash_gets_its_own_forms() {
        let stemmers = stemmers();
        let mut cache = FormCache::default();
        let (start, end) = cache.forms_of(&stemmers, "engineers");
        // Make "teachers" look like a hash collision with "engineers".
        let range = (u32::try_from(start).unwrap(), u32::try_from(end).unwrap());
        cache.slots.insert(word_hash("teachers"), range);
        let (start, end) = cache.forms_of(&stemmers, "teachers");
        let forms: Vec<&str> = cache.text[start..end].split(SEPARATOR).collect();
        assert_eq!(forms, word_forms("teachers"));
        // A word that is a prefix of the remembered one is not mistaken for it either.
        let (start, end) = cache.forms_of(&stemmers, "teacher");
        assert_eq!(
            &cache.text[start..end].split(SEPARATOR).next(),
            &Some("teacher")
        );
        assert_eq!(cache.slots.len(), 3, "engineers, teachers, teacher");
    }

    #[test]
    fn a_full_cache_starts_over_with_the_same_output() {
        let stemmers = stemmers();
        let mut cache = FormCache::default();
        for i in 0..=CACHE_WORDS {
            cache.forms_of(&stemmers, &format!("w{i}"));
        }
        assert_eq!(
            cache.slots.len(),
            1,
            "forgotten when full, then the new word"
        );
        let (start, end) = cache.forms_of(&stemmers, "engineers");
        let forms: Vec<&str> = cache.text[start..end].split(SEPARATOR).collect();
        assert_eq!(forms, word_forms("engineers"));
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
