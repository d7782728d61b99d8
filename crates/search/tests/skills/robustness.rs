//! Hostile and degenerate input never errors or panics, and results are always well-formed.

use std::collections::HashSet;

use super::*;

const HOSTILE: &[&str] = &[
    "",
    " ",
    "\t\n ",
    "+-:\"()[]{}^~*",
    "title:python AND (java OR \"c++\")^3 ~2 -rust",
    "*",
    "?",
    "\\",
    "/regex.*/",
    "'''",
    "’’’",
    "🚀🔥🙂",
    "🚀python🔥",
    "تعلم الآلة",
    "機械学習",
    "\u{0}\u{1}\u{7f}",
    "\u{200b}\u{feff}",
    "e\u{301}\u{301}\u{301}",
    "Ω≈ç√∫˜µ≤≥÷",
    "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a",
    "%s%s%s %n",
    "<script>alert(1)</script>",
    "'; DROP TABLE skills; --",
];

#[test]
fn empty_and_whitespace_queries_return_nothing() {
    for query in ["", " ", "\t\n ", "   \u{a0} "] {
        assert!(suggest(query, Some("en"), 10).is_empty(), "{query:?}");
    }
}

#[test]
fn punctuation_and_emoji_only_return_nothing() {
    for query in ["+-:\"()[]{}^~*", "🚀🔥🙂", "’'…", "---"] {
        assert!(suggest(query, None, 10).is_empty(), "{query:?}");
    }
}

#[test]
fn hostile_inputs_are_ok_in_every_language_setting() {
    for query in HOSTILE {
        for lang in [
            None,
            Some("en"),
            Some("fr"),
            Some("es"),
            Some("ar"),
            Some(""),
            Some("💥"),
        ] {
            let result = INDEX.suggest(query, lang, 10);
            assert!(result.is_ok(), "{query:?} {lang:?}: {result:?}");
        }
    }
}

#[test]
fn query_syntax_characters_are_plain_separators() {
    // Words survive, operators are ignored: this is the same as "machine learning".
    let noisy = ids("+machine: -(learning)^~*", Some("en"), 5);
    assert_eq!(noisy, ids("machine learning", Some("en"), 5));
    assert_eq!(noisy[0], MACHINE_LEARNING);
}

#[test]
fn very_long_input_is_truncated_not_rejected() {
    let long = "machine learning ".repeat(1_000);
    assert_eq!(ids(&long, Some("en"), 1), [MACHINE_LEARNING]);
    let junk = "x".repeat(100_000);
    assert!(suggest(&junk, None, 10).is_empty());
    let multibyte = "é".repeat(10_000);
    assert!(INDEX.suggest(&multibyte, None, 10).is_ok());
}

#[test]
fn decomposed_accents_match_like_composed_ones() {
    let nfd = "aprendizaje automa\u{301}tico";
    assert_eq!(
        ids(nfd, Some("es"), 5),
        ids("aprendizaje automático", Some("es"), 5)
    );
}

#[test]
fn limit_is_respected() {
    assert!(suggest("a", None, 0).is_empty());
    for limit in [1, 3, 10, 100] {
        assert_eq!(suggest("a", None, limit).len(), limit);
    }
    assert_eq!(suggest("cardiology", Some("en"), usize::MAX).len(), 1);
}

#[test]
fn no_skill_is_suggested_twice() {
    for (query, lang) in [
        ("python", None),
        ("gestion", Some("fr")),
        ("a", None),
        ("use", Some("en")),
        ("enseñ", Some("es")),
        ("data", None),
    ] {
        let found = ids(query, lang, 200);
        let unique: HashSet<&String> = found.iter().collect();
        assert_eq!(
            unique.len(),
            found.len(),
            "{query}: duplicates in {found:?}"
        );
        assert!(!found.is_empty(), "{query}");
    }
}

#[test]
fn suggestions_are_sorted_and_well_formed() {
    for (query, lang) in [
        ("manage", Some("en")),
        ("gérer", Some("fr")),
        ("softwre", None),
    ] {
        let found = suggest(query, lang, 50);
        assert!(!found.is_empty(), "{query}");
        assert!(
            found.windows(2).all(|w| w[0].score >= w[1].score),
            "{query}: not sorted"
        );
        for s in &found {
            assert!(["en", "fr", "es"].contains(&s.lang.as_str()), "{s:?}");
            assert!(!s.id.is_empty() && !s.matched_label.is_empty(), "{s:?}");
            assert!(s.score.is_finite() && s.score > 0.0, "{s:?}");
        }
    }
}
