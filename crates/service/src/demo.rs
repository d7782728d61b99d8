//! The demo network (`braingain seed --demo`): about forty diaspora experts with real ESCO
//! skills, eight real universities (most verified, two waiting), their staff, a moderator and
//! an administrator, all ACTIVE and signing in with one documented password.
//!
//! Everything is written through the same use cases as real use: profiles through
//! [`Service::save_expert_profile`] (so change events are recorded), institutions through
//! [`Service::create_institution`] and verified by the demo moderator through
//! [`Service::review_institution`] (audit-logged), the moderator promoted by the demo
//! administrator. The data lives in `assets/demo/` (see its README). Seeding is idempotent:
//! once done, the `system_state` key [`DEMO_STATE_KEY`] records it and a second run changes
//! nothing; a run interrupted half-way is completed by the next.

use crate::{Actor, Service, ServiceError, ServiceResult, Session};
use braingain_domain::institution::InstitutionDraft;
use braingain_domain::{
    AccountId, AccountStatus, Decision, DisplayName, Email, InstitutionKind, Role,
    VerificationStatus,
};
use braingain_store::accounts::{self, AccountRecord, NewAccount};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::{institutions, state};
use secrecy::SecretString;

/// The demo experts, in the import's JSON format (skills carry their ESCO label for readers).
static EXPERTS: &str = include_str!("../../../assets/demo/experts.json");
/// The demo universities, copied from the world universities list (MIT licence).
static UNIVERSITIES: &str = include_str!("../../../assets/demo/universities.json");

/// The password of every demo account (documented in the README; demo use only).
pub const DEMO_PASSWORD: &str = "braingain-demo-2026";
/// The demo administrator.
pub const DEMO_ADMIN: &str = "admin@demo.braingain.org";
/// The demo moderator, who verified the demo institutions.
pub const DEMO_MODERATOR: &str = "moderator@demo.braingain.org";
/// The `system_state` key set once the demo network is complete.
pub const DEMO_STATE_KEY: &str = "demo_seeded";
/// The domain of every demo address.
pub const DEMO_DOMAIN: &str = "demo.braingain.org";

/// A demo institution: which university, and the demo facts about it.
struct DemoInstitution {
    /// Its `name` in `assets/demo/universities.json`.
    university: &'static str,
    city: &'static str,
    description: &'static str,
    /// Staff accounts (local part of the address, name); the first creates the institution.
    staff: &'static [(&'static str, &'static str)],
    verified: bool,
}

const INSTITUTIONS: [DemoInstitution; 8] = [
    DemoInstitution {
        university: "University of Lagos",
        city: "Lagos",
        description: "Public research university in Lagos. Looking for diaspora experts to co-supervise PhDs in water resources and civil engineering and to give short courses in clinical medicine.",
        staff: &[
            ("registrar", "Folake Adebayo"),
            ("bolaji.ogunleye", "Bolaji Ogunleye"),
        ],
        verified: true,
    },
    DemoInstitution {
        university: "University of Ghana",
        city: "Accra",
        description: "Ghana's oldest public university, at Legon. Seeks partners in public health, epidemiology and data science.",
        staff: &[("akosua.darko", "Akosua Darko")],
        verified: true,
    },
    DemoInstitution {
        university: "University of Nairobi",
        city: "Nairobi",
        description: "Public research university. Its engineering and computing schools welcome guest lecturers and joint research on language technology and mobile services.",
        staff: &[("peter.njoroge", "Peter Njoroge")],
        verified: true,
    },
    DemoInstitution {
        university: "Université Cheikh Anta Diop",
        city: "Dakar",
        description: "Senegal's largest university. Seeks mentors for young researchers in agriculture, water and law, in French or English.",
        staff: &[("ousmane.faye", "Ousmane Faye")],
        verified: true,
    },
    DemoInstitution {
        university: "American University of Beirut",
        city: "Beirut",
        description: "Private research university and medical centre. Looking for clinicians and hospital managers for training and quality programmes.",
        staff: &[("rima.nasser", "Rima Nasser")],
        verified: true,
    },
    DemoInstitution {
        university: "Universidad Nacional de Colombia",
        city: "Bogotá",
        description: "Colombia's national public university. Interested in joint research on biodiversity, geology and sustainable agriculture.",
        staff: &[("diego.castro", "Diego Castro")],
        verified: true,
    },
    DemoInstitution {
        university: "Addis Ababa University",
        city: "Addis Ababa",
        description: "Ethiopia's oldest university. Wants to build maternal health and soil science programmes with diaspora support.",
        staff: &[("tesfaye.haile", "Tesfaye Haile")],
        verified: false,
    },
    DemoInstitution {
        university: "Vietnam National University Hanoi",
        city: "Hanoi",
        description: "Multidisciplinary national university. Looking for partners in robotics, food safety and trade economics.",
        staff: &[("le.minhchau", "Lê Minh Châu")],
        verified: false,
    },
];

/// A university as listed in `assets/demo/universities.json`.
#[derive(serde::Deserialize)]
struct University {
    name: String,
    alpha_two_code: String,
    web_pages: Vec<String>,
}

/// What `seed_demo` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoOutcome {
    /// The demo network was there already; nothing changed.
    AlreadySeeded,
    /// The demo network was created (or completed).
    Seeded {
        /// Expert profiles.
        experts: usize,
        /// Institutions.
        institutions: usize,
        /// Accounts of every role.
        accounts: usize,
    },
}

fn demo_actor(account: &AccountRecord) -> Actor {
    Actor::Account(Session {
        account: account.id,
        role: account.role,
        status: account.status,
        family: None,
    })
}

fn bad_data(what: impl std::fmt::Display) -> ServiceError {
    ServiceError::internal(anyhow::anyhow!("the demo data is invalid: {what}"))
}

impl Service {
    /// Loads the demo network unless it is there already. Refuses (`CONFLICT`) a database
    /// that holds other accounts: the demo's well-known password does not belong next to
    /// real data.
    #[tracing::instrument(skip_all, err(level = "debug"))]
    pub async fn seed_demo(&self) -> ServiceResult<DemoOutcome> {
        if state::get(self.store().conn(), DEMO_STATE_KEY)
            .await?
            .is_some()
        {
            return Ok(DemoOutcome::AlreadySeeded);
        }
        let experts = crate::import::json_drafts(EXPERTS.as_bytes()).map_err(bad_data)?;
        let universities: Vec<University> = serde_json::from_str(UNIVERSITIES).map_err(bad_data)?;
        let emails: Vec<String> = experts.iter().map(|(e, _, _)| e.clone()).collect();
        self.refuse_foreign_accounts(&emails).await?;
        let hash = self
            .inner
            .hasher
            .hash(SecretString::from(DEMO_PASSWORD.to_owned()))
            .await?;
        let (admin, _) = self
            .create_admin(
                DEMO_ADMIN,
                Some(SecretString::from(DEMO_PASSWORD.to_owned())),
                "Demo Administrator",
            )
            .await?;
        let admin = self.account_record(admin.id).await?;
        let moderator = self
            .demo_account(DEMO_MODERATOR, "Demo Moderator", Role::Expert, &hash)
            .await?;
        if moderator.role != Role::Moderator {
            self.set_role(&demo_actor(&admin), moderator.id, Role::Moderator)
                .await?;
        }
        let moderator = self.account_record(moderator.id).await?;
        let mut accounts = 2;
        for (email, name, draft) in experts.iter().cloned() {
            let expert = self
                .demo_account(&email, &name, Role::Expert, &hash)
                .await?;
            self.save_expert_profile(&demo_actor(&expert), draft)
                .await
                .map_err(|e| bad_data(format!("{email}: {e}")))?;
            accounts += 1;
        }
        for demo in &INSTITUTIONS {
            let university = universities
                .iter()
                .find(|u| u.name == demo.university)
                .ok_or_else(|| bad_data(format!("no university {:?}", demo.university)))?;
            accounts += self
                .seed_institution(demo, university, &moderator, &hash)
                .await?;
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: None,
                action: "demo.seed".into(),
                subject_type: "system".into(),
                subject_id: None,
                reason: Some("braingain seed --demo".into()),
                details: Some(serde_json::json!({
                    "experts": experts.len(),
                    "institutions": INSTITUTIONS.len(),
                    "accounts": accounts,
                })),
            },
        )
        .await?;
        state::set(&tx, DEMO_STATE_KEY, &now.to_rfc3339(), now).await?;
        braingain_store::commit(tx).await?;
        tracing::info!(
            experts = experts.len(),
            institutions = INSTITUTIONS.len(),
            "demo network seeded"
        );
        Ok(DemoOutcome::Seeded {
            experts: experts.len(),
            institutions: INSTITUTIONS.len(),
            accounts,
        })
    }

    /// Fails unless every account in the database is a demo account (left by an interrupted
    /// run).
    async fn refuse_foreign_accounts(&self, expert_emails: &[String]) -> ServiceResult<()> {
        let conn = self.store().conn();
        let mut total = 0;
        for role in [
            Role::Expert,
            Role::Institution,
            Role::Moderator,
            Role::Admin,
        ] {
            total += accounts::count_with_role(conn, role).await?;
        }
        if total == 0 {
            return Ok(());
        }
        let demo_emails = INSTITUTIONS
            .iter()
            .flat_map(|i| {
                i.staff
                    .iter()
                    .map(|(local, _)| format!("{local}@{DEMO_DOMAIN}"))
            })
            .chain([DEMO_ADMIN.to_owned(), DEMO_MODERATOR.to_owned()])
            .chain(expert_emails.iter().cloned());
        let mut demo = 0;
        for email in demo_emails {
            demo += u64::from(accounts::find_by_email(conn, &email).await?.is_some());
        }
        if total > demo {
            return Err(ServiceError::conflict(
                "database",
                "this database already holds accounts; the demo network, with its public password, is only for a fresh installation",
            ));
        }
        Ok(())
    }

    /// The demo account with this address: found, or created ACTIVE with the demo password.
    async fn demo_account(
        &self,
        email: &str,
        name: &str,
        role: Role,
        hash: &str,
    ) -> ServiceResult<AccountRecord> {
        let email = Email::parse(email).map_err(bad_data)?;
        let name = DisplayName::parse_field(name, "name").map_err(bad_data)?;
        if let Some(found) = accounts::find_by_email(self.store().conn(), email.as_str()).await? {
            return Ok(found);
        }
        let now = self.now();
        Ok(accounts::insert(
            self.store().conn(),
            NewAccount {
                id: AccountId::new(),
                email: email.as_str().to_owned(),
                password_hash: Some(hash.to_owned()),
                display_name: name.as_str().to_owned(),
                role,
                status: AccountStatus::Active,
                email_verified_at: Some(now),
                now,
            },
        )
        .await?)
    }

    /// Creates one demo institution with its staff, and has the moderator verify it.
    /// Returns how many staff accounts it has.
    async fn seed_institution(
        &self,
        demo: &DemoInstitution,
        university: &University,
        moderator: &AccountRecord,
        hash: &str,
    ) -> ServiceResult<usize> {
        let mut staff = Vec::new();
        for (local, name) in demo.staff {
            let email = format!("{local}@{DEMO_DOMAIN}");
            staff.push(
                self.demo_account(&email, name, Role::Institution, hash)
                    .await?,
            );
        }
        let creator = staff
            .first()
            .ok_or_else(|| bad_data("an institution without staff"))?;
        let creator_actor = demo_actor(creator);
        let existing = institutions::of_account(self.store().conn(), creator.id).await?;
        let record = match existing.into_iter().next() {
            Some(record) => record,
            None => {
                let draft = InstitutionDraft {
                    name: university.name.clone(),
                    kind: InstitutionKind::University,
                    country: university.alpha_two_code.clone(),
                    city: Some(demo.city.to_owned()),
                    website: university.web_pages.first().cloned(),
                    description: demo.description.to_owned(),
                };
                self.create_institution(&creator_actor, draft).await?
            }
        };
        for member in staff.iter().skip(1) {
            self.add_institution_member(&creator_actor, record.id, &member.email)
                .await?;
        }
        if demo.verified && record.verification == VerificationStatus::Pending {
            self.review_institution(
                &demo_actor(moderator),
                record.id,
                Decision::Approve,
                Some("Demo: checked against the university's public web site."),
            )
            .await?;
        }
        Ok(staff.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use braingain_domain::SkillId;
    use std::collections::HashMap;

    #[test]
    fn every_demo_skill_id_is_the_esco_skill_its_label_names() {
        let taxonomy: HashMap<SkillId, String> = crate::skills::parse_asset()
            .unwrap()
            .into_iter()
            .map(|r| (r.id, crate::skills::label(&r, "en")))
            .collect();
        let experts = crate::import::json_drafts(EXPERTS.as_bytes()).unwrap();
        assert!((35..=50).contains(&experts.len()));
        for (email, _, draft) in experts {
            let known: Vec<_> = draft
                .skills
                .iter()
                .filter(|s| s.skill_id.is_some())
                .collect();
            assert!((3..=8).contains(&known.len()), "{email}");
            for claim in known {
                let id: SkillId = claim.skill_id.as_deref().unwrap().parse().unwrap();
                assert_eq!(taxonomy.get(&id), claim.label.as_ref(), "{email}");
            }
            assert!(draft.validate().is_ok(), "{email}");
        }
    }

    #[test]
    fn every_demo_institution_is_a_listed_university() {
        let universities: Vec<University> = serde_json::from_str(UNIVERSITIES).unwrap();
        assert_eq!(universities.len(), INSTITUTIONS.len());
        for demo in &INSTITUTIONS {
            assert!(
                universities.iter().any(|u| u.name == demo.university),
                "{}",
                demo.university
            );
        }
        assert_eq!(INSTITUTIONS.iter().filter(|i| !i.verified).count(), 2);
    }
}
