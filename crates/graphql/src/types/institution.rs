//! `Institution` and its enums.

use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use async_graphql::{Context, Enum, ID, Object, Result};
use braingain_service::institutions::InstitutionRecord;
use chrono::{DateTime, Utc};

/// Kinds of institution.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::InstitutionKind")]
pub enum InstitutionKind {
    /// A university.
    University,
    /// A research centre.
    ResearchCentre,
    /// A hospital.
    Hospital,
    /// A ministry or agency.
    Government,
    /// A non-governmental organisation.
    Ngo,
    /// A company.
    Company,
    /// Anything else.
    Other,
}

/// Where an institution stands with the moderators.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::VerificationStatus")]
pub enum VerificationStatus {
    /// Waiting for review.
    Pending,
    /// Checked and trusted.
    Verified,
    /// Refused.
    Rejected,
}

/// A moderator's decision.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::Decision")]
pub enum Decision {
    /// Accept.
    Approve,
    /// Refuse.
    Reject,
}

/// An origin-country institution.
pub struct Institution(pub InstitutionRecord);

#[Object]
impl Institution {
    /// Identifier.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Official name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Kind of organisation.
    async fn kind(&self) -> InstitutionKind {
        self.0.kind.into()
    }
    /// Country (ISO 3166-1 alpha-2).
    async fn country(&self) -> &str {
        self.0.country.as_str()
    }
    /// City.
    async fn city(&self) -> Option<&str> {
        self.0.city.as_deref()
    }
    /// Web site.
    async fn website(&self) -> Option<&str> {
        self.0.website.as_deref()
    }
    /// What it does and needs.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// Verification status.
    async fn verification(&self) -> VerificationStatus {
        self.0.verification.into()
    }
    /// The moderators' reason for their last decision.
    async fn review_reason(&self) -> Option<&str> {
        self.0.review_reason.as_deref()
    }
    /// When it joined the network.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Its requests as the viewer may see them, newest first: members and moderators see
    /// all; others see the approved ones (OPEN, `IN_PROGRESS`, COMPLETED).
    async fn requests(&self, ctx: &Context<'_>) -> Result<Vec<super::request::Request>> {
        let (service, request) = parts(ctx)?;
        let views = service
            .institution_requests(actor(request)?, self.0.id)
            .await
            .gql()?;
        Ok(views.into_iter().map(super::request::Request).collect())
    }
}
