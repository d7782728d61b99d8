//! Every denial of the engagement mutations, each leaving things as they were.

use super::{APPLY, COMPLETE, INVITE, MINE, RESPOND, WITHDRAW, apply, mine, open_request};
use crate::helpers::{Signed, TestApp, error_code, error_field};
use crate::profiles::{SAVE, expert_with_profile, profile};
use crate::requests::{CLOSE, draft, ok, status_of, verified_institution};
use serde_json::{Value, json};

/// Runs `query` as `who`, expecting an error; returns its code.
async fn refused(app: &TestApp, who: &Signed, query: &str, vars: Value) -> String {
    let body = app.gql_as(Some(&who.access), query, vars).await;
    assert!(
        body["data"].is_null() || body["errors"].is_array(),
        "{body}"
    );
    error_code(&body)
}

#[tokio::test]
async fn engagements_only_active_experts_with_a_profile_apply_to_open_requests() {
    let app = TestApp::spawn().await;
    let (staff, inst, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let vars = json!({ "r": request, "m": "Let me help." });

    assert_eq!(
        refused(&app, &staff, APPLY, vars.clone()).await,
        "FORBIDDEN"
    );
    let pending = app.register("new@example.org", "EXPERT").await;
    let saved = app
        .gql_as(
            Some(&pending.access),
            SAVE,
            json!({ "input": profile("PUBLIC") }),
        )
        .await;
    assert!(saved["errors"].is_null(), "{saved}");
    assert_eq!(
        refused(&app, &pending, APPLY, vars.clone()).await,
        "FORBIDDEN"
    );
    let bare = app.verified("bare@example.org", "EXPERT").await;
    assert_eq!(refused(&app, &bare, APPLY, vars.clone()).await, "FORBIDDEN");
    assert_eq!(
        error_code(&app.gql(APPLY, vars.clone()).await),
        "UNAUTHENTICATED"
    );
    let blank = app
        .gql_as(
            Some(&expert.access),
            APPLY,
            json!({ "r": request, "m": "   " }),
        )
        .await;
    assert_eq!(error_code(&blank), "BAD_USER_INPUT");
    assert_eq!(error_field(&blank).as_deref(), Some("message"));
    let hidden_draft = draft(&app, &staff, &inst).await;
    assert_eq!(
        refused(
            &app,
            &expert,
            APPLY,
            json!({ "r": hidden_draft, "m": "Hi" })
        )
        .await,
        "NOT_FOUND"
    );
    assert!(mine(&app, &staff).await.is_empty(), "nothing was created");

    let id = apply(&app, &expert, &request).await;
    assert_eq!(
        refused(&app, &expert, APPLY, vars.clone()).await,
        "CONFLICT"
    );
    ok(&app, &staff, CLOSE, json!({ "id": request, "c": false })).await;
    let (late, _) = expert_with_profile(&app, "late@example.org", "PUBLIC").await;
    assert_eq!(
        refused(&app, &late, APPLY, vars).await,
        "NOT_FOUND",
        "a cancelled request is no longer a public call for help"
    );
    let accept = json!({ "id": id, "a": true });
    assert_eq!(
        refused(&app, &staff, RESPOND, accept).await,
        "CONFLICT",
        "a cancelled request takes no experts"
    );
    assert_eq!(mine(&app, &staff).await, [json!("APPLIED")]);
}

#[tokio::test]
async fn engagements_only_members_invite_searchable_experts() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (other_staff, _, _) = verified_institution(&app, "dean@uaa.edu.et").await;
    let (expert, profile) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (_, hidden) = expert_with_profile(&app, "hidden@example.org", "HIDDEN").await;
    let vars = json!({ "r": request, "e": profile, "m": "Join us." });

    assert_eq!(
        refused(&app, &expert, INVITE, vars.clone()).await,
        "FORBIDDEN"
    );
    assert_eq!(
        refused(&app, &other_staff, INVITE, vars.clone()).await,
        "FORBIDDEN"
    );
    assert_eq!(
        refused(
            &app,
            &staff,
            INVITE,
            json!({ "r": request, "e": hidden, "m": "Hi" })
        )
        .await,
        "NOT_FOUND"
    );
    assert!(mine(&app, &expert).await.is_empty(), "nothing was created");
    ok(&app, &staff, INVITE, vars.clone()).await;
    assert_eq!(refused(&app, &staff, INVITE, vars).await, "CONFLICT");
    assert_eq!(mine(&app, &expert).await, [json!("INVITED")]);
}

#[tokio::test]
async fn engagements_only_the_right_side_moves_an_engagement_and_only_from_the_right_state() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (other_staff, _, _) = verified_institution(&app, "dean@uaa.edu.et").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (peer, _) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let id = apply(&app, &expert, &request).await;
    let accept = json!({ "id": id, "a": true });

    assert_eq!(
        refused(&app, &expert, RESPOND, accept.clone()).await,
        "FORBIDDEN",
        "the initiator cannot accept their own application"
    );
    assert_eq!(
        refused(&app, &other_staff, RESPOND, accept.clone()).await,
        "FORBIDDEN"
    );
    assert_eq!(
        refused(&app, &peer, RESPOND, accept.clone()).await,
        "FORBIDDEN"
    );
    assert_eq!(
        refused(&app, &staff, WITHDRAW, json!({ "id": id })).await,
        "FORBIDDEN",
        "the institution declines an application rather than withdrawing it"
    );
    assert_eq!(
        refused(&app, &staff, COMPLETE, json!({ "id": id, "h": 1 })).await,
        "CONFLICT",
        "an application is not work done"
    );
    let unknown = json!({ "id": uuid::Uuid::now_v7().to_string(), "a": true });
    assert_eq!(refused(&app, &staff, RESPOND, unknown).await, "NOT_FOUND");
    assert_eq!(mine(&app, &expert).await, [json!("APPLIED")]);
    assert_eq!(status_of(&app, &staff, &request).await, "OPEN");

    ok(&app, &staff, RESPOND, accept.clone()).await;
    assert_eq!(refused(&app, &staff, RESPOND, accept).await, "CONFLICT");
    let too_many = app
        .gql_as(
            Some(&expert.access),
            COMPLETE,
            json!({ "id": id, "h": 10_001 }),
        )
        .await;
    assert_eq!(error_code(&too_many), "BAD_USER_INPUT");
    assert_eq!(error_field(&too_many).as_deref(), Some("hoursGiven"));
    assert_eq!(
        refused(&app, &other_staff, COMPLETE, json!({ "id": id, "h": 5 })).await,
        "FORBIDDEN"
    );
    let done = ok(&app, &expert, COMPLETE, json!({ "id": id, "h": 0 })).await;
    assert_eq!(done["hoursGiven"], 0);
    for (query, vars) in [
        (WITHDRAW, json!({ "id": id })),
        (COMPLETE, json!({ "id": id, "h": 4 })),
        (RESPOND, json!({ "id": id, "a": false })),
    ] {
        assert_eq!(refused(&app, &expert, query, vars).await, "CONFLICT");
    }
    let list = ok(&app, &staff, MINE, json!({})).await;
    assert_eq!(list[0]["status"], "COMPLETED");
}
