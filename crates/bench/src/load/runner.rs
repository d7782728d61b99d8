//! The clients: `clients` tokio tasks sharing one connection pool, each sending its next
//! step as soon as the previous reply is in (a closed loop: the server's speed sets the
//! pace), until a number of steps has been issued or a duration has passed. Each task keeps
//! its own statistics, merged at the end, so recording never contends.

use super::scenario::Workload;
use super::stats::RunStats;
use crate::rng::Rng;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// When a run ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// After this many steps over all clients.
    Steps(u64),
    /// After this long (steps under way finish).
    After(Duration),
}

/// Runs `clients` clients on `workload` until `stop`; `stream` separates the random draws of
/// runs with the same `seed` (warm-up and measurement). Returns the merged statistics and
/// the wall time.
pub async fn run(
    workload: &Arc<Workload>,
    clients: usize,
    stop: Stop,
    seed: u64,
    stream: u64,
) -> (RunStats, Duration) {
    let issued = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients.max(1))
        .map(|c| {
            let workload = workload.clone();
            let issued = issued.clone();
            tokio::spawn(async move {
                let mut rng = Rng::new(seed, stream * 100_000 + c as u64);
                let mut stats = RunStats::default();
                loop {
                    let go = match stop {
                        Stop::Steps(n) => issued.fetch_add(1, Ordering::Relaxed) < n,
                        Stop::After(d) => started.elapsed() < d,
                    };
                    if !go {
                        break;
                    }
                    let op = workload.next_op(&mut rng);
                    workload.step(op, &mut rng, &mut stats).await;
                }
                stats
            })
        })
        .collect();
    let mut total = RunStats::default();
    for task in tasks {
        if let Ok(stats) = task.await {
            total.merge(&stats);
        }
    }
    (total, started.elapsed())
}
