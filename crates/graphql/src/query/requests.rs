//! Queries about requests.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::mutation::parse_id;
use crate::types::request::Request;
use async_graphql::{Context, ID, Object, Result};

#[derive(Default)]
pub struct RequestQuery;

#[Object]
impl RequestQuery {
    /// A request; null if it does not exist or the caller may not see it. OPEN, `IN_PROGRESS`
    /// and COMPLETED requests are public; the others are seen by the institution's members and
    /// moderators only.
    async fn request(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Request>> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        Ok(service
            .request(actor(request)?, id)
            .await
            .gql()?
            .map(Request))
    }
}
