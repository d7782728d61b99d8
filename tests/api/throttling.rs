//! Sign-in throttling: per email, per client address, and through aliases and batches.

use crate::helpers::{PASSWORD, TestApp, error_code};
use serde_json::{Value, json};

async fn fail(app: &TestApp, email: &str) -> Value {
    app.login_raw(email, "wrong password!").await
}

#[tokio::test]
async fn repeated_failures_for_one_email_are_rate_limited_for_a_while() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;
    for _ in 0..5 {
        assert_eq!(
            error_code(&fail(&app, "ada@example.org").await),
            "UNAUTHENTICATED"
        );
    }

    let limited = app.login_raw("ada@example.org", PASSWORD).await;

    assert_eq!(
        error_code(&limited),
        "RATE_LIMITED",
        "even the right password waits"
    );
    let retry = limited["errors"][0]["extensions"]["retryAfter"]
        .as_u64()
        .unwrap();
    assert!(retry > 0 && retry <= 15 * 60, "{retry}");
    app.clock.advance(chrono::Duration::minutes(16));
    app.login("ada@example.org", PASSWORD).await;
}

#[tokio::test]
async fn other_emails_are_not_limited_by_one_emails_failures() {
    let app = TestApp::spawn().await;
    app.register("kofi@example.org", "EXPERT").await;
    for _ in 0..6 {
        fail(&app, "ada@example.org").await;
    }
    app.login("kofi@example.org", PASSWORD).await;
}

#[tokio::test]
async fn repeated_failures_from_one_address_are_rate_limited() {
    let app = TestApp::spawn_with(|s| s.throttle.max_failures_per_ip = 3).await;
    app.register("ada@example.org", "EXPERT").await;
    for i in 0..3 {
        fail(&app, &format!("guess{i}@example.org")).await;
    }
    let limited = app.login_raw("ada@example.org", PASSWORD).await;
    assert_eq!(error_code(&limited), "RATE_LIMITED");
}

#[tokio::test]
async fn every_alias_in_one_request_counts() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;
    let aliases: String = (0..8)
        .map(|i| format!("a{i}: login(email: \"ada@example.org\", password: \"guess number {i}\") {{ accessToken }} "))
        .collect();

    let body = app
        .gql(&format!("mutation {{ {aliases} }}"), json!({}))
        .await;

    let codes: Vec<&str> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["extensions"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "UNAUTHENTICATED").count(),
        5,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == "RATE_LIMITED").count(),
        3,
        "{codes:?}"
    );
}

#[tokio::test]
async fn every_operation_in_a_batch_counts() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;
    let op = json!({ "query": "mutation { login(email: \"ada@example.org\", password: \"a wrong guess\") { accessToken } }" });
    let batch = Value::Array(vec![op; 7]);

    let (status, body) = app.post_raw(batch.to_string()).await;

    assert_eq!(status, 200);
    let codes: Vec<String> = body.as_array().unwrap().iter().map(error_code).collect();
    assert_eq!(&codes[..5], ["UNAUTHENTICATED"; 5]);
    assert_eq!(&codes[5..], ["RATE_LIMITED"; 2]);
}

#[tokio::test]
async fn wrong_current_passwords_count_as_failures() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;
    for _ in 0..5 {
        app.gql_as(
            Some(&signed.access),
            "mutation { changePassword(current: \"a wrong guess\", next: \"whatever it is now\") }",
            json!({}),
        )
        .await;
    }
    assert_eq!(
        error_code(&app.login_raw("ada@example.org", PASSWORD).await),
        "RATE_LIMITED"
    );
}

#[tokio::test]
async fn reset_mails_are_limited_per_address() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;
    app.mail_token("ada@example.org", "verify-email").await;
    for _ in 0..5 {
        let body = app
            .gql(
                "mutation { requestPasswordReset(email: \"ada@example.org\") }",
                json!({}),
            )
            .await;
        assert_eq!(body["data"]["requestPasswordReset"], true);
    }
    let count = || {
        app.mails_to("ada@example.org")
            .iter()
            .filter(|m| m.contains("reset-password?token="))
            .count()
    };
    for _ in 0..100 {
        if count() >= 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Give a fourth mail, which must not exist, the time to show up.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(count(), 3);
}
