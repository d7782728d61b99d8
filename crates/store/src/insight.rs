//! Network-wide aggregates for `networkStats`: every figure is one SQL aggregate (`COUNT`,
//! `SUM`, `GROUP BY`) over the indexed status, country and skill columns, so no rows are
//! loaded into memory. The statements are plain SQL valid on SQLite and PostgreSQL; the only
//! values spliced in are the domain's own status literals and an integer limit.

use crate::StoreError;
use braingain_domain::{
    AccountStatus, EngagementStatus, RequestStatus, Role, SkillId, VerificationStatus, Visibility,
};
use sea_orm::{ConnectionTrait, QueryResult, Statement};
use uuid::Uuid;

/// The most countries listed per breakdown.
pub const MAX_COUNTRIES: u64 = 50;

/// The network's headline counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NetworkTotals {
    /// Searchable experts.
    pub experts: i64,
    /// Verified institutions.
    pub institutions: i64,
    /// Requests open for applications.
    pub open_requests: i64,
    /// Completed engagements.
    pub engagements_completed: i64,
    /// Hours given in completed engagements.
    pub hours_given: i64,
}

/// How many searchable experts a country counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryTally {
    /// ISO 3166-1 alpha-2 code, as stored.
    pub country: String,
    /// Experts.
    pub count: i64,
}

/// A skill's demand in live requests against its supply among searchable experts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillGapRow {
    /// The skill.
    pub skill_id: SkillId,
    /// OPEN or `IN_PROGRESS` requests naming it.
    pub demand: i64,
    /// Searchable experts claiming it (level 1 or more).
    pub supply: i64,
}

/// Joins a profile `p` to its account `a`.
const OWNER: &str = "JOIN accounts a ON a.id = p.account_id";

/// The condition on `p` and `a` that makes a profile searchable (an active expert account,
/// not hidden): the same rule as the search index.
fn searchable() -> String {
    format!(
        "a.status = '{active}' AND a.role = '{expert}' AND p.visibility <> '{hidden}'",
        active = AccountStatus::Active.as_str(),
        expert = Role::Expert.as_str(),
        hidden = Visibility::Hidden.as_str(),
    )
}

async fn rows(db: &impl ConnectionTrait, sql: String) -> Result<Vec<QueryResult>, StoreError> {
    let stmt = Statement::from_string(db.get_database_backend(), sql);
    Ok(db.query_all_raw(stmt).await?)
}

/// The headline counts, in one statement.
pub async fn totals(db: &impl ConnectionTrait) -> Result<NetworkTotals, StoreError> {
    let completed = EngagementStatus::Completed.as_str();
    let sql = format!(
        "SELECT \
           (SELECT COUNT(*) FROM expert_profiles p {OWNER} WHERE {experts}) AS experts, \
           (SELECT COUNT(*) FROM institutions WHERE verification = '{verified}') AS institutions, \
           (SELECT COUNT(*) FROM requests WHERE status = '{open}') AS open_requests, \
           (SELECT COUNT(*) FROM engagements WHERE status = '{completed}') \
             AS engagements_completed, \
           (SELECT COALESCE(SUM(hours_given), 0) FROM engagements \
             WHERE status = '{completed}') AS hours_given",
        experts = searchable(),
        verified = VerificationStatus::Verified.as_str(),
        open = RequestStatus::Open.as_str(),
    );
    let Some(row) = rows(db, sql).await?.into_iter().next() else {
        return Ok(NetworkTotals::default());
    };
    Ok(NetworkTotals {
        experts: row.try_get("", "experts")?,
        institutions: row.try_get("", "institutions")?,
        open_requests: row.try_get("", "open_requests")?,
        engagements_completed: row.try_get("", "engagements_completed")?,
        hours_given: row.try_get("", "hours_given")?,
    })
}

async fn tallies(db: &impl ConnectionTrait, sql: String) -> Result<Vec<CountryTally>, StoreError> {
    rows(db, sql)
        .await?
        .into_iter()
        .map(|row| {
            Ok(CountryTally {
                country: row.try_get("", "country")?,
                count: row.try_get("", "n")?,
            })
        })
        .collect()
}

/// Searchable experts per country of residence, most first (then by code), top
/// [`MAX_COUNTRIES`].
pub async fn experts_by_residence(
    db: &impl ConnectionTrait,
) -> Result<Vec<CountryTally>, StoreError> {
    let sql = format!(
        "SELECT p.residence_country AS country, COUNT(*) AS n \
         FROM expert_profiles p {OWNER} WHERE {experts} \
         GROUP BY p.residence_country ORDER BY n DESC, country ASC LIMIT {MAX_COUNTRIES}",
        experts = searchable(),
    );
    tallies(db, sql).await
}

/// Searchable experts per country of origin (an expert counts once in each of their
/// countries), most first (then by code), top [`MAX_COUNTRIES`].
pub async fn experts_by_origin(db: &impl ConnectionTrait) -> Result<Vec<CountryTally>, StoreError> {
    let sql = format!(
        "SELECT o.country AS country, COUNT(*) AS n \
         FROM expert_origins o JOIN expert_profiles p ON p.id = o.profile_id {OWNER} \
         WHERE {experts} \
         GROUP BY o.country ORDER BY n DESC, country ASC LIMIT {MAX_COUNTRIES}",
        experts = searchable(),
    );
    tallies(db, sql).await
}

/// Skills named by OPEN or `IN_PROGRESS` requests: how many such requests name each, and
/// how many searchable experts claim it, largest shortfall (demand − supply) first, then
/// by demand; at most `limit`.
pub async fn skill_gaps(
    db: &impl ConnectionTrait,
    limit: u64,
) -> Result<Vec<SkillGapRow>, StoreError> {
    let sql = format!(
        "WITH demand AS ( \
           SELECT rs.skill_id AS skill_id, COUNT(DISTINCT rs.request_id) AS demand \
           FROM request_skills rs JOIN requests r ON r.id = rs.request_id \
           WHERE r.status IN ('{open}', '{in_progress}') \
           GROUP BY rs.skill_id \
         ), supply AS ( \
           SELECT s.skill_id AS skill_id, COUNT(*) AS supply \
           FROM expert_skills s JOIN expert_profiles p ON p.id = s.profile_id {OWNER} \
           WHERE {experts} AND s.level >= 1 AND s.skill_id IN (SELECT skill_id FROM demand) \
           GROUP BY s.skill_id \
         ) \
         SELECT d.skill_id AS skill_id, d.demand AS demand, \
                COALESCE(u.supply, 0) AS supply \
         FROM demand d LEFT JOIN supply u ON u.skill_id = d.skill_id \
         ORDER BY d.demand - COALESCE(u.supply, 0) DESC, d.demand DESC, d.skill_id ASC \
         LIMIT {limit}",
        open = RequestStatus::Open.as_str(),
        in_progress = RequestStatus::InProgress.as_str(),
        experts = searchable(),
    );
    rows(db, sql)
        .await?
        .into_iter()
        .map(|row| {
            let id: Uuid = row.try_get("", "skill_id")?;
            Ok(SkillGapRow {
                skill_id: SkillId(id),
                demand: row.try_get("", "demand")?,
                supply: row.try_get("", "supply")?,
            })
        })
        .collect()
}

/// When an engagement began and, if it was completed, when and with how many hours: the
/// raw points of the activity-over-time series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngagementPoint {
    /// When it was started (an application or an invitation).
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When it was recorded as done, for completed engagements.
    pub completed_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Hours given, for completed engagements.
    pub hours_given: Option<i32>,
}

/// Engagements started or completed at or after `since` (only the three columns the
/// series needs are read, through the `created_at` and status indexes).
pub async fn engagement_points(
    db: &impl ConnectionTrait,
    since: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<EngagementPoint>, StoreError> {
    use crate::entities::engagement;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Condition};
    type Row = (
        chrono::DateTime<chrono::Utc>,
        Option<chrono::DateTime<chrono::Utc>>,
        Option<i32>,
    );
    let rows: Vec<Row> = engagement::Entity::find()
        .select_only()
        .column(engagement::Column::CreatedAt)
        .column(engagement::Column::CompletedAt)
        .column(engagement::Column::HoursGiven)
        .filter(
            Condition::any()
                .add(engagement::Column::CreatedAt.gte(since))
                .add(engagement::Column::CompletedAt.gte(since)),
        )
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(created_at, completed_at, hours_given)| EngagementPoint {
            created_at,
            completed_at,
            hours_given,
        })
        .collect())
}
