//! Two-sided matching: experts ranked for a request, requests recommended to an expert, each
//! with its reasons.

use crate::helpers::{Signed, TestApp, error_code};
use crate::profiles::{SAVE, profile};
use crate::requests::{REVIEW, SUBMIT, draft, ok, verified_institution};
use crate::skills::MACHINE_LEARNING;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const MATCH: &str = "query($id: ID!) { matchExperts(requestId: $id, first: 10) { score expert { id } explanation { matchedSkills { id } missingSkills { id } matchedLanguages countryMatch } } }";
const RECOMMENDED: &str = "{ recommendedRequests { score request { id title } explanation { matchedSkills { id } matchedLanguages countryMatch } } }";

async fn expert(app: &TestApp, email: &str, change: impl FnOnce(&mut Value)) -> (Signed, String) {
    let account = app.verified(email, "EXPERT").await;
    let mut input = profile("PUBLIC");
    change(&mut input);
    let body = app
        .gql_as(Some(&account.access), SAVE, json!({ "input": input }))
        .await;
    let id = body["data"]["saveExpertProfile"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    (account, id)
}

/// An OPEN request of a Nigerian university asking for machine learning (level 3, required);
/// returns (staff, request id).
async fn open_request(app: &TestApp) -> (Signed, String) {
    let (staff, institution, moderator) =
        verified_institution(app, "registrar@unilag.edu.ng").await;
    let id = draft(app, &staff, &institution).await;
    ok(app, &staff, SUBMIT, json!({ "id": id })).await;
    ok(app, &moderator, REVIEW, json!({ "id": id, "d": "APPROVE" })).await;
    (staff, id)
}

fn ids(hits: &Value) -> Vec<String> {
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["expert"]["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn experts_are_ranked_for_a_request_by_skills_level_languages_and_origin_with_reasons() {
    let app = TestApp::spawn().await;
    let (_, best) = expert(&app, "amara@example.org", |_| {}).await;
    let (_, junior) = expert(&app, "chidi@example.org", |p| {
        p["skills"][0]["level"] = 2.into()
    })
    .await;
    let (_, other) = expert(&app, "kwame@example.org", |p| {
        p["skills"] = json!([{ "label": "Flood risk modelling", "level": 5 }]);
        p["originCountries"] = json!(["GH"]);
        p["languages"] = json!([{ "code": "fr", "level": "FLUENT" }]);
    })
    .await;
    let (staff, request) = open_request(&app).await;

    let deadline = Instant::now() + Duration::from_secs(3);
    let hits = loop {
        let body = app
            .gql_as(Some(&staff.access), MATCH, json!({ "id": request }))
            .await;
        let hits = body["data"]["matchExperts"].clone();
        assert!(body["errors"].is_null(), "{body}");
        if hits.as_array().unwrap().len() == 3 || Instant::now() > deadline {
            break hits;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    assert_eq!(ids(&hits), vec![best.clone(), junior, other], "{hits}");
    let top = &hits[0]["explanation"];
    assert_eq!(top["matchedSkills"][0]["id"], MACHINE_LEARNING);
    assert_eq!(
        top["countryMatch"], true,
        "from Nigeria, like the university"
    );
    assert!(
        top["matchedLanguages"]
            .as_array()
            .unwrap()
            .contains(&json!("yo"))
    );
    let last = &hits[2]["explanation"];
    assert_eq!(last["missingSkills"][0]["id"], MACHINE_LEARNING);
    assert_eq!(last["countryMatch"], false);
    let scores: Vec<f64> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[tokio::test]
async fn only_the_institution_and_moderators_match_experts_to_its_request() {
    let app = TestApp::spawn().await;
    let (_, request) = open_request(&app).await;
    let (someone, _) = expert(&app, "amara@example.org", |_| {}).await;
    let denied = app
        .gql_as(Some(&someone.access), MATCH, json!({ "id": request }))
        .await;
    let anonymous = app.gql(MATCH, json!({ "id": request })).await;
    let unknown = app
        .gql_as(
            Some(&someone.access),
            MATCH,
            json!({ "id": uuid::Uuid::new_v4().to_string() }),
        )
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN");
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    assert_eq!(error_code(&unknown), "NOT_FOUND");
}

#[tokio::test]
async fn experts_get_the_open_requests_that_fit_them() {
    let app = TestApp::spawn().await;
    let (fits, _) = expert(&app, "amara@example.org", |_| {}).await;
    let (unrelated, _) = expert(&app, "kwame@example.org", |p| {
        p["skills"] = json!([{ "label": "Beekeeping", "level": 5 }]);
    })
    .await;
    let (_, request) = open_request(&app).await;

    let mine = app.gql_as(Some(&fits.access), RECOMMENDED, json!({})).await;
    let theirs = app
        .gql_as(Some(&unrelated.access), RECOMMENDED, json!({}))
        .await;

    let hits = mine["data"]["recommendedRequests"]
        .as_array()
        .unwrap_or_else(|| panic!("{mine}"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["request"]["id"], request.as_str());
    assert_eq!(
        hits[0]["explanation"]["matchedSkills"][0]["id"],
        MACHINE_LEARNING
    );
    assert_eq!(hits[0]["explanation"]["countryMatch"], true);
    assert_eq!(
        theirs["data"]["recommendedRequests"],
        json!([]),
        "no shared skill, no recommendation"
    );
    let anonymous = app.gql(RECOMMENDED, json!({})).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
}
