//! Mutations about accounts: registration, verification, roles, suspension.

use super::parse_id;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::account::{Account, AuthPayload, Role};
use async_graphql::{Context, ID, InputObject, Object, Result};
use braingain_service::accounts::Registration;
use secrecy::SecretString;

/// What registration asks for.
#[derive(InputObject)]
pub struct RegisterInput {
    /// Email address; confirmed by a mailed link.
    pub email: String,
    /// Password, 10 to 256 characters.
    pub password: String,
    /// Name shown to others.
    pub display_name: String,
    /// EXPERT or INSTITUTION only.
    pub role: Role,
}

#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Creates an account (EXPERT or INSTITUTION), mails a verification link, and signs in.
    async fn register(&self, ctx: &Context<'_>, input: RegisterInput) -> Result<AuthPayload> {
        let (service, _) = parts(ctx)?;
        let payload = service
            .register(Registration {
                email: input.email,
                password: SecretString::from(input.password),
                display_name: input.display_name,
                role: input.role.into(),
            })
            .await
            .gql()?;
        Ok(payload.into())
    }

    /// Confirms an email address with the token from the verification mail.
    async fn verify_email(&self, ctx: &Context<'_>, token: String) -> Result<Account> {
        let (service, request) = parts(ctx)?;
        let viewer = request
            .actor
            .clone()
            .unwrap_or(braingain_service::Actor::Anonymous);
        Ok(Account(service.verify_email(&viewer, &token).await.gql()?))
    }

    /// Mails a new verification link to the signed-in account if it is still unverified;
    /// false when it is already verified.
    async fn resend_verification_email(&self, ctx: &Context<'_>) -> Result<bool> {
        let (service, request) = parts(ctx)?;
        service.resend_verification(actor(request)?).await.gql()
    }

    /// Grants a role (`ADMIN` only). Audit-logged.
    async fn set_role(&self, ctx: &Context<'_>, id: ID, role: Role) -> Result<Account> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        Ok(Account(
            service
                .set_role(actor(request)?, id, role.into())
                .await
                .gql()?,
        ))
    }

    /// Suspends an account (MODERATOR or ADMIN): it cannot sign in and its sessions end at
    /// once. The reason is audit-logged.
    async fn suspend_account(&self, ctx: &Context<'_>, id: ID, reason: String) -> Result<Account> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        Ok(Account(
            service
                .suspend_account(actor(request)?, id, &reason)
                .await
                .gql()?,
        ))
    }
}
