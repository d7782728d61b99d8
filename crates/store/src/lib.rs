#![doc = include_str!("../README.md")]

pub mod account_tokens;
pub mod accounts;
pub mod audit;
pub mod bulk;
pub mod engagements;
pub mod entities;
mod error;
pub mod events;
pub mod insight;
pub mod institutions;
pub mod mail;
pub mod maintenance;
pub mod messages;
pub mod notifications;
pub mod profiles;
pub mod reminders;
pub mod reports;
pub mod requests;
pub mod sessions;
pub mod skills;
pub mod stalled;
pub mod state;
mod store;
pub mod synthetic;
pub mod throttle;

pub use error::StoreError;
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};
pub use store::{Backend, Store, commit};
