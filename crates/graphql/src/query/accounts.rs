//! Queries about accounts.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::account::Account;
use async_graphql::{Context, Object, Result};

#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// The signed-in account; null when nobody is signed in.
    async fn me(&self, ctx: &Context<'_>) -> Result<Option<Account>> {
        let (service, request) = parts(ctx)?;
        Ok(service.me(actor(request)?).await.gql()?.map(Account))
    }
}
