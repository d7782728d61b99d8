//! Moderation: `reports` of content (an expert profile, a request or a message) that a
//! signed-in account flags for the moderators, with the moderator's decision; and
//! `engagements.proposed_by_programme`, which marks the invitations a moderator made on an
//! institution's behalf (brokered matching). Both serve the same feature, so they ship as one
//! step.
//!
//! A reporter has at most one OPEN report per subject (a partial unique index, the same
//! statement on SQLite and PostgreSQL). Deleting the reporter's account deletes their
//! reports; deleting the deciding moderator's keeps the decision without its author. The
//! subject has no foreign key: it names a row of one of three tables, and a report outlives
//! the content it is about.

use crate::m20261127_000001_create_accounts::Accounts;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
    SubjectType,
    SubjectId,
    Reason,
    ReporterId,
    CreatedAt,
    Status,
    ResolvedBy,
    ResolvedAt,
    ResolutionNote,
}

/// The engagements table as this migration knows it.
#[derive(DeriveIden)]
enum Engagements {
    Table,
    ProposedByProgramme,
}

/// One open report per reporter and subject.
const OPEN_UNIQUE: &str = "CREATE UNIQUE INDEX uq_reports_open \
     ON reports (reporter_id, subject_id) WHERE status = 'OPEN'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Reports::Table)
                    .col(ColumnDef::new(Reports::Id).uuid().not_null().primary_key())
                    .col(
                        ColumnDef::new(Reports::SubjectType)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Reports::SubjectId).uuid().not_null())
                    .col(ColumnDef::new(Reports::Reason).text().not_null())
                    .col(ColumnDef::new(Reports::ReporterId).uuid().not_null())
                    .col(
                        ColumnDef::new(Reports::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(Reports::Status).string_len(16).not_null())
                    .col(ColumnDef::new(Reports::ResolvedBy).uuid().null())
                    .col(
                        ColumnDef::new(Reports::ResolvedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(Reports::ResolutionNote).text().null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reports_reporter")
                            .from(Reports::Table, Reports::ReporterId)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reports_resolved_by")
                            .from(Reports::Table, Reports::ResolvedBy)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // The moderation queue: open reports, oldest first.
        manager
            .create_index(
                Index::create()
                    .name("idx_reports_status_created")
                    .table(Reports::Table)
                    .col(Reports::Status)
                    .col(Reports::CreatedAt)
                    .to_owned(),
            )
            .await?;
        // Throttling: a reporter's reports in the last hour.
        manager
            .create_index(
                Index::create()
                    .name("idx_reports_reporter_created")
                    .table(Reports::Table)
                    .col(Reports::ReporterId)
                    .col(Reports::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(OPEN_UNIQUE)
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Engagements::Table)
                    .add_column(
                        ColumnDef::new(Engagements::ProposedByProgramme)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Engagements::Table)
                    .drop_column(Engagements::ProposedByProgramme)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Reports::Table).to_owned())
            .await
    }
}
