//! Input checks, who sees which request, the audit trail and mails of the moderators'
//! decisions, and concurrent reviews.

use super::{
    REVIEW, SUBMIT, VIEW, create_query, draft, input, ok, status_of, verified_institution,
};
use crate::helpers::{TestApp, error_code, error_field};
use braingain_domain::{Clock, RequestStatus};
use braingain_store::audit;
use braingain_store::requests::{StatusChange, set_status};
use serde_json::{Value, json};

type Change = Box<dyn Fn(&mut Value)>;

#[tokio::test]
async fn bad_request_input_names_the_field_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let (staff, inst, _) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let cases: Vec<(&str, Change)> = vec![
        (
            "input.languages[1]",
            Box::new(|i| i["languages"] = json!(["en", "xx"])),
        ),
        (
            "input.skills[1].minLevel",
            Box::new(|i| i["skills"][1]["minLevel"] = json!(7)),
        ),
        (
            "input.endsOn",
            Box::new(|i| i["endsOn"] = json!("2026-02-01")),
        ),
        (
            "input.startsOn",
            Box::new(|i| i["startsOn"] = json!("1 March 2026")),
        ),
        (
            "input.skills[0].skillId",
            Box::new(|i| i["skills"][0]["skillId"] = json!(uuid::Uuid::new_v4().to_string())),
        ),
        ("input.title", Box::new(|i| i["title"] = json!("Help"))),
        (
            "input.description",
            Box::new(|i| i["description"] = json!("Too short.")),
        ),
        ("input.skills", Box::new(|i| i["skills"] = json!([]))),
        (
            "input.hoursPerMonth",
            Box::new(|i| i["hoursPerMonth"] = json!(500)),
        ),
        (
            "input.institutionId",
            Box::new(|i| i["institutionId"] = json!("nope")),
        ),
    ];
    for (field, change) in cases {
        let mut bad = input(&inst);
        change(&mut bad);
        let body = app
            .gql_as(
                Some(&staff.access),
                &create_query(),
                json!({ "input": bad }),
            )
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{field}: {body}");
        assert_eq!(error_field(&body).as_deref(), Some(field), "{body}");
    }
    let mine = ok(
        &app,
        &staff,
        "{ me { institutions { requests { id } } } }",
        json!({}),
    )
    .await;
    assert_eq!(mine["institutions"][0]["requests"], json!([]));
}

#[tokio::test]
async fn drafts_are_seen_by_their_institution_and_moderators_only() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let (other, _, _) = verified_institution(&app, "dean@uaa.edu.et").await;
    let expert = app.verified("expert@example.org", "EXPERT").await;
    let id = draft(&app, &staff, &inst).await;
    let list = "query($id: ID!) { institution(id: $id) { requests { id } } }";

    for stage in ["DRAFT", "IN_REVIEW"] {
        if stage == "IN_REVIEW" {
            ok(&app, &staff, SUBMIT, json!({ "id": id })).await;
        }
        for who in [&staff, &moderator] {
            assert_eq!(status_of(&app, who, &id).await, stage);
            let listed = ok(&app, who, list, json!({ "id": inst })).await;
            assert_eq!(listed["requests"][0]["id"], id.as_str(), "{stage}");
        }
        for who in [&other, &expert] {
            assert!(status_of(&app, who, &id).await.is_null(), "{stage}");
            let listed = ok(&app, who, list, json!({ "id": inst })).await;
            assert_eq!(listed["requests"], json!([]), "{stage}");
        }
        assert!(app.gql(VIEW, json!({ "id": id })).await["data"]["request"].is_null());
    }
    ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": id, "d": "APPROVE" }),
    )
    .await;
    for who in [&other, &expert] {
        assert_eq!(status_of(&app, who, &id).await, "OPEN");
    }
    let unknown = app
        .gql(VIEW, json!({ "id": uuid::Uuid::now_v7().to_string() }))
        .await;
    assert!(unknown["data"]["request"].is_null());
}

#[tokio::test]
async fn moderators_decisions_are_audited_and_mailed_to_every_member() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let colleague = app.verified("dean@unilag.edu.ng", "INSTITUTION").await;
    ok(
        &app,
        &staff,
        "mutation($id: ID!, $e: String!) { addInstitutionMember(institutionId: $id, email: $e) { id } }",
        json!({ "id": inst, "e": colleague.email }),
    )
    .await;
    let id = draft(&app, &staff, &inst).await;
    ok(&app, &staff, SUBMIT, json!({ "id": id })).await;

    let reason = "Requests for paid consultancy are out of the programme's scope";
    let rejected = ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": id, "d": "REJECT", "r": reason }),
    )
    .await;

    assert_eq!(rejected["status"], "REJECTED");
    assert_eq!(rejected["reviewReason"], reason);
    let log = audit::for_subject(app.service.store().conn(), &id)
        .await
        .unwrap();
    let entry = log
        .iter()
        .find(|e| e.action == "request.reject")
        .expect("audited");
    assert_eq!(entry.reason.as_deref(), Some(reason));
    assert_eq!(
        entry.actor.map(|a| a.to_string()),
        Some(moderator.id.clone())
    );
    assert_eq!(
        entry.details,
        Some(json!({ "from": "IN_REVIEW", "to": "REJECTED" }))
    );
    for member in [&staff, &colleague] {
        let mail = app.mail_containing(&member.email, "was not approved").await;
        assert!(mail.contains(reason), "{mail}");
        assert!(
            mail.contains(&format!("http://braingain.test/requests/{id}")),
            "{mail}"
        );
    }
}

#[tokio::test]
async fn two_moderators_reviewing_at_once_cannot_both_win() {
    let app = TestApp::spawn().await;
    let (staff, inst, first) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let second = app.moderator("second-mod@example.org").await;
    for round in 0..3 {
        let id = draft(&app, &staff, &inst).await;
        ok(&app, &staff, SUBMIT, json!({ "id": id })).await;

        let (a, b) = tokio::join!(
            app.gql_as(
                Some(&first.access),
                REVIEW,
                json!({ "id": id, "d": "APPROVE" })
            ),
            app.gql_as(
                Some(&second.access),
                REVIEW,
                json!({ "id": id, "d": "REJECT", "r": "Duplicate of another request" })
            ),
        );

        let winners: Vec<&Value> = [&a, &b]
            .into_iter()
            .filter(|r| r["errors"].is_null())
            .collect();
        assert_eq!(winners.len(), 1, "round {round}: {a} / {b}");
        let loser = if a["errors"].is_null() { &b } else { &a };
        assert_eq!(error_code(loser), "CONFLICT", "round {round}");
        let status = winners[0]["data"]["reviewRequest"]["status"].clone();
        assert_eq!(status_of(&app, &staff, &id).await, status);
        let decisions = audit::for_subject(app.service.store().conn(), &id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "request.approve" || e.action == "request.reject")
            .count();
        assert_eq!(decisions, 1, "round {round}: one decision on record");
        // The guard itself: a move from a status the request no longer has changes nothing.
        let stale = StatusChange {
            from: RequestStatus::InReview,
            to: RequestStatus::Open,
            review: None,
            at: app.clock.now(),
        };
        let conn = app.service.store().conn();
        assert!(!set_status(conn, id.parse().unwrap(), stale).await.unwrap());
        assert_eq!(status_of(&app, &staff, &id).await, status);
    }
}
