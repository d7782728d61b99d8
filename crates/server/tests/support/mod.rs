//! What the process-level tests (backup, replicas) share: running the built `braingain`
//! binary with a clean environment, free ports, plain HTTP without a client library, and
//! waiting for a server to be healthy or caught up.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The built binary, run in `dir` with no inherited `BRAINGAIN_*` variables.
pub fn braingain(dir: &Path) -> Command {
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

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 exchange; `(status, body)`, or `None` if nothing answers.
pub fn http(port: u16, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
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
    let status = response.get(9..12)?.parse().ok()?;
    let (_, body) = response.split_once("\r\n\r\n")?;
    Some((status, body.to_owned()))
}

/// A GraphQL request; the parsed response (panics if the server does not answer).
pub fn gql(
    port: u16,
    token: Option<&str>,
    query: &str,
    variables: serde_json::Value,
) -> serde_json::Value {
    let body = serde_json::json!({ "query": query, "variables": variables }).to_string();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let auth = token.map_or_else(String::new, |t| format!("Authorization: Bearer {t}\r\n"));
    write!(
        stream,
        "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (_, body) = response.split_once("\r\n\r\n").unwrap();
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// A running `braingain serve`; killed if dropped (so a failing test leaves no process).
pub struct Server {
    child: Child,
}

impl Server {
    /// SIGKILL, and wait for the process to be gone.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// SIGTERM, and wait for a clean exit.
    pub fn stop(mut self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(exit) = self.child.try_wait().unwrap() {
                assert!(exit.success(), "graceful stop exits 0, got {exit:?}");
                return;
            }
            assert!(Instant::now() < deadline, "the server ignored SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `serve` on `port` with extra environment, and waits until `/health` answers.
pub fn serve(dir: &Path, port: u16, env: &[(&str, &str)]) -> Server {
    let server = spawn_serve(dir, port, env);
    wait_healthy(server, port)
}

/// Starts `serve` on `port` with extra environment, without waiting.
pub fn spawn_serve(dir: &Path, port: u16, env: &[(&str, &str)]) -> Server {
    let mut cmd = braingain(dir);
    cmd.args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    for (key, value) in env {
        cmd.env(key, value);
    }
    Server {
        child: cmd.spawn().unwrap(),
    }
}

/// Waits until `server` answers `/health` on `port` (panics if it exits first).
pub fn wait_healthy(mut server: Server, port: u16) -> Server {
    let deadline = Instant::now() + Duration::from_secs(90);
    while Instant::now() < deadline {
        if http(port, "GET", "/health", "").is_some() {
            return server;
        }
        if let Some(status) = server.child.try_wait().unwrap() {
            panic!("the server exited at start: {status}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    server.kill();
    panic!("the server did not start");
}

/// Waits until `/ready` says ready with the index caught up (lag 0).
pub fn wait_caught_up(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some((200, body)) = http(port, "GET", "/ready", "") {
            let json: serde_json::Value = serde_json::from_str(&body).unwrap();
            if json["checks"]["index"]["lag"] == 0 {
                return;
            }
        }
        assert!(Instant::now() < deadline, "the index never caught up");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The ids of the experts `query` finds, best first (anonymous search: public profiles).
pub fn search_ids(port: u16, query: &str) -> Vec<String> {
    let body = gql(
        port,
        None,
        "query($q: String) { searchExperts(query: $q, first: 100) { totalCount hits { expert { id } } } }",
        serde_json::json!({ "q": query }),
    );
    body["data"]["searchExperts"]["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|hit| hit["expert"]["id"].as_str().unwrap().to_owned())
        .collect()
}
