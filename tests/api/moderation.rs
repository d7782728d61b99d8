//! Moderators managing projects: putting a stalled request on hold and resuming it, closing
//! with a reason, illegal moves leaving the request as it was, and who may do what. Brokered
//! proposals, stalled requests and the audit log have their own files.

mod audit_log;
mod proposals;
mod stalled;

use crate::engagements::{APPLY, INVITE, RESPOND, apply, open_request};
use crate::helpers::{Signed, TestApp, error_code, error_field};
use crate::profiles::expert_with_profile;
use crate::requests::{CLOSE, REVIEW, SUBMIT, VIEW, draft, ok, status_of, verified_institution};
use braingain_store::audit;
use serde_json::{Value, json};

pub const HOLD: &str = "mutation($id: ID!, $r: String!) { holdRequest(id: $id, reason: $r) { id status reviewReason } }";
pub const RESUME: &str = "mutation($id: ID!, $r: String) { resumeRequest(id: $id, reason: $r) { id status reviewReason } }";
pub const CLOSE_WHY: &str = "mutation($id: ID!, $c: Boolean!, $r: String) { closeRequest(id: $id, completed: $c, reason: $r) { id status reviewReason } }";
const NOTIFICATIONS: &str = "{ notifications { kind text } }";
const SEARCH: &str = "query($q: String) { searchRequests(query: $q) { request { id } } }";

/// Waits (up to 10 s) until an anonymous request search for "flood" does (or does not) find
/// `request`.
async fn until_searchable(app: &TestApp, request: &str, present: bool) {
    for _ in 0..100 {
        let body = app.gql(SEARCH, json!({ "q": "flood" })).await;
        let hits = body["data"]["searchRequests"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"));
        if hits.iter().any(|h| h["request"]["id"] == request) == present {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "request search never {} {request}",
        if present { "found" } else { "dropped" }
    );
}

/// Runs `query` as `who` (or anonymously), expecting an error; returns its code.
pub async fn refused(app: &TestApp, who: Option<&Signed>, query: &str, vars: Value) -> String {
    let body = app
        .gql_as(who.map(|w| w.access.as_str()), query, vars)
        .await;
    error_code(&body)
}

/// The audit actions about `subject`, oldest first.
pub async fn actions(app: &TestApp, subject: &str) -> Vec<String> {
    audit::for_subject(app.service.store().conn(), subject)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// The kinds and texts of `who`'s notifications, newest first.
async fn notifications(app: &TestApp, who: &Signed) -> Vec<(String, String)> {
    let list = ok(app, who, NOTIFICATIONS, json!({})).await;
    list.as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_owned(),
                n["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_request_on_hold_shows_why_takes_no_experts_and_resumes_where_it_was() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (amara, amara_profile) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (kofi, kofi_profile) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let application = apply(&app, &amara, &request).await;
    until_searchable(&app, &request, true).await;

    let held = ok(
        &app,
        &moderator,
        HOLD,
        json!({ "id": request, "r": "  No answer to applications for a month " }),
    )
    .await;

    assert_eq!(held["status"], "ON_HOLD");
    assert_eq!(
        held["reviewReason"],
        "No answer to applications for a month"
    );
    let seen = ok(&app, &staff, VIEW, json!({ "id": request })).await;
    assert_eq!(seen["status"], "ON_HOLD");
    assert_eq!(
        seen["reviewReason"],
        "No answer to applications for a month"
    );
    app.mail_containing(&staff.email, "No answer to applications for a month")
        .await;
    let told = notifications(&app, &staff).await;
    assert!(
        told.iter()
            .any(|(k, t)| k == "REQUEST_ON_HOLD" && t.contains("No answer to applications")),
        "{told:?}"
    );
    let public = app.gql(VIEW, json!({ "id": request })).await;
    assert!(public["data"]["request"].is_null(), "on hold is not public");
    until_searchable(&app, &request, false).await;
    let applying = app
        .gql_as(
            Some(&kofi.access),
            APPLY,
            json!({ "r": request, "m": "I can help." }),
        )
        .await;
    assert_eq!(error_code(&applying), "NOT_FOUND", "{applying}");
    let inviting = app
        .gql_as(
            Some(&staff.access),
            INVITE,
            json!({ "r": request, "e": kofi_profile, "m": "Join us" }),
        )
        .await;
    assert_eq!(error_code(&inviting), "CONFLICT", "{inviting}");
    let accepting = app
        .gql_as(
            Some(&staff.access),
            RESPOND,
            json!({ "id": application, "a": true }),
        )
        .await;
    assert_eq!(error_code(&accepting), "CONFLICT", "{accepting}");
    let recommended = ok(
        &app,
        &kofi,
        "{ recommendedRequests { request { id } } }",
        json!({}),
    )
    .await;
    assert!(
        !recommended.to_string().contains(&request),
        "no recommendation of a request on hold: {recommended}"
    );
    assert_eq!(status_of(&app, &staff, &request).await, "ON_HOLD");

    let resumed = ok(&app, &moderator, RESUME, json!({ "id": request })).await;
    assert_eq!(resumed["status"], "OPEN", "nobody was accepted yet");
    until_searchable(&app, &request, true).await;
    assert!(
        resumed["reviewReason"].is_null(),
        "the hold's reason is gone"
    );
    app.mail_containing(&staff.email, "was resumed").await;
    ok(
        &app,
        &staff,
        RESPOND,
        json!({ "id": application, "a": true }),
    )
    .await;
    assert_eq!(status_of(&app, &staff, &request).await, "IN_PROGRESS");
    ok(
        &app,
        &moderator,
        HOLD,
        json!({ "id": request, "r": "Paused" }),
    )
    .await;
    let back = ok(
        &app,
        &moderator,
        RESUME,
        json!({ "id": request, "r": "Work goes on" }),
    )
    .await;
    assert_eq!(
        back["status"], "IN_PROGRESS",
        "staffed work resumes under way"
    );
    assert_eq!(back["reviewReason"], "Work goes on");
    let _ = amara_profile;
    let log = actions(&app, &request).await;
    let tail: Vec<_> = log.iter().rev().take(5).rev().map(String::as_str).collect();
    assert_eq!(
        tail,
        [
            "request.hold",
            "request.resume",
            "request.start",
            "request.hold",
            "request.resume"
        ]
    );
}

#[tokio::test]
async fn illegal_holds_resumes_and_closings_leave_the_request_as_it_was() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let id = draft(&app, &staff, &inst).await;
    let before = actions(&app, &id).await;

    for (query, vars) in [
        (HOLD, json!({ "id": id, "r": "Quiet" })),
        (RESUME, json!({ "id": id })),
    ] {
        assert_eq!(
            refused(&app, Some(&moderator), query, vars).await,
            "CONFLICT"
        );
        assert_eq!(status_of(&app, &staff, &id).await, "DRAFT");
    }
    ok(&app, &staff, SUBMIT, json!({ "id": id })).await;
    let hold = refused(
        &app,
        Some(&moderator),
        HOLD,
        json!({ "id": id, "r": "Quiet" }),
    )
    .await;
    assert_eq!(hold, "CONFLICT");
    assert_eq!(status_of(&app, &staff, &id).await, "IN_REVIEW");
    ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": id, "d": "APPROVE" }),
    )
    .await;
    let resume = refused(&app, Some(&moderator), RESUME, json!({ "id": id })).await;
    assert_eq!(resume, "CONFLICT", "an OPEN request is not on hold");
    ok(&app, &moderator, HOLD, json!({ "id": id, "r": "Quiet" })).await;
    let twice = app
        .gql_as(
            Some(&moderator.access),
            HOLD,
            json!({ "id": id, "r": "Again" }),
        )
        .await;
    assert_eq!(error_code(&twice), "CONFLICT");
    assert!(
        twice["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("already on hold")
    );
    let complete = refused(&app, Some(&staff), CLOSE, json!({ "id": id, "c": true })).await;
    assert_eq!(complete, "CONFLICT", "only work under way is completed");
    let seen = ok(&app, &staff, VIEW, json!({ "id": id })).await;
    assert_eq!(seen["status"], "ON_HOLD");
    assert_eq!(
        seen["reviewReason"], "Quiet",
        "the failed moves changed nothing"
    );

    ok(&app, &staff, CLOSE, json!({ "id": id, "c": false })).await;
    for (query, vars) in [
        (HOLD, json!({ "id": id, "r": "Quiet" })),
        (RESUME, json!({ "id": id })),
    ] {
        assert_eq!(
            refused(&app, Some(&moderator), query, vars).await,
            "CONFLICT"
        );
    }
    assert_eq!(status_of(&app, &staff, &id).await, "CANCELLED");
    let after = actions(&app, &id).await;
    assert_eq!(
        after[before.len()..],
        [
            "request.submit",
            "request.approve",
            "request.hold",
            "request.cancel"
        ],
        "only the legal moves are on record"
    );
}

#[tokio::test]
async fn a_moderator_closes_with_a_reason_the_institution_reads_and_a_member_s_reason_is_audited() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;

    let closed = ok(
        &app,
        &moderator,
        CLOSE_WHY,
        json!({ "id": request, "c": false, "r": "The institution asked us to withdraw it" }),
    )
    .await;

    assert_eq!(closed["status"], "CANCELLED");
    assert_eq!(
        closed["reviewReason"],
        "The institution asked us to withdraw it"
    );
    let mail = app.mail_containing(&staff.email, "was closed").await;
    assert!(
        mail.contains("The institution asked us to withdraw it"),
        "{mail}"
    );
    assert!(
        notifications(&app, &staff)
            .await
            .iter()
            .any(|(k, _)| k == "REQUEST_CLOSED")
    );
    let entries = audit::for_subject(app.service.store().conn(), &request)
        .await
        .unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last.action, "request.cancel");
    assert_eq!(
        last.reason.as_deref(),
        Some("The institution asked us to withdraw it")
    );
    assert_eq!(
        last.actor.map(|a| a.to_string()),
        Some(moderator.id.clone())
    );

    let own = draft(&app, &staff, &inst).await;
    let by_member = ok(
        &app,
        &staff,
        CLOSE_WHY,
        json!({ "id": own, "c": false, "r": "Funding fell through" }),
    )
    .await;
    assert_eq!(by_member["status"], "CANCELLED");
    assert!(
        by_member["reviewReason"].is_null(),
        "a member's reason is not a moderators' decision"
    );
    let entries = audit::for_subject(app.service.store().conn(), &own)
        .await
        .unwrap();
    assert_eq!(
        entries.last().unwrap().reason.as_deref(),
        Some("Funding fell through")
    );
    let long = refused(
        &app,
        Some(&staff),
        CLOSE_WHY,
        json!({ "id": own, "c": false, "r": "x".repeat(2001) }),
    )
    .await;
    assert_eq!(long, "BAD_USER_INPUT");
}

#[tokio::test]
async fn only_moderators_hold_and_resume_and_a_reason_is_required() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (other_staff, _, _) = verified_institution(&app, "dean@uniben.edu").await;
    let hold = json!({ "id": request, "r": "Quiet for weeks" });

    for (who, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(&expert), "FORBIDDEN"),
        (Some(&staff), "FORBIDDEN"),
        (Some(&other_staff), "FORBIDDEN"),
    ] {
        assert_eq!(refused(&app, who, HOLD, hold.clone()).await, code);
        assert_eq!(
            refused(&app, who, RESUME, json!({ "id": request })).await,
            code
        );
    }
    let other_close = refused(
        &app,
        Some(&other_staff),
        CLOSE_WHY,
        json!({ "id": request, "c": false, "r": "Not ours" }),
    )
    .await;
    assert_eq!(other_close, "FORBIDDEN");
    for reason in ["   ", &"x".repeat(2001)] {
        let body = app
            .gql_as(
                Some(&moderator.access),
                HOLD,
                json!({ "id": request, "r": reason }),
            )
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT");
        assert_eq!(error_field(&body).as_deref(), Some("reason"));
    }
    let unknown = uuid::Uuid::now_v7().to_string();
    assert_eq!(
        refused(
            &app,
            Some(&moderator),
            HOLD,
            json!({ "id": unknown, "r": "Quiet" })
        )
        .await,
        "NOT_FOUND"
    );
    assert_eq!(status_of(&app, &staff, &request).await, "OPEN");
    let admin = app.admin("root@example.org").await;
    let held = ok(&app, &admin, HOLD, hold).await;
    assert_eq!(held["status"], "ON_HOLD", "admins moderate too");
}
