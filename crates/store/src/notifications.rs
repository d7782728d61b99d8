//! In-app notifications: written in the transaction of the event they tell of, listed newest
//! first for their account, and marked read only by that account.

use crate::StoreError;
use crate::entities::notification::{self, Entity as Notifications};
use braingain_domain::{AccountId, NotificationId};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// A stored notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationRecord {
    /// Id.
    pub id: NotificationId,
    /// The account it is for.
    pub account_id: AccountId,
    /// Its kind, a stable upper-case string such as `ENGAGEMENT_INVITED`.
    pub kind: String,
    /// The sentence shown.
    pub text: String,
    /// The web app path of the thing it is about.
    pub link: String,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// When it was marked read.
    pub read_at: Option<DateTime<Utc>>,
}

/// A new notification, as [`insert`] stores it.
#[derive(Debug, Clone, Copy)]
pub struct NewNotification<'a> {
    /// The account it is for.
    pub account_id: AccountId,
    /// Its kind.
    pub kind: &'a str,
    /// The sentence shown.
    pub text: &'a str,
    /// The web app path of the thing it is about.
    pub link: &'a str,
    /// When.
    pub at: DateTime<Utc>,
}

fn build(m: notification::Model) -> NotificationRecord {
    NotificationRecord {
        id: NotificationId(m.id),
        account_id: AccountId(m.account_id),
        kind: m.kind,
        text: m.text,
        link: m.link,
        created_at: m.created_at,
        read_at: m.read_at,
    }
}

/// Stores a new, unread notification.
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewNotification<'_>,
) -> Result<NotificationRecord, StoreError> {
    let model = notification::ActiveModel {
        id: Set(NotificationId::new().0),
        account_id: Set(new.account_id.0),
        kind: Set(new.kind.to_owned()),
        text: Set(new.text.to_owned()),
        link: Set(new.link.to_owned()),
        created_at: Set(new.at),
        read_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(build(model))
}

/// Up to `limit` of an account's notifications (only the unread ones if `unread_only`),
/// newest first; ids are time-ordered, so those written at one instant keep their order.
pub async fn of_account(
    db: &impl ConnectionTrait,
    account: AccountId,
    unread_only: bool,
    limit: u64,
) -> Result<Vec<NotificationRecord>, StoreError> {
    let mut query = Notifications::find().filter(notification::Column::AccountId.eq(account.0));
    if unread_only {
        query = query.filter(notification::Column::ReadAt.is_null());
    }
    Ok(query
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(build)
        .collect())
}

/// How many of an account's notifications are unread.
pub async fn unread_count(
    db: &impl ConnectionTrait,
    account: AccountId,
) -> Result<u64, StoreError> {
    Ok(Notifications::find()
        .filter(notification::Column::AccountId.eq(account.0))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// Marks read those of `ids` that belong to `account` and are still unread; others' ids and
/// unknown ids are left alone. Returns how many changed.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    account: AccountId,
    ids: &[NotificationId],
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    if ids.is_empty() {
        return Ok(0);
    }
    let res = Notifications::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(at))
        .filter(notification::Column::AccountId.eq(account.0))
        .filter(notification::Column::ReadAt.is_null())
        .filter(notification::Column::Id.is_in(ids.iter().map(|id| id.0)))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
