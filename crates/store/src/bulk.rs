//! Multi-row writes for bulk imports: one statement per table and chunk instead of a few per
//! row, so that importing thousands of experts takes seconds on SQLite and PostgreSQL alike.
//!
//! Each function writes exactly the rows its one-at-a-time counterpart writes
//! ([`crate::accounts::insert`], [`crate::profiles::save`], [`crate::events::record`],
//! [`crate::account_tokens::replace`], [`crate::mail::enqueue`]), except that its change
//! events are marked `bulk` (so the index writer serves interactive changes first), and runs
//! in the caller's transaction; the callers create new accounts only, so nothing needs
//! replacing.

use crate::StoreError;
use crate::accounts::NewAccount;
use crate::entities::{
    account, account_token, change_event, expert_origin, expert_profile, expert_skill, mail_outbox,
};
use crate::mail::OutgoingMail;
use crate::profiles::json;
use braingain_domain::profile::ValidProfile;
use braingain_domain::{AccountId, ProfileId};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, NotSet, QueryFilter, QuerySelect, Set};
use std::collections::HashSet;
use uuid::Uuid;

/// Bind parameters per statement we stay under (SQLite allows 32,766, PostgreSQL 65,535).
const MAX_PARAMS: usize = 8_000;

/// Rows of `columns` columns that fit in one statement.
fn rows_per_statement(columns: usize) -> usize {
    (MAX_PARAMS / columns.max(1)).max(1)
}

/// A new expert profile to insert: its id, its owner, and the validated content.
#[derive(Debug, Clone, Copy)]
pub struct NewProfile<'a> {
    /// The profile's id.
    pub id: ProfileId,
    /// The owning account (created in the same transaction).
    pub account: AccountId,
    /// What the profile says.
    pub profile: &'a ValidProfile,
}

/// A mailed one-time token to store (as its digest) for an account.
#[derive(Debug, Clone)]
pub struct NewToken {
    /// The account it signs in or resets.
    pub account: AccountId,
    /// The SHA-256 digest of the token, as [`crate::account_tokens::replace`] stores it.
    pub digest: String,
}

/// Which of these (normalised) emails already belong to an account.
pub async fn existing_emails(
    db: &impl ConnectionTrait,
    emails: &[String],
) -> Result<HashSet<String>, StoreError> {
    let mut found = HashSet::new();
    for chunk in emails.chunks(rows_per_statement(1)) {
        let rows: Vec<String> = account::Entity::find()
            .select_only()
            .column(account::Column::Email)
            .filter(account::Column::Email.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(db)
            .await?;
        found.extend(rows);
    }
    Ok(found)
}

/// Inserts accounts. A taken email gives `StoreError::Conflict` and nothing of the statement
/// is written (the caller's transaction should then be rolled back).
pub async fn insert_accounts(
    db: &impl ConnectionTrait,
    accounts: &[NewAccount],
) -> Result<(), StoreError> {
    for chunk in accounts.chunks(rows_per_statement(10)) {
        account::Entity::insert_many(chunk.iter().map(|a| account::ActiveModel {
            id: Set(a.id.0),
            email: Set(a.email.clone()),
            password_hash: Set(a.password_hash.clone()),
            display_name: Set(a.display_name.clone()),
            role: Set(a.role.as_str().to_owned()),
            status: Set(a.status.as_str().to_owned()),
            email_verified_at: Set(a.email_verified_at),
            last_active_at: Set(None),
            created_at: Set(a.now),
            updated_at: Set(a.now),
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Inserts new, unverified expert profiles with their skills (in the expert's order) and
/// origin countries. Free-text skills must exist already (see
/// [`crate::skills::ensure_custom`]).
pub async fn insert_profiles(
    db: &impl ConnectionTrait,
    profiles: &[NewProfile<'_>],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for chunk in profiles.chunks(rows_per_statement(15)) {
        expert_profile::Entity::insert_many(chunk.iter().map(|n| {
            let p = n.profile;
            expert_profile::ActiveModel {
                id: Set(n.id.0),
                account_id: Set(n.account.0),
                headline: Set(p.headline.clone()),
                bio: Set(p.bio.clone()),
                residence_country: Set(p.residence_country.as_str().to_owned()),
                residence_city: Set(p.residence_city.clone()),
                languages: Set(crate::profiles::languages_json(&p.languages)),
                engagement_types: Set(json(&p.engagement_types)),
                work_modes: Set(json(&p.work_modes)),
                hours_per_month: Set(p.hours_per_month),
                orcid: Set(p.orcid.as_ref().map(|o| o.as_str().to_owned())),
                visibility: Set(p.visibility.as_str().to_owned()),
                verified: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    let skills: Vec<expert_skill::ActiveModel> = profiles
        .iter()
        .flat_map(|n| {
            n.profile
                .skills
                .iter()
                .enumerate()
                .map(move |(i, c)| expert_skill::ActiveModel {
                    profile_id: Set(n.id.0),
                    skill_id: Set(c.skill.id().0),
                    position: Set(i16::try_from(i).unwrap_or(i16::MAX)),
                    level: Set(i16::from(c.level)),
                    years: Set(c.years.map(i16::from)),
                })
        })
        .collect();
    for chunk in skills.chunks(rows_per_statement(5)) {
        expert_skill::Entity::insert_many(chunk.iter().cloned())
            .exec_without_returning(db)
            .await?;
    }
    let origins: Vec<expert_origin::ActiveModel> = profiles
        .iter()
        .flat_map(|n| {
            n.profile
                .origin_countries
                .iter()
                .map(move |c| expert_origin::ActiveModel {
                    profile_id: Set(n.id.0),
                    country: Set(c.as_str().to_owned()),
                })
        })
        .collect();
    for chunk in origins.chunks(rows_per_statement(2)) {
        expert_origin::Entity::insert_many(chunk.iter().cloned())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Records an `expert`/`upsert` change for each profile, as [`crate::events::record`] does
/// for one, so the search index picks them up; marked as bulk changes, which the index
/// writer applies in order behind the interactive ones (see [`crate::events::interactive_after`]).
pub async fn record_expert_upserts(
    db: &impl ConnectionTrait,
    profiles: &[ProfileId],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for chunk in profiles.chunks(rows_per_statement(5)) {
        change_event::Entity::insert_many(chunk.iter().map(|id| change_event::ActiveModel {
            id: NotSet,
            entity: Set(crate::events::Entity::Expert.as_str().to_owned()),
            entity_id: Set(id.0),
            op: Set(crate::events::Op::Upsert.as_str().to_owned()),
            created_at: Set(now),
            bulk: Set(true),
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Stores password-reset tokens (as digests) for new accounts, as
/// [`crate::account_tokens::replace`] does for one with `TokenPurpose::ResetPassword`.
pub async fn insert_reset_tokens(
    db: &impl ConnectionTrait,
    tokens: &[NewToken],
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    for chunk in tokens.chunks(rows_per_statement(7)) {
        account_token::Entity::insert_many(chunk.iter().map(|t| {
            account_token::ActiveModel {
                id: Set(Uuid::now_v7()),
                account_id: Set(t.account.0),
                purpose: Set(crate::account_tokens::TokenPurpose::ResetPassword
                    .as_str()
                    .to_owned()),
                token_hash: Set(t.digest.clone()),
                created_at: Set(now),
                expires_at: Set(expires_at),
                used_at: Set(None),
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Queues mails, as [`crate::mail::enqueue`] does for one; they are sent once the
/// surrounding transaction commits.
pub async fn enqueue_mails(
    db: &impl ConnectionTrait,
    mails: Vec<OutgoingMail>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut mails = mails.into_iter().peekable();
    let per_statement = rows_per_statement(9);
    while mails.peek().is_some() {
        let chunk: Vec<mail_outbox::ActiveModel> = mails
            .by_ref()
            .take(per_statement)
            .map(|m| mail_outbox::ActiveModel {
                id: NotSet,
                to_address: Set(m.to),
                subject: Set(m.subject),
                body_text: Set(m.body),
                created_at: Set(now),
                attempts: Set(0),
                next_attempt_at: Set(now),
                locked_until: Set(None),
                sent_at: Set(None),
                last_error: Set(None),
            })
            .collect();
        mail_outbox::Entity::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}
