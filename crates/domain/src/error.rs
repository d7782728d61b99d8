//! Validation errors: what was wrong with a value, and which input field held it.

/// A value that failed validation. `field` is the input field's name as clients send it
/// (`email`, `password`, `input.displayName`), so a form can show the message beside it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    /// The client-facing name of the offending field.
    pub field: String,
    /// A plain-language message saying what is wrong and what is expected.
    pub message: String,
}

impl ValidationError {
    /// Builds an error for `field` with a plain-language `message`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same error reported under another field name (e.g. nested in an input object).
    #[must_use]
    pub fn in_field(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }
}
