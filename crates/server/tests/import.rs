//! `braingain import experts` as an operator runs it: rejected rows reported by line with a
//! reason (on stderr and in `--report`), the rest imported, idempotent, JSON as well as CSV,
//! `--activate`, and a one-line error for a file that cannot be read. Runs on SQLite, or on
//! PostgreSQL when `TEST_DATABASE_URL` is set.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use braingain_domain::{AccountStatus, Role};
use braingain_store::{Store, accounts, mail};
use braingain_test_utils::TestDb;
use std::path::Path;
use std::process::{Command, Output};

const ML: &str = "8369c2d6-c100-4cf6-bd83-9668d8678433";

fn braingain(dir: &Path, db: &TestDb) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_braingain"));
    cmd.current_dir(dir);
    for (key, _) in std::env::vars() {
        if key.starts_with("BRAINGAIN_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("BRAINGAIN_LOG", "warn")
        .args(["--data-dir", "data", "--database-url", db.url()]);
    cmd
}

fn import(dir: &Path, db: &TestDb, args: &[&str]) -> (Output, String, String) {
    let out = braingain(dir, db)
        .args(["import", "experts"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    (out, stdout, stderr)
}

async fn store(db: &TestDb) -> Store {
    Store::connect(db.url(), 2).await.unwrap()
}

/// Lines 1 to 11; the record on line 5 spans lines 5 and 6.
fn csv() -> String {
    [
        "email,display_name,headline,bio,residence_country,languages,skills,engagement_types,visibility",
        &format!(
            "ada@example.org,Ada Obi,Hydrologist,Rivers.,NL,en:NATIVE,{ML}:4:6;Flood risk modelling:5,MENTORING,PUBLIC"
        ),
        "bad.country@example.org,Bad Country,Economist,,XX,,,,",
        "not-an-email,No Email,Economist,,NL,,,,",
        "bea@example.org,Bea Mensah,Epidemiologist,\"Two lines",
        "of bio.\",GB,en,Epidemiology:4,,",
        "level9@example.org,Level Nine,Hydrologist,,NL,,Hydrology:9,,",
        "ghost@example.org,Ghost Skill,Hydrologist,,NL,,00000000-0000-4000-8000-000000000000:3,,",
        "noname@example.org,,Hydrologist,,NL,,,,",
        "ADA@example.org,Ada Again,Hydrologist,,NL,,,,",
        "cy@example.org,Cy Diallo,Engineer,,SN,fr:NATIVE,,CONSULTING,MEMBERS",
    ]
    .join("\n")
        + "\n"
}

/// (line, word the reason must contain) for each bad row of [`csv`].
const BAD_ROWS: [(u64, &str); 6] = [
    (3, "residenceCountry"),
    (4, "email"),
    (7, "level"),
    (8, "skillId"),
    (9, "display_name"),
    (10, "line 2"),
];

#[tokio::test]
async fn import_reports_bad_rows_by_line_and_imports_the_rest_once() {
    let db = TestDb::new().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("experts.csv"), csv()).unwrap();

    let (first, stdout, stderr) = import(
        dir.path(),
        &db,
        &["experts.csv", "--report", "rejected.csv"],
    );
    let (second, again, _) = import(dir.path(), &db, &["experts.csv"]);

    assert!(first.status.success(), "{stderr}");
    assert_eq!(stdout, "imported 3, already present 0, rejected 6\n");
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "no progress bar off a terminal: {stderr:?}"
    );
    let rejected: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("rejected "))
        .collect();
    assert_eq!(rejected.len(), BAD_ROWS.len(), "{stderr}");
    for ((line, word), reported) in BAD_ROWS.iter().zip(&rejected) {
        assert!(
            reported.starts_with(&format!("rejected line {line} ")) && reported.contains(word),
            "line {line} should be rejected naming {word:?}: {reported}"
        );
    }
    let report = std::fs::read_to_string(dir.path().join("rejected.csv")).unwrap();
    let report: Vec<&str> = report.lines().collect();
    assert_eq!(report[0], "line,email,reason");
    assert_eq!(report.len(), 1 + BAD_ROWS.len());
    assert!(report[1].starts_with("3,bad.country@example.org,"));
    assert!(report[3].starts_with("7,level9@example.org,") && report[3].contains("level"));
    assert!(report[6].starts_with("10,ADA@example.org,"));

    assert!(second.status.success());
    assert_eq!(again, "imported 0, already present 3, rejected 6\n");
    let store = store(&db).await;
    let conn = store.conn();
    assert_eq!(
        accounts::count_with_role(conn, Role::Expert).await.unwrap(),
        3
    );
    assert_eq!(
        mail::pending_count(conn).await.unwrap(),
        3,
        "one invitation each"
    );
    let ada = accounts::find_by_email(conn, "ada@example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ada.status, AccountStatus::PendingVerification);
    assert!(ada.password_hash.is_none() && ada.email_verified_at.is_none());
    store.close().await.unwrap();
}

#[tokio::test]
async fn import_of_a_json_list_numbers_rows_by_item_and_activate_makes_accounts_active() {
    let db = TestDb::new().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let json = serde_json::json!([
        { "email": "lan@example.org", "display_name": "Nguyen Thi Lan", "headline": "Food microbiologist",
          "residence_country": "FR", "origin_countries": ["VN"],
          "languages": [{ "code": "vi", "level": "NATIVE" }, "fr:FLUENT"],
          "skills": [{ "skillId": ML, "level": 3 }, "Food safety audits:4:9"],
          "engagement_types": ["TRAINING"], "hours_per_month": 8, "visibility": "PUBLIC" },
        { "email": "bad@example.org", "display_name": "Bad Hours", "headline": "x",
          "residence_country": "FR", "hours_per_month": 900 },
        { "email": "dawit@example.org", "display_name": "Dawit Bekele", "headline": "Economist",
          "residence_country": "US" }
    ]);
    std::fs::write(dir.path().join("experts.json"), json.to_string()).unwrap();

    let (out, stdout, stderr) = import(dir.path(), &db, &["experts.json", "--activate"]);

    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout, "imported 2, already present 0, rejected 1\n");
    assert!(
        stderr.contains("rejected item 2 (bad@example.org): input.hoursPerMonth"),
        "{stderr}"
    );
    let store = store(&db).await;
    for email in ["lan@example.org", "dawit@example.org"] {
        let account = accounts::find_by_email(store.conn(), email)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(account.status, AccountStatus::Active, "{email}");
        assert!(account.email_verified_at.is_some());
    }
    store.close().await.unwrap();
}

#[tokio::test]
async fn import_of_a_file_that_cannot_be_read_as_a_whole_fails_with_one_error_line() {
    let db = TestDb::new().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("header.csv"), "email,name,headline\n").unwrap();
    std::fs::write(dir.path().join("broken.json"), "[{\"email\": ").unwrap();

    for (file, needle) in [
        ("missing.csv", "missing.csv"),
        (".", "cannot read"),
        ("header.csv", "column"),
        ("broken.json", "JSON"),
    ] {
        let (out, stdout, stderr) = import(dir.path(), &db, &[file]);

        assert!(!out.status.success(), "{file}");
        assert!(stdout.is_empty(), "{file}: {stdout}");
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .collect();
        assert_eq!(errors.len(), 1, "{file}: {stderr}");
        assert!(errors[0].contains(needle), "{file}: {stderr}");
    }
}
