//! sea-orm entities, one module per table. Columns mirror the migrations exactly.

pub mod account;
pub mod account_token;
pub mod audit_log;
pub mod login_failure;
pub mod mail_outbox;
pub mod refresh_token;
