//! Mutations about profiles, institutions and one's own data.

use super::parse_id;
use crate::context::{actor, parts};
use crate::error::GqlResultExt;
use crate::types::institution::{Decision, Institution, InstitutionKind};
use crate::types::profile::{EngagementType, ExpertProfile, LanguageLevel, Visibility, WorkMode};
use async_graphql::{Context, ID, InputObject, Object, Result};
use braingain_domain::institution::InstitutionDraft;
use braingain_domain::profile::{ProfileDraft, SkillClaimDraft};
use secrecy::SecretString;

/// A skill on a profile: `skillId` from `skills(...)`, or a free-text `label`.
#[derive(InputObject)]
pub struct SkillClaimInput {
    /// A taxonomy skill id.
    pub skill_id: Option<ID>,
    /// Free text, for a skill not in the taxonomy.
    pub label: Option<String>,
    /// 1 (basic) to 5 (leading expert).
    pub level: i32,
    /// Years of practice (0 to 70).
    pub years: Option<i32>,
}

/// A language spoken.
#[derive(InputObject)]
pub struct LanguageClaimInput {
    /// ISO 639-1 code.
    pub code: String,
    /// How well.
    pub level: LanguageLevel,
}

/// A whole expert profile (saving replaces the previous one).
#[derive(InputObject)]
pub struct ExpertProfileInput {
    /// One line, up to 160 characters.
    pub headline: String,
    /// Up to 5000 characters of plain text.
    pub bio: String,
    /// ISO 3166-1 alpha-2.
    pub residence_country: String,
    /// City of residence.
    pub residence_city: Option<String>,
    /// Up to 5 countries (alpha-2).
    pub origin_countries: Vec<String>,
    /// Up to 20 languages.
    pub languages: Vec<LanguageClaimInput>,
    /// Up to 50 skills.
    pub skills: Vec<SkillClaimInput>,
    /// Forms of help offered.
    pub engagement_types: Vec<EngagementType>,
    /// Ways of working.
    pub work_modes: Vec<WorkMode>,
    /// Hours a month available (0 to 200).
    pub hours_per_month: Option<i32>,
    /// ORCID iD (checked).
    pub orcid: Option<String>,
    /// Who may see the profile.
    pub visibility: Visibility,
}

/// An institution's details.
#[derive(InputObject)]
pub struct InstitutionInput {
    /// Official name.
    pub name: String,
    /// Kind of organisation.
    pub kind: InstitutionKind,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// City.
    pub city: Option<String>,
    /// Web site (https://…).
    pub website: Option<String>,
    /// What it does and what it needs.
    pub description: String,
}

impl From<ExpertProfileInput> for ProfileDraft {
    fn from(i: ExpertProfileInput) -> Self {
        ProfileDraft {
            headline: i.headline,
            bio: i.bio,
            residence_country: i.residence_country,
            residence_city: i.residence_city,
            origin_countries: i.origin_countries,
            languages: i
                .languages
                .into_iter()
                .map(|l| (l.code, l.level.into()))
                .collect(),
            skills: i
                .skills
                .into_iter()
                .map(|s| SkillClaimDraft {
                    skill_id: s.skill_id.map(|id| id.0),
                    label: s.label,
                    level: s.level,
                    years: s.years,
                })
                .collect(),
            engagement_types: i.engagement_types.into_iter().map(Into::into).collect(),
            work_modes: i.work_modes.into_iter().map(Into::into).collect(),
            hours_per_month: i.hours_per_month,
            orcid: i.orcid,
            visibility: i.visibility.into(),
        }
    }
}

#[derive(Default)]
pub struct ProfileMutation;

#[Object]
impl ProfileMutation {
    /// Creates or replaces the signed-in expert's profile.
    async fn save_expert_profile(
        &self,
        ctx: &Context<'_>,
        input: ExpertProfileInput,
    ) -> Result<ExpertProfile> {
        let (service, request) = parts(ctx)?;
        Ok(ExpertProfile(
            service
                .save_expert_profile(actor(request)?, input.into())
                .await
                .gql()?,
        ))
    }

    /// Creates an institution (pending verification); the creator becomes its first member.
    async fn create_institution(
        &self,
        ctx: &Context<'_>,
        input: InstitutionInput,
    ) -> Result<Institution> {
        let (service, request) = parts(ctx)?;
        let draft = InstitutionDraft {
            name: input.name,
            kind: input.kind.into(),
            country: input.country,
            city: input.city,
            website: input.website,
            description: input.description,
        };
        Ok(Institution(
            service
                .create_institution(actor(request)?, draft)
                .await
                .gql()?,
        ))
    }

    /// Verifies or rejects an institution (moderators); a rejection needs a reason, which the
    /// institution's staff receive.
    async fn review_institution(
        &self,
        ctx: &Context<'_>,
        id: ID,
        decision: Decision,
        reason: Option<String>,
    ) -> Result<Institution> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&id, "id")?;
        let record = service
            .review_institution(actor(request)?, id, decision.into(), reason.as_deref())
            .await
            .gql()?;
        Ok(Institution(record))
    }

    /// Adds a colleague (an institution staff account, by email) to an institution.
    async fn add_institution_member(
        &self,
        ctx: &Context<'_>,
        institution_id: ID,
        email: String,
    ) -> Result<Institution> {
        let (service, request) = parts(ctx)?;
        let id = parse_id(&institution_id, "institutionId")?;
        Ok(Institution(
            service
                .add_institution_member(actor(request)?, id, &email)
                .await
                .gql()?,
        ))
    }

    /// Everything stored about the caller, as a JSON document.
    async fn export_my_data(&self, ctx: &Context<'_>) -> Result<String> {
        let (service, request) = parts(ctx)?;
        service.export_my_data(actor(request)?).await.gql()
    }

    /// Erases the caller's account and personal data (the password confirms it).
    async fn delete_my_account(&self, ctx: &Context<'_>, password: String) -> Result<bool> {
        let (service, request) = parts(ctx)?;
        service
            .delete_my_account(actor(request)?, SecretString::from(password))
            .await
            .gql()
    }
}
