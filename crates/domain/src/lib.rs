#![doc = include_str!("../README.md")]

pub mod account;
pub mod clock;
pub mod email;
pub mod engagement;
pub mod enums;
pub mod error;
pub mod geo;
pub mod ids;
pub mod institution;
pub mod matching;
pub mod orcid;
pub mod password;
pub mod profile;
pub mod report;
pub mod request;
pub mod text;

pub use account::{AccountStatus, DisplayName, Role};
pub use clock::{Clock, ManualClock, SystemClock};
pub use email::Email;
pub use enums::{
    Decision, EngagementStatus, EngagementType, InstitutionKind, LanguageLevel, ReportStatus,
    ReportSubjectType, RequestKind, RequestStatus, Side, VerificationStatus, Visibility, WorkMode,
};
pub use error::ValidationError;
pub use geo::{CountryCode, LanguageCode};
pub use ids::{
    AccountId, EngagementId, InstitutionId, MessageId, NotificationId, ProfileId, ReportId,
    RequestId, SkillId,
};
pub use orcid::Orcid;
pub use password::Password;
