//! `Account`, `AuthPayload`, `Role` and `AccountStatus`.

use super::institution::Institution;
use super::profile::ExpertProfile;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use braingain_service::accounts::AccountView;
use braingain_service::sessions::AuthPayload as ServiceAuthPayload;
use chrono::{DateTime, Utc};

/// What an account is in the network.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::Role")]
pub enum Role {
    /// A diaspora expert offering their skills.
    Expert,
    /// Staff of an origin-country institution.
    Institution,
    /// Programme staff: verify, review, moderate.
    Moderator,
    /// Operator with every right.
    Admin,
}

/// Where an account stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::AccountStatus")]
pub enum AccountStatus {
    /// Registered; email not yet confirmed. Can sign in and edit its own profile only.
    PendingVerification,
    /// Confirmed and in good standing.
    Active,
    /// Suspended by a moderator.
    Suspended,
}

/// A person who signs in.
pub struct Account(pub AccountView);

#[Object]
impl Account {
    /// Identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Email address: visible to the account itself and to moderators only; an empty string
    /// for everyone else.
    async fn email(&self) -> String {
        self.0.email.clone().unwrap_or_default()
    }
    /// Name shown to others.
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    /// Role.
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    /// Status.
    async fn status(&self) -> AccountStatus {
        self.0.status.into()
    }
    /// When the account was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The account's expert profile, if it has one the viewer may see.
    async fn expert_profile(&self, ctx: &Context<'_>) -> Result<Option<ExpertProfile>> {
        let (service, request) = parts(ctx)?;
        let view = service
            .profile_for_account(actor(request)?, self.0.id)
            .await
            .gql()?;
        Ok(view.map(ExpertProfile))
    }
    /// The institutions this account belongs to (unverified ones only for the account itself
    /// and moderators).
    async fn institutions(&self, ctx: &Context<'_>) -> Result<Vec<Institution>> {
        let (service, request) = parts(ctx)?;
        let list = service
            .institutions_of(actor(request)?, self.0.id)
            .await
            .gql()?;
        Ok(list.into_iter().map(Institution).collect())
    }
}

/// The result of signing in, registering or refreshing.
#[derive(SimpleObject)]
pub struct AuthPayload {
    /// JWT for the `Authorization: Bearer` header; lives at most 15 minutes.
    pub access_token: String,
    /// Opaque, single-use token for `refresh`; it rotates on every use.
    pub refresh_token: String,
    /// The signed-in account.
    pub account: Account,
}

impl From<ServiceAuthPayload> for AuthPayload {
    fn from(p: ServiceAuthPayload) -> Self {
        Self {
            access_token: p.access_token,
            refresh_token: p.refresh_token,
            account: Account(p.account),
        }
    }
}
