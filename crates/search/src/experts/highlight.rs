//! Highlighted snippets: `<mark>` around the words that matched, everything else
//! HTML-escaped, so stored text can never inject markup.
//!
//! A document word is marked when it matches a query word the way the index does: their
//! forms (folded word and stems in every language) share a term, or it is one edit away from
//! a query word of 5+ letters where one-edit matching was queried (headline and skills; the
//! biography only for words unknown to the index). At most one snippet per source, in this
//! order: the headline, the matching skill labels, then the window of the biography with the
//! most marked words.

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

use super::query::QueryWord;
use crate::analysis;

/// Snippets of the biography are about this many characters.
const BIO_WINDOW_CHARS: usize = 200;
/// Context kept before the first marked word of a biography window.
const BIO_LEAD_CHARS: usize = 40;
/// The headline is cut to this many characters.
const HEADLINE_MAX_CHARS: usize = 300;
/// At most this many matching skill labels are shown.
const MAX_LABELS: usize = 5;

/// Marks query words in stored text.
pub(crate) struct Highlighter<'q> {
    words: &'q [QueryWord],
    folded: TextAnalyzer,
    /// Whether a (folded word, in a biography) matches, memoised across the page's hits:
    /// stemming every word in five languages is the costly part.
    seen: HashMap<(String, bool), bool>,
}

/// A marked word: byte range in the source text.
type Span = (usize, usize);

impl<'q> Highlighter<'q> {
    pub(crate) fn new(words: &'q [QueryWord], folded: TextAnalyzer) -> Self {
        Self {
            words,
            folded,
            seen: HashMap::new(),
        }
    }

    /// Up to three snippets for one hit.
    pub(crate) fn snippets(&mut self, headline: &str, labels: &[&str], bio: &str) -> Vec<String> {
        let mut out = Vec::new();
        if self.words.is_empty() {
            return out;
        }
        let headline = truncate_chars(headline, HEADLINE_MAX_CHARS);
        let spans = self.spans(headline, false);
        if !spans.is_empty() {
            out.push(render(headline, &spans));
        }
        let mut shown: Vec<String> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for label in labels {
            let spans = self.spans(label, false);
            let folded = analysis::tokens(&mut self.folded, label).join(" ");
            if spans.is_empty() || seen.contains(&folded) {
                continue;
            }
            seen.push(folded);
            shown.push(render(label, &spans));
            if shown.len() == MAX_LABELS {
                break;
            }
        }
        if !shown.is_empty() {
            out.push(shown.join(", "));
        }
        let spans = self.spans(bio, true);
        if !spans.is_empty() {
            out.push(bio_window(bio, &spans));
        }
        out
    }

    /// Byte ranges of the words of `text` (the biography if `bio`) that match a query word.
    fn spans(&mut self, text: &str, bio: bool) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut stream = self.folded.token_stream(text);
        while let Some(token) = stream.next() {
            let key = (token.text.clone(), bio);
            let words = self.words;
            let matched = *self
                .seen
                .entry(key)
                .or_insert_with(|| matches(words, &token.text, bio));
            if matched {
                spans.push((token.offset_from, token.offset_to));
            }
        }
        spans
    }
}

/// Whether the document word `folded` matches one of `words` (see the module documentation).
fn matches(words: &[QueryWord], folded: &str, bio: bool) -> bool {
    let mut forms: Option<Vec<String>> = None;
    words.iter().any(|word| {
        let fuzzy = word.fuzzy() && (!bio || word.unknown);
        if word.text == folded || (fuzzy && one_edit(&word.text, folded)) {
            return true;
        }
        let mut query_forms = std::iter::once(&word.text).chain(&word.stems);
        // Stemmers of Latin-script languages rewrite suffixes only: a word whose first two
        // letters differ from every query form cannot share a stem with it (this skips
        // stemming most words). Arabic stemming also strips prefixes: always stem it.
        if folded.is_ascii() && !query_forms.clone().any(|form| same_start(form, folded)) {
            return false;
        }
        let forms = forms.get_or_insert_with(|| analysis::word_forms(folded));
        query_forms.any(|form| forms.contains(form))
    })
}

/// Whether `a` and `b` start with the same two bytes (or are equal when shorter).
fn same_start(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len()).min(2);
    a.as_bytes()[..n] == b.as_bytes()[..n]
}

/// Whether `a` and `b` are at most one edit apart (insertion, deletion, substitution or swap
/// of adjacent characters), like the index's fuzzy queries.
fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == short.len() {
        return true; // equal, or one trailing insertion
    }
    if short.len() == long.len() {
        let swapped = prefix + 1 < short.len()
            && short[prefix] == long[prefix + 1]
            && short[prefix + 1] == long[prefix]
            && short[prefix + 2..] == long[prefix + 2..];
        return swapped || short[prefix + 1..] == long[prefix + 1..];
    }
    short[prefix..] == long[prefix + 1..]
}

/// `text` with `<mark>` around `spans` (sorted, non-overlapping), HTML-escaped otherwise.
fn render(text: &str, spans: &[Span]) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * 13);
    let mut at = 0;
    for &(from, to) in spans {
        let (Some(before), Some(word)) = (text.get(at..from), text.get(from..to)) else {
            continue;
        };
        escape_into(&mut out, before);
        out.push_str("<mark>");
        escape_into(&mut out, word);
        out.push_str("</mark>");
        at = to;
    }
    escape_into(&mut out, text.get(at..).unwrap_or_default());
    out
}

/// The biography window of about [`BIO_WINDOW_CHARS`] with the most marked words, cut at
/// word boundaries, with `…` where text was cut.
fn bio_window(bio: &str, spans: &[Span]) -> String {
    let window_bytes = |start: usize| byte_after_chars(bio, start, BIO_WINDOW_CHARS);
    let (best, _) = spans
        .iter()
        .enumerate()
        .map(|(i, &(from, _))| {
            let end = window_bytes(from);
            (i, spans[i..].iter().take_while(|s| s.1 <= end).count())
        })
        .fold((0, 0), |best, candidate| {
            if candidate.1 > best.1 {
                candidate
            } else {
                best
            }
        });
    let first = spans[best].0;
    let lead_start = bio[..first]
        .char_indices()
        .rev()
        .nth(BIO_LEAD_CHARS)
        .map_or(0, |(at, _)| at);
    let start = if lead_start == 0 {
        0
    } else {
        // Start at the next word boundary so no word is cut.
        bio[lead_start..first]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(first, |(at, c)| lead_start + at + c.len_utf8())
    };
    let mut end = window_bytes(start);
    if end < bio.len() {
        end = bio[..end]
            .rfind(char::is_whitespace)
            .filter(|&at| at > first)
            .unwrap_or(end);
    }
    let inside: Vec<Span> = spans
        .iter()
        .filter(|s| s.0 >= start && s.1 <= end)
        .map(|s| (s.0 - start, s.1 - start))
        .collect();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(render(bio[start..end].trim_end(), &inside).as_str());
    if end < bio.len() {
        out.push('…');
    }
    out
}

/// The byte offset `chars` characters after byte `start` (or the end of `text`).
fn byte_after_chars(text: &str, start: usize, chars: usize) -> usize {
    text[start..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| start + at)
}

fn truncate_chars(text: &str, chars: usize) -> &str {
    &text[..byte_after_chars(text, 0, chars)]
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::query::analyze;
    use super::*;

    fn snippets(query: &str, headline: &str, labels: &[&str], bio: &str) -> Vec<String> {
        let mut folded = analysis::analyzer(analysis::FOLDED).unwrap();
        let words = analyze(&mut folded, query);
        Highlighter::new(&words, folded).snippets(headline, labels, bio)
    }

    #[test]
    fn matched_words_are_marked_and_the_rest_escaped() {
        let got = snippets("hydrology", "<script>x</script> Hydrology & more", &[], "");
        assert_eq!(
            got,
            ["&lt;script&gt;x&lt;/script&gt; <mark>Hydrology</mark> &amp; more"]
        );
    }

    #[test]
    fn stems_accents_and_typos_are_marked() {
        let got = snippets("engineering cardiolgy", "Engineers in Cardiology", &[], "");
        assert_eq!(got, ["<mark>Engineers</mark> in <mark>Cardiology</mark>"]);
        let got = snippets("jose", "", &["José's skills"], "");
        assert_eq!(got, ["<mark>José</mark>&#39;s skills"]);
    }

    #[test]
    fn labels_are_deduplicated_and_the_bio_is_windowed() {
        let labels = ["Hydrology", "hydrology", "Cooking", "Hydrologie"];
        let bio = format!(
            "{} flood hydrology models {}",
            "intro ".repeat(60),
            "tail ".repeat(60)
        );
        let got = snippets("hydrology", "", &labels, &bio);
        assert_eq!(got[0], "<mark>Hydrology</mark>, <mark>Hydrologie</mark>");
        assert!(
            got[1].starts_with('…') && got[1].ends_with('…'),
            "{}",
            got[1]
        );
        assert!(
            got[1].contains("flood <mark>hydrology</mark> models"),
            "{}",
            got[1]
        );
        assert!(got[1].chars().count() < 260, "{}", got[1]);
    }

    #[test]
    fn any_whitespace_and_script_is_cut_safely() {
        for space in [" ", "\u{a0}", "\u{3000}", "\n", "\u{2003}"] {
            let bio = format!(
                "{}hydrology{}",
                format!("é{space}").repeat(150),
                format!("{space}ü").repeat(150)
            );
            let got = snippets("hydrology", "", &[], &bio);
            assert!(
                got[0].contains("<mark>hydrology</mark>"),
                "{space:?}: {got:?}"
            );
            let arabic = format!("{} مياه {}", "ماء ".repeat(100), "ماء ".repeat(100));
            assert!(snippets("مياه", "", &[], &arabic)[0].contains("<mark>مياه</mark>"));
        }
    }

    #[test]
    fn one_edit_means_one_edit() {
        for (a, b) in [
            ("cardiology", "cardiolgy"),
            ("python", "pyhton"),
            ("water", "waters"),
        ] {
            assert!(one_edit(a, b) && one_edit(b, a), "{a} {b}");
        }
        for (a, b) in [("water", "wafers"), ("python", "ptyhno"), ("ab", "abcd")] {
            assert!(!one_edit(a, b), "{a} {b}");
        }
        assert!(one_edit("", "a") && one_edit("same", "same"));
    }

    #[test]
    fn no_words_no_snippets() {
        assert!(snippets("", "Hydrology", &["Hydrology"], "hydrology").is_empty());
        assert!(snippets("🚀", "Hydrology", &[], "").is_empty());
    }
}
