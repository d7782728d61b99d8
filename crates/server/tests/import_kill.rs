//! A bulk import killed with SIGKILL part-way: the database holds exactly the rows of the
//! batches committed before the kill (a prefix of the file, each expert whole: account,
//! profile, skills, origins, change event, invitation token and mail; one audit entry per
//! batch), importing the file again adds the rest and reports the others as already present,
//! and the search index of a server running all along ends with exactly the database's
//! searchable experts. Runs on SQLite, or on PostgreSQL when `TEST_DATABASE_URL` is set.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

mod support;

use braingain_test_utils::TestDb;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{free_port, gql, search_ids, serve, wait_caught_up};

/// Rows in the file: enough that the import is still writing when the test kills it.
const ROWS: usize = 2000;
/// Rows per transaction: small, so that many batches commit before the kill.
const BATCH: usize = 20;
/// The kill comes once at least this many batches are committed.
const BATCHES_BEFORE_KILL: i64 = 5;
const SKILLS_PER_ROW: i64 = 3;
const ORIGINS_PER_ROW: i64 = 2;

fn email(i: usize) -> String {
    format!("expert{i:05}@example.org")
}

/// Every 7th expert is HIDDEN (kept out of search); the others are PUBLIC.
fn csv() -> String {
    let mut csv = String::from(
        "email,display_name,headline,bio,residence_country,origin_countries,languages,skills,visibility\n",
    );
    for i in 0..ROWS {
        let visibility = if i % 7 == 0 { "HIDDEN" } else { "PUBLIC" };
        csv.push_str(&format!(
            "{},Expert {i},Hydrologist {i},\"Rivers, floods and basins.\nSecond line.\",NL,NG;GH,en:NATIVE;fr,Flood risk modelling:4;Hydrology:3:5;River basin management {}:2,{visibility}\n",
            email(i),
            i % 50
        ));
    }
    csv
}

fn import(dir: &Path, db: &TestDb) -> Command {
    let mut cmd = support::braingain(dir);
    cmd.env("BRAINGAIN_DATABASE_URL", db.url())
        .env("BRAINGAIN_PUBLIC_URL", "http://braingain.test")
        .args(["import", "experts", "experts.csv", "--activate"])
        .args(["--batch-size", &BATCH.to_string()]);
    cmd
}

async fn count(conn: &DatabaseConnection, sql: &str) -> i64 {
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

/// Checks that the database holds exactly the first `n` rows of the file, each whole, with
/// the audit entries of `batches` batches; returns `n` checked.
async fn assert_whole_prefix(conn: &DatabaseConnection, n: usize, batches: i64) {
    let rows = conn
        .query_all_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT email FROM accounts".to_owned(),
        ))
        .await
        .unwrap();
    let stored: BTreeSet<String> = rows
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect();
    let prefix: BTreeSet<String> = (0..n).map(email).collect();
    assert_eq!(stored.len(), rows.len(), "one account per address");
    assert!(
        stored == prefix,
        "the accounts are the file's first {n} rows (got {} accounts)",
        stored.len()
    );
    let n = i64::try_from(n).unwrap();
    let checks = [
        ("SELECT COUNT(*) FROM expert_profiles", n),
        (
            "SELECT COUNT(*) FROM accounts a WHERE a.status <> 'ACTIVE' OR NOT EXISTS \
             (SELECT 1 FROM expert_profiles p WHERE p.account_id = a.id)",
            0,
        ),
        ("SELECT COUNT(*) FROM expert_skills", n * SKILLS_PER_ROW),
        ("SELECT COUNT(*) FROM expert_origins", n * ORIGINS_PER_ROW),
        (
            "SELECT COUNT(*) FROM expert_profiles p WHERE \
             (SELECT COUNT(*) FROM expert_skills s WHERE s.profile_id = p.id) <> 3 \
             OR (SELECT COUNT(*) FROM expert_origins o WHERE o.profile_id = p.id) <> 2",
            0,
        ),
        (
            "SELECT COUNT(*) FROM change_events WHERE entity = 'expert'",
            n,
        ),
        (
            "SELECT COUNT(*) FROM expert_profiles p WHERE NOT EXISTS \
             (SELECT 1 FROM change_events e WHERE e.entity_id = p.id)",
            0,
        ),
        ("SELECT COUNT(*) FROM account_tokens", n),
        (
            "SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS \
             (SELECT 1 FROM account_tokens t WHERE t.account_id = a.id)",
            0,
        ),
        ("SELECT COUNT(*) FROM mail_outbox", n),
        (
            "SELECT COUNT(*) FROM mail_outbox m WHERE NOT EXISTS \
             (SELECT 1 FROM accounts a WHERE a.email = m.to_address)",
            0,
        ),
        (
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.import'",
            batches,
        ),
    ];
    for (sql, want) in checks {
        assert_eq!(count(conn, sql).await, want, "{sql}");
    }
}

/// Starts the import and SIGKILLs it once `BATCHES_BEFORE_KILL` batches are committed;
/// returns the number of accounts then.
async fn kill_mid_import(dir: &Path, db: &TestDb, conn: &DatabaseConnection) -> usize {
    let mut child: Child = import(dir, db)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let n = count(conn, "SELECT COUNT(*) FROM accounts").await;
        if n >= BATCHES_BEFORE_KILL * i64::try_from(BATCH).unwrap() {
            break;
        }
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            panic!(
                "the import ended ({status}) before it could be killed; make the file bigger: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(
            Instant::now() < deadline,
            "the import never committed a batch"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed, not finished: {status}");
    usize::try_from(count(conn, "SELECT COUNT(*) FROM accounts").await).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_killed_mid_way_keeps_whole_batches_and_a_second_run_completes_it() {
    let db = TestDb::new().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("experts.csv"), csv()).unwrap();
    // The server runs throughout: its index follows the import, killed or not.
    let port = free_port();
    let server = serve(dir.path(), port, &[("BRAINGAIN_DATABASE_URL", db.url())]);
    let store = braingain_store::Store::connect(db.url(), 1).await.unwrap();
    let conn = store.conn();

    let started = Instant::now();
    let killed_at = kill_mid_import(dir.path(), &db, conn).await;
    eprintln!(
        "killed after {:?} with {killed_at} of {ROWS} rows imported",
        started.elapsed()
    );
    assert!(
        killed_at < ROWS,
        "the kill came before the end ({killed_at} of {ROWS} imported)"
    );
    assert_eq!(killed_at % BATCH, 0, "only whole batches are kept");
    let batches = i64::try_from(killed_at / BATCH).unwrap();
    assert_whole_prefix(conn, killed_at, batches).await;

    let again = import(dir.path(), &db).output().unwrap();
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        stdout.trim_end(),
        format!(
            "imported {}, already present {killed_at}, rejected 0",
            ROWS - killed_at
        ),
        "the second run adds the rest and names what was there"
    );
    let all_batches = batches + i64::try_from((ROWS - killed_at).div_ceil(BATCH)).unwrap();
    assert_whole_prefix(conn, ROWS, all_batches).await;

    eprintln!("second run done after {:?}", started.elapsed());
    wait_caught_up(port);
    eprintln!("index caught up after {:?}", started.elapsed());
    let searchable = count(
        conn,
        "SELECT COUNT(*) FROM expert_profiles p JOIN accounts a ON a.id = p.account_id \
         WHERE a.status = 'ACTIVE' AND a.role = 'EXPERT' AND p.visibility = 'PUBLIC'",
    )
    .await;
    let found = gql(
        port,
        None,
        "{ searchExperts(first: 1) { totalCount } }",
        serde_json::json!({}),
    );
    let probe = (0..ROWS).rev().find(|i| i % 7 != 0).unwrap();
    let best = search_ids(port, &format!("Hydrologist {probe}"))
        .into_iter()
        .next()
        .unwrap();
    let last = gql(
        port,
        None,
        "query($id: ID!) { expert(id: $id) { headline } }",
        serde_json::json!({ "id": best }),
    );
    server.stop();
    store.close().await.unwrap();

    assert_eq!(searchable, i64::try_from(ROWS - ROWS.div_ceil(7)).unwrap());
    assert_eq!(
        found["data"]["searchExperts"]["totalCount"].as_i64(),
        Some(searchable),
        "the index holds exactly the database's searchable experts: {found}"
    );
    assert_eq!(
        last["data"]["expert"]["headline"].as_str(),
        Some(format!("Hydrologist {probe}").as_str()),
        "the last public row is found first by its headline: {last}"
    );
}
