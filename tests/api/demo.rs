//! The demo network (`braingain seed --demo`): documented sign-ins work, public profiles show
//! real ESCO skills to anyone, verified institutions are public, and seeding is idempotent.

use crate::helpers::TestApp;
use braingain_domain::{Role, VerificationStatus};
use braingain_service::demo::{DEMO_MODERATOR, DEMO_PASSWORD, DemoOutcome};
use braingain_store::{accounts, events, institutions};
use serde_json::{Value, json};

const AMARA: &str = "amara.okafor@demo.braingain.org";
const REGISTRAR: &str = "registrar@demo.braingain.org";
const PROFILE: &str = "query($id: ID!) { expert(id: $id) { displayName headline residenceCountry skills { skill { label } } } }";

/// The profile id of a demo expert, as they see it once signed in.
async fn profile_id(app: &TestApp, email: &str) -> (String, String) {
    let signed = app.login(email, DEMO_PASSWORD).await;
    let me = app
        .gql_as(
            Some(&signed.access),
            "{ me { status expertProfile { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(me["data"]["me"]["status"], "ACTIVE", "{me}");
    let id = me["data"]["me"]["expertProfile"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{me}"))
        .to_owned();
    (id, signed.access)
}

async fn counts(app: &TestApp) -> Vec<u64> {
    let conn = app.service.store().conn();
    let mut out = Vec::new();
    for role in [
        Role::Expert,
        Role::Institution,
        Role::Moderator,
        Role::Admin,
    ] {
        out.push(accounts::count_with_role(conn, role).await.unwrap());
    }
    for status in [VerificationStatus::Pending, VerificationStatus::Verified] {
        let n = institutions::with_status(conn, status).await.unwrap().len();
        out.push(u64::try_from(n).unwrap());
    }
    out.push(u64::try_from(events::after(conn, 0, 10_000).await.unwrap().len()).unwrap());
    out
}

#[tokio::test]
async fn the_demo_network_signs_in_with_the_documented_password_and_shows_public_profiles() {
    let app = TestApp::spawn().await;

    let outcome = app.service.seed_demo().await.expect("demo seeded");

    let DemoOutcome::Seeded {
        experts,
        institutions,
        ..
    } = outcome
    else {
        panic!("expected a fresh seeding, got {outcome:?}");
    };
    assert!((35..=50).contains(&experts), "{experts}");
    assert_eq!(institutions, 8);
    let moderator = app.login(DEMO_MODERATOR, DEMO_PASSWORD).await;
    let queue = app
        .gql_as(
            Some(&moderator.access),
            "{ me { role status } moderationQueue { institutions { name verification } } }",
            json!({}),
        )
        .await;
    assert_eq!(queue["data"]["me"]["role"], "MODERATOR", "{queue}");
    assert_eq!(queue["data"]["me"]["status"], "ACTIVE");
    assert_eq!(
        queue["data"]["moderationQueue"]["institutions"]
            .as_array()
            .map(Vec::len),
        Some(2),
        "two institutions wait for review: {queue}"
    );

    let (amara, _) = profile_id(&app, AMARA).await;
    let public = app.gql(PROFILE, json!({ "id": amara })).await;
    let p = &public["data"]["expert"];
    assert_eq!(p["displayName"], "Amara Okafor", "{public}");
    assert_eq!(p["residenceCountry"], "NL");
    let labels: Vec<&str> = p["skills"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["skill"]["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"identify risk of flooding"),
        "real ESCO labels: {labels:?}"
    );

    let (hidden, _) = profile_id(&app, "nadia.saab@demo.braingain.org").await;
    let (members_only, _) = profile_id(&app, "abena.owusu@demo.braingain.org").await;
    let anonymous_hidden = app.gql(PROFILE, json!({ "id": hidden })).await;
    let anonymous_members = app.gql(PROFILE, json!({ "id": members_only })).await;
    let (_, amara_token) = profile_id(&app, AMARA).await;
    let member_view = app
        .gql_as(Some(&amara_token), PROFILE, json!({ "id": members_only }))
        .await;
    assert_eq!(anonymous_hidden["data"]["expert"], Value::Null);
    assert_eq!(anonymous_members["data"]["expert"], Value::Null);
    assert_eq!(
        member_view["data"]["expert"]["displayName"], "Abena Owusu",
        "{member_view}"
    );

    let registrar = app.login(REGISTRAR, DEMO_PASSWORD).await;
    let mine = app
        .gql_as(
            Some(&registrar.access),
            "{ me { role institutions { id name verification } } }",
            json!({}),
        )
        .await;
    let lagos = &mine["data"]["me"]["institutions"][0];
    assert_eq!(mine["data"]["me"]["role"], "INSTITUTION", "{mine}");
    assert_eq!(lagos["name"], "University of Lagos");
    assert_eq!(lagos["verification"], "VERIFIED");
    let anonymous = app
        .gql(
            "query($id: ID!) { institution(id: $id) { name country website } }",
            json!({ "id": lagos["id"] }),
        )
        .await;
    assert_eq!(
        anonymous["data"]["institution"]["country"], "NG",
        "a verified institution is public: {anonymous}"
    );
}

#[tokio::test]
async fn seeding_the_demo_a_second_time_changes_nothing() {
    let app = TestApp::spawn().await;
    app.service.seed_demo().await.expect("demo seeded");
    let before = counts(&app).await;

    let again = app.service.seed_demo().await.expect("second seeding");

    assert_eq!(again, DemoOutcome::AlreadySeeded);
    assert_eq!(counts(&app).await, before);
    assert_eq!(before[2], 1, "one demo moderator");
    assert_eq!((before[4], before[5]), (2, 6), "two pending, six verified");
}

#[tokio::test]
async fn the_demo_is_refused_on_a_database_with_real_accounts() {
    let app = TestApp::spawn().await;
    app.verified("someone@example.org", "EXPERT").await;

    let refused = app.service.seed_demo().await;

    assert_eq!(refused.map_err(|e| e.code()).unwrap_err(), "CONFLICT");
    assert_eq!(
        accounts::count_with_role(app.service.store().conn(), Role::Admin)
            .await
            .unwrap(),
        0,
        "no demo administrator with a public password was created"
    );
}
