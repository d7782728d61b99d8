//! Messages on an engagement: the two sides write and read the thread, outsiders cannot,
//! bodies are checked and kept as plain text, and the other side gets a mail.

use crate::engagements::{apply, open_request};
use crate::helpers::{PASSWORD, Signed, TestApp, error_code, error_field};
use crate::profiles::expert_with_profile;
use crate::requests::ok;
use serde_json::{Value, json};

const SEND: &str = "mutation($e: ID!, $b: String!) { sendMessage(engagementId: $e, body: $b) { id body sentAt author { id displayName email } } }";
const THREAD: &str = "{ myEngagements { id messages { id body sentAt author { id email } } } }";
const ON_REQUEST: &str =
    "query($id: ID!) { request(id: $id) { engagements { id messages { body } } } }";

/// The thread of engagement `id` as `who` reads it through `myEngagements`.
async fn thread(app: &TestApp, who: &Signed, id: &str) -> Vec<Value> {
    let list = ok(app, who, THREAD, json!({})).await;
    let engagement = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("engagement {id} not in {list}"));
    engagement["messages"].as_array().unwrap().clone()
}

fn bodies(messages: &[Value]) -> Vec<&str> {
    messages
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect()
}

async fn send(app: &TestApp, who: &Signed, id: &str, body: &str) -> Value {
    ok(app, who, SEND, json!({ "e": id, "b": body })).await
}

#[tokio::test]
async fn messages_the_two_sides_exchange_and_read_the_thread_in_order() {
    let app = TestApp::spawn().await;
    let (staff, _, moderator, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let id = apply(&app, &expert, &request).await;

    let first = send(&app, &expert, &id, "  Shall we start on Monday?  ").await;
    assert_eq!(first["body"], "Shall we start on Monday?");
    assert_eq!(first["author"]["id"], expert.id.as_str());
    assert_eq!(first["author"]["email"], expert.email.as_str());
    let mail = app.mail_containing(&staff.email, "New message").await;
    assert!(
        mail.contains(&format!("http://braingain.test/engagements/{id}")),
        "{mail}"
    );
    send(&app, &staff, &id, "Monday works.\nBring the data.").await;
    let mail = app.mail_containing(&expert.email, "New message").await;
    assert!(mail.contains(&format!("/engagements/{id}")), "{mail}");
    send(&app, &expert, &id, "Will do.").await;

    let expected = [
        "Shall we start on Monday?",
        "Monday works.\nBring the data.",
        "Will do.",
    ];
    for who in [&expert, &staff] {
        let messages = thread(&app, who, &id).await;
        assert_eq!(bodies(&messages), expected);
        assert_eq!(messages[0]["author"]["id"], expert.id.as_str());
        assert_eq!(messages[1]["author"]["id"], staff.id.as_str());
        // Each sees their own email only.
        for m in &messages {
            let own = m["author"]["id"] == who.id.as_str();
            assert_eq!(m["author"]["email"] != "", own, "{m}");
        }
    }
    let seen = ok(&app, &moderator, ON_REQUEST, json!({ "id": request })).await;
    let by_moderator: Vec<&str> = seen["engagements"][0]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(by_moderator, expected);
    let refused = app
        .gql_as(Some(&moderator.access), SEND, json!({ "e": id, "b": "Hi" }))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "moderators only read");
}

#[tokio::test]
async fn messages_outsiders_cannot_write_and_bodies_are_checked() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (other_staff, _, _, _) = open_request(&app, "dean@uaa.edu.et").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let (stranger, _) = expert_with_profile(&app, "kofi@example.org", "PUBLIC").await;
    let id = apply(&app, &expert, &request).await;
    send(&app, &staff, &id, "Welcome aboard.").await;

    for outsider in [&stranger, &other_staff] {
        let body = app
            .gql_as(
                Some(&outsider.access),
                SEND,
                json!({ "e": id, "b": "Let me in." }),
            )
            .await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    }
    assert_eq!(
        error_code(&app.gql(SEND, json!({ "e": id, "b": "Hi" })).await),
        "UNAUTHENTICATED"
    );

    for bad in ["   ".to_owned(), "x".repeat(5001), "bell\u{7}".to_owned()] {
        let body = app
            .gql_as(Some(&expert.access), SEND, json!({ "e": id, "b": bad }))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(error_field(&body).as_deref(), Some("body"));
    }
    let longest = send(&app, &expert, &id, &"é".repeat(5000)).await;
    assert_eq!(longest["body"].as_str().unwrap().chars().count(), 5000);

    let messages = thread(&app, &expert, &id).await;
    assert_eq!(messages.len(), 2, "only the two accepted messages");
    assert_eq!(messages[0]["body"], "Welcome aboard.");
}

#[tokio::test]
async fn messages_keep_markup_as_plain_text() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let id = apply(&app, &expert, &request).await;

    let markup = "<script>alert('x')</script> & <b>bold</b> &amp;";
    let sent = send(&app, &expert, &id, markup).await;
    assert_eq!(sent["body"], markup);
    let messages = thread(&app, &staff, &id).await;
    assert_eq!(bodies(&messages), [markup]);
    app.mail_containing(&staff.email, "New message").await;
}

#[tokio::test]
async fn messages_outlive_their_author_s_account() {
    let app = TestApp::spawn().await;
    let (staff, _, _, request) = open_request(&app, "registrar@unilag.edu.ng").await;
    let (expert, _) = expert_with_profile(&app, "amara@example.org", "PUBLIC").await;
    let id = apply(&app, &expert, &request).await;
    send(&app, &staff, &id, "Thank you, and goodbye.").await;

    let deleted = ok(
        &app,
        &staff,
        "mutation($p: String!) { deleteMyAccount(password: $p) }",
        json!({ "p": PASSWORD }),
    )
    .await;
    assert_eq!(deleted, true);
    let list = ok(
        &app,
        &expert,
        "{ myEngagements { id messages { body author { id displayName email } } } }",
        json!({}),
    )
    .await;
    let message = &list[0]["messages"][0];
    assert_eq!(message["body"], "Thank you, and goodbye.");
    assert_eq!(message["author"]["displayName"], "Deleted account");
    assert_eq!(message["author"]["email"], "");
    assert_ne!(message["author"]["id"], staff.id.as_str());
}
