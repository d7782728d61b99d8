//! Mutations about sessions and passwords.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::account::AuthPayload;
use async_graphql::{Context, Object, Result};
use secrecy::SecretString;

#[derive(Default)]
pub struct SessionMutation;

#[Object]
impl SessionMutation {
    /// Signs in. Repeated failures for one email or from one address answer `RATE_LIMITED`
    /// for a while (extensions.retryAfter gives the seconds).
    async fn login(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
    ) -> Result<AuthPayload> {
        let (service, request) = parts(ctx)?;
        Ok(service
            .login(&request.meta, &email, SecretString::from(password))
            .await
            .gql()?
            .into())
    }

    /// Exchanges a refresh token for a new pair. Each refresh token works once; reusing one
    /// ends the whole session.
    async fn refresh(&self, ctx: &Context<'_>, refresh_token: String) -> Result<AuthPayload> {
        let (service, _) = parts(ctx)?;
        Ok(service.refresh(&refresh_token).await.gql()?.into())
    }

    /// Ends the session the refresh token belongs to. Always true.
    async fn logout(&self, ctx: &Context<'_>, refresh_token: String) -> Result<bool> {
        let (service, _) = parts(ctx)?;
        service.logout(&refresh_token).await.gql()
    }

    /// Changes the signed-in account's password; other sessions are signed out.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current: String,
        next: String,
    ) -> Result<bool> {
        let (service, request) = parts(ctx)?;
        service
            .change_password(
                actor(request)?,
                &request.meta,
                SecretString::from(current),
                SecretString::from(next),
            )
            .await
            .gql()
    }

    /// Mails a password reset link if the address has an account. Always true: it never
    /// reveals whether the email exists.
    async fn request_password_reset(&self, ctx: &Context<'_>, email: String) -> Result<bool> {
        let (service, _) = parts(ctx)?;
        service.request_password_reset(&email).await.gql()
    }

    /// Sets a new password with the token from the reset mail; every session is signed out.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
    ) -> Result<bool> {
        let (service, _) = parts(ctx)?;
        service
            .reset_password(&token, SecretString::from(password))
            .await
            .gql()
    }
}
