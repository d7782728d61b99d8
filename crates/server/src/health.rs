//! `/health` (the process answers), `/ready` (it can serve: database reachable), `/metrics`.

use crate::app::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::time::Duration;

/// Liveness: answers as long as the process runs.
pub async fn health() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

/// Most changes the search index may trail the database by and still be ready.
const MAX_READY_LAG: i64 = 1000;

/// Readiness: the database answers within two seconds and the search index has caught up.
pub async fn ready(State(state): State<AppState>) -> Response {
    let service = &state.service;
    let db = tokio::time::timeout(Duration::from_secs(2), service.store().ping()).await;
    let db_ok = matches!(db, Ok(Ok(())));
    let lag = if db_ok {
        tokio::time::timeout(Duration::from_secs(2), service.index_lag())
            .await
            .ok()
            .and_then(Result::ok)
    } else {
        None
    };
    let index_ok = lag.is_some_and(|l| l <= MAX_READY_LAG);
    let ready = db_ok && index_ok;
    let body = json!({
        "status": if ready { "ready" } else { "unavailable" },
        "checks": {
            "database": if db_ok { "ok" } else { "unreachable" },
            "index": { "status": if index_ok { "ok" } else { "behind" }, "lag": lag },
        },
    });
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

/// Prometheus text exposition.
pub async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}
