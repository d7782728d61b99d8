//! sea-orm entities, one module per table. Columns mirror the migrations exactly.

pub mod account;
pub mod account_token;
pub mod audit_log;
pub mod change_event;
pub mod engagement;
pub mod expert_origin;
pub mod expert_profile;
pub mod expert_skill;
pub mod institution;
pub mod institution_member;
pub mod login_failure;
pub mod mail_outbox;
pub mod message;
pub mod notification;
pub mod refresh_token;
pub mod report;
pub mod request;
pub mod request_skill;
pub mod skill;
pub mod system_state;
