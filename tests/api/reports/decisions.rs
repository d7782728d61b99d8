//! Moderators' decisions on reports: resolving after suspending the account behind the
//! subject (which leaves search at once), dismissing, deciding twice, and who may decide.

use super::{QUEUE, RESOLVE, World, queue, report, world};
use crate::helpers::{Signed, TestApp, error_code, error_field};
use crate::requests::ok;
use braingain_store::audit;
use serde_json::{Value, json};
use std::time::Duration;

const SUSPEND: &str =
    "mutation($id: ID!, $r: String!) { suspendAccount(id: $id, reason: $r) { status } }";
const SEARCH: &str = "query($q: String) { searchExperts(query: $q) { hits { expert { id } } } }";

async fn found_in_search(app: &TestApp, profile: &str) -> bool {
    let body = app.gql(SEARCH, json!({ "q": "hydrologist" })).await;
    body["data"]["searchExperts"]["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .any(|h| h["expert"]["id"] == profile)
}

/// Waits (up to 10 s) until `profile` is (or is not) found by an anonymous search.
async fn until_search_finds(app: &TestApp, profile: &str, present: bool) {
    for _ in 0..100 {
        if found_in_search(app, profile).await == present {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "search never {} {profile}",
        if present { "found" } else { "dropped" }
    );
}

async fn resolve(app: &TestApp, who: Option<&Signed>, id: &str, action: &str, note: &str) -> Value {
    app.gql_as(
        who.map(|w| w.access.as_str()),
        RESOLVE,
        json!({ "id": id, "a": action, "n": note }),
    )
    .await
}

#[tokio::test]
async fn a_moderator_suspends_the_reported_expert_who_leaves_search_at_once_and_resolves() {
    let app = TestApp::spawn().await;
    let World {
        staff,
        moderator,
        expert,
        profile,
        ..
    } = world(&app).await;
    until_search_finds(&app, &profile, true).await;
    report(
        &app,
        Some(&staff),
        &profile,
        "Claims a doctorate they do not have",
    )
    .await;

    let open = queue(&app, &moderator).await;
    let account = open[0]["subjectAccount"]["id"].as_str().unwrap().to_owned();
    assert_eq!(account, expert.id);
    let suspended = ok(
        &app,
        &moderator,
        SUSPEND,
        json!({ "id": account, "r": "False credentials (report)" }),
    )
    .await;
    assert_eq!(suspended["status"], "SUSPENDED");
    until_search_finds(&app, &profile, false).await;
    let report_id = open[0]["id"].as_str().unwrap();
    let done = resolve(
        &app,
        Some(&moderator),
        report_id,
        "RESOLVE",
        "  Suspended the account ",
    )
    .await;

    let decided = &done["data"]["resolveReport"];
    assert_eq!(decided["status"], "RESOLVED", "{done}");
    assert_eq!(decided["resolutionNote"], "Suspended the account");
    assert_eq!(decided["resolvedBy"]["id"], moderator.id.as_str());
    assert!(decided["resolvedAt"].is_string());
    assert!(queue(&app, &moderator).await.is_empty());
    let again = resolve(
        &app,
        Some(&moderator),
        report_id,
        "DISMISS",
        "Changed my mind",
    )
    .await;
    assert_eq!(error_code(&again), "CONFLICT", "{again}");
    let entries = audit::for_subject(app.service.store().conn(), report_id)
        .await
        .unwrap();
    let [entry] = entries.as_slice() else {
        panic!("one decision, one entry: {entries:?}")
    };
    assert_eq!(entry.action, "report.resolve");
    assert_eq!(entry.reason.as_deref(), Some("Suspended the account"));
    assert_eq!(
        entry.actor.map(|a| a.to_string()),
        Some(moderator.id.clone())
    );
    assert_eq!(
        entry.details.as_ref().unwrap()["subjectId"],
        profile.as_str()
    );
}

#[tokio::test]
async fn a_dismissed_report_leaves_the_queue_and_only_moderators_decide() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    report(
        &app,
        Some(&w.staff),
        &w.request,
        "Duplicate of another request",
    )
    .await;
    let id = queue(&app, &w.moderator).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let outsider = app.verified("outsider@example.org", "INSTITUTION").await;

    for (who, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(&w.expert), "FORBIDDEN"),
        (Some(&w.staff), "FORBIDDEN"),
        (Some(&outsider), "FORBIDDEN"),
    ] {
        let body = resolve(&app, who, &id, "DISMISS", "Not a problem").await;
        assert_eq!(error_code(&body), code, "{body}");
        let queue_body = app
            .gql_as(who.map(|w| w.access.as_str()), QUEUE, json!({}))
            .await;
        assert_eq!(error_code(&queue_body), code, "{queue_body}");
    }
    let blank = resolve(&app, Some(&w.moderator), &id, "DISMISS", "  ").await;
    assert_eq!(error_code(&blank), "BAD_USER_INPUT");
    assert_eq!(error_field(&blank).as_deref(), Some("note"));
    let bad_id = resolve(&app, Some(&w.moderator), "nope", "DISMISS", "x").await;
    assert_eq!(error_code(&bad_id), "BAD_USER_INPUT");
    let unknown = uuid::Uuid::now_v7().to_string();
    let missing = resolve(&app, Some(&w.moderator), &unknown, "DISMISS", "x").await;
    assert_eq!(error_code(&missing), "NOT_FOUND");
    assert_eq!(
        queue(&app, &w.moderator).await.len(),
        1,
        "nothing was decided"
    );

    let admin = app.admin("root@example.org").await;
    let done = resolve(&app, Some(&admin), &id, "DISMISS", "Not a duplicate").await;
    assert_eq!(
        done["data"]["resolveReport"]["status"], "DISMISSED",
        "{done}"
    );
    assert!(queue(&app, &w.moderator).await.is_empty());
    // The reporter may report the same subject again once the first report is decided.
    let anew = report(&app, Some(&w.staff), &w.request, "Still a duplicate").await;
    assert_eq!(anew["data"]["reportContent"], true);
    assert_eq!(queue(&app, &w.moderator).await.len(), 1);
}
