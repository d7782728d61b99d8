//! Building the schema, with its limits, and exporting its SDL.

use crate::mutation::Mutation;
use crate::query::Query;
use async_graphql::{EmptySubscription, Schema};
use braingain_service::Service;

/// The executable schema.
pub type ApiSchema = Schema<Query, Mutation, EmptySubscription>;

/// Bounds on what one query may ask for.
#[derive(Debug, Clone)]
pub struct SchemaLimits {
    /// Deepest selection nesting allowed.
    pub max_depth: usize,
    /// Most fields (weighted) one query may select; aliases count.
    pub max_complexity: usize,
    /// Whether `__schema` and `__type` may be queried.
    pub introspection: bool,
}

impl Default for SchemaLimits {
    fn default() -> Self {
        Self {
            max_depth: 15,
            max_complexity: 1000,
            introspection: true,
        }
    }
}

/// Builds the schema serving `service`.
#[must_use]
pub fn build_schema(service: Service, limits: &SchemaLimits) -> ApiSchema {
    let mut builder = Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .data(service)
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(32)
        .limit_directives(8);
    if !limits.introspection {
        builder = builder.disable_introspection();
    }
    builder.finish()
}

/// The schema's SDL, as committed in `schema.graphql`.
#[must_use]
pub fn export_sdl() -> String {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .finish()
        .sdl()
}
