//! Health, readiness, metrics, migrations and mail delivery across restarts.

use crate::helpers::{PASSWORD, TestApp};
use braingain_migration::{Migrator, MigratorTrait};
use braingain_store::{Store, mail};
use braingain_test_utils::TestDb;
use serde_json::json;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::spawn().await;
    let (status, health) = app.get("/health").await;
    assert_eq!(status, 200);
    assert!(health.contains("ok"));
    let (status, ready) = app.get("/ready").await;
    assert_eq!(status, 200, "{ready}");
    let ready: serde_json::Value = serde_json::from_str(&ready).unwrap();
    assert_eq!(ready["checks"]["database"], "ok");
}

#[tokio::test]
async fn metrics_count_requests_and_latencies_by_route() {
    let app = TestApp::spawn().await;
    app.gql("{ __typename }", json!({})).await;
    app.gql("{ __typename }", json!({})).await;

    let (status, text) = app.get("/metrics").await;

    assert_eq!(status, 200);
    let line = text
        .lines()
        .find(|l| {
            l.starts_with("braingain_http_requests_total{")
                && l.contains("route=\"/graphql\"")
                && l.contains("status=\"200\"")
        })
        .unwrap_or_else(|| panic!("no request counter in {text}"));
    let count: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(count >= 2.0, "{line}");
    assert!(
        text.contains("braingain_http_request_duration_seconds_bucket{"),
        "{text}"
    );
    assert!(
        text.contains("braingain_graphql_operations_total{outcome=\"ok\"}"),
        "{text}"
    );
}

#[tokio::test]
async fn the_server_stops_gracefully() {
    let app = TestApp::spawn().await;
    app.register("ada@example.org", "EXPERT").await;
    app.stop().await.expect("clean stop");
}

#[tokio::test]
async fn a_mail_that_cannot_be_delivered_waits_in_the_outbox_and_survives_a_restart() {
    // A closed port: every SMTP attempt fails.
    let app = TestApp::spawn_with(|s| s.mail = "smtp://127.0.0.1:9".into()).await;
    app.register("ada@example.org", "EXPERT").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        mail::pending_count(app.service.store().conn())
            .await
            .unwrap(),
        1
    );
    assert!(app.mails_to("ada@example.org").is_empty());

    let app = app.restart_with(|s| s.mail = "file".into()).await;
    // The failed attempt scheduled a retry 30 s out; let the clock get there.
    app.clock.advance(chrono::Duration::seconds(31));

    let token = tokio::time::timeout(
        std::time::Duration::from_secs(15),
        app.mail_token("ada@example.org", "verify-email"),
    )
    .await
    .expect("mail delivered after restart");
    let body = app
        .gql(
            "mutation($t: String!) { verifyEmail(token: $t) { status } }",
            json!({ "t": token }),
        )
        .await;
    assert_eq!(body["data"]["verifyEmail"]["status"], "ACTIVE");
    app.login("ada@example.org", PASSWORD).await;
}

#[tokio::test]
async fn migrations_run_up_and_down_on_a_fresh_database() {
    let db = TestDb::new().await.unwrap();
    let store = Store::connect(db.url(), 2).await.unwrap();
    Migrator::up(store.conn(), None).await.unwrap();
    Migrator::down(store.conn(), None).await.unwrap();
    Migrator::up(store.conn(), None).await.unwrap();
    assert!(
        Migrator::get_pending_migrations(store.conn())
            .await
            .unwrap()
            .is_empty()
    );
    store.close().await.unwrap();
}

#[tokio::test]
async fn the_web_app_is_served_at_the_root_with_deep_links_and_safe_headers() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dist.path().join("assets")).unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>BrainGain app</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("assets/app-1234.js"), "console.log('hi')").unwrap();
    let dir = dist.path().to_owned();
    let app = TestApp::spawn_with(move |s| s.frontend_dir = Some(dir)).await;
    let client = reqwest::Client::new();

    let root = client.get(format!("{}/", app.base)).send().await.unwrap();
    let headers = root.headers().clone();
    let body = root.text().await.unwrap();
    assert!(body.contains("BrainGain app"));
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "no-cache");

    let deep = client
        .get(format!("{}/experts/0190-abc", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(deep.status(), 200);
    assert!(
        deep.text().await.unwrap().contains("BrainGain app"),
        "deep links get the app"
    );

    let asset = client
        .get(format!("{}/assets/app-1234.js", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(asset.status(), 200);
    assert!(
        asset.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    assert!(
        asset.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );

    let missing = client
        .get(format!("{}/assets/nope.js", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404, "a missing file is not the app");
    let (status, _) = app.get("/health").await;
    assert_eq!(status, 200, "API routes win over the app");
}
