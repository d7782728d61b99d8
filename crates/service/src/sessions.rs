//! Sessions: sign-in with throttling, refresh-token rotation with reuse detection, sign-out,
//! and turning a bearer token into an `Actor`.

use crate::accounts::AccountView;
use crate::{Actor, RequestMeta, Service, ServiceError, ServiceResult, Session};
use braingain_auth::{OpaqueToken, TokenDigest, TokenError};
use braingain_domain::{AccountStatus, Email};
use braingain_store::accounts::{self, AccountRecord};
use braingain_store::{ConnectionTrait, sessions, throttle};
use chrono::{DateTime, Duration, Utc};
use secrecy::SecretString;
use uuid::Uuid;

/// How often a signed-in account's last activity is written, at most.
const ACTIVITY_RESOLUTION: Duration = Duration::minutes(5);
/// Passwords longer than this are refused before hashing (the policy allows 256 characters).
const MAX_PASSWORD_BYTES: usize = 1024;

/// What a successful sign-in, registration or refresh returns.
#[derive(Debug, Clone)]
pub struct AuthPayload {
    /// Short-lived JWT.
    pub access_token: String,
    /// Opaque, single-use refresh token.
    pub refresh_token: String,
    /// The signed-in account, as it sees itself.
    pub account: AccountView,
}

/// A throttling key: a digest, so no address is stored in clear.
pub(crate) fn throttle_key(kind: &str, value: &str) -> String {
    TokenDigest::of(&format!("{kind}:{value}")).0
}

impl Service {
    /// Signs in with email and password.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn login(
        &self,
        meta: &RequestMeta,
        email: &str,
        password: SecretString,
    ) -> ServiceResult<AuthPayload> {
        use secrecy::ExposeSecret;
        let now = self.now();
        let normalised = email.trim().to_lowercase();
        let keys = self.throttle_keys(meta, &normalised);
        self.check_throttle(&keys, now).await?;

        let account = match Email::parse(&normalised) {
            Ok(email) => accounts::find_by_email(self.store().conn(), email.as_str()).await?,
            Err(_) => None,
        };
        let too_long = password.expose_secret().len() > MAX_PASSWORD_BYTES;
        let stored = account
            .as_ref()
            .and_then(|a| a.password_hash.clone())
            .filter(|_| !too_long);
        let matches = self.inner.hasher.verify(password, stored).await?;
        let Some(account) = account.filter(|_| matches) else {
            self.record_failures(&keys, now).await?;
            return Err(ServiceError::Unauthenticated(
                "wrong email or password".into(),
            ));
        };
        if account.status == AccountStatus::Suspended {
            return Err(ServiceError::forbidden(
                "this account is suspended; contact the programme's moderators",
            ));
        }
        let tx = self.store().begin().await?;
        throttle::clear(&tx, &keys[0]).await?;
        accounts::touch_last_active(&tx, account.id, now, now).await?;
        let payload = self.start_session(&tx, account, now).await?;
        braingain_store::commit(tx).await?;
        Ok(payload)
    }

    /// Exchanges a refresh token for a new pair. Each refresh token works once; presenting a
    /// spent one revokes every token of its family (it was stolen, or the client is confused).
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn refresh(&self, refresh_token: &str) -> ServiceResult<AuthPayload> {
        let now = self.now();
        let digest = TokenDigest::of(refresh_token);
        let invalid =
            || ServiceError::Unauthenticated("this session has ended; sign in again".into());
        let tx = self.store().begin().await?;
        let Some(token) = sessions::find_by_hash(&tx, digest.as_str()).await? else {
            return Err(invalid());
        };
        if token.revoked_at.is_some() || token.expires_at <= now {
            return Err(invalid());
        }
        if token.used_at.is_some() || !sessions::mark_used(&tx, token.id, now).await? {
            sessions::revoke_family(&tx, token.family_id, now).await?;
            braingain_store::commit(tx).await?;
            tracing::warn!(account.id = %token.account_id, "refresh token reused; session family revoked");
            return Err(invalid());
        }
        let account = accounts::find_by_id(&tx, token.account_id)
            .await?
            .ok_or_else(invalid)?;
        if account.status == AccountStatus::Suspended {
            return Err(invalid());
        }
        let payload = self
            .continue_session(&tx, account, token.family_id, now)
            .await?;
        braingain_store::commit(tx).await?;
        Ok(payload)
    }

    /// Ends the session the refresh token belongs to. Answers `true` whether or not the token
    /// was still live, so it reveals nothing.
    pub async fn logout(&self, refresh_token: &str) -> ServiceResult<bool> {
        let now = self.now();
        let digest = TokenDigest::of(refresh_token);
        if let Some(token) = sessions::find_by_hash(self.store().conn(), digest.as_str()).await? {
            sessions::revoke_family(self.store().conn(), token.family_id, now).await?;
        }
        Ok(true)
    }

    /// Turns a bearer access token into the caller. The account is re-read on every request,
    /// so a suspended or deleted account loses access at once.
    pub async fn authenticate(&self, bearer: &str) -> ServiceResult<Actor> {
        let now = self.now();
        let (id, claims) = self.inner.jwt.verify(bearer, now).map_err(|e| match e {
            TokenError::Expired => {
                ServiceError::Unauthenticated("the access token has expired; refresh it".into())
            }
            TokenError::Invalid => {
                ServiceError::Unauthenticated("the access token is invalid".into())
            }
        })?;
        let account = accounts::find_by_id(self.store().conn(), id)
            .await?
            .ok_or_else(|| ServiceError::Unauthenticated("this account no longer exists".into()))?;
        if account.status == AccountStatus::Suspended {
            return Err(ServiceError::Unauthenticated(
                "this account is suspended".into(),
            ));
        }
        if account
            .last_active_at
            .is_none_or(|t| t < now - ACTIVITY_RESOLUTION)
        {
            accounts::touch_last_active(self.store().conn(), id, now, now - ACTIVITY_RESOLUTION)
                .await?;
        }
        Ok(Actor::Account(Session {
            account: account.id,
            role: account.role,
            status: account.status,
            family: claims.sid.and_then(|s| s.parse::<Uuid>().ok()),
        }))
    }

    pub(crate) async fn start_session(
        &self,
        db: &impl ConnectionTrait,
        account: AccountRecord,
        now: DateTime<Utc>,
    ) -> ServiceResult<AuthPayload> {
        self.continue_session(db, account, Uuid::now_v7(), now)
            .await
    }

    async fn continue_session(
        &self,
        db: &impl ConnectionTrait,
        account: AccountRecord,
        family: Uuid,
        now: DateTime<Utc>,
    ) -> ServiceResult<AuthPayload> {
        let refresh = OpaqueToken::generate().map_err(ServiceError::internal)?;
        sessions::insert(
            db,
            account.id,
            family,
            refresh.digest.as_str(),
            now,
            now + self.config().refresh_ttl,
        )
        .await?;
        let access = self
            .inner
            .jwt
            .issue(account.id, account.role, Some(family), now)
            .map_err(ServiceError::internal)?;
        let viewer = Actor::Account(Session {
            account: account.id,
            role: account.role,
            status: account.status,
            family: Some(family),
        });
        Ok(AuthPayload {
            access_token: access,
            refresh_token: refresh.secret,
            account: AccountView::of(account, &viewer),
        })
    }

    /// The throttling keys of a sign-in: the email's first, then the client address's.
    pub(crate) fn throttle_keys(&self, meta: &RequestMeta, normalised_email: &str) -> Vec<String> {
        let mut keys = vec![throttle_key("email", normalised_email)];
        if let Some(ip) = meta.client_ip {
            keys.push(throttle_key("ip", &ip.to_string()));
        }
        keys
    }

    /// `RATE_LIMITED` if any key has used up its failures in the window.
    pub(crate) async fn check_throttle(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        let cfg = &self.config().throttle;
        for (i, key) in keys.iter().enumerate() {
            let limit = if i == 0 {
                cfg.max_failures_per_email
            } else {
                cfg.max_failures_per_ip
            };
            let (count, oldest) =
                throttle::failures_since(self.store().conn(), key, now - cfg.window).await?;
            if count >= limit {
                let free_at = oldest.unwrap_or(now) + cfg.window;
                let retry_after_secs =
                    u64::try_from((free_at - now).num_seconds().max(1)).unwrap_or(1);
                return Err(ServiceError::RateLimited { retry_after_secs });
            }
        }
        Ok(())
    }

    pub(crate) async fn record_failures(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        let tx = self.store().begin().await?;
        for key in keys {
            throttle::record_failure(&tx, key, now).await?;
        }
        throttle::prune(&tx, now - self.config().throttle.window).await?;
        braingain_store::commit(tx).await?;
        Ok(())
    }
}
