//! GraphQL object types and enums, converted from the service's views.

pub(crate) mod account;
pub(crate) mod audit;
pub(crate) mod engagement;
pub(crate) mod insight;
pub(crate) mod institution;
pub(crate) mod notification;
pub(crate) mod profile;
pub(crate) mod report;
pub(crate) mod request;
pub(crate) mod search;
pub(crate) mod skill;
