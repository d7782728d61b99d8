//! The skills taxonomy: ESCO skills and groups, and free-text skills named by users.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Skills {
    Table,
    Id,
    Kind,
    SkillType,
    Labels,
    Broader,
    Description,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Skills::Table)
                    .col(ColumnDef::new(Skills::Id).uuid().not_null().primary_key())
                    // `skill` or `group` (ESCO), `custom` (free text from a user).
                    .col(ColumnDef::new(Skills::Kind).string_len(8).not_null())
                    // ESCO's skill type: `skill`, `knowledge`, or null.
                    .col(ColumnDef::new(Skills::SkillType).string_len(16).null())
                    // JSON: {"en": {"preferred": "...", "alternatives": ["..."]}, "fr": ..., "es": ...}
                    .col(ColumnDef::new(Skills::Labels).text().not_null())
                    // JSON array of broader skill ids.
                    .col(ColumnDef::new(Skills::Broader).text().not_null())
                    .col(ColumnDef::new(Skills::Description).text().null())
                    .col(
                        ColumnDef::new(Skills::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_skills_kind")
                    .table(Skills::Table)
                    .col(Skills::Kind)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Skills::Table).to_owned())
            .await
    }
}
