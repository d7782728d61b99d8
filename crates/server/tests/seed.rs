//! `braingain seed --demo` and `serve --demo` as an operator runs them: the demo network is
//! loaded once, a second run says so, and `serve --demo` loads it before serving.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn braingain(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_braingain"));
    cmd.current_dir(dir);
    for (key, _) in std::env::vars() {
        if key.starts_with("BRAINGAIN_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("BRAINGAIN_LOG", "warn");
    cmd
}

fn stdout(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn seed_demo_loads_the_demo_network_once_and_says_so_the_second_time() {
    let dir = tempfile::tempdir().unwrap();

    let (ok, first, err) = stdout(braingain(dir.path()).args(["seed", "--demo"]));
    let (again_ok, again, _) = stdout(braingain(dir.path()).args(["seed", "--demo"]));
    let (bare_ok, _, bare) = stdout(braingain(dir.path()).arg("seed"));

    assert!(ok, "{err}");
    assert!(
        first.starts_with("demo network loaded: 42 experts, 8 institutions"),
        "{first}"
    );
    assert!(first.contains("braingain-demo-2026"), "{first}");
    assert!(again_ok);
    assert_eq!(
        again,
        "the demo network is already loaded; nothing changed\n"
    );
    assert!(!bare_ok);
    assert_eq!(
        bare.lines().filter(|l| l.starts_with("error: ")).count(),
        1,
        "{bare}"
    );
}

#[test]
fn serve_demo_loads_the_demo_network_before_serving() {
    let dir = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = braingain(dir.path())
        .args(["serve", "--demo", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();

    let deadline = Instant::now() + Duration::from_secs(60);
    let mut ready = false;
    while Instant::now() < deadline && !ready {
        ready = http_get(port, "/ready").is_ok_and(|b| b.contains("\"ready\""));
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let out = child.wait_with_output().unwrap();

    assert!(ready, "the server never became ready");
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.starts_with("demo network loaded: "), "{printed}");
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
