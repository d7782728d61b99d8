//! The one error type of every use case. Its variants are the contract's error codes.

use braingain_domain::ValidationError;
use braingain_store::StoreError;

/// Why a use case refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// No valid credentials (or they expired, or the account is gone or suspended).
    #[error("{0}")]
    Unauthenticated(String),
    /// Signed in, but not allowed to do this.
    #[error("{0}")]
    Forbidden(String),
    /// The thing does not exist (or the caller may not know that it does).
    #[error("{0}")]
    NotFound(String),
    /// An input value is wrong; `field` names it.
    #[error("{message}")]
    BadInput {
        /// The client-facing field name.
        field: String,
        /// What is wrong and what is expected.
        message: String,
    },
    /// The request clashes with the current state (duplicate, wrong lifecycle step).
    #[error("{message}")]
    Conflict {
        /// The field that clashes, when there is one.
        field: Option<String>,
        /// What clashes.
        message: String,
    },
    /// Too many attempts; try again after this many seconds.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    RateLimited {
        /// Seconds until the next attempt may succeed.
        retry_after_secs: u64,
    },
    /// Something failed that the caller cannot fix. Logged with its cause; shown as opaque.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

/// The result of a use case.
pub type ServiceResult<T> = Result<T, ServiceError>;

impl ServiceError {
    /// The contract's `extensions.code` for this error.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ServiceError::Unauthenticated(_) => "UNAUTHENTICATED",
            ServiceError::Forbidden(_) => "FORBIDDEN",
            ServiceError::NotFound(_) => "NOT_FOUND",
            ServiceError::BadInput { .. } => "BAD_USER_INPUT",
            ServiceError::Conflict { .. } => "CONFLICT",
            ServiceError::RateLimited { .. } => "RATE_LIMITED",
            ServiceError::Internal(_) => "INTERNAL",
        }
    }

    /// A `BadInput` for `field`.
    pub fn bad_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        ServiceError::BadInput {
            field: field.into(),
            message: message.into(),
        }
    }

    /// A `Forbidden` with a message.
    pub fn forbidden(message: impl Into<String>) -> Self {
        ServiceError::Forbidden(message.into())
    }

    /// A `Conflict` about `field`.
    pub fn conflict(field: impl Into<String>, message: impl Into<String>) -> Self {
        ServiceError::Conflict {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// Wraps an unexpected failure.
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        ServiceError::Internal(err.into())
    }
}

impl From<ValidationError> for ServiceError {
    fn from(err: ValidationError) -> Self {
        ServiceError::BadInput {
            field: err.field,
            message: err.message,
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Conflict(detail) => ServiceError::Conflict {
                field: None,
                message: format!("this already exists ({detail})"),
            },
            other => ServiceError::Internal(other.into()),
        }
    }
}

impl From<braingain_auth::PasswordHashError> for ServiceError {
    fn from(err: braingain_auth::PasswordHashError) -> Self {
        ServiceError::Internal(err.into())
    }
}
