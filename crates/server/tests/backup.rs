//! Backups round-trip on SQLite: experts are imported, a backup is taken while the server
//! runs, later changes are made, the data directory is wiped, the backup is restored, and
//! `searchExperts` over HTTP returns the same experts in the same order as at backup time.
//! A restore under a live server is refused; PostgreSQL points to `pg_dump`.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

mod support;

use std::fmt::Write as _;
use support::{braingain, free_port, search_ids, serve, wait_caught_up};

const QUERY: &str = "flood modelling";

fn experts_csv(from: usize, count: usize) -> String {
    let mut csv =
        String::from("email,display_name,headline,bio,residence_country,skills,visibility\n");
    let topics = [
        "Flood risk modelling",
        "River basin hydrology",
        "Coastal flood defence",
        "Urban drainage modelling",
    ];
    for i in from..from + count {
        let topic = topics[i % topics.len()];
        let words = "flood ".repeat(1 + i % 3);
        writeln!(
            csv,
            "expert{i}@example.org,Expert {i},{topic} specialist {i},{words}modelling for deltas,NL,{topic}:{},PUBLIC",
            1 + i % 5
        )
        .unwrap();
    }
    csv
}

fn run_ok(dir: &std::path::Path, args: &[&str]) -> String {
    let out = braingain(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn backup_wipe_restore_gives_back_the_same_search_results() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("first.csv"), experts_csv(0, 40)).unwrap();
    std::fs::write(root.join("later.csv"), experts_csv(40, 5)).unwrap();
    run_ok(root, &["import", "experts", "first.csv", "--activate"]);

    let port = free_port();
    let server = serve(root, port, &[]);
    wait_caught_up(port);
    let before = search_ids(port, QUERY);
    assert!(
        before.len() >= 20,
        "the query finds the experts: {before:?}"
    );

    // Online: the snapshot is taken while the server runs.
    let out = run_ok(root, &["backup", "nightly.db"]);
    assert!(out.contains("signing secret is not in the backup"), "{out}");
    // Changes after the backup are not in it.
    run_ok(root, &["import", "experts", "later.csv", "--activate"]);
    wait_caught_up(port);
    assert!(search_ids(port, QUERY).len() > before.len());

    let refused = braingain(root)
        .args(["restore", "nightly.db"])
        .output()
        .unwrap();
    assert!(!refused.status.success(), "restore under a live server");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("stop it first"), "{stderr}");
    server.stop();

    std::fs::remove_dir_all(root.join("data")).unwrap();
    let out = run_ok(root, &["restore", "nightly.db"]);
    assert!(out.contains("search index rebuilt"), "{out}");

    let port = free_port();
    let server = serve(root, port, &[]);
    wait_caught_up(port);
    let after = search_ids(port, QUERY);
    server.stop();
    assert_eq!(after, before, "same experts, same order");
}

#[test]
fn restore_refuses_a_file_that_is_not_a_backup_and_keeps_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    run_ok(root, &["migrate"]);
    std::fs::write(root.join("junk.db"), "SQLite format 3\0 but not really").unwrap();
    std::fs::write(root.join("notes.txt"), "hello").unwrap();
    for file in ["junk.db", "notes.txt", "missing.db"] {
        let out = braingain(root).args(["restore", file]).output().unwrap();
        assert!(!out.status.success(), "{file} was restored");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.lines().filter(|l| l.starts_with("error: ")).count(),
            1,
            "{stderr}"
        );
    }
    // The database is untouched and still opens.
    run_ok(root, &["migrate"]);
    assert!(std::fs::metadata(root.join("data/braingain.db.before-restore")).is_err());
}

#[test]
fn postgres_backups_point_to_pg_dump_and_pg_restore() {
    let dir = tempfile::tempdir().unwrap();
    for (command, tool) in [("backup", "pg_dump"), ("restore", "pg_restore")] {
        let out = braingain(dir.path())
            .args([
                "--database-url",
                "postgres://bg:s3cret@db.invalid/bg",
                command,
                "x.dump",
            ])
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "{command} claims a PostgreSQL backup"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(tool), "{stderr}");
        assert!(!stderr.contains("s3cret"), "the password leaks: {stderr}");
    }
}
