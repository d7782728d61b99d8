//! Black-box API tests: each test starts the real `braingain` server on `127.0.0.1:0` with a
//! fresh database (SQLite, or PostgreSQL when `TEST_DATABASE_URL` is set) and talks to it
//! over HTTP, as a client would.

mod helpers;

mod accounts;
mod attacks;
mod authz;
mod contract;
mod demo;
mod engagements;
mod graphql_http;
mod import;
mod insight;
mod institutions;
mod journey;
mod matching;
mod messages;
mod moderation;
mod notifications;
mod operations;
mod passwords;
mod privacy;
mod profiles;
mod reports;
mod requests;
mod roles;
mod search;
mod search_requests;
mod sessions;
mod skills;
mod throttling;
