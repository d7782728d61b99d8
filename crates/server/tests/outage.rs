//! The database goes away and comes back: the server reaches PostgreSQL through a TCP proxy
//! the test controls. When the proxy drops every connection and refuses new ones, `/ready`
//! answers 503 and a request that needs the database gets `INTERNAL` within seconds instead of
//! hanging, while `/health` stays up (so an orchestrator takes the replica out of rotation
//! without restarting it); when the proxy forwards again, service resumes by itself.
//!
//! PostgreSQL only, in every pass (see `replicas.rs`): `scripts/test` runs it in its
//! PostgreSQL pass.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

mod support;

use braingain_test_utils::TestDb;
use serde_json::json;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{free_port, gql, http, search_ids, serve, wait_caught_up};

/// A TCP forwarder to `upstream` that can be switched off (every connection cut, new ones
/// closed at once, as when a database host goes down) and on again.
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Proxy {
    fn start(upstream: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (up2, open2) = (up.clone(), open.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                if !up2.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let Ok(server) = TcpStream::connect(upstream) else {
                    continue;
                };
                let mut open = open2.lock().unwrap();
                open.push(client.try_clone().unwrap());
                open.push(server.try_clone().unwrap());
                pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                pipe(server, client);
            }
        });
        Self { port, up, open }
    }

    fn down(&self) {
        self.up.store(false, Ordering::SeqCst);
        for stream in self.open.lock().unwrap().drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = to.shutdown(Shutdown::Both);
    });
}

/// A query that reads the database (a profile that does not exist); its error code, if any,
/// and how long it took.
fn database_query(port: u16) -> (Option<String>, Duration) {
    let started = Instant::now();
    let body = gql(
        port,
        None,
        "query($id: ID!) { expert(id: $id) { id } }",
        json!({ "id": "01936d5c-0000-7000-8000-000000000000" }),
    );
    let code = body["errors"][0]["extensions"]["code"]
        .as_str()
        .map(str::to_owned);
    (code, started.elapsed())
}

fn ready_status(port: u16) -> u16 {
    http(port, "GET", "/ready", "").map_or(0, |(status, _)| status)
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) -> Duration {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "{what} not within {limit:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
    started.elapsed()
}

#[test]
fn when_the_database_goes_away_requests_fail_fast_and_service_resumes_when_it_returns() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let db = runtime
        .block_on(TestDb::postgres_only())
        .unwrap_or_else(|e| panic!("{e:#}"));
    // postgres://user@host:port/name → the same database through the proxy.
    let url = db.url();
    let (head, name) = url.rsplit_once('/').unwrap();
    let (scheme_user, host_port) = head.rsplit_once('@').unwrap();
    let upstream = std::net::ToSocketAddrs::to_socket_addrs(host_port)
        .unwrap()
        .next()
        .unwrap();
    let proxy = Proxy::start(upstream);
    let proxied = format!("{scheme_user}@127.0.0.1:{}/{name}", proxy.port);

    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = serve(dir.path(), port, &[("BRAINGAIN_DATABASE_URL", &proxied)]);
    wait_caught_up(port);
    assert_eq!(database_query(port).0, None, "the query works while up");

    proxy.down();
    let unready = wait_for("/ready failing", Duration::from_secs(5), || {
        ready_status(port) == 503
    });
    let (code, took) = database_query(port);
    assert_eq!(code.as_deref(), Some("INTERNAL"));
    assert!(took < Duration::from_secs(8), "a request hung for {took:?}");
    let (status, _) = http(port, "GET", "/health", "").unwrap();
    assert_eq!(status, 200, "liveness stays up during a database outage");

    proxy.restore();
    let back = wait_for("service to resume", Duration::from_secs(20), || {
        ready_status(port) == 200 && database_query(port).0.is_none()
    });
    assert!(
        search_ids(port, "hydrology").is_empty(),
        "search answers again"
    );
    eprintln!("unready after {unready:?}; INTERNAL after {took:?}; back after {back:?}");
    server.stop();
}
