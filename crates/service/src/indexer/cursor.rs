//! Where the index writer stands in the change outbox, and the positions it has stepped over.
//!
//! Outbox positions come from a sequence (PostgreSQL) or an autoincrement key (SQLite). On
//! PostgreSQL two transactions can take positions 7 and 8 and commit 8 first: a reader then
//! sees 8 without 7. Moving past 7 for good would lose that change, and waiting for it would
//! stall the index behind every rolled-back transaction (whose position never appears). So the
//! writer applies what it sees at once and remembers each hole as a *gap*; every round it looks
//! again for events in the open gaps and applies those that appear late. A gap is given up
//! after [`LATE_WINDOW`]: no transaction here stays open between recording a change and
//! committing for that long, so by then the position belongs to a rolled-back transaction.
//!
//! The position committed with the index (the *watermark*) stays below the oldest open gap, so
//! a restarted writer looks at those positions again: re-applying a change is harmless
//! (documents are re-read and keyed by id). On SQLite writers are serialised and positions
//! commit in order, so gaps only come from rolled-back work there, if at all.
//!
//! Behind a bulk backlog the writer also applies interactive changes *ahead* of the read
//! position. The cursor remembers the highest such position ([`Cursor::ahead`]) so the next
//! look-ahead starts after it; applying them never moves [`Cursor::read`], the gaps or the
//! watermark, so each is applied again when the in-order read reaches it (harmless), and a
//! restart, which forgets the look-ahead, loses nothing.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// How long a position that was stepped over is watched for a late commit.
pub(crate) const LATE_WINDOW: Duration = Duration::from_secs(600);
/// Open gaps kept at most; past this the oldest are given up (and logged).
const MAX_GAPS: usize = 256;
/// On start, positions this far below the committed watermark are checked for holes, since
/// the previous writer's open gaps were not saved.
pub(crate) const LOOKBACK: i64 = 2_000;

/// The writer's place in the outbox.
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    /// Every position up to here has been read (applied or stepped over as a gap).
    read: i64,
    /// Open gaps: first position → (last position, when first noticed).
    gaps: BTreeMap<i64, (i64, Instant)>,
    /// The highest position applied ahead of `read` (interactive changes behind a backlog).
    ahead: i64,
}

impl Cursor {
    /// A cursor that has read everything up to `watermark`, with the holes among the
    /// positions `present` (those of `(watermark - LOOKBACK, watermark]` that exist) opened
    /// as gaps noticed `now`.
    pub(crate) fn resume(watermark: i64, present: &[i64], now: Instant) -> Self {
        let mut cursor = Self {
            read: (watermark - LOOKBACK).max(0),
            gaps: BTreeMap::new(),
            ahead: 0,
        };
        cursor.advance(present, now);
        cursor.open_gap(cursor.read + 1, watermark, now);
        cursor.read = cursor.read.max(watermark);
        cursor
    }

    /// The highest position read.
    pub(crate) fn read(&self) -> i64 {
        self.read
    }

    /// Where the next look-ahead for interactive changes starts: after everything read and
    /// after every position already applied ahead.
    pub(crate) fn ahead(&self) -> i64 {
        self.ahead.max(self.read)
    }

    /// Notes positions applied ahead of the read position (ascending). Nothing else moves:
    /// they are read again, in order, when the cursor gets there.
    pub(crate) fn applied_ahead(&mut self, positions: &[i64]) {
        if let Some(&last) = positions.last() {
            self.ahead = self.ahead.max(last);
        }
    }

    /// The position to commit with the index: everything at or below it has been applied or
    /// given up.
    pub(crate) fn watermark(&self) -> i64 {
        self.gaps.keys().next().map_or(self.read, |first| first - 1)
    }

    /// The open gaps, as inclusive ranges.
    pub(crate) fn gaps(&self) -> Vec<(i64, i64)> {
        self.gaps.iter().map(|(&a, &(b, _))| (a, b)).collect()
    }

    /// Notes a batch read after [`Cursor::read`] (positions ascending): the holes before and
    /// between them become gaps.
    pub(crate) fn advance(&mut self, positions: &[i64], now: Instant) {
        for &position in positions {
            if position <= self.read {
                continue;
            }
            self.open_gap(self.read + 1, position - 1, now);
            self.read = position;
        }
    }

    /// Notes positions found late inside gaps: they close (gaps split around them).
    pub(crate) fn fill(&mut self, positions: &[i64]) {
        for &position in positions {
            let Some((&start, &(end, seen))) = self.gaps.range(..=position).next_back() else {
                continue;
            };
            if position > end {
                continue;
            }
            self.gaps.remove(&start);
            if start < position {
                self.gaps.insert(start, (position - 1, seen));
            }
            if position < end {
                self.gaps.insert(position + 1, (end, seen));
            }
        }
    }

    /// Gives up the gaps noticed more than [`LATE_WINDOW`] before `now`; returns how many
    /// positions were given up.
    pub(crate) fn expire(&mut self, now: Instant) -> i64 {
        let old: Vec<i64> = self
            .gaps
            .iter()
            .filter(|(_, (_, seen))| now.duration_since(*seen) > LATE_WINDOW)
            .map(|(&start, _)| start)
            .collect();
        old.into_iter()
            .filter_map(|start| self.gaps.remove(&start).map(|(end, _)| end - start + 1))
            .sum()
    }

    fn open_gap(&mut self, start: i64, end: i64, now: Instant) {
        if start > end {
            return;
        }
        self.gaps.insert(start, (end, now));
        while self.gaps.len() > MAX_GAPS {
            if let Some((start, (end, _))) = self.gaps.pop_first() {
                tracing::warn!(
                    start,
                    end,
                    "too many open outbox gaps; giving up the oldest"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_order_positions_leave_no_gap() {
        let now = Instant::now();
        let mut c = Cursor::resume(0, &[], now);
        c.advance(&[1, 2, 3], now);
        assert_eq!((c.read(), c.watermark()), (3, 3));
        assert!(c.gaps().is_empty());
    }

    #[test]
    fn a_hole_stays_open_until_filled_and_holds_the_watermark() {
        let now = Instant::now();
        let mut c = Cursor::resume(0, &[], now);
        c.advance(&[1, 2, 5, 6], now);
        assert_eq!(c.gaps(), vec![(3, 4)]);
        assert_eq!((c.read(), c.watermark()), (6, 2));
        c.fill(&[4]);
        assert_eq!(c.gaps(), vec![(3, 3)]);
        c.fill(&[3]);
        assert!(c.gaps().is_empty());
        assert_eq!(c.watermark(), 6);
    }

    #[test]
    fn filling_the_middle_of_a_gap_splits_it() {
        let now = Instant::now();
        let mut c = Cursor::resume(0, &[], now);
        c.advance(&[10], now);
        c.fill(&[5, 99, 0]);
        assert_eq!(c.gaps(), vec![(1, 4), (6, 9)]);
    }

    #[test]
    fn gaps_are_given_up_after_the_window() {
        let then = Instant::now();
        let mut c = Cursor::resume(0, &[], then);
        c.advance(&[1, 3], then);
        let later = then + Duration::from_secs(5);
        c.advance(&[6], later);
        assert_eq!(c.expire(then + Duration::from_secs(1)), 0);
        assert_eq!(c.expire(then + LATE_WINDOW + Duration::from_secs(1)), 1);
        assert_eq!(c.gaps(), vec![(4, 5)]);
        assert_eq!(c.expire(later + LATE_WINDOW + Duration::from_secs(1)), 2);
        assert_eq!(c.watermark(), 6);
    }

    #[test]
    fn resuming_reopens_holes_below_the_watermark() {
        let now = Instant::now();
        let c = Cursor::resume(100, &[96, 97, 99, 100], now);
        assert_eq!(c.read(), 100);
        assert_eq!(c.gaps().last(), Some(&(98, 98)));
        assert_eq!(c.gaps().first(), Some(&(1, 95)));
        // Nothing below the lookback window is looked at again.
        let c = Cursor::resume(LOOKBACK + 10, &[], now);
        assert_eq!(c.gaps(), vec![(11, LOOKBACK + 10)]);
    }

    #[test]
    fn applying_ahead_moves_neither_the_read_position_nor_the_watermark() {
        let now = Instant::now();
        let mut c = Cursor::resume(0, &[], now);
        c.advance(&[1, 2, 4], now);
        assert_eq!(c.ahead(), 4, "the look-ahead starts after what was read");
        c.applied_ahead(&[90, 120]);
        assert_eq!((c.read(), c.watermark(), c.ahead()), (4, 2, 120));
        assert_eq!(
            c.gaps(),
            vec![(3, 3)],
            "no gap opens below a position applied ahead"
        );
        // The in-order read passes them (applying them again) and the look-ahead follows.
        c.advance(&[5, 90, 119, 120, 121], now);
        assert_eq!((c.read(), c.ahead()), (121, 121));
        assert_eq!(c.gaps(), vec![(3, 3), (6, 89), (91, 118)]);
        c.applied_ahead(&[]);
        assert_eq!(c.ahead(), 121);
    }

    #[test]
    fn old_gaps_are_dropped_beyond_the_cap() {
        let now = Instant::now();
        let mut c = Cursor::resume(0, &[], now);
        let positions: Vec<i64> = (1..=(MAX_GAPS as i64 + 10)).map(|i| i * 2).collect();
        c.advance(&positions, now);
        assert_eq!(c.gaps().len(), MAX_GAPS);
        assert_eq!(c.gaps()[0], (21, 21));
    }
}
