//! A token filter that replaces each word by its prefixes ("edge n-grams").
//!
//! Unlike tantivy's `NgramTokenizer::prefix_only`, which takes prefixes of the whole text, this
//! works word by word after the tokenizer and the other filters, so `machine learning` yields
//! `m ma … machine l le … learning` and a query for the prefix `lea` is one term lookup.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Emits, for every incoming token, its prefixes of `min_chars..=max_chars` characters (a
/// token shorter than `min_chars` yields nothing). Prefixes share the token's offsets and
/// position.
#[derive(Clone, Copy, Debug)]
pub struct EdgeNgramFilter {
    min_chars: usize,
    max_chars: usize,
}

impl EdgeNgramFilter {
    /// A filter emitting prefixes of `min_chars` to `max_chars` characters (`min_chars` is
    /// raised to at least 1).
    #[must_use]
    pub fn new(min_chars: usize, max_chars: usize) -> Self {
        Self {
            min_chars: min_chars.max(1),
            max_chars,
        }
    }
}

impl TokenFilter for EdgeNgramFilter {
    type Tokenizer<T: Tokenizer> = EdgeNgramTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> EdgeNgramTokenizer<T> {
        EdgeNgramTokenizer {
            inner: tokenizer,
            filter: self,
        }
    }
}

/// The tokenizer produced by [`EdgeNgramFilter`] around an inner tokenizer.
#[derive(Clone, Debug)]
pub struct EdgeNgramTokenizer<T> {
    inner: T,
    filter: EdgeNgramFilter,
}

impl<T: Tokenizer> Tokenizer for EdgeNgramTokenizer<T> {
    type TokenStream<'a> = EdgeNgramTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        EdgeNgramTokenStream {
            tail: self.inner.token_stream(text),
            filter: self.filter,
            token: Token::default(),
            word: String::new(),
            ends: Vec::new(),
            next_end: 0,
        }
    }
}

/// The token stream of [`EdgeNgramTokenizer`].
#[derive(Debug)]
pub struct EdgeNgramTokenStream<S> {
    tail: S,
    filter: EdgeNgramFilter,
    /// The token currently emitted (a prefix of `word`).
    token: Token,
    /// The current incoming word.
    word: String,
    /// Byte offsets in `word` where the emitted prefixes end.
    ends: Vec<usize>,
    next_end: usize,
}

impl<S: TokenStream> TokenStream for EdgeNgramTokenStream<S> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(&end) = self.ends.get(self.next_end) {
                self.next_end += 1;
                self.token.text.clear();
                self.token.text.push_str(&self.word[..end]);
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
            self.word.clear();
            self.word.push_str(&incoming.text);
            self.ends.clear();
            self.next_end = 0;
            let prefix_ends = self.word.char_indices().map(|(at, c)| at + c.len_utf8());
            for (chars, end) in (1..).zip(prefix_ends) {
                if chars > self.filter.max_chars {
                    break;
                }
                if chars >= self.filter.min_chars {
                    self.ends.push(end);
                }
            }
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

    fn prefixes(filter: EdgeNgramFilter, text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(filter)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((token.text.clone(), token.position));
        }
        out
    }

    #[test]
    fn prefixes_respect_bounds_and_char_boundaries() {
        let got = prefixes(EdgeNgramFilter::new(2, 3), "añob x abcd");
        let want = [("añ", 0), ("año", 0), ("ab", 2), ("abc", 2)];
        let want: Vec<(String, usize)> = want.iter().map(|(t, p)| ((*t).to_owned(), *p)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn empty_text_yields_nothing() {
        assert!(prefixes(EdgeNgramFilter::new(0, 10), "  ,; ").is_empty());
    }
}
