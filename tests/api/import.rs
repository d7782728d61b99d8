//! Bulk import of experts through the service (the `braingain import experts` use case):
//! invitations that set a password, idempotency, batches, and skills checked like
//! `saveExpertProfile` checks them.

use crate::helpers::{PASSWORD, TestApp};
use crate::skills::MACHINE_LEARNING;
use braingain_domain::Role;
use braingain_service::import::{self, ImportOptions, ImportOutcome, SourceFormat};
use braingain_store::{accounts, events};
use serde_json::{Value, json};
use std::time::Duration;

const HEADER: &str = "email,display_name,headline,bio,residence_country,residence_city,origin_countries,languages,skills,engagement_types,work_modes,hours_per_month,visibility";

fn row(email: &str, skills: &str) -> String {
    format!(
        "{email},Amara Okafor,Hydrologist,\"Flood risk, deltas.\",NL,Rotterdam,NG;GH,en:NATIVE;yo,{skills},MENTORING;JOINT_RESEARCH,REMOTE,12,PUBLIC"
    )
}

fn csv(rows: &[String]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

async fn import_csv(app: &TestApp, text: &str, options: &ImportOptions) -> ImportOutcome {
    let file = import::parse(text.as_bytes(), SourceFormat::Csv).expect("the file parses");
    assert!(file.rejected.is_empty(), "{:?}", file.rejected);
    app.service
        .import_experts(file.candidates, options, |_| {})
        .await
        .expect("import")
}

#[tokio::test]
async fn an_imported_expert_sets_a_password_from_the_invitation_and_becomes_active() {
    let app = TestApp::spawn().await;
    let text = csv(&[row(
        "amara@example.org",
        &format!("{MACHINE_LEARNING}:4:6;Flood risk: deltas:5"),
    )]);

    let outcome = import_csv(&app, &text, &ImportOptions::default()).await;
    let token = app.mail_token("amara@example.org", "set-password").await;
    let reset = app
        .gql(
            "mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }",
            json!({ "t": token, "p": PASSWORD }),
        )
        .await;
    let signed = app.login("amara@example.org", PASSWORD).await;
    let me = app
        .gql_as(
            Some(&signed.access),
            "{ me { role status expertProfile { id headline bio residenceCity originCountries languages { code level } skills { skill { id label } level years } engagementTypes workModes hoursPerMonth visibility } } }",
            json!({}),
        )
        .await;

    assert_eq!(outcome.imported, 1);
    assert_eq!(reset["data"]["resetPassword"], true, "{reset}");
    let me = &me["data"]["me"];
    assert_eq!(me["role"], "EXPERT");
    assert_eq!(
        me["status"], "ACTIVE",
        "the invitation confirmed the address"
    );
    let p = &me["expertProfile"];
    assert_eq!(p["bio"], "Flood risk, deltas.");
    let mut origins: Vec<&str> = p["originCountries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    origins.sort_unstable();
    assert_eq!(
        origins,
        ["GH", "NG"],
        "origin order is not kept by the store"
    );
    assert_eq!(
        p["languages"],
        json!([{ "code": "en", "level": "NATIVE" }, { "code": "yo", "level": "FLUENT" }])
    );
    assert_eq!(p["skills"][0]["skill"]["id"], MACHINE_LEARNING);
    assert_eq!(p["skills"][0]["years"], 6);
    assert_eq!(
        p["skills"][1]["skill"]["label"], "Flood risk: deltas",
        "a label with a colon is split from the right"
    );
    assert_eq!(p["skills"][1]["level"], 5);
    assert_eq!(p["engagementTypes"], json!(["MENTORING", "JOINT_RESEARCH"]));
    assert_eq!(p["hoursPerMonth"], 12);
    let changes = events::after(app.service.store().conn(), 0, 100)
        .await
        .unwrap();
    assert!(
        changes.iter().any(|e| e.entity == "expert"
            && e.op == "upsert"
            && Some(e.entity_id.to_string().as_str()) == p["id"].as_str()),
        "the index hears of the new profile: {changes:?}"
    );
}

#[tokio::test]
async fn importing_the_same_rows_twice_creates_nothing_new() {
    let app = TestApp::spawn().await;
    let existing = app.verified("taken@example.org", "EXPERT").await;
    let text = csv(&[
        row("a@example.org", "Hydrology:4"),
        row("b@example.org", "Hydrology:3"),
        row("taken@example.org", "Hydrology:2"),
    ]);

    let first = import_csv(&app, &text, &ImportOptions::default()).await;
    app.mail_token("a@example.org", "set-password").await;
    app.mail_token("b@example.org", "set-password").await;
    let second = import_csv(&app, &text, &ImportOptions::default()).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    assert_eq!((first.imported, first.already_present), (2, 1));
    assert_eq!((second.imported, second.already_present), (0, 3));
    let experts = accounts::count_with_role(app.service.store().conn(), Role::Expert)
        .await
        .unwrap();
    assert_eq!(experts, 3, "no duplicate account");
    assert_eq!(
        app.mails_to("a@example.org").len(),
        1,
        "no second invitation"
    );
    assert!(
        app.mails_to("taken@example.org")
            .iter()
            .all(|m| !m.contains("set-password")),
        "an existing account is not invited"
    );
    let me = app
        .gql_as(
            Some(&existing.access),
            "{ me { expertProfile { id } } }",
            json!({}),
        )
        .await;
    assert!(
        me["data"]["me"]["expertProfile"].is_null(),
        "an existing account is left alone: {me}"
    );
}

#[tokio::test]
async fn rows_are_written_in_batches_and_unknown_skill_ids_are_refused() {
    let app = TestApp::spawn().await;
    let unknown = "00000000-0000-4000-8000-000000000000";
    let rows: Vec<String> = (0..5)
        .map(|i| row(&format!("e{i}@example.org"), "Hydrology:4"))
        .chain([row("ghost@example.org", &format!("{unknown}:3"))])
        .collect();
    let file = import::parse(csv(&rows).as_bytes(), SourceFormat::Csv).unwrap();
    let options = ImportOptions {
        activate: true,
        batch_size: 2,
    };
    let mut batches = Vec::new();

    let outcome = app
        .service
        .import_experts(file.candidates, &options, |b| batches.push(b.rows))
        .await
        .unwrap();

    assert_eq!(batches, vec![2, 2, 2]);
    assert_eq!(outcome.imported, 5);
    assert_eq!(outcome.rejected.len(), 1);
    assert_eq!(outcome.rejected[0].line, 7);
    assert!(
        outcome.rejected[0].reason.contains("skillId")
            && outcome.rejected[0].reason.contains(unknown),
        "{:?}",
        outcome.rejected
    );
    let activated = accounts::find_by_email(app.service.store().conn(), "e4@example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(activated.status, braingain_domain::AccountStatus::Active);
    assert!(activated.email_verified_at.is_some());
    assert!(
        activated.password_hash.is_none(),
        "no password until the invitation is used"
    );
}
