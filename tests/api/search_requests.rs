//! Request search over the live request index: relevance in English, French and Spanish,
//! typos, only OPEN requests, freshness, pages, explanations, bad input, and rebuilding.

use crate::helpers::{Signed, TestApp, error_code, error_field};
use crate::profiles::SAVE;
use crate::requests::{CLOSE, REVIEW, SEND_BACK, SUBMIT, create_query, input, ok};
use crate::skills::MACHINE_LEARNING;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const SEARCH: &str = "query($q: String, $first: Int, $after: String, $f: RequestFilter, $lang: String) {
  searchRequests(query: $q, first: $first, after: $after, filter: $f, lang: $lang) {
    score cursor
    request { id title status }
    explanation { matchedSkills { id label } missingSkills { id label } matchedLanguages countryMatch highlights }
  } }";

/// A verified institution (University of Lagos, NG) with its staff member and moderator.
struct Desk {
    staff: Signed,
    institution: String,
    moderator: Signed,
}

async fn desk(app: &TestApp) -> Desk {
    let (staff, institution, moderator) =
        crate::requests::verified_institution(app, "registrar@unilag.edu.ng").await;
    Desk {
        staff,
        institution,
        moderator,
    }
}

/// A request input of the desk's institution with this title, description and skills.
fn written(desk: &Desk, title: &str, description: &str, skills: Value) -> Value {
    let mut input = input(&desk.institution);
    input["title"] = title.into();
    input["description"] = description.into();
    input["skills"] = skills;
    input
}

/// Creates a DRAFT request; returns its id.
async fn draft_of(app: &TestApp, desk: &Desk, input: Value) -> String {
    let created = ok(app, &desk.staff, &create_query(), json!({ "input": input })).await;
    created["id"].as_str().unwrap().to_owned()
}

/// Creates, submits and approves a request; returns its id.
async fn open(app: &TestApp, desk: &Desk, input: Value) -> String {
    let id = draft_of(app, desk, input).await;
    ok(app, &desk.staff, SUBMIT, json!({ "id": id })).await;
    let approved = ok(
        app,
        &desk.moderator,
        REVIEW,
        json!({ "id": id, "d": "APPROVE" }),
    )
    .await;
    assert_eq!(approved["status"], "OPEN");
    id
}

async fn search(app: &TestApp, token: Option<&str>, vars: Value) -> Vec<Value> {
    let body = app.gql_as(token, SEARCH, vars).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["searchRequests"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .clone()
}

fn ids(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["request"]["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Polls until the search finds `id` (or no longer does), for up to two seconds; returns
/// the last hits.
async fn eventually(app: &TestApp, vars: Value, id: &str, present: bool) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let hits = search(app, None, vars.clone()).await;
        if ids(&hits).iter().any(|h| h == id) == present || Instant::now() > deadline {
            return hits;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Three OPEN requests: a flood model in English (machine learning required), cardiology
/// teaching in French, a software course in Spanish. Returns their ids in that order, once
/// all three are searchable.
async fn three_languages(app: &TestApp, desk: &Desk) -> [String; 3] {
    let flood = open(
        app,
        desk,
        written(
            desk,
            "Flood risk model for the Lagos lagoon",
            "We need help calibrating a hydrological model of the lagoon and training two engineers.",
            json!([{ "skillId": MACHINE_LEARNING, "minLevel": 3, "required": true }]),
        ),
    )
    .await;
    let cardiology = open(
        app,
        desk,
        written(
            desk,
            "Formation en cardiologie interventionnelle",
            "Nous cherchons un cardiologue pour former nos internes aux techniques de cathétérisme.",
            json!([{ "label": "Cardiologie interventionnelle", "minLevel": 4, "required": true }]),
        ),
    )
    .await;
    let software = open(
        app,
        desk,
        written(
            desk,
            "Curso de arquitectura de software",
            "Buscamos una persona experta para enseñar arquitectura de software a nuestros docentes.",
            json!([{ "label": "Arquitectura de software", "minLevel": 3, "required": true }]),
        ),
    )
    .await;
    eventually(app, json!({}), &software, true).await;
    [flood, cardiology, software]
}

#[tokio::test]
async fn requests_are_found_in_english_french_and_spanish_and_despite_a_typo() {
    let app = TestApp::spawn().await;
    let desk = desk(&app).await;
    let [flood, cardiology, software] = three_languages(&app, &desk).await;

    for (query, lang, expected) in [
        ("flood model", "en", &flood),
        ("hydrological modelling", "en", &flood),
        ("cardiologist", "en", &cardiology),
        ("cardiologue", "fr", &cardiology),
        ("apprentissage automatique", "fr", &flood),
        ("arquitectura de software", "es", &software),
        ("software architecture", "en", &software),
        ("interventionelle", "fr", &cardiology),
        ("lagooon", "en", &flood),
    ] {
        let hits = search(&app, None, json!({ "q": query, "lang": lang })).await;
        assert_eq!(
            ids(&hits).first(),
            Some(expected),
            "{query:?} ({lang}): {hits:?}"
        );
    }
    let hits = search(&app, None, json!({ "q": "lagoon" })).await;
    let highlights = hits[0]["explanation"]["highlights"].to_string();
    assert!(highlights.contains("<mark>lagoon</mark>"), "{highlights}");
    let machine = search(&app, None, json!({ "q": "machine learning" })).await;
    assert_eq!(ids(&machine), vec![flood.clone()]);
    assert_eq!(
        machine[0]["explanation"]["matchedSkills"][0]["id"], MACHINE_LEARNING,
        "an anonymous search explains itself against the query"
    );
    assert_eq!(machine[0]["explanation"]["missingSkills"], json!([]));
}

#[tokio::test]
async fn only_open_requests_are_ever_found() {
    let app = TestApp::spawn().await;
    let desk = desk(&app).await;
    let title = |what: &str| format!("Zanzibar seaweed survey ({what})");
    let text = "Survey of seaweed farms on the Zanzibar coast with the fisheries department.";
    let skills = json!([{ "skillId": MACHINE_LEARNING, "minLevel": 2, "required": true }]);
    let draft = draft_of(
        &app,
        &desk,
        written(&desk, &title("draft"), text, skills.clone()),
    )
    .await;
    let in_review = draft_of(
        &app,
        &desk,
        written(&desk, &title("review"), text, skills.clone()),
    )
    .await;
    ok(&app, &desk.staff, SUBMIT, json!({ "id": in_review })).await;
    let rejected = draft_of(
        &app,
        &desk,
        written(&desk, &title("rejected"), text, skills.clone()),
    )
    .await;
    ok(&app, &desk.staff, SUBMIT, json!({ "id": rejected })).await;
    ok(
        &app,
        &desk.moderator,
        REVIEW,
        json!({ "id": rejected, "d": "REJECT", "r": "Out of scope" }),
    )
    .await;
    let sent_back = draft_of(
        &app,
        &desk,
        written(&desk, &title("sent back"), text, skills.clone()),
    )
    .await;
    ok(&app, &desk.staff, SUBMIT, json!({ "id": sent_back })).await;
    ok(
        &app,
        &desk.moderator,
        SEND_BACK,
        json!({ "id": sent_back, "r": "Say which coast" }),
    )
    .await;
    let cancelled = open(
        &app,
        &desk,
        written(&desk, &title("cancelled"), text, skills.clone()),
    )
    .await;
    ok(
        &app,
        &desk.staff,
        CLOSE,
        json!({ "id": cancelled, "c": false }),
    )
    .await;
    let open_id = open(&app, &desk, written(&desk, &title("open"), text, skills)).await;

    // Once the open request is indexed, every earlier change has been applied too.
    eventually(&app, json!({ "q": "zanzibar" }), &open_id, true).await;
    let staff = desk.staff.access.clone();
    let moderator = desk.moderator.access.clone();
    for token in [None, Some(staff.as_str()), Some(moderator.as_str())] {
        for vars in [
            json!({ "q": "zanzibar seaweed" }),
            json!({}),
            json!({ "q": "machine learning" }),
            json!({ "f": { "countries": ["NG"] } }),
        ] {
            let hits = search(&app, token, vars.clone()).await;
            assert_eq!(ids(&hits), vec![open_id.clone()], "{vars}: {hits:?}");
            assert!(hits.iter().all(|h| h["request"]["status"] == "OPEN"));
        }
    }
    for never in [&draft, &in_review, &rejected, &sent_back, &cancelled] {
        assert_ne!(never, &open_id);
    }
}

#[tokio::test]
async fn an_approved_request_is_findable_within_a_second_and_leaves_when_held_or_closed() {
    let app = TestApp::spawn().await;
    let desk = desk(&app).await;
    // Builds the skill autocomplete index the search expands queries with.
    search(&app, None, json!({ "q": "warm up" })).await;
    let id = draft_of(
        &app,
        &desk,
        written(
            &desk,
            "Groundwater monitoring network in the Sahel",
            "Design a groundwater monitoring network with the water ministry.",
            json!([{ "label": "Groundwater monitoring", "minLevel": 3, "required": true }]),
        ),
    )
    .await;
    ok(&app, &desk.staff, SUBMIT, json!({ "id": id })).await;
    assert!(
        search(&app, None, json!({ "q": "groundwater" }))
            .await
            .is_empty()
    );

    ok(
        &app,
        &desk.moderator,
        REVIEW,
        json!({ "id": id, "d": "APPROVE" }),
    )
    .await;
    let approved = Instant::now();
    let hits = eventually(&app, json!({ "q": "groundwater sahel" }), &id, true).await;
    assert_eq!(ids(&hits), vec![id.clone()]);
    assert!(
        approved.elapsed() < Duration::from_secs(1),
        "findable within a second, not {:?}",
        approved.elapsed()
    );

    // Put on hold it leaves search; resumed (back to OPEN) it returns.
    let hold =
        "mutation($id: ID!) { holdRequest(id: $id, reason: \"Funding under review\") { status } }";
    let resume = "mutation($id: ID!) { resumeRequest(id: $id) { status } }";
    let held = ok(&app, &desk.moderator, hold, json!({ "id": id })).await;
    assert_eq!(held["status"], "ON_HOLD");
    let hits = eventually(&app, json!({ "q": "groundwater sahel" }), &id, false).await;
    assert!(hits.is_empty(), "{hits:?}");
    ok(&app, &desk.moderator, resume, json!({ "id": id })).await;
    let back = eventually(&app, json!({ "q": "groundwater sahel" }), &id, true).await;
    assert_eq!(ids(&back), vec![id.clone()]);

    ok(&app, &desk.staff, CLOSE, json!({ "id": id, "c": false })).await;
    let closed = Instant::now();
    let hits = eventually(&app, json!({ "q": "groundwater sahel" }), &id, false).await;
    assert!(hits.is_empty(), "{hits:?}");
    assert!(
        closed.elapsed() < Duration::from_secs(1),
        "gone within a second, not {:?}",
        closed.elapsed()
    );
}

#[tokio::test]
async fn pages_follow_each_other_without_gaps_or_duplicates() {
    let app = TestApp::spawn().await;
    let desk = desk(&app).await;
    let mut opened = Vec::new();
    for i in 0..7 {
        // A minute apart (the clock follows real time plus the advances; the access tokens
        // stay valid). Ties on the opening time are paged in the search crate's unit tests.
        app.clock.advance(chrono::Duration::minutes(1));
        let title = format!("Solar microgrid study number {i}");
        let description = "Size a solar microgrid for a rural health centre and its clinic.";
        let skills = json!([{ "label": "Solar energy", "minLevel": 2, "required": true }]);
        opened.push(open(&app, &desk, written(&desk, &title, description, skills)).await);
    }
    eventually(&app, json!({}), opened.last().unwrap(), true).await;

    for vars in [json!({}), json!({ "q": "solar microgrid" })] {
        let mut seen: Vec<String> = Vec::new();
        let mut after: Option<String> = None;
        let mut pages = 0;
        loop {
            let mut page_vars = vars.clone();
            page_vars["first"] = 3.into();
            page_vars["after"] = after.clone().map_or(Value::Null, Value::from);
            let hits = search(&app, None, page_vars).await;
            pages += 1;
            seen.extend(ids(&hits));
            if hits.len() < 3 {
                break;
            }
            after = Some(hits[2]["cursor"].as_str().unwrap().to_owned());
            assert!(pages < 10, "paging does not end: {seen:?}");
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 7, "{vars}: {seen:?}");
        assert_eq!(seen.len(), 7, "{vars}: {seen:?}");
        if vars == json!({}) {
            let newest_first: Vec<String> = opened.iter().rev().cloned().collect();
            assert_eq!(seen, newest_first);
        }
    }
}

#[tokio::test]
async fn an_expert_sees_which_of_their_skills_languages_and_origin_a_request_fits() {
    let app = TestApp::spawn().await;
    let desk = desk(&app).await;
    let expert = app.verified("amara@example.org", "EXPERT").await;
    let profile = crate::profiles::profile("PUBLIC");
    let saved = app
        .gql_as(Some(&expert.access), SAVE, json!({ "input": profile }))
        .await;
    assert!(saved["errors"].is_null(), "{saved}");
    let id = open(
        &app,
        &desk,
        written(
            &desk,
            "Flood forecasting with machine learning",
            "Build a flood forecasting model for the Ogun river basin with our engineers.",
            json!([
                { "skillId": MACHINE_LEARNING, "minLevel": 3, "required": true },
                { "label": "Sediment transport", "minLevel": 3, "required": true },
                { "label": "Flood risk modelling", "minLevel": 2, "required": false }
            ]),
        ),
    )
    .await;
    eventually(&app, json!({ "q": "flood forecasting" }), &id, true).await;

    let hits = search(
        &app,
        Some(&expert.access),
        json!({ "q": "flood forecasting" }),
    )
    .await;

    assert_eq!(ids(&hits), vec![id.clone()]);
    let why = &hits[0]["explanation"];
    let labels = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap().to_lowercase())
            .collect()
    };
    let matched = labels(&why["matchedSkills"]);
    assert_eq!(why["matchedSkills"][0]["id"], MACHINE_LEARNING, "{why}");
    assert!(
        matched.contains(&"flood risk modelling".to_owned()),
        "{why}"
    );
    assert_eq!(
        labels(&why["missingSkills"]),
        vec!["sediment transport"],
        "{why}"
    );
    assert_eq!(why["matchedLanguages"], json!(["en", "yo"]), "{why}");
    assert_eq!(
        why["countryMatch"], true,
        "from Nigeria, like the university"
    );
    assert!(why["highlights"].to_string().contains("<mark>"), "{why}");

    let anonymous = search(&app, None, json!({ "q": "flood forecasting" })).await;
    assert_eq!(anonymous[0]["explanation"]["missingSkills"], json!([]));
    assert_eq!(anonymous[0]["explanation"]["countryMatch"], false);
    let filtered = search(
        &app,
        None,
        json!({ "q": "flood", "f": { "countries": ["ng"], "languages": ["yo"], "kinds": ["PROJECT"] } }),
    )
    .await;
    assert_eq!(ids(&filtered), vec![id]);
    assert_eq!(filtered[0]["explanation"]["countryMatch"], true);
    assert_eq!(
        filtered[0]["explanation"]["matchedLanguages"],
        json!(["yo"])
    );
    let elsewhere = search(&app, None, json!({ "f": { "countries": ["GH"] } })).await;
    assert!(elsewhere.is_empty());
}

#[tokio::test]
async fn bad_cursors_and_filters_are_bad_user_input() {
    let app = TestApp::spawn().await;
    let desk = desk(&app).await;
    let first = open(&app, &desk, input(&desk.institution)).await;
    open(&app, &desk, input(&desk.institution)).await;
    eventually(&app, json!({}), &first, true).await;
    let browse = search(&app, None, json!({ "first": 1 })).await;
    let browse_cursor = browse[0]["cursor"].as_str().unwrap().to_owned();

    for (vars, field) in [
        (json!({ "after": "not-a-cursor" }), "after"),
        (json!({ "q": "flood", "after": browse_cursor }), "after"),
        (
            json!({ "f": { "countries": ["Narnia"] } }),
            "filter.countries[0]",
        ),
        (
            json!({ "f": { "languages": ["xx-long"] } }),
            "filter.languages[0]",
        ),
        (
            json!({ "f": { "skillIds": ["machine-learning"] } }),
            "filter.skillIds[0]",
        ),
    ] {
        let body = app.gql(SEARCH, vars.clone()).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{vars}: {body}");
        assert_eq!(error_field(&body).as_deref(), Some(field), "{vars}: {body}");
    }
    for hostile in ["+-:\"()[]{}^~*", "🙂", "مهندس", &"a".repeat(10_000)] {
        let body = app.gql(SEARCH, json!({ "q": hostile })).await;
        assert!(body["errors"].is_null(), "{hostile}: {body}");
    }
    let recommended = app
        .gql_as(
            Some(&desk.staff.access),
            "{ recommendedRequests { cursor } }",
            json!({}),
        )
        .await;
    assert!(recommended["errors"].is_null(), "{recommended}");
}

#[tokio::test]
async fn the_request_index_rebuilds_to_the_same_results_and_survives_a_restart() {
    let app = TestApp::spawn().await;
    let desk = desk(&app).await;
    let [flood, ..] = three_languages(&app, &desk).await;
    let before = ids(&search(&app, None, json!({})).await);

    let count = app.service.reindex_requests().await.unwrap();

    assert_eq!(count, 3);
    assert_eq!(ids(&search(&app, None, json!({})).await), before);
    let index = app.data_dir.join("index").join("requests");
    assert!(index.is_dir(), "on disk beside the expert index");
    let app = app.restart_with(|_| {}).await;
    assert_eq!(ids(&search(&app, None, json!({})).await), before);
    // A missing index (here: a fresh data directory) is rebuilt from the database at start.
    let app = app
        .restart_with(|settings| settings.data_dir = settings.data_dir.with_file_name("fresh"))
        .await;
    assert!(app.data_dir.join("index").join("requests").is_dir());
    let hits = search(&app, None, json!({ "q": "flood" })).await;
    assert_eq!(ids(&hits).first(), Some(&flood));
    assert_eq!(ids(&search(&app, None, json!({})).await), before);
}
