//! argon2id password hashing, off the async runtime, with constant work for unknown accounts.

use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordVerifier, Version};
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;

/// Hashing failed for a reason other than a wrong password (corrupt hash, worker panic).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct PasswordHashError(String);

/// Hashes and verifies passwords with argon2id. Cheap to clone.
#[derive(Clone)]
pub struct PasswordHasher {
    inner: Arc<Inner>,
}

struct Inner {
    params: Params,
    /// A hash of a random password, verified against when the account does not exist so that
    /// an unknown email costs as much time as a known one.
    dummy_hash: String,
}

impl std::fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordHasher")
            .field("m_cost_kib", &self.inner.params.m_cost())
            .field("t_cost", &self.inner.params.t_cost())
            .field("p_cost", &self.inner.params.p_cost())
            .finish()
    }
}

impl PasswordHasher {
    /// OWASP's recommended argon2id parameters: 19 MiB of memory, 2 passes, 1 lane.
    pub fn owasp() -> Result<Self, PasswordHashError> {
        let params =
            Params::new(19 * 1024, 2, 1, None).map_err(|e| PasswordHashError(e.to_string()))?;
        Self::with_params(params)
    }

    fn with_params(params: Params) -> Result<Self, PasswordHashError> {
        let mut random = [0u8; 24];
        getrandom::fill(&mut random).map_err(|e| PasswordHashError(e.to_string()))?;
        let dummy_hash = hash_sync(&params, &hex::encode(random))?;
        Ok(Self {
            inner: Arc::new(Inner { params, dummy_hash }),
        })
    }

    /// Hashes `password` into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
    pub async fn hash(&self, password: SecretString) -> Result<String, PasswordHashError> {
        let params = self.inner.params.clone();
        run_blocking(move || hash_sync(&params, password.expose_secret())).await?
    }

    /// Checks `password` against `stored`. With `None` (no such account) it verifies against
    /// the dummy hash, spending the same time, and answers `false`.
    pub async fn verify(
        &self,
        password: SecretString,
        stored: Option<String>,
    ) -> Result<bool, PasswordHashError> {
        let known = stored.is_some();
        let hash = stored.unwrap_or_else(|| self.inner.dummy_hash.clone());
        let matches = run_blocking(move || verify_sync(password.expose_secret(), &hash)).await??;
        Ok(known && matches)
    }
}

fn argon2(params: &Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
}

fn hash_sync(params: &Params, password: &str) -> Result<String, PasswordHashError> {
    use argon2::PasswordHasher as _;
    argon2(params)
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| PasswordHashError(e.to_string()))
}

fn verify_sync(password: &str, stored: &str) -> Result<bool, PasswordHashError> {
    let parsed = PasswordHash::new(stored).map_err(|e| PasswordHashError(e.to_string()))?;
    // The parameters recorded in the hash are used, so old hashes keep verifying after a
    // parameter change.
    match Argon2::default().verify_password(password.as_bytes(), &parsed) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(e) => Err(PasswordHashError(e.to_string())),
    }
}

async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PasswordHashError> {
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || span.in_scope(f))
        .await
        .map_err(|e| PasswordHashError(format!("hashing task failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[tokio::test]
    async fn a_hash_verifies_its_own_password_only() {
        let hasher = PasswordHasher::owasp().unwrap();
        let hash = hasher.hash(secret("correct horse battery")).await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(
            hasher
                .verify(secret("correct horse battery"), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify(secret("wrong horse battery"), Some(hash))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        let hasher = PasswordHasher::owasp().unwrap();
        assert!(
            !hasher
                .verify(secret("anything at all"), None)
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn two_hashes_of_one_password_differ_by_salt() {
        let hasher = PasswordHasher::owasp().unwrap();
        let a = hasher.hash(secret("correct horse battery")).await.unwrap();
        let b = hasher.hash(secret("correct horse battery")).await.unwrap();
        assert_ne!(a, b);
    }

    #[tokio::test]
    async fn a_corrupt_stored_hash_is_an_error_not_a_match() {
        let hasher = PasswordHasher::owasp().unwrap();
        assert!(
            hasher
                .verify(secret("x"), Some("not a hash".into()))
                .await
                .is_err()
        );
    }
}
