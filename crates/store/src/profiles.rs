//! Expert profile rows, with their skills and origin countries.

use crate::StoreError;
use crate::entities::expert_origin::{self, Entity as ExpertOrigins};
use crate::entities::expert_profile::{self, Entity as ExpertProfiles};
use crate::entities::expert_skill::{self, Entity as ExpertSkills};
use braingain_domain::profile::ValidProfile;
use braingain_domain::{
    AccountId, CountryCode, EngagementType, LanguageCode, LanguageLevel, ProfileId, SkillId,
    Visibility, WorkMode,
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// A skill claimed on a stored profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredClaim {
    /// Which skill.
    pub skill_id: SkillId,
    /// 1 to 5.
    pub level: u8,
    /// Years of practice.
    pub years: Option<u8>,
}

/// A stored profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRecord {
    /// Id.
    pub id: ProfileId,
    /// Owner.
    pub account_id: AccountId,
    /// One-line summary.
    pub headline: String,
    /// Longer description.
    pub bio: String,
    /// Country of residence.
    pub residence_country: CountryCode,
    /// City.
    pub residence_city: Option<String>,
    /// Countries of origin.
    pub origin_countries: Vec<CountryCode>,
    /// Languages with level.
    pub languages: Vec<(LanguageCode, LanguageLevel)>,
    /// Skills in the expert's order.
    pub skills: Vec<StoredClaim>,
    /// Forms of help offered.
    pub engagement_types: Vec<EngagementType>,
    /// Ways of working.
    pub work_modes: Vec<WorkMode>,
    /// Hours a month.
    pub hours_per_month: Option<i32>,
    /// ORCID iD.
    pub orcid: Option<String>,
    /// Who may see it.
    pub visibility: Visibility,
    /// Verified by a moderator.
    pub verified: bool,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct StoredLanguage {
    code: String,
    level: LanguageLevel,
}

fn corrupt(id: Uuid, what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("profile {id}: {what}"))
}

fn build(
    m: expert_profile::Model,
    skills: Vec<expert_skill::Model>,
    origins: Vec<expert_origin::Model>,
) -> Result<ProfileRecord, StoreError> {
    let id = m.id;
    let languages: Vec<StoredLanguage> =
        serde_json::from_str(&m.languages).map_err(|e| corrupt(id, e))?;
    Ok(ProfileRecord {
        id: ProfileId(m.id),
        account_id: AccountId(m.account_id),
        residence_country: CountryCode::parse(&m.residence_country).map_err(|e| corrupt(id, e))?,
        origin_countries: origins
            .iter()
            .map(|o| CountryCode::parse(&o.country).map_err(|e| corrupt(id, e)))
            .collect::<Result<_, _>>()?,
        languages: languages
            .into_iter()
            .map(|l| {
                LanguageCode::parse(&l.code)
                    .map(|c| (c, l.level))
                    .map_err(|e| corrupt(id, e))
            })
            .collect::<Result<_, _>>()?,
        skills: skills
            .into_iter()
            .map(|s| StoredClaim {
                skill_id: SkillId(s.skill_id),
                level: u8::try_from(s.level).unwrap_or(1),
                years: s.years.and_then(|y| u8::try_from(y).ok()),
            })
            .collect(),
        engagement_types: serde_json::from_str(&m.engagement_types).map_err(|e| corrupt(id, e))?,
        work_modes: serde_json::from_str(&m.work_modes).map_err(|e| corrupt(id, e))?,
        visibility: m.visibility.parse().map_err(|e| corrupt(id, e))?,
        headline: m.headline,
        bio: m.bio,
        residence_city: m.residence_city,
        hours_per_month: m.hours_per_month,
        orcid: m.orcid,
        verified: m.verified,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// Creates or replaces the profile of `account`; returns it and whether it was created.
pub async fn save(
    db: &impl ConnectionTrait,
    account: AccountId,
    profile: &ValidProfile,
    now: DateTime<Utc>,
) -> Result<(ProfileRecord, bool), StoreError> {
    let existing = ExpertProfiles::find()
        .filter(expert_profile::Column::AccountId.eq(account.0))
        .one(db)
        .await?;
    let created = existing.is_none();
    let languages: Vec<StoredLanguage> = profile
        .languages
        .iter()
        .map(|(c, l)| StoredLanguage {
            code: c.as_str().to_owned(),
            level: *l,
        })
        .collect();
    let (id, created_at, verified) = match &existing {
        Some(m) => (m.id, m.created_at, m.verified),
        None => (ProfileId::new().0, now, false),
    };
    let model = expert_profile::ActiveModel {
        id: Set(id),
        account_id: Set(account.0),
        headline: Set(profile.headline.clone()),
        bio: Set(profile.bio.clone()),
        residence_country: Set(profile.residence_country.as_str().to_owned()),
        residence_city: Set(profile.residence_city.clone()),
        languages: Set(json(&languages)),
        engagement_types: Set(json(&profile.engagement_types)),
        work_modes: Set(json(&profile.work_modes)),
        hours_per_month: Set(profile.hours_per_month),
        orcid: Set(profile.orcid.as_ref().map(|o| o.as_str().to_owned())),
        visibility: Set(profile.visibility.as_str().to_owned()),
        verified: Set(verified),
        created_at: Set(created_at),
        updated_at: Set(now),
    };
    if created {
        model.insert(db).await?;
    } else {
        model.update(db).await?;
    }
    ExpertSkills::delete_many()
        .filter(expert_skill::Column::ProfileId.eq(id))
        .exec(db)
        .await?;
    ExpertOrigins::delete_many()
        .filter(expert_origin::Column::ProfileId.eq(id))
        .exec(db)
        .await?;
    if !profile.skills.is_empty() {
        ExpertSkills::insert_many(profile.skills.iter().enumerate().map(|(i, c)| {
            expert_skill::ActiveModel {
                profile_id: Set(id),
                skill_id: Set(c.skill.id().0),
                position: Set(i16::try_from(i).unwrap_or(i16::MAX)),
                level: Set(i16::from(c.level)),
                years: Set(c.years.map(i16::from)),
            }
        }))
        .exec(db)
        .await?;
    }
    if !profile.origin_countries.is_empty() {
        ExpertOrigins::insert_many(profile.origin_countries.iter().map(|c| {
            expert_origin::ActiveModel {
                profile_id: Set(id),
                country: Set(c.as_str().to_owned()),
            }
        }))
        .exec(db)
        .await?;
    }
    let record = find_by_id(db, ProfileId(id))
        .await?
        .ok_or_else(|| corrupt(id, "vanished after save"))?;
    Ok((record, created))
}

/// The stored JSON form of a profile's languages.
pub(crate) fn languages_json(languages: &[(LanguageCode, LanguageLevel)]) -> String {
    let stored: Vec<StoredLanguage> = languages
        .iter()
        .map(|(c, l)| StoredLanguage {
            code: c.as_str().to_owned(),
            level: *l,
        })
        .collect();
    json(&stored)
}

/// A list as a JSON string (serialising plain enums and structs cannot fail).
pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

/// The profile with this id.
pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: ProfileId,
) -> Result<Option<ProfileRecord>, StoreError> {
    match ExpertProfiles::find_by_id(id.0).one(db).await? {
        Some(m) => Ok(load_many(db, vec![m]).await?.pop()),
        None => Ok(None),
    }
}

/// The profile of this account.
pub async fn find_by_account(
    db: &impl ConnectionTrait,
    account: AccountId,
) -> Result<Option<ProfileRecord>, StoreError> {
    match ExpertProfiles::find()
        .filter(expert_profile::Column::AccountId.eq(account.0))
        .one(db)
        .await?
    {
        Some(m) => Ok(load_many(db, vec![m]).await?.pop()),
        None => Ok(None),
    }
}

/// The profiles with these ids, with skills and origins loaded in two queries.
pub async fn find_many(
    db: &impl ConnectionTrait,
    ids: &[ProfileId],
) -> Result<Vec<ProfileRecord>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let models = ExpertProfiles::find()
        .filter(expert_profile::Column::Id.is_in(ids.iter().map(|i| i.0)))
        .all(db)
        .await?;
    load_many(db, models).await
}

async fn load_many(
    db: &impl ConnectionTrait,
    models: Vec<expert_profile::Model>,
) -> Result<Vec<ProfileRecord>, StoreError> {
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let mut skills: HashMap<Uuid, Vec<expert_skill::Model>> = HashMap::new();
    for s in ExpertSkills::find()
        .filter(expert_skill::Column::ProfileId.is_in(ids.clone()))
        .order_by_asc(expert_skill::Column::Position)
        .all(db)
        .await?
    {
        skills.entry(s.profile_id).or_default().push(s);
    }
    let mut origins: HashMap<Uuid, Vec<expert_origin::Model>> = HashMap::new();
    for o in ExpertOrigins::find()
        .filter(expert_origin::Column::ProfileId.is_in(ids))
        .all(db)
        .await?
    {
        origins.entry(o.profile_id).or_default().push(o);
    }
    models
        .into_iter()
        .map(|m| {
            let id = m.id;
            build(
                m,
                skills.remove(&id).unwrap_or_default(),
                origins.remove(&id).unwrap_or_default(),
            )
        })
        .collect()
}

/// Deletes the profile of `account` (its skills and origins cascade). Returns its id.
pub async fn delete_by_account(
    db: &impl ConnectionTrait,
    account: AccountId,
) -> Result<Option<ProfileId>, StoreError> {
    let Some(m) = ExpertProfiles::find()
        .filter(expert_profile::Column::AccountId.eq(account.0))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    ExpertSkills::delete_many()
        .filter(expert_skill::Column::ProfileId.eq(m.id))
        .exec(db)
        .await?;
    ExpertOrigins::delete_many()
        .filter(expert_origin::Column::ProfileId.eq(m.id))
        .exec(db)
        .await?;
    ExpertProfiles::delete_by_id(m.id).exec(db).await?;
    Ok(Some(ProfileId(m.id)))
}

/// One page of profile ids in id order, after `after` (for rebuilding the index).
pub async fn ids_page(
    db: &impl ConnectionTrait,
    after: Option<ProfileId>,
    limit: u64,
) -> Result<Vec<ProfileId>, StoreError> {
    use sea_orm::QuerySelect;
    let mut query = ExpertProfiles::find()
        .order_by_asc(expert_profile::Column::Id)
        .limit(limit);
    if let Some(after) = after {
        query = query.filter(expert_profile::Column::Id.gt(after.0));
    }
    Ok(query
        .all(db)
        .await?
        .into_iter()
        .map(|m| ProfileId(m.id))
        .collect())
}

/// One page of whole profiles (with skills and origins) in id order, after `after`: the
/// index rebuild reads every profile this way, three queries a page.
pub async fn page_after(
    db: &impl ConnectionTrait,
    after: Option<ProfileId>,
    limit: u64,
) -> Result<Vec<ProfileRecord>, StoreError> {
    use sea_orm::QuerySelect;
    let mut query = ExpertProfiles::find()
        .order_by_asc(expert_profile::Column::Id)
        .limit(limit);
    if let Some(after) = after {
        query = query.filter(expert_profile::Column::Id.gt(after.0));
    }
    load_many(db, query.all(db).await?).await
}
