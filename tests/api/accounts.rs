//! Registration, email verification and `me`.

use crate::helpers::{PASSWORD, TestApp, error_code, error_field};
use serde_json::json;

const REGISTER: &str = "mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken account { id email displayName role status } } }";

fn input(email: &str, password: &str, role: &str) -> serde_json::Value {
    json!({ "input": { "email": email, "password": password, "displayName": "  Amara   Okafor ", "role": role } })
}

#[tokio::test]
async fn registering_creates_a_pending_account_signed_in_with_a_verification_mail() {
    let app = TestApp::spawn().await;

    let body = app
        .gql(
            REGISTER,
            input("  Amara.Okafor@Example.ORG ", PASSWORD, "EXPERT"),
        )
        .await;

    let account = &body["data"]["register"]["account"];
    assert_eq!(account["email"], "amara.okafor@example.org", "{body}");
    assert_eq!(account["displayName"], "Amara Okafor");
    assert_eq!(account["role"], "EXPERT");
    assert_eq!(account["status"], "PENDING_VERIFICATION");
    let token = app
        .mail_token("amara.okafor@example.org", "verify-email")
        .await;
    assert_eq!(token.len(), 43);
    let mail = app.mails_to("amara.okafor@example.org").pop().unwrap();
    assert!(
        mail.contains("http://braingain.test/verify-email?token="),
        "{mail}"
    );
}

#[tokio::test]
async fn the_mailed_token_verifies_the_email_once() {
    let app = TestApp::spawn().await;
    let signed = app.register("ines@example.org", "INSTITUTION").await;
    let token = app.mail_token("ines@example.org", "verify-email").await;

    let first = app
        .gql(
            "mutation($t: String!) { verifyEmail(token: $t) { id email status } }",
            json!({ "t": token }),
        )
        .await;
    let again = app
        .gql(
            "mutation($t: String!) { verifyEmail(token: $t) { id } }",
            json!({ "t": token }),
        )
        .await;

    assert_eq!(first["data"]["verifyEmail"]["status"], "ACTIVE", "{first}");
    assert_eq!(first["data"]["verifyEmail"]["id"], signed.id.as_str());
    assert_eq!(error_code(&again), "BAD_USER_INPUT");
    assert_eq!(error_field(&again).as_deref(), Some("token"));
    let me = app
        .gql_as(Some(&signed.access), "{ me { status } }", json!({}))
        .await;
    assert_eq!(me["data"]["me"]["status"], "ACTIVE");
}

#[tokio::test]
async fn a_made_up_verification_token_is_bad_input() {
    let app = TestApp::spawn().await;
    let body = app
        .gql(
            "mutation { verifyEmail(token: \"not-a-real-token\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
}

#[tokio::test]
async fn emails_are_unique_whatever_their_case() {
    let app = TestApp::spawn().await;
    app.register("Kofi@Example.org", "EXPERT").await;

    let body = app
        .gql(
            REGISTER,
            input(" kofi@EXAMPLE.org", PASSWORD, "INSTITUTION"),
        )
        .await;

    assert_eq!(error_code(&body), "CONFLICT", "{body}");
    assert_eq!(error_field(&body).as_deref(), Some("input.email"));
    let login = app.login_raw("kofi@example.org", PASSWORD).await;
    assert_eq!(
        login["data"]["login"]["account"]["email"],
        "kofi@example.org"
    );
}

#[tokio::test]
async fn bad_registration_input_names_the_field_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let cases = [
        (input("not-an-email", PASSWORD, "EXPERT"), "input.email"),
        (input("a@b", PASSWORD, "EXPERT"), "input.email"),
        (
            input("short@example.org", "123456789", "EXPERT"),
            "input.password",
        ),
        (
            input("long@example.org", &"p".repeat(257), "EXPERT"),
            "input.password",
        ),
        (
            input("mod@example.org", PASSWORD, "MODERATOR"),
            "input.role",
        ),
        (input("admin@example.org", PASSWORD, "ADMIN"), "input.role"),
    ];
    for (variables, field) in cases {
        let body = app.gql(REGISTER, variables.clone()).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{variables}: {body}");
        assert_eq!(error_field(&body).as_deref(), Some(field), "{body}");
        assert!(body["data"].is_null(), "{body}");
    }
    for email in ["short@example.org", "mod@example.org", "admin@example.org"] {
        let login = app.login_raw(email, PASSWORD).await;
        assert_eq!(
            error_code(&login),
            "UNAUTHENTICATED",
            "{email} exists: {login}"
        );
    }
    assert!(app.mails_to("mod@example.org").is_empty());
}

#[tokio::test]
async fn blank_display_names_are_refused() {
    let app = TestApp::spawn().await;
    let body = app
        .gql(REGISTER, json!({ "input": { "email": "x@example.org", "password": PASSWORD, "displayName": "   ", "role": "EXPERT" } }))
        .await;
    assert_eq!(
        error_field(&body).as_deref(),
        Some("input.displayName"),
        "{body}"
    );
}

#[tokio::test]
async fn me_is_null_for_anonymous_callers_and_the_account_for_its_owner() {
    let app = TestApp::spawn().await;
    let signed = app.register("lina@example.org", "EXPERT").await;

    let anonymous = app.gql("{ me { id } }", json!({})).await;
    let owner = app
        .gql_as(
            Some(&signed.access),
            "{ me { id email role createdAt } }",
            json!({}),
        )
        .await;

    assert!(anonymous["data"]["me"].is_null(), "{anonymous}");
    assert!(anonymous["errors"].is_null());
    assert_eq!(owner["data"]["me"]["id"], signed.id.as_str());
    assert_eq!(owner["data"]["me"]["email"], "lina@example.org");
    let created = owner["data"]["me"]["createdAt"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(created).is_ok(),
        "{created}"
    );
}

#[tokio::test]
async fn a_pending_account_can_ask_for_a_new_verification_mail() {
    let app = TestApp::spawn().await;
    let signed = app.register("sami@example.org", "EXPERT").await;
    let first = app.mail_token("sami@example.org", "verify-email").await;

    let body = app
        .gql_as(
            Some(&signed.access),
            "mutation { resendVerificationEmail }",
            json!({}),
        )
        .await;

    assert_eq!(body["data"]["resendVerificationEmail"], true, "{body}");
    let mut second = first.clone();
    for _ in 0..100 {
        second = app.mail_token("sami@example.org", "verify-email").await;
        if second != first {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_ne!(second, first);
    let stale = app
        .gql(
            "mutation($t: String!) { verifyEmail(token: $t) { id } }",
            json!({ "t": first }),
        )
        .await;
    assert_eq!(
        error_code(&stale),
        "BAD_USER_INPUT",
        "an older link stops working"
    );
    let fresh = app
        .gql(
            "mutation($t: String!) { verifyEmail(token: $t) { status } }",
            json!({ "t": second }),
        )
        .await;
    assert_eq!(fresh["data"]["verifyEmail"]["status"], "ACTIVE");
}
