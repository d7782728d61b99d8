//! HS256 access tokens with every registered claim we rely on required and validated.

use braingain_domain::{AccountId, Role};
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::{ExposeSecret, SecretString};

/// Issuer written into and required of every access token.
pub const ISSUER: &str = "braingain";
/// Audience written into and required of every access token.
pub const AUDIENCE: &str = "braingain-api";
/// Longest lifetime an access token may have.
pub const MAX_ACCESS_TTL: Duration = Duration::minutes(15);

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccessClaims {
    /// Issuer; always [`ISSUER`].
    pub iss: String,
    /// Audience; always [`AUDIENCE`].
    pub aud: String,
    /// The account's id.
    pub sub: String,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Expiry (seconds since the epoch).
    pub exp: i64,
    /// The account's role when the token was issued (informative; the server re-reads it).
    pub role: Role,
    /// The session (refresh-token family) this token belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
}

/// Why a token was refused. Deliberately coarse: clients only learn "sign in again".
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    /// The token has expired.
    #[error("the access token has expired")]
    Expired,
    /// Malformed, wrongly signed, wrong algorithm, issuer or audience, or missing claims.
    #[error("the access token is invalid")]
    Invalid,
}

/// The signing key and validation rules for access tokens.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    ttl: Duration,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtKeys")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl JwtKeys {
    /// Keys from a shared secret. `ttl` is capped at [`MAX_ACCESS_TTL`].
    #[must_use]
    pub fn new(secret: &SecretString, ttl: Duration) -> Self {
        let bytes = secret.expose_secret().as_bytes();
        Self {
            encoding: EncodingKey::from_secret(bytes),
            decoding: DecodingKey::from_secret(bytes),
            ttl: ttl.min(MAX_ACCESS_TTL),
        }
    }

    /// How long an access token lives.
    #[must_use]
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Signs an access token for `account` valid from `now` for the configured lifetime.
    pub fn issue(
        &self,
        account: AccountId,
        role: Role,
        session: Option<uuid::Uuid>,
        now: DateTime<Utc>,
    ) -> Result<String, TokenError> {
        let claims = AccessClaims {
            sid: session.map(|s| s.to_string()),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            sub: account.to_string(),
            iat: now.timestamp(),
            exp: (now + self.ttl).timestamp(),
            role,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|_| TokenError::Invalid)
    }

    /// Verifies signature, algorithm, issuer, audience and expiry at `now`.
    pub fn verify(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<(AccountId, AccessClaims), TokenError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        // Expiry is checked below against the injected clock, not the system clock.
        validation.validate_exp = false;
        let data = jsonwebtoken::decode::<AccessClaims>(token, &self.decoding, &validation)
            .map_err(|_| TokenError::Invalid)?;
        if data.claims.exp <= now.timestamp() {
            return Err(TokenError::Expired);
        }
        let id = data
            .claims
            .sub
            .parse::<AccountId>()
            .map_err(|_| TokenError::Invalid)?;
        Ok((id, data.claims))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn keys(secret: &str) -> JwtKeys {
        JwtKeys::new(
            &SecretString::from(secret.to_owned()),
            Duration::minutes(15),
        )
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn an_issued_token_verifies_until_it_expires() {
        let k = keys("a secret of reasonable length");
        let id = AccountId::new();
        let token = k.issue(id, Role::Expert, None, now()).unwrap();
        let (got, claims) = k.verify(&token, now() + Duration::minutes(14)).unwrap();
        assert_eq!(got, id);
        assert_eq!(claims.role, Role::Expert);
        assert_eq!(
            k.verify(&token, now() + Duration::minutes(15)),
            Err(TokenError::Expired)
        );
    }

    #[test]
    fn lifetimes_are_capped_at_fifteen_minutes() {
        let k = JwtKeys::new(&SecretString::from("s".to_owned()), Duration::hours(2));
        assert_eq!(k.ttl(), Duration::minutes(15));
    }

    #[test]
    fn a_token_signed_with_another_key_is_invalid() {
        let token = keys("one secret")
            .issue(AccountId::new(), Role::Admin, None, now())
            .unwrap();
        assert_eq!(
            keys("another secret").verify(&token, now()),
            Err(TokenError::Invalid)
        );
    }

    #[test]
    fn an_unsigned_alg_none_token_is_invalid() {
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
        let body = URL_SAFE_NO_PAD.encode(format!(
            r#"{{"iss":"{ISSUER}","aud":"{AUDIENCE}","sub":"{}","iat":0,"exp":9999999999,"role":"ADMIN"}}"#,
            AccountId::new()
        ));
        let token = format!("{header}.{body}.");
        assert_eq!(keys("k").verify(&token, now()), Err(TokenError::Invalid));
    }

    #[test]
    fn a_tampered_payload_is_invalid() {
        let k = keys("k");
        let token = k
            .issue(AccountId::new(), Role::Expert, None, now())
            .unwrap();
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        let mut claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(&parts[1]).unwrap()).unwrap();
        claims["role"] = "ADMIN".into();
        parts[1] = URL_SAFE_NO_PAD.encode(claims.to_string());
        assert_eq!(k.verify(&parts.join("."), now()), Err(TokenError::Invalid));
    }

    #[test]
    fn missing_issuer_or_audience_is_invalid() {
        #[derive(serde::Serialize)]
        struct Partial {
            sub: String,
            exp: i64,
        }
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &Partial {
                sub: AccountId::new().to_string(),
                exp: now().timestamp() + 60,
            },
            &EncodingKey::from_secret(b"k"),
        )
        .unwrap();
        assert_eq!(keys("k").verify(&token, now()), Err(TokenError::Invalid));
    }
}
