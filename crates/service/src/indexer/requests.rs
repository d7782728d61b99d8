//! The request index follows the database like the expert index: the same writer task reads
//! `request` change events and re-reads each changed request. A request is in the index
//! while it is OPEN (a public call for help experts may answer); any other status (draft,
//! in review, in progress, on hold, closed, rejected) deletes it.

use crate::requests::RequestView;
use crate::{Service, ServiceError, ServiceResult};
use braingain_domain::{RequestId, RequestStatus};
use braingain_search::requests::{RequestDoc, RequestIndex, RequestSkill};
use braingain_store::events;
use braingain_store::requests::{self, RequestRecord};
use std::sync::Arc;

/// Requests indexed per commit when rebuilding.
const REBUILD_CHUNK: usize = 500;

/// Whether a request belongs in request search: OPEN only.
#[must_use]
pub fn searchable_request(record: &RequestRecord) -> bool {
    record.status == RequestStatus::Open
}

impl Service {
    /// The request index.
    #[must_use]
    pub fn request_index(&self) -> &Arc<RequestIndex> {
        &self.inner.requests
    }

    /// Index documents for these requests, and the ids that must leave the index (gone, or
    /// not OPEN).
    pub(super) async fn request_documents(
        &self,
        ids: &[RequestId],
    ) -> ServiceResult<(Vec<RequestDoc>, Vec<String>)> {
        let found = requests::find_many(self.store().conn(), ids).await?;
        let mut gone: Vec<String> = ids
            .iter()
            .filter(|id| !found.iter().any(|r| r.id == **id))
            .map(ToString::to_string)
            .collect();
        let (open, closed): (Vec<_>, Vec<_>) = found.into_iter().partition(searchable_request);
        gone.extend(closed.iter().map(|r| r.id.to_string()));
        let views = self.view_requests(open).await?;
        Ok((views.iter().map(request_document).collect(), gone))
    }

    /// Rebuilds the request index from the database: clears it (recording the current outbox
    /// position, so later changes still apply), then indexes every OPEN request. Returns how
    /// many were indexed.
    pub async fn reindex_requests(&self) -> ServiceResult<usize> {
        let db = self.store().conn();
        let payload = events::last_position(db).await?.to_string();
        let index = self.inner.requests.clone();
        let cleared = payload.clone();
        tokio::task::spawn_blocking(move || index.clear(&cleared))
            .await
            .map_err(ServiceError::internal)?
            .map_err(ServiceError::internal)?;
        let open = requests::with_status(db, RequestStatus::Open).await?;
        let total = open.len();
        let mut open = open.into_iter().peekable();
        while open.peek().is_some() {
            let chunk: Vec<RequestRecord> = open.by_ref().take(REBUILD_CHUNK).collect();
            let docs: Vec<RequestDoc> = self
                .view_requests(chunk)
                .await?
                .iter()
                .map(request_document)
                .collect();
            let index = self.inner.requests.clone();
            let payload = payload.clone();
            tokio::task::spawn_blocking(move || index.apply(docs, Vec::new(), &payload))
                .await
                .map_err(ServiceError::internal)?
                .map_err(ServiceError::internal)?;
        }
        self.reset_index_cursor().await;
        Ok(total)
    }
}

/// The index document of a request: its text, every label of every skill it asks for in
/// every language, its institution's name and country, and when it opened (the last
/// moderator decision, which approved it).
fn request_document(view: &RequestView) -> RequestDoc {
    let request = &view.request;
    RequestDoc {
        request_id: request.id.to_string(),
        title: request.title.clone(),
        description: request.description.clone(),
        institution_name: view.institution.name.clone(),
        country: view.institution.country.as_str().to_owned(),
        kind: request.kind.as_str().to_owned(),
        skills: view
            .skills
            .iter()
            .map(|need| RequestSkill {
                id: need.skill.id.to_string(),
                required: need.required,
                labels: need
                    .skill
                    .labels
                    .values()
                    .flat_map(|l| {
                        std::iter::once(l.preferred.clone()).chain(l.alternatives.iter().cloned())
                    })
                    .collect(),
                broader: need.skill.broader.iter().map(ToString::to_string).collect(),
            })
            .collect(),
        languages: request
            .languages
            .iter()
            .map(|l| l.as_str().to_owned())
            .collect(),
        work_modes: request
            .work_modes
            .iter()
            .map(|m| m.as_str().to_owned())
            .collect(),
        opened_at: request
            .reviewed_at
            .unwrap_or(request.updated_at)
            .timestamp(),
    }
}
