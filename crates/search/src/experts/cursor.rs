//! Opaque pagination cursors.
//!
//! A cursor is base64url (no padding) of a small JSON object: `{"v":1,"m":"r","k":…,"id":…,
//! "t":…,"w":"m"}`: format version, mode (`r` relevance, `b` browse), the last hit's sort
//! key, its profile id, the `now` of the first page, and for relevance how many words hits
//! had to match (`m` most, `a` any, `2`, `3`… at least that many: [`Matching`]). Later pages
//! reuse that `now` and that matching so the recency factor, every score and the set of hits
//! are those of the first page: with an unchanged index, pages never overlap or skip a hit,
//! and a page never switches between strict and relaxed matching. Cursors issued before `w`
//! existed decode as `a`, the matching that issued them.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use super::coord::Matching;
use crate::error::SearchError;

/// Cursors longer than this are rejected without decoding.
const MAX_CURSOR_CHARS: usize = 1024;
/// The cursor format version.
const VERSION: u8 = 1;
/// Most words a cursor's [`Matching::AtLeast`] may require (queries hold far fewer words).
const MAX_WORDS_REQUIRED: usize = 64;

/// How hits are ordered, which a cursor must agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// By relevance score (text or skill boosts given).
    Relevance,
    /// By last activity (no text: browsing with filters).
    Browse,
}

/// The position after which the next page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub(crate) mode: Mode,
    /// Sort key of the last hit returned (see [`ranking`](super::ranking)).
    pub(crate) key: u64,
    /// Profile id of the last hit returned.
    pub(crate) id: String,
    /// The reference time of the first page.
    pub(crate) now: i64,
    /// The first page's word matching (relevance; [`Matching::Any`] when browsing).
    pub(crate) matching: Matching,
}

#[derive(Serialize, Deserialize)]
struct Wire {
    v: u8,
    m: String,
    k: u64,
    id: String,
    t: i64,
    /// Absent in cursors issued before strict matching (they were `a`) and when browsing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    w: Option<String>,
}

impl Cursor {
    /// The opaque string handed to clients.
    pub(crate) fn encode(&self) -> String {
        let wire = Wire {
            v: VERSION,
            m: match self.mode {
                Mode::Relevance => "r",
                Mode::Browse => "b",
            }
            .to_owned(),
            k: self.key,
            id: self.id.clone(),
            t: self.now,
            w: match (self.mode, self.matching) {
                (Mode::Browse, _) => None,
                (Mode::Relevance, Matching::Most) => Some("m".to_owned()),
                (Mode::Relevance, Matching::Any) => Some("a".to_owned()),
                (Mode::Relevance, Matching::AtLeast(k)) => Some(k.to_string()),
            },
        };
        // Serialising a struct of strings and integers cannot fail; an empty cursor would
        // only be rejected on the next page.
        let json = serde_json::to_vec(&wire).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    /// Parses a cursor issued by [`encode`](Self::encode).
    ///
    /// # Errors
    /// [`SearchError::BadCursor`] for anything else.
    pub(crate) fn decode(text: &str) -> Result<Self, SearchError> {
        let invalid = |why: &str| SearchError::BadCursor(why.to_owned());
        if text.len() > MAX_CURSOR_CHARS {
            return Err(invalid("too long"));
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(text.trim())
            .map_err(|_| invalid("not base64url"))?;
        let wire: Wire = serde_json::from_slice(&bytes).map_err(|_| invalid("malformed"))?;
        if wire.v != VERSION {
            return Err(invalid("unknown version"));
        }
        let mode = match wire.m.as_str() {
            "r" => Mode::Relevance,
            "b" => Mode::Browse,
            _ => return Err(invalid("unknown mode")),
        };
        let matching = match wire.w.as_deref() {
            None | Some("a") => Matching::Any,
            Some("m") => Matching::Most,
            Some(k) => match k.parse::<usize>() {
                Ok(k) if (2..=MAX_WORDS_REQUIRED).contains(&k) => Matching::AtLeast(k),
                _ => return Err(invalid("unknown matching")),
            },
        };
        Ok(Self {
            mode,
            key: wire.k,
            id: wire.id,
            now: wire.t,
            matching,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_from_before_strict_matching_continue_with_any_word() {
        let old = URL_SAFE_NO_PAD.encode(r#"{"v":1,"m":"r","k":7,"id":"a","t":3}"#);
        let cursor = Cursor::decode(&old).unwrap();
        assert_eq!(
            (cursor.mode, cursor.matching),
            (Mode::Relevance, Matching::Any)
        );
        assert_eq!((cursor.key, cursor.now), (7, 3));
    }

    #[test]
    fn cursors_round_trip() {
        let kinds = [
            (Mode::Relevance, Matching::Most),
            (Mode::Relevance, Matching::Any),
            (Mode::Relevance, Matching::AtLeast(2)),
            (Mode::Relevance, Matching::AtLeast(5)),
            (Mode::Browse, Matching::Any),
        ];
        for (mode, matching) in kinds {
            let cursor = Cursor {
                mode,
                key: u64::MAX - 3,
                id: "0191-ab\"é".into(),
                now: -17,
                matching,
            };
            let text = cursor.encode();
            assert!(
                text.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            );
            assert_eq!(Cursor::decode(&text).unwrap(), cursor);
        }
    }

    #[test]
    fn foreign_cursors_are_invalid_not_panics() {
        let long = "A".repeat(5000);
        let wrong_version = URL_SAFE_NO_PAD.encode(r#"{"v":9,"m":"r","k":1,"id":"a","t":0}"#);
        let wrong_mode = URL_SAFE_NO_PAD.encode(r#"{"v":1,"m":"x","k":1,"id":"a","t":0}"#);
        let negative_key = URL_SAFE_NO_PAD.encode(r#"{"v":1,"m":"r","k":-1,"id":"a","t":0}"#);
        let wrong_matching = |w: &str| {
            URL_SAFE_NO_PAD.encode(format!(
                r#"{{"v":1,"m":"r","k":1,"id":"a","t":0,"w":"{w}"}}"#
            ))
        };
        let wrong_matchings =
            ["x", "0", "1", "65", "-2", "2.5", "99999999999999999999999"].map(wrong_matching);
        for text in [
            "",
            "!!!",
            "e30",
            "🚀",
            long.as_str(),
            &wrong_version,
            &wrong_mode,
            &negative_key,
        ]
        .into_iter()
        .chain(wrong_matchings.iter().map(String::as_str))
        {
            assert!(
                matches!(Cursor::decode(text), Err(SearchError::BadCursor(_))),
                "{text:?}"
            );
        }
    }
}
