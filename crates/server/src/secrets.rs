//! Secrets kept in the data directory when the operator does not provide them.

use anyhow::{Context, bail};
use secrecy::SecretString;
use std::path::Path;

/// Shortest signing secret accepted from the operator.
const MIN_SECRET_BYTES: usize = 32;

/// The access-token signing secret: the configured one, or the one kept in
/// `<data dir>/jwt-secret`, generated (mode 0600) on first start.
pub fn jwt_secret(configured: Option<&str>, data_dir: &Path) -> anyhow::Result<SecretString> {
    if let Some(secret) = configured.map(str::trim).filter(|s| !s.is_empty()) {
        if secret.len() < MIN_SECRET_BYTES {
            bail!("BRAINGAIN_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes long");
        }
        return Ok(SecretString::from(secret.to_owned()));
    }
    let path = data_dir.join("jwt-secret");
    match std::fs::read_to_string(&path) {
        Ok(existing) if existing.trim().len() >= MIN_SECRET_BYTES => {
            return Ok(SecretString::from(existing.trim().to_owned()));
        }
        Ok(_) => bail!(
            "{} is too short; delete it to generate a new one",
            path.display()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
    let secret = braingain_auth::tokens::random_secret().context("no randomness available")?;
    write_private(&path, &secret).with_context(|| format!("cannot write {}", path.display()))?;
    tracing::info!(path = %path.display(), "generated a new access-token signing secret");
    Ok(SecretString::from(secret))
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn a_generated_secret_is_kept_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = jwt_secret(None, dir.path()).unwrap();
        let second = jwt_secret(None, dir.path()).unwrap();
        assert_eq!(first.expose_secret(), second.expose_secret());
        assert!(first.expose_secret().len() >= MIN_SECRET_BYTES);
    }

    #[test]
    fn a_short_configured_secret_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(jwt_secret(Some("short"), dir.path()).is_err());
        let long = "x".repeat(40);
        assert_eq!(
            jwt_secret(Some(&long), dir.path()).unwrap().expose_secret(),
            long
        );
    }
}
