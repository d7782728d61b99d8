//! Every denial of the request mutations, each leaving the request as it was.

use super::{
    CLOSE, REVIEW, SEND_BACK, SUBMIT, VIEW, create_query, draft, input, ok, status_of,
    update_query, verified_institution,
};
use crate::helpers::{TestApp, error_code, error_field};
use crate::institutions::staff_with_institution;
use serde_json::json;

const MINE: &str = "{ me { institutions { requests { id } } } }";

#[tokio::test]
async fn only_active_members_of_a_verified_institution_create_requests() {
    let app = TestApp::spawn().await;
    let (staff, inst, _) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let expert = app.verified("expert@example.org", "EXPERT").await;
    let (unverified, pending_inst) = staff_with_institution(&app, "dean@uaa.edu.et").await;

    let as_expert = app
        .gql_as(
            Some(&expert.access),
            &create_query(),
            json!({ "input": input(&inst) }),
        )
        .await;
    let as_unverified = app
        .gql_as(
            Some(&unverified.access),
            &create_query(),
            json!({ "input": input(&pending_inst) }),
        )
        .await;
    let anonymous = app
        .gql(&create_query(), json!({ "input": input(&inst) }))
        .await;
    let unknown = app
        .gql_as(
            Some(&staff.access),
            &create_query(),
            json!({ "input": input(&uuid::Uuid::now_v7().to_string()) }),
        )
        .await;

    assert_eq!(error_code(&as_expert), "FORBIDDEN");
    assert_eq!(error_code(&as_unverified), "FORBIDDEN");
    assert!(
        as_unverified["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("verified"),
        "{as_unverified}"
    );
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    assert_eq!(error_code(&unknown), "NOT_FOUND");
    for who in [&staff, &unverified] {
        let mine = ok(&app, who, MINE, json!({})).await;
        assert_eq!(
            mine["institutions"][0]["requests"],
            json!([]),
            "nothing created"
        );
    }
}

#[tokio::test]
async fn members_of_another_institution_cannot_touch_a_request() {
    let app = TestApp::spawn().await;
    let (staff, inst, _) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let (other, other_inst, _) = verified_institution(&app, "dean@uaa.edu.et").await;
    let id = draft(&app, &staff, &inst).await;
    let mut changed = input(&inst);
    changed["title"] = json!("Taken over by someone else");

    let update = app
        .gql_as(
            Some(&other.access),
            &update_query(),
            json!({ "id": id, "input": changed }),
        )
        .await;
    let moved = app
        .gql_as(
            Some(&staff.access),
            &update_query(),
            json!({ "id": id, "input": input(&other_inst) }),
        )
        .await;
    let submit = app
        .gql_as(Some(&other.access), SUBMIT, json!({ "id": id }))
        .await;
    let close = app
        .gql_as(Some(&other.access), CLOSE, json!({ "id": id, "c": false }))
        .await;

    assert_eq!(error_code(&update), "FORBIDDEN");
    assert_eq!(error_code(&moved), "BAD_USER_INPUT");
    assert_eq!(error_field(&moved).as_deref(), Some("input.institutionId"));
    assert_eq!(error_code(&submit), "FORBIDDEN");
    assert_eq!(error_code(&close), "FORBIDDEN");
    let seen = ok(&app, &staff, VIEW, json!({ "id": id })).await;
    assert_eq!(seen["title"], "Flood risk model for the Lagos lagoon");
    assert_eq!(seen["status"], "DRAFT");
}

#[tokio::test]
async fn a_request_in_review_cannot_be_edited_or_reviewed_by_non_moderators() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let expert = app.verified("expert@example.org", "EXPERT").await;
    let id = draft(&app, &staff, &inst).await;
    let review_draft = app
        .gql_as(
            Some(&moderator.access),
            REVIEW,
            json!({ "id": id, "d": "APPROVE" }),
        )
        .await;
    assert_eq!(
        error_code(&review_draft),
        "CONFLICT",
        "a draft is not in review"
    );
    ok(&app, &staff, SUBMIT, json!({ "id": id })).await;
    let mut changed = input(&inst);
    changed["title"] = json!("Changed while in review");

    let update = app
        .gql_as(
            Some(&staff.access),
            &update_query(),
            json!({ "id": id, "input": changed }),
        )
        .await;
    let resubmit = app
        .gql_as(Some(&staff.access), SUBMIT, json!({ "id": id }))
        .await;
    assert_eq!(error_code(&update), "CONFLICT");
    assert_eq!(error_code(&resubmit), "CONFLICT");
    for who in [&staff, &expert] {
        let review = app
            .gql_as(
                Some(&who.access),
                REVIEW,
                json!({ "id": id, "d": "APPROVE" }),
            )
            .await;
        let send_back = app
            .gql_as(
                Some(&who.access),
                SEND_BACK,
                json!({ "id": id, "r": "Fix it" }),
            )
            .await;
        assert_eq!(error_code(&review), "FORBIDDEN");
        assert_eq!(error_code(&send_back), "FORBIDDEN");
    }
    let anonymous = app.gql(REVIEW, json!({ "id": id, "d": "APPROVE" })).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    let seen = ok(&app, &staff, VIEW, json!({ "id": id })).await;
    assert_eq!(seen["status"], "IN_REVIEW");
    assert_eq!(seen["title"], "Flood risk model for the Lagos lagoon");
}

#[tokio::test]
async fn rejecting_or_sending_back_needs_a_reason() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let id = draft(&app, &staff, &inst).await;
    ok(&app, &staff, SUBMIT, json!({ "id": id })).await;

    let reject = app
        .gql_as(
            Some(&moderator.access),
            REVIEW,
            json!({ "id": id, "d": "REJECT", "r": "  " }),
        )
        .await;
    let send_back = app
        .gql_as(
            Some(&moderator.access),
            SEND_BACK,
            json!({ "id": id, "r": "" }),
        )
        .await;
    let too_long = app
        .gql_as(
            Some(&moderator.access),
            REVIEW,
            json!({ "id": id, "d": "REJECT", "r": "x".repeat(2001) }),
        )
        .await;

    for body in [&reject, &send_back, &too_long] {
        assert_eq!(error_code(body), "BAD_USER_INPUT", "{body}");
        assert_eq!(error_field(body).as_deref(), Some("reason"));
    }
    assert_eq!(status_of(&app, &staff, &id).await, "IN_REVIEW");
    assert!(
        app.mails_to(&staff.email)
            .iter()
            .all(|m| !m.contains("Flood risk"))
    );
}

#[tokio::test]
async fn a_draft_cannot_be_completed_and_a_rejected_request_stays_rejected() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let id = draft(&app, &staff, &inst).await;

    let complete = app
        .gql_as(Some(&staff.access), CLOSE, json!({ "id": id, "c": true }))
        .await;
    assert_eq!(error_code(&complete), "CONFLICT");
    assert_eq!(status_of(&app, &staff, &id).await, "DRAFT");

    ok(&app, &staff, SUBMIT, json!({ "id": id })).await;
    ok(
        &app,
        &moderator,
        REVIEW,
        json!({ "id": id, "d": "REJECT", "r": "Out of scope" }),
    )
    .await;
    for (query, vars) in [
        (CLOSE, json!({ "id": id, "c": false })),
        (SUBMIT, json!({ "id": id })),
        (SEND_BACK, json!({ "id": id, "r": "Try again" })),
        (REVIEW, json!({ "id": id, "d": "APPROVE" })),
    ] {
        let who = if query == CLOSE || query == SUBMIT {
            &staff
        } else {
            &moderator
        };
        let body = app.gql_as(Some(&who.access), query, vars).await;
        assert_eq!(error_code(&body), "CONFLICT", "{query}: {body}");
    }
    let seen = ok(&app, &staff, VIEW, json!({ "id": id })).await;
    assert_eq!(seen["status"], "REJECTED");
    assert_eq!(seen["reviewReason"], "Out of scope");
}
