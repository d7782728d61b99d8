//! Passwords: change (signed in, knowing the current one) and reset (by mailed token).

use crate::sessions::throttle_key;
use crate::{Actor, RequestMeta, Service, ServiceError, ServiceResult, mails};
use braingain_auth::{OpaqueToken, TokenDigest};
use braingain_domain::{AccountStatus, Email, Password};
use braingain_store::account_tokens::{self, TokenPurpose};
use braingain_store::{accounts, mail, sessions, throttle};
use secrecy::{ExposeSecret, SecretString};

impl Service {
    /// Changes the signed-in account's password. Every other session is signed out; the one
    /// making the change stays signed in. Wrong current passwords count as failed sign-ins.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn change_password(
        &self,
        actor: &Actor,
        meta: &RequestMeta,
        current: SecretString,
        next: SecretString,
    ) -> ServiceResult<bool> {
        let session = actor.session()?;
        let next = Password::parse_field(next.expose_secret(), "next")?;
        let account = self.account_record(session.account).await?;
        let now = self.now();
        let keys = self.throttle_keys(meta, &account.email);
        self.check_throttle(&keys, now).await?;
        if !self
            .inner
            .hasher
            .verify(current, account.password_hash.clone())
            .await?
        {
            self.record_failures(&keys, now).await?;
            return Err(ServiceError::bad_input(
                "current",
                "your current password is not right",
            ));
        }
        let hash = self
            .inner
            .hasher
            .hash(SecretString::from(next.expose().to_owned()))
            .await?;
        let tx = self.store().begin().await?;
        accounts::set_password_hash(&tx, account.id, hash, now).await?;
        sessions::revoke_account_except(&tx, account.id, session.family, now).await?;
        braingain_store::commit(tx).await?;
        Ok(true)
    }

    /// Mails a reset link if an account has this address. Always answers `true`, whether or
    /// not the account exists, so it reveals nothing; a few mails per address per window at
    /// most.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn request_password_reset(&self, email: &str) -> ServiceResult<bool> {
        let Ok(email) = Email::parse(email) else {
            return Ok(true);
        };
        let now = self.now();
        let cfg = &self.config().throttle;
        let key = throttle_key("reset", email.as_str());
        let (sent, _) =
            throttle::failures_since(self.store().conn(), &key, now - cfg.window).await?;
        if sent >= cfg.max_reset_mails {
            tracing::info!("password reset mail throttled");
            return Ok(true);
        }
        let Some(account) = accounts::find_by_email(self.store().conn(), email.as_str()).await?
        else {
            return Ok(true);
        };
        if account.status == AccountStatus::Suspended {
            return Ok(true);
        }
        let token = OpaqueToken::generate().map_err(ServiceError::internal)?;
        let tx = self.store().begin().await?;
        throttle::record_failure(&tx, &key, now).await?;
        account_tokens::replace(
            &tx,
            account.id,
            TokenPurpose::ResetPassword,
            token.digest.as_str(),
            now,
            now + self.config().reset_password_ttl,
        )
        .await?;
        let mail = mails::reset_password(
            &self.config().public_url,
            &account.email,
            &account.display_name,
            &token.secret,
        );
        mail::enqueue(&tx, mail, now).await?;
        braingain_store::commit(tx).await?;
        self.inner.mail_queued.notify_one();
        Ok(true)
    }

    /// Sets a new password with the token from a reset mail. Every session of the account is
    /// signed out, and the address counts as confirmed (the mail reached it).
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn reset_password(&self, token: &str, password: SecretString) -> ServiceResult<bool> {
        let password = Password::parse_field(password.expose_secret(), "password")?;
        let hash = self
            .inner
            .hasher
            .hash(SecretString::from(password.expose().to_owned()))
            .await?;
        let now = self.now();
        let digest = TokenDigest::of(token);
        let tx = self.store().begin().await?;
        let Some(id) =
            account_tokens::consume(&tx, TokenPurpose::ResetPassword, digest.as_str(), now).await?
        else {
            return Err(ServiceError::bad_input(
                "token",
                "this reset link is invalid, already used or expired; ask for a new one",
            ));
        };
        let account = accounts::find_by_id(&tx, id).await?.ok_or_else(|| {
            ServiceError::bad_input("token", "this reset link is no longer valid")
        })?;
        if account.status == AccountStatus::Suspended {
            return Err(ServiceError::forbidden("this account is suspended"));
        }
        accounts::set_password_hash(&tx, id, hash, now).await?;
        accounts::mark_verified(&tx, id, now).await?;
        sessions::revoke_account(&tx, id, now).await?;
        let email_key = throttle_key("email", &account.email);
        throttle::clear(&tx, &email_key).await?;
        braingain_store::commit(tx).await?;
        Ok(true)
    }
}
