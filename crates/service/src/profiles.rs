//! Expert profiles: saving one's own, and who may see what of others'.

use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::profile::{ProfileDraft, SkillRef};
use braingain_domain::{AccountStatus, ProfileId, Role, Visibility};
use braingain_store::accounts::{self, AccountRecord};
use braingain_store::engagements;
use braingain_store::events::{self, Entity, Op};
use braingain_store::profiles::{self, ProfileRecord};
use braingain_store::skills::SkillRecord;
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// A skill on a profile, resolved to its taxonomy entry.
#[derive(Debug, Clone)]
pub struct ClaimView {
    /// The skill.
    pub skill: Arc<SkillRecord>,
    /// 1 to 5.
    pub level: u8,
    /// Years of practice.
    pub years: Option<u8>,
}

/// A profile as one viewer may see it.
#[derive(Debug, Clone)]
pub struct ProfileView {
    /// The stored profile.
    pub profile: ProfileRecord,
    /// The owner's display name.
    pub display_name: String,
    /// The owner's email, when this viewer may contact them directly.
    pub contact_email: Option<String>,
    /// Skills with their labels.
    pub skills: Vec<ClaimView>,
    /// The owner's last activity.
    pub last_active_at: Option<DateTime<Utc>>,
}

/// Whether `viewer` may see the profile of `owner` at all. Owners and moderators always may;
/// otherwise the owner must be an active (verified, unsuspended) account and the visibility
/// must allow the viewer: PUBLIC anyone, MEMBERS signed-in accounts, HIDDEN nobody else.
#[must_use]
pub fn may_view(viewer: &Actor, owner: &AccountRecord, profile: &ProfileRecord) -> bool {
    if viewer.account_id() == Some(owner.id) || viewer.is_moderator() {
        return true;
    }
    if owner.status != AccountStatus::Active {
        return false;
    }
    match profile.visibility {
        Visibility::Public => true,
        Visibility::Members => matches!(viewer, Actor::Account(_)),
        Visibility::Hidden => false,
    }
}

/// Whether `viewer` may see the owner's contact email: the owner, moderators, and members of
/// an institution with an ACCEPTED or COMPLETED engagement with the expert (`engaged`, see
/// [`braingain_store::engagements::engaged_with`]).
#[must_use]
pub fn may_contact(viewer: &Actor, owner: &AccountRecord, engaged: bool) -> bool {
    viewer.account_id() == Some(owner.id) || viewer.is_moderator() || engaged
}

impl Service {
    /// Creates or replaces the signed-in expert's profile.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn save_expert_profile(
        &self,
        actor: &Actor,
        draft: ProfileDraft,
    ) -> ServiceResult<ProfileView> {
        let session = actor.session()?;
        if session.role != Role::Expert {
            return Err(ServiceError::forbidden(
                "only expert accounts have an expert profile",
            ));
        }
        let valid = draft.validate()?;
        let known: Vec<_> = valid
            .skills
            .iter()
            .filter_map(|c| match c.skill {
                SkillRef::Known(id) => Some(id),
                SkillRef::Free { .. } => None,
            })
            .collect();
        let found = self.skills_by_id(&known).await?;
        for (i, claim) in valid.skills.iter().enumerate() {
            if let SkillRef::Known(id) = claim.skill
                && !found.iter().any(|s| s.id == id)
            {
                return Err(ServiceError::bad_input(
                    format!("input.skills[{i}].skillId"),
                    "no skill has this id; pick one from the list or give a label",
                ));
            }
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        let mut added = Vec::new();
        for claim in &valid.skills {
            if let SkillRef::Free { label, .. } = &claim.skill {
                added.push(self.ensure_free_skill(&tx, claim.skill.id(), label).await?);
            }
        }
        let (record, created) = profiles::save(&tx, session.account, &valid, now).await?;
        events::record(&tx, Entity::Expert, record.id.0, Op::Upsert, now).await?;
        braingain_store::commit(tx).await?;
        self.changes_committed();
        self.remember_skills(added);
        tracing::info!(profile.id = %record.id, created, "expert profile saved");
        let owner = self.account_record(session.account).await?;
        self.view_profile(actor, &owner, record).await
    }

    /// The profile with this id, if the caller may see it (else `None`, as if it did not
    /// exist).
    pub async fn expert(&self, actor: &Actor, id: ProfileId) -> ServiceResult<Option<ProfileView>> {
        let Some(record) = profiles::find_by_id(self.store().conn(), id).await? else {
            return Ok(None);
        };
        let Some(owner) = accounts::find_by_id(self.store().conn(), record.account_id).await?
        else {
            return Ok(None);
        };
        if !may_view(actor, &owner, &record) {
            return Ok(None);
        }
        self.view_profile(actor, &owner, record).await.map(Some)
    }

    /// The profile of an account, if it has one and the caller may see it.
    pub async fn profile_of(
        &self,
        actor: &Actor,
        owner: &AccountRecord,
    ) -> ServiceResult<Option<ProfileView>> {
        let Some(record) = profiles::find_by_account(self.store().conn(), owner.id).await? else {
            return Ok(None);
        };
        if !may_view(actor, owner, &record) {
            return Ok(None);
        }
        self.view_profile(actor, owner, record).await.map(Some)
    }

    pub(crate) async fn view_profile(
        &self,
        actor: &Actor,
        owner: &AccountRecord,
        record: ProfileRecord,
    ) -> ServiceResult<ProfileView> {
        let ids: Vec<_> = record.skills.iter().map(|c| c.skill_id).collect();
        let skills = self.skills_by_id(&ids).await?;
        let claims = record
            .skills
            .iter()
            .filter_map(|c| {
                skills
                    .iter()
                    .find(|s| s.id == c.skill_id)
                    .map(|s| ClaimView {
                        skill: s.clone(),
                        level: c.level,
                        years: c.years,
                    })
            })
            .collect();
        let engaged = match actor.account_id() {
            Some(viewer) if viewer != owner.id && !actor.is_moderator() => {
                engagements::engaged_with(self.store().conn(), record.id, viewer).await?
            }
            _ => false,
        };
        Ok(ProfileView {
            display_name: owner.display_name.clone(),
            contact_email: may_contact(actor, owner, engaged).then(|| owner.email.clone()),
            last_active_at: owner.last_active_at,
            skills: claims,
            profile: record,
        })
    }
}

impl Service {
    /// The profile of the account with this id, if it has one the caller may see.
    pub async fn profile_for_account(
        &self,
        actor: &Actor,
        account: braingain_domain::AccountId,
    ) -> ServiceResult<Option<ProfileView>> {
        match accounts::find_by_id(self.store().conn(), account).await? {
            Some(owner) => self.profile_of(actor, &owner).await,
            None => Ok(None),
        }
    }
}
