#![doc = include_str!("../README.md")]

mod app;
pub mod cli;
mod commands;
mod data_lock;
mod graphql_http;
mod health;
pub mod mailer;
mod metrics;
mod reminders;
mod router;
mod secrets;
pub mod settings;
mod shutdown;
mod static_files;
pub mod telemetry;

pub use app::{App, serve};
pub use settings::Settings;
