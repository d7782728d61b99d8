//! The single mapping from `ServiceError` to GraphQL errors with `extensions.code`.

use async_graphql::{Error, ErrorExtensions, ServerError};
use braingain_service::ServiceError;

/// Converts a service error into a GraphQL error carrying the contract's code. Internal errors
/// are logged here, once, with their cause chain, and shown to the client as an opaque text.
pub fn service_error(err: ServiceError) -> Error {
    service_error_ref(&err)
}

pub(crate) fn service_error_ref(err: &ServiceError) -> Error {
    let code = err.code();
    match err {
        ServiceError::Internal(cause) => {
            tracing::error!(error = ?cause, "internal error");
            Error::new("internal error").extend_with(|_, e| e.set("code", code))
        }
        ServiceError::BadInput { field, message } => {
            let field = field.clone();
            Error::new(message.clone()).extend_with(|_, e| {
                e.set("code", code);
                e.set("field", field.clone());
            })
        }
        ServiceError::Conflict { field, message } => {
            let field = field.clone();
            Error::new(message.clone()).extend_with(|_, e| {
                e.set("code", code);
                if let Some(field) = &field {
                    e.set("field", field.clone());
                }
            })
        }
        ServiceError::RateLimited { retry_after_secs } => {
            let secs = *retry_after_secs;
            Error::new(err.to_string()).extend_with(|_, e| {
                e.set("code", code);
                e.set("retryAfter", secs);
            })
        }
        other => Error::new(other.to_string()).extend_with(|_, e| e.set("code", code)),
    }
}

/// Extension for service results in resolvers: `service.thing().await.gql()?`.
pub(crate) trait GqlResultExt<T> {
    fn gql(self) -> async_graphql::Result<T>;
}

impl<T> GqlResultExt<T> for Result<T, ServiceError> {
    fn gql(self) -> async_graphql::Result<T> {
        self.map_err(service_error)
    }
}

/// Gives every error of a response a code. Errors raised before execution (syntax,
/// validation, depth and complexity limits) become `BAD_USER_INPUT`; an uncoded error raised
/// during execution is a bug and becomes an opaque `INTERNAL`.
pub fn finish_response_errors(errors: &mut [ServerError]) {
    for err in errors {
        let has_code = err
            .extensions
            .as_ref()
            .is_some_and(|ext| ext.get("code").is_some());
        if has_code {
            continue;
        }
        // Argument coercion happens during execution, so those errors carry a path too.
        let input_error = [
            "Invalid value for argument",
            "Failed to parse",
            "Expected input type",
        ]
        .iter()
        .any(|prefix| err.message.starts_with(prefix));
        let code = if err.path.is_empty() || input_error {
            "BAD_USER_INPUT"
        } else {
            "INTERNAL"
        };
        if code == "INTERNAL" {
            tracing::error!(error = %err.message, "uncoded resolver error");
            err.message = "internal error".into();
        }
        err.extensions
            .get_or_insert_with(Default::default)
            .set("code", code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(err: &Error) -> String {
        let ext = err.extensions.as_ref().unwrap();
        ext.get("code").unwrap().to_string()
    }

    #[test]
    fn every_service_error_carries_its_code() {
        let cases = [
            (ServiceError::Unauthenticated("x".into()), "UNAUTHENTICATED"),
            (ServiceError::forbidden("x"), "FORBIDDEN"),
            (ServiceError::NotFound("x".into()), "NOT_FOUND"),
            (ServiceError::bad_input("email", "x"), "BAD_USER_INPUT"),
            (ServiceError::conflict("email", "x"), "CONFLICT"),
            (
                ServiceError::RateLimited {
                    retry_after_secs: 3,
                },
                "RATE_LIMITED",
            ),
            (
                ServiceError::internal(anyhow::anyhow!("secret cause")),
                "INTERNAL",
            ),
        ];
        for (err, code) in cases {
            let gql = service_error(err);
            assert_eq!(code_of(&gql), format!("\"{code}\""));
        }
    }

    #[test]
    fn internal_errors_hide_their_cause() {
        let gql = service_error(ServiceError::internal(anyhow::anyhow!("password=hunter2")));
        assert!(!gql.message.contains("hunter2"));
    }

    #[test]
    fn bad_input_names_the_field() {
        let gql = service_error(ServiceError::bad_input("input.email", "enter an email"));
        let ext = gql.extensions.unwrap();
        assert_eq!(ext.get("field").unwrap().to_string(), "\"input.email\"");
    }
}
