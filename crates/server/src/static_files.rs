//! The web app at `/`: the files of `frontend/dist`, embedded in the binary at build time
//! (or read from `BRAINGAIN_FRONTEND_DIR` when set), with `index.html` for every unknown
//! path so that deep links work. Hashed assets are cached for a year; `index.html` never.

use crate::app::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use std::borrow::Cow;

#[derive(rust_embed::Embed)]
#[folder = "../../frontend/dist"]
#[allow_missing = true]
struct Assets;

/// Answers any path not handled by another route.
pub async fn serve(State(state): State<AppState>, uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    if path.starts_with("graphql") || path.contains("..") {
        return StatusCode::NOT_FOUND.into_response();
    }
    if let Some(dir) = &state.settings.frontend_dir {
        return from_dir(dir, path).await;
    }
    let file = if path.is_empty() {
        None
    } else {
        Assets::get(path)
    };
    match file {
        Some(file) => respond(path, file.data, false),
        None if looks_like_asset(path) => StatusCode::NOT_FOUND.into_response(),
        None => match Assets::get("index.html") {
            Some(index) => respond("index.html", index.data, true),
            None => Html(NOT_BUILT).into_response(),
        },
    }
}

async fn from_dir(dir: &std::path::Path, path: &str) -> Response {
    let candidate = dir.join(path);
    if !path.is_empty()
        && let Ok(bytes) = tokio::fs::read(&candidate).await
    {
        return respond(path, Cow::Owned(bytes), false);
    }
    if looks_like_asset(path) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(dir.join("index.html")).await {
        Ok(bytes) => respond("index.html", Cow::Owned(bytes), true),
        Err(_) => Html(NOT_BUILT).into_response(),
    }
}

/// Paths with a file extension are files: a missing one is a 404, not the app.
fn looks_like_asset(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'))
}

fn respond(path: &str, data: Cow<'static, [u8]>, is_index: bool) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let cache = if is_index || !path.starts_with("assets/") {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    let mut response = Response::new(Body::from(data));
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(mime.as_ref()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

const NOT_BUILT: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>BrainGain</title></head>\
<body><main><h1>BrainGain is running</h1><p>The web app was not built into this binary. Build it with \
<code>npm --prefix frontend ci &amp;&amp; npm --prefix frontend run build</code> and rebuild the server, or set \
<code>BRAINGAIN_FRONTEND_DIR</code> to a built <code>dist</code> directory.</p>\
<p>The API is at <a href=\"/graphql\">/graphql</a>.</p></main></body></html>";
