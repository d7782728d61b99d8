//! The whole journey of issue 5 through GraphQL, as the programme lives it: an institution is
//! verified, its request is sent back for changes and then approved, matching suggests
//! experts, one expert applies and another is invited, the institution accepts one, they
//! write to each other, the work is completed with hours and feedback; each step notifies the
//! right people in the app and by mail (with a link to the thing), and `networkStats` shows
//! the outcome. Runs on SQLite and on PostgreSQL like every API test.

use crate::engagements::{APPLY, COMPLETE, INVITE, RESPOND};
use crate::helpers::{Signed, TestApp};
use crate::notifications::kinds;
use crate::profiles::expert_with_profile;
use crate::requests::{
    REVIEW, SEND_BACK, SUBMIT, draft, input, ok, update_query, verified_institution,
};
use serde_json::{Value, json};

const MATCH: &str = "query($r: ID!) { matchExperts(requestId: $r) { expert { id } score explanation { matchedSkills { id } } } }";
const SEND: &str =
    "mutation($e: ID!, $b: String!) { sendMessage(engagementId: $e, body: $b) { id } }";
const THREAD: &str = "query($id: ID!) { engagement(id: $id) { status hoursGiven feedback messages { body author { id } } } }";
const STATS: &str = "{ networkStats { openRequests engagementsCompleted hoursGiven } }";

/// Whether `kind` is among `who`'s notifications.
async fn notified(app: &TestApp, who: &Signed, kind: &str) -> bool {
    kinds(app, who).await.iter().any(|k| k == kind)
}

#[tokio::test]
async fn journey_from_verification_to_completed_work_with_notifications_and_mails() {
    let app = TestApp::spawn().await;
    let staff_email = "registrar@unilag.edu.ng";
    let (staff, institution, moderator) = verified_institution(&app, staff_email).await;
    assert!(notified(&app, &staff, "INSTITUTION_VERIFIED").await);
    let (amara, amara_profile) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (kofi, kofi_profile) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;

    // The request is sent back for changes, edited, resubmitted, then approved.
    let request = draft(&app, &staff, &institution).await;
    ok(&app, &staff, SUBMIT, json!({ "id": request })).await;
    let why = "Say how many engineers you will train.";
    ok(
        &app,
        &moderator,
        SEND_BACK,
        json!({ "id": request, "r": why }),
    )
    .await;
    assert!(notified(&app, &staff, "REQUEST_RETURNED").await);
    assert!(
        app.mail_containing(staff_email, why)
            .await
            .contains(&format!("/requests/{request}"))
    );
    let mut changed = input(&institution);
    changed["description"] = json!("Calibrate our flood model and train two engineers.");
    ok(
        &app,
        &staff,
        &update_query(),
        json!({ "id": request, "input": changed }),
    )
    .await;
    ok(&app, &staff, SUBMIT, json!({ "id": request })).await;
    let approved = ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": request, "d": "APPROVE" }),
    )
    .await;
    assert_eq!(approved["status"], "OPEN");
    assert!(notified(&app, &staff, "REQUEST_APPROVED").await);

    // Matching suggests both experts, with the skills they share with the request.
    // (Profiles reach the index within a second: wait for both.)
    let mut matches = Value::Null;
    for _ in 0..50 {
        matches = ok(&app, &staff, MATCH, json!({ "r": request })).await;
        let ids: Vec<&Value> = matches
            .as_array()
            .unwrap()
            .iter()
            .map(|h| &h["expert"]["id"])
            .collect();
        if ids.contains(&&json!(amara_profile)) && ids.contains(&&json!(kofi_profile)) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(matches.as_array().unwrap().len(), 2, "{matches}");
    assert!(
        !matches[0]["explanation"]["matchedSkills"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Amara applies; Kofi is invited. Each side hears of it.
    let applied = ok(
        &app,
        &amara,
        APPLY,
        json!({ "r": request, "m": "I calibrated the Niger delta model." }),
    )
    .await;
    let application = applied["id"].as_str().unwrap().to_owned();
    assert!(notified(&app, &staff, "ENGAGEMENT_APPLIED").await);
    let invited = ok(
        &app,
        &staff,
        INVITE,
        json!({ "r": request, "e": kofi_profile, "m": "Would you mentor our engineers?" }),
    )
    .await;
    let invitation = invited["id"].as_str().unwrap().to_owned();
    assert!(notified(&app, &kofi, "ENGAGEMENT_INVITED").await);
    assert!(
        app.mail_containing("kofi@example.org", &format!("/engagements/{invitation}"))
            .await
            .contains("Lagos")
    );

    // The institution accepts Amara: the request is under way and she hears of it.
    let accepted = ok(
        &app,
        &staff,
        RESPOND,
        json!({ "id": application, "a": true }),
    )
    .await;
    assert_eq!(accepted["status"], "ACCEPTED");
    assert_eq!(accepted["request"]["status"], "IN_PROGRESS");
    assert!(notified(&app, &amara, "ENGAGEMENT_ACCEPTED").await);
    app.mail_containing("amara@example.org", &format!("/engagements/{application}"))
        .await;

    // They write to each other; each message notifies the other side.
    ok(
        &app,
        &staff,
        SEND,
        json!({ "e": application, "b": "Welcome! When can we start?" }),
    )
    .await;
    assert!(notified(&app, &amara, "MESSAGE_RECEIVED").await);
    ok(
        &app,
        &amara,
        SEND,
        json!({ "e": application, "b": "Next Monday, remotely." }),
    )
    .await;
    assert!(notified(&app, &staff, "MESSAGE_RECEIVED").await);

    // The work is completed with hours and feedback.
    let done = ok(
        &app,
        &amara,
        COMPLETE,
        json!({ "id": application, "h": 36, "f": "Two engineers trained." }),
    )
    .await;
    assert_eq!(done["status"], "COMPLETED");
    assert!(notified(&app, &staff, "ENGAGEMENT_COMPLETED").await);
    let thread = ok(&app, &moderator, THREAD, json!({ "id": application })).await;
    assert_eq!(thread["hoursGiven"], 36);
    assert_eq!(thread["feedback"], "Two engineers trained.");
    let bodies: Vec<&Value> = thread["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["body"])
        .collect();
    assert_eq!(
        bodies,
        [
            &json!("Welcome! When can we start?"),
            &json!("Next Monday, remotely.")
        ]
    );

    // Kofi never answered: his invitation is still waiting, and nobody else was notified.
    let pending = ok(&app, &kofi, THREAD, json!({ "id": invitation })).await;
    assert_eq!(pending["status"], "INVITED");
    assert!(!notified(&app, &kofi, "ENGAGEMENT_ACCEPTED").await);

    let stats = app.gql(STATS, json!({})).await;
    assert_eq!(
        stats["data"]["networkStats"],
        json!({ "openRequests": 0, "engagementsCompleted": 1, "hoursGiven": 36 }),
        "{stats}"
    );
}
