//! The skills a request asks for, one row each (so that skill demand aggregates in SQL).

use crate::m20261127_000012_create_requests::Requests;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RequestSkills {
    Table,
    RequestId,
    SkillId,
    Position,
    MinLevel,
    Required,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RequestSkills::Table)
                    .col(ColumnDef::new(RequestSkills::RequestId).uuid().not_null())
                    .col(ColumnDef::new(RequestSkills::SkillId).uuid().not_null())
                    // Order on the request, as the institution listed them.
                    .col(
                        ColumnDef::new(RequestSkills::Position)
                            .small_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(RequestSkills::MinLevel)
                            .small_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(RequestSkills::Required).boolean().not_null())
                    .primary_key(
                        Index::create()
                            .col(RequestSkills::RequestId)
                            .col(RequestSkills::SkillId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_request_skills_request")
                            .from(RequestSkills::Table, RequestSkills::RequestId)
                            .to(Requests::Table, Requests::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_request_skills_skill")
                    .table(RequestSkills::Table)
                    .col(RequestSkills::SkillId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RequestSkills::Table).to_owned())
            .await
    }
}
