//! Expert profiles, with their skills and origin countries in child tables (so that supply
//! and diaspora statistics aggregate in SQL).

use crate::m20261127_000001_create_accounts::Accounts;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum ExpertProfiles {
    Table,
    Id,
    AccountId,
    Headline,
    Bio,
    ResidenceCountry,
    ResidenceCity,
    Languages,
    EngagementTypes,
    WorkModes,
    HoursPerMonth,
    Orcid,
    Visibility,
    Verified,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ExpertSkills {
    Table,
    ProfileId,
    SkillId,
    Position,
    Level,
    Years,
}

#[derive(DeriveIden)]
enum ExpertOrigins {
    Table,
    ProfileId,
    Country,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ExpertProfiles::Table)
                    .col(
                        ColumnDef::new(ExpertProfiles::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ExpertProfiles::AccountId)
                            .uuid()
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(ExpertProfiles::Headline)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ExpertProfiles::Bio).text().not_null())
                    .col(
                        ColumnDef::new(ExpertProfiles::ResidenceCountry)
                            .string_len(2)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ExpertProfiles::ResidenceCity)
                            .string_len(100)
                            .null(),
                    )
                    // JSON [{"code": "fr", "level": "FLUENT"}]
                    .col(ColumnDef::new(ExpertProfiles::Languages).text().not_null())
                    // JSON arrays of enum values.
                    .col(
                        ColumnDef::new(ExpertProfiles::EngagementTypes)
                            .text()
                            .not_null(),
                    )
                    .col(ColumnDef::new(ExpertProfiles::WorkModes).text().not_null())
                    .col(
                        ColumnDef::new(ExpertProfiles::HoursPerMonth)
                            .integer()
                            .null(),
                    )
                    .col(ColumnDef::new(ExpertProfiles::Orcid).string_len(19).null())
                    .col(
                        ColumnDef::new(ExpertProfiles::Visibility)
                            .string_len(8)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ExpertProfiles::Verified)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(
                        ColumnDef::new(ExpertProfiles::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ExpertProfiles::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_expert_profiles_account")
                            .from(ExpertProfiles::Table, ExpertProfiles::AccountId)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_expert_profiles_residence")
                    .table(ExpertProfiles::Table)
                    .col(ExpertProfiles::ResidenceCountry)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExpertSkills::Table)
                    .col(ColumnDef::new(ExpertSkills::ProfileId).uuid().not_null())
                    .col(ColumnDef::new(ExpertSkills::SkillId).uuid().not_null())
                    // Order on the profile, as the expert listed them.
                    .col(
                        ColumnDef::new(ExpertSkills::Position)
                            .small_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ExpertSkills::Level)
                            .small_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(ExpertSkills::Years).small_integer().null())
                    .primary_key(
                        Index::create()
                            .col(ExpertSkills::ProfileId)
                            .col(ExpertSkills::SkillId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_expert_skills_profile")
                            .from(ExpertSkills::Table, ExpertSkills::ProfileId)
                            .to(ExpertProfiles::Table, ExpertProfiles::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_expert_skills_skill")
                    .table(ExpertSkills::Table)
                    .col(ExpertSkills::SkillId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExpertOrigins::Table)
                    .col(ColumnDef::new(ExpertOrigins::ProfileId).uuid().not_null())
                    .col(
                        ColumnDef::new(ExpertOrigins::Country)
                            .string_len(2)
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(ExpertOrigins::ProfileId)
                            .col(ExpertOrigins::Country),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_expert_origins_profile")
                            .from(ExpertOrigins::Table, ExpertOrigins::ProfileId)
                            .to(ExpertProfiles::Table, ExpertProfiles::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_expert_origins_country")
                    .table(ExpertOrigins::Table)
                    .col(ExpertOrigins::Country)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ExpertOrigins::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ExpertSkills::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ExpertProfiles::Table).to_owned())
            .await
    }
}
