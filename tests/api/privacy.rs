//! Data ownership: export of one's data, erasure of one's account, and the change outbox.

use crate::helpers::{PASSWORD, TestApp, error_code};
use crate::profiles::expert_with_profile;
use braingain_store::{audit, events};
use serde_json::{Value, json};

#[tokio::test]
async fn export_returns_everything_stored_about_the_caller() {
    let app = TestApp::spawn().await;
    let (expert, profile_id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;

    let body = app
        .gql_as(Some(&expert.access), "mutation { exportMyData }", json!({}))
        .await;

    let doc: Value = serde_json::from_str(
        body["data"]["exportMyData"]
            .as_str()
            .unwrap_or_else(|| panic!("{body}")),
    )
    .unwrap();
    assert_eq!(doc["account"]["email"], "amara@example.org");
    assert_eq!(doc["account"]["id"], expert.id.as_str());
    assert_eq!(doc["expertProfile"]["id"], profile_id.as_str());
    assert_eq!(doc["expertProfile"]["skills"].as_array().unwrap().len(), 2);
    assert!(
        doc.to_string().find("argon2").is_none(),
        "no password hash in the export"
    );
    let anonymous = app.gql("mutation { exportMyData }", json!({})).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
}

#[tokio::test]
async fn deleting_an_account_erases_it_and_keeps_only_an_anonymous_audit_trail() {
    let app = TestApp::spawn().await;
    let (expert, profile_id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;

    let wrong = app
        .gql_as(
            Some(&expert.access),
            "mutation { deleteMyAccount(password: \"not my password\") }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&wrong), "BAD_USER_INPUT");
    assert!(
        !app.gql(
            "query($id: ID!) { expert(id: $id) { id } }",
            json!({ "id": profile_id })
        )
        .await["data"]["expert"]
            .is_null()
    );

    let body = app
        .gql_as(
            Some(&expert.access),
            "mutation($p: String!) { deleteMyAccount(password: $p) }",
            json!({ "p": PASSWORD }),
        )
        .await;

    assert_eq!(body["data"]["deleteMyAccount"], true, "{body}");
    assert!(
        app.gql(
            "query($id: ID!) { expert(id: $id) { id } }",
            json!({ "id": profile_id })
        )
        .await["data"]["expert"]
            .is_null()
    );
    assert_eq!(
        error_code(
            &app.gql_as(Some(&expert.access), "{ me { id } }", json!({}))
                .await
        ),
        "UNAUTHENTICATED"
    );
    assert_eq!(
        error_code(&app.login_raw("amara@example.org", PASSWORD).await),
        "UNAUTHENTICATED"
    );
    let log = audit::for_subject(app.service.store().conn(), &expert.id)
        .await
        .unwrap();
    assert!(log.iter().any(|e| e.action == "account.delete"));
    assert!(!format!("{log:?}").contains("amara@example.org"));
    let changes = events::after(app.service.store().conn(), 0, 100)
        .await
        .unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c.entity_id.to_string() == profile_id && c.op == "delete"),
        "the index is told"
    );
    // The address is free again.
    app.register("amara@example.org", "EXPERT").await;
}

#[tokio::test]
async fn profile_changes_and_suspensions_reach_the_change_outbox() {
    let app = TestApp::spawn().await;
    let (expert, profile_id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let moderator = app.moderator("mod@example.org").await;
    app.gql_as(
        Some(&moderator.access),
        "mutation($id: ID!) { suspendAccount(id: $id, reason: \"spam\") { id } }",
        json!({ "id": expert.id }),
    )
    .await;

    let changes = events::after(app.service.store().conn(), 0, 100)
        .await
        .unwrap();

    let about: Vec<_> = changes
        .iter()
        .filter(|c| c.entity_id.to_string() == profile_id)
        .collect();
    assert!(about.len() >= 2, "save and suspension: {changes:?}");
    assert!(about.windows(2).all(|w| w[0].position < w[1].position));
    assert!(about.iter().all(|c| c.entity == "expert"));
}
