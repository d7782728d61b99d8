//! `braingain seed --experts N --institutions M --requests K --seed S` as an operator runs it:
//! the counts asked for are written; the same seed writes the same network (ids, names,
//! texts, skills) and another seed another; every expert's skills come mostly from the area
//! of the occupation the generator chose; a second seeding is refused; and once `serve`
//! starts, search holds exactly the searchable experts of the database (no reindexing).
//! Runs on SQLite, or on PostgreSQL when `TEST_DATABASE_URL` is set.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use braingain_service::synthetic::{self, Plan, SEED_ADMIN, SEED_PASSWORD};
use braingain_store::{Store, accounts, profiles};
use braingain_test_utils::TestDb;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EXPERTS: u64 = 300;

fn braingain(dir: &Path, db: &TestDb) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_braingain"));
    cmd.current_dir(dir);
    for (key, _) in std::env::vars() {
        if key.starts_with("BRAINGAIN_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("BRAINGAIN_LOG", "warn")
        .env("BRAINGAIN_WARM_SKILL_INDEX", "false")
        .args(["--data-dir", "data", "--database-url", db.url()]);
    cmd
}

/// Starts `seed` (output captured); `.wait_with_output()` it.
fn seed(dir: &Path, db: &TestDb, seed: u64) -> Child {
    braingain(dir, db)
        .args(["seed", "--experts", &EXPERTS.to_string()])
        .args(["--institutions", "10", "--requests", "30"])
        .args(["--seed", &seed.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The number before `word` in `text` (`"(280 searchable)"` → 280).
fn number_before(text: &str, word: &str) -> i64 {
    let head = &text[..text
        .find(word)
        .unwrap_or_else(|| panic!("{word} in {text}"))];
    let digits: String = head
        .trim_end()
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

/// Every profile with its owner's email, in id order.
async fn network(db: &TestDb) -> Vec<(String, String, profiles::ProfileRecord)> {
    let store = Store::connect(db.url(), 2).await.unwrap();
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let page = profiles::page_after(store.conn(), after, 100)
            .await
            .unwrap();
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        let owners = accounts::find_many(
            store.conn(),
            &page.iter().map(|p| p.account_id).collect::<Vec<_>>(),
        )
        .await
        .unwrap();
        for p in page {
            let owner = owners.iter().find(|a| a.id == p.account_id).unwrap();
            out.push((owner.email.clone(), owner.display_name.clone(), p));
        }
    }
    store.close().await.unwrap();
    out
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn post(port: u16, body: &serde_json::Value, token: Option<&str>) -> serde_json::Value {
    let body = body.to_string();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let auth = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    write!(
        stream,
        "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (_, json) = response.split_once("\r\n\r\n").unwrap();
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    assert!(value["errors"].is_null(), "{value}");
    value
}

fn serve(dir: &Path, db: &TestDb, port: u16) -> Child {
    let child = braingain(dir, db)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    child
}

#[tokio::test]
async fn seeding_writes_the_same_coherent_network_for_a_seed_and_search_finds_it() {
    let (a, b, c) = (
        TestDb::new().await.unwrap(),
        TestDb::new().await.unwrap(),
        TestDb::new().await.unwrap(),
    );
    let dirs = [(); 3].map(|()| tempfile::tempdir().unwrap());

    let running = [
        seed(dirs[0].path(), &a, 7),
        seed(dirs[1].path(), &b, 7),
        seed(dirs[2].path(), &c, 8),
    ];
    let [first, same, other] = running.map(|child| child.wait_with_output().unwrap());
    let again = seed(dirs[0].path(), &a, 7).wait_with_output().unwrap();

    let printed = String::from_utf8(first.stdout).unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(same.status.success() && other.status.success());
    assert!(
        printed.starts_with(&format!("seeded {EXPERTS} experts (")),
        "{printed}"
    );
    assert!(printed.contains("10 institutions") && printed.contains("30 requests"));
    assert!(printed.contains(SEED_PASSWORD), "{printed}");
    let searchable = number_before(&printed, "searchable");
    assert!(searchable > 250 && searchable < 300, "{printed}");
    // A second seeding of the same database is refused, with one error line, changing nothing.
    assert!(!again.status.success());
    let refusal = String::from_utf8(again.stderr).unwrap();
    assert_eq!(
        refusal.lines().filter(|l| l.starts_with("error: ")).count(),
        1
    );
    assert!(
        refusal.contains("already holds a synthetic network"),
        "{refusal}"
    );

    let (net_a, net_b, net_c) = (network(&a).await, network(&b).await, network(&c).await);
    assert_eq!(net_a.len(), usize::try_from(EXPERTS).unwrap());
    let content = |n: &[(String, String, profiles::ProfileRecord)]| -> Vec<_> {
        n.iter()
            .map(|(email, name, p)| {
                let skills: Vec<_> = p.skills.iter().map(|s| (s.skill_id, s.level)).collect();
                (
                    p.id,
                    email.clone(),
                    name.clone(),
                    p.headline.clone(),
                    p.bio.clone(),
                    skills,
                )
            })
            .collect()
    };
    assert_eq!(content(&net_a), content(&net_b), "same seed, same network");
    let ids = |n: &[(String, String, profiles::ProfileRecord)]| -> Vec<_> {
        n.iter().map(|(_, _, p)| p.id).collect()
    };
    assert!(ids(&net_a).iter().all(|id| !ids(&net_c).contains(id)));
    assert_ne!(content(&net_a)[0].4, content(&net_c)[0].4);

    // Coherence: each stored expert is generator output whose skills come from one area.
    let tax = synthetic::taxonomy().unwrap();
    let plan = Plan::new(tax.clone(), 7);
    for (email, _, stored) in &net_a {
        let n: u64 = email
            .split('@')
            .next()
            .unwrap()
            .rsplit('.')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let generated = synthetic::experts::expert(&plan, n).unwrap();
        assert_eq!(generated.profile_id, stored.id);
        let area = tax.areas[generated.occupation].as_ref().unwrap();
        let area_ids: Vec<_> = area.skills.iter().map(|&s| tax.skills[s].id).collect();
        let inside = stored
            .skills
            .iter()
            .filter(|s| area_ids.contains(&s.skill_id))
            .count();
        assert!(
            inside * 10 >= stored.skills.len() * 6,
            "{email}: {inside} of {}",
            stored.skills.len()
        );
    }

    // The index was built by the seeding: search shows every searchable expert at once.
    let port = free_port();
    let mut server = serve(dirs[0].path(), &a, port);
    let login = post(
        port,
        &serde_json::json!({
            "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }",
            "variables": { "e": SEED_ADMIN, "p": SEED_PASSWORD },
        }),
        None,
    );
    let token = login["data"]["login"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, _, someone) = net_a
        .iter()
        .find(|(_, _, p)| p.visibility == braingain_domain::Visibility::Public)
        .unwrap();
    let found = post(
        port,
        &serde_json::json!({
            "query": "query($q: String) { all: searchExperts(first: 1) { totalCount } one: searchExperts(query: $q, first: 50) { hits { expert { id } } } networkStats { experts } }",
            "variables": { "q": someone.headline },
        }),
        Some(&token),
    );
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(
        found["data"]["all"]["totalCount"].as_i64(),
        Some(searchable)
    );
    assert_eq!(
        found["data"]["networkStats"]["experts"].as_i64(),
        Some(searchable)
    );
    let hits = found["data"]["one"]["hits"].as_array().unwrap();
    assert!(
        hits.iter()
            .any(|h| h["expert"]["id"].as_str() == Some(&someone.id.to_string())),
        "{} not found by its headline {:?}",
        someone.id,
        someone.headline
    );
}
