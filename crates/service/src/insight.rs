//! Network insight: what the network holds and what came of it, as aggregates only (no
//! personal data), so public to everyone. Experts are counted as search counts them (active
//! expert accounts, HIDDEN profiles excluded); every figure is an SQL aggregate.

use crate::skills::SkillRecord;
use crate::{Actor, Service, ServiceResult};
use braingain_store::insight;
pub use braingain_store::insight::{CountryTally, NetworkTotals};
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
}
