//! Writing validated rows in batches: one transaction per batch, a batch that fails retried
//! row by row so that one bad row costs only itself.

use super::{Candidate, INVITATION_VALID_DAYS, Rejection};
use crate::{Service, ServiceError, ServiceResult, mails};
use braingain_auth::OpaqueToken;
use braingain_domain::profile::SkillRef;
use braingain_domain::{AccountId, AccountStatus, ProfileId, Role, SkillId};
use braingain_store::accounts::NewAccount;
use braingain_store::audit::{self, AuditEntry};
use braingain_store::bulk::{self, NewProfile, NewToken};
use std::collections::{BTreeMap, HashSet};

/// How an import writes.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Make the accounts ACTIVE with a confirmed address (the operator vouches for the
    /// addresses); otherwise they are `PENDING_VERIFICATION` until the invitation is used.
    pub activate: bool,
    /// Rows per transaction.
    pub batch_size: usize,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            activate: false,
            batch_size: 250,
        }
    }
}

/// What became of one batch of rows.
#[derive(Debug, Clone, Default)]
pub struct BatchReport {
    /// Rows in the batch.
    pub rows: usize,
    /// Accounts created.
    pub imported: usize,
    /// Rows whose email already had an account (nothing was written for them).
    pub already_present: usize,
    /// Rows refused (unknown skill, or a write that failed for this row alone).
    pub rejected: Vec<Rejection>,
}

/// What an import did, over all batches.
#[derive(Debug, Clone, Default)]
pub struct ImportOutcome {
    /// Accounts created.
    pub imported: usize,
    /// Rows whose email already had an account.
    pub already_present: usize,
    /// Rows refused while importing, in file order (rows refused when reading the file are
    /// in [`super::ParsedFile::rejected`]).
    pub rejected: Vec<Rejection>,
}

impl Service {
    /// Imports validated rows as EXPERT accounts with profiles, in batches of
    /// `options.batch_size`, each batch in one transaction; `on_batch` hears of each batch
    /// once it is settled. Rows whose email has an account already are left alone. Every new
    /// account gets an invitation mail whose link sets its password. For the operator's
    /// command line (there is no caller to authorise).
    ///
    /// Batches committed before a database failure stay committed; the failure is returned.
    #[tracing::instrument(skip_all, fields(rows = candidates.len()), err(level = "debug"))]
    pub async fn import_experts(
        &self,
        candidates: Vec<Candidate>,
        options: &ImportOptions,
        mut on_batch: impl FnMut(&BatchReport),
    ) -> ServiceResult<ImportOutcome> {
        let mut outcome = ImportOutcome::default();
        for batch in candidates.chunks(options.batch_size.max(1)) {
            let mut report = BatchReport {
                rows: batch.len(),
                ..BatchReport::default()
            };
            let rows = self.drop_unknown_skills(batch, &mut report).await?;
            match self.write_batch(&rows, options).await {
                Ok((imported, present)) => {
                    report.imported += imported;
                    report.already_present += present;
                }
                Err(e) if rows.len() > 1 => {
                    tracing::warn!(error = %e, rows = rows.len(), "import batch failed; retrying row by row");
                    for row in &rows {
                        match self.write_batch(std::slice::from_ref(row), options).await {
                            Ok((imported, present)) => {
                                report.imported += imported;
                                report.already_present += present;
                            }
                            Err(ServiceError::Internal(e)) => {
                                return Err(ServiceError::Internal(e));
                            }
                            Err(e) => report.rejected.push(failed(row, &e)),
                        }
                    }
                }
                Err(ServiceError::Internal(e)) => return Err(ServiceError::Internal(e)),
                Err(e) => report
                    .rejected
                    .extend(rows.first().map(|row| failed(row, &e))),
            }
            on_batch(&report);
            outcome.imported += report.imported;
            outcome.already_present += report.already_present;
            outcome.rejected.extend(report.rejected);
        }
        outcome.rejected.sort_by_key(|r| r.line);
        tracing::info!(
            imported = outcome.imported,
            already_present = outcome.already_present,
            rejected = outcome.rejected.len(),
            "experts imported"
        );
        Ok(outcome)
    }

    /// The rows of `batch` whose taxonomy skills all exist; the others go to the report, as
    /// `saveExpertProfile` would refuse them.
    async fn drop_unknown_skills<'a>(
        &self,
        batch: &'a [Candidate],
        report: &mut BatchReport,
    ) -> ServiceResult<Vec<&'a Candidate>> {
        let wanted: Vec<SkillId> = batch
            .iter()
            .flat_map(|c| c.profile.skills.iter())
            .filter_map(|claim| match claim.skill {
                SkillRef::Known(id) => Some(id),
                SkillRef::Free { .. } => None,
            })
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let known: HashSet<SkillId> = self
            .skills_by_id(&wanted)
            .await?
            .iter()
            .map(|s| s.id)
            .collect();
        let mut rows = Vec::with_capacity(batch.len());
        for row in batch {
            let unknown = row.profile.skills.iter().position(
                |claim| matches!(claim.skill, SkillRef::Known(id) if !known.contains(&id)),
            );
            match unknown {
                Some(i) => report.rejected.push(Rejection {
                    line: row.line,
                    email: row.email.as_str().to_owned(),
                    reason: format!(
                        "input.skills[{i}].skillId: no skill has the id {}; give a skill id from the taxonomy or a label",
                        row.profile.skills[i].skill.id()
                    ),
                }),
                None => rows.push(row),
            }
        }
        Ok(rows)
    }

    /// Writes the rows whose email is new, in one transaction. Returns (imported, already
    /// present).
    async fn write_batch(
        &self,
        rows: &[&Candidate],
        options: &ImportOptions,
    ) -> ServiceResult<(usize, usize)> {
        if rows.is_empty() {
            return Ok((0, 0));
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        let emails: Vec<String> = rows.iter().map(|r| r.email.as_str().to_owned()).collect();
        let present = bulk::existing_emails(&tx, &emails).await?;
        let new: Vec<&Candidate> = rows
            .iter()
            .copied()
            .filter(|r| !present.contains(r.email.as_str()))
            .collect();
        if new.is_empty() {
            return Ok((0, rows.len()));
        }
        let mut free: BTreeMap<SkillId, &str> = BTreeMap::new();
        for claim in new.iter().flat_map(|r| r.profile.skills.iter()) {
            if let SkillRef::Free { label, .. } = &claim.skill
                && self.skill(claim.skill.id()).is_none()
            {
                free.entry(claim.skill.id()).or_insert(label);
            }
        }
        let mut added = Vec::with_capacity(free.len());
        for (id, label) in free {
            added.push(self.ensure_free_skill(&tx, id, label).await?);
        }
        let (status, verified_at) = if options.activate {
            (AccountStatus::Active, Some(now))
        } else {
            (AccountStatus::PendingVerification, None)
        };
        let mut accounts = Vec::with_capacity(new.len());
        let mut profiles = Vec::with_capacity(new.len());
        let mut tokens = Vec::with_capacity(new.len());
        let mut mails = Vec::with_capacity(new.len());
        for row in &new {
            let account = AccountId::new();
            accounts.push(NewAccount {
                id: account,
                email: row.email.as_str().to_owned(),
                password_hash: None,
                display_name: row.display_name.as_str().to_owned(),
                role: Role::Expert,
                status,
                email_verified_at: verified_at,
                now,
            });
            profiles.push(NewProfile {
                id: ProfileId::new(),
                account,
                profile: &row.profile,
            });
            let token = OpaqueToken::generate().map_err(ServiceError::internal)?;
            mails.push(mails::invitation(
                &self.config().public_url,
                row.email.as_str(),
                row.display_name.as_str(),
                &token.secret,
                INVITATION_VALID_DAYS,
            ));
            tokens.push(NewToken {
                account,
                digest: token.digest.0,
            });
        }
        bulk::insert_accounts(&tx, &accounts).await?;
        bulk::insert_profiles(&tx, &profiles, now).await?;
        let ids: Vec<ProfileId> = profiles.iter().map(|p| p.id).collect();
        bulk::record_expert_upserts(&tx, &ids, now).await?;
        let expires = now + chrono::Duration::days(INVITATION_VALID_DAYS);
        bulk::insert_reset_tokens(&tx, &tokens, now, expires).await?;
        bulk::enqueue_mails(&tx, mails, now).await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: None,
                action: "account.import".into(),
                subject_type: "account".into(),
                subject_id: None,
                reason: Some("braingain import experts".into()),
                details: Some(serde_json::json!({
                    "accounts": accounts.iter().map(|a| a.id).collect::<Vec<_>>(),
                    "activated": options.activate,
                })),
            },
        )
        .await?;
        braingain_store::commit(tx).await?;
        self.remember_skills(added);
        self.inner.mail_queued.notify_one();
        self.changes_committed();
        Ok((new.len(), rows.len() - new.len()))
    }
}

/// A row whose write failed on its own.
fn failed(row: &Candidate, error: &ServiceError) -> Rejection {
    Rejection {
        line: row.line,
        email: row.email.as_str().to_owned(),
        reason: format!("not imported: {error}"),
    }
}
