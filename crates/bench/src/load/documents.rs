//! The GraphQL operations the driver sends. Each asks for what the web app's page asks for
//! (`frontend/src/graphql/*.graphql`: the search page with its five facets, the profile
//! page, the request page's matching, the bell), so the server does the work a real visitor
//! causes, not a cheaper subset.

/// The profile fields the profile page shows (`ProfileView`).
const PROFILE_VIEW: &str = "
fragment ProfileView on ExpertProfile {
  id displayName headline bio residenceCountry residenceCity originCountries
  languages { code level }
  skills { skill { id label(lang: $lang) inTaxonomy } level years }
  engagementTypes workModes hoursPerMonth orcid visibility verified contactEmail
  updatedAt lastActiveAt
}";

/// One search hit as the results list shows it (`SearchHit`).
const SEARCH_HIT: &str = "
fragment SearchHit on ExpertHit {
  score
  lessActive
  expert {
    id displayName headline residenceCountry residenceCity originCountries
    languages { code level }
    engagementTypes workModes hoursPerMonth verified lastActiveAt
  }
  explanation {
    matchedSkills { id label(lang: $lang) }
    missingSkills { id label(lang: $lang) }
    matchedLanguages countryMatch highlights
  }
}";

/// The search page: hits, total, cursor and the five facet lists.
#[must_use]
pub fn search_experts() -> String {
    format!(
        "query SearchExperts($query: String, $first: Int, $after: String, $lang: String!) {{
  searchExperts(query: $query, first: $first, after: $after, lang: $lang) {{
    totalCount
    hits {{ ...SearchHit }}
    nextCursor
    residenceCountry: facets(field: \"residenceCountry\") {{ value count }}
    originCountry: facets(field: \"originCountry\") {{ value count }}
    language: facets(field: \"language\") {{ value count }}
    engagementType: facets(field: \"engagementType\") {{ value count }}
    workMode: facets(field: \"workMode\") {{ value count }}
  }}
}}{SEARCH_HIT}"
    )
}

/// Only the ids and headlines of the hits: the freshness probe.
pub const FIND_PROFILE: &str = "
query FindProfile($query: String!) {
  searchExperts(query: $query, first: 10) { hits { expert { id headline } } }
}";

/// The profile page.
#[must_use]
pub fn expert() -> String {
    format!(
        "query Expert($id: ID!, $lang: String!) {{
  expert(id: $id) {{ ...ProfileView }}
  me {{ id expertProfile {{ id }} }}
}}{PROFILE_VIEW}"
    )
}

/// The signed-in account with its profile (the "my profile" page).
#[must_use]
pub fn my_profile() -> String {
    format!(
        "query MyProfile($lang: String!) {{
  me {{ id displayName email role status expertProfile {{ ...ProfileView }} }}
}}{PROFILE_VIEW}"
    )
}

/// Saving the profile form.
#[must_use]
pub fn save_profile() -> String {
    format!(
        "mutation SaveExpertProfile($input: ExpertProfileInput!, $lang: String!) {{
  saveExpertProfile(input: $input) {{ ...ProfileView }}
}}{PROFILE_VIEW}"
    )
}

/// The request page's matching panel.
#[must_use]
pub fn match_experts() -> String {
    format!(
        "query MatchExperts($requestId: ID!, $first: Int, $lang: String!) {{
  matchExperts(requestId: $requestId, first: $first) {{ ...SearchHit }}
}}{SEARCH_HIT}"
    )
}

/// A page of OPEN requests, newest first (public).
pub const OPEN_REQUESTS: &str = "
query OpenRequests($after: String) {
  searchRequests(first: 100, after: $after) { cursor request { id status } }
}";

/// Sign-in.
pub const LOGIN: &str = "
mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    accessToken refreshToken account { id email displayName role status }
  }
}";

/// The bell's count, fetched on navigation.
pub const UNREAD_COUNT: &str = "query UnreadNotificationCount { unreadNotificationCount }";

/// The notifications page.
pub const NOTIFICATIONS: &str = "
query Notifications($unreadOnly: Boolean!, $first: Int!) {
  notifications(unreadOnly: $unreadOnly, first: $first) { id kind text link createdAt readAt }
  unreadNotificationCount
}";

/// Marking notifications read.
pub const MARK_READ: &str = "
mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }";

/// The requests an expert already has an engagement on.
pub const MY_ENGAGEMENTS: &str =
    "query MyEngagements { myEngagements { id status request { id } } }";

/// An expert applying to a request.
pub const APPLY: &str = "
mutation Apply($requestId: ID!, $message: String!) {
  applyToRequest(requestId: $requestId, message: $message) { id status createdAt }
}";
