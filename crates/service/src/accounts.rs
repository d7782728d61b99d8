//! Accounts: registration, email verification, what others may see, roles and suspension.

use crate::sessions::AuthPayload;
use crate::{Actor, Service, ServiceError, ServiceResult, mails};
use braingain_auth::OpaqueToken;
use braingain_domain::{AccountId, AccountStatus, DisplayName, Email, Password, Role};
use braingain_store::account_tokens::{self, TokenPurpose};
use braingain_store::accounts::{self, AccountRecord, NewAccount};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::{ConnectionTrait, mail, sessions};
use chrono::{DateTime, Utc};
use secrecy::SecretString;

/// An account as one particular viewer may see it: `email` is `None` unless the viewer is
/// the account itself or a moderator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountView {
    /// Identifier.
    pub id: AccountId,
    /// The email, when the viewer may see it.
    pub email: Option<String>,
    /// Name shown to others.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Status.
    pub status: AccountStatus,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

impl AccountView {
    /// What `viewer` may see of `record`.
    #[must_use]
    pub fn of(record: AccountRecord, viewer: &Actor) -> Self {
        let own = viewer.account_id() == Some(record.id);
        Self {
            email: (own || viewer.is_moderator()).then_some(record.email),
            id: record.id,
            display_name: record.display_name,
            role: record.role,
            status: record.status,
            created_at: record.created_at,
        }
    }
}

/// The input of `register`.
#[derive(Debug, Clone)]
pub struct Registration {
    /// Email as typed.
    pub email: String,
    /// Password as typed.
    pub password: SecretString,
    /// Name as typed.
    pub display_name: String,
    /// Requested role; only EXPERT and INSTITUTION are accepted.
    pub role: Role,
}

impl Service {
    /// Creates a `PENDING_VERIFICATION` account, mails a verification link, and signs it in.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn register(&self, input: Registration) -> ServiceResult<AuthPayload> {
        use secrecy::ExposeSecret;
        let email = Email::parse_field(&input.email, "input.email")?;
        let password = Password::parse_field(input.password.expose_secret(), "input.password")?;
        let name = DisplayName::parse_field(&input.display_name, "input.displayName")?;
        if !input.role.is_self_service() {
            return Err(ServiceError::bad_input(
                "input.role",
                "you can register as an expert or as institution staff; other roles are granted by an administrator",
            ));
        }
        let hash = self
            .inner
            .hasher
            .hash(SecretString::from(password.expose().to_owned()))
            .await?;
        let now = self.now();
        let tx = self.store().begin().await?;
        let account = accounts::insert(
            &tx,
            NewAccount {
                id: AccountId::new(),
                email: email.as_str().to_owned(),
                password_hash: Some(hash),
                display_name: name.as_str().to_owned(),
                role: input.role,
                status: AccountStatus::PendingVerification,
                email_verified_at: None,
                now,
            },
        )
        .await
        .map_err(|e| {
            if matches!(e, braingain_store::StoreError::Conflict(_)) {
                ServiceError::conflict(
                    "input.email",
                    "an account with this email address already exists",
                )
            } else {
                e.into()
            }
        })?;
        self.queue_verification_mail(&tx, &account, now).await?;
        let payload = self.start_session(&tx, account, now).await?;
        braingain_store::commit(tx).await?;
        self.inner.mail_queued.notify_one();
        tracing::info!(account.id = %payload.account.id, "account registered");
        Ok(payload)
    }

    /// Sends a fresh verification link to the signed-in account if it is still unverified.
    pub async fn resend_verification(&self, actor: &Actor) -> ServiceResult<bool> {
        let session = actor.session()?;
        let account = self.account_record(session.account).await?;
        if account.email_verified_at.is_some() {
            return Ok(false);
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        self.queue_verification_mail(&tx, &account, now).await?;
        braingain_store::commit(tx).await?;
        self.inner.mail_queued.notify_one();
        Ok(true)
    }

    async fn queue_verification_mail(
        &self,
        db: &impl ConnectionTrait,
        account: &AccountRecord,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        let token = OpaqueToken::generate().map_err(ServiceError::internal)?;
        account_tokens::replace(
            db,
            account.id,
            TokenPurpose::VerifyEmail,
            token.digest.as_str(),
            now,
            now + self.config().verify_email_ttl,
        )
        .await?;
        let mail = mails::verify_email(
            &self.config().public_url,
            &account.email,
            &account.display_name,
            &token.secret,
        );
        mail::enqueue(db, mail, now).await?;
        Ok(())
    }

    /// Confirms an email address with the token from the verification mail.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn verify_email(&self, actor: &Actor, token: &str) -> ServiceResult<AccountView> {
        let now = self.now();
        let digest = braingain_auth::TokenDigest::of(token);
        let tx = self.store().begin().await?;
        let Some(id) =
            account_tokens::consume(&tx, TokenPurpose::VerifyEmail, digest.as_str(), now).await?
        else {
            return Err(ServiceError::bad_input(
                "token",
                "this confirmation link is invalid, already used or expired; ask for a new one",
            ));
        };
        accounts::mark_verified(&tx, id, now).await?;
        if let Some(profile) = braingain_store::profiles::find_by_account(&tx, id).await? {
            // A verified account's profile becomes searchable.
            braingain_store::events::record(
                &tx,
                braingain_store::events::Entity::Expert,
                profile.id.0,
                braingain_store::events::Op::Upsert,
                now,
            )
            .await?;
        }
        let account = accounts::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("account not found".into()))?;
        braingain_store::commit(tx).await?;
        self.changes_committed();
        // The token proves control of the mailbox: the holder may see the address.
        let viewer = match actor.account_id() {
            Some(a) if a == id => actor.clone(),
            _ => Actor::Anonymous,
        };
        let mut view = AccountView::of(account.clone(), &viewer);
        view.email = Some(account.email);
        Ok(view)
    }

    /// The signed-in account, or `None` for anonymous callers.
    pub async fn me(&self, actor: &Actor) -> ServiceResult<Option<AccountView>> {
        let Some(id) = actor.account_id() else {
            return Ok(None);
        };
        let record = self.account_record(id).await?;
        Ok(Some(AccountView::of(record, actor)))
    }

    /// Grants `role` to an account. Admins only; an admin cannot demote themselves (so the
    /// network always keeps one).
    #[tracing::instrument(skip_all, fields(account.id = %id), err(level = "debug"))]
    pub async fn set_role(
        &self,
        actor: &Actor,
        id: AccountId,
        role: Role,
    ) -> ServiceResult<AccountView> {
        let admin = actor.admin()?;
        if admin.account == id && role != Role::Admin {
            return Err(ServiceError::conflict(
                "role",
                "you cannot remove your own administrator role; ask another administrator",
            ));
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        let before = accounts::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no account has this id".into()))?;
        accounts::set_role(&tx, id, role, now).await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: Some(admin.account),
                action: "account.set_role".into(),
                subject_type: "account".into(),
                subject_id: Some(id.to_string()),
                reason: None,
                details: Some(serde_json::json!({ "from": before.role, "to": role })),
            },
        )
        .await?;
        let after = accounts::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no account has this id".into()))?;
        braingain_store::commit(tx).await?;
        Ok(AccountView::of(after, actor))
    }

    /// Suspends an account: it can no longer sign in and its sessions end at once.
    /// Moderators may suspend experts and institution staff; only admins may suspend
    /// moderators; nobody suspends an admin or themselves.
    #[tracing::instrument(skip_all, fields(account.id = %id), err(level = "debug"))]
    pub async fn suspend_account(
        &self,
        actor: &Actor,
        id: AccountId,
        reason: &str,
    ) -> ServiceResult<AccountView> {
        let moderator = actor.moderator()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(ServiceError::bad_input(
                "reason",
                "give the reason for the suspension",
            ));
        }
        if reason.chars().count() > 2000 {
            return Err(ServiceError::bad_input(
                "reason",
                "a reason has at most 2000 characters",
            ));
        }
        if moderator.account == id {
            return Err(ServiceError::forbidden(
                "you cannot suspend your own account",
            ));
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        let target = accounts::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no account has this id".into()))?;
        let allowed = match target.role {
            Role::Expert | Role::Institution => true,
            Role::Moderator => moderator.role == Role::Admin,
            Role::Admin => false,
        };
        if !allowed {
            return Err(ServiceError::forbidden("you may not suspend this account"));
        }
        accounts::set_status(&tx, id, AccountStatus::Suspended, now).await?;
        sessions::revoke_account(&tx, id, now).await?;
        if let Some(profile) = braingain_store::profiles::find_by_account(&tx, id).await? {
            // The index must drop the profile at once.
            braingain_store::events::record(
                &tx,
                braingain_store::events::Entity::Expert,
                profile.id.0,
                braingain_store::events::Op::Upsert,
                now,
            )
            .await?;
        }
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: Some(moderator.account),
                action: "account.suspend".into(),
                subject_type: "account".into(),
                subject_id: Some(id.to_string()),
                reason: Some(reason.to_owned()),
                details: Some(serde_json::json!({ "previousStatus": target.status })),
            },
        )
        .await?;
        let after = accounts::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no account has this id".into()))?;
        braingain_store::commit(tx).await?;
        self.changes_committed();
        tracing::info!(account.id = %id, "account suspended");
        Ok(AccountView::of(after, actor))
    }

    /// Creates an ACTIVE admin, or promotes (and reactivates) an existing account; with a
    /// password, sets it. For the operator's command line.
    pub async fn create_admin(
        &self,
        email: &str,
        password: Option<SecretString>,
        display_name: &str,
    ) -> ServiceResult<(AccountView, bool)> {
        use secrecy::ExposeSecret;
        let email = Email::parse(email)?;
        let hash = match &password {
            Some(p) => {
                let p = Password::parse_field(p.expose_secret(), "password")?;
                Some(
                    self.inner
                        .hasher
                        .hash(SecretString::from(p.expose().to_owned()))
                        .await?,
                )
            }
            None => None,
        };
        let name = DisplayName::parse_field(display_name, "name")?;
        let now = self.now();
        let tx = self.store().begin().await?;
        let existing = accounts::find_by_email(&tx, email.as_str()).await?;
        let (id, created) = match existing {
            Some(account) => {
                accounts::set_role(&tx, account.id, Role::Admin, now).await?;
                accounts::set_status(&tx, account.id, AccountStatus::Active, now).await?;
                accounts::mark_verified(&tx, account.id, now).await?;
                if let Some(hash) = hash {
                    accounts::set_password_hash(&tx, account.id, hash, now).await?;
                    sessions::revoke_account(&tx, account.id, now).await?;
                }
                (account.id, false)
            }
            None => {
                let Some(hash) = hash else {
                    return Err(ServiceError::bad_input(
                        "password",
                        "a new administrator needs a password",
                    ));
                };
                let account = accounts::insert(
                    &tx,
                    NewAccount {
                        id: AccountId::new(),
                        email: email.as_str().to_owned(),
                        password_hash: Some(hash),
                        display_name: name.as_str().to_owned(),
                        role: Role::Admin,
                        status: AccountStatus::Active,
                        email_verified_at: Some(now),
                        now,
                    },
                )
                .await?;
                (account.id, true)
            }
        };
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: None,
                action: if created {
                    "account.create_admin"
                } else {
                    "account.promote_admin"
                }
                .into(),
                subject_type: "account".into(),
                subject_id: Some(id.to_string()),
                reason: Some("braingain create-admin".into()),
                details: None,
            },
        )
        .await?;
        let record = accounts::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("account vanished".into()))?;
        braingain_store::commit(tx).await?;
        let mut view = AccountView::of(record.clone(), &Actor::Anonymous);
        view.email = Some(record.email);
        Ok((view, created))
    }

    pub(crate) async fn account_record(&self, id: AccountId) -> ServiceResult<AccountRecord> {
        accounts::find_by_id(self.store().conn(), id)
            .await?
            .ok_or_else(|| ServiceError::Unauthenticated("this account no longer exists".into()))
    }
}
