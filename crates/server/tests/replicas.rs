//! Scale out on PostgreSQL: two `braingain serve` processes share one database, each with its
//! own data directory and search index. Started together on an empty database they migrate
//! in turn; a profile saved through one is found through the other within two seconds; one
//! killed with SIGKILL right after acknowledging a write loses nothing: the other serves it,
//! and the killed one, restarted, catches up to the same search results.
//!
//! PostgreSQL only, in every pass: it uses `TEST_DATABASE_URL` when that names PostgreSQL,
//! else the local default server, and fails (never skips) when there is none. `scripts/test`
//! runs it in its PostgreSQL pass.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

mod support;

use braingain_test_utils::TestDb;
use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};
use support::{free_port, gql, http, search_ids, serve, spawn_serve, wait_caught_up, wait_healthy};

const SECRET: &str = "replicas-share-this-signing-secret-0123456789";
const PASSWORD: &str = "correct horse battery staple";
const SAVE: &str =
    "mutation($input: ExpertProfileInput!) { saveExpertProfile(input: $input) { id headline } }";

fn profile(headline: &str) -> Value {
    json!({
        "headline": headline,
        "bio": "Field work on melting glaciers and the rivers they feed.",
        "residenceCountry": "CH",
        "originCountries": ["NP"],
        "languages": [{ "code": "en", "level": "FLUENT" }],
        "skills": [{ "label": "Glacier hydrology", "level": 5 }],
        "engagementTypes": ["MENTORING"],
        "workModes": ["REMOTE"],
        "visibility": "PUBLIC"
    })
}

/// The newest `verify-email` token mailed to `to` by either replica (whichever sent it).
fn verification_token(data_dirs: &[&Path], to: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        for dir in data_dirs {
            let Ok(entries) = std::fs::read_dir(dir.join("mail")) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                if !text.lines().any(|l| l == format!("To: {to}")) {
                    continue;
                }
                if let Some(start) = text.find("/verify-email?token=") {
                    return text[start + "/verify-email?token=".len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                }
            }
        }
        assert!(Instant::now() < deadline, "no verification mail to {to}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Registers an expert through `port`, verifies the address through `verify_port`; returns
/// the access token.
fn verified_expert(port: u16, verify_port: u16, data_dirs: &[&Path], email: &str) -> String {
    let body = gql(
        port,
        None,
        "mutation($input: RegisterInput!) { register(input: $input) { accessToken } }",
        json!({ "input": { "email": email, "password": PASSWORD, "displayName": "Pema Sherpa", "role": "EXPERT" } }),
    );
    let token = body["data"]["register"]["accessToken"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    let verify = verification_token(data_dirs, email);
    let body = gql(
        verify_port,
        None,
        "mutation($t: String!) { verifyEmail(token: $t) { status } }",
        json!({ "t": verify }),
    );
    assert_eq!(body["data"]["verifyEmail"]["status"], "ACTIVE", "{body}");
    token
}

fn save(port: u16, token: &str, headline: &str) -> String {
    let body = gql(
        port,
        Some(token),
        SAVE,
        json!({ "input": profile(headline) }),
    );
    body["data"]["saveExpertProfile"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned()
}

/// Polls `port`'s search for `query` until `id` is found, which must happen within `limit`
/// of `since`; returns how long it took.
fn found_within(port: u16, query: &str, id: &str, since: Instant, limit: Duration) -> Duration {
    loop {
        let found = search_ids(port, query).iter().any(|hit| hit == id);
        let took = since.elapsed();
        assert!(
            took < limit,
            "{id} not found on port {port} within {limit:?}"
        );
        if found {
            return took;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn two_replicas_on_one_postgres_database_share_writes_and_survive_a_kill() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let db = runtime
        .block_on(TestDb::postgres_only())
        .unwrap_or_else(|e| panic!("{e:#}"));
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let env = [
        ("BRAINGAIN_DATABASE_URL", db.url()),
        ("BRAINGAIN_JWT_SECRET", SECRET),
        ("BRAINGAIN_PUBLIC_URL", "http://braingain.test"),
    ];
    let data_dirs = [dir_a.path().join("data"), dir_b.path().join("data")];
    let data_dirs: Vec<&Path> = data_dirs.iter().map(std::path::PathBuf::as_path).collect();

    // Both start at once on the empty database: the migrations take turns.
    let (port_a, port_b) = (free_port(), free_port());
    let a = spawn_serve(dir_a.path(), port_a, &env);
    let b = spawn_serve(dir_b.path(), port_b, &env);
    let mut a = wait_healthy(a, port_a);
    let b = wait_healthy(b, port_b);
    wait_caught_up(port_a);
    wait_caught_up(port_b);

    // Saved through A, found through B. (A first search builds the skill autocomplete index
    // a search expands through; servers with the default settings build it at start.)
    assert!(search_ids(port_a, "glacier").is_empty());
    assert!(search_ids(port_b, "glacier").is_empty());
    let token_a = verified_expert(port_a, port_b, &data_dirs, "pema@example.org");
    let first = save(
        port_a,
        &token_a,
        "Glacier hydrologist — Himalayan meltwater",
    );
    let took = found_within(
        port_b,
        "glacier",
        &first,
        Instant::now(),
        Duration::from_secs(2),
    );
    eprintln!("saved through A, found through B after {took:?}");
    // B accepts A's access token (one signing secret) and reads the same account.
    let me = gql(port_b, Some(&token_a), "{ me { email } }", json!({}));
    assert_eq!(me["data"]["me"]["email"], "pema@example.org", "{me}");

    // A acknowledges a change and is killed at once: B has it.
    let second = save(
        port_a,
        &token_a,
        "Glacier hydrologist — Andean glacial lakes",
    );
    assert_eq!(second, first, "one profile per expert");
    a.kill(); // SIGKILL
    let killed_at = Instant::now();
    loop {
        let body = gql(
            port_b,
            None,
            "query($id: ID!) { expert(id: $id) { headline } }",
            json!({ "id": first }),
        );
        if body["data"]["expert"]["headline"] == "Glacier hydrologist — Andean glacial lakes"
            && search_ids(port_b, "andean").contains(&first)
        {
            break;
        }
        assert!(
            killed_at.elapsed() < Duration::from_secs(2),
            "B lacks A's last write: {body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    // B keeps serving alone, reads and writes.
    let (status, ready) = http(port_b, "GET", "/ready", "").unwrap();
    assert_eq!(status, 200, "{ready}");
    let token_b = verified_expert(port_b, port_b, &data_dirs, "ines@example.org");
    let third = save(port_b, &token_b, "Glacier monitoring with drones");
    found_within(
        port_b,
        "glacier",
        &third,
        Instant::now(),
        Duration::from_secs(2),
    );

    // A restarts on its killed index, resumes from its last commit, and agrees with B.
    let port_a = free_port();
    let a = serve(dir_a.path(), port_a, &env);
    wait_caught_up(port_a);
    wait_caught_up(port_b);
    let on_a = search_ids(port_a, "glacier");
    let on_b = search_ids(port_b, "glacier");
    assert_eq!(on_a, on_b, "both replicas give the same results");
    assert_eq!(on_a.len(), 2, "{on_a:?}");
    for id in [&first, &third] {
        assert!(on_a.contains(id), "{id} missing after the restart");
    }
    a.stop();
    b.stop();
}
