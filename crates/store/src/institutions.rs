//! Institution rows and their members.

use crate::StoreError;
use crate::entities::institution::{self, Entity as Institutions};
use crate::entities::institution_member::{self, Entity as Members};
use braingain_domain::institution::ValidInstitution;
use braingain_domain::{
    AccountId, CountryCode, InstitutionId, InstitutionKind, VerificationStatus,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// A stored institution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstitutionRecord {
    /// Id.
    pub id: InstitutionId,
    /// Official name.
    pub name: String,
    /// Kind.
    pub kind: InstitutionKind,
    /// Country.
    pub country: CountryCode,
    /// City.
    pub city: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// Description.
    pub description: String,
    /// Verification status.
    pub verification: VerificationStatus,
    /// The reason given with the last review.
    pub review_reason: Option<String>,
    /// When it was reviewed.
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Who created it.
    pub created_by: Option<AccountId>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

impl TryFrom<institution::Model> for InstitutionRecord {
    type Error = StoreError;
    fn try_from(m: institution::Model) -> Result<Self, StoreError> {
        let corrupt = |e: braingain_domain::ValidationError| {
            StoreError::Corrupt(format!("institution {}: {e}", m.id))
        };
        Ok(Self {
            id: InstitutionId(m.id),
            kind: m.kind.parse().map_err(corrupt)?,
            country: CountryCode::parse(&m.country).map_err(corrupt)?,
            verification: m.verification.parse().map_err(corrupt)?,
            name: m.name,
            city: m.city,
            website: m.website,
            description: m.description,
            review_reason: m.review_reason,
            reviewed_at: m.reviewed_at,
            created_by: m.created_by.map(AccountId),
            created_at: m.created_at,
        })
    }
}

/// Creates a PENDING institution and makes `creator` its first member.
pub async fn create(
    db: &impl ConnectionTrait,
    creator: AccountId,
    valid: &ValidInstitution,
    now: DateTime<Utc>,
) -> Result<InstitutionRecord, StoreError> {
    let id = InstitutionId::new();
    let model = institution::ActiveModel {
        id: Set(id.0),
        name: Set(valid.name.clone()),
        kind: Set(valid.kind.as_str().to_owned()),
        country: Set(valid.country.as_str().to_owned()),
        city: Set(valid.city.clone()),
        website: Set(valid.website.clone()),
        description: Set(valid.description.clone()),
        verification: Set(VerificationStatus::Pending.as_str().to_owned()),
        review_reason: Set(None),
        reviewed_by: Set(None),
        reviewed_at: Set(None),
        created_by: Set(Some(creator.0)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    add_member(db, id, creator, now).await?;
    model.try_into()
}

/// Adds `account` to the institution's staff (no-op if already a member).
pub async fn add_member(
    db: &impl ConnectionTrait,
    id: InstitutionId,
    account: AccountId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Members::insert(institution_member::ActiveModel {
        institution_id: Set(id.0),
        account_id: Set(account.0),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            institution_member::Column::InstitutionId,
            institution_member::Column::AccountId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    Ok(())
}

/// The institution with this id.
pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: InstitutionId,
) -> Result<Option<InstitutionRecord>, StoreError> {
    Institutions::find_by_id(id.0)
        .one(db)
        .await?
        .map(TryInto::try_into)
        .transpose()
}

/// Institutions with this verification status, oldest first.
pub async fn with_status(
    db: &impl ConnectionTrait,
    status: VerificationStatus,
) -> Result<Vec<InstitutionRecord>, StoreError> {
    Institutions::find()
        .filter(institution::Column::Verification.eq(status.as_str()))
        .order_by_asc(institution::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(TryInto::try_into)
        .collect()
}

/// Records a moderator's decision.
pub async fn set_verification(
    db: &impl ConnectionTrait,
    id: InstitutionId,
    status: VerificationStatus,
    reason: Option<&str>,
    moderator: AccountId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    Institutions::update_many()
        .col_expr(
            institution::Column::Verification,
            Expr::value(status.as_str()),
        )
        .col_expr(
            institution::Column::ReviewReason,
            Expr::value(reason.map(str::to_owned)),
        )
        .col_expr(institution::Column::ReviewedBy, Expr::value(moderator.0))
        .col_expr(institution::Column::ReviewedAt, Expr::value(now))
        .col_expr(institution::Column::UpdatedAt, Expr::value(now))
        .filter(institution::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    Ok(())
}

/// The accounts on the institution's staff.
pub async fn members(
    db: &impl ConnectionTrait,
    id: InstitutionId,
) -> Result<Vec<AccountId>, StoreError> {
    Ok(Members::find()
        .filter(institution_member::Column::InstitutionId.eq(id.0))
        .order_by_asc(institution_member::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|m| AccountId(m.account_id))
        .collect())
}

/// The institutions `account` belongs to.
pub async fn of_account(
    db: &impl ConnectionTrait,
    account: AccountId,
) -> Result<Vec<InstitutionRecord>, StoreError> {
    let ids: Vec<uuid::Uuid> = Members::find()
        .filter(institution_member::Column::AccountId.eq(account.0))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.institution_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Institutions::find()
        .filter(institution::Column::Id.is_in(ids))
        .order_by_asc(institution::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(TryInto::try_into)
        .collect()
}

/// Whether `account` is on the institution's staff.
pub async fn is_member(
    db: &impl ConnectionTrait,
    id: InstitutionId,
    account: AccountId,
) -> Result<bool, StoreError> {
    Ok(Members::find_by_id((id.0, account.0))
        .one(db)
        .await?
        .is_some())
}

/// Removes `account` from every institution's staff (account deletion).
pub async fn remove_account(
    db: &impl ConnectionTrait,
    account: AccountId,
) -> Result<(), StoreError> {
    Members::delete_many()
        .filter(institution_member::Column::AccountId.eq(account.0))
        .exec(db)
        .await?;
    Ok(())
}
