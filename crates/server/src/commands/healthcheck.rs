//! `braingain healthcheck`: asks a running server's `/health` (or any plain-HTTP URL) and exits
//! 0 on a 200 answer. Container images without a shell or curl (distroless) use it as their
//! `HEALTHCHECK`; it needs no database, data directory or secret.

use anyhow::{Context, bail};
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// How long the whole check may take.
const TIMEOUT: Duration = Duration::from_secs(3);

/// The URL checked by default: `/health` on the listen address, a wildcard host replaced by
/// the loopback address.
#[must_use]
pub fn default_url(listen: &str) -> String {
    let (host, port) = listen.rsplit_once(':').unwrap_or((listen, "8080"));
    let host = match host {
        "" | "0.0.0.0" => "127.0.0.1",
        "[::]" => "[::1]",
        other => other,
    };
    format!("http://{host}:{port}/health")
}

/// Fetches `url` and succeeds on status 200.
pub fn check(url: &str) -> anyhow::Result<()> {
    let rest = url
        .strip_prefix("http://")
        .with_context(|| format!("only http:// URLs can be checked, not {url}"))?;
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let addr = authority
        .to_socket_addrs()
        .with_context(|| format!("cannot resolve {authority}"))?
        .next()
        .with_context(|| format!("no address for {authority}"))?;
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT)
        .with_context(|| format!("nothing answers at {authority}"))?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    write!(
        stream,
        "GET /{path} HTTP/1.1\r\nHost: {authority}\r\nUser-Agent: braingain-healthcheck\r\nConnection: close\r\n\r\n"
    )?;
    let mut head = [0_u8; 12];
    stream
        .read_exact(&mut head)
        .with_context(|| format!("no HTTP answer from {url}"))?;
    let status = String::from_utf8_lossy(&head[9..12]).into_owned();
    if status != "200" {
        bail!("{url} answered {status}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_url_reaches_a_wildcard_listener_through_loopback() {
        assert_eq!(default_url("0.0.0.0:8080"), "http://127.0.0.1:8080/health");
        assert_eq!(default_url("[::]:9000"), "http://[::1]:9000/health");
        assert_eq!(
            default_url("127.0.0.1:8081"),
            "http://127.0.0.1:8081/health"
        );
    }

    #[test]
    fn a_closed_port_or_a_foreign_scheme_fails() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        assert!(check(&format!("http://127.0.0.1:{port}/health")).is_err());
        assert!(check("https://example.org/health").is_err());
    }
}
