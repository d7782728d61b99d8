//! Marking the signed-in account's notifications read.

use super::parse_id;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use async_graphql::{Context, ID, Object, Result};

#[derive(Default)]
pub struct NotificationMutation;

#[Object]
impl NotificationMutation {
    /// Marks the caller's notifications among `ids` read; returns how many were unread until
    /// now. Ids that are not the caller's notifications are ignored (they count for nothing
    /// and reveal nothing); an empty list marks nothing; at most 500 ids, each a valid id
    /// (`BAD_USER_INPUT` on `ids` otherwise).
    async fn mark_notifications_read(&self, ctx: &Context<'_>, ids: Vec<ID>) -> Result<i32> {
        let (service, request) = parts(ctx)?;
        let actor = actor(request)?;
        actor.session().gql()?;
        let ids = ids
            .iter()
            .map(|id| parse_id(id, "ids"))
            .collect::<Result<Vec<_>>>()?;
        let count = service.mark_notifications_read(actor, &ids).await.gql()?;
        Ok(i32::try_from(count).unwrap_or(i32::MAX))
    }
}
