//! The root query type, merged from one object per area.

mod accounts;
mod engagements;
mod insight;
mod moderation;
mod notifications;
mod profiles;
mod requests;
mod search;

use async_graphql::MergedObject;

/// Every query of the API.
#[derive(MergedObject, Default)]
pub struct Query(
    accounts::AccountQuery,
    engagements::EngagementQuery,
    insight::InsightQuery,
    moderation::ModerationQuery,
    notifications::NotificationQuery,
    profiles::ProfileQuery,
    requests::RequestQuery,
    search::SearchQuery,
);
