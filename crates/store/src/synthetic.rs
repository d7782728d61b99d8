//! Row writers for the synthetic network (`braingain seed --experts …`): on SQLite, multi-row
//! `INSERT … VALUES (…), (…)` statements as large as the engine allows; on PostgreSQL,
//! `INSERT … SELECT … FROM UNNEST($1::uuid[], $2::text[], …)` with one array parameter per
//! column, so a statement of ten thousand rows is as cheap to parse and plan as one of a
//! single row. The ids, times and states are those the generator chose, and no change events
//! are written (the seeding builds the search index in bulk afterwards).
//!
//! The rows are those the ordinary writers produce ([`crate::accounts::insert`],
//! [`crate::profiles::save`], [`crate::institutions::create`], [`crate::requests::create`]),
//! with the values the generator chose for what those writers fix (status, verification,
//! timestamps). Values are bound exactly as the entities bind them, so the rows read back
//! through the entities unchanged.

use crate::StoreError;
use braingain_domain::institution::ValidInstitution;
use braingain_domain::profile::ValidProfile;
use braingain_domain::request::ValidRequest;
use braingain_domain::{
    AccountId, AccountStatus, InstitutionId, LanguageCode, ProfileId, RequestId, RequestStatus,
    Role, VerificationStatus,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::ArrayType;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use uuid::Uuid;

/// Bind parameters per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535).
const MAX_PARAMS: usize = 30_000;

/// A seeded account.
#[derive(Debug, Clone)]
pub struct SeedAccount {
    /// Id.
    pub id: AccountId,
    /// Normalised email.
    pub email: String,
    /// The shared argon2id hash of the documented seed password.
    pub password_hash: String,
    /// Name shown to others.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Status.
    pub status: AccountStatus,
    /// When the address was confirmed.
    pub email_verified_at: Option<DateTime<Utc>>,
    /// Last activity.
    pub last_active_at: Option<DateTime<Utc>>,
    /// Creation time (also the last change).
    pub created_at: DateTime<Utc>,
}

/// A seeded expert profile.
#[derive(Debug, Clone)]
pub struct SeedProfile {
    /// Id.
    pub id: ProfileId,
    /// Owner.
    pub account: AccountId,
    /// Content.
    pub profile: ValidProfile,
    /// Verified by a moderator.
    pub verified: bool,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// A moderator's decision on a seeded institution or request.
#[derive(Debug, Clone)]
pub struct SeedReview {
    /// The moderator.
    pub by: AccountId,
    /// When.
    pub at: DateTime<Utc>,
    /// Their reason.
    pub reason: Option<String>,
}

/// A seeded institution with its staff (the first member created it).
#[derive(Debug, Clone)]
pub struct SeedInstitution {
    /// Id.
    pub id: InstitutionId,
    /// Content.
    pub institution: ValidInstitution,
    /// Where it stands with the moderators.
    pub verification: VerificationStatus,
    /// The last review, unless PENDING.
    pub review: Option<SeedReview>,
    /// Staff accounts, creator first.
    pub staff: Vec<AccountId>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// A seeded request.
#[derive(Debug, Clone)]
pub struct SeedRequest {
    /// Id.
    pub id: RequestId,
    /// The institution asking.
    pub institution: InstitutionId,
    /// The member who wrote it.
    pub created_by: AccountId,
    /// Content.
    pub request: ValidRequest,
    /// Lifecycle status.
    pub status: RequestStatus,
    /// The last moderator review, if it went through one.
    pub review: Option<SeedReview>,
    /// When it was last submitted, if it was.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// Rows per `UNNEST` statement on PostgreSQL.
const PG_ROWS: usize = 10_000;

/// A column's type, for PostgreSQL's array parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Uuid,
    Text,
    Int,
    SmallInt,
    Bool,
    Time,
    Date,
}

/// A column: name, type, and whether it may be NULL.
#[derive(Debug, Clone, Copy)]
struct Col(&'static str, Kind, bool);

const fn col(name: &'static str, kind: Kind) -> Col {
    Col(name, kind, false)
}

const fn nullable(name: &'static str, kind: Kind) -> Col {
    Col(name, kind, true)
}

impl Kind {
    fn pg_array(self) -> (&'static str, ArrayType) {
        match self {
            Kind::Uuid => ("uuid[]", ArrayType::Uuid),
            Kind::Text => ("text[]", ArrayType::String),
            Kind::Int => ("int4[]", ArrayType::Int),
            Kind::SmallInt => ("int2[]", ArrayType::SmallInt),
            Kind::Bool => ("bool[]", ArrayType::Bool),
            Kind::Time => ("timestamptz[]", ArrayType::ChronoDateTimeUtc),
            Kind::Date => ("date[]", ArrayType::ChronoDate),
        }
    }

    /// What stands for NULL inside an array (arrays are bound without NULL elements), and
    /// its SQL literal for `NULLIF`. None of these is a value the generator produces.
    fn null_stand_in(self) -> (Value, &'static str) {
        let epoch = DateTime::<Utc>::UNIX_EPOCH;
        match self {
            Kind::Uuid => (
                Value::from(Uuid::nil()),
                "'00000000-0000-0000-0000-000000000000'::uuid",
            ),
            Kind::Text => (Value::from(""), "''"),
            Kind::Int => (Value::from(i32::MIN), "(-2147483648)::int4"),
            Kind::SmallInt => (Value::from(i16::MIN), "(-32768)::int2"),
            Kind::Bool => (Value::from(false), "NULL"),
            Kind::Time => (Value::from(epoch), "'1970-01-01 00:00:00+00'::timestamptz"),
            Kind::Date => (Value::from(epoch.date_naive()), "'1970-01-01'::date"),
        }
    }
}

/// Writes `rows` into `table`: `values` pushes one row's values, in `columns` order.
async fn insert_rows<R>(
    db: &impl ConnectionTrait,
    table: &str,
    columns: &[Col],
    rows: &[R],
    values: impl Fn(&R, &mut Vec<Value>),
) -> Result<(), StoreError> {
    let backend = db.get_database_backend();
    let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
    let per_statement = match backend {
        DbBackend::Postgres => PG_ROWS,
        _ => (MAX_PARAMS / columns.len().max(1)).max(1),
    };
    for chunk in rows.chunks(per_statement) {
        let mut bound = Vec::with_capacity(chunk.len() * columns.len());
        for row in chunk {
            values(row, &mut bound);
        }
        let (sql, bound) = match backend {
            DbBackend::Postgres => (unnest_statement(table, columns), by_column(columns, bound)),
            _ => (statement(backend, table, &names, chunk.len()), bound),
        };
        db.execute_raw(Statement::from_sql_and_values(backend, sql, bound))
            .await?;
    }
    Ok(())
}

/// Row-major values to one array per column, NULLs replaced by their stand-ins.
fn by_column(columns: &[Col], values: Vec<Value>) -> Vec<Value> {
    let width = columns.len().max(1);
    let mut arrays: Vec<Vec<Value>> = (0..width)
        .map(|_| Vec::with_capacity(values.len() / width))
        .collect();
    for (i, value) in values.into_iter().enumerate() {
        let value = if !value.is_some() {
            columns[i % width].1.null_stand_in().0
        } else {
            value
        };
        arrays[i % width].push(value);
    }
    arrays
        .into_iter()
        .zip(columns)
        .map(|(array, column)| Value::Array(column.1.pg_array().1, Some(Box::new(array))))
        .collect()
}

/// `INSERT INTO table (…) SELECT u.c1, NULLIF(u.c2, …), … FROM UNNEST($1::uuid[], …) AS
/// u(c1, …)`.
fn unnest_statement(table: &str, columns: &[Col]) -> String {
    let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
    let select: Vec<String> = columns
        .iter()
        .map(|Col(name, kind, null)| {
            if *null {
                format!("NULLIF(u.{name}, {})", kind.null_stand_in().1)
            } else {
                format!("u.{name}")
            }
        })
        .collect();
    let arrays: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("${}::{}", i + 1, c.1.pg_array().0))
        .collect();
    format!(
        "INSERT INTO {table} ({names}) SELECT {select} FROM UNNEST({arrays}) AS u({names})",
        names = names.join(", "),
        select = select.join(", "),
        arrays = arrays.join(", "),
    )
}

/// `INSERT INTO table (columns) VALUES (…), …` with `rows` rows of placeholders.
fn statement(backend: DbBackend, table: &str, columns: &[&str], rows: usize) -> String {
    use std::fmt::Write as _;
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut n = 0;
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns.len() {
            if column > 0 {
                sql.push_str(", ");
            }
            n += 1;
            match backend {
                DbBackend::Postgres => {
                    let _ = write!(sql, "${n}");
                }
                _ => sql.push('?'),
            }
        }
        sql.push(')');
    }
    sql
}

fn json<T: serde::Serialize>(value: &T) -> Value {
    crate::profiles::json(value).into()
}

/// Inserts accounts (all new).
pub async fn insert_accounts(
    db: &impl ConnectionTrait,
    accounts: &[SeedAccount],
) -> Result<(), StoreError> {
    const COLUMNS: [Col; 10] = [
        col("id", Kind::Uuid),
        col("email", Kind::Text),
        nullable("password_hash", Kind::Text),
        col("display_name", Kind::Text),
        col("role", Kind::Text),
        col("status", Kind::Text),
        nullable("email_verified_at", Kind::Time),
        nullable("last_active_at", Kind::Time),
        col("created_at", Kind::Time),
        col("updated_at", Kind::Time),
    ];
    insert_rows(db, "accounts", &COLUMNS, accounts, |a, v| {
        v.extend([
            a.id.0.into(),
            a.email.clone().into(),
            Some(a.password_hash.clone()).into(),
            a.display_name.clone().into(),
            a.role.as_str().into(),
            a.status.as_str().into(),
            a.email_verified_at.into(),
            a.last_active_at.into(),
            a.created_at.into(),
            a.created_at.into(),
        ]);
    })
    .await
}

/// Inserts expert profiles with their skills (in the expert's order) and origin countries.
/// Every skill must be a taxonomy skill already stored.
pub async fn insert_profiles(
    db: &impl ConnectionTrait,
    profiles: &[SeedProfile],
) -> Result<(), StoreError> {
    const PROFILE: [Col; 15] = [
        col("id", Kind::Uuid),
        col("account_id", Kind::Uuid),
        col("headline", Kind::Text),
        col("bio", Kind::Text),
        col("residence_country", Kind::Text),
        nullable("residence_city", Kind::Text),
        col("languages", Kind::Text),
        col("engagement_types", Kind::Text),
        col("work_modes", Kind::Text),
        nullable("hours_per_month", Kind::Int),
        nullable("orcid", Kind::Text),
        col("visibility", Kind::Text),
        col("verified", Kind::Bool),
        col("created_at", Kind::Time),
        col("updated_at", Kind::Time),
    ];
    insert_rows(db, "expert_profiles", &PROFILE, profiles, |s, v| {
        let p = &s.profile;
        v.extend([
            s.id.0.into(),
            s.account.0.into(),
            p.headline.clone().into(),
            p.bio.clone().into(),
            p.residence_country.as_str().into(),
            p.residence_city.clone().into(),
            crate::profiles::languages_json(&p.languages).into(),
            json(&p.engagement_types),
            json(&p.work_modes),
            p.hours_per_month.into(),
            p.orcid.as_ref().map(|o| o.as_str().to_owned()).into(),
            p.visibility.as_str().into(),
            s.verified.into(),
            s.created_at.into(),
            s.updated_at.into(),
        ]);
    })
    .await?;
    let skills: Vec<(ProfileId, i16, &braingain_domain::profile::SkillClaim)> = profiles
        .iter()
        .flat_map(|s| {
            s.profile
                .skills
                .iter()
                .enumerate()
                .map(move |(i, c)| (s.id, i16::try_from(i).unwrap_or(i16::MAX), c))
        })
        .collect();
    const SKILL: [Col; 5] = [
        col("profile_id", Kind::Uuid),
        col("skill_id", Kind::Uuid),
        col("position", Kind::SmallInt),
        col("level", Kind::SmallInt),
        nullable("years", Kind::SmallInt),
    ];
    insert_rows(db, "expert_skills", &SKILL, &skills, |(id, i, c), v| {
        v.extend([
            id.0.into(),
            c.skill.id().0.into(),
            (*i).into(),
            i16::from(c.level).into(),
            c.years.map(i16::from).into(),
        ]);
    })
    .await?;
    let origins: Vec<(ProfileId, &str)> = profiles
        .iter()
        .flat_map(|s| {
            s.profile
                .origin_countries
                .iter()
                .map(move |c| (s.id, c.as_str()))
        })
        .collect();
    insert_rows(
        db,
        "expert_origins",
        &[col("profile_id", Kind::Uuid), col("country", Kind::Text)],
        &origins,
        |(id, c), v| v.extend([id.0.into(), (*c).into()]),
    )
    .await
}

/// Inserts institutions and their staff memberships.
pub async fn insert_institutions(
    db: &impl ConnectionTrait,
    institutions: &[SeedInstitution],
) -> Result<(), StoreError> {
    const COLUMNS: [Col; 14] = [
        col("id", Kind::Uuid),
        col("name", Kind::Text),
        col("kind", Kind::Text),
        col("country", Kind::Text),
        nullable("city", Kind::Text),
        nullable("website", Kind::Text),
        col("description", Kind::Text),
        col("verification", Kind::Text),
        nullable("review_reason", Kind::Text),
        nullable("reviewed_by", Kind::Uuid),
        nullable("reviewed_at", Kind::Time),
        nullable("created_by", Kind::Uuid),
        col("created_at", Kind::Time),
        col("updated_at", Kind::Time),
    ];
    insert_rows(db, "institutions", &COLUMNS, institutions, |s, v| {
        let i = &s.institution;
        let review = s.review.as_ref();
        v.extend([
            s.id.0.into(),
            i.name.clone().into(),
            i.kind.as_str().into(),
            i.country.as_str().into(),
            i.city.clone().into(),
            i.website.clone().into(),
            i.description.clone().into(),
            s.verification.as_str().into(),
            review.and_then(|r| r.reason.clone()).into(),
            review.map(|r| r.by.0).into(),
            review.map(|r| r.at).into(),
            s.staff.first().map(|a| a.0).into(),
            s.created_at.into(),
            review.map_or(s.created_at, |r| r.at).into(),
        ]);
    })
    .await?;
    let members: Vec<(InstitutionId, AccountId, DateTime<Utc>)> = institutions
        .iter()
        .flat_map(|s| s.staff.iter().map(move |a| (s.id, *a, s.created_at)))
        .collect();
    insert_rows(
        db,
        "institution_members",
        &[
            col("institution_id", Kind::Uuid),
            col("account_id", Kind::Uuid),
            col("created_at", Kind::Time),
        ],
        &members,
        |(i, a, at), v| v.extend([i.0.into(), a.0.into(), (*at).into()]),
    )
    .await
}

/// Inserts requests with their skill requirements.
pub async fn insert_requests(
    db: &impl ConnectionTrait,
    requests: &[SeedRequest],
) -> Result<(), StoreError> {
    const COLUMNS: [Col; 18] = [
        col("id", Kind::Uuid),
        col("institution_id", Kind::Uuid),
        col("kind", Kind::Text),
        col("title", Kind::Text),
        col("description", Kind::Text),
        col("languages", Kind::Text),
        col("work_modes", Kind::Text),
        nullable("hours_per_month", Kind::Int),
        nullable("starts_on", Kind::Date),
        nullable("ends_on", Kind::Date),
        col("status", Kind::Text),
        nullable("review_reason", Kind::Text),
        nullable("reviewed_by", Kind::Uuid),
        nullable("reviewed_at", Kind::Time),
        nullable("created_by", Kind::Uuid),
        col("created_at", Kind::Time),
        col("updated_at", Kind::Time),
        nullable("submitted_at", Kind::Time),
    ];
    insert_rows(db, "requests", &COLUMNS, requests, |s, v| {
        let r = &s.request;
        let review = s.review.as_ref();
        let languages: Vec<&str> = r.languages.iter().map(LanguageCode::as_str).collect();
        v.extend([
            s.id.0.into(),
            s.institution.0.into(),
            r.kind.as_str().into(),
            r.title.clone().into(),
            r.description.clone().into(),
            json(&languages),
            json(&r.work_modes),
            r.hours_per_month.into(),
            r.starts_on.into(),
            r.ends_on.into(),
            s.status.as_str().into(),
            review.and_then(|r| r.reason.clone()).into(),
            review.map(|r| r.by.0).into(),
            review.map(|r| r.at).into(),
            Some(s.created_by.0).into(),
            s.created_at.into(),
            s.updated_at.into(),
            s.submitted_at.into(),
        ]);
    })
    .await?;
    let skills: Vec<(RequestId, i16, &braingain_domain::request::SkillRequirement)> = requests
        .iter()
        .flat_map(|s| {
            s.request
                .skills
                .iter()
                .enumerate()
                .map(move |(i, r)| (s.id, i16::try_from(i).unwrap_or(i16::MAX), r))
        })
        .collect();
    const SKILL: [Col; 5] = [
        col("request_id", Kind::Uuid),
        col("skill_id", Kind::Uuid),
        col("position", Kind::SmallInt),
        col("min_level", Kind::SmallInt),
        col("required", Kind::Bool),
    ];
    insert_rows(db, "request_skills", &SKILL, &skills, |(id, i, r), v| {
        v.extend([
            id.0.into(),
            r.skill.id().0.into(),
            (*i).into(),
            i16::from(r.min_level).into(),
            r.required.into(),
        ]);
    })
    .await
}

/// How many accounts have an address outside `domain` (`seed.example`): accounts a seeding
/// did not create.
pub async fn count_accounts_outside(
    db: &impl ConnectionTrait,
    domain: &str,
) -> Result<u64, StoreError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "SELECT COUNT(*) AS n FROM accounts WHERE email NOT LIKE $1",
        _ => "SELECT COUNT(*) AS n FROM accounts WHERE email NOT LIKE ?",
    };
    let pattern = format!("%@{domain}");
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [pattern.into()],
        ))
        .await?;
    let n: i64 = row.map(|r| r.try_get("", "n")).transpose()?.unwrap_or(0);
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Prepares the connection for a bulk load: on SQLite, a page cache large enough (256 MiB)
/// for the indexes that grow in random order (emails, skills); nothing on PostgreSQL.
pub async fn prepare_bulk_load(db: &impl ConnectionTrait) -> Result<(), StoreError> {
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA cache_size = -262144").await?;
    }
    Ok(())
}

/// The database's size on disk in bytes: SQLite's pages (after a WAL checkpoint), or
/// PostgreSQL's `pg_database_size`.
pub async fn database_bytes(db: &impl ConnectionTrait) -> Result<u64, StoreError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "SELECT pg_database_size(current_database())::bigint AS n",
        _ => {
            db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await?;
            "SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()"
        }
    };
    let row = db
        .query_one_raw(Statement::from_string(backend, sql))
        .await?;
    let n: i64 = row.map(|r| r.try_get("", "n")).transpose()?.unwrap_or(0);
    Ok(u64::try_from(n).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_statements_unnest_one_array_per_column_with_nulls_stood_in() {
        let columns = [col("id", Kind::Uuid), nullable("years", Kind::SmallInt)];
        assert_eq!(
            unnest_statement("t", &columns),
            "INSERT INTO t (id, years) SELECT u.id, NULLIF(u.years, (-32768)::int2) FROM UNNEST($1::uuid[], $2::int2[]) AS u(id, years)"
        );
        let values = vec![
            Value::from(Uuid::nil()),
            Value::from(Some(3i16)),
            Value::from(Uuid::max()),
            Value::SmallInt(None),
        ];
        let arrays = by_column(&columns, values);
        assert_eq!(arrays.len(), 2);
        assert_eq!(
            arrays[1],
            Value::Array(
                ArrayType::SmallInt,
                Some(Box::new(vec![Value::from(3i16), Value::from(i16::MIN)]))
            )
        );
    }

    #[test]
    fn statements_number_placeholders_per_backend() {
        assert_eq!(
            statement(DbBackend::Sqlite, "t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
        assert_eq!(
            statement(DbBackend::Postgres, "t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
    }
}
