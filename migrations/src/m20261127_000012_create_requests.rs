//! Institutions' requests for help, with their lifecycle status and the last review.

use crate::m20261127_000001_create_accounts::Accounts;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Requests {
    Table,
    Id,
    InstitutionId,
    Kind,
    Title,
    Description,
    Languages,
    WorkModes,
    HoursPerMonth,
    StartsOn,
    EndsOn,
    Status,
    ReviewReason,
    ReviewedBy,
    ReviewedAt,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
}

/// The institutions table as this migration knows it.
#[derive(DeriveIden)]
enum Institutions {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Requests::Table)
                    .col(ColumnDef::new(Requests::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Requests::InstitutionId).uuid().not_null())
                    .col(ColumnDef::new(Requests::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(Requests::Title).string_len(200).not_null())
                    .col(ColumnDef::new(Requests::Description).text().not_null())
                    // JSON arrays: ISO 639-1 codes, work modes.
                    .col(ColumnDef::new(Requests::Languages).text().not_null())
                    .col(ColumnDef::new(Requests::WorkModes).text().not_null())
                    .col(ColumnDef::new(Requests::HoursPerMonth).integer().null())
                    .col(ColumnDef::new(Requests::StartsOn).date().null())
                    .col(ColumnDef::new(Requests::EndsOn).date().null())
                    .col(ColumnDef::new(Requests::Status).string_len(16).not_null())
                    .col(ColumnDef::new(Requests::ReviewReason).text().null())
                    .col(ColumnDef::new(Requests::ReviewedBy).uuid().null())
                    .col(
                        ColumnDef::new(Requests::ReviewedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(Requests::CreatedBy).uuid().null())
                    .col(
                        ColumnDef::new(Requests::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Requests::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Requests::SubmittedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_requests_institution")
                            .from(Requests::Table, Requests::InstitutionId)
                            .to(Institutions::Table, Institutions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_requests_created_by")
                            .from(Requests::Table, Requests::CreatedBy)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_requests_reviewed_by")
                            .from(Requests::Table, Requests::ReviewedBy)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // The moderation queue and the public list read by status, oldest first.
        manager
            .create_index(
                Index::create()
                    .name("idx_requests_status")
                    .table(Requests::Table)
                    .col(Requests::Status)
                    .col(Requests::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_requests_institution")
                    .table(Requests::Table)
                    .col(Requests::InstitutionId)
                    .col(Requests::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Requests::Table).to_owned())
            .await
    }
}
