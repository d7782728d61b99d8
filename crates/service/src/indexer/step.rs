//! One step of the index writer, which [`Service::run_indexer`] repeats while changes are
//! waiting: the changes that committed late into open gaps; then, if a bulk backlog is
//! waiting (the in-order batch came back full and holds bulk changes), the *interactive*
//! changes recorded after that batch, applied ahead of order; then the in-order batch itself.
//! A backlog of interactive changes alone (a writer catching up after a restart) is applied
//! in order only: looking ahead there would apply most of it twice.
//!
//! Applying ahead of order is safe because applying a change re-reads the row's current
//! state (documents are rebuilt, not replayed), so a change applied early and again when the
//! in-order read reaches it converges on the same document; the one `delete` change (an
//! account's erasure) is final for its id. The position committed with the index stays the
//! in-order watermark ([`Cursor::watermark`]), so a restart skips nothing. Bulk changes (an
//! import's) are never looked ahead for: they are what the backlog is made of.

use super::cursor::{self, Cursor};
use super::pace::{Pace, START_BATCH};
use crate::{Service, ServiceResult};
use braingain_store::events::{self, ChangeEvent};
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Instant;

/// Interactive changes applied ahead of a backlog per step at most (more wait for the next
/// step, or for the in-order read).
const AHEAD: u64 = START_BATCH;

/// The writer's state (none until the first step reads the committed position) and the
/// highest position it has read, readable without waiting for a step (-1: not known yet).
#[derive(Debug)]
pub(crate) struct WriterState {
    writer: tokio::sync::Mutex<Option<Writer>>,
    read: AtomicI64,
}

impl Default for WriterState {
    fn default() -> Self {
        Self {
            writer: tokio::sync::Mutex::new(None),
            read: AtomicI64::new(-1),
        }
    }
}

impl WriterState {
    /// The highest position read, if a step has run since the last reset.
    pub(crate) fn read(&self) -> Option<i64> {
        match self.read.load(Ordering::Acquire) {
            -1 => None,
            read => Some(read),
        }
    }
}

/// Where the writer stands and how fast it reads.
#[derive(Debug, Clone)]
struct Writer {
    cursor: Cursor,
    pace: Pace,
}

/// What one step of the index writer did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexStep {
    /// Changes applied in position order, those that committed late included.
    pub applied: usize,
    /// Interactive changes applied ahead of a backlog (each is applied again, in order, when
    /// the writer reaches it).
    pub ahead: usize,
    /// Whether more changes are probably waiting (the in-order batch was full).
    pub more: bool,
}

impl Service {
    /// Applies every pending change, and those that committed late into positions stepped
    /// over earlier: [`Service::index_step`] until nothing is left. Returns how many changes
    /// were applied in order (those also applied ahead of order count once).
    pub async fn index_pending(&self) -> ServiceResult<usize> {
        let mut applied = 0;
        loop {
            let step = self.index_step().await?;
            applied += step.applied;
            if !step.more {
                return Ok(applied);
            }
        }
    }

    /// One step of the index writer: the changes that committed late into open gaps; then,
    /// when the next in-order batch comes back full and holds bulk changes, the interactive
    /// changes recorded after it, applied ahead of order (committed with the unchanged
    /// in-order watermark, so a restart re-reads them); then that batch. `more` says whether
    /// another step should follow at once.
    pub async fn index_step(&self) -> ServiceResult<IndexStep> {
        let state = &self.inner.writer;
        let mut guard = state.writer.lock().await;
        let mut writer = match guard.take() {
            Some(writer) => writer,
            None => {
                let watermark = self.indexed_position()?;
                let present = events::positions_between(
                    self.store().conn(),
                    watermark - cursor::LOOKBACK,
                    watermark,
                )
                .await?;
                Writer {
                    cursor: Cursor::resume(watermark, &present, Instant::now()),
                    pace: Pace::default(),
                }
            }
        };
        // The cursor is put back only as far as the indexes have committed.
        let result = self.step(&mut writer).await;
        state.read.store(writer.cursor.read(), Ordering::Release);
        *guard = Some(writer);
        result
    }

    /// Forgets the writer's cursor, after an index was rebuilt: the next step starts from
    /// the position the rebuild committed.
    pub(crate) async fn reset_index_cursor(&self) {
        let state = &self.inner.writer;
        *state.writer.lock().await = None;
        state.read.store(-1, Ordering::Release);
    }

    async fn step(&self, writer: &mut Writer) -> ServiceResult<IndexStep> {
        let mut step = IndexStep {
            applied: self.apply_late(&mut writer.cursor).await?,
            ..IndexStep::default()
        };
        let size = writer.pace.size();
        let batch = events::after(self.store().conn(), writer.cursor.read(), size).await?;
        let Some(last) = batch.last().map(|e| e.position) else {
            writer.pace = Pace::default();
            return Ok(step);
        };
        step.more = batch.len() as u64 >= size;
        if step.more && batch.iter().any(|e| e.bulk) {
            step.ahead = self.apply_ahead(&mut writer.cursor, last).await?;
        }
        let started = Instant::now();
        let mut next = writer.cursor.clone();
        next.advance(
            &batch.iter().map(|e| e.position).collect::<Vec<_>>(),
            Instant::now(),
        );
        self.apply_changes(&batch, next.watermark()).await?;
        writer.cursor = next;
        writer.pace = writer.pace.after(batch.len(), started.elapsed());
        step.applied += batch.len();
        tracing::debug!(
            changes = batch.len(),
            ahead = step.ahead,
            duration_ms = started.elapsed().as_millis(),
            next_batch = writer.pace.size(),
            "applied a batch of changes"
        );
        Ok(step)
    }

    /// Re-reads the open gaps and applies the changes that committed there late (as upserts:
    /// the row's state now decides), then gives up the gaps watched long enough.
    async fn apply_late(&self, cursor: &mut Cursor) -> ServiceResult<usize> {
        let gaps = cursor.gaps();
        if gaps.is_empty() {
            return Ok(0);
        }
        let late: Vec<ChangeEvent> = events::in_ranges(self.store().conn(), &gaps)
            .await?
            .into_iter()
            .map(|e| ChangeEvent {
                op: "upsert".to_owned(),
                ..e
            })
            .collect();
        if !late.is_empty() {
            let mut next = cursor.clone();
            next.fill(&late.iter().map(|e| e.position).collect::<Vec<_>>());
            self.apply_changes(&late, next.watermark()).await?;
            tracing::debug!(changes = late.len(), "applied changes that committed late");
            *cursor = next;
        }
        let given_up = cursor.expire(Instant::now());
        if given_up > 0 {
            tracing::debug!(positions = given_up, "outbox positions never committed");
        }
        Ok(late.len())
    }

    /// Applies the interactive changes recorded after position `batch_end` (the end of the
    /// in-order batch about to be applied) and after those already applied ahead, committed
    /// with the unchanged in-order watermark; an index none of them concerns is not
    /// committed. Returns how many were applied.
    async fn apply_ahead(&self, cursor: &mut Cursor, batch_end: i64) -> ServiceResult<usize> {
        let from = cursor.ahead().max(batch_end);
        let changes = events::interactive_after(self.store().conn(), from, AHEAD).await?;
        if changes.is_empty() {
            return Ok(0);
        }
        self.apply_changed(&changes, cursor.watermark()).await?;
        cursor.applied_ahead(&changes.iter().map(|e| e.position).collect::<Vec<_>>());
        tracing::debug!(
            changes = changes.len(),
            watermark = cursor.watermark(),
            "applied interactive changes ahead of the backlog"
        );
        Ok(changes.len())
    }
}
