//! The mail outbox: queue in the caller's transaction, then claim, send and settle.

use crate::StoreError;
use crate::entities::mail_outbox::{self, Entity as MailOutbox};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, NotSet, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

/// A mail to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// A queued mail claimed for delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    /// Outbox position.
    pub id: i64,
    /// Delivery attempts before this one.
    pub attempts: i32,
    /// The mail.
    pub mail: OutgoingMail,
}

/// Queues a mail; it is sent once the surrounding transaction commits.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    mail: OutgoingMail,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    mail_outbox::ActiveModel {
        id: NotSet,
        to_address: Set(mail.to),
        subject: Set(mail.subject),
        body_text: Set(mail.body),
        created_at: Set(now),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        sent_at: Set(None),
        last_error: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Claims up to `limit` due mails for `lock_until`, so that other replicas leave them alone
/// while this one sends them. A sender that dies lets its claims lapse.
pub async fn claim_due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    lock_until: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<QueuedMail>, StoreError> {
    let free = Condition::any()
        .add(mail_outbox::Column::LockedUntil.is_null())
        .add(mail_outbox::Column::LockedUntil.lt(now));
    let due = MailOutbox::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::NextAttemptAt.lte(now))
        .filter(free.clone())
        .order_by_asc(mail_outbox::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let mut claimed = Vec::with_capacity(due.len());
    for row in due {
        let res = MailOutbox::update_many()
            .col_expr(mail_outbox::Column::LockedUntil, Expr::value(lock_until))
            .filter(mail_outbox::Column::Id.eq(row.id))
            .filter(mail_outbox::Column::SentAt.is_null())
            .filter(free.clone())
            .exec(db)
            .await?;
        if res.rows_affected == 1 {
            claimed.push(QueuedMail {
                id: row.id,
                attempts: row.attempts,
                mail: OutgoingMail {
                    to: row.to_address,
                    subject: row.subject,
                    body: row.body_text,
                },
            });
        }
    }
    Ok(claimed)
}

/// Records a successful delivery.
pub async fn mark_sent(
    db: &impl ConnectionTrait,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    MailOutbox::update_many()
        .col_expr(mail_outbox::Column::SentAt, Expr::value(now))
        .col_expr(
            mail_outbox::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            mail_outbox::Column::Attempts,
            Expr::col(mail_outbox::Column::Attempts).add(1),
        )
        .filter(mail_outbox::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records a failed attempt; the mail is retried at `retry_at`.
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    id: i64,
    error: &str,
    retry_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    MailOutbox::update_many()
        .col_expr(
            mail_outbox::Column::LastError,
            Expr::value(error.chars().take(1000).collect::<String>()),
        )
        .col_expr(mail_outbox::Column::NextAttemptAt, Expr::value(retry_at))
        .col_expr(
            mail_outbox::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            mail_outbox::Column::Attempts,
            Expr::col(mail_outbox::Column::Attempts).add(1),
        )
        .filter(mail_outbox::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// How many mails are waiting to be sent.
pub async fn pending_count(db: &impl ConnectionTrait) -> Result<u64, StoreError> {
    Ok(MailOutbox::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .count(db)
        .await?)
}

/// Deletes every queued or sent mail to `address` (account erasure).
pub async fn forget_recipient(db: &impl ConnectionTrait, address: &str) -> Result<u64, StoreError> {
    let res = MailOutbox::delete_many()
        .filter(mail_outbox::Column::ToAddress.eq(address))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
