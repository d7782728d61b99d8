//! Reports of content: any signed-in account reports a profile, a request or a message it can
//! see; hidden and unknown subjects are the same `NOT_FOUND`; repeats change nothing; reports
//! are throttled; moderators see the open ones oldest first and resolve or dismiss them, for
//! instance after suspending the account behind the subject.

mod decisions;

use crate::engagements::{apply, open_request};
use crate::helpers::{PASSWORD, Signed, TestApp, error_code, error_field};
use crate::profiles::expert_with_profile;
use crate::requests::ok;
use serde_json::{Value, json};

pub const REPORT: &str =
    "mutation($s: ID!, $r: String!) { reportContent(subjectId: $s, reason: $r) }";
pub const QUEUE: &str = "{ moderationQueue { reports { id subjectId subjectType subjectSummary subjectLink reason createdAt status reporter { id email } subjectAccount { id } subject { __typename ... on ExpertProfile { id } ... on Request { id title } ... on Message { id body } } } } }";
pub const RESOLVE: &str = "mutation($id: ID!, $a: ReportAction!, $n: String!) { resolveReport(id: $id, action: $a, note: $n) { id status resolutionNote resolvedAt resolvedBy { id } } }";
const SEND: &str =
    "mutation($e: ID!, $b: String!) { sendMessage(engagementId: $e, body: $b) { id } }";

/// An OPEN request with an application and a message on it.
pub struct World {
    pub staff: Signed,
    pub moderator: Signed,
    pub request: String,
    pub expert: Signed,
    pub profile: String,
    pub engagement: String,
    pub message: String,
}

pub async fn world(app: &TestApp) -> World {
    let (staff, _, moderator, request) = open_request(app, "registrar@unilag.edu.ng").await;
    let (expert, profile) = expert_with_profile(app, "amara@example.org", "PUBLIC").await;
    let engagement = apply(app, &expert, &request).await;
    let message = send(app, &expert, &engagement, "Here is my CV: buy cheap pills.").await;
    World {
        staff,
        moderator,
        request,
        expert,
        profile,
        engagement,
        message,
    }
}

/// `who` writes `body` on engagement `engagement`; returns the message id.
pub async fn send(app: &TestApp, who: &Signed, engagement: &str, body: &str) -> String {
    let sent = ok(app, who, SEND, json!({ "e": engagement, "b": body })).await;
    sent["id"].as_str().unwrap().to_owned()
}

/// `who` reports `subject`; returns the raw response.
pub async fn report(app: &TestApp, who: Option<&Signed>, subject: &str, reason: &str) -> Value {
    app.gql_as(
        who.map(|w| w.access.as_str()),
        REPORT,
        json!({ "s": subject, "r": reason }),
    )
    .await
}

/// The open reports as `moderator` sees them.
pub async fn queue(app: &TestApp, moderator: &Signed) -> Vec<Value> {
    let body = ok(app, moderator, QUEUE, json!({})).await;
    body["reports"].as_array().unwrap().clone()
}

#[tokio::test]
async fn reports_on_a_profile_a_request_and_a_message_reach_the_queue_oldest_first() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;

    for (subject, reason) in [
        (&w.profile, "Fake credentials"),
        (&w.request, "  This is an advert, not a request  "),
        (&w.message, "Spam in a message"),
    ] {
        let body = report(&app, Some(&w.staff), subject, reason).await;
        assert_eq!(body["data"]["reportContent"], true, "{body}");
        app.clock.advance(chrono::Duration::seconds(5));
    }

    let moderator = app.login(&w.moderator.email, PASSWORD).await;
    let reports = queue(&app, &moderator).await;
    let subjects: Vec<_> = reports.iter().map(|r| r["subjectId"].clone()).collect();
    assert_eq!(
        subjects,
        [json!(w.profile), json!(w.request), json!(w.message)]
    );
    let kinds: Vec<_> = reports.iter().map(|r| r["subjectType"].clone()).collect();
    assert_eq!(kinds, ["EXPERT_PROFILE", "REQUEST", "MESSAGE"]);
    let typenames: Vec<_> = reports
        .iter()
        .map(|r| r["subject"]["__typename"].clone())
        .collect();
    assert_eq!(typenames, ["ExpertProfile", "Request", "Message"]);
    assert_eq!(reports[1]["reason"], "This is an advert, not a request");
    assert_eq!(
        reports[2]["subject"]["body"],
        "Here is my CV: buy cheap pills."
    );
    for r in &reports {
        assert_eq!(r["status"], "OPEN");
        assert_eq!(r["reporter"]["id"], w.staff.id.as_str());
        assert_eq!(
            r["reporter"]["email"],
            w.staff.email.as_str(),
            "moderators see who"
        );
    }
    // The account a moderator would suspend: the profile's owner, the request's writer, the
    // message's author.
    assert_eq!(reports[0]["subjectAccount"]["id"], w.expert.id.as_str());
    assert_eq!(reports[1]["subjectAccount"]["id"], w.staff.id.as_str());
    assert_eq!(reports[2]["subjectAccount"]["id"], w.expert.id.as_str());
    assert!(
        reports[2]["subjectSummary"]
            .as_str()
            .unwrap()
            .contains("cheap pills")
    );
    assert_eq!(
        reports[2]["subjectLink"],
        format!("/engagements/{}", w.engagement)
    );
    assert_eq!(
        reports[1]["subjectLink"],
        format!("/requests/{}", w.request)
    );
}

#[tokio::test]
async fn hidden_and_unknown_subjects_are_not_found_and_bad_input_is_refused() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let (_, hidden) = expert_with_profile(&app, "hidden@example.org", "HIDDEN").await;
    let outsider = app.verified("outsider@example.org", "EXPERT").await;
    let unknown = uuid::Uuid::now_v7().to_string();

    let mut messages = Vec::new();
    for subject in [&hidden, &w.message, &unknown] {
        let body = report(&app, Some(&outsider), subject, "Looks wrong").await;
        assert_eq!(error_code(&body), "NOT_FOUND", "{subject}: {body}");
        messages.push(body["errors"][0]["message"].clone());
    }
    assert!(
        messages.iter().all(|m| *m == messages[0]),
        "hidden and unknown things answer alike: {messages:?}"
    );
    // A request still in DRAFT is its institution's business only.
    let (other_staff, other_inst, _) =
        crate::requests::verified_institution(&app, "dean@uniben.edu").await;
    let draft = crate::requests::draft(&app, &other_staff, &other_inst).await;
    let body = report(&app, Some(&outsider), &draft, "Looks wrong").await;
    assert_eq!(error_code(&body), "NOT_FOUND");

    let anonymous = report(&app, None, &w.profile, "Looks wrong").await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    let cases = [
        ("not-an-id", "Looks wrong", "subjectId"),
        (w.profile.as_str(), "   ", "reason"),
        (w.profile.as_str(), &"x".repeat(2001), "reason"),
        (w.profile.as_str(), "bell\u{7}", "reason"),
    ];
    for (subject, reason, field) in cases {
        let body = report(&app, Some(&outsider), subject, reason).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(error_field(&body).as_deref(), Some(field));
    }

    assert!(
        queue(&app, &w.moderator).await.is_empty(),
        "nothing was filed"
    );
}

#[tokio::test]
async fn reporting_again_changes_nothing_and_an_hour_allows_ten_reports() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let mut messages = vec![w.message.clone()];
    for i in 0..10 {
        messages.push(send(&app, &w.expert, &w.engagement, &format!("Spam number {i}")).await);
    }

    for _ in 0..2 {
        let body = report(&app, Some(&w.staff), &w.message, "Spam").await;
        assert_eq!(body["data"]["reportContent"], true, "{body}");
    }
    let reports = queue(&app, &w.moderator).await;
    assert_eq!(reports.len(), 1, "a repeat adds nothing: {reports:?}");
    assert_eq!(reports[0]["reason"], "Spam");

    for id in &messages[1..10] {
        let body = report(&app, Some(&w.staff), id, "Spam").await;
        assert_eq!(body["data"]["reportContent"], true, "{body}");
    }
    let eleventh = report(&app, Some(&w.staff), &messages[10], "Spam").await;
    assert_eq!(error_code(&eleventh), "RATE_LIMITED", "{eleventh}");
    let wait = eleventh["errors"][0]["extensions"]["retryAfter"]
        .as_u64()
        .unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    let repeat = report(&app, Some(&w.staff), &messages[3], "Spam").await;
    assert_eq!(
        repeat["data"]["reportContent"], true,
        "a repeat is not a new report, even when throttled: {repeat}"
    );
    assert_eq!(queue(&app, &w.moderator).await.len(), 10);

    app.clock.advance(chrono::Duration::minutes(61));
    let staff = app.login(&w.staff.email, PASSWORD).await;
    let later = report(&app, Some(&staff), &messages[10], "Spam").await;
    assert_eq!(later["data"]["reportContent"], true, "{later}");
}

#[tokio::test]
async fn the_same_report_sent_four_times_at_once_is_filed_once() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let send = || report(&app, Some(&w.staff), &w.profile, "Fake profile");

    let (a, b, c, d) = tokio::join!(send(), send(), send(), send());

    for body in [a, b, c, d] {
        assert_eq!(body["data"]["reportContent"], true, "{body}");
    }
    assert_eq!(queue(&app, &w.moderator).await.len(), 1);
}

#[tokio::test]
async fn a_reporter_finds_their_reports_in_their_export_and_they_go_with_their_account() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let reporter = app.verified("watcher@example.org", "EXPERT").await;
    report(&app, Some(&reporter), &w.profile, "Fake profile").await;

    let export = ok(&app, &reporter, "mutation { exportMyData }", json!({})).await;

    let document: Value = serde_json::from_str(export.as_str().unwrap()).unwrap();
    let filed = document["reportsFiled"].as_array().unwrap();
    assert_eq!(filed.len(), 1, "{document}");
    assert_eq!(filed[0]["subjectId"], w.profile.as_str());
    assert_eq!(filed[0]["reason"], "Fake profile");
    assert_eq!(queue(&app, &w.moderator).await.len(), 1);
    ok(
        &app,
        &reporter,
        "mutation($p: String!) { deleteMyAccount(password: $p) }",
        json!({ "p": PASSWORD }),
    )
    .await;
    assert!(queue(&app, &w.moderator).await.is_empty());
}
