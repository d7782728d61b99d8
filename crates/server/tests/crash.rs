//! Crash safety of the search index: the server is killed with SIGKILL while its index writer
//! is applying a bulk import made by another process; after a restart the index catches up
//! from the position stored in its last commit, and holds exactly the database's experts
//! (nothing lost, nothing twice).

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EXPERTS: usize = 3000;

fn braingain(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_braingain"));
    cmd.current_dir(dir).env("BRAINGAIN_LOG", "warn");
    for (key, _) in std::env::vars() {
        if key.starts_with("BRAINGAIN_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("BRAINGAIN_WARM_SKILL_INDEX", "false");
    cmd
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn http(port: u16, method: &str, path: &str, body: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned())
}

fn serve(dir: &Path, port: u16) -> Child {
    let mut child = braingain(dir)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if http(port, "GET", "/health", "").is_some() {
            return child;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    panic!("the server did not start");
}

fn total_public_experts(port: u16) -> i64 {
    let body = http(
        port,
        "POST",
        "/graphql",
        r#"{"query":"{ searchExperts(first: 1) { totalCount } }"}"#,
    )
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    json["data"]["searchExperts"]["totalCount"]
        .as_i64()
        .unwrap_or_else(|| panic!("{body}"))
}

fn index_lag(port: u16) -> Option<i64> {
    let body = http(port, "GET", "/ready", "")?;
    serde_json::from_str::<serde_json::Value>(&body).ok()?["checks"]["index"]["lag"].as_i64()
}

#[test]
fn a_server_killed_while_indexing_resumes_and_ends_with_exactly_the_databases_experts() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv =
        String::from("email,display_name,headline,bio,residence_country,skills,visibility\n");
    for i in 0..EXPERTS {
        csv.push_str(&format!(
            "expert{i}@example.org,Expert {i},Hydrologist number {i},Flood modelling and river basins,NL,Flood risk modelling:4,PUBLIC\n"
        ));
    }
    std::fs::write(dir.path().join("experts.csv"), csv).unwrap();
    let port = free_port();
    let mut server = serve(dir.path(), port);

    // Another process imports (activated, so searchable) while the server indexes.
    let import = braingain(dir.path())
        .args(["import", "experts", "experts.csv", "--activate"])
        .output()
        .unwrap();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let lag_at_kill = index_lag(port);
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();

    let port = free_port();
    let mut server = serve(dir.path(), port);
    let deadline = Instant::now() + Duration::from_secs(120);
    while index_lag(port) != Some(0) {
        assert!(Instant::now() < deadline, "the index never caught up");
        std::thread::sleep(Duration::from_millis(200));
    }
    let total = total_public_experts(port);
    server.kill().unwrap();
    server.wait().unwrap();

    eprintln!("index lag when the server was killed: {lag_at_kill:?}");
    assert_eq!(
        total,
        i64::try_from(EXPERTS).unwrap(),
        "every imported expert is found, once"
    );
}
