#![doc = include_str!("../README.md")]

mod context;
mod cost;
mod error;
mod mutation;
mod query;
mod schema;
mod types;

pub use context::RequestContext;
pub use error::{finish_response_errors, service_error};
pub use schema::{ApiSchema, SchemaLimits, build_schema, export_sdl};

/// Re-exported so the HTTP layer can parse and answer requests without naming async-graphql.
pub mod http {
    pub use async_graphql::http::{GraphiQLSource, parse_query_string};
    pub use async_graphql::{BatchRequest, BatchResponse, Request, Response, ServerError};
}

/// Whether the GraphQL document's selected operation is a mutation (or a subscription).
/// Unparseable documents answer `false`; execution reports their syntax error.
#[must_use]
pub fn is_mutation(query: &str, operation_name: Option<&str>) -> bool {
    use async_graphql::parser::types::{DocumentOperations, OperationType};
    let Ok(doc) = async_graphql::parser::parse_query(query) else {
        return false;
    };
    let writes = |ty: OperationType| ty != OperationType::Query;
    match &doc.operations {
        DocumentOperations::Single(op) => writes(op.node.ty),
        DocumentOperations::Multiple(ops) => match operation_name {
            Some(name) => ops.get(name).is_some_and(|op| writes(op.node.ty)),
            None => ops.values().any(|op| writes(op.node.ty)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::is_mutation;

    #[test]
    fn mutations_are_told_apart_from_queries() {
        assert!(!is_mutation("{ me { id } }", None));
        assert!(!is_mutation("query Q { me { id } }", None));
        assert!(is_mutation(
            "mutation { logout(refreshToken: \"x\") }",
            None
        ));
        let doc = "query A { me { id } } mutation B { logout(refreshToken: \"x\") }";
        assert!(!is_mutation(doc, Some("A")));
        assert!(is_mutation(doc, Some("B")));
        assert!(is_mutation(doc, None));
    }
}
