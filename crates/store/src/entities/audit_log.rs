//! The `audit_log` table.

use sea_orm::entity::prelude::*;

/// One audited action.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    /// Position in the log.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// When it happened.
    pub at: DateTimeUtc,
    /// Who did it (`None` for the system or the command line).
    pub actor_id: Option<Uuid>,
    /// What was done (`account.set_role`, `account.suspend`, ...).
    pub action: String,
    /// Kind of thing acted on (`account`, `institution`, ...).
    pub subject_type: String,
    /// Which one.
    pub subject_id: Option<String>,
    /// Why, as given by the actor.
    pub reason: Option<String>,
    /// Extra facts as JSON.
    pub details: Option<String>,
}

/// No relations are navigated through the ORM.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
