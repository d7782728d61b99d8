//! Writing a synthetic network: refusal rules, the operators, institutions with their staff,
//! requests, then the experts in batches (one transaction each) while the next batch is
//! generated on a blocking thread.

use super::experts::{self, GeneratedExpert, SEED_DOMAIN};
use super::institutions::{self, GeneratedInstitution};
use super::plan::{EPOCH_MS, Plan, seeded_id, stream};
use super::requests::{self, GeneratedRequest};
use super::rng::Rng;
use super::{SEED_ADMIN, SEED_MODERATOR, SEED_PASSWORD, SEED_STATE_KEY};
use crate::{Service, ServiceError, ServiceResult};
use braingain_domain::{AccountId, AccountStatus, Role, VerificationStatus, Visibility};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::state;
use braingain_store::synthetic::{
    self as rows, SeedAccount, SeedInstitution, SeedProfile, SeedRequest, SeedReview,
};
use chrono::{DateTime, Duration, Utc};
use secrecy::SecretString;
use std::sync::Arc;
use std::time::Instant;

/// Experts generated and written per batch (one transaction).
const BATCH: u64 = 5_000;

/// What to seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntheticSpec {
    /// Experts.
    pub experts: u64,
    /// Institutions (real universities of the countries of origin).
    pub institutions: usize,
    /// Requests.
    pub requests: usize,
    /// The seed.
    pub seed: u64,
    /// Seed even though the database holds accounts a seeding did not create.
    pub force: bool,
}

/// What a seeding wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyntheticOutcome {
    /// Expert accounts with profiles.
    pub experts: u64,
    /// Of which search shows (ACTIVE and not HIDDEN).
    pub searchable: u64,
    /// Institutions.
    pub institutions: usize,
    /// Of which VERIFIED.
    pub verified_institutions: usize,
    /// Staff accounts.
    pub staff: usize,
    /// Requests.
    pub requests: usize,
    /// Rows written, over every table.
    pub rows: u64,
    /// Seconds spent generating and writing.
    pub seconds: f64,
}

fn internal(e: impl Into<anyhow::Error>) -> ServiceError {
    ServiceError::internal(e)
}

/// The state recorded under [`SEED_STATE_KEY`].
fn state_value(spec: &SyntheticSpec, complete: bool) -> String {
    serde_json::json!({
        "seed": spec.seed,
        "experts": spec.experts,
        "institutions": spec.institutions,
        "requests": spec.requests,
        "complete": complete,
    })
    .to_string()
}

impl Service {
    /// Writes the synthetic network `spec` describes; `progress` hears how many experts are
    /// written after each batch. Refuses (`CONFLICT`) a database that already holds a
    /// synthetic network, or (unless `spec.force`) accounts a seeding did not create: the
    /// seeded accounts' documented password does not belong next to real ones. Records no
    /// change events: rebuild the search index afterwards ([`Service::rebuild_index`]).
    #[tracing::instrument(skip_all, fields(experts = spec.experts, seed = spec.seed), err(level = "debug"))]
    pub async fn seed_synthetic(
        &self,
        spec: &SyntheticSpec,
        mut progress: impl FnMut(u64),
    ) -> ServiceResult<SyntheticOutcome> {
        let started = Instant::now();
        let db = self.store().conn();
        if let Some(found) = state::get(db, SEED_STATE_KEY).await? {
            return Err(ServiceError::conflict(
                "database",
                format!(
                    "this database already holds a synthetic network ({found}); seed into a fresh database"
                ),
            ));
        }
        let foreign = rows::count_accounts_outside(db, SEED_DOMAIN).await?;
        if foreign > 0 && !spec.force {
            return Err(ServiceError::conflict(
                "database",
                format!(
                    "this database holds {foreign} accounts a seeding did not create; seeded accounts share a public password, so seed a fresh database (or force it)"
                ),
            ));
        }
        let tax = tokio::task::spawn_blocking(super::taxonomy)
            .await
            .map_err(internal)?
            .map_err(ServiceError::Internal)?;
        let plan = Arc::new(Plan::new(tax, spec.seed));
        let universities = institutions::universities().map_err(ServiceError::Internal)?;
        let chosen = institutions::choose(&plan, &universities, spec.institutions)
            .map_err(|e| ServiceError::bad_input("institutions", e.to_string()))?;
        let now = self.now();
        state::set(db, SEED_STATE_KEY, &state_value(spec, false), now).await?;
        rows::prepare_bulk_load(db).await?;
        let hash = self
            .inner
            .hasher
            .hash(SecretString::from(SEED_PASSWORD.to_owned()))
            .await?;
        let mut outcome = SyntheticOutcome::default();
        self.seed_organisations(&plan, &universities, &chosen, spec, &hash, &mut outcome)
            .await?;
        self.seed_experts(plan, spec.experts, &hash, &mut outcome, &mut progress)
            .await?;
        let tx = self.store().begin().await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: None,
                action: "seed.synthetic".into(),
                subject_type: "system".into(),
                subject_id: None,
                reason: Some("braingain seed --experts".into()),
                details: Some(serde_json::json!({
                    "seed": spec.seed,
                    "experts": outcome.experts,
                    "institutions": outcome.institutions,
                    "requests": outcome.requests,
                })),
            },
        )
        .await?;
        state::set(&tx, SEED_STATE_KEY, &state_value(spec, true), now).await?;
        braingain_store::commit(tx).await?;
        outcome.seconds = started.elapsed().as_secs_f64();
        tracing::info!(
            experts = outcome.experts,
            rows = outcome.rows,
            "synthetic network seeded"
        );
        Ok(outcome)
    }

    /// The administrator, the moderator, the institutions with their staff, and the
    /// requests, in one transaction.
    async fn seed_organisations(
        &self,
        plan: &Plan,
        universities: &[institutions::University],
        chosen: &[usize],
        spec: &SyntheticSpec,
        hash: &str,
        outcome: &mut SyntheticOutcome,
    ) -> ServiceResult<()> {
        let now = self.now();
        let at = |ago: i64| now - Duration::seconds(ago);
        let mut rng = Rng::for_item(plan.seed, stream::OPERATORS, 0);
        let account = |id, email: &str, name: &str, role, created| SeedAccount {
            id,
            email: email.to_owned(),
            password_hash: hash.to_owned(),
            display_name: name.to_owned(),
            role,
            status: AccountStatus::Active,
            email_verified_at: Some(created),
            last_active_at: Some(now),
            created_at: created,
        };
        let admin = AccountId(seeded_id(&mut rng, EPOCH_MS));
        let moderator = AccountId(seeded_id(&mut rng, EPOCH_MS));
        let founded = at(1_000 * 86_400);
        let mut accounts = vec![
            account(
                admin,
                SEED_ADMIN,
                "Seed Administrator",
                Role::Admin,
                founded,
            ),
            account(
                moderator,
                SEED_MODERATOR,
                "Seed Moderator",
                Role::Moderator,
                founded,
            ),
        ];
        let generated: Vec<GeneratedInstitution> = chosen
            .iter()
            .enumerate()
            .map(|(n, &u)| institutions::institution(plan, n as u64, &universities[u]))
            .collect::<anyhow::Result<_>>()
            .map_err(ServiceError::Internal)?;
        let review = |created: DateTime<Utc>, reason: &Option<String>| {
            reason.as_ref().map(|r| SeedReview {
                by: moderator,
                at: created + Duration::days(3),
                reason: Some(r.clone()),
            })
        };
        let mut institutions = Vec::with_capacity(generated.len());
        for g in &generated {
            let created = at(g.created_ago);
            for s in &g.staff {
                accounts.push(account(
                    s.account,
                    &s.email,
                    &s.display_name,
                    Role::Institution,
                    created,
                ));
            }
            institutions.push(SeedInstitution {
                id: g.id,
                institution: g.institution.clone(),
                verification: g.verification,
                review: review(created, &g.review_reason),
                staff: g.staff.iter().map(|s| s.account).collect(),
                created_at: created,
            });
        }
        let verified: Vec<usize> = (0..generated.len())
            .filter(|&i| generated[i].verification == VerificationStatus::Verified)
            .collect();
        let mut requests = Vec::with_capacity(spec.requests);
        for n in 0..spec.requests {
            let mut pick = Rng::for_item(plan.seed, stream::REQUEST, u64::MAX - n as u64);
            let Some(&owner) = pick.pick(&verified) else {
                break;
            };
            let r: GeneratedRequest = requests::request(plan, n as u64, owner, &generated[owner])
                .map_err(ServiceError::Internal)?;
            requests.push(seed_request(r, &generated, moderator, now));
        }
        outcome.institutions = institutions.len();
        outcome.verified_institutions = verified.len();
        outcome.staff = accounts.len() - 2;
        outcome.requests = requests.len();
        outcome.rows += (accounts.len()
            + institutions.len()
            + outcome.staff
            + requests.len()
            + requests
                .iter()
                .map(|r| r.request.skills.len())
                .sum::<usize>()) as u64;
        let tx = self.store().begin().await?;
        rows::insert_accounts(&tx, &accounts).await?;
        rows::insert_institutions(&tx, &institutions).await?;
        rows::insert_requests(&tx, &requests).await?;
        braingain_store::commit(tx).await?;
        Ok(())
    }

    /// The experts, in batches: the next batch is generated on a blocking thread while the
    /// current one is written.
    async fn seed_experts(
        &self,
        plan: Arc<Plan>,
        count: u64,
        hash: &str,
        outcome: &mut SyntheticOutcome,
        progress: &mut impl FnMut(u64),
    ) -> ServiceResult<()> {
        let (tx, mut rx) = tokio::sync::mpsc::channel::<anyhow::Result<Vec<GeneratedExpert>>>(2);
        let producer = tokio::task::spawn_blocking(move || {
            let mut start = 0;
            while start < count {
                let end = (start + BATCH).min(count);
                let batch = (start..end).map(|n| experts::expert(&plan, n)).collect();
                if tx.blocking_send(batch).is_err() {
                    return;
                }
                start = end;
            }
        });
        while let Some(batch) = rx.recv().await {
            let batch = batch.map_err(ServiceError::Internal)?;
            self.write_experts(batch, hash, outcome).await?;
            progress(outcome.experts);
        }
        producer.await.map_err(internal)?;
        Ok(())
    }

    async fn write_experts(
        &self,
        batch: Vec<GeneratedExpert>,
        hash: &str,
        outcome: &mut SyntheticOutcome,
    ) -> ServiceResult<()> {
        let now = self.now();
        let at = |ago: i64| now - Duration::seconds(ago);
        let mut accounts = Vec::with_capacity(batch.len());
        let mut profiles = Vec::with_capacity(batch.len());
        for e in batch {
            let created = at(e.created_ago);
            outcome.searchable += u64::from(
                e.status == AccountStatus::Active && e.profile.visibility != Visibility::Hidden,
            );
            outcome.rows +=
                2 + e.profile.skills.len() as u64 + e.profile.origin_countries.len() as u64;
            accounts.push(SeedAccount {
                id: e.account,
                email: e.email,
                password_hash: hash.to_owned(),
                display_name: e.display_name,
                role: Role::Expert,
                status: e.status,
                email_verified_at: (e.status != AccountStatus::PendingVerification)
                    .then(|| created + Duration::minutes(20)),
                last_active_at: Some(at(e.active_ago)),
                created_at: created,
            });
            profiles.push(SeedProfile {
                id: e.profile_id,
                account: e.account,
                profile: e.profile,
                verified: e.verified,
                created_at: created,
                updated_at: at(e.updated_ago),
            });
        }
        let tx = self.store().begin().await?;
        rows::insert_accounts(&tx, &accounts).await?;
        rows::insert_profiles(&tx, &profiles).await?;
        braingain_store::commit(tx).await?;
        outcome.experts += accounts.len() as u64;
        Ok(())
    }
}

/// The stored form of a generated request, with its dates and review set from `now`.
fn seed_request(
    r: GeneratedRequest,
    institutions: &[GeneratedInstitution],
    moderator: AccountId,
    now: DateTime<Utc>,
) -> SeedRequest {
    let created = now - Duration::seconds(r.created_ago);
    let submitted = r.submitted.then(|| created + Duration::hours(6));
    let reviewed = r.reviewed.then(|| created + Duration::days(2));
    let mut request = r.request;
    let today = now.date_naive();
    if let (Some(start), Some(days)) = (r.starts_in_days, r.days) {
        request.starts_on = Some(today + Duration::days(start));
        request.ends_on = Some(today + Duration::days(start + days));
    }
    SeedRequest {
        id: r.id,
        institution: institutions[r.institution].id,
        created_by: r.created_by,
        request,
        status: r.status,
        review: reviewed.map(|at| SeedReview {
            by: moderator,
            at,
            reason: r.review_reason.clone(),
        }),
        submitted_at: submitted,
        created_at: created,
        updated_at: reviewed.or(submitted).unwrap_or(created),
    }
}
