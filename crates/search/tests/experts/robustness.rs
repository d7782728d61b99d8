//! Hostile input never panics or errors (cursors aside), and highlights can never inject
//! markup.

use braingain_search::{ExpertFilter, ExpertQuery, SearchError};

use super::*;

const HOSTILE: &[&str] = &[
    "",
    " \t\n ",
    "+-:\"()[]{}^~*",
    "title:python AND (java OR \"c++\")^3 ~2 -rust",
    "*",
    "?",
    "\\",
    "/regex.*/",
    "headline:* OR 1=1",
    "🚀🔥🙂",
    "🚀hydrology🔥",
    "مهندس مياه",
    "المهندسين الزراعيين",
    "機械学習エンジニア",
    "\u{0}\u{1}\u{7f}",
    "\u{200b}\u{feff}",
    "e\u{301}\u{301}\u{301}",
    "Ω≈ç√∫˜µ≤≥÷",
    "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a",
    "%s%s%s %n",
    "<script>alert(1)</script>",
    "'; DROP TABLE experts; --",
];

#[test]
fn hostile_text_never_fails() {
    let long_words: String = (0..2000).map(|i| format!("word{i} ")).collect();
    let long_one = "x".repeat(10_000);
    let long_mixed = "hydrology 🚀 مياه ".repeat(600);
    let texts = HOSTILE.iter().copied().chain([
        long_words.as_str(),
        long_one.as_str(),
        long_mixed.as_str(),
    ]);
    for raw in texts {
        for limit in [0, 1, 7, 1000] {
            let query = ExpertQuery {
                limit,
                facet_fields: vec!["skill".into(), "language".into()],
                ..text(raw)
            };
            let results = INDEX
                .search(&query)
                .unwrap_or_else(|e| panic!("{raw:?}: {e}"));
            assert!(results.hits.len() <= limit.clamp(1, 100), "{raw:?}");
            assert!(results.total >= results.hits.len());
            assert_eq!(results.facets.len(), 2);
        }
    }
}

#[test]
fn text_with_nothing_searchable_matches_nothing() {
    for raw in ["🚀🔥🙂", "+-:\"()[]{}^~*", "\u{200b}"] {
        let results = search(&text(raw));
        assert_eq!(results.total, 0, "{raw:?}");
    }
}

#[test]
fn arabic_text_is_searchable() {
    // Built from the Arabic stemmer's view of the word: a plural finds a singular.
    let index = ExpertIndex::in_memory().unwrap();
    let doc = braingain_search::ExpertDoc {
        profile_id: "ar-1".into(),
        headline: "مهندس مياه".into(),
        ..braingain_search::ExpertDoc::default()
    };
    index.apply(vec![doc], vec![], "1").unwrap();
    let results = index.search(&text("المهندسين")).unwrap();
    assert_eq!(ids(&results), ["ar-1"]);
    assert!(results.hits[0].highlights[0].contains("<mark>مهندس</mark>"));
}

#[test]
fn hostile_filters_and_facets_are_harmless() {
    let many: Vec<String> = (0..5000).map(|i| format!("C{i}")).collect();
    let filter = ExpertFilter {
        residence_countries: many.clone(),
        origin_countries: vec![String::new(), " ".into(), "\u{0}".into(), "🚀".into()],
        skill_ids: many,
        min_hours_per_month: Some(u32::MAX),
        ..ExpertFilter::default()
    };
    let results = search(&ExpertQuery {
        filter,
        facet_fields: vec!["🚀".into(), String::new(), "skill".into(), "skill".into()],
        ..text("hydrology")
    });
    assert_eq!(results.total, 0);
    assert_eq!(results.facets.keys().collect::<Vec<_>>(), ["skill"]);
}

#[test]
fn foreign_cursors_are_bad_input() {
    for cursor in ["", "garbage", "eyJ2IjoxfQ", &"A".repeat(100_000), "🚀"] {
        let query = ExpertQuery {
            after: Some(cursor.to_owned()),
            ..text("hydrology")
        };
        let error = INDEX.search(&query).unwrap_err();
        assert!(
            matches!(error, SearchError::BadCursor(_)),
            "{cursor:?}: {error}"
        );
    }
}

#[test]
fn highlights_mark_matches_and_escape_everything_else() {
    let results = search(&text("hydrology"));
    let evil = results
        .hits
        .iter()
        .find(|h| h.profile_id == id(33))
        .expect("#33 matches");
    assert!(!evil.highlights.is_empty());
    for snippet in &evil.highlights {
        let without_marks = snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(
            !without_marks.contains('<') && !without_marks.contains('>'),
            "{snippet}"
        );
    }
    assert_eq!(
        evil.highlights[0],
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>hydrology</mark> &amp; \
         &lt;b&gt;bold&lt;/b&gt; claims"
    );
    assert!(evil.highlights[1].contains("&quot;<mark>hydrology</mark>&quot; &lt;img"));
    let amina = &search(&text("flood modelling")).hits[0];
    assert_eq!(amina.profile_id, id(1));
    assert!(amina.highlights.len() <= 3);
    assert!(amina.highlights[0].contains("<mark>flood</mark> risk <mark>modelling</mark>"));
    let label = "<mark>flood</mark> risk <mark>modelling</mark>";
    assert!(
        amina.highlights[1].starts_with(label),
        "skill labels: {:?}",
        amina.highlights
    );
}
