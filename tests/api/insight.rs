//! Network insight: `networkStats` counts only searchable experts, verified institutions,
//! OPEN requests and COMPLETED engagements, and ranks skill gaps by shortfall.

use crate::engagements::{COMPLETE, RESPOND, apply, open_request};
use crate::helpers::{Signed, TestApp};
use crate::institutions::staff_with_institution;
use crate::profiles::{SAVE, expert_with_profile, profile};
use crate::requests::{create_query, input, ok};
use crate::skills::MACHINE_LEARNING;
use serde_json::{Value, json};

const STATS: &str = "query($n: Int) { networkStats { experts institutions openRequests engagementsCompleted hoursGiven expertsByResidence { country count } expertsByOrigin { country count } skillGaps(first: $n) { skill { id label inTaxonomy } demand supply } } }";

async fn save_profile(app: &TestApp, who: &Signed, input: Value) {
    let body = app
        .gql_as(Some(&who.access), SAVE, json!({ "input": input }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
}

async fn stats(app: &TestApp, first: Option<i32>) -> Value {
    let body = app.gql(STATS, json!({ "n": first })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["networkStats"].clone()
}

#[tokio::test]
async fn insight_network_stats_count_what_is_public_and_rank_skill_gaps() {
    let app = TestApp::spawn().await;
    let empty = stats(&app, None).await;
    assert_eq!(
        empty,
        json!({
            "experts": 0, "institutions": 0, "openRequests": 0, "engagementsCompleted": 0,
            "hoursGiven": 0, "expertsByResidence": [], "expertsByOrigin": [], "skillGaps": []
        })
    );

    // Two verified institutions with an OPEN request each (machine learning and free-text
    // hydrological modelling), one pending institution, and a draft naming another skill.
    let (staff, inst, _, _open) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (other_staff, _, _, started) = open_request(&app, "dean@knust.edu.gh").await;
    staff_with_institution(&app, "office@pending.example.org").await;
    let mut draft = input(&inst);
    draft["skills"] = json!([{ "label": "Only in drafts", "minLevel": 1, "required": true }]);
    ok(&app, &staff, &create_query(), json!({ "input": draft })).await;

    // Searchable: a PUBLIC expert (NL, from NG) and a MEMBERS one (GB, from NG and GH).
    // Not counted: a HIDDEN expert and one whose email is unconfirmed.
    let (amara, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let kofi = app.verified("kofi@example.org", "EXPERT").await;
    let mut members = profile("MEMBERS");
    members["residenceCountry"] = json!("GB");
    members["originCountries"] = json!(["NG", "GH"]);
    save_profile(&app, &kofi, members).await;
    expert_with_profile(&app, "hidden@example.org", "HIDDEN").await;
    let pending = app.register("pending@example.org", "EXPERT").await;
    save_profile(&app, &pending, profile("PUBLIC")).await;

    // One engagement is accepted (its request goes IN_PROGRESS) and completed.
    let engagement = apply(&app, &amara, &started).await;
    ok(
        &app,
        &other_staff,
        RESPOND,
        json!({ "id": engagement, "a": true }),
    )
    .await;
    ok(
        &app,
        &other_staff,
        COMPLETE,
        json!({ "id": engagement, "h": 42 }),
    )
    .await;

    let hydro = json!({
        "skill": { "id": null, "label": "Hydrological modelling", "inTaxonomy": false },
        "demand": 2,
        "supply": 0
    });
    let ml = json!({
        "skill": { "id": MACHINE_LEARNING, "label": "utilize machine learning", "inTaxonomy": true },
        "demand": 2,
        "supply": 2
    });
    let mut got = stats(&app, None).await;
    // The free-text skill's id is derived from its text; check it is there, then compare.
    assert!(got["skillGaps"][0]["skill"]["id"].is_string(), "{got}");
    got["skillGaps"][0]["skill"]["id"] = Value::Null;
    assert_eq!(
        got,
        json!({
            "experts": 2,
            "institutions": 2,
            "openRequests": 1,
            "engagementsCompleted": 1,
            "hoursGiven": 42,
            "expertsByResidence": [{ "country": "GB", "count": 1 }, { "country": "NL", "count": 1 }],
            "expertsByOrigin": [{ "country": "NG", "count": 2 }, { "country": "GH", "count": 1 }],
            "skillGaps": [hydro, ml]
        })
    );

    let top = stats(&app, Some(1)).await;
    assert_eq!(top["skillGaps"].as_array().unwrap().len(), 1, "{top}");
    assert_eq!(top["skillGaps"][0]["supply"], 0);
    // `first` is clamped to 1..=100.
    let clamped = stats(&app, Some(0)).await;
    assert_eq!(clamped["skillGaps"].as_array().unwrap().len(), 1);
    assert_eq!(
        stats(&app, Some(1000)).await["skillGaps"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn insight_activity_counts_engagements_and_hours_per_month() {
    const ACTIVITY: &str = "query($m: Int) { networkStats { activity(months: $m) { month engagementsStarted engagementsCompleted hoursGiven } } }";
    let app = TestApp::spawn().await;
    let series = |body: Value| -> Vec<Value> {
        assert!(body["errors"].is_null(), "{body}");
        body["data"]["networkStats"]["activity"]
            .as_array()
            .unwrap()
            .clone()
    };
    let empty = series(app.gql(ACTIVITY, json!({ "m": null })).await);
    assert_eq!(empty.len(), 12, "twelve months by default");
    assert!(
        empty
            .iter()
            .all(|m| m["engagementsStarted"] == 0 && m["hoursGiven"] == 0)
    );
    // Months are consecutive `YYYY-MM`, oldest first.
    let months: Vec<&str> = empty.iter().map(|m| m["month"].as_str().unwrap()).collect();
    for pair in months.windows(2) {
        let (y0, m0) = pair[0].split_once('-').unwrap();
        let (y1, m1) = pair[1].split_once('-').unwrap();
        let (y0, m0, y1, m1): (i32, i32, i32, i32) = (
            y0.parse().unwrap(),
            m0.parse().unwrap(),
            y1.parse().unwrap(),
            m1.parse().unwrap(),
        );
        assert_eq!(y1 * 12 + m1, y0 * 12 + m0 + 1, "{months:?}");
    }

    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (amara, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (kofi, _) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let done = apply(&app, &amara, &request).await;
    apply(&app, &kofi, &request).await;
    ok(&app, &staff, RESPOND, json!({ "id": done, "a": true })).await;
    ok(&app, &staff, COMPLETE, json!({ "id": done, "h": 7 })).await;

    let now = series(app.gql(ACTIVITY, json!({ "m": 3 })).await);
    assert_eq!(now.len(), 3);
    assert_eq!(
        now[2]["month"],
        json!(months[11]),
        "the last month is the current one"
    );
    assert_eq!(
        (
            &now[2]["engagementsStarted"],
            &now[2]["engagementsCompleted"],
            &now[2]["hoursGiven"]
        ),
        (&json!(2), &json!(1), &json!(7))
    );
    assert!(now[..2].iter().all(|m| m["engagementsStarted"] == 0));
    // `months` is clamped to 1..=60.
    assert_eq!(series(app.gql(ACTIVITY, json!({ "m": 0 })).await).len(), 1);
    assert_eq!(
        series(app.gql(ACTIVITY, json!({ "m": 500 })).await).len(),
        60
    );
}
