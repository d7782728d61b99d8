//! `braingain import experts FILE`: reads and validates the file, imports valid rows in
//! batches behind a progress bar (shown only when stderr is a terminal), reports rejected
//! rows on stderr and optionally as a CSV file, and ends with a summary line on stdout.

use crate::{App, Settings};
use anyhow::Context;
use braingain_domain::SystemClock;
use braingain_service::import::{self, ImportOptions, ImportOutcome};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// What can be imported.
#[derive(Debug, clap::Subcommand)]
pub enum ImportCommand {
    /// Import experts from a CSV or JSON file (columns in README.md, "Importing experts").
    Experts(ExpertsArgs),
}

/// `import experts` arguments.
#[derive(Debug, clap::Args)]
pub struct ExpertsArgs {
    /// The file: `.csv` or `.json` (other names are recognised by their first character).
    pub file: PathBuf,
    /// Make the accounts ACTIVE at once: you vouch for the addresses. Otherwise they stay
    /// `PENDING_VERIFICATION` until the invitation link is used.
    #[arg(long)]
    pub activate: bool,
    /// Also write the rejected rows to this file, as CSV `line,email,reason`.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Rows per transaction.
    #[arg(long, default_value_t = 250, value_parser = clap::value_parser!(u16).range(1..))]
    pub batch_size: u16,
}

/// Runs an import command.
pub async fn run(settings: Settings, command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::Experts(args) => experts(settings, args).await,
    }
}

async fn experts(settings: Settings, args: ExpertsArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    // Read the whole file first: an unreadable file stops before the database is touched.
    let path = args.file.clone();
    let parsed = tokio::task::spawn_blocking(move || import::read_file(&path))
        .await
        .context("the file reader stopped")??;
    let app = App::build_detached(settings, Arc::new(SystemClock)).await?;
    let service = app.state.service.clone();
    let bar = progress_bar(parsed.rows);
    bar.inc(u64::try_from(parsed.rejected.len()).unwrap_or(0));
    let options = ImportOptions {
        activate: args.activate,
        batch_size: usize::from(args.batch_size),
    };
    let mut done = 0;
    let result = service
        .import_experts(parsed.candidates, &options, |batch| {
            bar.inc(u64::try_from(batch.rows).unwrap_or(0));
            done += batch.imported;
        })
        .await;
    bar.finish_and_clear();
    service.store().close().await?;
    let outcome = result.with_context(|| {
        format!("the import stopped; the {done} experts imported before are kept")
    })?;
    let ImportOutcome {
        imported,
        already_present,
        rejected: mut late,
    } = outcome;
    let mut rejected = parsed.rejected;
    rejected.append(&mut late);
    rejected.sort_by_key(|r| r.line);
    let word = parsed.format.row_word();
    for r in &rejected {
        // The address is as written in the file: keep control characters off the terminal.
        let email: String = r
            .email
            .chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect();
        let email = if email.is_empty() {
            email
        } else {
            format!(" ({email})")
        };
        eprintln!("rejected {word} {}{email}: {}", r.line, r.reason);
    }
    if let Some(report) = &args.report {
        let file = std::fs::File::create(report)
            .with_context(|| format!("cannot write the report {}", report.display()))?;
        import::write_report(&rejected, file)
            .with_context(|| format!("cannot write the report {}", report.display()))?;
    }
    tracing::info!(
        imported,
        already_present,
        rejected = rejected.len(),
        duration_ms = started.elapsed().as_millis(),
        "import finished"
    );
    if imported > 0 {
        eprintln!(
            "{imported} invitation mails are queued; `braingain serve` sends them (set BRAINGAIN_PUBLIC_URL for their links)"
        );
    }
    println!(
        "imported {imported}, already present {already_present}, rejected {}",
        rejected.len()
    );
    Ok(())
}

/// A bar on stderr, drawn only when stderr is a terminal.
fn progress_bar(rows: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(
        Some(u64::try_from(rows).unwrap_or(u64::MAX)),
        ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = ProgressStyle::with_template(
        "importing experts {wide_bar} {human_pos}/{human_len} rows, {eta} left",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
