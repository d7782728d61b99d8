//! One GraphQL call over HTTP and what came back. A GraphQL server answers `200 OK` with an
//! `errors` array when an operation fails, so a reply is only a success when it has `data`
//! and no `errors`; transport failures and non-200 statuses become errors too, with codes
//! of their own (`HTTP_<status>`, `TRANSPORT`, `BAD_JSON`), so one tally covers everything.

use serde_json::{Value, json};
use std::time::Duration;

/// One error of a reply: its `extensions.code` (or a transport code) and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallError {
    /// `extensions.code` (`UNAUTHENTICATED`, `BAD_USER_INPUT`, …), `NO_CODE` when absent,
    /// or `HTTP_<status>`, `TRANSPORT`, `BAD_JSON` for failures outside GraphQL.
    pub code: String,
    /// The message, for the first few errors printed.
    pub message: String,
}

impl CallError {
    /// An error with `code` and `message`.
    #[must_use]
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
        }
    }
}

/// What one call returned.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    /// The `data` member (`Value::Null` when absent).
    pub data: Value,
    /// Every error of the reply; empty on success.
    pub errors: Vec<CallError>,
}

impl Reply {
    /// Whether the call succeeded.
    #[must_use]
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The data at a JSON pointer (`/searchExperts/hits`), `Null` if absent.
    #[must_use]
    pub fn at(&self, pointer: &str) -> &Value {
        self.data.pointer(pointer).unwrap_or(&Value::Null)
    }

    /// A reply that failed outside GraphQL.
    fn failed(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            data: Value::Null,
            errors: vec![CallError::new(code, message)],
        }
    }
}

/// Reads a GraphQL response body: `data` and the `errors`, each by `extensions.code`.
#[must_use]
pub fn parse_body(body: &Value) -> Reply {
    let errors = body
        .get("errors")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|e| {
                    let code = e
                        .pointer("/extensions/code")
                        .and_then(Value::as_str)
                        .unwrap_or("NO_CODE");
                    let message = e.get("message").and_then(Value::as_str).unwrap_or("");
                    CallError::new(code, message)
                })
                .collect()
        })
        .unwrap_or_default();
    Reply {
        data: body.get("data").cloned().unwrap_or(Value::Null),
        errors,
    }
}

/// A GraphQL endpoint and one shared connection pool (keep-alive) for every client task.
#[derive(Debug, Clone)]
pub struct GqlClient {
    http: reqwest::Client,
    endpoint: String,
}

impl GqlClient {
    /// A client of `base_url` (`http://127.0.0.1:8080`; `/graphql` is appended), keeping up
    /// to `connections` idle connections, giving up on a call after `timeout`.
    ///
    /// # Errors
    /// If the HTTP client cannot be built.
    pub fn new(base_url: &str, connections: usize, timeout: Duration) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(connections.max(1))
            .tcp_nodelay(true)
            .timeout(timeout)
            .build()?;
        let base = base_url.trim_end_matches('/');
        let endpoint = if base.ends_with("/graphql") {
            base.to_owned()
        } else {
            format!("{base}/graphql")
        };
        Ok(Self { http, endpoint })
    }

    /// The URL calls are posted to.
    #[must_use]
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Posts `document` with `variables`, signed in with `token` when given.
    pub async fn call(&self, document: &str, variables: Value, token: Option<&str>) -> Reply {
        let mut request = self
            .http
            .post(&self.endpoint)
            .json(&json!({ "query": document, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = match request.send().await {
            Ok(r) => r,
            Err(e) => return Reply::failed("TRANSPORT", e.to_string()),
        };
        let status = response.status();
        let bytes = match response.bytes().await {
            Ok(b) => b,
            Err(e) => return Reply::failed("TRANSPORT", e.to_string()),
        };
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(body) if status.is_success() => parse_body(&body),
            Ok(body) => {
                let mut reply = parse_body(&body);
                if reply.errors.is_empty() {
                    reply
                        .errors
                        .push(CallError::new(format!("HTTP_{}", status.as_u16()), ""));
                }
                reply
            }
            Err(_) if !status.is_success() => Reply::failed(
                format!("HTTP_{}", status.as_u16()),
                String::from_utf8_lossy(&bytes)
                    .chars()
                    .take(200)
                    .collect::<String>(),
            ),
            Err(e) => Reply::failed("BAD_JSON", e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_read_by_extensions_code_and_data_is_kept() {
        let body = json!({
            "data": { "me": null },
            "errors": [
                { "message": "sign in", "extensions": { "code": "UNAUTHENTICATED" } },
                { "message": "odd" }
            ]
        });
        let reply = parse_body(&body);
        assert!(!reply.ok());
        assert_eq!(
            reply.errors,
            vec![
                CallError::new("UNAUTHENTICATED", "sign in"),
                CallError::new("NO_CODE", "odd")
            ]
        );
        assert_eq!(reply.at("/me"), &Value::Null);
    }

    #[test]
    fn a_reply_without_errors_is_a_success() {
        let reply = parse_body(&json!({ "data": { "searchExperts": { "totalCount": 3 } } }));
        assert!(reply.ok());
        assert_eq!(reply.at("/searchExperts/totalCount"), &json!(3));
    }
}
