//! Messages on an engagement between its two sides. The body is stored exactly as written:
//! plain text, never interpreted as HTML.

use crate::StoreError;
use crate::entities::message::{self, Entity as Messages};
use braingain_domain::{AccountId, EngagementId, MessageId};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// A stored message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRecord {
    /// Id.
    pub id: MessageId,
    /// The engagement.
    pub engagement_id: EngagementId,
    /// The author; `None` once their account is deleted.
    pub author_id: Option<AccountId>,
    /// The text (plain text).
    pub body: String,
    /// When it was sent.
    pub sent_at: DateTime<Utc>,
}

/// A new message, as [`insert`] stores it.
#[derive(Debug, Clone, Copy)]
pub struct NewMessage<'a> {
    /// The engagement.
    pub engagement_id: EngagementId,
    /// The author.
    pub author_id: AccountId,
    /// The text, already checked.
    pub body: &'a str,
    /// When.
    pub at: DateTime<Utc>,
}

fn build(m: message::Model) -> MessageRecord {
    MessageRecord {
        id: MessageId(m.id),
        engagement_id: EngagementId(m.engagement_id),
        author_id: m.author_id.map(AccountId),
        body: m.body,
        sent_at: m.sent_at,
    }
}

/// Stores a new message.
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewMessage<'_>,
) -> Result<MessageRecord, StoreError> {
    let model = message::ActiveModel {
        id: Set(MessageId::new().0),
        engagement_id: Set(new.engagement_id.0),
        author_id: Set(Some(new.author_id.0)),
        body: Set(new.body.to_owned()),
        sent_at: Set(new.at),
    }
    .insert(db)
    .await?;
    Ok(build(model))
}

/// The message with this id.
pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: MessageId,
) -> Result<Option<MessageRecord>, StoreError> {
    Ok(Messages::find_by_id(id.0).one(db).await?.map(build))
}

/// The messages on an engagement, oldest first (ids are time-ordered, so messages sent at
/// the same instant keep the order they were written in).
pub async fn of_engagement(
    db: &impl ConnectionTrait,
    engagement: EngagementId,
) -> Result<Vec<MessageRecord>, StoreError> {
    Ok(Messages::find()
        .filter(message::Column::EngagementId.eq(engagement.0))
        .order_by_asc(message::Column::SentAt)
        .order_by_asc(message::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(build)
        .collect())
}
