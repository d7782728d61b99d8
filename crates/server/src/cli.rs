//! The `braingain` command line.

use crate::settings::{FlagOverrides, Settings};
use crate::{App, serve, telemetry};
use anyhow::{Context, bail};
use braingain_domain::SystemClock;
use clap::{Parser, Subcommand};
use secrecy::SecretString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// BrainGain: a diaspora knowledge network.
#[derive(Debug, Parser)]
#[command(name = "braingain", version, about)]
pub struct Cli {
    /// A TOML settings file (lower precedence than environment variables and flags).
    #[arg(long, global = true, env = "BRAINGAIN_CONFIG")]
    pub config: Option<PathBuf>,
    /// Where the SQLite file, index, secrets and mail sink live [default: ./data].
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// `sqlite://…` or `postgres://…` [default: SQLite in the data directory].
    #[arg(long, global = true)]
    pub database_url: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (migrating the database first).
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long)]
        listen: Option<String>,
        /// Load the demo network first, unless it is loaded already (see `seed --demo`).
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create an administrator, or promote an existing account. The password comes from
    /// `BRAINGAIN_ADMIN_PASSWORD` or a prompt.
    CreateAdmin {
        /// The administrator's email address.
        #[arg(long)]
        email: String,
        /// The name shown for the administrator.
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Print the GraphQL schema (SDL); the committed schema.graphql must equal it.
    ExportSchema,
    /// Import data in bulk (`import experts FILE`).
    Import {
        /// What to import.
        #[command(subcommand)]
        what: crate::commands::import::ImportCommand,
    },
    /// Rebuild the search index from the database.
    Reindex,
    /// Send the reminders that are due (invitations and applications unanswered for a week)
    /// once and exit. Safe beside running servers, which send the queued mails; for cron
    /// when `reminder_interval_secs = 0`.
    Remind,
    /// Write a consistent snapshot of the SQLite database to FILE (safe while serving). On
    /// PostgreSQL, says how to use `pg_dump`. The signing secret is not included.
    Backup {
        /// Where to write the snapshot (replaced if it exists).
        file: PathBuf,
    },
    /// Replace the SQLite database with a backup made by `backup`, then migrate it and rebuild
    /// the search index. Refused while a server uses the data directory; the previous database
    /// is kept as `<database>.before-restore`. On PostgreSQL, says how to use `pg_restore`.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
    /// Exit 0 if the server answers 200 on `/health` (for container health checks).
    Healthcheck {
        /// The URL to ask [default: `/health` on the listen address].
        #[arg(long)]
        url: Option<String>,
    },
    /// Load data: `--demo` loads a small demo network with documented sign-ins.
    Seed {
        /// Load the demo network (idempotent; refused on a database with other accounts).
        #[arg(long, conflicts_with = "experts")]
        demo: bool,
        /// Generate a synthetic network of this many experts (README, "Synthetic networks");
        /// the server must be stopped.
        #[arg(long, value_name = "N")]
        experts: Option<u64>,
        /// Institutions of the synthetic network (real universities).
        #[arg(long, value_name = "M", default_value_t = 100, requires = "experts")]
        institutions: usize,
        /// Requests of the synthetic network.
        #[arg(long, value_name = "K", default_value_t = 500, requires = "experts")]
        requests: usize,
        /// The seed: the same seed gives the same network.
        #[arg(long, value_name = "S", default_value_t = 1, requires = "experts")]
        seed: u64,
        /// Seed even though the database holds accounts that are not synthetic.
        #[arg(long, requires = "experts")]
        force: bool,
    },
}

/// Entry point: parses arguments, runs the command, maps failure to a one-line reason.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::ExportSchema = cli.command {
        print!("{}", braingain_graphql::export_sdl());
        return Ok(());
    }
    let listen = match &cli.command {
        Command::Serve { listen, .. } => listen.clone(),
        _ => None,
    };
    let flags = FlagOverrides {
        data_dir: cli.data_dir.clone(),
        database_url: cli.database_url.clone(),
        listen,
    };
    let settings = Settings::load(cli.config.as_deref(), &flags).context("invalid settings")?;
    if let Command::Healthcheck { url } = &cli.command {
        let url = url
            .clone()
            .unwrap_or_else(|| crate::commands::healthcheck::default_url(&settings.listen));
        return crate::commands::healthcheck::check(&url);
    }
    telemetry::init(&settings.log);
    for key in Settings::unknown_env_keys() {
        tracing::warn!(variable = %key, "unknown BRAINGAIN_ setting ignored");
    }
    match cli.command {
        Command::Serve { demo, .. } => {
            let listen = settings.listen.clone();
            let app = App::build(settings, Arc::new(SystemClock)).await?;
            if demo {
                crate::commands::seed::demo(&app.state.service).await?;
            }
            let listener = tokio::net::TcpListener::bind(&listen)
                .await
                .with_context(|| format!("cannot listen on {listen}"))?;
            serve(app, listener, crate::shutdown::signal()).await
        }
        Command::Migrate => {
            std::fs::create_dir_all(&settings.data_dir)
                .with_context(|| format!("cannot create {}", settings.data_dir.display()))?;
            let store = crate::app::connect_and_migrate(&settings).await?;
            store.close().await?;
            println!("migrations applied");
            Ok(())
        }
        Command::CreateAdmin { email, name } => {
            let password = admin_password()?;
            let app = App::build_detached(settings, Arc::new(SystemClock)).await?;
            let (account, created) = app
                .state
                .service
                .create_admin(&email, password, &name)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            app.state.service.store().close().await?;
            println!(
                "{} administrator {} ({})",
                if created { "created" } else { "promoted" },
                account.email.unwrap_or_default(),
                account.id
            );
            Ok(())
        }
        Command::ExportSchema | Command::Healthcheck { .. } => Ok(()),
        Command::Backup { file } => crate::commands::backup::backup(&settings, &file).await,
        Command::Restore { file } => crate::commands::backup::restore(&settings, &file).await,
        Command::Import { what } => crate::commands::import::run(settings, what).await,
        Command::Remind => {
            let app = App::build_detached(settings, Arc::new(SystemClock)).await?;
            let service = &app.state.service;
            let count = service
                .send_due_reminders(service.clock().now())
                .await
                .map_err(|e| anyhow::anyhow!("reminders failed: {e}"))?;
            service.store().close().await?;
            println!("{count} engagements reminded");
            Ok(())
        }
        Command::Reindex => {
            let app = App::build(settings, Arc::new(SystemClock)).await?;
            let started = std::time::Instant::now();
            let count = app
                .state
                .service
                .reindex(|done| tracing::info!(profiles = done, "reindexing"))
                .await
                .map_err(|e| anyhow::anyhow!("reindex failed: {e:?}"))?;
            let requests = app
                .state
                .service
                .reindex_requests()
                .await
                .map_err(|e| anyhow::anyhow!("reindex failed: {e:?}"))?;
            app.state.service.store().close().await?;
            println!(
                "reindexed {count} profiles and {requests} open requests in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Seed {
            demo,
            experts,
            institutions,
            requests,
            seed,
            force,
        } => {
            if let Some(experts) = experts {
                let spec = braingain_service::synthetic::SyntheticSpec {
                    experts,
                    institutions,
                    requests,
                    seed,
                    force,
                };
                return crate::commands::synthetic::run(settings, spec).await;
            }
            if !demo {
                bail!("say what to seed: --demo, or --experts N for a synthetic network");
            }
            let app = App::build_detached(settings, Arc::new(SystemClock)).await?;
            let seeded = crate::commands::seed::demo(&app.state.service).await;
            app.state.service.store().close().await?;
            seeded
        }
    }
}

/// The new administrator's password: from the environment, else asked twice on a terminal.
/// `None` (keep the current password) only when promoting and nothing was given.
fn admin_password() -> anyhow::Result<Option<SecretString>> {
    if let Ok(password) = std::env::var("BRAINGAIN_ADMIN_PASSWORD") {
        return Ok(Some(SecretString::from(password)));
    }
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let first = rpassword::prompt_password("Password for the administrator: ")
        .context("cannot read the password")?;
    let second =
        rpassword::prompt_password("Repeat the password: ").context("cannot read the password")?;
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(Some(SecretString::from(first)))
}
