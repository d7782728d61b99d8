//! Engagements: applying and inviting, answering, withdrawing and completing, who sees what,
//! the contact email rule, and concurrent duplicate applications.

mod denials;

use crate::helpers::{Signed, TestApp, error_code};
use crate::profiles::expert_with_profile;
use crate::requests::{REVIEW, SUBMIT, draft, ok, status_of, verified_institution};
use braingain_domain::{Clock, Side};
use braingain_store::StoreError;
use braingain_store::audit;
use braingain_store::engagements::{self, NewEngagement};
use serde_json::{Value, json};

pub const APPLY: &str = "mutation($r: ID!, $m: String!) { applyToRequest(requestId: $r, message: $m) { id status initiatedBy message request { id status } expert { id } } }";
pub const INVITE: &str = "mutation($r: ID!, $e: ID!, $m: String!) { inviteExpert(requestId: $r, expertId: $e, message: $m) { id status initiatedBy } }";
pub const RESPOND: &str = "mutation($id: ID!, $a: Boolean!, $reason: String) { respondToEngagement(id: $id, accept: $a, reason: $reason) { id status declineReason request { id status } } }";
pub const WITHDRAW: &str = "mutation($id: ID!) { withdrawEngagement(id: $id) { id status } }";
pub const COMPLETE: &str = "mutation($id: ID!, $h: Int!, $f: String) { completeEngagement(id: $id, hoursGiven: $h, feedback: $f) { id status hoursGiven feedback updatedAt } }";
pub const MINE: &str = "{ myEngagements { id status request { id } expert { id } } }";
pub const ON_REQUEST: &str =
    "query($id: ID!) { request(id: $id) { engagements { id status expert { id } } } }";
const CONTACT: &str = "query($id: ID!) { expert(id: $id) { contactEmail } }";

/// A verified institution's staff member, its id, its moderator, and one OPEN request.
pub async fn open_request(app: &TestApp, email: &str) -> (Signed, String, Signed, String) {
    let (staff, inst, moderator) = verified_institution(app, email).await;
    let id = draft(app, &staff, &inst).await;
    ok(app, &staff, SUBMIT, json!({ "id": id })).await;
    ok(app, &moderator, REVIEW, json!({ "id": id, "d": "APPROVE" })).await;
    (staff, inst, moderator, id)
}

/// `expert` applies to `request`; returns the engagement id.
pub async fn apply(app: &TestApp, expert: &Signed, request: &str) -> String {
    let applied = ok(
        app,
        expert,
        APPLY,
        json!({ "r": request, "m": "I modelled the Niger delta floods for ten years." }),
    )
    .await;
    applied["id"].as_str().unwrap().to_owned()
}

/// The statuses of the caller's engagements, newest first.
pub async fn mine(app: &TestApp, who: &Signed) -> Vec<Value> {
    let list = ok(app, who, MINE, json!({})).await;
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].clone())
        .collect()
}

fn actions(entries: Vec<audit::AuditEntry>) -> Vec<String> {
    entries.into_iter().map(|e| e.action).collect()
}

#[tokio::test]
async fn engagements_an_application_is_accepted_starts_the_request_and_is_completed() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, profile) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;

    let applied = ok(
        &app,
        &expert,
        APPLY,
        json!({ "r": request, "m": "  I can help with the lagoon model. " }),
    )
    .await;
    let id = applied["id"].as_str().unwrap().to_owned();
    assert_eq!(applied["status"], "APPLIED");
    assert_eq!(applied["initiatedBy"], "EXPERT");
    assert_eq!(applied["message"], "I can help with the lagoon model.");
    assert_eq!(applied["expert"]["id"], profile.as_str());
    let mail = app.mail_containing(&staff.email, "applied").await;
    assert!(
        mail.contains(&format!("http://braingain.test/engagements/{id}")),
        "{mail}"
    );

    let accepted = ok(&app, &staff, RESPOND, json!({ "id": id, "a": true })).await;
    assert_eq!(accepted["status"], "ACCEPTED");
    assert_eq!(accepted["request"]["status"], "IN_PROGRESS");
    assert_eq!(status_of(&app, &staff, &request).await, "IN_PROGRESS");
    app.mail_containing(&expert.email, "was accepted").await;

    let done = ok(
        &app,
        &staff,
        COMPLETE,
        json!({ "id": id, "h": 42, "f": "  Excellent work. " }),
    )
    .await;
    assert_eq!(done["status"], "COMPLETED");
    assert_eq!(done["hoursGiven"], 42);
    assert_eq!(done["feedback"], "Excellent work.");
    app.mail_containing(&expert.email, "recorded as completed")
        .await;
    assert_eq!(mine(&app, &expert).await, [json!("COMPLETED")]);
    assert_eq!(mine(&app, &staff).await, [json!("COMPLETED")]);

    let conn = app.service.store().conn();
    assert_eq!(
        actions(audit::for_subject(conn, &id).await.unwrap()),
        [
            "engagement.apply",
            "engagement.accept",
            "engagement.complete"
        ]
    );
    assert!(
        actions(audit::for_subject(conn, &request).await.unwrap())
            .contains(&"request.start".to_owned())
    );
}

#[tokio::test]
async fn engagements_an_invitation_is_declined_with_a_reason_and_another_withdrawn() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, profile) = expert_with_profile(&app, "amara@example.org", "MEMBERS").await;
    let vars = json!({ "r": request, "e": profile, "m": "Would you advise our engineers?" });

    let invited = ok(&app, &staff, INVITE, vars.clone()).await;
    let id = invited["id"].as_str().unwrap().to_owned();
    assert_eq!(invited["status"], "INVITED");
    assert_eq!(invited["initiatedBy"], "INSTITUTION");
    let mail = app.mail_containing(&expert.email, "invites you").await;
    assert!(mail.contains(&format!("/engagements/{id}")), "{mail}");

    let reason = "I am on fieldwork until June.";
    let declined = ok(
        &app,
        &expert,
        RESPOND,
        json!({ "id": id, "a": false, "reason": reason }),
    )
    .await;
    assert_eq!(declined["status"], "DECLINED");
    assert_eq!(declined["declineReason"], reason);
    assert_eq!(
        declined["request"]["status"], "OPEN",
        "a refusal starts nothing"
    );
    let mail = app.mail_containing(&staff.email, "was declined").await;
    assert!(mail.contains(reason), "{mail}");

    // A declined engagement is over: the institution may invite again, and withdraw that.
    let again = ok(&app, &staff, INVITE, vars).await;
    let second = again["id"].as_str().unwrap().to_owned();
    let withdrawn = ok(&app, &staff, WITHDRAW, json!({ "id": second })).await;
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    app.mail_containing(&expert.email, "withdrew from").await;
    assert_eq!(
        mine(&app, &expert).await,
        [json!("WITHDRAWN"), json!("DECLINED")]
    );
    assert_eq!(status_of(&app, &staff, &request).await, "OPEN");
}

#[tokio::test]
async fn engagements_an_expert_withdraws_an_application_and_either_side_an_accepted_one() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;

    let first = apply(&app, &expert, &request).await;
    let withdrawn = ok(&app, &expert, WITHDRAW, json!({ "id": first })).await;
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    app.mail_containing(&staff.email, "withdrew from").await;

    let second = apply(&app, &expert, &request).await;
    ok(&app, &staff, RESPOND, json!({ "id": second, "a": true })).await;
    let left = ok(&app, &staff, WITHDRAW, json!({ "id": second })).await;
    assert_eq!(left["status"], "WITHDRAWN");
    assert_eq!(
        status_of(&app, &staff, &request).await,
        "IN_PROGRESS",
        "the request stays under way; its members close it"
    );
}

#[tokio::test]
async fn engagements_are_seen_by_their_sides_and_moderators_only() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (other_staff, _, _, _) = open_request(&app, "dean@uaa.edu.et").await;
    let (amara, amara_profile) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (kofi, _) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let (idle, _) = expert_with_profile(&app, "idle@example.org", "PUBLIC").await;
    apply(&app, &amara, &request).await;
    apply(&app, &kofi, &request).await;

    let seen = |who: Option<&Signed>| {
        let token = who.map(|w| w.access.clone());
        let app = &app;
        let request = request.clone();
        async move {
            let body = app
                .gql_as(token.as_deref(), ON_REQUEST, json!({ "id": request }))
                .await;
            assert!(body["errors"].is_null(), "{body}");
            body["data"]["request"]["engagements"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    assert_eq!(seen(Some(&staff)).await, 2);
    assert_eq!(seen(Some(&moderator)).await, 2);
    assert_eq!(seen(Some(&amara)).await, 1);
    assert_eq!(seen(Some(&idle)).await, 0);
    assert_eq!(seen(Some(&other_staff)).await, 0);
    assert_eq!(seen(None).await, 0);
    let own = ok(&app, &amara, ON_REQUEST, json!({ "id": request })).await;
    assert_eq!(
        own["engagements"][0]["expert"]["id"],
        amara_profile.as_str()
    );

    assert_eq!(mine(&app, &staff).await.len(), 2);
    assert_eq!(mine(&app, &amara).await, [json!("APPLIED")]);
    assert!(mine(&app, &idle).await.is_empty());
    assert!(mine(&app, &other_staff).await.is_empty());
    assert_eq!(
        error_code(&app.gql(MINE, json!({})).await),
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn engagements_an_accepted_engagement_shows_the_contact_email_to_that_institution_only() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (other_staff, _, _, _) = open_request(&app, "dean@uaa.edu.et").await;
    let (expert, profile) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (peer, _) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let contact = |who: &Signed| {
        let (app, token, profile) = (&app, who.access.clone(), profile.clone());
        async move {
            let body = app
                .gql_as(Some(&token), CONTACT, json!({ "id": profile }))
                .await;
            body["data"]["expert"]["contactEmail"].clone()
        }
    };

    let id = apply(&app, &expert, &request).await;
    for who in [&staff, &other_staff, &peer] {
        assert!(contact(who).await.is_null(), "nobody before acceptance");
    }
    ok(&app, &staff, RESPOND, json!({ "id": id, "a": true })).await;
    assert_eq!(contact(&staff).await, "amara@example.org");
    let engaged = ok(&app, &staff, MINE, json!({})).await;
    assert!(engaged[0]["expert"]["id"].is_string());
    assert!(contact(&other_staff).await.is_null(), "another institution");
    assert!(contact(&peer).await.is_null(), "another expert");
    assert_eq!(contact(&moderator).await, "amara@example.org");
    assert_eq!(contact(&expert).await, "amara@example.org");

    ok(&app, &staff, COMPLETE, json!({ "id": id, "h": 3 })).await;
    assert_eq!(
        contact(&staff).await,
        "amara@example.org",
        "completed work keeps the contact"
    );
}

#[tokio::test]
async fn engagements_concurrent_duplicate_applications_make_exactly_one() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, profile) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let vars = json!({ "r": request, "m": "Count me in." });

    let (a, b) = tokio::join!(
        app.gql_as(Some(&expert.access), APPLY, vars.clone()),
        app.gql_as(Some(&expert.access), APPLY, vars.clone()),
    );

    let outcomes: Vec<&Value> = [&a, &b].into_iter().collect();
    let won = outcomes
        .iter()
        .filter(|r| r["data"]["applyToRequest"]["id"].is_string())
        .count();
    assert_eq!(won, 1, "{a} {b}");
    let lost = outcomes
        .iter()
        .find(|r| r["errors"].is_array())
        .expect("one is refused");
    assert_eq!(error_code(lost), "CONFLICT");
    assert_eq!(mine(&app, &expert).await, [json!("APPLIED")]);
    assert_eq!(mine(&app, &staff).await.len(), 1);

    // Past the service's own check, the partial unique index refuses a second live row.
    let duplicate = engagements::create(
        app.service.store().conn(),
        NewEngagement {
            request_id: request.parse().unwrap(),
            expert_profile_id: profile.parse().unwrap(),
            initiated_by: Side::Institution,
            message: "Again",
            created_by: expert.id.parse().unwrap(),
            at: app.clock.now(),
        },
    )
    .await;
    assert!(
        matches!(duplicate, Err(StoreError::Conflict(_))),
        "{duplicate:?}"
    );
}

#[tokio::test]
async fn engagements_one_engagement_is_read_by_its_sides_and_moderators_only() {
    const ONE: &str = "query($id: ID!) { engagement(id: $id) { id status request { id } } }";
    let app = TestApp::spawn().await;
    let (staff, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (amara, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (kofi, _) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let (stranger, _, _, _) = open_request(&app, "dean@knust.edu.gh").await;
    let id = apply(&app, &amara, &request).await;

    for who in [&amara, &staff, &moderator] {
        let body = app
            .gql_as(Some(&who.access), ONE, json!({ "id": id }))
            .await;
        assert!(body["errors"].is_null(), "{body}");
        assert_eq!(body["data"]["engagement"]["id"], json!(id));
        assert_eq!(body["data"]["engagement"]["request"]["id"], json!(request));
        assert_eq!(body["data"]["engagement"]["status"], "APPLIED");
    }
    // Another expert, another institution's staff and anonymous callers see nothing.
    for who in [Some(&kofi.access), Some(&stranger.access), None] {
        let body = app
            .gql_as(who.map(String::as_str), ONE, json!({ "id": id }))
            .await;
        assert!(body["errors"].is_null(), "{body}");
        assert!(body["data"]["engagement"].is_null(), "{body}");
    }
    let bad = app
        .gql_as(Some(&amara.access), ONE, json!({ "id": "nope" }))
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT", "{bad}");
}
