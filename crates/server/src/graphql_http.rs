//! The GraphQL endpoint over HTTP: POST runs queries and mutations (single or batched);
//! GET runs queries only, or shows GraphiQL to a browser.

use crate::app::AppState;
use axum::Json;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use braingain_graphql::http::{
    BatchRequest, BatchResponse, GraphiQLSource, Request as GqlRequest, Response as GqlResponse,
    ServerError, parse_query_string,
};
use braingain_graphql::{RequestContext, finish_response_errors, is_mutation};
use braingain_service::{Actor, RequestMeta};
use serde_json::json;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// `POST /graphql`.
pub async fn post(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let limit = state.settings.graphql.max_body_bytes;
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return error_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("the request body is larger than {limit} bytes"),
            );
        }
    };
    let batch: BatchRequest = match serde_json::from_slice(&bytes) {
        Ok(batch) => batch,
        Err(e) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                &format!("the body is not a GraphQL request: {e}"),
            );
        }
    };
    let (requests, batched) = match batch {
        BatchRequest::Single(request) => (vec![request], false),
        BatchRequest::Batch(requests) => (requests, true),
    };
    let max_batch = state.settings.graphql.max_batch;
    if requests.len() > max_batch {
        return error_response(
            StatusCode::BAD_REQUEST,
            &format!("a batch may hold at most {max_batch} operations"),
        );
    }
    let context = request_context(&state, &parts.headers, &parts.extensions).await;
    let mut responses = Vec::with_capacity(requests.len());
    // One after another, so that throttling sees every operation of the batch in turn.
    for request in requests {
        responses.push(execute(&state, request, context.clone()).await);
    }
    let body = if batched {
        BatchResponse::Batch(responses)
    } else {
        BatchResponse::Single(responses.pop().unwrap_or_default())
    };
    Json(body).into_response()
}

/// `GET /graphql`: GraphiQL for browsers; queries (never mutations) from the query string.
pub async fn get(State(state): State<AppState>, request: Request) -> Response {
    let query_string = request.uri().query().unwrap_or_default().to_owned();
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if query_string.is_empty() || (wants_html && !query_string.contains("query=")) {
        return Html(
            GraphiQLSource::build()
                .endpoint("/graphql")
                .title("BrainGain GraphQL")
                .finish(),
        )
        .into_response();
    }
    let gql_request = match parse_query_string(&query_string) {
        Ok(r) => r,
        Err(e) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                &format!("bad GraphQL query string: {e}"),
            );
        }
    };
    if is_mutation(&gql_request.query, gql_request.operation_name.as_deref()) {
        let mut response = error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "mutations must be sent with POST",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, axum::http::HeaderValue::from_static("POST"));
        return response;
    }
    let (parts, _) = request.into_parts();
    debug_assert_eq!(parts.method, Method::GET);
    let context = request_context(&state, &parts.headers, &parts.extensions).await;
    Json(execute(&state, gql_request, context).await).into_response()
}

async fn execute(state: &AppState, request: GqlRequest, context: RequestContext) -> GqlResponse {
    let timeout = Duration::from_secs(state.settings.graphql.timeout_secs.max(1));
    let request = request.data(context);
    let mut response = match tokio::time::timeout(timeout, state.schema.execute(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(
                timeout_secs = timeout.as_secs(),
                "graphql operation timed out"
            );
            let mut err = ServerError::new("the operation took too long and was stopped", None);
            err.extensions
                .get_or_insert_with(Default::default)
                .set("code", "INTERNAL");
            GqlResponse::from_errors(vec![err])
        }
    };
    finish_response_errors(&mut response.errors);
    let outcome = response
        .errors
        .first()
        .and_then(|e| e.extensions.as_ref())
        .and_then(|ext| ext.get("code"))
        .map_or_else(
            || "ok".to_owned(),
            |code| code.to_string().trim_matches('"').to_owned(),
        );
    state.metrics.graphql_operation(&outcome);
    response
}

/// Resolves the caller from the `Authorization` header and the client address.
async fn request_context(
    state: &AppState,
    headers: &HeaderMap,
    extensions: &axum::http::Extensions,
) -> RequestContext {
    let meta = RequestMeta {
        client_ip: client_ip(state, headers, extensions),
    };
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let actor = match bearer {
        None => Ok(Actor::Anonymous),
        Some(token) => state.service.authenticate(token).await.map_err(Arc::new),
    };
    RequestContext { actor, meta }
}

fn client_ip(
    state: &AppState,
    headers: &HeaderMap,
    extensions: &axum::http::Extensions,
) -> Option<IpAddr> {
    if state.settings.trust_forwarded_for {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|ip| ip.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
}

/// A GraphQL-shaped error body for failures before execution.
fn error_response(status: StatusCode, message: &str) -> Response {
    let body =
        json!({ "errors": [{ "message": message, "extensions": { "code": "BAD_USER_INPUT" } }] });
    (status, Json(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn error_bodies_carry_a_code() {
        let response = error_response(StatusCode::PAYLOAD_TOO_LARGE, "too big");
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let bytes = axum::body::to_bytes(response.into_body(), 10_000)
            .await
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    }
}
