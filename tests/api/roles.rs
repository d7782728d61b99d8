//! Roles and suspension: who may grant what, and the audit trail.

use crate::helpers::{TestApp, error_code};
use braingain_store::audit;
use serde_json::json;

const SET_ROLE: &str =
    "mutation($id: ID!, $role: Role!) { setRole(id: $id, role: $role) { id role } }";
const SUSPEND: &str =
    "mutation($id: ID!, $r: String!) { suspendAccount(id: $id, reason: $r) { status } }";

#[tokio::test]
async fn an_admin_grants_roles_and_the_change_is_audited() {
    let app = TestApp::spawn().await;
    let admin = app.admin("root@example.org").await;
    let expert = app.verified("ada@example.org", "EXPERT").await;

    let body = app
        .gql_as(
            Some(&admin.access),
            SET_ROLE,
            json!({ "id": expert.id, "role": "MODERATOR" }),
        )
        .await;

    assert_eq!(body["data"]["setRole"]["role"], "MODERATOR", "{body}");
    let me = app
        .gql_as(Some(&expert.access), "{ me { role } }", json!({}))
        .await;
    assert_eq!(
        me["data"]["me"]["role"], "MODERATOR",
        "the role applies at once"
    );
    let log = audit::for_subject(app.service.store().conn(), &expert.id)
        .await
        .unwrap();
    let entry = log
        .iter()
        .find(|e| e.action == "account.set_role")
        .expect("audited");
    assert_eq!(entry.actor.map(|a| a.to_string()), Some(admin.id.clone()));
    assert_eq!(entry.details.as_ref().unwrap()["to"], "MODERATOR");
}

#[tokio::test]
async fn only_admins_grant_roles() {
    let app = TestApp::spawn().await;
    let moderator = app.moderator("mod@example.org").await;
    let expert = app.verified("ada@example.org", "EXPERT").await;
    let institution = app.verified("uni@example.org", "INSTITUTION").await;
    let vars = json!({ "id": expert.id, "role": "ADMIN" });

    let anonymous = app.gql(SET_ROLE, vars.clone()).await;
    let as_expert = app
        .gql_as(Some(&expert.access), SET_ROLE, vars.clone())
        .await;
    let as_institution = app
        .gql_as(Some(&institution.access), SET_ROLE, vars.clone())
        .await;
    let as_moderator = app.gql_as(Some(&moderator.access), SET_ROLE, vars).await;

    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    assert_eq!(error_code(&as_expert), "FORBIDDEN");
    assert_eq!(error_code(&as_institution), "FORBIDDEN");
    assert_eq!(error_code(&as_moderator), "FORBIDDEN");
    let me = app
        .gql_as(Some(&expert.access), "{ me { role } }", json!({}))
        .await;
    assert_eq!(me["data"]["me"]["role"], "EXPERT");
}

#[tokio::test]
async fn an_admin_cannot_demote_themselves() {
    let app = TestApp::spawn().await;
    let admin = app.admin("root@example.org").await;
    let body = app
        .gql_as(
            Some(&admin.access),
            SET_ROLE,
            json!({ "id": admin.id, "role": "EXPERT" }),
        )
        .await;
    assert_eq!(error_code(&body), "CONFLICT");
    let me = app
        .gql_as(Some(&admin.access), "{ me { role } }", json!({}))
        .await;
    assert_eq!(me["data"]["me"]["role"], "ADMIN");
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_told_apart() {
    let app = TestApp::spawn().await;
    let admin = app.admin("root@example.org").await;
    let unknown = app
        .gql_as(
            Some(&admin.access),
            SET_ROLE,
            json!({ "id": uuid::Uuid::new_v4().to_string(), "role": "EXPERT" }),
        )
        .await;
    let malformed = app
        .gql_as(
            Some(&admin.access),
            SET_ROLE,
            json!({ "id": "42", "role": "EXPERT" }),
        )
        .await;
    assert_eq!(error_code(&unknown), "NOT_FOUND");
    assert_eq!(error_code(&malformed), "BAD_USER_INPUT");
}

#[tokio::test]
async fn suspension_is_for_moderators_with_a_reason_and_spares_admins() {
    let app = TestApp::spawn().await;
    let moderator = app.moderator("mod@example.org").await;
    let expert = app.verified("ada@example.org", "EXPERT").await;
    let other = app.verified("kofi@example.org", "EXPERT").await;
    let admin = app
        .login("admin-for-mod@example.org", crate::helpers::PASSWORD)
        .await;

    let by_expert = app
        .gql_as(
            Some(&other.access),
            SUSPEND,
            json!({ "id": expert.id, "r": "spam" }),
        )
        .await;
    let no_reason = app
        .gql_as(
            Some(&moderator.access),
            SUSPEND,
            json!({ "id": expert.id, "r": "  " }),
        )
        .await;
    let on_admin = app
        .gql_as(
            Some(&moderator.access),
            SUSPEND,
            json!({ "id": admin.id, "r": "spam" }),
        )
        .await;
    let on_self = app
        .gql_as(
            Some(&moderator.access),
            SUSPEND,
            json!({ "id": moderator.id, "r": "spam" }),
        )
        .await;

    assert_eq!(error_code(&by_expert), "FORBIDDEN");
    assert_eq!(error_code(&no_reason), "BAD_USER_INPUT");
    assert_eq!(error_code(&on_admin), "FORBIDDEN");
    assert_eq!(error_code(&on_self), "FORBIDDEN");
    let me = app
        .gql_as(Some(&expert.access), "{ me { status } }", json!({}))
        .await;
    assert_eq!(
        me["data"]["me"]["status"], "ACTIVE",
        "nothing was half-applied"
    );
    let ok = app
        .gql_as(
            Some(&moderator.access),
            SUSPEND,
            json!({ "id": expert.id, "r": "fake credentials" }),
        )
        .await;
    assert_eq!(ok["data"]["suspendAccount"]["status"], "SUSPENDED");
    let log = audit::for_subject(app.service.store().conn(), &expert.id)
        .await
        .unwrap();
    let entry = log
        .iter()
        .find(|e| e.action == "account.suspend")
        .expect("audited");
    assert_eq!(entry.reason.as_deref(), Some("fake credentials"));
}

#[tokio::test]
async fn administrators_see_the_email_of_the_accounts_they_manage() {
    let app = TestApp::spawn().await;
    let admin = app.admin("root@example.org").await;
    let expert = app.verified("ada@example.org", "EXPERT").await;
    // setRole returns the target account; an admin is a moderator and sees the address.
    let body = app
        .gql_as(
            Some(&admin.access),
            "mutation($id: ID!) { setRole(id: $id, role: EXPERT) { email } }",
            json!({ "id": expert.id }),
        )
        .await;
    assert_eq!(body["data"]["setRole"]["email"], "ada@example.org");
}
