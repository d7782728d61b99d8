//! `braingain seed --experts N --institutions M --requests K --seed S`: writes a synthetic
//! network (`braingain_service::synthetic`) in bulk, builds the search indexes from it in
//! bulk, and prints what it wrote and how fast.
//!
//! The server must be stopped: the command takes the expert index's writer lock first (so it
//! fails at once, before writing anything, while a server runs on the data directory) and
//! builds the index itself with a multi-threaded writer and one commit, recording the outbox
//! position so that the server's indexer starts from there instead of redoing it.

use crate::{App, Settings};
use anyhow::Context;
use braingain_domain::SystemClock;
use braingain_service::indexer;
use braingain_service::synthetic::{SEED_ADMIN, SEED_MODERATOR, SEED_PASSWORD, SyntheticSpec};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// Seeds the network `spec` describes and builds the indexes.
pub async fn run(settings: Settings, spec: SyntheticSpec) -> anyhow::Result<()> {
    let started = Instant::now();
    let app = App::build_detached(settings.clone(), Arc::new(SystemClock)).await?;
    let service = app.state.service.clone();
    let index_dir = settings.data_dir.join("index").join("experts");
    let dir = index_dir.clone();
    let opened = tokio::task::spawn_blocking(move || indexer::open_index_for_bulk(&dir))
        .await
        .context("the index opener stopped")?
        .context("is a server running on this data directory? Stop it first: seeding builds the search index itself");
    let index = match opened {
        Ok(index) => Arc::new(index),
        Err(e) => {
            service.store().close().await?;
            return Err(e);
        }
    };
    let writing = progress_bar(spec.experts, "writing experts");
    let seeded = service
        .seed_synthetic(&spec, |done| writing.set_position(done))
        .await;
    writing.finish_and_clear();
    let outcome = match seeded {
        Ok(outcome) => outcome,
        Err(e) => {
            service.store().close().await?;
            return Err(anyhow::anyhow!("{e}")).context("seeding failed");
        }
    };
    let indexing = Instant::now();
    let indexing_bar = progress_bar(outcome.experts, "indexing profiles");
    let indexed = service
        .rebuild_index(&index, |done| indexing_bar.set_position(done as u64))
        .await;
    indexing_bar.finish_and_clear();
    let read = indexed
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("indexing failed")?;
    let docs = index.num_docs();
    let index = Arc::into_inner(index).context("the index is still in use")?;
    let segments = index.segments();
    tokio::task::spawn_blocking(move || index.close())
        .await
        .context("the index writer stopped")??;
    let index_seconds = indexing.elapsed().as_secs_f64();
    let database_bytes = braingain_store::synthetic::database_bytes(service.store().conn()).await?;
    service.store().close().await?;
    // The request index is small: rebuilt the ordinary way, by a server-side app.
    let app = App::build(settings, Arc::new(SystemClock)).await?;
    let open_requests = app.state.service.reindex_requests().await;
    app.state.service.store().close().await?;
    let open_requests = open_requests.map_err(|e| anyhow::anyhow!("{e}"))?;
    let per_second = |n: f64, s: f64| if s > 0.0 { n / s } else { 0.0 };
    println!(
        "seeded {} experts ({} searchable), {} institutions ({} verified, {} staff), {} requests with seed {}",
        outcome.experts,
        outcome.searchable,
        outcome.institutions,
        outcome.verified_institutions,
        outcome.staff,
        outcome.requests,
        spec.seed
    );
    println!(
        "database: {} rows in {:.1} s ({:.0} rows/s, {:.0} experts/s), {}",
        outcome.rows,
        outcome.seconds,
        per_second(outcome.rows as f64, outcome.seconds),
        per_second(outcome.experts as f64, outcome.seconds),
        human_bytes(database_bytes)
    );
    println!(
        "search index: {docs} experts from {read} profiles in {index_seconds:.1} s ({:.0} docs/s), {} in {segments} segments; {open_requests} open requests",
        per_second(docs as f64, index_seconds),
        human_bytes(dir_bytes(&index_dir)),
    );
    println!(
        "total {:.1} s; sign in as {SEED_ADMIN}, {SEED_MODERATOR} or any seeded account with the password {SEED_PASSWORD}",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A bar on stderr, drawn only when stderr is a terminal.
fn progress_bar(len: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(&format!(
        "{what} {{wide_bar}} {{human_pos}}/{{human_len}} ({{per_sec}}, {{eta}} left)"
    )) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// `1.2 GiB`.
fn human_bytes(bytes: u64) -> String {
    let b = bytes as f64;
    match bytes {
        n if n >= 1 << 30 => format!("{:.2} GiB", b / f64::from(1u32 << 30)),
        n if n >= 1 << 20 => format!("{:.1} MiB", b / f64::from(1u32 << 20)),
        _ => format!("{:.0} KiB", b / 1024.0),
    }
}

/// The total size of the files under `dir`.
fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_bytes(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}
