//! Network insight: what the network holds and what came of it, as aggregates only (no
//! personal data), so public to everyone. Experts are counted as search counts them (active
//! expert accounts, HIDDEN profiles excluded); every figure is an SQL aggregate.

use crate::skills::SkillRecord;
use crate::{Actor, Service, ServiceResult};
use braingain_store::insight;
pub use braingain_store::insight::{CountryTally, NetworkTotals};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::HashMap;
use std::sync::Arc;

/// The most skill gaps listed at once.
pub const MAX_SKILL_GAPS: i32 = 100;

/// The network's figures (skill gaps are asked for separately, see [`Service::skill_gaps`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkStats {
    /// Headline counts.
    pub totals: NetworkTotals,
    /// Experts per country of residence, most first.
    pub by_residence: Vec<CountryTally>,
    /// Experts per country of origin, most first.
    pub by_origin: Vec<CountryTally>,
}

/// The most months an activity series covers.
pub const MAX_ACTIVITY_MONTHS: i32 = 60;

/// What happened in one calendar month (UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthActivity {
    /// The month's first day.
    pub month: NaiveDate,
    /// Engagements started (applications and invitations).
    pub started: i64,
    /// Engagements recorded as done.
    pub completed: i64,
    /// Hours given in the engagements completed that month.
    pub hours_given: i64,
}

/// A skill asked for in live requests against the experts offering it.
#[derive(Debug, Clone)]
pub struct SkillGap {
    /// The skill.
    pub skill: Arc<SkillRecord>,
    /// OPEN or `IN_PROGRESS` requests naming it.
    pub demand: i64,
    /// Searchable experts claiming it.
    pub supply: i64,
}

impl Service {
    /// The network's counts and country breakdowns. Public: aggregates only.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn network_stats(&self, _actor: &Actor) -> ServiceResult<NetworkStats> {
        let db = self.store().conn();
        Ok(NetworkStats {
            totals: insight::totals(db).await?,
            by_residence: insight::experts_by_residence(db).await?,
            by_origin: insight::experts_by_origin(db).await?,
        })
    }

    /// The skills most asked for by OPEN and `IN_PROGRESS` requests against how many
    /// searchable experts offer them, the largest shortfall first; `first` is clamped to
    /// 1..=[`MAX_SKILL_GAPS`]. Public: aggregates only.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn skill_gaps(&self, _actor: &Actor, first: i32) -> ServiceResult<Vec<SkillGap>> {
        let limit = u64::try_from(first.clamp(1, MAX_SKILL_GAPS)).unwrap_or(20);
        let rows = insight::skill_gaps(self.store().conn(), limit).await?;
        let ids: Vec<_> = rows.iter().map(|r| r.skill_id).collect();
        let skills: HashMap<_, _> = self
            .skills_by_id(&ids)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                skills.get(&r.skill_id).map(|skill| SkillGap {
                    skill: skill.clone(),
                    demand: r.demand,
                    supply: r.supply,
                })
            })
            .collect())
    }

    /// Engagements started and completed, and hours given, per calendar month (UTC) for
    /// the last `months` months up to and including the current one, oldest first, months
    /// without activity included as zeros; `months` is clamped to
    /// 1..=[`MAX_ACTIVITY_MONTHS`]. Public: aggregates only.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn engagement_activity(
        &self,
        _actor: &Actor,
        months: i32,
    ) -> ServiceResult<Vec<MonthActivity>> {
        let firsts = month_starts(self.now(), months.clamp(1, MAX_ACTIVITY_MONTHS));
        let since = firsts[0].and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        let points = insight::engagement_points(self.store().conn(), since).await?;
        Ok(tally_months(&firsts, &points))
    }
}

/// The first days of the `months` calendar months ending with the one holding `now`.
fn month_starts(now: DateTime<Utc>, months: i32) -> Vec<NaiveDate> {
    let current = now.year() * 12 + i32::try_from(now.month0()).unwrap_or(0);
    (current - months + 1..=current)
        .filter_map(|m| {
            let month = u32::try_from(m.rem_euclid(12)).ok()? + 1;
            NaiveDate::from_ymd_opt(m.div_euclid(12), month, 1)
        })
        .collect()
}

fn month_of(at: DateTime<Utc>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(at.year(), at.month(), 1)
}

fn tally_months(firsts: &[NaiveDate], points: &[insight::EngagementPoint]) -> Vec<MonthActivity> {
    let mut out: Vec<MonthActivity> = firsts
        .iter()
        .map(|&month| MonthActivity {
            month,
            started: 0,
            completed: 0,
            hours_given: 0,
        })
        .collect();
    let slot = |at: DateTime<Utc>| month_of(at).and_then(|m| firsts.binary_search(&m).ok());
    for point in points {
        if let Some(i) = slot(point.created_at) {
            out[i].started += 1;
        }
        if let Some(i) = point.completed_at.and_then(slot) {
            out[i].completed += 1;
            out[i].hours_given += i64::from(point.hours_given.unwrap_or(0));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    #[test]
    fn month_starts_cross_a_year_boundary() {
        let firsts = month_starts(at(2026, 2, 15), 4);
        let expected: Vec<_> = [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]
            .iter()
            .map(|&(y, m)| NaiveDate::from_ymd_opt(y, m, 1).unwrap())
            .collect();
        assert_eq!(firsts, expected);
    }

    #[test]
    fn points_fall_in_their_months_and_old_ones_are_left_out() {
        let firsts = month_starts(at(2026, 11, 27), 3);
        let points = [
            insight::EngagementPoint {
                created_at: at(2026, 9, 3),
                completed_at: Some(at(2026, 11, 2)),
                hours_given: Some(12),
            },
            insight::EngagementPoint {
                created_at: at(2026, 6, 1),
                completed_at: Some(at(2026, 10, 30)),
                hours_given: Some(5),
            },
            insight::EngagementPoint {
                created_at: at(2026, 11, 1),
                completed_at: None,
                hours_given: None,
            },
        ];
        let series = tally_months(&firsts, &points);
        let figures: Vec<_> = series
            .iter()
            .map(|m| (m.started, m.completed, m.hours_given))
            .collect();
        assert_eq!(figures, vec![(1, 0, 0), (0, 1, 5), (1, 1, 12)]);
    }
}
