//! Reminders of invitations and applications left unanswered for a week, sent once to the
//! side that owes the answer, and the three-week silence rule in matching.

use super::{again, invite, kinds, newest};
use crate::engagements::{RESPOND, apply, open_request};
use crate::helpers::{Signed, TestApp};
use crate::profiles::{SAVE, expert_with_profile, profile};
use crate::requests::ok;
use braingain_domain::Clock;
use chrono::Duration;
use serde_json::{Value, json};
use std::time::Instant;

const MATCH: &str = "query($id: ID!) { matchExperts(requestId: $id, first: 10) { score lessActive expert { id } } }";

#[tokio::test]
async fn an_unanswered_engagement_reminds_the_owing_side_once_after_a_week() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (applicant, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (invitee, invitee_profile) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let (accepted, _) = expert_with_profile(&app, "lina@example.org", "PUBLIC").await;
    let (decliner, decliner_profile) =
        expert_with_profile(&app, "sami@example.org", "PUBLIC").await;
    let application = apply(&app, &applicant, &request).await;
    let invitation = invite(&app, &staff, &request, &invitee_profile).await;
    let answered = apply(&app, &accepted, &request).await;
    ok(&app, &staff, RESPOND, json!({ "id": answered, "a": true })).await;
    let refused = invite(&app, &staff, &request, &decliner_profile).await;
    ok(
        &app,
        &decliner,
        RESPOND,
        json!({ "id": refused, "a": false }),
    )
    .await;

    app.clock.advance(Duration::days(7) - Duration::minutes(1));
    assert_eq!(
        app.service
            .send_due_reminders(app.clock.now())
            .await
            .unwrap(),
        0,
        "not before a week"
    );
    app.clock.advance(Duration::minutes(1));
    assert_eq!(
        app.service
            .send_due_reminders(app.clock.now())
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        app.service
            .send_due_reminders(app.clock.now())
            .await
            .unwrap(),
        0,
        "each engagement is reminded once"
    );
    app.clock.advance(Duration::days(30));
    assert_eq!(
        app.service
            .send_due_reminders(app.clock.now())
            .await
            .unwrap(),
        0,
        "and never again"
    );

    let staff = again(&app, &staff).await;
    let note = newest(&app, &staff, "REMINDER_APPLICATION").await;
    assert_eq!(note["link"], format!("/engagements/{application}"));
    let reminders = |k: &[String]| k.iter().filter(|k| k.starts_with("REMINDER_")).count();
    assert_eq!(reminders(&kinds(&app, &staff).await), 1);
    let mail = app
        .mail_containing(&staff.email, "Reminder: an application")
        .await;
    assert!(
        mail.contains(&format!("http://braingain.test/engagements/{application}")),
        "{mail}"
    );

    let invitee = again(&app, &invitee).await;
    assert_eq!(
        kinds(&app, &invitee).await,
        ["REMINDER_INVITATION", "ENGAGEMENT_INVITED"]
    );
    assert_eq!(
        newest(&app, &invitee, "REMINDER_INVITATION").await["link"],
        format!("/engagements/{invitation}")
    );
    let mail = app
        .mail_containing(&invitee.email, "Reminder: an invitation")
        .await;
    assert!(
        mail.contains(&format!("/engagements/{invitation}")),
        "{mail}"
    );

    for who in [&applicant, &accepted, &decliner] {
        let who = again(&app, who).await;
        assert_eq!(
            reminders(&kinds(&app, &who).await),
            0,
            "{} owes no answer",
            who.email
        );
    }
}

#[tokio::test]
async fn concurrent_reminder_runs_remind_each_engagement_once() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let mut experts = Vec::new();
    for i in 0..4 {
        let (expert, _) = expert_with_profile(&app, &format!("e{i}@example.org"), "PUBLIC").await;
        apply(&app, &expert, &request).await;
        experts.push(expert);
    }
    app.clock.advance(Duration::days(8));

    let now = app.clock.now();
    let (a, b, c) = tokio::join!(
        app.service.send_due_reminders(now),
        app.service.send_due_reminders(now),
        app.service.send_due_reminders(now),
    );
    assert_eq!(a.unwrap() + b.unwrap() + c.unwrap(), 4);

    let staff = again(&app, &staff).await;
    let k = kinds(&app, &staff).await;
    assert_eq!(k.iter().filter(|k| *k == "REMINDER_APPLICATION").count(), 4);
}

#[tokio::test]
async fn the_server_sends_due_reminders_on_its_own() {
    let app = TestApp::spawn_with(|s| s.reminder_interval_secs = 1).await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let application = apply(&app, &expert, &request).await;

    app.clock.advance(Duration::days(7));

    let mail = app
        .mail_containing(&staff.email, "Reminder: an application")
        .await;
    assert!(
        mail.contains(&format!("/engagements/{application}")),
        "{mail}"
    );
    let staff = again(&app, &staff).await;
    newest(&app, &staff, "REMINDER_APPLICATION").await;
}

/// An expert of `origin` with the standard profile; returns (account, profile id).
async fn expert_from(app: &TestApp, email: &str, origin: &str) -> (Signed, String) {
    let account = app.verified(email, "EXPERT").await;
    let mut input = profile("PUBLIC");
    input["originCountries"] = json!([origin]);
    let body = app
        .gql_as(Some(&account.access), SAVE, json!({ "input": input }))
        .await;
    let id = body["data"]["saveExpertProfile"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    (account, id)
}

/// `matchExperts` once all `n` experts are indexed: (profile id, lessActive, score), best first.
async fn ranking(
    app: &TestApp,
    staff: &Signed,
    request: &str,
    n: usize,
) -> Vec<(String, bool, f64)> {
    let deadline = Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let hits: Value = ok(app, staff, MATCH, json!({ "id": request })).await;
        let hits = hits.as_array().unwrap();
        if hits.len() == n || Instant::now() > deadline {
            return hits
                .iter()
                .map(|h| {
                    (
                        h["expert"]["id"].as_str().unwrap().to_owned(),
                        h["lessActive"].as_bool().unwrap(),
                        h["score"].as_f64().unwrap(),
                    )
                })
                .collect();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn an_expert_silent_on_an_invitation_for_three_weeks_ranks_lower_in_matching() {
    let app = TestApp::spawn().await;
    // Both come from Nigeria, like the university: they would rank above the Ghanaian.
    let (_, silent) = expert_from(&app, "silent@example.org", "NG").await;
    let (answering, answers) = expert_from(&app, "answers@example.org", "NG").await;
    let (_, ghanaian) = expert_from(&app, "kwame@example.org", "GH").await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    invite(&app, &staff, &request, &silent).await;
    let answered = invite(&app, &staff, &request, &answers).await;
    ok(
        &app,
        &answering,
        RESPOND,
        json!({ "id": answered, "a": false }),
    )
    .await;

    let early = ranking(&app, &staff, &request, 3).await;
    assert_eq!(early.len(), 3, "{early:?}");
    assert_eq!(early[2].0, ghanaian, "{early:?}");
    assert!(early.iter().all(|h| !h.1), "nobody is less active yet");

    app.clock.advance(Duration::days(21) - Duration::minutes(1));
    let staff = again(&app, &staff).await;
    let before = ranking(&app, &staff, &request, 3).await;
    assert_eq!(before[2].0, ghanaian, "{before:?}");
    assert!(before.iter().all(|h| !h.1), "{before:?}");

    app.clock.advance(Duration::minutes(1));
    let staff = again(&app, &staff).await;
    let after = ranking(&app, &staff, &request, 3).await;
    let order: Vec<&str> = after.iter().map(|h| h.0.as_str()).collect();
    assert_eq!(
        order,
        [answers.as_str(), ghanaian.as_str(), silent.as_str()],
        "three weeks of silence outweigh the shared origin: {after:?}"
    );
    assert_eq!(
        after.iter().map(|h| h.1).collect::<Vec<_>>(),
        [false, false, true]
    );
    let silent_before = before.iter().find(|h| h.0 == silent).unwrap().2;
    let silent_after = after[2].2;
    assert!(
        (silent_after / silent_before - 0.7).abs() < 1e-3,
        "the fit is multiplied by 0.7: {silent_before} -> {silent_after}"
    );
}
