//! The `institutions` table.

use sea_orm::entity::prelude::*;

/// An institution.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "institutions")]
pub struct Model {
    /// Institution id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Official name.
    pub name: String,
    /// Kind of organisation.
    pub kind: String,
    /// Alpha-2 country.
    pub country: String,
    /// City.
    pub city: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// Description.
    pub description: String,
    /// `PENDING`, `VERIFIED` or `REJECTED`.
    pub verification: String,
    /// The moderator's reason for the last decision.
    pub review_reason: Option<String>,
    /// The moderator who decided.
    pub reviewed_by: Option<Uuid>,
    /// When they decided.
    pub reviewed_at: Option<DateTimeUtc>,
    /// Who created it.
    pub created_by: Option<Uuid>,
    /// Creation time.
    pub created_at: DateTimeUtc,
    /// Last change.
    pub updated_at: DateTimeUtc,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
