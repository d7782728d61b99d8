//! Who sees which engagements, and the views they get: the institution's members and
//! moderators see every engagement on a request, an expert sees their own, others none.
//! The two sides see each other: the expert's profile shows on the engagement whatever its
//! visibility.

use super::{EngagementRecord, gone};
use crate::profiles::ProfileView;
use crate::requests::RequestView;
use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::{EngagementId, ProfileId, RequestId, Role};
use braingain_store::engagements;
use braingain_store::requests::RequestRecord;
use braingain_store::{accounts, profiles, requests};
use std::collections::HashMap;

/// An engagement as one viewer sees it, with its request and expert.
#[derive(Debug, Clone)]
pub struct EngagementView {
    /// The stored engagement.
    pub engagement: EngagementRecord,
    /// The request.
    pub request: RequestView,
    /// The expert's profile.
    pub expert: ProfileView,
}

impl Service {
    /// The caller's engagements, newest first: an expert's own, or for institution staff
    /// those on their institutions' requests.
    pub async fn my_engagements(&self, actor: &Actor) -> ServiceResult<Vec<EngagementView>> {
        let session = actor.session()?;
        let conn = self.store().conn();
        let records = if session.role == Role::Expert {
            match profiles::find_by_account(conn, session.account).await? {
                Some(profile) => engagements::of_expert(conn, profile.id).await?,
                None => Vec::new(),
            }
        } else {
            engagements::of_member(conn, session.account).await?
        };
        self.view_engagements(actor, records).await
    }

    /// The engagements on a request the caller already sees: all of them for its
    /// institution's members and moderators, the caller's own for an expert, none for others.
    pub async fn request_engagements(
        &self,
        actor: &Actor,
        request: &RequestRecord,
    ) -> ServiceResult<Vec<EngagementView>> {
        let Some(account) = actor.account_id() else {
            return Ok(Vec::new());
        };
        let conn = self.store().conn();
        let all = engagements::of_request(conn, request.id).await?;
        if all.is_empty() {
            return Ok(Vec::new());
        }
        let visible =
            if actor.is_moderator() || self.is_member_of(actor, request.institution_id).await? {
                all
            } else {
                match profiles::find_by_account(conn, account).await? {
                    Some(own) => all
                        .into_iter()
                        .filter(|e| e.expert_profile_id == own.id)
                        .collect(),
                    None => Vec::new(),
                }
            };
        self.view_engagements(actor, visible).await
    }

    /// The engagement with this id, if the caller is one of its sides or a moderator.
    pub async fn engagement(
        &self,
        actor: &Actor,
        id: EngagementId,
    ) -> ServiceResult<Option<EngagementView>> {
        let Some(account) = actor.account_id() else {
            return Ok(None);
        };
        let Some(record) = engagements::find_by_id(self.store().conn(), id).await? else {
            return Ok(None);
        };
        let request = self.request_record(record.request_id).await?;
        if !actor.is_moderator() && self.side_of(account, &record, &request).await?.is_none() {
            return Ok(None);
        }
        self.view_engagement(actor, record).await.map(Some)
    }

    pub(super) async fn view_engagement(
        &self,
        actor: &Actor,
        record: EngagementRecord,
    ) -> ServiceResult<EngagementView> {
        let mut views = self.view_engagements(actor, vec![record]).await?;
        views.pop().ok_or_else(gone)
    }

    async fn view_engagements(
        &self,
        actor: &Actor,
        records: Vec<EngagementRecord>,
    ) -> ServiceResult<Vec<EngagementView>> {
        let conn = self.store().conn();
        let mut requests_by_id: HashMap<RequestId, RequestView> = HashMap::new();
        let mut experts_by_id: HashMap<ProfileId, ProfileView> = HashMap::new();
        let mut out = Vec::with_capacity(records.len());
        for engagement in records {
            let request = match requests_by_id.get(&engagement.request_id) {
                Some(found) => found.clone(),
                None => {
                    let record = requests::find_by_id(conn, engagement.request_id)
                        .await?
                        .ok_or_else(|| missing("request", engagement.id))?;
                    let view = self.view_request(record).await?;
                    requests_by_id.insert(engagement.request_id, view.clone());
                    view
                }
            };
            let expert = match experts_by_id.get(&engagement.expert_profile_id) {
                Some(found) => found.clone(),
                None => {
                    let profile = profiles::find_by_id(conn, engagement.expert_profile_id)
                        .await?
                        .ok_or_else(|| missing("expert profile", engagement.id))?;
                    let owner = accounts::find_by_id(conn, profile.account_id)
                        .await?
                        .ok_or_else(|| missing("expert account", engagement.id))?;
                    let view = self.view_profile(actor, &owner, profile).await?;
                    experts_by_id.insert(engagement.expert_profile_id, view.clone());
                    view
                }
            };
            out.push(EngagementView {
                engagement,
                request,
                expert,
            });
        }
        Ok(out)
    }
}

fn missing(what: &str, id: EngagementId) -> ServiceError {
    ServiceError::internal(anyhow::anyhow!("engagement {id} has no {what}"))
}
