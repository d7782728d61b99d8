//! What `expert(id)` and `matchExperts(requestId)` are aimed at, gathered from the server
//! before the measured run: profile ids from the hits of the first searches of the query
//! set (what a visitor clicks on), and the ids of OPEN requests paged through
//! `searchRequests` (public).

use super::client::GqlClient;
use super::documents;
use super::query_set::SearchText;
use serde_json::{Value, json};
use std::collections::HashSet;

/// Runs searches from `queries` until `want` distinct profile ids are found (or the queries
/// run out, or 200 searches were run), and returns them in the order found.
///
/// # Errors
/// If a search fails.
pub async fn profile_ids(
    client: &GqlClient,
    queries: &[SearchText],
    want: usize,
) -> anyhow::Result<Vec<String>> {
    let document = documents::search_experts();
    let mut seen = HashSet::new();
    let mut ids = Vec::new();
    for q in queries.iter().take(200) {
        if ids.len() >= want {
            break;
        }
        let reply = client
            .call(
                &document,
                json!({ "query": q.text, "first": 10, "lang": q.lang }),
                None,
            )
            .await;
        anyhow::ensure!(
            reply.ok(),
            "searching {:?} failed: {:?}",
            q.text,
            reply.errors
        );
        for hit in reply
            .at("/searchExperts/hits")
            .as_array()
            .into_iter()
            .flatten()
        {
            if let Some(id) = hit.pointer("/expert/id").and_then(Value::as_str)
                && seen.insert(id.to_owned())
            {
                ids.push(id.to_owned());
            }
        }
    }
    Ok(ids)
}

/// The ids of up to `limit` OPEN requests, newest first.
///
/// # Errors
/// If a page cannot be read.
pub async fn open_request_ids(client: &GqlClient, limit: usize) -> anyhow::Result<Vec<String>> {
    let mut ids = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let reply = client
            .call(documents::OPEN_REQUESTS, json!({ "after": after }), None)
            .await;
        anyhow::ensure!(
            reply.ok(),
            "listing open requests failed: {:?}",
            reply.errors
        );
        let page = reply
            .at("/searchRequests")
            .as_array()
            .cloned()
            .unwrap_or_default();
        for hit in &page {
            if let Some(id) = hit.pointer("/request/id").and_then(Value::as_str) {
                ids.push(id.to_owned());
            }
        }
        after = page
            .last()
            .and_then(|h| h.get("cursor"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        if page.len() < 100 || ids.len() >= limit || after.is_none() {
            break;
        }
    }
    ids.truncate(limit);
    Ok(ids)
}
