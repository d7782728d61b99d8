//! Adds `engagements.reminded_at`: when the side that owes an answer to an unanswered
//! invitation or application was reminded (at most once), so that replicas sending reminders
//! concurrently claim each engagement with a conditional update. An index on
//! `(status, created_at)` finds the due ones without scanning the table.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Engagements {
    Table,
    Status,
    CreatedAt,
    RemindedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Engagements::Table)
                    .add_column(
                        ColumnDef::new(Engagements::RemindedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_engagements_status_created")
                    .table(Engagements::Table)
                    .col(Engagements::Status)
                    .col(Engagements::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_engagements_status_created")
                    .table(Engagements::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Engagements::Table)
                    .drop_column(Engagements::RemindedAt)
                    .to_owned(),
            )
            .await
    }
}
