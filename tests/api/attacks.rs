//! Attacks on the GraphQL endpoint beyond size and depth (see `graphql_http`): expensive
//! fields multiplied by aliases, duplicated fields, piled-up directives, and introspection
//! switched off for production.

use crate::helpers::{TestApp, error_code};
use serde_json::json;

#[tokio::test]
async fn attacks_aliases_cannot_multiply_expensive_searches() {
    let app = TestApp::spawn().await;
    // A handful of searches in one document is a legitimate dashboard...
    let few: String = (0..3)
        .map(|i| format!("s{i}: searchExperts(query: \"water\") {{ totalCount }} "))
        .collect();
    let body = app.gql(&format!("{{ {few} }}"), json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    // ...a hundred is an amplification attack, refused before any of them runs.
    for field in [
        "searchExperts(query: \"water\") { totalCount }",
        "searchRequests(query: \"water\") { score }",
        "skills(query: \"wat\") { id }",
        "networkStats { experts }",
    ] {
        let many: String = (0..100).map(|i| format!("s{i}: {field} ")).collect();
        let body = app.gql(&format!("{{ {many} }}"), json!({})).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{field}: {body}");
        assert!(body["data"].is_null(), "{field}: {body}");
    }
}

#[tokio::test]
async fn attacks_duplicated_fields_are_merged_or_refused() {
    let app = TestApp::spawn().await;
    // The same field many times over merges into one answer...
    let fields = "__typename ".repeat(5000);
    let body = app.gql(&format!("{{ {fields} }}"), json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(body["data"], json!({ "__typename": "Query" }));
    // ...and duplicated selections that resolve something count against the complexity limit.
    let fields = "me { id } ".repeat(2000);
    let body = app.gql(&format!("{{ {fields} }}"), json!({})).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
}

#[tokio::test]
async fn attacks_piled_up_directives_are_refused() {
    let app = TestApp::spawn().await;
    let directives = "@include(if: true) ".repeat(50);
    let body = app
        .gql(&format!("{{ me {directives} {{ id }} }}"), json!({}))
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
}

#[tokio::test]
async fn attacks_introspection_can_be_switched_off_for_production() {
    let app = TestApp::spawn_with(|s| s.graphql.introspection = false).await;
    let body = app
        .gql("{ __schema { queryType { name } } }", json!({}))
        .await;
    assert!(
        body["data"].is_null() || body["data"]["__schema"].is_null(),
        "introspection answered: {body}"
    );
    let body = app
        .gql("{ __type(name: \"Query\") { name } }", json!({}))
        .await;
    assert!(
        body["data"].is_null() || body["data"]["__type"].is_null(),
        "type introspection answered: {body}"
    );
    // Ordinary queries still work.
    let body = app.gql("{ networkStats { experts } }", json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(body["data"]["networkStats"]["experts"], 0);
}
