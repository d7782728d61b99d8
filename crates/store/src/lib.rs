#![doc = include_str!("../README.md")]

pub mod account_tokens;
pub mod accounts;
pub mod audit;
pub mod entities;
mod error;
pub mod mail;
pub mod sessions;
mod store;
pub mod throttle;

pub use error::StoreError;
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};
pub use store::{Backend, Store, commit};
