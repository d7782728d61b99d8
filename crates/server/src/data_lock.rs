//! The data directory's lock. A process that owns the directory's search index (`serve`,
//! `reindex`) and `restore` hold an exclusive lock on `<data dir>/braingain.lock` for as long
//! as they run, so a second server on the same directory, or a restore under a live server,
//! is refused with a clear message instead of corrupting files. The kernel releases the lock
//! when the process ends, however it ends (SIGKILL included), so a stale lock cannot exist.

use anyhow::{Context, bail};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// Held while alive; dropping it releases the lock.
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

/// Takes the lock on `dir` (which must exist) without waiting.
pub fn acquire(dir: &Path) -> anyhow::Result<DataDirLock> {
    let path = dir.join("braingain.lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(DataDirLock { _file: file }),
        Err(TryLockError::WouldBlock) => bail!(
            "another BrainGain process (a server, or reindex/restore) is using the data directory \
             {}: stop it first (each replica needs its own data directory)",
            dir.display()
        ),
        Err(TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path()).unwrap();
        let refused = acquire(dir.path()).unwrap_err().to_string();
        assert!(refused.contains("stop it first"), "{refused}");
        drop(first);
        assert!(acquire(dir.path()).is_ok());
    }
}
