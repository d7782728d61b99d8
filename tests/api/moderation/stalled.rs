//! Stalled requests: OPEN and `IN_PROGRESS` requests with no activity for some days, the
//! longest quiet first. Time moves with the test server's manual clock (access tokens expire
//! meanwhile, so the accounts sign in again after each jump).

use super::{HOLD, refused};
use crate::engagements::apply;
use crate::helpers::{PASSWORD, Signed, TestApp, error_code, error_field};
use crate::profiles::expert_with_profile;
use crate::reports::send;
use crate::requests::{REVIEW, SUBMIT, draft, ok, verified_institution};
use chrono::Duration;
use serde_json::{Value, json};

const STALLED: &str =
    "query($d: Int) { stalledRequests(olderThanDays: $d) { id status lastActivityAt } }";
const STALLED_DEFAULT: &str = "{ stalledRequests { id status lastActivityAt } }";
const LAST: &str = "query($id: ID!) { request(id: $id) { lastActivityAt } }";

async fn stalled(app: &TestApp, moderator: &Signed, days: Option<i64>) -> Vec<Value> {
    let list = match days {
        Some(d) => ok(app, moderator, STALLED, json!({ "d": d })).await,
        None => ok(app, moderator, STALLED_DEFAULT, json!({})).await,
    };
    list.as_array().unwrap().clone()
}

fn ids(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Jumps `days` ahead and signs `who` in again.
async fn later(app: &TestApp, days: i64, who: &[&Signed]) -> Vec<Signed> {
    app.clock.advance(Duration::days(days));
    let mut out = Vec::new();
    for w in who {
        out.push(app.login(&w.email, PASSWORD).await);
    }
    out
}

#[tokio::test]
async fn quiet_requests_are_listed_longest_quiet_first_and_activity_takes_them_off() {
    let app = TestApp::spawn().await;
    let (staff, inst, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let mut open = Vec::new();
    for _ in 0..3 {
        let id = draft(&app, &staff, &inst).await;
        ok(&app, &staff, SUBMIT, json!({ "id": id })).await;
        ok(
            &app,
            &moderator,
            REVIEW,
            json!({ "id": id, "d": "APPROVE" }),
        )
        .await;
        open.push(id);
    }
    let (quiet, busy, chatty) = (&open[0], &open[1], &open[2]);
    let waiting = draft(&app, &staff, &inst).await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let engagement = apply(&app, &expert, chatty).await;
    assert!(stalled(&app, &moderator, None).await.is_empty());

    let signed = later(&app, 10, &[&staff, &moderator, &expert]).await;
    let (staff, moderator, expert) = (&signed[0], &signed[1], &signed[2]);
    apply(&app, expert, busy).await;
    send(&app, staff, &engagement, "Are you still available?").await;
    let signed = later(&app, 15, &[staff, moderator]).await;
    let (staff, moderator) = (&signed[0], &signed[1]);

    let three_weeks = stalled(&app, moderator, None).await;
    assert_eq!(
        ids(&three_weeks),
        std::slice::from_ref(quiet),
        "21 days by default"
    );
    assert_eq!(three_weeks[0]["status"], "OPEN");
    let twelve_days = stalled(&app, moderator, Some(12)).await;
    assert_eq!(
        ids(&twelve_days),
        [quiet.clone(), busy.clone(), chatty.clone()],
        "the longest quiet first; a message counts as activity"
    );
    let times: Vec<_> = twelve_days
        .iter()
        .map(|r| {
            chrono::DateTime::parse_from_rfc3339(r["lastActivityAt"].as_str().unwrap()).unwrap()
        })
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert!(times[1] - times[0] >= Duration::days(10));
    assert!(
        !ids(&twelve_days).contains(&waiting),
        "a draft is not stalled"
    );
    let seen = ok(&app, staff, LAST, json!({ "id": quiet })).await;
    assert_eq!(seen["lastActivityAt"], twelve_days[0]["lastActivityAt"]);
    let outsider = app.verified("outsider@example.org", "EXPERT").await;
    let hidden = ok(&app, &outsider, LAST, json!({ "id": quiet })).await;
    assert!(
        hidden["lastActivityAt"].is_null(),
        "members and moderators only"
    );

    ok(
        &app,
        moderator,
        HOLD,
        json!({ "id": quiet, "r": "Nobody answers" }),
    )
    .await;
    assert_eq!(
        ids(&stalled(&app, moderator, Some(12)).await),
        [busy.clone(), chatty.clone()],
        "a request on hold is no longer waiting for anyone"
    );
}

#[tokio::test]
async fn only_moderators_list_stalled_requests_over_a_sensible_span() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator) = verified_institution(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;

    for (who, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(&expert), "FORBIDDEN"),
        (Some(&staff), "FORBIDDEN"),
    ] {
        assert_eq!(refused(&app, who, STALLED, json!({})).await, code);
    }
    for days in [0, -3, 100_000] {
        let body = app
            .gql_as(Some(&moderator.access), STALLED, json!({ "d": days }))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(error_field(&body).as_deref(), Some("olderThanDays"));
    }
    let admin = app.admin("root@example.org").await;
    assert!(stalled(&app, &admin, Some(1)).await.is_empty());
}
