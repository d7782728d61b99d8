//! Changing and resetting passwords.

use crate::helpers::{PASSWORD, TestApp, error_code, error_field};
use serde_json::json;

const CHANGE: &str = "mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }";
const RESET: &str = "mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }";
const REFRESH: &str = "mutation($r: String!) { refresh(refreshToken: $r) { refreshToken } }";
const NEW_PASSWORD: &str = "a brand new passphrase";

#[tokio::test]
async fn changing_the_password_keeps_this_session_and_ends_the_others() {
    let app = TestApp::spawn().await;
    let here = app.register("ada@example.org", "EXPERT").await;
    let elsewhere = app.login("ada@example.org", PASSWORD).await;

    let body = app
        .gql_as(
            Some(&here.access),
            CHANGE,
            json!({ "c": PASSWORD, "n": NEW_PASSWORD }),
        )
        .await;

    assert_eq!(body["data"]["changePassword"], true, "{body}");
    let kept = app.gql(REFRESH, json!({ "r": here.refresh })).await;
    assert!(kept["data"]["refresh"].is_object(), "{kept}");
    let ended = app.gql(REFRESH, json!({ "r": elsewhere.refresh })).await;
    assert_eq!(error_code(&ended), "UNAUTHENTICATED");
    assert_eq!(
        error_code(&app.login_raw("ada@example.org", PASSWORD).await),
        "UNAUTHENTICATED"
    );
    app.login("ada@example.org", NEW_PASSWORD).await;
}

#[tokio::test]
async fn a_wrong_current_password_changes_nothing() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;

    let body = app
        .gql_as(
            Some(&signed.access),
            CHANGE,
            json!({ "c": "not my password", "n": NEW_PASSWORD }),
        )
        .await;

    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert_eq!(error_field(&body).as_deref(), Some("current"));
    app.login("ada@example.org", PASSWORD).await;
}

#[tokio::test]
async fn a_too_short_new_password_changes_nothing() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;

    let body = app
        .gql_as(
            Some(&signed.access),
            CHANGE,
            json!({ "c": PASSWORD, "n": "short" }),
        )
        .await;

    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert_eq!(error_field(&body).as_deref(), Some("next"));
    app.login("ada@example.org", PASSWORD).await;
}

#[tokio::test]
async fn changing_a_password_needs_a_signed_in_caller() {
    let app = TestApp::spawn().await;
    let body = app
        .gql(CHANGE, json!({ "c": PASSWORD, "n": NEW_PASSWORD }))
        .await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");
}

#[tokio::test]
async fn a_reset_request_never_reveals_whether_the_account_exists() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;

    let known = app
        .gql(
            "mutation { requestPasswordReset(email: \"ADA@example.org\") }",
            json!({}),
        )
        .await;
    let unknown = app
        .gql(
            "mutation { requestPasswordReset(email: \"nobody@example.org\") }",
            json!({}),
        )
        .await;
    let malformed = app
        .gql(
            "mutation { requestPasswordReset(email: \"nonsense\") }",
            json!({}),
        )
        .await;

    assert_eq!(known["data"]["requestPasswordReset"], true);
    assert_eq!(unknown["data"]["requestPasswordReset"], true);
    assert_eq!(malformed["data"]["requestPasswordReset"], true);
    app.mail_token("ada@example.org", "reset-password").await;
    assert!(app.mails_to("nobody@example.org").is_empty());
}

#[tokio::test]
async fn the_mailed_reset_token_sets_a_new_password_once_and_ends_every_session() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;
    app.gql(
        "mutation { requestPasswordReset(email: \"ada@example.org\") }",
        json!({}),
    )
    .await;
    let token = app.mail_token("ada@example.org", "reset-password").await;

    let body = app
        .gql(RESET, json!({ "t": token, "p": NEW_PASSWORD }))
        .await;
    let again = app
        .gql(RESET, json!({ "t": token, "p": "yet another passphrase" }))
        .await;

    assert_eq!(body["data"]["resetPassword"], true, "{body}");
    assert_eq!(error_code(&again), "BAD_USER_INPUT");
    assert_eq!(
        error_code(&app.gql(REFRESH, json!({ "r": signed.refresh })).await),
        "UNAUTHENTICATED"
    );
    assert_eq!(
        error_code(&app.login_raw("ada@example.org", PASSWORD).await),
        "UNAUTHENTICATED"
    );
    let fresh = app.login("ada@example.org", NEW_PASSWORD).await;
    let me = app
        .gql_as(Some(&fresh.access), "{ me { status } }", json!({}))
        .await;
    assert_eq!(
        me["data"]["me"]["status"], "ACTIVE",
        "the reset mail proved the address"
    );
}

#[tokio::test]
async fn a_bad_new_password_leaves_the_reset_token_usable() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;
    app.gql(
        "mutation { requestPasswordReset(email: \"ada@example.org\") }",
        json!({}),
    )
    .await;
    let token = app.mail_token("ada@example.org", "reset-password").await;

    let short = app.gql(RESET, json!({ "t": token, "p": "short" })).await;
    let ok = app
        .gql(RESET, json!({ "t": token, "p": NEW_PASSWORD }))
        .await;

    assert_eq!(error_code(&short), "BAD_USER_INPUT");
    assert_eq!(error_field(&short).as_deref(), Some("password"));
    assert_eq!(ok["data"]["resetPassword"], true, "{ok}");
}

#[tokio::test]
async fn reset_tokens_expire_after_an_hour() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;
    app.gql(
        "mutation { requestPasswordReset(email: \"ada@example.org\") }",
        json!({}),
    )
    .await;
    let token = app.mail_token("ada@example.org", "reset-password").await;
    app.clock.advance(chrono::Duration::minutes(61));

    let body = app
        .gql(RESET, json!({ "t": token, "p": NEW_PASSWORD }))
        .await;

    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert_eq!(error_field(&body).as_deref(), Some("token"));
}
