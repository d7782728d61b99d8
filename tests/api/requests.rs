//! Requests: the lifecycle from draft to completion, who may do what, input checks, who sees
//! what, and concurrent reviews.

mod denials;
mod rules;

use crate::helpers::{Signed, TestApp, error_code};
use crate::institutions::staff_with_institution;
use crate::skills::MACHINE_LEARNING;
use braingain_store::audit;
use serde_json::{Value, json};

pub const FIELDS: &str = "id status title description kind languages workModes hoursPerMonth startsOn endsOn reviewReason createdAt updatedAt institution { id name } skills { skill { id label } minLevel required }";
pub const REVIEW: &str = "mutation($id: ID!, $d: Decision!, $r: String) { reviewRequest(id: $id, decision: $d, reason: $r) { id status reviewReason } }";
pub const SEND_BACK: &str = "mutation($id: ID!, $r: String!) { returnRequestForChanges(id: $id, reason: $r) { id status reviewReason } }";
pub const SUBMIT: &str = "mutation($id: ID!) { submitRequest(id: $id) { id status } }";
pub const CLOSE: &str =
    "mutation($id: ID!, $c: Boolean!) { closeRequest(id: $id, completed: $c) { id status } }";
pub const VIEW: &str = "query($id: ID!) { request(id: $id) { id status title reviewReason } }";

pub fn create_query() -> String {
    format!("mutation($input: RequestInput!) {{ createRequest(input: $input) {{ {FIELDS} }} }}")
}

pub fn update_query() -> String {
    format!(
        "mutation($id: ID!, $input: RequestInput!) {{ updateRequest(id: $id, input: $input) {{ {FIELDS} }} }}"
    )
}

/// A complete request input for `institution`.
pub fn input(institution: &str) -> Value {
    json!({
        "institutionId": institution,
        "kind": "PROJECT",
        "title": "  Flood   risk model for the Lagos lagoon ",
        "description": "We need help calibrating a flood model for the lagoon and training two engineers.",
        "skills": [
            { "skillId": MACHINE_LEARNING, "minLevel": 3, "required": true },
            { "label": "Hydrological modelling", "minLevel": 4, "required": false }
        ],
        "languages": ["EN", "yo", "en"],
        "workModes": ["REMOTE", "SHORT_VISIT"],
        "hoursPerMonth": 12,
        "startsOn": "2026-03-01",
        "endsOn": "2026-08-31"
    })
}

/// A staff member of a VERIFIED institution, its id, and the moderator who verified it.
pub async fn verified_institution(app: &TestApp, email: &str) -> (Signed, String, Signed) {
    let (staff, id) = staff_with_institution(app, email).await;
    let moderator = app.moderator(&format!("mod-{email}")).await;
    let body = app
        .gql_as(
            Some(&moderator.access),
            "mutation($id: ID!) { reviewInstitution(id: $id, decision: APPROVE) { verification } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        body["data"]["reviewInstitution"]["verification"], "VERIFIED",
        "{body}"
    );
    (staff, id, moderator)
}

/// Creates a draft as `staff`; returns its id.
pub async fn draft(app: &TestApp, staff: &Signed, institution: &str) -> String {
    let body = app
        .gql_as(
            Some(&staff.access),
            &create_query(),
            json!({ "input": input(institution) }),
        )
        .await;
    body["data"]["createRequest"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned()
}

/// Runs `query` with `id` (and `extra` variables) as `who`, expecting success; returns the
/// first field of `data`.
pub async fn ok(app: &TestApp, who: &Signed, query: &str, vars: Value) -> Value {
    let body = app.gql_as(Some(&who.access), query, vars).await;
    assert!(body["errors"].is_null(), "{query}: {body}");
    body["data"]
        .as_object()
        .and_then(|d| d.values().next())
        .cloned()
        .unwrap_or(Value::Null)
}

/// The status of a request as `who` sees it.
pub async fn status_of(app: &TestApp, who: &Signed, id: &str) -> Value {
    let body = app
        .gql_as(Some(&who.access), VIEW, json!({ "id": id }))
        .await;
    body["data"]["request"]["status"].clone()
}

#[tokio::test]
async fn a_request_goes_from_draft_through_review_and_changes_to_completion() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;

    let created = ok(
        &app,
        &staff,
        &create_query(),
        json!({ "input": input(&inst) }),
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["status"], "DRAFT");
    assert_eq!(created["title"], "Flood risk model for the Lagos lagoon");
    assert_eq!(created["languages"], json!(["en", "yo"]));
    assert_eq!(created["institution"]["id"], inst.as_str());
    assert_eq!(created["skills"][0]["skill"]["id"], MACHINE_LEARNING);
    assert_eq!(
        created["skills"][1]["skill"]["label"],
        "Hydrological modelling"
    );
    assert_eq!(created["skills"][1]["required"], false);
    assert_eq!(created["endsOn"], "2026-08-31");

    let mut changed = input(&inst);
    changed["title"] = json!("Flood risk model and training");
    changed["kind"] = json!("TRAINING");
    let updated = ok(
        &app,
        &staff,
        &update_query(),
        json!({ "id": id, "input": changed }),
    )
    .await;
    assert_eq!(updated["title"], "Flood risk model and training");
    assert_eq!(updated["kind"], "TRAINING");

    let submitted = ok(&app, &staff, SUBMIT, json!({ "id": id })).await;
    assert_eq!(submitted["status"], "IN_REVIEW");
    let queue = ok(
        &app,
        &moderator,
        "{ moderationQueue { requests { id status } } }",
        json!({}),
    )
    .await;
    assert_eq!(queue["requests"][0]["id"], id.as_str(), "{queue}");

    let reason = "Say how many hours the training needs";
    let sent_back = ok(
        &app,
        &moderator,
        SEND_BACK,
        json!({ "id": id, "r": reason }),
    )
    .await;
    assert_eq!(sent_back["status"], "DRAFT");
    let seen = ok(&app, &staff, VIEW, json!({ "id": id })).await;
    assert_eq!(
        seen["reviewReason"], reason,
        "the institution reads the reason"
    );
    let mail = app.mail_containing(&staff.email, "needs changes").await;
    assert!(mail.contains(reason), "{mail}");

    changed["hoursPerMonth"] = json!(20);
    ok(
        &app,
        &staff,
        &update_query(),
        json!({ "id": id, "input": changed }),
    )
    .await;
    ok(&app, &staff, SUBMIT, json!({ "id": id })).await;
    let approved = ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": id, "d": "APPROVE" }),
    )
    .await;
    assert_eq!(approved["status"], "OPEN");
    app.mail_containing(&staff.email, "is open").await;

    let public = app.gql(VIEW, json!({ "id": id })).await;
    assert_eq!(public["data"]["request"]["status"], "OPEN", "{public}");
    let listed = app
        .gql(
            "query($id: ID!) { institution(id: $id) { requests { id status } } }",
            json!({ "id": inst }),
        )
        .await;
    assert_eq!(
        listed["data"]["institution"]["requests"],
        json!([{ "id": id, "status": "OPEN" }])
    );

    // An accepted engagement (a later feature) puts the request in progress.
    app.service
        .mark_request_in_progress(id.parse().unwrap())
        .await
        .unwrap();
    let closed = ok(&app, &staff, CLOSE, json!({ "id": id, "c": true })).await;
    assert_eq!(closed["status"], "COMPLETED");
    assert_eq!(
        app.gql(VIEW, json!({ "id": id })).await["data"]["request"]["status"],
        "COMPLETED"
    );
    let actions: Vec<String> = audit::for_subject(app.service.store().conn(), &id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "request.create",
            "request.submit",
            "request.return_for_changes",
            "request.submit",
            "request.approve",
            "request.start",
            "request.complete"
        ]
    );
}

#[tokio::test]
async fn open_requests_are_cancelled_not_completed_and_closed_ones_stay_closed() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let id = draft(&app, &staff, &inst).await;
    ok(&app, &staff, SUBMIT, json!({ "id": id })).await;
    ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": id, "d": "APPROVE" }),
    )
    .await;

    let complete_open = app
        .gql_as(Some(&staff.access), CLOSE, json!({ "id": id, "c": true }))
        .await;
    assert_eq!(error_code(&complete_open), "CONFLICT");
    assert_eq!(
        status_of(&app, &staff, &id).await,
        "OPEN",
        "nothing changed"
    );

    let cancelled = ok(&app, &staff, CLOSE, json!({ "id": id, "c": false })).await;
    assert_eq!(cancelled["status"], "CANCELLED");
    for (who, c) in [(&staff, false), (&moderator, true)] {
        let again = app
            .gql_as(Some(&who.access), CLOSE, json!({ "id": id, "c": c }))
            .await;
        assert_eq!(error_code(&again), "CONFLICT");
    }
    let submit = app
        .gql_as(Some(&staff.access), SUBMIT, json!({ "id": id }))
        .await;
    assert_eq!(error_code(&submit), "CONFLICT");
    assert_eq!(status_of(&app, &staff, &id).await, "CANCELLED");
    assert!(
        app.gql(VIEW, json!({ "id": id })).await["data"]["request"].is_null(),
        "a cancelled request is not public"
    );
}
