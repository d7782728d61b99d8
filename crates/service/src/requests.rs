//! Institutions' requests for help: writing them (the institution's members) and who may see
//! them. Moving them through their lifecycle (submit, review, send back, close) lives in
//! `requests/lifecycle.rs`.

mod lifecycle;

use crate::{Actor, Service, ServiceError, ServiceResult, Session};
use braingain_domain::profile::SkillRef;
use braingain_domain::request::RequestDraft;
use braingain_domain::{
    AccountStatus, InstitutionId, RequestId, RequestStatus, VerificationStatus,
};
use braingain_store::audit::{self, AuditEntry};
use braingain_store::events::{self, Entity, Op};
use braingain_store::institutions::{self, InstitutionRecord};
use braingain_store::requests;
pub use braingain_store::requests::RequestRecord;
use braingain_store::skills::SkillRecord;
use std::collections::HashMap;
use std::sync::Arc;

/// A skill a request asks for, resolved to its taxonomy entry.
#[derive(Debug, Clone)]
pub struct RequirementView {
    /// The skill.
    pub skill: Arc<SkillRecord>,
    /// Lowest acceptable level, 1 to 5.
    pub min_level: u8,
    /// Whether it is a must.
    pub required: bool,
}

/// A request as a viewer sees it, with its institution and labelled skills.
#[derive(Debug, Clone)]
pub struct RequestView {
    /// The stored request.
    pub request: RequestRecord,
    /// The institution asking.
    pub institution: InstitutionRecord,
    /// Skills asked for, in the institution's order.
    pub skills: Vec<RequirementView>,
}

/// Whether `viewer` may see `request`: calls for help that were approved (OPEN, `IN_PROGRESS`,
/// COMPLETED) are public; the others only to moderators and `is_member`s of its institution.
#[must_use]
pub fn may_view(viewer: &Actor, request: &RequestRecord, is_member: bool) -> bool {
    request.status.is_public() || viewer.is_moderator() || is_member
}

impl Service {
    /// A member of a VERIFIED institution, with an active account, writes a DRAFT request.
    #[tracing::instrument(skip_all, fields(institution.id = %institution), err(level = "debug"))]
    pub async fn create_request(
        &self,
        actor: &Actor,
        institution: InstitutionId,
        draft: RequestDraft,
    ) -> ServiceResult<RequestView> {
        let session = actor.session()?;
        let record = self.institution_for_member(session, institution).await?;
        if record.verification != VerificationStatus::Verified {
            return Err(ServiceError::forbidden(
                "your institution posts requests once the moderators have verified it",
            ));
        }
        let valid = draft.validate()?;
        self.check_skill_ids(&valid.skills.iter().map(|s| &s.skill).collect::<Vec<_>>())
            .await?;
        let now = self.now();
        let tx = self.store().begin().await?;
        let mut added = Vec::new();
        for req in &valid.skills {
            if let SkillRef::Free { label, .. } = &req.skill {
                added.push(self.ensure_free_skill(&tx, req.skill.id(), label).await?);
            }
        }
        let created = requests::create(&tx, institution, session.account, &valid, now).await?;
        events::record(&tx, Entity::Request, created.id.0, Op::Upsert, now).await?;
        audit::record(
            &tx,
            AuditEntry {
                at: now,
                actor: Some(session.account),
                action: "request.create".into(),
                subject_type: "request".into(),
                subject_id: Some(created.id.to_string()),
                reason: None,
                details: Some(serde_json::json!({ "institution": institution })),
            },
        )
        .await?;
        braingain_store::commit(tx).await?;
        self.changes_committed();
        self.remember_skills(added);
        tracing::info!(request.id = %created.id, "request created");
        self.view_request(created).await
    }

    /// A member replaces the content of a request while it is a DRAFT (`CONFLICT` after).
    /// `institution` must be the request's own: a request never moves to another one.
    #[tracing::instrument(skip_all, fields(request.id = %id), err(level = "debug"))]
    pub async fn update_request(
        &self,
        actor: &Actor,
        id: RequestId,
        institution: InstitutionId,
        draft: RequestDraft,
    ) -> ServiceResult<RequestView> {
        let session = actor.session()?;
        let before = self.request_record(id).await?;
        self.institution_for_member(session, before.institution_id)
            .await?;
        if institution != before.institution_id {
            return Err(ServiceError::bad_input(
                "input.institutionId",
                "a request stays with the institution that wrote it",
            ));
        }
        if before.status != RequestStatus::Draft {
            return Err(not_editable(before.status));
        }
        let valid = draft.validate()?;
        self.check_skill_ids(&valid.skills.iter().map(|s| &s.skill).collect::<Vec<_>>())
            .await?;
        let now = self.now();
        let tx = self.store().begin().await?;
        let mut added = Vec::new();
        for req in &valid.skills {
            if let SkillRef::Free { label, .. } = &req.skill {
                added.push(self.ensure_free_skill(&tx, req.skill.id(), label).await?);
            }
        }
        if !requests::update(&tx, id, RequestStatus::Draft, &valid, now).await? {
            return Err(ServiceError::Conflict {
                field: None,
                message: "the request left DRAFT meanwhile (it was submitted); reload it".into(),
            });
        }
        events::record(&tx, Entity::Request, id.0, Op::Upsert, now).await?;
        let after = requests::find_by_id(&tx, id).await?.ok_or_else(gone)?;
        braingain_store::commit(tx).await?;
        self.changes_committed();
        self.remember_skills(added);
        self.view_request(after).await
    }

    /// The request with this id, if the caller may see it (else `None`, as if it did not
    /// exist): see [`may_view`].
    pub async fn request(
        &self,
        actor: &Actor,
        id: RequestId,
    ) -> ServiceResult<Option<RequestView>> {
        let Some(record) = requests::find_by_id(self.store().conn(), id).await? else {
            return Ok(None);
        };
        let member = self.is_member_of(actor, record.institution_id).await?;
        if !may_view(actor, &record, member) {
            return Ok(None);
        }
        self.view_request(record).await.map(Some)
    }

    /// The requests of an institution that `actor` may see, newest first.
    pub async fn institution_requests(
        &self,
        actor: &Actor,
        institution: InstitutionId,
    ) -> ServiceResult<Vec<RequestView>> {
        let all = requests::of_institution(self.store().conn(), institution).await?;
        let member = self.is_member_of(actor, institution).await?;
        let visible = all
            .into_iter()
            .filter(|r| may_view(actor, r, member))
            .collect();
        self.view_requests(visible).await
    }

    /// Requests waiting for review, the longest waiting first (moderators only).
    pub async fn pending_requests(&self, actor: &Actor) -> ServiceResult<Vec<RequestView>> {
        actor.moderator()?;
        let pending = requests::with_status(self.store().conn(), RequestStatus::InReview).await?;
        self.view_requests(pending).await
    }

    /// The institution, if `session` is an active member of it: `NOT_FOUND` for an unknown
    /// institution, `FORBIDDEN` for anyone else.
    pub(crate) async fn institution_for_member(
        &self,
        session: &Session,
        id: InstitutionId,
    ) -> ServiceResult<InstitutionRecord> {
        let record = institutions::find_by_id(self.store().conn(), id)
            .await?
            .ok_or_else(|| ServiceError::NotFound("no institution has this id".into()))?;
        if !institutions::is_member(self.store().conn(), id, session.account).await? {
            return Err(ServiceError::forbidden(
                "only the institution's members write its requests",
            ));
        }
        if session.status != AccountStatus::Active {
            return Err(ServiceError::forbidden("confirm your email address first"));
        }
        Ok(record)
    }

    pub(crate) async fn is_member_of(
        &self,
        actor: &Actor,
        institution: InstitutionId,
    ) -> ServiceResult<bool> {
        match actor.account_id() {
            Some(account) => {
                Ok(institutions::is_member(self.store().conn(), institution, account).await?)
            }
            None => Ok(false),
        }
    }

    pub(crate) async fn request_record(&self, id: RequestId) -> ServiceResult<RequestRecord> {
        requests::find_by_id(self.store().conn(), id)
            .await?
            .ok_or_else(gone)
    }

    /// `BAD_USER_INPUT` naming the first skill id that is not in the catalogue.
    async fn check_skill_ids(&self, skills: &[&SkillRef]) -> ServiceResult<()> {
        let known: Vec<_> = skills
            .iter()
            .filter_map(|s| match s {
                SkillRef::Known(id) => Some(*id),
                SkillRef::Free { .. } => None,
            })
            .collect();
        let found = self.skills_by_id(&known).await?;
        for (i, skill) in skills.iter().enumerate() {
            if let SkillRef::Known(id) = skill
                && !found.iter().any(|s| s.id == *id)
            {
                return Err(ServiceError::bad_input(
                    format!("input.skills[{i}].skillId"),
                    "no skill has this id; pick one from the list or give a label",
                ));
            }
        }
        Ok(())
    }

    pub(crate) async fn view_request(&self, record: RequestRecord) -> ServiceResult<RequestView> {
        let mut views = self.view_requests(vec![record]).await?;
        views.pop().ok_or_else(gone)
    }

    pub(crate) async fn view_requests(
        &self,
        records: Vec<RequestRecord>,
    ) -> ServiceResult<Vec<RequestView>> {
        let mut institutions_by_id: HashMap<InstitutionId, InstitutionRecord> = HashMap::new();
        let mut out = Vec::with_capacity(records.len());
        for record in records {
            let institution = match institutions_by_id.get(&record.institution_id) {
                Some(found) => found.clone(),
                None => {
                    let found =
                        institutions::find_by_id(self.store().conn(), record.institution_id)
                            .await?
                            .ok_or_else(|| {
                                ServiceError::internal(anyhow::anyhow!(
                                    "request {} has no institution",
                                    record.id
                                ))
                            })?;
                    institutions_by_id.insert(found.id, found.clone());
                    found
                }
            };
            let ids: Vec<_> = record.skills.iter().map(|s| s.skill_id).collect();
            let skills = self.skills_by_id(&ids).await?;
            let skills = record
                .skills
                .iter()
                .filter_map(|s| {
                    skills
                        .iter()
                        .find(|k| k.id == s.skill_id)
                        .map(|k| RequirementView {
                            skill: k.clone(),
                            min_level: s.min_level,
                            required: s.required,
                        })
                })
                .collect();
            out.push(RequestView {
                request: record,
                institution,
                skills,
            });
        }
        Ok(out)
    }
}

fn gone() -> ServiceError {
    ServiceError::NotFound("no request has this id".into())
}

fn not_editable(status: RequestStatus) -> ServiceError {
    ServiceError::Conflict {
        field: None,
        message: format!(
            "this request is {status}: only a draft can be changed (a moderator can send it back for changes)"
        ),
    }
}
