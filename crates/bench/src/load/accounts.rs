//! Signed-in sessions, and the accounts of a synthetic network to sign in as.
//!
//! `braingain seed --experts N --seed S` gives every account the documented password
//! [`SEED_PASSWORD`]; the administrator and the moderator have fixed addresses, and expert
//! `n`'s address comes from the same generator the seeding used
//! ([`braingain_service::synthetic::experts::expert`]), so the driver knows them for a seed
//! without reading the database. Only experts that are ACTIVE with a PUBLIC profile are
//! used, so that anyone's search finds them.
//!
//! A session signs in once and again when its access token nears its end (tokens last
//! 15 minutes by default), outside the measured call.

use super::client::GqlClient;
use super::documents;
use anyhow::Context;
use braingain_domain::{AccountStatus, Visibility};
use braingain_service::synthetic::{self, Plan, experts};
pub use braingain_service::synthetic::{SEED_ADMIN, SEED_MODERATOR, SEED_PASSWORD};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::sync::RwLock;

/// Sign in again once a token is this old.
const RENEW_AFTER: Duration = Duration::from_secs(10 * 60);

/// An address and password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// Email.
    pub email: String,
    /// Password.
    pub password: String,
}

/// A signed-in account.
#[derive(Debug)]
pub struct Session {
    /// The account's id.
    pub account_id: String,
    /// Its role (`EXPERT`, `MODERATOR`, …).
    pub role: String,
    credentials: Option<Credentials>,
    token: RwLock<(String, Instant)>,
}

impl Session {
    /// Signs in.
    ///
    /// # Errors
    /// If the server refuses (wrong password, throttled) or cannot be reached.
    pub async fn login(client: &GqlClient, credentials: Credentials) -> anyhow::Result<Self> {
        let (token, account) = sign_in(client, &credentials).await?;
        Ok(Self {
            account_id: account
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            role: account
                .get("role")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            credentials: Some(credentials),
            token: RwLock::new((token, Instant::now())),
        })
    }

    /// A session from a token given on the command line (never renewed); the account is
    /// read with `me`.
    ///
    /// # Errors
    /// If the token is refused.
    pub async fn from_token(client: &GqlClient, token: String) -> anyhow::Result<Self> {
        let reply = client
            .call("query { me { id role } }", json!({}), Some(&token))
            .await;
        let me = reply.at("/me");
        anyhow::ensure!(
            reply.ok() && me.is_object(),
            "the token was refused: {:?}",
            reply.errors
        );
        Ok(Self {
            account_id: me["id"].as_str().unwrap_or_default().to_owned(),
            role: me["role"].as_str().unwrap_or_default().to_owned(),
            credentials: None,
            token: RwLock::new((token, Instant::now())),
        })
    }

    /// The access token, signing in again first if it is old.
    ///
    /// # Errors
    /// If signing in again fails.
    pub async fn token(&self, client: &GqlClient) -> anyhow::Result<String> {
        {
            let current = self.token.read().await;
            if self.credentials.is_none() || current.1.elapsed() < RENEW_AFTER {
                return Ok(current.0.clone());
            }
        }
        let mut current = self.token.write().await;
        if let Some(credentials) = &self.credentials
            && current.1.elapsed() >= RENEW_AFTER
        {
            let (token, _) = sign_in(client, credentials).await?;
            *current = (token, Instant::now());
        }
        Ok(current.0.clone())
    }
}

async fn sign_in(client: &GqlClient, credentials: &Credentials) -> anyhow::Result<(String, Value)> {
    let reply = client
        .call(
            documents::LOGIN,
            json!({ "email": credentials.email, "password": credentials.password }),
            None,
        )
        .await;
    let token = reply.at("/login/accessToken").as_str().map(str::to_owned);
    match token {
        Some(token) if reply.ok() => Ok((token, reply.at("/login/account").clone())),
        _ => anyhow::bail!(
            "signing in as {} failed: {}",
            credentials.email,
            reply
                .errors
                .iter()
                .map(|e| format!("{}: {}", e.code, e.message))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

/// A seeded expert the driver may sign in as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeededExpert {
    /// Item number in the network.
    pub n: u64,
    /// Address.
    pub email: String,
    /// Profile id.
    pub profile_id: String,
}

/// The first `count` experts of the network seeded with `seed` (among the first `network`
/// experts) that are ACTIVE with a PUBLIC profile.
///
/// # Errors
/// If the generator's taxonomy cannot be loaded.
pub fn seeded_experts(seed: u64, network: u64, count: usize) -> anyhow::Result<Vec<SeededExpert>> {
    let plan = Plan::new(synthetic::taxonomy()?, seed);
    let mut found = Vec::with_capacity(count);
    for n in 0..network {
        if found.len() >= count {
            break;
        }
        let e = experts::expert(&plan, n).with_context(|| format!("generating expert {n}"))?;
        if e.status == AccountStatus::Active && e.profile.visibility == Visibility::Public {
            found.push(SeededExpert {
                n,
                email: e.email,
                profile_id: e.profile_id.to_string(),
            });
        }
    }
    Ok(found)
}

/// The `ExpertProfileInput` that saves `profile` (an `ExpertProfile` read with the
/// `ProfileView` fields) unchanged: what the profile form sends back.
#[must_use]
pub fn profile_input(profile: &Value) -> Value {
    let field = |name: &str| profile.get(name).cloned().unwrap_or(Value::Null);
    let list = |name: &str| profile.get(name).cloned().unwrap_or_else(|| json!([]));
    let languages: Vec<Value> = profile["languages"]
        .as_array()
        .map(|l| {
            l.iter()
                .map(|c| json!({ "code": c["code"], "level": c["level"] }))
                .collect()
        })
        .unwrap_or_default();
    let skills: Vec<Value> = profile["skills"]
        .as_array()
        .map(|l| {
            l.iter()
                .map(|c| {
                    let skill = &c["skill"];
                    if skill["inTaxonomy"].as_bool().unwrap_or(true) {
                        json!({ "skillId": skill["id"], "level": c["level"], "years": c["years"] })
                    } else {
                        json!({ "label": skill["label"], "level": c["level"], "years": c["years"] })
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    json!({
        "headline": field("headline"),
        "bio": field("bio"),
        "residenceCountry": field("residenceCountry"),
        "residenceCity": field("residenceCity"),
        "originCountries": list("originCountries"),
        "languages": languages,
        "skills": skills,
        "engagementTypes": list("engagementTypes"),
        "workModes": list("workModes"),
        "hoursPerMonth": field("hoursPerMonth"),
        "orcid": field("orcid"),
        "visibility": field("visibility"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_profile_becomes_the_input_that_saves_it_unchanged() {
        let profile = json!({
            "id": "p1", "displayName": "Ada", "headline": "Hydrologist", "bio": "Rivers.",
            "residenceCountry": "NL", "residenceCity": null, "originCountries": ["NG"],
            "languages": [{ "code": "en", "level": "FLUENT" }],
            "skills": [
                { "skill": { "id": "s1", "label": "monitor groundwater", "inTaxonomy": true }, "level": 4, "years": 6 },
                { "skill": { "id": "s2", "label": "Flood modelling", "inTaxonomy": false }, "level": 5, "years": null }
            ],
            "engagementTypes": ["MENTORING"], "workModes": ["REMOTE"], "hoursPerMonth": 8,
            "orcid": null, "visibility": "PUBLIC", "verified": true
        });
        let input = profile_input(&profile);
        assert_eq!(input["headline"], "Hydrologist");
        assert_eq!(
            input["skills"],
            json!([
                { "skillId": "s1", "level": 4, "years": 6 },
                { "label": "Flood modelling", "level": 5, "years": null }
            ])
        );
        assert_eq!(
            input["languages"],
            json!([{ "code": "en", "level": "FLUENT" }])
        );
        assert!(input.get("verified").is_none());
        assert!(input.get("id").is_none());
    }
}
