//! Messages on an engagement: the two sides (the expert and the members of the request's
//! institution) write them; the two sides and moderators read the thread, oldest first.
//! Bodies are plain text, stored and returned exactly as written (after trimming): no HTML
//! is ever interpreted here, and the web app escapes them when it shows them.

use super::{EngagementRecord, active, gone};
use crate::accounts::AccountView;
use crate::{Actor, Service, ServiceError, ServiceResult};
use braingain_domain::engagement;
use braingain_domain::{AccountId, AccountStatus, EngagementId, Role};
use braingain_store::accounts;
use braingain_store::engagements;
use braingain_store::messages::{self, MessageRecord, NewMessage};
use std::collections::HashMap;
use uuid::Uuid;

/// Name shown as the author of a message whose account was deleted.
pub const DELETED_AUTHOR: &str = "Deleted account";

/// A message as one viewer sees it, with its author.
#[derive(Debug, Clone)]
pub struct MessageView {
    /// The stored message.
    pub message: MessageRecord,
    /// The author as the viewer may see them (email per [`AccountView::of`]); a deleted
    /// account shows with the nil id, the name [`DELETED_AUTHOR`] and no email.
    pub author: AccountView,
}

impl Service {
    /// One side of an engagement (the expert, or a member of the request's institution)
    /// writes a message to the other, whatever the engagement's status. The body is trimmed,
    /// 1 to 5,000 characters, without control characters other than line breaks and tabs
    /// (`BAD_USER_INPUT` on `body`); it is stored as plain text, verbatim: no HTML is ever
    /// interpreted, the web app escapes it. Everyone on the other side gets a mail linking
    /// to the engagement. Moderators read threads but do not write in them; anyone else is
    /// `FORBIDDEN`.
    #[tracing::instrument(skip_all, fields(engagement.id = %engagement_id), err(level = "debug"))]
    pub async fn send_message(
        &self,
        actor: &Actor,
        engagement_id: EngagementId,
        body: &str,
    ) -> ServiceResult<MessageView> {
        let session = active(actor)?;
        let body = engagement::message_body(body)?;
        let record = engagements::find_by_id(self.store().conn(), engagement_id)
            .await?
            .ok_or_else(gone)?;
        let request = self.request_record(record.request_id).await?;
        let side = self
            .side_of(session.account, &record, &request)
            .await?
            .ok_or_else(|| {
                ServiceError::forbidden(
                    "only the expert and the institution's members write on an engagement",
                )
            })?;
        let now = self.now();
        let tx = self.store().begin().await?;
        let new = NewMessage {
            engagement_id,
            author_id: session.account,
            body: &body,
            at: now,
        };
        let message = messages::insert(&tx, new).await?;
        self.mail_message(&tx, &record, &request, side.other(), session.account, now)
            .await?;
        braingain_store::commit(tx).await?;
        self.inner.mail_queued.notify_one();
        tracing::info!(engagement.id = %engagement_id, message.id = %message.id, %side, "message sent");
        let mut views = self.view_messages(actor, vec![message]).await?;
        views.pop().ok_or_else(gone)
    }

    /// The thread of an engagement, oldest first, for its two sides and moderators; empty
    /// for anyone else (who does not see the engagement in the first place).
    pub async fn engagement_messages(
        &self,
        actor: &Actor,
        engagement: &EngagementRecord,
    ) -> ServiceResult<Vec<MessageView>> {
        let Some(account) = actor.account_id() else {
            return Ok(Vec::new());
        };
        if !actor.is_moderator() {
            let request = self.request_record(engagement.request_id).await?;
            if self.side_of(account, engagement, &request).await?.is_none() {
                return Ok(Vec::new());
            }
        }
        let records = messages::of_engagement(self.store().conn(), engagement.id).await?;
        self.view_messages(actor, records).await
    }

    pub(crate) async fn view_messages(
        &self,
        actor: &Actor,
        records: Vec<MessageRecord>,
    ) -> ServiceResult<Vec<MessageView>> {
        let conn = self.store().conn();
        let mut authors: HashMap<AccountId, Option<AccountView>> = HashMap::new();
        let mut out = Vec::with_capacity(records.len());
        for message in records {
            let author = match message.author_id {
                Some(id) => match authors.get(&id) {
                    Some(found) => found.clone(),
                    None => {
                        let view = accounts::find_by_id(conn, id)
                            .await?
                            .map(|a| AccountView::of(a, actor));
                        authors.insert(id, view.clone());
                        view
                    }
                },
                None => None,
            };
            let author = author.unwrap_or_else(|| deleted_author(&message));
            out.push(MessageView { message, author });
        }
        Ok(out)
    }
}

/// The author shown for a message whose account was deleted.
fn deleted_author(message: &MessageRecord) -> AccountView {
    AccountView {
        id: AccountId(Uuid::nil()),
        email: None,
        display_name: DELETED_AUTHOR.to_owned(),
        role: Role::Expert,
        status: AccountStatus::Suspended,
        created_at: message.sent_at,
    }
}
