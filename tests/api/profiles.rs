//! Expert profiles: saving, validation, and who sees what.

use crate::helpers::{TestApp, error_code, error_field};
use crate::skills::MACHINE_LEARNING;
use serde_json::{Value, json};

pub const SAVE: &str = "mutation($input: ExpertProfileInput!) { saveExpertProfile(input: $input) { id displayName headline residenceCountry originCountries languages { code level } skills { skill { id label(lang: \"fr\") } level years } engagementTypes workModes hoursPerMonth orcid visibility verified contactEmail updatedAt } }";
const VIEW: &str =
    "query($id: ID!) { expert(id: $id) { id headline contactEmail skills { skill { label } } } }";

pub fn profile(visibility: &str) -> Value {
    json!({
        "headline": "Hydrologist — flood risk modelling for river deltas",
        "bio": "Twenty years of work on the Rhine and Niger deltas.",
        "residenceCountry": "NL",
        "residenceCity": "Rotterdam",
        "originCountries": ["NG"],
        "languages": [{ "code": "en", "level": "FLUENT" }, { "code": "yo", "level": "NATIVE" }],
        "skills": [
            { "skillId": MACHINE_LEARNING, "level": 4, "years": 6 },
            { "label": "  Flood   risk modelling ", "level": 5, "years": 20 }
        ],
        "engagementTypes": ["MENTORING", "JOINT_RESEARCH"],
        "workModes": ["REMOTE", "SHORT_VISIT"],
        "hoursPerMonth": 12,
        "orcid": "0000-0002-1825-0097",
        "visibility": visibility
    })
}

/// A verified expert with a saved profile; returns (tokens, profile id).
pub async fn expert_with_profile(
    app: &TestApp,
    email: &str,
    visibility: &str,
) -> (crate::helpers::Signed, String) {
    let expert = app.verified(email, "EXPERT").await;
    let body = app
        .gql_as(
            Some(&expert.access),
            SAVE,
            json!({ "input": profile(visibility) }),
        )
        .await;
    let id = body["data"]["saveExpertProfile"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    (expert, id)
}

#[tokio::test]
async fn an_expert_builds_a_profile_with_taxonomy_and_free_text_skills() {
    let app = TestApp::spawn().await;
    let expert = app.verified("amara@example.org", "EXPERT").await;

    let body = app
        .gql_as(
            Some(&expert.access),
            SAVE,
            json!({ "input": profile("PUBLIC") }),
        )
        .await;

    let p = &body["data"]["saveExpertProfile"];
    assert_eq!(p["residenceCountry"], "NL", "{body}");
    assert_eq!(p["originCountries"], json!(["NG"]));
    assert_eq!(
        p["languages"][1],
        json!({ "code": "yo", "level": "NATIVE" })
    );
    assert_eq!(p["skills"][0]["skill"]["id"], MACHINE_LEARNING);
    assert!(
        p["skills"][0]["skill"]["label"]
            .as_str()
            .unwrap()
            .contains("apprentissage")
    );
    assert_eq!(
        p["skills"][1]["skill"]["label"], "Flood risk modelling",
        "free text kept, normalised, English fallback"
    );
    assert_eq!(p["skills"][1]["years"], 20);
    assert_eq!(p["orcid"], "0000-0002-1825-0097");
    assert_eq!(
        p["contactEmail"], "amara@example.org",
        "the owner sees their own contact"
    );
    assert_eq!(p["verified"], false);
    let me = app
        .gql_as(
            Some(&expert.access),
            "{ me { expertProfile { id headline } } }",
            json!({}),
        )
        .await;
    assert_eq!(me["data"]["me"]["expertProfile"]["id"], p["id"]);
}

#[tokio::test]
async fn saving_again_replaces_the_profile_and_keeps_its_id() {
    let app = TestApp::spawn().await;
    let (expert, id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let mut changed = profile("MEMBERS");
    changed["headline"] = "Professor of hydrology".into();
    changed["skills"] = json!([{ "label": "Flood risk modelling", "level": 3 }]);

    let body = app
        .gql_as(Some(&expert.access), SAVE, json!({ "input": changed }))
        .await;

    assert_eq!(body["data"]["saveExpertProfile"]["id"], id.as_str());
    assert_eq!(
        body["data"]["saveExpertProfile"]["headline"],
        "Professor of hydrology"
    );
    assert_eq!(
        body["data"]["saveExpertProfile"]["skills"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(body["data"]["saveExpertProfile"]["visibility"], "MEMBERS");
}

#[tokio::test]
async fn bad_profile_input_names_the_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("residenceCountry", json!("XX"), "input.residenceCountry"),
        (
            "originCountries",
            json!(["NG", "Nigeria"]),
            "input.originCountries[1]",
        ),
        (
            "languages",
            json!([{ "code": "english", "level": "FLUENT" }]),
            "input.languages[0].code",
        ),
        (
            "skills",
            json!([{ "label": "Hydrology", "level": 6 }]),
            "input.skills[0].level",
        ),
        (
            "skills",
            json!([{ "skillId": uuid::Uuid::new_v4().to_string(), "level": 3 }]),
            "input.skills[0].skillId",
        ),
        ("skills", json!([{ "level": 3 }]), "input.skills[0]"),
        ("orcid", json!("0000-0002-1825-0098"), "input.orcid"),
        ("headline", json!("x".repeat(161)), "input.headline"),
        ("hoursPerMonth", json!(-3), "input.hoursPerMonth"),
    ];
    for (key, value, field) in cases {
        let mut input = profile("HIDDEN");
        input[key] = value;
        let body = app
            .gql_as(Some(&expert.access), SAVE, json!({ "input": input }))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{key}: {body}");
        assert_eq!(error_field(&body).as_deref(), Some(field), "{key}: {body}");
    }
    let me = app
        .gql_as(
            Some(&expert.access),
            "{ me { expertProfile { visibility residenceCountry } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        me["data"]["me"]["expertProfile"]["visibility"], "PUBLIC",
        "nothing half-applied"
    );
    assert_eq!(me["data"]["me"]["expertProfile"]["residenceCountry"], "NL");
}

#[tokio::test]
async fn only_signed_in_experts_save_expert_profiles() {
    let app = TestApp::spawn().await;
    let staff = app.verified("staff@example.org", "INSTITUTION").await;
    let anonymous = app.gql(SAVE, json!({ "input": profile("PUBLIC") })).await;
    let institution = app
        .gql_as(
            Some(&staff.access),
            SAVE,
            json!({ "input": profile("PUBLIC") }),
        )
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    assert_eq!(error_code(&institution), "FORBIDDEN");
}

#[tokio::test]
async fn visibility_decides_who_sees_a_profile() {
    let app = TestApp::spawn().await;
    let (_, public) = expert_with_profile(&app, "pub@example.org", "PUBLIC").await;
    let (_, members) = expert_with_profile(&app, "mem@example.org", "MEMBERS").await;
    let (hidden_owner, hidden) = expert_with_profile(&app, "hid@example.org", "HIDDEN").await;
    let member = app.verified("member@example.org", "INSTITUTION").await;
    let moderator = app.moderator("mod@example.org").await;

    let see = |token: Option<String>, id: String| {
        let app = &app;
        async move {
            let body = app
                .gql_as(token.as_deref(), VIEW, json!({ "id": id }))
                .await;
            assert!(body["errors"].is_null(), "{body}");
            !body["data"]["expert"].is_null()
        }
    };
    let anon = None;
    let m = Some(member.access.clone());
    let o = Some(hidden_owner.access.clone());
    let md = Some(moderator.access.clone());

    assert!(see(anon.clone(), public.clone()).await);
    assert!(!see(anon.clone(), members.clone()).await);
    assert!(!see(anon, hidden.clone()).await);
    assert!(see(m.clone(), public).await);
    assert!(see(m.clone(), members.clone()).await);
    assert!(!see(m, hidden.clone()).await);
    assert!(see(o, hidden.clone()).await);
    assert!(see(md.clone(), hidden).await);
    assert!(see(md, members).await);
}

#[tokio::test]
async fn contact_email_is_shown_only_to_the_owner_and_moderators() {
    let app = TestApp::spawn().await;
    let (owner, id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let member = app.verified("member@example.org", "INSTITUTION").await;
    let moderator = app.moderator("mod@example.org").await;

    let contact = |token: Option<String>| {
        let (app, id) = (&app, id.clone());
        async move {
            app.gql_as(token.as_deref(), VIEW, json!({ "id": id }))
                .await["data"]["expert"]["contactEmail"]
                .clone()
        }
    };

    assert_eq!(contact(None).await, Value::Null);
    assert_eq!(contact(Some(member.access.clone())).await, Value::Null);
    assert_eq!(
        contact(Some(owner.access.clone())).await,
        "amara@example.org"
    );
    assert_eq!(
        contact(Some(moderator.access.clone())).await,
        "amara@example.org"
    );
}

#[tokio::test]
async fn unverified_and_suspended_experts_are_not_shown_to_others() {
    let app = TestApp::spawn().await;
    let pending = app.register("pending@example.org", "EXPERT").await;
    let body = app
        .gql_as(
            Some(&pending.access),
            SAVE,
            json!({ "input": profile("PUBLIC") }),
        )
        .await;
    let pending_id = body["data"]["saveExpertProfile"]["id"]
        .as_str()
        .expect("a pending expert may edit their profile")
        .to_owned();
    let (suspended, suspended_id) = expert_with_profile(&app, "gone@example.org", "PUBLIC").await;
    let moderator = app.moderator("mod@example.org").await;
    app.gql_as(
        Some(&moderator.access),
        "mutation($id: ID!) { suspendAccount(id: $id, reason: \"fake profile\") { status } }",
        json!({ "id": suspended.id }),
    )
    .await;

    for id in [&pending_id, &suspended_id] {
        let anon = app.gql(VIEW, json!({ "id": id })).await;
        assert!(anon["data"]["expert"].is_null(), "{anon}");
        let moderated = app
            .gql_as(Some(&moderator.access), VIEW, json!({ "id": id }))
            .await;
        assert!(
            !moderated["data"]["expert"].is_null(),
            "moderators still see it"
        );
    }
}

#[tokio::test]
async fn malformed_and_unknown_profile_ids() {
    let app = TestApp::spawn().await;
    let malformed = app.gql(VIEW, json!({ "id": "nope" })).await;
    let unknown = app
        .gql(VIEW, json!({ "id": uuid::Uuid::new_v4().to_string() }))
        .await;
    assert_eq!(error_code(&malformed), "BAD_USER_INPUT");
    assert!(
        unknown["data"]["expert"].is_null() && unknown["errors"].is_null(),
        "{unknown}"
    );
}
