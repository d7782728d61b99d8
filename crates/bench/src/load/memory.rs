//! The server's memory while the load runs: `/proc/PID/status` read every second (`VmRSS`,
//! `VmHWM`, `RssAnon`), a timeline at a fixed step with the throughput of each step, and the
//! flat-memory rule of the soak test.
//!
//! **Flat memory.** The samples are cut in thirds; the first third is warm-up (caches and
//! index pages fill, allocator arenas grow) and is ignored. Memory is flat when the mean RSS
//! of the last third exceeds the mean of the middle third by less than the allowed growth
//! (10 % by default). A leak that adds a fixed amount per request shows as the last third
//! being larger in proportion to the run; noise and one-off growth early on do not.

use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// One reading of `/proc/PID/status`, in KiB.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// Resident set size (`VmRSS`).
    pub rss_kb: u64,
    /// Peak resident set size of the process's life (`VmHWM`).
    pub hwm_kb: u64,
    /// Anonymous resident memory (`RssAnon`): the heap, without mapped index files.
    pub anon_kb: u64,
}

/// Reads the fields of a `/proc/PID/status` text; `None` without `VmRSS`.
#[must_use]
pub fn parse_status(text: &str) -> Option<Reading> {
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
    };
    Some(Reading {
        rss_kb: field("VmRSS:")?,
        hwm_kb: field("VmHWM:").unwrap_or(0),
        anon_kb: field("RssAnon:").unwrap_or(0),
    })
}

/// A reading taken `at_secs` into the run, with the requests completed by then.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sample {
    /// Seconds since sampling began.
    pub at_secs: f64,
    /// The reading.
    #[serde(flatten)]
    pub reading: Reading,
    /// Requests completed by then.
    #[serde(skip)]
    pub requests: u64,
}

/// The middle and last thirds' means and how much the last exceeds the middle.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Growth {
    /// Mean of the middle third.
    pub middle_mean_kb: f64,
    /// Mean of the last third.
    pub last_mean_kb: f64,
    /// `last / middle − 1` (0.05 is 5 % growth; negative is shrinkage).
    pub ratio: f64,
}

/// Growth between the middle and the last third of `values`; `None` with fewer than three.
#[must_use]
pub fn growth(values: &[f64]) -> Option<Growth> {
    let third = values.len() / 3;
    if third == 0 {
        return None;
    }
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    let middle = mean(&values[third..2 * third]);
    let last = mean(&values[values.len() - third..]);
    Some(Growth {
        middle_mean_kb: middle,
        last_mean_kb: last,
        ratio: if middle > 0.0 {
            last / middle - 1.0
        } else {
            0.0
        },
    })
}

/// The flat-memory rule: `Some(true)` when the last third grew by less than `max_growth`
/// over the middle third, `None` when there are too few samples to say.
#[must_use]
pub fn is_flat(values: &[f64], max_growth: f64) -> Option<bool> {
    growth(values).map(|g| g.ratio < max_growth)
}

/// A point of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimelinePoint {
    /// Seconds into the run.
    pub at_secs: f64,
    /// RSS then.
    pub rss_kb: u64,
    /// Anonymous RSS then.
    pub anon_kb: u64,
    /// Requests per second since the previous point.
    pub rps: f64,
}

/// What the sampling found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemoryReport {
    /// The sampled process.
    pub pid: u32,
    /// Readings taken.
    pub samples: usize,
    /// RSS at the first reading.
    pub first_rss_kb: u64,
    /// Highest RSS read.
    pub peak_rss_kb: u64,
    /// `VmHWM` at the last reading: the process's peak since it started.
    pub hwm_kb: u64,
    /// RSS at the last reading.
    pub last_rss_kb: u64,
    /// One point every `step_secs`.
    pub timeline: Vec<TimelinePoint>,
    /// The timeline's step.
    pub step_secs: u64,
    /// RSS growth, middle third to last third.
    pub rss_growth: Option<Growth>,
    /// The same for anonymous memory.
    pub anon_growth: Option<Growth>,
    /// Largest growth allowed.
    pub max_growth: f64,
    /// The flat-memory rule applied to RSS (`None`: too few samples).
    pub flat: Option<bool>,
}

impl MemoryReport {
    /// The report of `samples` (one a second), with a timeline point every `step_secs`.
    #[must_use]
    pub fn from_samples(pid: u32, samples: &[Sample], step_secs: u64, max_growth: f64) -> Self {
        let rss: Vec<f64> = samples.iter().map(|s| s.reading.rss_kb as f64).collect();
        let anon: Vec<f64> = samples.iter().map(|s| s.reading.anon_kb as f64).collect();
        let step = step_secs.max(1) as f64;
        let mut timeline = Vec::new();
        let (mut prev_at, mut prev_requests) = (0.0, 0);
        for s in samples {
            if s.at_secs + 0.5 >= step * (timeline.len() + 1) as f64 {
                let span = s.at_secs - prev_at;
                timeline.push(TimelinePoint {
                    at_secs: s.at_secs,
                    rss_kb: s.reading.rss_kb,
                    anon_kb: s.reading.anon_kb,
                    rps: if span > 0.0 {
                        (s.requests - prev_requests) as f64 / span
                    } else {
                        0.0
                    },
                });
                (prev_at, prev_requests) = (s.at_secs, s.requests);
            }
        }
        Self {
            pid,
            samples: samples.len(),
            first_rss_kb: samples.first().map_or(0, |s| s.reading.rss_kb),
            peak_rss_kb: samples.iter().map(|s| s.reading.rss_kb).max().unwrap_or(0),
            hwm_kb: samples.last().map_or(0, |s| s.reading.hwm_kb),
            last_rss_kb: samples.last().map_or(0, |s| s.reading.rss_kb),
            timeline,
            step_secs,
            rss_growth: growth(&rss),
            anon_growth: growth(&anon),
            max_growth,
            flat: is_flat(&rss, max_growth),
        }
    }
}

/// Samples a process every second until stopped.
#[derive(Debug)]
pub struct Sampler {
    pid: u32,
    stop: oneshot::Sender<()>,
    task: JoinHandle<Vec<Sample>>,
}

impl Sampler {
    /// Starts sampling `pid` (its first reading now, then one a second); `requests` is the
    /// clients' running count of completed requests (counted from now on).
    ///
    /// # Errors
    /// If `/proc/PID/status` cannot be read now (no such process, or not Linux).
    pub fn start(pid: u32, requests: Arc<AtomicU64>) -> anyhow::Result<Self> {
        let path = PathBuf::from(format!("/proc/{pid}/status"));
        let read = move || {
            std::fs::read_to_string(&path)
                .ok()
                .and_then(|t| parse_status(&t))
        };
        if read().is_none() {
            anyhow::bail!("cannot read the memory of process {pid} (/proc/{pid}/status)");
        }
        let (stop, mut stopped) = oneshot::channel();
        let before = requests.load(Ordering::Relaxed);
        let task = tokio::spawn(async move {
            let started = Instant::now();
            let mut samples = Vec::new();
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                tokio::select! {
                    _ = tick.tick() => {}
                    _ = &mut stopped => break,
                }
                if let Some(reading) = read() {
                    samples.push(Sample {
                        at_secs: started.elapsed().as_secs_f64(),
                        reading,
                        requests: requests.load(Ordering::Relaxed).saturating_sub(before),
                    });
                }
            }
            samples
        });
        Ok(Self { pid, stop, task })
    }

    /// Stops sampling and reports.
    pub async fn finish(self, step_secs: u64, max_growth: f64) -> MemoryReport {
        let _ = self.stop.send(());
        let samples = self.task.await.unwrap_or_default();
        MemoryReport::from_samples(self.pid, &samples, step_secs, max_growth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_fields_are_read_in_kib() {
        let text = "Name:\tbraingain\nVmHWM:\t  204800 kB\nVmRSS:\t  150000 kB\nRssAnon:\t   90000 kB\nRssFile:\t 60000 kB\n";
        assert_eq!(
            parse_status(text),
            Some(Reading {
                rss_kb: 150_000,
                hwm_kb: 204_800,
                anon_kb: 90_000
            })
        );
        assert_eq!(parse_status("Name:\tzombie\n"), None);
    }

    #[test]
    fn memory_that_levels_off_after_warm_up_is_flat() {
        // Warm-up doubles memory in the first third; then it stays within ±3 %.
        let mut values: Vec<f64> = (0..20).map(|i| 100.0 + 5.0 * f64::from(i)).collect();
        values.extend((0..40).map(|i| if i % 2 == 0 { 194.0 } else { 206.0 }));
        assert_eq!(is_flat(&values, 0.10), Some(true));
        let g = growth(&values).unwrap_or_else(|| panic!("enough samples"));
        assert!(g.ratio.abs() < 0.03, "{g:?}");
    }

    #[test]
    fn memory_that_keeps_climbing_is_not_flat() {
        // +1 % of the start every sample: the last third's mean is ~25 % above the middle's.
        let values: Vec<f64> = (0..60).map(|i| 100.0 + f64::from(i)).collect();
        let g = growth(&values).unwrap_or_else(|| panic!("enough samples"));
        assert!((g.middle_mean_kb - 129.5).abs() < 1e-9);
        assert!((g.last_mean_kb - 149.5).abs() < 1e-9);
        assert_eq!(is_flat(&values, 0.10), Some(false));
        assert_eq!(is_flat(&values, 0.20), Some(true));
    }

    #[test]
    fn too_few_samples_say_nothing() {
        assert_eq!(is_flat(&[100.0, 300.0], 0.10), None);
        assert_eq!(is_flat(&[100.0, 100.0, 100.0], 0.10), Some(true));
    }

    #[test]
    fn the_timeline_has_a_point_per_step_with_its_throughput() {
        let samples: Vec<Sample> = (1..=125u32)
            .map(|s| Sample {
                at_secs: f64::from(s),
                reading: Reading {
                    rss_kb: 1000 + u64::from(s),
                    hwm_kb: 2000,
                    anon_kb: 500,
                },
                requests: u64::from(s) * 100,
            })
            .collect();
        let report = MemoryReport::from_samples(7, &samples, 60, 0.10);
        assert_eq!(report.timeline.len(), 2);
        assert!((report.timeline[0].at_secs - 60.0).abs() < 1e-9);
        assert!((report.timeline[1].rps - 100.0).abs() < 1e-9);
        assert_eq!(report.peak_rss_kb, 1125);
        assert_eq!(report.hwm_kb, 2000);
        assert_eq!(report.flat, Some(true));
    }
}
