#![doc = include_str!("../README.md")]

pub mod accounts;
mod actor;
mod config;
pub mod demo;
pub mod engagements;
mod error;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
pub mod import;
pub mod indexer;
pub mod insight;
pub mod institutions;
pub mod mails;
pub mod matching;
pub mod moderation;
pub mod notifications;
pub mod passwords;
mod privacy;
pub mod profiles;
pub mod requests;
pub mod search;
pub mod sessions;
pub mod skills;
pub mod synthetic;

pub use actor::{Actor, RequestMeta, Session};
pub use config::{ServiceConfig, ThrottleConfig};
pub use error::{ServiceError, ServiceResult};

use braingain_auth::{JwtKeys, PasswordHasher};
use braingain_domain::Clock;
use braingain_store::Store;
use std::sync::Arc;
use tokio::sync::Notify;

/// What the service is built from.
#[derive(Debug)]
pub struct ServiceParts {
    /// The database.
    pub store: Store,
    /// The clock.
    pub clock: Arc<dyn Clock>,
    /// Password hashing.
    pub hasher: PasswordHasher,
    /// Access-token keys.
    pub jwt: JwtKeys,
    /// Settings.
    pub config: ServiceConfig,
    /// The skills catalogue (see [`skills::SkillCatalog::load`]).
    pub skills: skills::SkillCatalog,
    /// The expert search index (kept in step by [`Service::run_indexer`]).
    pub experts: braingain_search::ExpertIndex,
    /// The request search index (kept in step by the same task).
    pub requests: braingain_search::RequestIndex,
}

/// The application's use cases, sharing one store, clock and key set. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Service {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    clock: Arc<dyn Clock>,
    hasher: PasswordHasher,
    jwt: JwtKeys,
    config: ServiceConfig,
    mail_queued: Arc<Notify>,
    changes_recorded: Arc<Notify>,
    skills: Arc<skills::SkillCatalog>,
    experts: Arc<braingain_search::ExpertIndex>,
    requests: Arc<braingain_search::RequestIndex>,
    writer: indexer::WriterState,
}

impl Service {
    /// Assembles the service from its parts.
    #[must_use]
    pub fn new(parts: ServiceParts) -> Self {
        Self {
            inner: Arc::new(Inner {
                store: parts.store,
                clock: parts.clock,
                hasher: parts.hasher,
                jwt: parts.jwt,
                config: parts.config,
                mail_queued: Arc::new(Notify::new()),
                changes_recorded: Arc::new(Notify::new()),
                skills: Arc::new(parts.skills),
                experts: Arc::new(parts.experts),
                requests: Arc::new(parts.requests),
                writer: indexer::WriterState::default(),
            }),
        }
    }

    /// The store, for health checks and background tasks.
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The clock every use case reads.
    #[must_use]
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.inner.clock
    }

    /// Signalled whenever a transaction that queued mail commits, so the sender wakes at once.
    #[must_use]
    pub fn mail_queued(&self) -> Arc<Notify> {
        self.inner.mail_queued.clone()
    }

    /// Wakes the index writer after a transaction that recorded changes has committed.
    pub(crate) fn changes_committed(&self) {
        self.inner.changes_recorded.notify_one();
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.inner.clock.now()
    }

    fn config(&self) -> &ServiceConfig {
        &self.inner.config
    }
}
