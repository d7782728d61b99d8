//! `NetworkStats`, `CountryCount` and `SkillGap`.

use super::skill::Skill;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use async_graphql::{Context, Object, Result, SimpleObject};
use braingain_service::insight::{self, CountryTally};

/// Saturates a count into GraphQL's 32-bit `Int`.
fn int(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// How many experts a country counts.
#[derive(SimpleObject)]
pub struct CountryCount {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// Experts.
    pub count: i32,
}

impl From<CountryTally> for CountryCount {
    fn from(t: CountryTally) -> Self {
        Self {
            country: t.country,
            count: int(t.count),
        }
    }
}

/// A skill asked for in live requests against the experts who offer it.
#[derive(SimpleObject)]
pub struct SkillGap {
    /// The skill.
    pub skill: Skill,
    /// OPEN or `IN_PROGRESS` requests naming it.
    pub demand: i32,
    /// Searchable experts claiming it.
    pub supply: i32,
}

/// What happened in the network in one calendar month (UTC).
#[derive(SimpleObject)]
pub struct MonthActivity {
    /// The month, as `YYYY-MM`.
    pub month: String,
    /// Engagements started that month (applications and invitations).
    pub engagements_started: i32,
    /// Engagements recorded as done that month.
    pub engagements_completed: i32,
    /// Hours given in the engagements completed that month.
    pub hours_given: i32,
}

/// What the network holds and what came of it: aggregates only.
pub struct NetworkStats(pub insight::NetworkStats);

#[Object]
impl NetworkStats {
    /// Searchable experts (active expert accounts; hidden profiles are not counted).
    async fn experts(&self) -> i32 {
        int(self.0.totals.experts)
    }
    /// Verified institutions.
    async fn institutions(&self) -> i32 {
        int(self.0.totals.institutions)
    }
    /// Requests open for applications.
    async fn open_requests(&self) -> i32 {
        int(self.0.totals.open_requests)
    }
    /// Completed engagements.
    async fn engagements_completed(&self) -> i32 {
        int(self.0.totals.engagements_completed)
    }
    /// Hours given in completed engagements.
    async fn hours_given(&self) -> i32 {
        int(self.0.totals.hours_given)
    }
    /// Experts per country of residence, most first (top 50).
    async fn experts_by_residence(&self) -> Vec<CountryCount> {
        self.0
            .by_residence
            .iter()
            .cloned()
            .map(CountryCount::from)
            .collect()
    }
    /// Experts per country of origin, most first (top 50).
    async fn experts_by_origin(&self) -> Vec<CountryCount> {
        self.0
            .by_origin
            .iter()
            .cloned()
            .map(CountryCount::from)
            .collect()
    }
    /// Skills asked for by OPEN and `IN_PROGRESS` requests against how many experts offer
    /// them, the largest shortfall (demand − supply) first; `first` is 1 to 100.
    async fn skill_gaps(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(20)")] first: Option<i32>,
    ) -> Result<Vec<SkillGap>> {
        let (service, request) = parts(ctx)?;
        Ok(service
            .skill_gaps(actor(request)?, first.unwrap_or(20))
            .await
            .gql()?
            .into_iter()
            .map(|g| SkillGap {
                skill: Skill(g.skill),
                demand: int(g.demand),
                supply: int(g.supply),
            })
            .collect())
    }
    /// Engagements started and completed, and hours given, per calendar month (UTC) over
    /// the last `months` months (1 to 60) up to the current one, oldest first; months
    /// without activity are listed with zeros.
    async fn activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(12)")] months: Option<i32>,
    ) -> Result<Vec<MonthActivity>> {
        let (service, request) = parts(ctx)?;
        Ok(service
            .engagement_activity(actor(request)?, months.unwrap_or(12))
            .await
            .gql()?
            .into_iter()
            .map(|m| MonthActivity {
                month: m.month.format("%Y-%m").to_string(),
                engagements_started: int(m.started),
                engagements_completed: int(m.completed),
                hours_given: int(m.hours_given),
            })
            .collect())
    }
}
