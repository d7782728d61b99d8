//! The GraphQL endpoint's guards: size, depth, complexity, batches, GET, and error codes.

use crate::helpers::{TestApp, error_code};
use serde_json::{Value, json};

#[tokio::test]
async fn an_oversized_body_is_refused_with_413() {
    let app = TestApp::spawn().await;
    let query = format!("{{ me {{ id }} }} # {}", "x".repeat(300 * 1024));
    let (status, body) = app.post_raw(json!({ "query": query }).to_string()).await;
    assert_eq!(status, 413);
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
}

#[tokio::test]
async fn a_too_deep_query_is_refused() {
    let app = TestApp::spawn().await;
    let mut inner = "name".to_owned();
    for _ in 0..20 {
        inner = format!("ofType {{ {inner} }}");
    }
    let query = format!("{{ __schema {{ types {{ fields {{ type {{ {inner} }} }} }} }} }}");
    let body = app.gql(&query, json!({})).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("nested too deep"),
        "{body}"
    );
}

#[tokio::test]
async fn a_too_wide_query_is_refused() {
    let app = TestApp::spawn().await;
    let fields: String = (0..1100).map(|i| format!("m{i}: me {{ id }} ")).collect();
    let body = app.gql(&format!("{{ {fields} }}"), json!({})).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("complex"),
        "{body}"
    );
}

#[tokio::test]
async fn a_batch_over_the_cap_is_refused_whole() {
    let app = TestApp::spawn().await;
    let op = json!({ "query": "mutation { register(input: {email: \"x@example.org\", password: \"correct horse battery\", displayName: \"X\", role: EXPERT}) { accessToken } }" });
    let (status, body) = app.post_raw(Value::Array(vec![op; 11]).to_string()).await;
    assert_eq!(status, 400);
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert_eq!(
        error_code(
            &app.login_raw("x@example.org", "correct horse battery")
                .await
        ),
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn a_batch_within_the_cap_answers_each_operation() {
    let app = TestApp::spawn().await;
    let batch = json!([{ "query": "{ me { id } }" }, { "query": "{ __typename }" }]);
    let (status, body) = app.post_raw(batch.to_string()).await;
    assert_eq!(status, 200);
    assert!(body[0]["data"]["me"].is_null());
    assert_eq!(body[1]["data"]["__typename"], "Query");
}

#[tokio::test]
async fn mutations_never_run_over_get() {
    let app = TestApp::spawn().await;
    let query = "mutation { register(input: {email: \"get@example.org\", password: \"correct horse battery\", displayName: \"G\", role: EXPERT}) { accessToken } }";
    let url = format!("/graphql?query={}", urlencode(query));
    let (status, text) = app.get(&url).await;
    assert_eq!(status, 405, "{text}");
    assert_eq!(
        error_code(
            &app.login_raw("get@example.org", "correct horse battery")
                .await
        ),
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn queries_run_over_get_and_browsers_get_graphiql() {
    let app = TestApp::spawn().await;
    let (status, text) = app
        .get(&format!("/graphql?query={}", urlencode("{ __typename }")))
        .await;
    assert_eq!(status, 200);
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["data"]["__typename"], "Query");
    let (status, html) = app.get("/graphql").await;
    assert_eq!(status, 200);
    assert!(html.to_lowercase().contains("graphiql"), "{html}");
}

#[tokio::test]
async fn syntax_and_validation_errors_are_bad_user_input() {
    let app = TestApp::spawn().await;
    for query in [
        "{ me { id ",
        "{ nonsense }",
        "mutation { login(email: 1) { accessToken } }",
    ] {
        let body = app.gql(query, json!({})).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{query}: {body}");
    }
    let (status, body) = app.post_raw("this is not json").await;
    assert_eq!(status, 400);
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
