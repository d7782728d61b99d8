//! Data ownership: everything stored about the caller, and erasing it.

use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::events::{self, Entity, Op};
use braingain_store::{accounts, institutions, profiles};
use secrecy::SecretString;
use serde_json::json;

impl Service {
    /// A JSON document of everything stored about the caller: account, profile with skill
    /// labels, institution memberships, the audit entries about them, and the reports they
    /// filed.
    pub async fn export_my_data(&self, actor: &Actor) -> ServiceResult<String> {
        let session = actor.session()?;
        let db = self.store().conn();
        let account = self.account_record(session.account).await?;
        let profile = match self.profile_of(actor, &account).await? {
            Some(view) => json!({
                "id": view.profile.id,
                "headline": view.profile.headline,
                "bio": view.profile.bio,
                "residenceCountry": view.profile.residence_country.as_str(),
                "residenceCity": view.profile.residence_city,
                "originCountries": view.profile.origin_countries.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                "languages": view.profile.languages.iter().map(|(c, l)| json!({ "code": c.as_str(), "level": l })).collect::<Vec<_>>(),
                "skills": view.skills.iter().map(|c| json!({
                    "skillId": c.skill.id,
                    "label": crate::skills::label(&c.skill, "en"),
                    "level": c.level,
                    "years": c.years,
                })).collect::<Vec<_>>(),
                "engagementTypes": view.profile.engagement_types,
                "workModes": view.profile.work_modes,
                "hoursPerMonth": view.profile.hours_per_month,
                "orcid": view.profile.orcid,
                "visibility": view.profile.visibility,
                "verified": view.profile.verified,
                "createdAt": view.profile.created_at,
                "updatedAt": view.profile.updated_at,
            }),
            None => serde_json::Value::Null,
        };
        let memberships = institutions::of_account(db, account.id).await?;
        let audit_entries = audit::for_subject(db, &account.id.to_string()).await?;
        let reports = braingain_store::reports::of_reporter(db, account.id).await?;
        let document = json!({
            "exportedAt": self.now(),
            "account": {
                "id": account.id,
                "email": account.email,
                "displayName": account.display_name,
                "role": account.role,
                "status": account.status,
                "emailVerifiedAt": account.email_verified_at,
                "lastActiveAt": account.last_active_at,
                "createdAt": account.created_at,
                "updatedAt": account.updated_at,
            },
            "expertProfile": profile,
            "institutions": memberships.iter().map(|i| json!({
                "id": i.id, "name": i.name, "country": i.country.as_str(), "verification": i.verification,
            })).collect::<Vec<_>>(),
            "auditLog": audit_entries.iter().map(|e| json!({
                "at": e.at, "action": e.action, "reason": e.reason,
            })).collect::<Vec<_>>(),
            "reportsFiled": reports.iter().map(|r| json!({
                "subjectType": r.subject_type, "subjectId": r.subject_id, "reason": r.reason,
                "createdAt": r.created_at, "status": r.status,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_string_pretty(&document).map_err(ServiceError::internal)
    }

    /// Erases the caller's account after checking their password: profile, skills, sessions,
    /// tokens, memberships, the reports they filed and queued mail go; the audit log keeps its entries with the
    /// account's name and address removed (only the id, which no longer resolves, remains).
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn delete_my_account(
        &self,
        actor: &Actor,
        password: SecretString,
    ) -> ServiceResult<bool> {
        let session = actor.session()?;
        let account = self.account_record(session.account).await?;
        if !self
            .inner
            .hasher
            .verify(password, account.password_hash.clone())
            .await?
        {
            return Err(ServiceError::bad_input(
                "password",
                "this is not your password",
            ));
        }
        if account.role == braingain_domain::Role::Admin
            && accounts::count_with_role(self.store().conn(), braingain_domain::Role::Admin).await?
                <= 1
        {
            return Err(ServiceError::conflict(
                "password",
                "you are the last administrator; appoint another first",
            ));
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        if let Some(profile) = profiles::delete_by_account(&tx, account.id).await? {
            events::record(&tx, Entity::Expert, profile.0, Op::Delete, now).await?;
        }
        institutions::remove_account(&tx, account.id).await?;
        braingain_store::mail::forget_recipient(&tx, &account.email).await?;
        audit::anonymise_actor(&tx, account.id).await?;
        accounts::delete(&tx, account.id).await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: None,
                action: "account.delete".into(),
                subject_type: "account".into(),
                subject_id: Some(account.id.to_string()),
                reason: Some("deleted by its owner".into()),
                details: Some(json!({ "role": account.role })),
            },
        )
        .await?;
        braingain_store::commit(tx).await?;
        self.changes_committed();
        tracing::info!(account.id = %account.id, "account deleted by its owner");
        Ok(true)
    }
}
