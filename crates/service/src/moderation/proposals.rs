//! Brokered matching: a moderator proposes experts to a request on its institution's behalf
//! (as programme staff do when an institution does not find the right people). Each proposal
//! is an invitation (INVITED, started by the institution's side, so the expert answers it as
//! any invitation and the institution may withdraw it), marked `proposed_by_programme` and
//! written by the moderator. All the experts are proposed in one transaction or none is.

use crate::engagements::EngagementView;
use crate::notifications::{Notice, engagement_path, kind, request_path};
use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::{ProfileId, RequestId, Side, engagement};
use braingain_store::engagements::{self, EngagementRecord, NewEngagement};
use braingain_store::mail::{self, OutgoingMail};
use braingain_store::requests::RequestRecord;
use braingain_store::{DatabaseTransaction, StoreError, accounts, institutions, profiles};
use chrono::{DateTime, Utc};

/// The most experts one proposal may name.
pub const MAX_PROPOSED: usize = 20;

impl Service {
    /// A moderator proposes `experts` (1 to 20 searchable experts, each without a live
    /// engagement on the request) to an OPEN or `IN_PROGRESS` request, with a message to
    /// them. Each expert gets an invitation marked as proposed by the programme, a mail and a
    /// notification; the institution's members are told too.
    #[tracing::instrument(skip_all, fields(request.id = %request_id, experts = experts.len()), err(level = "debug"))]
    pub async fn propose_experts(
        &self,
        actor: &Actor,
        request_id: RequestId,
        experts: &[ProfileId],
        message: &str,
    ) -> ServiceResult<Vec<EngagementView>> {
        let moderator = actor.moderator()?;
        let message = engagement::message(message)?;
        if experts.is_empty() || experts.len() > MAX_PROPOSED {
            return Err(ServiceError::bad_input(
                "expertIds",
                format!("propose 1 to {MAX_PROPOSED} experts"),
            ));
        }
        for (i, id) in experts.iter().enumerate() {
            if experts[..i].contains(id) {
                return Err(ServiceError::bad_input(
                    format!("expertIds[{i}]"),
                    "this expert is named twice",
                ));
            }
        }
        let request = self.request_record(request_id).await?;
        if !request.status.takes_experts() {
            return Err(ServiceError::Conflict {
                field: None,
                message: format!(
                    "this request is {}: it takes no experts now",
                    request.status
                ),
            });
        }
        let conn = self.store().conn();
        for (i, id) in experts.iter().enumerate() {
            let unknown = || ServiceError::NotFound(format!("no expert has the id expertIds[{i}]"));
            let profile = profiles::find_by_id(conn, *id).await?.ok_or_else(unknown)?;
            let owner = accounts::find_by_id(conn, profile.account_id)
                .await?
                .ok_or_else(unknown)?;
            if !crate::indexer::searchable(&owner, &profile) {
                return Err(unknown());
            }
            if engagements::has_live(conn, request.id, *id).await? {
                return Err(live(i));
            }
        }
        let now = self.now();
        let tx = self.store().begin().await?;
        let mut created = Vec::with_capacity(experts.len());
        for (i, id) in experts.iter().enumerate() {
            let new = NewEngagement {
                request_id: request.id,
                expert_profile_id: *id,
                initiated_by: Side::Institution,
                message: &message,
                created_by: moderator.account,
                at: now,
            };
            // The partial unique index settles a race with an application or invitation.
            let record = match engagements::create(&tx, new).await {
                Ok(record) => record,
                Err(StoreError::Conflict(_)) => return Err(live(i)),
                Err(other) => return Err(other.into()),
            };
            engagements::mark_proposed(&tx, record.id).await?;
            let record = engagements::find_by_id(&tx, record.id)
                .await?
                .ok_or_else(|| ServiceError::internal(anyhow::anyhow!("proposal vanished")))?;
            self.record_move(
                &tx,
                &record,
                moderator.account,
                "engagement.propose",
                None,
                now,
            )
            .await?;
            self.tell_expert(&tx, &record, &request, &message, now)
                .await?;
            created.push(record);
        }
        self.tell_institution(&tx, &request, created.len(), now)
            .await?;
        braingain_store::commit(tx).await?;
        self.changes_committed();
        self.inner.mail_queued.notify_one();
        tracing::info!(request.id = %request.id, count = created.len(), "experts proposed");
        let mut out = Vec::with_capacity(created.len());
        for record in created {
            if let Some(view) = self.engagement(actor, record.id).await? {
                out.push(view);
            }
        }
        Ok(out)
    }

    /// The proposed expert's notification and mail.
    async fn tell_expert(
        &self,
        tx: &DatabaseTransaction,
        engagement: &EngagementRecord,
        request: &RequestRecord,
        message: &str,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        let Some(profile) = profiles::find_by_id(tx, engagement.expert_profile_id).await? else {
            return Ok(());
        };
        let Some(account) = accounts::find_by_id(tx, profile.account_id).await? else {
            return Ok(());
        };
        let title = &request.title;
        let path = engagement_path(engagement.id);
        let notice = Notice {
            kind: kind::ENGAGEMENT_PROPOSED,
            text: format!("The programme proposes you to help with \"{title}\"."),
            link: path.clone(),
        };
        self.notify(tx, account.id, &notice, now).await?;
        let link = self.web_url(&path);
        let name = &account.display_name;
        let mail = OutgoingMail {
            to: account.email,
            subject: format!("You are proposed to help with \"{title}\""),
            body: format!(
                "Hello {name},\n\n\
                 The programme's moderators propose you to the institution behind the request\n\
                 \"{title}\": they think your skills fit it. They wrote:\n\n  {message}\n\n\
                 Answer it as any invitation, by accepting or declining it here: {link}\n\n\
                 -- BrainGain\n"
            ),
        };
        mail::enqueue(tx, mail, now).await?;
        Ok(())
    }

    /// The institution's members' notification and mail: `count` experts were proposed.
    async fn tell_institution(
        &self,
        tx: &DatabaseTransaction,
        request: &RequestRecord,
        count: usize,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        let title = &request.title;
        let path = request_path(request.id);
        let text = if count == 1 {
            format!("The programme proposed an expert to your request \"{title}\".")
        } else {
            format!("The programme proposed {count} experts to your request \"{title}\".")
        };
        let notice = Notice {
            kind: kind::EXPERTS_PROPOSED,
            text: text.clone(),
            link: path.clone(),
        };
        let link = self.web_url(&path);
        for member in institutions::members(tx, request.institution_id).await? {
            let Some(account) = accounts::find_by_id(tx, member).await? else {
                continue;
            };
            self.notify(tx, member, &notice, now).await?;
            let name = &account.display_name;
            let mail = OutgoingMail {
                to: account.email,
                subject: format!("Experts proposed to \"{title}\""),
                body: format!(
                    "Hello {name},\n\n{text} They were invited on your behalf; you will hear\n\
                     when they answer. See them here: {link}\n\n-- BrainGain\n"
                ),
            };
            mail::enqueue(tx, mail, now).await?;
        }
        Ok(())
    }
}

fn live(i: usize) -> ServiceError {
    ServiceError::conflict(
        format!("expertIds[{i}]"),
        "this expert already has an open engagement on this request",
    )
}
