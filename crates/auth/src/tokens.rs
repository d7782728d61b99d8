//! Opaque random tokens (refresh, email verification, password reset) and their digests.
//!
//! A token is 32 random bytes, shown to its holder once as URL-safe base64. The database keeps
//! only the SHA-256 digest, so a leaked table grants nothing.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// A freshly minted token: the secret for the holder and the digest for storage.
#[derive(Clone)]
pub struct OpaqueToken {
    /// The value handed to the client (43 URL-safe characters).
    pub secret: String,
    /// What the database stores and looks up.
    pub digest: TokenDigest,
}

impl std::fmt::Debug for OpaqueToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpaqueToken")
            .field("digest", &self.digest)
            .finish_non_exhaustive()
    }
}

/// The hex SHA-256 digest of a token.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TokenDigest(pub String);

impl OpaqueToken {
    /// Mints a new token from the operating system's random source.
    pub fn generate() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        let secret = URL_SAFE_NO_PAD.encode(bytes);
        let digest = TokenDigest::of(&secret);
        Ok(Self { secret, digest })
    }
}

impl TokenDigest {
    /// The digest of a token presented by a client.
    #[must_use]
    pub fn of(secret: &str) -> Self {
        Self(hex::encode(Sha256::digest(secret.trim().as_bytes())))
    }

    /// The digest as stored.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Random bytes for a new signing secret (kept in the data directory on first start).
pub fn random_secret() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 48];
    getrandom::fill(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_their_digest_is_reproducible() {
        let a = OpaqueToken::generate().unwrap();
        let b = OpaqueToken::generate().unwrap();
        assert_ne!(a.secret, b.secret);
        assert_eq!(a.secret.len(), 43);
        assert_eq!(TokenDigest::of(&a.secret), a.digest);
        assert_ne!(a.digest, b.digest);
        assert_eq!(a.digest.as_str().len(), 64);
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let t = OpaqueToken::generate().unwrap();
        assert!(!format!("{t:?}").contains(&t.secret));
    }
}
