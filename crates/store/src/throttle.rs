//! Failed sign-in counting, shared by every replica through the database.

use crate::StoreError;
use crate::entities::login_failure::{self, Entity as LoginFailures};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, NotSet, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

/// Records one failure under `key` (a digest, never a clear address).
pub async fn record_failure(
    db: &impl ConnectionTrait,
    key: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    login_failure::ActiveModel {
        id: NotSet,
        key: Set(key.to_owned()),
        at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// How many failures `key` has since `since`, and the time of the oldest of them.
pub async fn failures_since(
    db: &impl ConnectionTrait,
    key: &str,
    since: DateTime<Utc>,
) -> Result<(u64, Option<DateTime<Utc>>), StoreError> {
    let query = LoginFailures::find()
        .filter(login_failure::Column::Key.eq(key))
        .filter(login_failure::Column::At.gt(since));
    let count = query.clone().count(db).await?;
    if count == 0 {
        return Ok((0, None));
    }
    let oldest = query
        .order_by_asc(login_failure::Column::At)
        .limit(1)
        .one(db)
        .await?
        .map(|m| m.at);
    Ok((count, oldest))
}

/// Forgets the failures of `key` (after a successful sign-in).
pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), StoreError> {
    LoginFailures::delete_many()
        .filter(login_failure::Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes failures older than `before` (housekeeping).
pub async fn prune(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<u64, StoreError> {
    let res = LoginFailures::delete_many()
        .filter(login_failure::Column::At.lt(before))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
