//! `braingain backup FILE` and `braingain restore FILE`. On SQLite, a backup is a consistent
//! snapshot taken with `VACUUM INTO` (safe while the server runs); a restore checks the file,
//! moves the current database aside, puts the copy in its place, migrates it and rebuilds the
//! search index, refusing to run while a server holds the data directory. PostgreSQL is backed
//! up with its own tools (`pg_dump`/`pg_restore`); both commands say how. The signing secret
//! is never part of a backup.

use crate::settings::{Settings, redact_url};
use crate::{App, data_lock};
use anyhow::{Context, bail};
use braingain_domain::SystemClock;
use braingain_store::Store;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The SQLite file header.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// `braingain backup FILE`.
pub async fn backup(settings: &Settings, file: &Path) -> anyhow::Result<()> {
    let db = sqlite_file(settings, "backup")?;
    std::fs::metadata(&db).with_context(|| format!("there is no database at {}", db.display()))?;
    let partial = sibling(file, ".partial");
    remove_if_present(&partial)?;
    let store = Store::connect(&sqlite_url(&db, "rw"), 1)
        .await
        .with_context(|| format!("cannot open the database {}", db.display()))?;
    let snapshot = store.sqlite_snapshot(&partial).await;
    store.close().await?;
    snapshot.with_context(|| format!("cannot write the snapshot to {}", partial.display()))?;
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .and_then(|()| std::fs::rename(&partial, file))
        .with_context(|| format!("cannot write {}", file.display()))?;
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!(
        "backed up {} to {} ({bytes} bytes)",
        db.display(),
        file.display()
    );
    println!(
        "note: the access-token signing secret is not in the backup; keep {} (or your \
         BRAINGAIN_JWT_SECRET) safe separately",
        settings.data_dir.join("jwt-secret").display()
    );
    Ok(())
}

/// `braingain restore FILE`.
pub async fn restore(settings: &Settings, file: &Path) -> anyhow::Result<()> {
    let db = sqlite_file(settings, "restore")?;
    check_header(file)?;
    std::fs::create_dir_all(&settings.data_dir).with_context(|| {
        format!(
            "cannot create the data directory {}",
            settings.data_dir.display()
        )
    })?;
    let lock = data_lock::acquire(&settings.data_dir)?;
    if let Some(parent) = db.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }

    // Check a copy next to the database, so the final move is a rename.
    let incoming = sibling(&db, ".restoring");
    move_database(&incoming, None)?;
    std::fs::copy(file, &incoming)
        .with_context(|| format!("cannot copy {} to {}", file.display(), incoming.display()))?;
    if let Err(e) = check_copy(&incoming).await {
        let _ = move_database(&incoming, None);
        return Err(e.context(format!(
            "{} is not a usable BrainGain backup",
            file.display()
        )));
    }

    let aside = sibling(&db, ".before-restore");
    let had_database = std::fs::metadata(&db).is_ok();
    if had_database {
        move_database(&aside, None)?;
        move_database(&db, Some(&aside))?;
    }
    move_database(&incoming, Some(&db))?;
    // The index describes the old database: drop it, the build below makes a new one.
    let index = settings.data_dir.join("index");
    match std::fs::remove_dir_all(&index) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot remove {}", index.display())),
    }
    drop(lock);

    let app = App::build(settings.clone(), Arc::new(SystemClock))
        .await
        .context("the restored database does not open")?;
    app.state.service.store().close().await?;
    println!(
        "restored {} into {} (migrated, search index rebuilt)",
        file.display(),
        db.display()
    );
    if had_database {
        println!("the previous database was kept as {}", aside.display());
    }
    println!(
        "note: the signing secret is not in backups; restore {} or set BRAINGAIN_JWT_SECRET \
         as before, else signed-in users need a fresh access token (their sessions stay valid)",
        settings.data_dir.join("jwt-secret").display()
    );
    Ok(())
}

/// The SQLite file behind the settings, or the reason `what` is not done here.
fn sqlite_file(settings: &Settings, what: &str) -> anyhow::Result<PathBuf> {
    let url = settings.database_url();
    if let Some(rest) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        let path = rest.split('?').next().unwrap_or(rest);
        if path.is_empty() || path == ":memory:" {
            bail!("there is no database file to {what} in {url}");
        }
        return Ok(PathBuf::from(path));
    }
    let shown = redact_url(&url);
    if what == "backup" {
        bail!(
            "PostgreSQL is backed up with its own tools, for instance \
             `pg_dump --format=custom --file FILE '{shown}'` (see deploy/README.md)"
        )
    }
    bail!(
        "PostgreSQL is restored with its own tools, for instance \
         `pg_restore --clean --if-exists --no-owner --dbname '{shown}' FILE` with every server \
         stopped, then `braingain reindex` on each replica (see deploy/README.md)"
    )
}

fn sqlite_url(path: &Path, mode: &str) -> String {
    format!("sqlite://{}?mode={mode}", path.display())
}

/// `path` with `suffix` added to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn remove_if_present(path: &Path) -> anyhow::Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot remove {}", path.display())),
    }
}

/// Moves a database with its `-wal` and `-shm` companions to `to`, or deletes them (`None`).
fn move_database(from: &Path, to: Option<&Path>) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let source = sibling(from, suffix);
        match to {
            Some(to) => match std::fs::rename(&source, sibling(to, suffix)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot move {}", source.display()));
                }
            },
            None => remove_if_present(&source)?,
        }
    }
    Ok(())
}

fn check_header(file: &Path) -> anyhow::Result<()> {
    use std::io::Read;
    let mut header = [0_u8; 16];
    std::fs::File::open(file)
        .and_then(|mut f| f.read_exact(&mut header))
        .with_context(|| format!("cannot read {}", file.display()))?;
    if &header != SQLITE_MAGIC {
        bail!(
            "{} is not an SQLite backup made by `braingain backup`",
            file.display()
        );
    }
    Ok(())
}

async fn check_copy(copy: &Path) -> anyhow::Result<()> {
    let store = Store::connect(&sqlite_url(copy, "rw"), 1).await?;
    let verdict = store.sqlite_check().await;
    let ours = store.has_migration_table().await;
    store.close().await?;
    if let Err(problem) = verdict? {
        bail!("SQLite finds it damaged: {problem}");
    }
    if !ours? {
        bail!("it holds no BrainGain schema");
    }
    Ok(())
}
