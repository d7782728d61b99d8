//! Who is calling: an anonymous visitor or a signed-in account, and where from.

use crate::{ServiceError, ServiceResult};
use braingain_domain::{AccountId, AccountStatus, Role};
use std::net::IpAddr;
use uuid::Uuid;

/// A signed-in account, as established from a valid access token and a fresh database read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The account.
    pub account: AccountId,
    /// Its current role (read from the database, not trusted from the token).
    pub role: Role,
    /// Its current status.
    pub status: AccountStatus,
    /// The refresh-token family this access token belongs to.
    pub family: Option<Uuid>,
}

/// The caller of a use case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Nobody signed in.
    Anonymous,
    /// A signed-in account.
    Account(Session),
}

impl Actor {
    /// The session, or `UNAUTHENTICATED`.
    pub fn session(&self) -> ServiceResult<&Session> {
        match self {
            Actor::Account(session) => Ok(session),
            Actor::Anonymous => Err(ServiceError::Unauthenticated("sign in to do this".into())),
        }
    }

    /// The session of a moderator or admin, or `UNAUTHENTICATED`/`FORBIDDEN`.
    pub fn moderator(&self) -> ServiceResult<&Session> {
        let session = self.session()?;
        if session.role.can_moderate() {
            Ok(session)
        } else {
            Err(ServiceError::forbidden("only moderators may do this"))
        }
    }

    /// The session of an admin, or `UNAUTHENTICATED`/`FORBIDDEN`.
    pub fn admin(&self) -> ServiceResult<&Session> {
        let session = self.session()?;
        if session.role == Role::Admin {
            Ok(session)
        } else {
            Err(ServiceError::forbidden("only administrators may do this"))
        }
    }

    /// The signed-in account id, if any.
    #[must_use]
    pub fn account_id(&self) -> Option<AccountId> {
        match self {
            Actor::Account(session) => Some(session.account),
            Actor::Anonymous => None,
        }
    }

    /// Whether the caller moderates (moderator or admin).
    #[must_use]
    pub fn is_moderator(&self) -> bool {
        matches!(self, Actor::Account(s) if s.role.can_moderate())
    }
}

/// Facts about the HTTP request that some use cases need.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    /// The client's address, for throttling.
    pub client_ip: Option<IpAddr>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_role(role: Role) -> Actor {
        Actor::Account(Session {
            account: AccountId::new(),
            role,
            status: AccountStatus::Active,
            family: None,
        })
    }

    #[test]
    fn anonymous_callers_are_unauthenticated() {
        assert_eq!(
            Actor::Anonymous.session().unwrap_err().code(),
            "UNAUTHENTICATED"
        );
        assert_eq!(
            Actor::Anonymous.admin().unwrap_err().code(),
            "UNAUTHENTICATED"
        );
    }

    #[test]
    fn only_moderators_and_admins_moderate_and_only_admins_administer() {
        assert_eq!(
            as_role(Role::Expert).moderator().unwrap_err().code(),
            "FORBIDDEN"
        );
        assert!(as_role(Role::Moderator).moderator().is_ok());
        assert!(as_role(Role::Admin).moderator().is_ok());
        assert_eq!(
            as_role(Role::Moderator).admin().unwrap_err().code(),
            "FORBIDDEN"
        );
        assert!(as_role(Role::Admin).admin().is_ok());
    }
}
