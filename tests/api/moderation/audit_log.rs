//! The audit log: every moderator action is on record (who, what, when, why), and only
//! administrators read it, newest first, filtered and paged.

use super::{CLOSE_WHY, HOLD, RESUME, refused};
use crate::engagements::open_request;
use crate::helpers::{TestApp, error_code, error_field};
use crate::requests::ok;
use serde_json::{Value, json};

const LOG: &str = "query($first: Int, $after: String, $actor: ID, $subject: ID) { auditLog(first: $first, after: $after, actorId: $actor, subjectId: $subject) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { cursor at action subjectType subjectId reason details actorId actor { id email } } } } }";

fn nodes(page: &Value) -> Vec<Value> {
    page["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

#[tokio::test]
async fn admins_read_who_did_what_when_and_why_newest_first_in_pages() {
    let app = TestApp::spawn().await;
    let (_, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    ok(
        &app,
        &moderator,
        HOLD,
        json!({ "id": request, "r": "Quiet for a month" }),
    )
    .await;
    ok(&app, &moderator, RESUME, json!({ "id": request })).await;
    ok(
        &app,
        &moderator,
        CLOSE_WHY,
        json!({ "id": request, "c": false, "r": "Withdrawn by agreement" }),
    )
    .await;
    let admin = app.admin("root@example.org").await;

    let about = ok(&app, &admin, LOG, json!({ "subject": request })).await;

    let entries = nodes(&about);
    let actions: Vec<_> = entries.iter().map(|e| e["action"].clone()).collect();
    assert_eq!(
        actions,
        [
            "request.cancel",
            "request.resume",
            "request.hold",
            "request.approve",
            "request.submit",
            "request.create"
        ],
        "newest first"
    );
    assert_eq!(about["totalCount"], 6);
    assert_eq!(about["pageInfo"]["hasNextPage"], false);
    let hold = &entries[2];
    assert_eq!(hold["reason"], "Quiet for a month");
    assert_eq!(hold["subjectType"], "request");
    assert_eq!(hold["subjectId"], request.as_str());
    assert_eq!(hold["actor"]["id"], moderator.id.as_str());
    assert_eq!(hold["actorId"], moderator.id.as_str());
    assert_eq!(hold["actor"]["email"], moderator.email.as_str());
    let details: Value = serde_json::from_str(hold["details"].as_str().unwrap()).unwrap();
    assert_eq!(details, json!({ "from": "OPEN", "to": "ON_HOLD" }));
    assert!(hold["at"].is_string());
    assert_eq!(entries[0]["reason"], "Withdrawn by agreement");

    let by_moderator = ok(
        &app,
        &admin,
        LOG,
        json!({ "actor": moderator.id, "first": 2 }),
    )
    .await;
    let first_page = nodes(&by_moderator);
    assert_eq!(first_page.len(), 2);
    assert_eq!(by_moderator["pageInfo"]["hasNextPage"], true);
    assert!(
        first_page
            .iter()
            .all(|e| e["actorId"] == moderator.id.as_str())
    );
    let cursor = by_moderator["pageInfo"]["endCursor"].as_str().unwrap();
    let next = ok(
        &app,
        &admin,
        LOG,
        json!({ "actor": moderator.id, "first": 2, "after": cursor }),
    )
    .await;
    let second_page = nodes(&next);
    assert!(!second_page.is_empty());
    for entry in &second_page {
        assert!(
            !first_page.iter().any(|e| e["cursor"] == entry["cursor"]),
            "pages do not overlap"
        );
        assert!(entry["at"].as_str() <= first_page[1]["at"].as_str());
    }
    let total = by_moderator["totalCount"].as_i64().unwrap();
    assert!(
        total >= 4,
        "approve, hold, resume, cancel at least: {total}"
    );
}

#[tokio::test]
async fn nobody_but_admins_reads_the_audit_log() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator, _) = open_request(&app, "registrar@unilag.edu.ng").await;
    let expert = app.verified("amara@example.org", "EXPERT").await;

    for (who, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(&expert), "FORBIDDEN"),
        (Some(&staff), "FORBIDDEN"),
        (Some(&moderator), "FORBIDDEN"),
    ] {
        assert_eq!(refused(&app, who, LOG, json!({})).await, code);
    }
    let admin = app.admin("root@example.org").await;
    for (vars, field) in [
        (json!({ "after": "yesterday" }), "after"),
        (json!({ "first": 0 }), "first"),
        (json!({ "first": 201 }), "first"),
        (json!({ "actor": "nobody" }), "actorId"),
    ] {
        let body = app.gql_as(Some(&admin.access), LOG, vars).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(error_field(&body).as_deref(), Some(field));
    }
}
