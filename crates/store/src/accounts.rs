//! Account rows: creation, lookup and the few fields that change.

use crate::StoreError;
use crate::entities::account::{self, Entity as Accounts};
use braingain_domain::{AccountId, AccountStatus, Role};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// An account as the rest of the system sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRecord {
    /// Identifier.
    pub id: AccountId,
    /// Normalised email.
    pub email: String,
    /// argon2id PHC string, if a password is set.
    pub password_hash: Option<String>,
    /// Name shown to others.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Status.
    pub status: AccountStatus,
    /// When the email was confirmed.
    pub email_verified_at: Option<DateTime<Utc>>,
    /// Last authenticated activity.
    pub last_active_at: Option<DateTime<Utc>>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<account::Model> for AccountRecord {
    type Error = StoreError;
    fn try_from(m: account::Model) -> Result<Self, StoreError> {
        Ok(Self {
            id: AccountId(m.id),
            role: m
                .role
                .parse()
                .map_err(|e| StoreError::Corrupt(format!("account {}: {e}", m.id)))?,
            status: m
                .status
                .parse()
                .map_err(|e| StoreError::Corrupt(format!("account {}: {e}", m.id)))?,
            email: m.email,
            password_hash: m.password_hash,
            display_name: m.display_name,
            email_verified_at: m.email_verified_at,
            last_active_at: m.last_active_at,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

/// What is needed to create an account.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Identifier to use.
    pub id: AccountId,
    /// Normalised email.
    pub email: String,
    /// argon2id PHC string, if any.
    pub password_hash: Option<String>,
    /// Name shown to others.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Initial status.
    pub status: AccountStatus,
    /// Set when the address is known good (operator-created accounts).
    pub email_verified_at: Option<DateTime<Utc>>,
    /// Creation time.
    pub now: DateTime<Utc>,
}

/// Inserts an account. A taken email gives `StoreError::Conflict`.
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewAccount,
) -> Result<AccountRecord, StoreError> {
    let model = account::ActiveModel {
        id: Set(new.id.0),
        email: Set(new.email),
        password_hash: Set(new.password_hash),
        display_name: Set(new.display_name),
        role: Set(new.role.as_str().to_owned()),
        status: Set(new.status.as_str().to_owned()),
        email_verified_at: Set(new.email_verified_at),
        last_active_at: Set(None),
        created_at: Set(new.now),
        updated_at: Set(new.now),
    }
    .insert(db)
    .await?;
    model.try_into()
}

/// The account with this id.
pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: AccountId,
) -> Result<Option<AccountRecord>, StoreError> {
    Accounts::find_by_id(id.0)
        .one(db)
        .await?
        .map(TryInto::try_into)
        .transpose()
}

/// The account with this (normalised) email.
pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<AccountRecord>, StoreError> {
    Accounts::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await?
        .map(TryInto::try_into)
        .transpose()
}

/// Sets the account's status.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: AccountId,
    status: AccountStatus,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Accounts::update_many()
        .col_expr(account::Column::Status, Expr::value(status.as_str()))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    Ok(())
}

/// Marks the email confirmed and, if the account was pending, activates it.
pub async fn mark_verified(
    db: &impl ConnectionTrait,
    id: AccountId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Accounts::update_many()
        .col_expr(account::Column::EmailVerifiedAt, Expr::value(now))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(id.0))
        .filter(account::Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    Accounts::update_many()
        .col_expr(
            account::Column::Status,
            Expr::value(AccountStatus::Active.as_str()),
        )
        .filter(account::Column::Id.eq(id.0))
        .filter(account::Column::Status.eq(AccountStatus::PendingVerification.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

/// Replaces the password hash.
pub async fn set_password_hash(
    db: &impl ConnectionTrait,
    id: AccountId,
    hash: String,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Accounts::update_many()
        .col_expr(account::Column::PasswordHash, Expr::value(hash))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets the account's role.
pub async fn set_role(
    db: &impl ConnectionTrait,
    id: AccountId,
    role: Role,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Accounts::update_many()
        .col_expr(account::Column::Role, Expr::value(role.as_str()))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    Ok(())
}

/// Records activity at `now` unless activity was already recorded after `unless_since`.
pub async fn touch_last_active(
    db: &impl ConnectionTrait,
    id: AccountId,
    now: DateTime<Utc>,
    unless_since: DateTime<Utc>,
) -> Result<(), StoreError> {
    Accounts::update_many()
        .col_expr(account::Column::LastActiveAt, Expr::value(now))
        .filter(account::Column::Id.eq(id.0))
        .filter(
            account::Column::LastActiveAt
                .is_null()
                .or(account::Column::LastActiveAt.lt(unless_since)),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// How many accounts hold `role`.
pub async fn count_with_role(db: &impl ConnectionTrait, role: Role) -> Result<u64, StoreError> {
    use sea_orm::PaginatorTrait;
    Ok(Accounts::find()
        .filter(account::Column::Role.eq(role.as_str()))
        .count(db)
        .await?)
}

/// Deletes the account row; sessions and mailed tokens go with it (foreign keys cascade).
pub async fn delete(db: &impl ConnectionTrait, id: AccountId) -> Result<(), StoreError> {
    Accounts::delete_by_id(id.0).exec(db).await?;
    Ok(())
}

/// The accounts with these ids (unknown ids are skipped).
pub async fn find_many(
    db: &impl ConnectionTrait,
    ids: &[AccountId],
) -> Result<Vec<AccountRecord>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Accounts::find()
        .filter(account::Column::Id.is_in(ids.iter().map(|i| i.0)))
        .all(db)
        .await?
        .into_iter()
        .map(TryInto::try_into)
        .collect()
}
