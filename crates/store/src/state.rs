//! Small key-value facts about the installation.

use crate::StoreError;
use crate::entities::system_state::{self, Entity as SystemState};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

/// The value stored under `key`.
pub async fn get(db: &impl ConnectionTrait, key: &str) -> Result<Option<String>, StoreError> {
    Ok(SystemState::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(|m| m.value))
}

/// Stores `value` under `key`.
pub async fn set(
    db: &impl ConnectionTrait,
    key: &str,
    value: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    SystemState::insert(system_state::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(value.to_owned()),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(system_state::Column::Key)
            .update_columns([system_state::Column::Value, system_state::Column::UpdatedAt])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}
