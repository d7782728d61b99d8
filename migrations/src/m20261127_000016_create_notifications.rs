//! In-app notifications: one row per account and event, read or not. Deleting the account
//! deletes its notifications.

use crate::m20261127_000001_create_accounts::Accounts;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    AccountId,
    Kind,
    Text,
    Link,
    CreatedAt,
    ReadAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(
                        ColumnDef::new(Notifications::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Notifications::AccountId).uuid().not_null())
                    .col(
                        ColumnDef::new(Notifications::Kind)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Notifications::Text).text().not_null())
                    .col(ColumnDef::new(Notifications::Link).text().not_null())
                    .col(
                        ColumnDef::new(Notifications::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Notifications::ReadAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notifications_account")
                            .from(Notifications::Table, Notifications::AccountId)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // An account's notifications: all of them or only the unread ones, newest first.
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_account_read_created")
                    .table(Notifications::Table)
                    .col(Notifications::AccountId)
                    .col(Notifications::ReadAt)
                    .col(Notifications::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Notifications::Table).to_owned())
            .await
    }
}
