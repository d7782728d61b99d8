//! The `notifications` table.

use sea_orm::entity::prelude::*;

/// An in-app notification for one account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    /// Notification id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The account it is for.
    pub account_id: Uuid,
    /// A stable upper-case kind, e.g. `ENGAGEMENT_INVITED`.
    pub kind: String,
    /// One sentence for the reader.
    pub text: String,
    /// The web app path of the thing it is about, e.g. `/engagements/<id>`.
    pub link: String,
    /// When it was written.
    pub created_at: DateTimeUtc,
    /// When the account marked it read.
    pub read_at: Option<DateTimeUtc>,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
