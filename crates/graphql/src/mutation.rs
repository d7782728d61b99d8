//! The root mutation type, merged from one object per area.

mod accounts;
mod engagements;
mod moderation;
mod notifications;
mod profiles;
mod requests;
mod sessions;

use async_graphql::MergedObject;

/// Every mutation of the API.
#[derive(MergedObject, Default)]
pub struct Mutation(
    accounts::AccountMutation,
    engagements::EngagementMutation,
    moderation::ModerationMutation,
    notifications::NotificationMutation,
    profiles::ProfileMutation,
    requests::RequestMutation,
    sessions::SessionMutation,
);

/// Parses an `ID` argument into a typed id, or `BAD_USER_INPUT` naming the argument.
pub(crate) fn parse_id<T: std::str::FromStr>(
    id: &async_graphql::ID,
    field: &str,
) -> async_graphql::Result<T> {
    id.parse::<T>().map_err(|_| {
        crate::error::service_error(braingain_service::ServiceError::bad_input(
            field,
            "this is not a valid id",
        ))
    })
}
