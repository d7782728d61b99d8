//! `SplitMix64`, a tiny deterministic generator: a seed gives the same network on every machine
//! and Rust version, and each generated item has its own stream ([`Rng::for_item`]), so items
//! can be generated in any order, in parallel, and still come out the same.

/// 64 bits of state; passes `BigCrush`; plenty for sampling a synthetic network.
#[derive(Debug, Clone)]
pub struct Rng(u64);

/// Mixes a 64-bit value (the `SplitMix64` finaliser).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Rng {
    /// The generator of item `item` of kind `stream` (experts, institutions, …) for `seed`.
    #[must_use]
    pub fn for_item(seed: u64, stream: u64, item: u64) -> Self {
        Self(mix(mix(
            seed ^ mix(stream.wrapping_add(0x9e37_79b9_7f4a_7c15))
        ) ^ item))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// A number in `0..n` (0 when `n` is 0); the modulo bias is far below what matters here.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next_u64() % n as u64).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A random element (`None` for an empty slice).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// An element drawn with the given weights (`None` if empty or all weights are 0).
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, f64)]) -> Option<&'a T> {
        let total: f64 = items.iter().map(|(_, w)| w.max(0.0)).sum();
        if total <= 0.0 {
            return None;
        }
        let mut ticket = self.unit() * total;
        for (item, w) in items {
            ticket -= w.max(0.0);
            if ticket < 0.0 {
                return Some(item);
            }
        }
        items.last().map(|(item, _)| item)
    }

    /// Shuffles in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Draws from fixed weights in O(log n): the cumulative weights, searched by bisection.
#[derive(Debug, Clone, Default)]
pub struct Cumulative(Vec<f64>);

impl Cumulative {
    /// From the weights in order (negative ones count as 0).
    #[must_use]
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut total = 0.0;
        Self(
            weights
                .into_iter()
                .map(|w| {
                    total += w.max(0.0);
                    total
                })
                .collect(),
        )
    }

    /// An index drawn with its weight's probability (`None` when every weight is 0).
    pub fn draw(&self, rng: &mut Rng) -> Option<usize> {
        let total = *self.0.last()?;
        if total <= 0.0 {
            return None;
        }
        let ticket = rng.unit() * total;
        Some(
            self.0
                .partition_point(|&c| c <= ticket)
                .min(self.0.len() - 1),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_have_independent_reproducible_streams() {
        let draw = |seed, stream, item| {
            let mut r = Rng::for_item(seed, stream, item);
            [r.next_u64(), r.next_u64()]
        };
        assert_eq!(draw(42, 1, 7), draw(42, 1, 7));
        assert_ne!(draw(42, 1, 7), draw(42, 1, 8));
        assert_ne!(draw(42, 1, 7), draw(42, 2, 7));
        assert_ne!(draw(42, 1, 7), draw(43, 1, 7));
        let mut r = Rng::for_item(1, 1, 1);
        assert!((0..1000).all(|_| (3..=8).contains(&r.range(3, 8))));
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn weighted_draws_follow_their_weights() {
        let mut r = Rng::for_item(7, 0, 0);
        let cumulative = Cumulative::new([1.0, 0.0, 3.0]);
        let mut counts = [0usize; 3];
        for _ in 0..4000 {
            counts[cumulative.draw(&mut r).unwrap()] += 1;
        }
        assert_eq!(counts[1], 0);
        assert!((800..1200).contains(&counts[0]), "{counts:?}");
        let items = [("a", 0.0), ("b", 1.0)];
        assert!((0..100).all(|_| r.weighted(&items) == Some(&"b")));
        assert_eq!(Cumulative::new([0.0]).draw(&mut r), None);
    }
}
