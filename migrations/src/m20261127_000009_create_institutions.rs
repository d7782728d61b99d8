//! Institutions and their members.

use crate::m20261127_000001_create_accounts::Accounts;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Institutions {
    Table,
    Id,
    Name,
    Kind,
    Country,
    City,
    Website,
    Description,
    Verification,
    ReviewReason,
    ReviewedBy,
    ReviewedAt,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum InstitutionMembers {
    Table,
    InstitutionId,
    AccountId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Institutions::Table)
                    .col(
                        ColumnDef::new(Institutions::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Institutions::Name)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Institutions::Kind).string_len(24).not_null())
                    .col(
                        ColumnDef::new(Institutions::Country)
                            .string_len(2)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Institutions::City).string_len(100).null())
                    .col(ColumnDef::new(Institutions::Website).string_len(500).null())
                    .col(ColumnDef::new(Institutions::Description).text().not_null())
                    .col(
                        ColumnDef::new(Institutions::Verification)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Institutions::ReviewReason).text().null())
                    .col(ColumnDef::new(Institutions::ReviewedBy).uuid().null())
                    .col(
                        ColumnDef::new(Institutions::ReviewedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(Institutions::CreatedBy).uuid().null())
                    .col(
                        ColumnDef::new(Institutions::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Institutions::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_institutions_verification")
                    .table(Institutions::Table)
                    .col(Institutions::Verification)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InstitutionMembers::Table)
                    .col(
                        ColumnDef::new(InstitutionMembers::InstitutionId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(InstitutionMembers::AccountId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(InstitutionMembers::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(InstitutionMembers::InstitutionId)
                            .col(InstitutionMembers::AccountId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_institution_members_institution")
                            .from(InstitutionMembers::Table, InstitutionMembers::InstitutionId)
                            .to(Institutions::Table, Institutions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_institution_members_account")
                            .from(InstitutionMembers::Table, InstitutionMembers::AccountId)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_institution_members_account")
                    .table(InstitutionMembers::Table)
                    .col(InstitutionMembers::AccountId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(InstitutionMembers::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Institutions::Table).to_owned())
            .await
    }
}
