//! Skill autocomplete over the ESCO taxonomy, in English, French and Spanish.

use crate::helpers::TestApp;
use serde_json::{Value, json};

/// ESCO's "utilize machine learning" (fr: "utiliser l'apprentissage automatique").
pub const MACHINE_LEARNING: &str = "8369c2d6-c100-4cf6-bd83-9668d8678433";

async fn suggest(app: &TestApp, query: &str, lang: &str) -> Vec<Value> {
    let body = app
        .gql(
            "query($q: String!, $l: String!) { skills(query: $q, lang: $l, first: 5) { id label(lang: $l) altLabels(lang: $l) } }",
            json!({ "q": query, "l": lang }),
        )
        .await;
    body["data"]["skills"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .clone()
}

fn ids(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| h["id"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn one_skill_is_found_from_any_of_its_languages() {
    let app = TestApp::spawn().await;
    for (query, lang) in [
        ("apprentissage automatique", "fr"),
        ("machine learning", "en"),
        ("aprendizaje automático", "es"),
        ("aprendizaje automatico", "es"),
        ("apprentissage automatique", "en"),
    ] {
        let hits = suggest(&app, query, lang).await;
        assert!(
            ids(&hits)[..3.min(hits.len())].contains(&MACHINE_LEARNING),
            "{query} ({lang}): {hits:?}"
        );
    }
}

#[tokio::test]
async fn labels_come_in_the_asked_language_with_english_fallback() {
    let app = TestApp::spawn().await;
    let fr = suggest(&app, "apprentissage automatique", "fr").await;
    let hit = fr.iter().find(|h| h["id"] == MACHINE_LEARNING).unwrap();
    assert!(
        hit["label"]
            .as_str()
            .unwrap()
            .contains("apprentissage automatique"),
        "{hit}"
    );
    let sw = suggest(&app, "machine learning", "sw").await;
    let hit = sw.iter().find(|h| h["id"] == MACHINE_LEARNING).unwrap();
    assert_eq!(
        hit["label"], "utilize machine learning",
        "Swahili falls back to English"
    );
}

#[tokio::test]
async fn prefixes_and_typos_still_find_the_skill() {
    let app = TestApp::spawn().await;
    for query in ["machine lea", "machne learning"] {
        let hits = suggest(&app, query, "en").await;
        assert!(ids(&hits).contains(&MACHINE_LEARNING), "{query}: {hits:?}");
    }
}

#[tokio::test]
async fn empty_and_hostile_queries_answer_empty_or_plain_results() {
    let app = TestApp::spawn().await;
    assert!(suggest(&app, "   ", "en").await.is_empty());
    for query in ["+-:\"()[]{}^~*", "🙂🙂", &"x".repeat(500), "AND OR NOT"] {
        let body = app
            .gql(
                "query($q: String!) { skills(query: $q) { id } }",
                json!({ "q": query }),
            )
            .await;
        assert!(body["errors"].is_null(), "{query}: {body}");
    }
}

#[tokio::test]
async fn first_bounds_the_number_of_suggestions() {
    let app = TestApp::spawn().await;
    let body = app
        .gql("{ skills(query: \"manage\", first: 3) { id } }", json!({}))
        .await;
    let hits = body["data"]["skills"].as_array().unwrap();
    assert_eq!(hits.len(), 3, "{body}");
    let mut unique = ids(hits);
    unique.dedup();
    assert_eq!(unique.len(), 3);
}
