//! Assembling the application from settings, and running it on a listener.

use crate::mailer::{MailSender, Transport};
use crate::metrics::Metrics;
use crate::settings::{Settings, redact_url};
use anyhow::Context;
use braingain_auth::{JwtKeys, PasswordHasher};
use braingain_domain::Clock;
use braingain_graphql::{ApiSchema, SchemaLimits, build_schema};
use braingain_migration::{Migrator, MigratorTrait};
use braingain_service::skills::SkillCatalog;
use braingain_service::{Service, ServiceConfig, ServiceParts, ThrottleConfig};
use braingain_store::Store;
use chrono::Duration;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The use cases.
    pub service: Service,
    /// The GraphQL schema.
    pub schema: ApiSchema,
    /// Metrics registry.
    pub metrics: Arc<Metrics>,
    /// The settings in effect.
    pub settings: Arc<Settings>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// A built application: connected, migrated, ready to serve.
#[derive(Debug)]
pub struct App {
    /// Shared state.
    pub state: AppState,
    transport: Transport,
    /// The data directory's lock, held by a process that owns the on-disk index.
    _lock: Option<crate::data_lock::DataDirLock>,
}

impl App {
    /// Prepares the data directory, connects to and migrates the database, loads secrets,
    /// and builds the service and schema.
    pub async fn build(settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        Self::build_with(settings, clock, true).await
    }

    /// Like [`App::build`] for one-off commands (import, seed, create-admin) that may run
    /// beside a serving process: the search index stays with the server (which indexes what
    /// the command changes through the change outbox), so this one gets an empty in-memory
    /// index and never takes the on-disk index's writer lock.
    pub async fn build_detached(settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        Self::build_with(settings, clock, false).await
    }

    async fn build_with(
        settings: Settings,
        clock: Arc<dyn Clock>,
        own_index: bool,
    ) -> anyhow::Result<Self> {
        prepare_data_dir(&settings.data_dir)?;
        let lock = if own_index {
            Some(crate::data_lock::acquire(&settings.data_dir)?)
        } else {
            None
        };
        let store = connect_and_migrate(&settings).await?;
        let secret =
            crate::secrets::jwt_secret(settings.jwt_secret.as_deref(), &settings.data_dir)?;
        let jwt = JwtKeys::new(
            &secret,
            Duration::minutes(settings.access_token_minutes.clamp(1, 15)),
        );
        let hasher = PasswordHasher::owasp().context("cannot set up password hashing")?;
        let config = ServiceConfig {
            public_url: settings.public_url(),
            refresh_ttl: Duration::days(settings.refresh_token_days.max(1)),
            throttle: ThrottleConfig {
                window: Duration::minutes(settings.throttle.window_minutes.max(1)),
                max_failures_per_email: settings.throttle.max_failures_per_email,
                max_failures_per_ip: settings.throttle.max_failures_per_ip,
                max_reset_mails: settings.throttle.max_reset_mails,
            },
            ..ServiceConfig::default()
        };
        let started = std::time::Instant::now();
        braingain_service::skills::ensure_taxonomy(&store, clock.now())
            .await
            .context("cannot load the skills taxonomy")?;
        let skills = SkillCatalog::load(&store)
            .await
            .context("cannot build the skills catalogue")?;
        tracing::info!(
            skills = skills.len(),
            duration_ms = started.elapsed().as_millis(),
            "skills catalogue ready"
        );
        let index_dir = settings.data_dir.join("index");
        let (experts, rebuild) = if own_index {
            braingain_service::indexer::open_index(&index_dir.join("experts"))?
        } else {
            (
                braingain_search::ExpertIndex::in_memory()
                    .context("cannot create an in-memory index")?,
                false,
            )
        };
        let (requests, rebuild_requests) = if own_index {
            braingain_service::indexer::open_request_index(&index_dir.join("requests"))?
        } else {
            (
                braingain_search::RequestIndex::in_memory()
                    .context("cannot create an in-memory index")?,
                false,
            )
        };
        let service = Service::new(ServiceParts {
            store,
            clock,
            hasher,
            jwt,
            config,
            skills,
            experts,
            requests,
        });
        if rebuild_requests {
            let count = service
                .reindex_requests()
                .await
                .map_err(|e| anyhow::anyhow!("cannot build the request index: {e:?}"))?;
            tracing::info!(requests = count, "request index built from the database");
        }
        if rebuild {
            let started = std::time::Instant::now();
            let count = service
                .reindex(|_| {})
                .await
                .map_err(|e| anyhow::anyhow!("cannot build the search index: {e:?}"))?;
            tracing::info!(
                profiles = count,
                duration_ms = started.elapsed().as_millis(),
                "search index built from the database"
            );
        }
        let limits = SchemaLimits {
            max_depth: settings.graphql.max_depth,
            max_complexity: settings.graphql.max_complexity,
            introspection: settings.graphql.introspection,
        };
        let schema = build_schema(service.clone(), &limits);
        let transport = Transport::from_setting(&settings.mail, &settings.data_dir)?;
        Ok(Self {
            state: AppState {
                service,
                schema,
                metrics: Arc::new(Metrics::new()),
                settings: Arc::new(settings),
            },
            transport,
            _lock: lock,
        })
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then stops accepting, lets
/// in-flight requests and the mail round in progress finish, and closes the database.
pub async fn serve(
    app: App,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let sender = MailSender::new(
        app.state.service.clone(),
        app.transport.clone(),
        &app.state.settings.mail_from,
        app.state.metrics.clone(),
    )?;
    let mail_task = tokio::spawn(sender.run(stop_rx.clone()));
    let reminder_task = (app.state.settings.reminder_interval_secs > 0).then(|| {
        let every = std::time::Duration::from_secs(app.state.settings.reminder_interval_secs);
        tokio::spawn(crate::reminders::run(
            app.state.service.clone(),
            every,
            stop_rx.clone(),
        ))
    });
    let index_task = tokio::spawn(app.state.service.clone().run_indexer(stop_rx));
    if app.state.settings.warm_skill_index {
        let catalog = app.state.service.skill_catalog();
        tokio::spawn(async move { catalog.warm_up().await });
    }
    // The first faceted search would otherwise unpack every facet column (a few hundred ms
    // at a million experts); a tiny index is warm at once.
    let experts = app.state.service.expert_index().clone();
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        match experts.warm_up() {
            Ok(counted) => tracing::info!(
                experts = counted,
                duration_ms = started.elapsed().as_millis(),
                "search facets warmed up"
            ),
            Err(e) => tracing::warn!(error = %e, "cannot warm up the search facets"),
        }
    });
    let router = crate::router::router(app.state.clone());
    let addr = listener.local_addr().ok();
    tracing::info!(listen = ?addr, "serving");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .context("server error")?;
    let _ = stop_tx.send(true);
    if let Err(e) = mail_task.await {
        tracing::warn!(error = %e, "mail sender ended abnormally");
    }
    if let Err(e) = index_task.await {
        tracing::warn!(error = %e, "indexer ended abnormally");
    }
    if let Some(task) = reminder_task
        && let Err(e) = task.await
    {
        tracing::warn!(error = %e, "reminder task ended abnormally");
    }
    app.state
        .service
        .store()
        .close()
        .await
        .context("closing the database")?;
    tracing::info!("stopped");
    Ok(())
}

/// Creates the data directory and checks it can be written, with a clear message if not.
fn prepare_data_dir(dir: &std::path::Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    let probe = dir.join(".write-test");
    std::fs::write(&probe, b"ok")
        .and_then(|()| std::fs::remove_file(&probe))
        .with_context(|| {
            format!(
                "the data directory {} is not writable (full disk or permissions?)",
                dir.display()
            )
        })
}

/// Connects to the configured database and applies pending migrations.
pub async fn connect_and_migrate(settings: &Settings) -> anyhow::Result<Store> {
    let url = settings.database_url();
    let store = Store::connect(&url, settings.database_max_connections)
        .await
        .with_context(|| format!("cannot open the database {}", redact_url(&url)))?;
    // Replicas starting together take turns (a PostgreSQL advisory lock, held until done).
    let lock = store
        .lock_for_migration()
        .await
        .with_context(|| format!("cannot lock the database {} to migrate", redact_url(&url)))?;
    Migrator::up(store.conn(), None)
        .await
        .with_context(|| format!("cannot migrate the database {}", redact_url(&url)))?;
    if let Some(lock) = lock {
        lock.rollback()
            .await
            .context("cannot release the migration lock")?;
    }
    Ok(store)
}
