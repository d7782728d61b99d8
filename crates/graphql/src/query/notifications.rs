//! The signed-in account's notifications.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::notification::Notification;
use async_graphql::{Context, Object, Result};

#[derive(Default)]
pub struct NotificationQuery;

#[Object]
impl NotificationQuery {
    /// The signed-in account's notifications, newest first: only the unread ones if
    /// `unreadOnly`; at most `first` (default 50, clamped to 1..=200).
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(false)")] unread_only: Option<bool>,
        #[graphql(default_with = "Some(50)")] first: Option<i32>,
    ) -> Result<Vec<Notification>> {
        let (service, request) = parts(ctx)?;
        let list = service
            .notifications(actor(request)?, unread_only.unwrap_or(false), first)
            .await
            .gql()?;
        Ok(list.into_iter().map(Notification).collect())
    }

    /// How many of the signed-in account's notifications are unread.
    async fn unread_notification_count(&self, ctx: &Context<'_>) -> Result<i32> {
        let (service, request) = parts(ctx)?;
        let count = service
            .unread_notification_count(actor(request)?)
            .await
            .gql()?;
        Ok(i32::try_from(count).unwrap_or(i32::MAX))
    }
}
