//! How many changes the index writer reads per in-order batch. A batch costs a fixed price
//! (both indexes commit: a segment written and synced, the readers reloaded) plus a price per
//! change (re-reading the row, building and analysing its document). When the writer is
//! caught up a batch holds whatever was recorded since the last one (usually one change, so a
//! save is applied at once); behind a backlog larger batches spread the fixed price over more
//! changes, so the writer catches up faster.
//!
//! But interactive changes recorded meanwhile are looked for only *between* batches, so a
//! batch's duration is what a save made behind a backlog waits at worst. The size therefore
//! follows the time a batch takes: the first batch of a backlog reads [`START_BATCH`]; the
//! size doubles while full batches take at most [`TARGET`] and halves when one takes more
//! than twice that, between [`MIN_BATCH`] and [`MAX_BATCH`]; a batch that comes back short
//! (the backlog is gone) puts it back to [`START_BATCH`]. So batches settle at a quarter to
//! half a second of work whatever a document costs: cheap documents go 4,000 to a commit,
//! costly ones fewer, and a save behind the backlog waits about half a second at most.

use std::time::Duration;

/// Changes per batch when there is no backlog (and the first batch of one).
pub(crate) const START_BATCH: u64 = 500;
/// Changes per batch at least, when documents are slow to build.
pub(crate) const MIN_BATCH: u64 = 100;
/// Changes per batch at most.
pub(crate) const MAX_BATCH: u64 = 4_000;
/// The time a full batch may take and still grow; one taking twice as long shrinks.
pub(crate) const TARGET: Duration = Duration::from_millis(250);

/// The size of the next batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pace {
    size: u64,
}

impl Default for Pace {
    fn default() -> Self {
        Self { size: START_BATCH }
    }
}

impl Pace {
    /// Changes to read in the next batch.
    pub(crate) fn size(self) -> u64 {
        self.size
    }

    /// The pace after a batch of `read` changes (asked for [`Pace::size`]) that took `took`.
    pub(crate) fn after(self, read: usize, took: Duration) -> Self {
        let full = u64::try_from(read).unwrap_or(u64::MAX) >= self.size;
        let size = if !full {
            START_BATCH
        } else if took > TARGET * 2 {
            self.size / 2
        } else if took <= TARGET {
            self.size * 2
        } else {
            self.size
        };
        Self {
            size: size.clamp(MIN_BATCH, MAX_BATCH),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: Duration = Duration::from_millis(40);
    const SLOW: Duration = Duration::from_millis(900);

    #[test]
    fn full_fast_batches_grow_to_the_cap() {
        let mut pace = Pace::default();
        let mut sizes = vec![pace.size()];
        for _ in 0..5 {
            pace = pace.after(usize::try_from(pace.size()).unwrap(), FAST);
            sizes.push(pace.size());
        }
        assert_eq!(sizes, vec![500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    }

    #[test]
    fn a_short_batch_means_caught_up() {
        let pace = Pace::default().after(500, FAST).after(1_000, FAST);
        assert_eq!(pace.size(), 2_000);
        assert_eq!(pace.after(1, FAST).size(), START_BATCH);
        assert_eq!(pace.after(1_999, FAST).size(), START_BATCH);
    }

    #[test]
    fn slow_batches_shrink_to_the_floor_and_middling_ones_hold() {
        let big = Pace { size: MAX_BATCH };
        assert_eq!(big.after(4_000, SLOW).size(), 2_000);
        assert_eq!(big.after(4_000, TARGET + FAST).size(), MAX_BATCH);
        let mut pace = Pace::default();
        let mut sizes = vec![pace.size()];
        for _ in 0..3 {
            pace = pace.after(usize::try_from(pace.size()).unwrap(), SLOW);
            sizes.push(pace.size());
        }
        assert_eq!(sizes, vec![500, 250, 125, MIN_BATCH]);
        assert_eq!(pace.after(3, SLOW).size(), START_BATCH, "caught up");
    }
}
