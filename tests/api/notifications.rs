//! Notifications: each step of a request's and an engagement's life notifies the right
//! accounts and nobody else, unread filtering and marking read, reminders of unanswered
//! engagements after a week, and the three-week silence rule in matching.

mod reminders;

use crate::engagements::{COMPLETE, INVITE, RESPOND, WITHDRAW, apply, open_request};
use crate::helpers::{PASSWORD, Signed, TestApp, error_code, error_field};
use crate::institutions::staff_with_institution;
use crate::profiles::expert_with_profile;
use crate::requests::{REVIEW, SEND_BACK, SUBMIT, draft, ok};
use serde_json::{Value, json};

pub const LIST: &str =
    "query($u: Boolean) { notifications(unreadOnly: $u) { id kind text link createdAt readAt } }";
pub const MARK: &str = "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }";
pub const COUNT: &str = "{ unreadNotificationCount }";
const SEND: &str =
    "mutation($id: ID!, $b: String!) { sendMessage(engagementId: $id, body: $b) { id } }";
const REVIEW_INSTITUTION: &str = "mutation($id: ID!, $d: Decision!, $r: String) { reviewInstitution(id: $id, decision: $d, reason: $r) { verification } }";

/// The caller's notifications, newest first.
pub async fn notes(app: &TestApp, who: &Signed, unread_only: bool) -> Vec<Value> {
    ok(app, who, LIST, json!({ "u": unread_only }))
        .await
        .as_array()
        .unwrap()
        .clone()
}

/// The kinds of the caller's notifications, newest first.
pub async fn kinds(app: &TestApp, who: &Signed) -> Vec<String> {
    notes(app, who, false)
        .await
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_owned())
        .collect()
}

/// The newest notification of `kind` for `who`.
pub async fn newest(app: &TestApp, who: &Signed, kind: &str) -> Value {
    notes(app, who, false)
        .await
        .into_iter()
        .find(|n| n["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} notification"))
}

#[tokio::test]
async fn each_engagement_step_notifies_the_other_side_and_nobody_else() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (other_staff, _, _, _) = open_request(&app, "dean@uaa.edu.et").await;
    let (amara, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (kofi, kofi_profile) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let (lina, lina_profile) = expert_with_profile(&app, "lina@example.org", "PUBLIC").await;
    let (idle, _) = expert_with_profile(&app, "idle@example.org", "PUBLIC").await;
    let before = ["REQUEST_APPROVED", "INSTITUTION_VERIFIED"];
    assert_eq!(kinds(&app, &staff).await, before);

    // An application, accepted, a message, completion.
    let applied = apply(&app, &amara, &request).await;
    let note = newest(&app, &staff, "ENGAGEMENT_APPLIED").await;
    assert_eq!(note["link"], format!("/engagements/{applied}"));
    assert!(note["text"].as_str().unwrap().contains("Flood risk model"));
    assert!(note["readAt"].is_null());
    ok(&app, &staff, RESPOND, json!({ "id": applied, "a": true })).await;
    ok(
        &app,
        &amara,
        SEND,
        json!({ "id": applied, "b": "When do we start?" }),
    )
    .await;
    ok(&app, &staff, SEND, json!({ "id": applied, "b": "Monday." })).await;
    ok(&app, &staff, COMPLETE, json!({ "id": applied, "h": 10 })).await;

    // An invitation, declined with a reason; another, withdrawn by the institution.
    let invited = ok(
        &app,
        &staff,
        INVITE,
        json!({ "r": request, "e": kofi_profile, "m": "Would you advise us?" }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reason = "On fieldwork until June";
    ok(
        &app,
        &kofi,
        RESPOND,
        json!({ "id": invited, "a": false, "reason": reason }),
    )
    .await;
    let second = ok(
        &app,
        &staff,
        INVITE,
        json!({ "r": request, "e": lina_profile, "m": "Would you advise us?" }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(&app, &staff, WITHDRAW, json!({ "id": second })).await;

    assert_eq!(
        kinds(&app, &amara).await,
        [
            "ENGAGEMENT_COMPLETED",
            "MESSAGE_RECEIVED",
            "ENGAGEMENT_ACCEPTED"
        ]
    );
    assert_eq!(
        kinds(&app, &staff).await,
        [
            "ENGAGEMENT_DECLINED",
            "MESSAGE_RECEIVED",
            "ENGAGEMENT_APPLIED",
            "REQUEST_APPROVED",
            "INSTITUTION_VERIFIED"
        ],
        "the institution hears of what the experts did, never of its own moves"
    );
    let declined = newest(&app, &staff, "ENGAGEMENT_DECLINED").await;
    assert!(declined["text"].as_str().unwrap().contains(reason));
    assert_eq!(declined["link"], format!("/engagements/{invited}"));
    assert_eq!(kinds(&app, &kofi).await, ["ENGAGEMENT_INVITED"]);
    assert_eq!(
        kinds(&app, &lina).await,
        ["ENGAGEMENT_WITHDRAWN", "ENGAGEMENT_INVITED"]
    );
    assert_eq!(
        newest(&app, &lina, "ENGAGEMENT_WITHDRAWN").await["link"],
        format!("/engagements/{second}")
    );
    assert!(kinds(&app, &idle).await.is_empty());
    assert!(kinds(&app, &moderator).await.is_empty());
    assert_eq!(kinds(&app, &other_staff).await, before);
}

#[tokio::test]
async fn moderator_decisions_notify_the_institution_members_with_a_link() {
    let app = TestApp::spawn().await;
    let (staff, institution) = staff_with_institution(&app, "registrar@unilag.edu.ng").await;
    let (refused, refused_institution) = staff_with_institution(&app, "dean@fake.example").await;
    let moderator = app.moderator("mod@braingain.org").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let why = "No such institution is registered";
    ok(
        &app,
        &moderator,
        REVIEW_INSTITUTION,
        json!({ "id": refused_institution, "d": "REJECT", "r": why }),
    )
    .await;
    ok(
        &app,
        &moderator,
        REVIEW_INSTITUTION,
        json!({ "id": institution, "d": "APPROVE" }),
    )
    .await;

    let returned = draft(&app, &staff, &institution).await;
    ok(&app, &staff, SUBMIT, json!({ "id": returned })).await;
    let changes = "Say which months you need help in";
    ok(
        &app,
        &moderator,
        SEND_BACK,
        json!({ "id": returned, "r": changes }),
    )
    .await;
    ok(&app, &staff, SUBMIT, json!({ "id": returned })).await;
    ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": returned, "d": "REJECT", "r": "Out of scope" }),
    )
    .await;
    let approved = draft(&app, &staff, &institution).await;
    ok(&app, &staff, SUBMIT, json!({ "id": approved })).await;
    ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": approved, "d": "APPROVE" }),
    )
    .await;

    let list = notes(&app, &staff, false).await;
    let got: Vec<(&str, &str)> = list
        .iter()
        .map(|n| (n["kind"].as_str().unwrap(), n["link"].as_str().unwrap()))
        .collect();
    let (r, a, i) = (
        format!("/requests/{returned}"),
        format!("/requests/{approved}"),
        format!("/institutions/{institution}"),
    );
    assert_eq!(
        got,
        [
            ("REQUEST_APPROVED", a.as_str()),
            ("REQUEST_REJECTED", r.as_str()),
            ("REQUEST_RETURNED", r.as_str()),
            ("INSTITUTION_VERIFIED", i.as_str()),
        ]
    );
    assert!(list[2]["text"].as_str().unwrap().contains(changes));
    let mail = app.mail_containing(&staff.email, "needs changes").await;
    assert!(
        mail.contains(&format!("http://braingain.test/requests/{returned}")),
        "{mail}"
    );
    let rejection = notes(&app, &refused, false).await;
    assert_eq!(rejection.len(), 1);
    assert_eq!(rejection[0]["kind"], "INSTITUTION_REJECTED");
    assert!(rejection[0]["text"].as_str().unwrap().contains(why));
    assert_eq!(
        rejection[0]["link"],
        format!("/institutions/{refused_institution}")
    );
    let mail = app
        .mail_containing(&refused.email, "was not verified")
        .await;
    assert!(
        mail.contains(&format!(
            "http://braingain.test/institutions/{refused_institution}"
        )),
        "{mail}"
    );
    assert!(kinds(&app, &moderator).await.is_empty());
    assert!(kinds(&app, &expert).await.is_empty());
}

#[tokio::test]
async fn callers_filter_unread_notifications_and_mark_only_their_own_read() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    apply(&app, &expert, &request).await;
    let all = notes(&app, &staff, false).await;
    assert_eq!(all.len(), 3);
    let id = |i: usize| all[i]["id"].as_str().unwrap().to_owned();
    assert_eq!(ok(&app, &staff, COUNT, json!({})).await, 3);

    let marked = ok(&app, &staff, MARK, json!({ "ids": [id(1), id(2)] })).await;
    assert_eq!(marked, 2);
    let again = ok(&app, &staff, MARK, json!({ "ids": [id(1), id(2)] })).await;
    assert_eq!(again, 0, "marking twice changes nothing");
    assert_eq!(ok(&app, &staff, MARK, json!({ "ids": [] })).await, 0);

    let unread = notes(&app, &staff, true).await;
    assert_eq!(unread.len(), 1);
    assert_eq!(unread[0]["id"], id(0).as_str());
    assert_eq!(unread[0]["kind"], "ENGAGEMENT_APPLIED");
    let all_now = notes(&app, &staff, false).await;
    assert_eq!(all_now.len(), 3, "read ones stay listed");
    assert!(all_now[0]["readAt"].is_null());
    assert!(all_now[1]["readAt"].is_string() && all_now[2]["readAt"].is_string());
    assert_eq!(ok(&app, &staff, COUNT, json!({})).await, 1);

    // Someone else's notification ids are ignored: nothing marked, nothing revealed.
    let stranger = ok(&app, &expert, MARK, json!({ "ids": [id(0)] })).await;
    assert_eq!(stranger, 0);
    assert_eq!(notes(&app, &staff, true).await.len(), 1);

    let bad = app
        .gql_as(
            Some(&staff.access),
            MARK,
            json!({ "ids": [id(0), "not-an-id"] }),
        )
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT");
    assert_eq!(error_field(&bad).as_deref(), Some("ids"));
    assert_eq!(
        notes(&app, &staff, true).await.len(),
        1,
        "nothing half-applied"
    );
    let too_many: Vec<String> = (0..501).map(|_| id(0)).collect();
    let bad = app
        .gql_as(Some(&staff.access), MARK, json!({ "ids": too_many }))
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT");

    let first = app
        .gql_as(
            Some(&staff.access),
            "{ notifications(first: 1) { kind } }",
            json!({}),
        )
        .await;
    assert_eq!(
        first["data"]["notifications"],
        json!([{ "kind": "ENGAGEMENT_APPLIED" }])
    );
}

#[tokio::test]
async fn anonymous_callers_get_no_notifications() {
    let app = TestApp::spawn().await;
    for (query, vars) in [
        (LIST, json!({})),
        (COUNT, json!({})),
        (MARK, json!({ "ids": [] })),
        (MARK, json!({ "ids": ["not-an-id"] })),
    ] {
        let body = app.gql(query, vars).await;
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{query}: {body}");
    }
}

/// Signs `who` in again (after the clock has moved past their access token's life).
pub async fn again(app: &TestApp, who: &Signed) -> Signed {
    app.login(&who.email, PASSWORD).await
}

/// `staff` invites the expert `profile` to `request`; returns the engagement id.
pub async fn invite(app: &TestApp, staff: &Signed, request: &str, profile: &str) -> String {
    ok(
        app,
        staff,
        INVITE,
        json!({ "r": request, "e": profile, "m": "Would you advise our engineers?" }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}
