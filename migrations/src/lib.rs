#![doc = include_str!("../README.md")]

pub use sea_orm_migration::MigratorTrait;
use sea_orm_migration::prelude::*;

mod m20261127_000001_create_accounts;
mod m20261127_000002_create_refresh_tokens;
mod m20261127_000003_create_account_tokens;
mod m20261127_000004_create_mail_outbox;
mod m20261127_000005_create_audit_log;
mod m20261127_000006_create_login_failures;
mod m20261127_000007_create_skills;
mod m20261127_000008_create_expert_profiles;
mod m20261127_000009_create_institutions;
mod m20261127_000010_create_change_events;
mod m20261127_000011_create_system_state;
mod m20261127_000012_create_requests;
mod m20261127_000013_create_request_skills;
mod m20261127_000014_create_engagements;
mod m20261127_000015_create_messages;
mod m20261127_000016_create_notifications;
mod m20261127_000017_engagement_reminders;
mod m20261127_000018_create_reports;
mod m20261127_000019_bulk_change_events;

/// Every migration of BrainGain, in the order they apply.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_create_accounts::Migration),
            Box::new(m20261127_000002_create_refresh_tokens::Migration),
            Box::new(m20261127_000003_create_account_tokens::Migration),
            Box::new(m20261127_000004_create_mail_outbox::Migration),
            Box::new(m20261127_000005_create_audit_log::Migration),
            Box::new(m20261127_000006_create_login_failures::Migration),
            Box::new(m20261127_000007_create_skills::Migration),
            Box::new(m20261127_000008_create_expert_profiles::Migration),
            Box::new(m20261127_000009_create_institutions::Migration),
            Box::new(m20261127_000010_create_change_events::Migration),
            Box::new(m20261127_000011_create_system_state::Migration),
            Box::new(m20261127_000012_create_requests::Migration),
            Box::new(m20261127_000013_create_request_skills::Migration),
            Box::new(m20261127_000014_create_engagements::Migration),
            Box::new(m20261127_000015_create_messages::Migration),
            Box::new(m20261127_000016_create_notifications::Migration),
            Box::new(m20261127_000017_engagement_reminders::Migration),
            Box::new(m20261127_000018_create_reports::Migration),
            Box::new(m20261127_000019_bulk_change_events::Migration),
        ]
    }
}
