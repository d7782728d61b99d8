//! The change outbox that the search index follows: every change search must see writes a row
//! here in the same transaction, in commit order by id.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ChangeEvents {
    Table,
    Id,
    Entity,
    EntityId,
    Op,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ChangeEvents::Table)
                    .col(
                        ColumnDef::new(ChangeEvents::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    // `expert`, `request`, ...
                    .col(
                        ColumnDef::new(ChangeEvents::Entity)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ChangeEvents::EntityId).uuid().not_null())
                    // `upsert` or `delete`.
                    .col(ColumnDef::new(ChangeEvents::Op).string_len(8).not_null())
                    .col(
                        ColumnDef::new(ChangeEvents::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ChangeEvents::Table).to_owned())
            .await
    }
}
