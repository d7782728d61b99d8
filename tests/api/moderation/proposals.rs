//! Brokered matching: a moderator proposes experts to a request on its institution's behalf;
//! the experts answer as they answer invitations; everything or nothing is proposed.

use super::{HOLD, actions, refused};
use crate::engagements::{RESPOND, apply, open_request};
use crate::helpers::{TestApp, error_code, error_field};
use crate::profiles::expert_with_profile;
use crate::requests::{draft, ok, status_of, verified_institution};
use serde_json::json;

const PROPOSE: &str = "mutation($r: ID!, $e: [ID!]!, $m: String!) { proposeExperts(requestId: $r, expertIds: $e, message: $m) { id status initiatedBy proposedByProgramme message expert { id } request { id } } }";
const ON_REQUEST: &str = "query($id: ID!) { request(id: $id) { engagements { id status proposedByProgramme expert { id } } } }";

#[tokio::test]
async fn proposed_experts_get_invitations_they_answer_and_the_institution_is_told() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (amara, amara_id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (kofi, kofi_id) = expert_with_profile(&app, "kofi@example.org", "MEMBERS").await;

    let proposed = ok(
        &app,
        &moderator,
        PROPOSE,
        json!({ "r": request, "e": [amara_id, kofi_id], "m": "  Your delta work fits this. " }),
    )
    .await;

    let list = proposed.as_array().unwrap();
    assert_eq!(list.len(), 2, "{proposed}");
    for (engagement, expert) in list.iter().zip([&amara_id, &kofi_id]) {
        assert_eq!(engagement["status"], "INVITED");
        assert_eq!(engagement["initiatedBy"], "INSTITUTION");
        assert_eq!(engagement["proposedByProgramme"], true);
        assert_eq!(engagement["message"], "Your delta work fits this.");
        assert_eq!(engagement["expert"]["id"], expert.as_str());
        assert_eq!(engagement["request"]["id"], request.as_str());
    }
    let first = list[0]["id"].as_str().unwrap().to_owned();
    let second = list[1]["id"].as_str().unwrap().to_owned();
    let mail = app.mail_containing(&amara.email, "propose").await;
    assert!(
        mail.contains(&format!("http://braingain.test/engagements/{first}")),
        "{mail}"
    );
    assert!(mail.contains("Your delta work fits this."), "{mail}");
    app.mail_containing(&staff.email, "proposed 2 experts")
        .await;
    let seen = ok(&app, &staff, ON_REQUEST, json!({ "id": request })).await;
    assert_eq!(seen["engagements"].as_array().unwrap().len(), 2);
    assert!(
        seen["engagements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["proposedByProgramme"] == true)
    );

    let by_staff = refused(
        &app,
        Some(&staff),
        RESPOND,
        json!({ "id": first, "a": true }),
    )
    .await;
    assert_eq!(
        by_staff, "FORBIDDEN",
        "the institution's side does not answer an invitation made on its behalf"
    );
    let accepted = ok(&app, &amara, RESPOND, json!({ "id": first, "a": true })).await;
    assert_eq!(accepted["status"], "ACCEPTED");
    assert_eq!(accepted["request"]["status"], "IN_PROGRESS");
    let declined = ok(
        &app,
        &kofi,
        RESPOND,
        json!({ "id": second, "a": false, "reason": "On fieldwork" }),
    )
    .await;
    assert_eq!(declined["status"], "DECLINED");
    assert_eq!(
        actions(&app, &first).await,
        ["engagement.propose", "engagement.accept"]
    );
    let entries = braingain_store::audit::for_subject(app.service.store().conn(), &second)
        .await
        .unwrap();
    assert_eq!(
        entries[0].actor.map(|a| a.to_string()),
        Some(moderator.id.clone())
    );
}

#[tokio::test]
async fn a_proposal_is_refused_whole_for_the_wrong_people_experts_and_requests() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (amara, amara_id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (_, kofi_id) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let (_, hidden_id) = expert_with_profile(&app, "hidden@example.org", "HIDDEN").await;
    let (other_staff, _, _) = verified_institution(&app, "dean@uniben.edu").await;
    apply(&app, &amara, &request).await;
    let vars = json!({ "r": request, "e": [kofi_id], "m": "Please help" });

    for (who, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(&amara), "FORBIDDEN"),
        (Some(&staff), "FORBIDDEN"),
        (Some(&other_staff), "FORBIDDEN"),
    ] {
        assert_eq!(refused(&app, who, PROPOSE, vars.clone()).await, code);
    }
    let live = app
        .gql_as(
            Some(&moderator.access),
            PROPOSE,
            json!({ "r": request, "e": [kofi_id, amara_id], "m": "Please help" }),
        )
        .await;
    assert_eq!(error_code(&live), "CONFLICT", "{live}");
    assert_eq!(error_field(&live).as_deref(), Some("expertIds[1]"));
    let hidden = refused(
        &app,
        Some(&moderator),
        PROPOSE,
        json!({ "r": request, "e": [kofi_id, hidden_id], "m": "Please help" }),
    )
    .await;
    assert_eq!(hidden, "NOT_FOUND");
    for (experts, field) in [
        (json!([]), "expertIds"),
        (json!([kofi_id, kofi_id]), "expertIds[1]"),
        (json!(["nope"]), "expertIds[0]"),
    ] {
        let body = app
            .gql_as(
                Some(&moderator.access),
                PROPOSE,
                json!({ "r": request, "e": experts, "m": "Please help" }),
            )
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(error_field(&body).as_deref(), Some(field));
    }
    let seen = ok(&app, &staff, ON_REQUEST, json!({ "id": request })).await;
    assert_eq!(
        seen["engagements"].as_array().unwrap().len(),
        1,
        "only the application: nothing was proposed"
    );

    let waiting = draft(&app, &staff, &inst).await;
    let on_draft = refused(
        &app,
        Some(&moderator),
        PROPOSE,
        json!({ "r": waiting, "e": [kofi_id], "m": "Please help" }),
    )
    .await;
    assert_eq!(on_draft, "CONFLICT");
    ok(
        &app,
        &moderator,
        HOLD,
        json!({ "id": request, "r": "Paused" }),
    )
    .await;
    assert_eq!(
        refused(&app, Some(&moderator), PROPOSE, vars).await,
        "CONFLICT",
        "a request on hold takes no experts"
    );
    assert_eq!(status_of(&app, &staff, &request).await, "ON_HOLD");
}
