//! Expert search over the live index: freshness, languages, filters, facets, pages,
//! explanations, and who is never found.

use crate::helpers::{TestApp, error_code, error_field};
use crate::profiles::{SAVE, expert_with_profile, profile};
use crate::skills::MACHINE_LEARNING;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const SEARCH: &str = "query($q: String, $f: ExpertFilter, $first: Int, $after: String, $lang: String) {
  searchExperts(query: $q, filter: $f, first: $first, after: $after, lang: $lang) {
    totalCount nextCursor
    hits { score expert { id headline } explanation { matchedSkills { id } missingSkills { id } matchedLanguages countryMatch highlights } }
    residence: facets(field: \"residenceCountry\") { value count }
    origin: facets(field: \"originCountry\") { value count }
  } }";

async fn search(app: &TestApp, token: Option<&str>, vars: Value) -> Value {
    let body = app.gql_as(token, SEARCH, vars).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["searchExperts"].clone()
}

fn hit_ids(result: &Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["expert"]["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Polls until `query` finds `id` (or not), for up to two seconds; returns the last result.
async fn eventually(
    app: &TestApp,
    token: Option<&str>,
    vars: Value,
    id: &str,
    present: bool,
) -> Value {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let result = search(app, token, vars.clone()).await;
        if hit_ids(&result).iter().any(|h| h == id) == present || Instant::now() > deadline {
            return result;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_saved_profile_is_searchable_within_a_second_and_explains_itself() {
    let app = TestApp::spawn().await;
    // Builds the skill autocomplete index the search uses for taxonomy expansion.
    search(&app, None, json!({ "q": "warm up" })).await;
    let (_, id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let saved = Instant::now();

    let result = eventually(
        &app,
        None,
        json!({ "q": "flood risk", "f": { "languages": ["yo"] } }),
        &id,
        true,
    )
    .await;

    assert!(
        saved.elapsed() < Duration::from_secs(1),
        "visible within a second, not {:?}",
        saved.elapsed()
    );
    assert_eq!(hit_ids(&result), vec![id.clone()]);
    let hit = &result["hits"][0];
    assert_eq!(hit["explanation"]["matchedLanguages"], json!(["yo"]));
    let highlights = hit["explanation"]["highlights"].to_string();
    assert!(highlights.contains("<mark>"), "{highlights}");
}

#[tokio::test]
async fn a_query_in_french_finds_a_skill_entered_in_english() {
    let app = TestApp::spawn().await;
    let (_, id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;

    let result = eventually(
        &app,
        None,
        json!({ "q": "apprentissage automatique", "lang": "fr" }),
        &id,
        true,
    )
    .await;

    assert_eq!(hit_ids(&result).first(), Some(&id), "{result}");
    let matched: Vec<&str> = result["hits"][0]["explanation"]["matchedSkills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(matched.contains(&MACHINE_LEARNING), "{result}");
}

#[tokio::test]
async fn filters_facets_and_country_match() {
    let app = TestApp::spawn().await;
    let (_, amara) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let kofi = app.verified("kofi@example.org", "EXPERT").await;
    let mut input = profile("PUBLIC");
    input["residenceCountry"] = "DE".into();
    input["originCountries"] = json!(["GH"]);
    let saved = app
        .gql_as(Some(&kofi.access), SAVE, json!({ "input": input }))
        .await;
    let kofi_id = saved["data"]["saveExpertProfile"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    eventually(&app, None, json!({}), &amara, true).await;
    let browse = eventually(&app, None, json!({}), &kofi_id, true).await;

    assert_eq!(browse["totalCount"], 2, "{browse}");
    let residence: Vec<(String, i64)> = browse["residence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["value"].as_str().unwrap().to_owned(),
                f["count"].as_i64().unwrap(),
            )
        })
        .collect();
    assert!(
        residence.contains(&("NL".to_owned(), 1)) && residence.contains(&("DE".to_owned(), 1)),
        "{residence:?}"
    );
    let in_nl = search(&app, None, json!({ "f": { "residenceCountries": ["nl"] } })).await;
    assert_eq!(hit_ids(&in_nl), vec![amara.clone()]);
    assert_eq!(in_nl["hits"][0]["explanation"]["countryMatch"], true);
    let from_gh = search(
        &app,
        None,
        json!({ "f": { "originCountries": ["GH"], "workModes": ["REMOTE"] } }),
    )
    .await;
    assert_eq!(from_gh["totalCount"], 1);
    assert_eq!(hit_ids(&from_gh), vec![kofi_id]);
    let verified = search(&app, None, json!({ "f": { "verifiedOnly": true } })).await;
    assert_eq!(
        verified["totalCount"], 0,
        "nobody is verified by a moderator yet"
    );
    let with_skill = search(
        &app,
        None,
        json!({ "f": { "skillIds": [MACHINE_LEARNING], "minHoursPerMonth": 10 } }),
    )
    .await;
    assert_eq!(with_skill["totalCount"], 2);
    let too_many_hours = search(&app, None, json!({ "f": { "minHoursPerMonth": 50 } })).await;
    assert_eq!(too_many_hours["totalCount"], 0);
}

#[tokio::test]
async fn pages_follow_each_other_without_gaps_or_repeats() {
    let app = TestApp::spawn().await;
    let mut ids = Vec::new();
    for name in ["a", "b", "c"] {
        ids.push(
            expert_with_profile(&app, &format!("{name}@example.org"), "PUBLIC")
                .await
                .1,
        );
    }
    eventually(
        &app,
        None,
        json!({ "q": "hydrologist" }),
        ids.last().unwrap(),
        true,
    )
    .await;
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..5 {
        let page = search(
            &app,
            None,
            json!({ "q": "hydrologist", "first": 1, "after": after }),
        )
        .await;
        assert_eq!(page["totalCount"], 3);
        seen.extend(hit_ids(&page));
        match page["nextCursor"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
    }
    seen.sort();
    ids.sort();
    assert_eq!(seen, ids);
}

#[tokio::test]
async fn members_only_hidden_suspended_and_unverified_experts_are_not_found_by_the_wrong_people() {
    let app = TestApp::spawn().await;
    let (_, members) = expert_with_profile(&app, "mem@example.org", "MEMBERS").await;
    let (_, hidden) = expert_with_profile(&app, "hid@example.org", "HIDDEN").await;
    let (suspended, suspended_id) = expert_with_profile(&app, "gone@example.org", "PUBLIC").await;
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
        .unwrap()
        .to_owned();
    let viewer = app.verified("viewer@example.org", "INSTITUTION").await;
    let moderator = app.moderator("mod@example.org").await;

    let signed_in = eventually(
        &app,
        Some(&viewer.access),
        json!({ "q": "hydrologist" }),
        &members,
        true,
    )
    .await;
    assert!(hit_ids(&signed_in).contains(&members));
    let anonymous = search(&app, None, json!({ "q": "hydrologist" })).await;
    assert!(
        !hit_ids(&anonymous).contains(&members),
        "members-only profiles stay out of anonymous searches"
    );
    for result in [&signed_in, &anonymous] {
        assert!(!hit_ids(result).contains(&hidden));
        assert!(!hit_ids(result).contains(&pending_id));
    }
    app.gql_as(
        Some(&moderator.access),
        "mutation($id: ID!) { suspendAccount(id: $id, reason: \"fake\") { status } }",
        json!({ "id": suspended.id }),
    )
    .await;
    let after = eventually(
        &app,
        None,
        json!({ "q": "hydrologist" }),
        &suspended_id,
        false,
    )
    .await;
    assert!(
        !hit_ids(&after).contains(&suspended_id),
        "a suspension removes the expert at once"
    );
}

#[tokio::test]
async fn bad_filters_and_cursors_are_bad_input() {
    let app = TestApp::spawn().await;
    let country = app
        .gql(SEARCH, json!({ "f": { "residenceCountries": ["Narnia"] } }))
        .await;
    assert_eq!(error_code(&country), "BAD_USER_INPUT");
    assert_eq!(
        error_field(&country).as_deref(),
        Some("filter.residenceCountries[0]")
    );
    let cursor = app
        .gql(SEARCH, json!({ "q": "x", "after": "not-a-cursor" }))
        .await;
    assert_eq!(error_code(&cursor), "BAD_USER_INPUT");
    for hostile in ["+-:\"()[]{}^~*", "🙂", "مهندس", &"a".repeat(10_000)] {
        let body = app.gql(SEARCH, json!({ "q": hostile })).await;
        assert!(body["errors"].is_null(), "{hostile}: {body}");
    }
}

#[tokio::test]
async fn the_index_reports_its_lag_and_rebuilds_to_the_same_results() {
    let app = TestApp::spawn().await;
    let (_, id) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    eventually(&app, None, json!({ "q": "flood" }), &id, true).await;
    let (status, ready) = app.get("/ready").await;
    assert_eq!(status, 200, "{ready}");
    let ready: Value = serde_json::from_str(&ready).unwrap();
    assert_eq!(ready["checks"]["index"]["lag"], 0);

    let count = app.service.reindex(|_| {}).await.unwrap();

    assert_eq!(count, 1);
    let again = search(&app, None, json!({ "q": "flood" })).await;
    assert_eq!(hit_ids(&again), vec![id]);
}
