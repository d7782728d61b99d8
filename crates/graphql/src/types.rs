//! GraphQL object types and enums, converted from the service's views.

pub(crate) mod account;
