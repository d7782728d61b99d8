//! Sign-in, access tokens, refresh rotation, sign-out and suspension.

use crate::helpers::{PASSWORD, TEST_JWT_SECRET, TestApp, error_code};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

const REFRESH: &str = "mutation($r: String!) { refresh(refreshToken: $r) { accessToken refreshToken account { id } } }";

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

#[tokio::test]
async fn signing_in_gives_a_short_lived_hs256_token_with_the_required_claims() {
    let app = TestApp::spawn().await;
    let registered = app.verified("ada@example.org", "EXPERT").await;

    let signed = app.login(" ADA@example.org ", PASSWORD).await;

    assert_eq!(signed.id, registered.id);
    assert_eq!(signed.email, "ada@example.org");
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(signed.access.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "HS256");
    let c = claims(&signed.access);
    assert_eq!(c["iss"], "braingain");
    assert_eq!(c["aud"], "braingain-api");
    assert_eq!(c["sub"], registered.id.as_str());
    let lifetime = c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap();
    assert!(lifetime > 0 && lifetime <= 15 * 60, "lifetime {lifetime}s");
    let me = app
        .gql_as(Some(&signed.access), "{ me { email } }", json!({}))
        .await;
    assert_eq!(me["data"]["me"]["email"], "ada@example.org");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_fail_alike() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;

    let wrong = app.login_raw("ada@example.org", "not the password").await;
    let unknown = app.login_raw("nobody@example.org", PASSWORD).await;

    assert_eq!(error_code(&wrong), "UNAUTHENTICATED");
    assert_eq!(error_code(&unknown), "UNAUTHENTICATED");
    assert_eq!(
        wrong["errors"][0]["message"],
        unknown["errors"][0]["message"]
    );
}

#[tokio::test]
async fn an_unverified_account_can_sign_in() {
    let app = TestApp::spawn().await;
    app.register("new@example.org", "INSTITUTION").await;
    let signed = app.login("new@example.org", PASSWORD).await;
    let me = app
        .gql_as(Some(&signed.access), "{ me { status } }", json!({}))
        .await;
    assert_eq!(me["data"]["me"]["status"], "PENDING_VERIFICATION");
}

#[tokio::test]
async fn a_refresh_token_rotates_and_works_only_once() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;

    let first = app.gql(REFRESH, json!({ "r": signed.refresh })).await;
    let rotated = first["data"]["refresh"]["refreshToken"]
        .as_str()
        .expect("rotated")
        .to_owned();
    let access = first["data"]["refresh"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();

    assert_ne!(rotated, signed.refresh);
    assert_eq!(
        first["data"]["refresh"]["account"]["id"],
        signed.id.as_str()
    );
    let me = app.gql_as(Some(&access), "{ me { id } }", json!({})).await;
    assert_eq!(me["data"]["me"]["id"], signed.id.as_str());
    let next = app.gql(REFRESH, json!({ "r": rotated })).await;
    assert!(
        next["data"]["refresh"]["refreshToken"].is_string(),
        "{next}"
    );
}

#[tokio::test]
async fn reusing_a_spent_refresh_token_revokes_the_whole_session() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;
    let first = app.gql(REFRESH, json!({ "r": signed.refresh })).await;
    let rotated = first["data"]["refresh"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();

    let replay = app.gql(REFRESH, json!({ "r": signed.refresh })).await;
    let after = app.gql(REFRESH, json!({ "r": rotated })).await;

    assert_eq!(error_code(&replay), "UNAUTHENTICATED");
    assert_eq!(
        error_code(&after),
        "UNAUTHENTICATED",
        "the descendant dies with the family"
    );
    let other = app.login("ada@example.org", PASSWORD).await;
    let fine = app.gql(REFRESH, json!({ "r": other.refresh })).await;
    assert!(
        fine["data"]["refresh"].is_object(),
        "other sessions are untouched: {fine}"
    );
}

#[tokio::test]
async fn a_garbage_refresh_token_is_unauthenticated() {
    let app = TestApp::spawn().await;
    let body = app.gql(REFRESH, json!({ "r": "garbage" })).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");
}

#[tokio::test]
async fn refresh_tokens_expire() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;
    app.clock.advance(chrono::Duration::days(31));
    let body = app.gql(REFRESH, json!({ "r": signed.refresh })).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;

    let out = app
        .gql(
            "mutation($r: String!) { logout(refreshToken: $r) }",
            json!({ "r": signed.refresh }),
        )
        .await;
    let refresh = app.gql(REFRESH, json!({ "r": signed.refresh })).await;

    assert_eq!(out["data"]["logout"], true);
    assert_eq!(error_code(&refresh), "UNAUTHENTICATED");
}

#[tokio::test]
async fn an_expired_access_token_is_unauthenticated() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;
    app.clock.advance(chrono::Duration::minutes(16));
    let body = app
        .gql_as(Some(&signed.access), "{ me { id } }", json!({}))
        .await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

#[tokio::test]
async fn tampered_forged_and_unsigned_tokens_are_unauthenticated() {
    let app = TestApp::spawn().await;
    let signed = app.register("ada@example.org", "EXPERT").await;
    let c = claims(&signed.access);
    let header =
        |alg: &str| URL_SAFE_NO_PAD.encode(json!({ "alg": alg, "typ": "JWT" }).to_string());
    let mut elevated = c.clone();
    elevated["role"] = "ADMIN".into();
    elevated["sub"] = uuid::Uuid::new_v4().to_string().into();
    let parts: Vec<&str> = signed.access.split('.').collect();
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(elevated.to_string()),
        parts[2]
    );
    let unsigned = format!(
        "{}.{}.",
        header("none"),
        URL_SAFE_NO_PAD.encode(c.to_string())
    );
    let other_key = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &c,
        &jsonwebtoken::EncodingKey::from_secret(b"someone else's secret, long enough to pass"),
    )
    .unwrap();
    let mut no_aud = c.clone();
    no_aud.as_object_mut().unwrap().remove("aud");
    let missing_aud = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &no_aud,
        &jsonwebtoken::EncodingKey::from_secret(TEST_JWT_SECRET.as_bytes()),
    )
    .unwrap();
    let mut wrong_iss = c.clone();
    wrong_iss["iss"] = "evil".into();
    let bad_issuer = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &wrong_iss,
        &jsonwebtoken::EncodingKey::from_secret(TEST_JWT_SECRET.as_bytes()),
    )
    .unwrap();

    for (name, token) in [
        ("tampered", tampered),
        ("alg none", unsigned),
        ("other key", other_key),
        ("no aud", missing_aud),
        ("wrong iss", bad_issuer),
        ("garbage", "abc.def.ghi".to_owned()),
    ] {
        let body = app.gql_as(Some(&token), "{ me { id } }", json!({})).await;
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{name}: {body}");
        assert!(
            body["data"].is_null() || body["data"]["me"].is_null(),
            "{name}: {body}"
        );
    }
}

#[tokio::test]
async fn a_suspended_account_loses_access_at_once() {
    let app = TestApp::spawn().await;
    let moderator = app.moderator("mod@example.org").await;
    let expert = app.verified("ada@example.org", "EXPERT").await;

    let suspend = app
        .gql_as(
            Some(&moderator.access),
            "mutation($id: ID!) { suspendAccount(id: $id, reason: \"spam\") { status } }",
            json!({ "id": expert.id }),
        )
        .await;

    assert_eq!(
        suspend["data"]["suspendAccount"]["status"], "SUSPENDED",
        "{suspend}"
    );
    let me = app
        .gql_as(Some(&expert.access), "{ me { id } }", json!({}))
        .await;
    assert_eq!(error_code(&me), "UNAUTHENTICATED");
    let refresh = app.gql(REFRESH, json!({ "r": expert.refresh })).await;
    assert_eq!(error_code(&refresh), "UNAUTHENTICATED");
    let login = app.login_raw("ada@example.org", PASSWORD).await;
    assert_eq!(error_code(&login), "FORBIDDEN");
}

#[tokio::test]
async fn public_operations_still_work_with_a_stale_token() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;
    let body = app
        .gql_as(
            Some("stale.token.value"),
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
            json!({ "e": "ada@example.org", "p": PASSWORD }),
        )
        .await;
    assert!(body["data"]["login"]["accessToken"].is_string(), "{body}");
}
