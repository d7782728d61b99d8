//! Institutions: creation by their staff, membership, and verification by moderators.

use crate::notifications::notices;
use crate::{Actor, Service, ServiceError, ServiceResult, mails};
use braingain_domain::institution::InstitutionDraft;
use braingain_domain::{AccountStatus, Decision, Email, InstitutionId, Role, VerificationStatus};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::institutions;
pub use braingain_store::institutions::InstitutionRecord;
use braingain_store::{accounts, mail};

impl Service {
    /// Creates an institution (PENDING until a moderator verifies it); the creator, who must be
    /// institution staff with a confirmed email, becomes its first member.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn create_institution(
        &self,
        actor: &Actor,
        draft: InstitutionDraft,
    ) -> ServiceResult<InstitutionRecord> {
        let session = actor.session()?;
        if session.role != Role::Institution {
            return Err(ServiceError::forbidden(
                "only institution staff accounts create institutions",
            ));
        }
        if session.status != AccountStatus::Active {
            return Err(ServiceError::forbidden("confirm your email address first"));
        }
        let valid = draft.validate()?;
        let now = self.now();
        let tx = self.store().begin().await?;
        let record = institutions::create(&tx, session.account, &valid, now).await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: Some(session.account),
                action: "institution.create".into(),
                subject_type: "institution".into(),
                subject_id: Some(record.id.to_string()),
                reason: None,
                details: None,
            },
        )
        .await?;
        braingain_store::commit(tx).await?;
        Ok(record)
    }

    /// The institution with this id. Verified institutions are public; others are visible to
    /// their members and moderators only (`None` otherwise).
    pub async fn institution(
        &self,
        actor: &Actor,
        id: InstitutionId,
    ) -> ServiceResult<Option<InstitutionRecord>> {
        let Some(record) = institutions::find_by_id(self.store().conn(), id).await? else {
            return Ok(None);
        };
        if record.verification == VerificationStatus::Verified || actor.is_moderator() {
            return Ok(Some(record));
        }
        match actor.account_id() {
            Some(account) if institutions::is_member(self.store().conn(), id, account).await? => {
                Ok(Some(record))
            }
            _ => Ok(None),
        }
    }

    /// The institutions an account belongs to, as `viewer` may see them.
    pub async fn institutions_of(
        &self,
        viewer: &Actor,
        account: braingain_domain::AccountId,
    ) -> ServiceResult<Vec<InstitutionRecord>> {
        let all = institutions::of_account(self.store().conn(), account).await?;
        if viewer.account_id() == Some(account) || viewer.is_moderator() {
            return Ok(all);
        }
        Ok(all
            .into_iter()
            .filter(|i| i.verification == VerificationStatus::Verified)
            .collect())
    }

    /// A moderator verifies or rejects an institution, with a reason (required to reject).
    /// The decision is audit-logged and mailed to the institution's members.
    #[tracing::instrument(skip_all, fields(institution.id = %id), err(level = "debug"))]
    pub async fn review_institution(
        &self,
        actor: &Actor,
        id: InstitutionId,
        decision: Decision,
        reason: Option<&str>,
    ) -> ServiceResult<InstitutionRecord> {
        let moderator = actor.moderator()?;
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        if decision == Decision::Reject && reason.is_none() {
            return Err(ServiceError::bad_input(
                "reason",
                "say why the institution is rejected; its staff will read it",
            ));
        }
        if reason.is_some_and(|r| r.chars().count() > 2000) {
            return Err(ServiceError::bad_input(
                "reason",
                "a reason has at most 2000 characters",
            ));
        }
        let status = match decision {
            Decision::Approve => VerificationStatus::Verified,
            Decision::Reject => VerificationStatus::Rejected,
        };
        let now = self.now();
        let tx = self.store().begin().await?;
        let before = institutions::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no institution has this id".into()))?;
        institutions::set_verification(&tx, id, status, reason, moderator.account, now).await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: Some(moderator.account),
                action: format!(
                    "institution.{}",
                    if status == VerificationStatus::Verified {
                        "verify"
                    } else {
                        "reject"
                    }
                ),
                subject_type: "institution".into(),
                subject_id: Some(id.to_string()),
                reason: reason.map(str::to_owned),
                details: Some(serde_json::json!({ "from": before.verification, "to": status })),
            },
        )
        .await?;
        let notice = notices::institution_reviewed(&before.name, id, status, reason);
        for member in institutions::members(&tx, id).await? {
            if let Some(account) = accounts::find_by_id(&tx, member).await? {
                self.notify(&tx, member, &notice, now).await?;
                let text = mails::institution_reviewed(
                    &self.config().public_url,
                    &account.email,
                    &account.display_name,
                    &before.name,
                    id,
                    status,
                    reason,
                );
                mail::enqueue(&tx, text, now).await?;
            }
        }
        let after = institutions::find_by_id(&tx, id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no institution has this id".into()))?;
        braingain_store::commit(tx).await?;
        self.inner.mail_queued.notify_one();
        Ok(after)
    }

    /// Institutions waiting for review, oldest first (moderators only).
    pub async fn pending_institutions(
        &self,
        actor: &Actor,
    ) -> ServiceResult<Vec<InstitutionRecord>> {
        actor.moderator()?;
        Ok(institutions::with_status(self.store().conn(), VerificationStatus::Pending).await?)
    }

    /// A member adds another institution-staff account, named by email, to the institution.
    pub async fn add_institution_member(
        &self,
        actor: &Actor,
        id: InstitutionId,
        email: &str,
    ) -> ServiceResult<InstitutionRecord> {
        let session = actor.session()?;
        let email = Email::parse(email)?;
        let record = institutions::find_by_id(self.store().conn(), id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no institution has this id".into()))?;
        let allowed = actor.is_moderator()
            || institutions::is_member(self.store().conn(), id, session.account).await?;
        if !allowed {
            return Err(ServiceError::forbidden(
                "only the institution's members may add members",
            ));
        }
        let Some(account) = accounts::find_by_email(self.store().conn(), email.as_str()).await?
        else {
            return Err(ServiceError::bad_input(
                "email",
                "no account has this email; ask your colleague to register first",
            ));
        };
        if account.role != Role::Institution {
            return Err(ServiceError::bad_input(
                "email",
                "this account is not an institution staff account",
            ));
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        institutions::add_member(&tx, id, account.id, now).await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: Some(session.account),
                action: "institution.add_member".into(),
                subject_type: "institution".into(),
                subject_id: Some(id.to_string()),
                reason: None,
                details: Some(serde_json::json!({ "member": account.id })),
            },
        )
        .await?;
        braingain_store::commit(tx).await?;
        Ok(record)
    }

    /// The display names and ids of an institution's members (members and moderators only).
    pub async fn institution_members(
        &self,
        actor: &Actor,
        id: InstitutionId,
    ) -> ServiceResult<Vec<crate::accounts::AccountView>> {
        let session = actor.session()?;
        if !actor.is_moderator()
            && !institutions::is_member(self.store().conn(), id, session.account).await?
        {
            return Err(ServiceError::forbidden(
                "only the institution's members see its members",
            ));
        }
        let mut out = Vec::new();
        for member in institutions::members(self.store().conn(), id).await? {
            if let Some(account) = accounts::find_by_id(self.store().conn(), member).await? {
                out.push(crate::accounts::AccountView::of(account, actor));
            }
        }
        Ok(out)
    }
}
