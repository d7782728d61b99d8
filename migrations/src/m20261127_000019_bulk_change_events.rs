//! Adds `change_events.bulk`: true for the changes a bulk writer records (`braingain import
//! experts`), false (the default, so older writers need no change) for those an interactive
//! use case records (a profile saved, an account suspended, a request approved). The index
//! writer applies interactive changes ahead of a bulk backlog; the index on `(bulk, id)`
//! makes "the interactive changes after position P" one short range scan on SQLite and
//! PostgreSQL alike, however many bulk rows lie between.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ChangeEvents {
    Table,
    Id,
    Bulk,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ChangeEvents::Table)
                    .add_column(
                        ColumnDef::new(ChangeEvents::Bulk)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_change_events_bulk_id")
                    .table(ChangeEvents::Table)
                    .col(ChangeEvents::Bulk)
                    .col(ChangeEvents::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_change_events_bulk_id")
                    .table(ChangeEvents::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ChangeEvents::Table)
                    .drop_column(ChangeEvents::Bulk)
                    .to_owned(),
            )
            .await
    }
}
