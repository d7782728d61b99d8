//! What the HTTP layer attaches to every GraphQL request.

use async_graphql::Context;
use braingain_service::{Actor, RequestMeta, Service, ServiceError};
use std::sync::Arc;

/// The caller of one HTTP request, resolved before the query runs.
#[derive(Debug, Clone)]
pub struct RequestContext {
    /// The caller, or why the presented access token was refused. A refused token is only an
    /// error for fields that need to know the caller; public fields still answer.
    pub actor: Result<Actor, Arc<ServiceError>>,
    /// Client facts (address) for throttling.
    pub meta: RequestMeta,
}

impl RequestContext {
    /// An anonymous caller.
    #[must_use]
    pub fn anonymous(meta: RequestMeta) -> Self {
        Self {
            actor: Ok(Actor::Anonymous),
            meta,
        }
    }
}

/// The service and the caller, as every resolver needs them.
pub(crate) fn parts<'a>(
    ctx: &'a Context<'_>,
) -> async_graphql::Result<(&'a Service, &'a RequestContext)> {
    let service = ctx.data::<Service>()?;
    let request = ctx.data::<RequestContext>()?;
    Ok((service, request))
}

/// The caller, or the `UNAUTHENTICATED` error of a refused token.
pub(crate) fn actor(request: &RequestContext) -> async_graphql::Result<&Actor> {
    match &request.actor {
        Ok(actor) => Ok(actor),
        Err(err) => Err(crate::error::service_error_ref(err)),
    }
}
