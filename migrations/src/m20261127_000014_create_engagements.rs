//! Engagements between an expert and a request, with a partial unique index that allows one
//! live engagement (INVITED, APPLIED or ACCEPTED) per request and expert.

use crate::m20261127_000001_create_accounts::Accounts;
use crate::m20261127_000008_create_expert_profiles::ExpertProfiles;
use crate::m20261127_000012_create_requests::Requests;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Engagements {
    Table,
    Id,
    RequestId,
    ExpertProfileId,
    InitiatedBy,
    Status,
    Message,
    DeclineReason,
    HoursGiven,
    Feedback,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    RespondedAt,
    CompletedAt,
}

/// One live engagement per request and expert; the same statement on both engines (SQLite
/// and PostgreSQL both have partial indexes).
const LIVE_UNIQUE: &str = "CREATE UNIQUE INDEX uq_engagements_live \
     ON engagements (request_id, expert_profile_id) \
     WHERE status IN ('INVITED', 'APPLIED', 'ACCEPTED')";

fn at(col: Engagements, required: bool) -> ColumnDef {
    let mut def = ColumnDef::new(col);
    def.timestamp_with_time_zone();
    if required {
        def.not_null();
    } else {
        def.null();
    }
    def
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Engagements::Table)
                    .col(
                        ColumnDef::new(Engagements::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Engagements::RequestId).uuid().not_null())
                    .col(
                        ColumnDef::new(Engagements::ExpertProfileId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Engagements::InitiatedBy)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Engagements::Status)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Engagements::Message).text().not_null())
                    .col(ColumnDef::new(Engagements::DeclineReason).text().null())
                    .col(ColumnDef::new(Engagements::HoursGiven).integer().null())
                    .col(ColumnDef::new(Engagements::Feedback).text().null())
                    .col(ColumnDef::new(Engagements::CreatedBy).uuid().null())
                    .col(at(Engagements::CreatedAt, true))
                    .col(at(Engagements::UpdatedAt, true))
                    .col(at(Engagements::RespondedAt, false))
                    .col(at(Engagements::CompletedAt, false))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_engagements_request")
                            .from(Engagements::Table, Engagements::RequestId)
                            .to(Requests::Table, Requests::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_engagements_expert_profile")
                            .from(Engagements::Table, Engagements::ExpertProfileId)
                            .to(ExpertProfiles::Table, ExpertProfiles::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_engagements_created_by")
                            .from(Engagements::Table, Engagements::CreatedBy)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // An expert's engagements (myEngagements, the contact rule), newest first.
        manager
            .create_index(
                Index::create()
                    .name("idx_engagements_expert")
                    .table(Engagements::Table)
                    .col(Engagements::ExpertProfileId)
                    .col(Engagements::CreatedAt)
                    .to_owned(),
            )
            .await?;
        // A request's engagements.
        manager
            .create_index(
                Index::create()
                    .name("idx_engagements_request")
                    .table(Engagements::Table)
                    .col(Engagements::RequestId)
                    .col(Engagements::CreatedAt)
                    .to_owned(),
            )
            .await?;
        match manager.get_database_backend() {
            DbBackend::Sqlite | DbBackend::Postgres => {
                manager
                    .get_connection()
                    .execute_unprepared(LIVE_UNIQUE)
                    .await?;
                Ok(())
            }
            other => Err(DbErr::Migration(format!(
                "engagements need a partial unique index, which {other:?} lacks"
            ))),
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Engagements::Table).to_owned())
            .await
    }
}
