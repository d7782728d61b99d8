//! `ExpertProfile` and its enums.

use super::skill::{LanguageClaim, Skill, SkillClaim};
use async_graphql::{Enum, ID, Object};
use braingain_service::profiles::ProfileView;
use chrono::{DateTime, Utc};

/// Who may see an expert profile.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::Visibility")]
pub enum Visibility {
    /// Anyone.
    Public,
    /// Signed-in accounts.
    Members,
    /// Only the owner and moderators; never in search.
    Hidden,
}

/// How well a language is spoken.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::LanguageLevel")]
pub enum LanguageLevel {
    /// Simple exchanges.
    Basic,
    /// Everyday conversation.
    Conversational,
    /// Professional work.
    Fluent,
    /// Mother tongue.
    Native,
}

/// Forms of help.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::EngagementType")]
pub enum EngagementType {
    /// Mentoring.
    Mentoring,
    /// Lectures and courses.
    Lecturing,
    /// Research done together.
    JointResearch,
    /// PhD or thesis supervision.
    Supervision,
    /// Expert advice.
    Consulting,
    /// Training staff.
    Training,
    /// Investment.
    Investment,
    /// Hosting interns.
    InternshipHosting,
}

/// Ways of working.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "braingain_domain::WorkMode")]
pub enum WorkMode {
    /// From where the expert lives.
    Remote,
    /// A visit of days or weeks.
    ShortVisit,
    /// A stay of months.
    LongStay,
    /// Moving back.
    Return,
}

/// An expert's profile, as the viewer may see it.
pub struct ExpertProfile(pub ProfileView);

#[Object]
impl ExpertProfile {
    /// Identifier.
    async fn id(&self) -> ID {
        ID(self.0.profile.id.to_string())
    }
    /// The expert's name.
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    /// One-line summary.
    async fn headline(&self) -> &str {
        &self.0.profile.headline
    }
    /// Longer description (plain text).
    async fn bio(&self) -> &str {
        &self.0.profile.bio
    }
    /// Country of residence (ISO 3166-1 alpha-2).
    async fn residence_country(&self) -> &str {
        self.0.profile.residence_country.as_str()
    }
    /// City of residence.
    async fn residence_city(&self) -> Option<&str> {
        self.0.profile.residence_city.as_deref()
    }
    /// Countries of origin (alpha-2).
    async fn origin_countries(&self) -> Vec<String> {
        self.0
            .profile
            .origin_countries
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect()
    }
    /// Languages spoken.
    async fn languages(&self) -> Vec<LanguageClaim> {
        self.0
            .profile
            .languages
            .iter()
            .map(|(code, level)| LanguageClaim {
                code: code.as_str().to_owned(),
                level: (*level).into(),
            })
            .collect()
    }
    /// Skills, in the expert's order.
    async fn skills(&self) -> Vec<SkillClaim> {
        self.0
            .skills
            .iter()
            .map(|c| SkillClaim {
                skill: Skill(c.skill.clone()),
                level: i32::from(c.level),
                years: c.years.map(i32::from),
            })
            .collect()
    }
    /// Forms of help offered.
    async fn engagement_types(&self) -> Vec<EngagementType> {
        self.0
            .profile
            .engagement_types
            .iter()
            .map(|t| (*t).into())
            .collect()
    }
    /// Ways of working.
    async fn work_modes(&self) -> Vec<WorkMode> {
        self.0
            .profile
            .work_modes
            .iter()
            .map(|m| (*m).into())
            .collect()
    }
    /// Hours a month available.
    async fn hours_per_month(&self) -> Option<i32> {
        self.0.profile.hours_per_month
    }
    /// ORCID iD.
    async fn orcid(&self) -> Option<&str> {
        self.0.profile.orcid.as_deref()
    }
    /// Who may see this profile.
    async fn visibility(&self) -> Visibility {
        self.0.profile.visibility.into()
    }
    /// Whether a moderator has verified this expert.
    async fn verified(&self) -> bool {
        self.0.profile.verified
    }
    /// The expert's email: shown only to the expert, moderators, and members of an
    /// institution the expert has an accepted engagement with; null otherwise.
    async fn contact_email(&self) -> Option<&str> {
        self.0.contact_email.as_deref()
    }
    /// Last change to the profile.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.profile.updated_at
    }
    /// When the expert was last active on the network.
    async fn last_active_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_active_at
    }
}
