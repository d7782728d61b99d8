//! The `braingain` binary as an operator runs it: exit codes, one-line errors, first start on
//! an empty directory, graceful stop on SIGTERM, and the committed schema.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn braingain(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_braingain"));
    cmd.current_dir(dir).env("BRAINGAIN_LOG", "warn");
    for (key, _) in std::env::vars() {
        if key.starts_with("BRAINGAIN_") {
            cmd.env_remove(key);
        }
    }
    cmd
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn export_schema_prints_exactly_the_committed_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = braingain(dir.path()).arg("export-schema").output().unwrap();
    assert!(out.status.success());
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema.graphql"))
            .unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == committed,
        "schema.graphql is stale: run `cargo run -- export-schema > schema.graphql`"
    );
}

#[test]
fn serve_with_no_settings_creates_and_migrates_sqlite_under_data_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = braingain(dir.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();

    let deadline = Instant::now() + Duration::from_secs(30);
    let mut ready = false;
    while Instant::now() < deadline {
        if let Ok(body) = http_get(port, "/ready") {
            ready = body.contains("\"ready\"");
            if ready {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(ready, "the server never became ready");
    assert!(dir.path().join("data/braingain.db").is_file());
    assert!(dir.path().join("data/jwt-secret").is_file());

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "the server ignored SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "graceful stop exits 0, got {exit:?}");
}

#[test]
fn migrate_then_create_admin_then_promote_again() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = braingain(dir.path())
        .args(["--data-dir", "state", "migrate"])
        .output()
        .unwrap();
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );

    let create = braingain(dir.path())
        .args([
            "--data-dir",
            "state",
            "create-admin",
            "--email",
            "Root@Example.org",
        ])
        .env("BRAINGAIN_ADMIN_PASSWORD", "a long admin passphrase")
        .output()
        .unwrap();
    let again = braingain(dir.path())
        .args([
            "--data-dir",
            "state",
            "create-admin",
            "--email",
            "root@example.org",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();

    assert!(
        create.status.success(),
        "{}",
        String::from_utf8_lossy(&create.stderr)
    );
    assert!(
        String::from_utf8_lossy(&create.stdout)
            .starts_with("created administrator root@example.org")
    );
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .starts_with("promoted administrator root@example.org")
    );
}

#[test]
fn remind_sends_what_is_due_once_and_exits() {
    let dir = tempfile::tempdir().unwrap();

    let out = braingain(dir.path())
        .args(["--data-dir", "state", "remind"])
        .output()
        .unwrap();

    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "0 engagements reminded\n",
        "a fresh database owes nobody a reminder"
    );
}

#[test]
fn failures_exit_non_zero_with_a_one_line_reason() {
    let dir = tempfile::tempdir().unwrap();
    let short = braingain(dir.path())
        .args(["create-admin", "--email", "root@example.org"])
        .env("BRAINGAIN_ADMIN_PASSWORD", "short")
        .output()
        .unwrap();
    let bad_email = braingain(dir.path())
        .args(["create-admin", "--email", "nonsense"])
        .env("BRAINGAIN_ADMIN_PASSWORD", "a long admin passphrase")
        .output()
        .unwrap();
    let bad_db = braingain(dir.path())
        .args([
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
            "migrate",
        ])
        .output()
        .unwrap();

    for out in [short, bad_email, bad_db] {
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .collect();
        assert_eq!(errors.len(), 1, "{stderr}");
    }
}

#[test]
fn an_unwritable_data_directory_is_reported_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").unwrap();
    // A directory without write permission; root (as in CI containers) writes there anyway,
    // so that case is checked only when the permission actually bites.
    let read_only = dir.path().join("read-only");
    std::fs::create_dir(&read_only).unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o500)).unwrap();
    let mut cases = vec![("file/data", "cannot create the data directory file/data")];
    if std::fs::write(read_only.join("probe"), "x").is_err() {
        cases.push((
            "read-only",
            "the data directory read-only is not writable (full disk or permissions?)",
        ));
    } else {
        eprintln!("permissions do not bind this user (root?): the read-only case is skipped");
    }

    for (data_dir, message) in cases {
        let out = braingain(dir.path())
            .args(["--data-dir", data_dir, "serve", "--listen", "127.0.0.1:0"])
            .output()
            .unwrap();

        assert!(!out.status.success(), "{data_dir}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .collect();
        assert_eq!(errors.len(), 1, "{data_dir}: {stderr}");
        assert!(errors[0].contains(message), "{data_dir}: {stderr}");
    }
}

/// A minimal HTTP/1.1 GET, to keep the test free of client dependencies.
fn http_get(port: u16, path: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )?;
    let mut body = String::new();
    stream.read_to_string(&mut body)?;
    Ok(body)
}
