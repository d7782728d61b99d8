//! Institutions: creation by staff, membership, verification by moderators.

use crate::helpers::{TestApp, error_code, error_field};
use braingain_store::audit;
use serde_json::{Value, json};

const CREATE: &str = "mutation($input: InstitutionInput!) { createInstitution(input: $input) { id name kind country city website verification } }";
const REVIEW: &str = "mutation($id: ID!, $d: Decision!, $r: String) { reviewInstitution(id: $id, decision: $d, reason: $r) { id verification reviewReason } }";

fn unilag() -> Value {
    json!({
        "name": "University of Lagos",
        "kind": "UNIVERSITY",
        "country": "ng",
        "city": "Lagos",
        "website": "https://unilag.edu.ng",
        "description": "Public research university in Lagos."
    })
}

/// A verified staff account with a created (pending) institution; returns (tokens, id).
pub async fn staff_with_institution(
    app: &TestApp,
    email: &str,
) -> (crate::helpers::Signed, String) {
    let staff = app.verified(email, "INSTITUTION").await;
    let body = app
        .gql_as(Some(&staff.access), CREATE, json!({ "input": unilag() }))
        .await;
    let id = body["data"]["createInstitution"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    (staff, id)
}

#[tokio::test]
async fn staff_create_an_institution_that_waits_for_verification() {
    let app = TestApp::spawn().await;
    let staff = app.verified("registrar@unilag.edu.ng", "INSTITUTION").await;

    let body = app
        .gql_as(Some(&staff.access), CREATE, json!({ "input": unilag() }))
        .await;

    let created = &body["data"]["createInstitution"];
    assert_eq!(created["country"], "NG", "{body}");
    assert_eq!(created["verification"], "PENDING");
    let me = app
        .gql_as(
            Some(&staff.access),
            "{ me { institutions { id name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        me["data"]["me"]["institutions"][0]["id"], created["id"],
        "the creator is a member"
    );
}

#[tokio::test]
async fn only_verified_institution_staff_create_institutions() {
    let app = TestApp::spawn().await;
    let expert = app.verified("expert@example.org", "EXPERT").await;
    let pending = app.register("new@unilag.edu.ng", "INSTITUTION").await;
    let as_expert = app
        .gql_as(Some(&expert.access), CREATE, json!({ "input": unilag() }))
        .await;
    let as_pending = app
        .gql_as(Some(&pending.access), CREATE, json!({ "input": unilag() }))
        .await;
    let anonymous = app.gql(CREATE, json!({ "input": unilag() })).await;
    assert_eq!(error_code(&as_expert), "FORBIDDEN");
    assert_eq!(error_code(&as_pending), "FORBIDDEN");
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
}

#[tokio::test]
async fn bad_institution_input_names_the_field() {
    let app = TestApp::spawn().await;
    let staff = app.verified("registrar@unilag.edu.ng", "INSTITUTION").await;
    for (key, value, field) in [
        ("country", json!("Nigeria"), "input.country"),
        ("website", json!("unilag"), "input.website"),
        ("name", json!(" "), "input.name"),
        ("description", json!(""), "input.description"),
    ] {
        let mut input = unilag();
        input[key] = value;
        let body = app
            .gql_as(Some(&staff.access), CREATE, json!({ "input": input }))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{key}: {body}");
        assert_eq!(error_field(&body).as_deref(), Some(field));
    }
    let me = app
        .gql_as(
            Some(&staff.access),
            "{ me { institutions { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(me["data"]["me"]["institutions"], json!([]));
}

#[tokio::test]
async fn moderators_see_pending_institutions_and_verify_them_with_an_audit_trail() {
    let app = TestApp::spawn().await;
    let (staff, id) = staff_with_institution(&app, "registrar@unilag.edu.ng").await;
    let moderator = app.moderator("mod@example.org").await;

    let queue = app
        .gql_as(
            Some(&moderator.access),
            "{ moderationQueue { institutions { id name } } }",
            json!({}),
        )
        .await;
    let review = app
        .gql_as(
            Some(&moderator.access),
            REVIEW,
            json!({ "id": id, "d": "APPROVE", "r": "Checked with the ministry register" }),
        )
        .await;
    let queue_after = app
        .gql_as(
            Some(&moderator.access),
            "{ moderationQueue { institutions { id } } }",
            json!({}),
        )
        .await;

    assert_eq!(
        queue["data"]["moderationQueue"]["institutions"][0]["id"],
        id.as_str(),
        "{queue}"
    );
    assert_eq!(
        review["data"]["reviewInstitution"]["verification"], "VERIFIED",
        "{review}"
    );
    assert_eq!(
        queue_after["data"]["moderationQueue"]["institutions"],
        json!([])
    );
    let log = audit::for_subject(app.service.store().conn(), &id)
        .await
        .unwrap();
    let entry = log
        .iter()
        .find(|e| e.action == "institution.verify")
        .expect("audited");
    assert_eq!(
        entry.reason.as_deref(),
        Some("Checked with the ministry register")
    );
    assert_eq!(entry.actor.map(|a| a.to_string()), Some(moderator.id));
    app.mail_containing(&staff.email, "is verified").await;
}

#[tokio::test]
async fn a_rejection_needs_a_reason_that_the_institution_sees() {
    let app = TestApp::spawn().await;
    let (staff, id) = staff_with_institution(&app, "registrar@unilag.edu.ng").await;
    let moderator = app.moderator("mod@example.org").await;

    let no_reason = app
        .gql_as(
            Some(&moderator.access),
            REVIEW,
            json!({ "id": id, "d": "REJECT" }),
        )
        .await;
    let rejected = app
        .gql_as(
            Some(&moderator.access),
            REVIEW,
            json!({ "id": id, "d": "REJECT", "r": "No such faculty" }),
        )
        .await;

    assert_eq!(error_code(&no_reason), "BAD_USER_INPUT");
    assert_eq!(
        rejected["data"]["reviewInstitution"]["verification"],
        "REJECTED"
    );
    let seen = app
        .gql_as(
            Some(&staff.access),
            "query($id: ID!) { institution(id: $id) { verification reviewReason } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        seen["data"]["institution"]["reviewReason"],
        "No such faculty"
    );
}

#[tokio::test]
async fn only_moderators_review_or_read_the_queue() {
    let app = TestApp::spawn().await;
    let (staff, id) = staff_with_institution(&app, "registrar@unilag.edu.ng").await;
    let expert = app.verified("expert@example.org", "EXPERT").await;
    for token in [&staff.access, &expert.access] {
        let review = app
            .gql_as(Some(token), REVIEW, json!({ "id": id, "d": "APPROVE" }))
            .await;
        assert_eq!(error_code(&review), "FORBIDDEN");
        let queue = app
            .gql_as(
                Some(token),
                "{ moderationQueue { institutions { id } } }",
                json!({}),
            )
            .await;
        assert_eq!(error_code(&queue), "FORBIDDEN");
    }
    let anonymous = app
        .gql("{ moderationQueue { institutions { id } } }", json!({}))
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    let seen = app
        .gql_as(
            Some(&staff.access),
            "query($id: ID!) { institution(id: $id) { verification } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(seen["data"]["institution"]["verification"], "PENDING");
}

#[tokio::test]
async fn unverified_institutions_are_visible_to_their_members_and_moderators_only() {
    let app = TestApp::spawn().await;
    let (staff, id) = staff_with_institution(&app, "registrar@unilag.edu.ng").await;
    let moderator = app.moderator("mod@example.org").await;
    let q = "query($id: ID!) { institution(id: $id) { id } }";

    assert!(app.gql(q, json!({ "id": id })).await["data"]["institution"].is_null());
    assert!(
        !app.gql_as(Some(&staff.access), q, json!({ "id": id }))
            .await["data"]["institution"]
            .is_null()
    );
    app.gql_as(
        Some(&moderator.access),
        REVIEW,
        json!({ "id": id, "d": "APPROVE" }),
    )
    .await;
    assert!(
        !app.gql(q, json!({ "id": id })).await["data"]["institution"].is_null(),
        "verified ones are public"
    );
}

#[tokio::test]
async fn members_add_colleagues_who_then_belong_to_the_institution() {
    let app = TestApp::spawn().await;
    let (staff, id) = staff_with_institution(&app, "registrar@unilag.edu.ng").await;
    let colleague = app.verified("dean@unilag.edu.ng", "INSTITUTION").await;
    let outsider = app.verified("other@example.org", "INSTITUTION").await;
    let expert = app.verified("expert@example.org", "EXPERT").await;
    let add = "mutation($id: ID!, $e: String!) { addInstitutionMember(institutionId: $id, email: $e) { id } }";

    let by_outsider = app
        .gql_as(
            Some(&outsider.access),
            add,
            json!({ "id": id, "e": "other@example.org" }),
        )
        .await;
    let an_expert = app
        .gql_as(
            Some(&staff.access),
            add,
            json!({ "id": id, "e": "expert@example.org" }),
        )
        .await;
    let ok = app
        .gql_as(
            Some(&staff.access),
            add,
            json!({ "id": id, "e": "DEAN@unilag.edu.ng" }),
        )
        .await;

    assert_eq!(error_code(&by_outsider), "FORBIDDEN");
    assert_eq!(error_code(&an_expert), "BAD_USER_INPUT");
    assert_eq!(
        ok["data"]["addInstitutionMember"]["id"],
        id.as_str(),
        "{ok}"
    );
    let mine = app
        .gql_as(
            Some(&colleague.access),
            "{ me { institutions { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(mine["data"]["me"]["institutions"][0]["id"], id.as_str());
    let theirs = app
        .gql_as(
            Some(&expert.access),
            "{ me { institutions { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(theirs["data"]["me"]["institutions"], json!([]));
}
