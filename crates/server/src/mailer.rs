//! Mail delivery: a background task drains the outbox into the file sink or SMTP, retrying
//! failures with backoff. Mails are claimed for a minute at a time, so a sender that dies
//! mid-batch loses nothing: another (or the restarted one) sends them after the claim lapses.

use crate::metrics::Metrics;
use anyhow::Context;
use braingain_service::Service;
use braingain_store::mail::{self, OutgoingMail, QueuedMail};
use chrono::Duration;
use lettre::message::{Body, Mailbox, header::ContentTransferEncoding, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::Path;
use std::sync::Arc;
use tokio::sync::watch;

/// How long a claimed mail stays reserved for one sender.
const CLAIM: Duration = Duration::seconds(60);
/// How often the outbox is polled when nothing wakes the sender.
const POLL: std::time::Duration = std::time::Duration::from_secs(5);
/// Mails claimed per round.
const BATCH: u64 = 20;

/// Where mails go.
#[derive(Clone)]
pub enum Transport {
    /// One `.eml` file per mail in a directory.
    File(AsyncFileTransport<Tokio1Executor>),
    /// An SMTP relay.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Transport::File(_) => "Transport::File",
            Transport::Smtp(_) => "Transport::Smtp",
        })
    }
}

impl Transport {
    /// The transport named by the `mail` setting: `file`, or an `smtp://`/`smtps://` URL.
    pub fn from_setting(setting: &str, data_dir: &Path) -> anyhow::Result<Self> {
        let setting = setting.trim();
        if setting == "file" || setting.is_empty() {
            let dir = data_dir.join("mail");
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            return Ok(Transport::File(AsyncFileTransport::new(dir)));
        }
        if setting.starts_with("smtp://") || setting.starts_with("smtps://") {
            let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(setting)
                .context("the mail setting is not a valid SMTP URL")?
                .timeout(Some(std::time::Duration::from_secs(20)))
                .build();
            return Ok(Transport::Smtp(smtp));
        }
        anyhow::bail!("the mail setting must be `file` or an smtp:// URL")
    }

    async fn send(&self, message: Message) -> anyhow::Result<()> {
        match self {
            Transport::File(t) => t.send(message).await.map(drop).context("file sink"),
            Transport::Smtp(t) => t.send(message).await.map(drop).context("smtp"),
        }
    }
}

/// Builds the RFC 5322 message for a queued mail. The body goes as 8-bit text (RFC 6152) so
/// that links stay whole and readable; a body with over-long lines falls back to lettre's
/// own choice of encoding.
pub fn build_message(from: &Mailbox, mail: &OutgoingMail) -> anyhow::Result<Message> {
    let to: Mailbox = mail.to.parse().context("bad recipient address")?;
    let fits_8bit = mail.body.lines().all(|line| line.len() < 990) && !mail.body.contains('\0');
    let body = if fits_8bit {
        let crlf = mail.body.replace("\r\n", "\n").replace('\n', "\r\n");
        Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit)
    } else {
        Body::new(mail.body.clone())
    };
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .context("cannot build the message")
}

/// The sender task.
#[derive(Debug, Clone)]
pub struct MailSender {
    service: Service,
    transport: Transport,
    from: Mailbox,
    metrics: Arc<Metrics>,
}

impl MailSender {
    /// A sender for `service`'s outbox.
    pub fn new(
        service: Service,
        transport: Transport,
        from: &str,
        metrics: Arc<Metrics>,
    ) -> anyhow::Result<Self> {
        let from = from
            .parse()
            .context("the mail_from setting is not a valid address")?;
        Ok(Self {
            service,
            transport,
            from,
            metrics,
        })
    }

    /// Runs until `stop` turns true, finishing the round in progress.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let wake = self.service.mail_queued();
        loop {
            // Each round runs as its own task so that a panic ends the round, not the sender.
            let round = self.clone();
            match tokio::spawn(async move { round.drain().await }).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!(error = %format!("{e:#}"), "mail outbox round failed"),
                Err(e) => tracing::error!(error = %e, "mail outbox round panicked"),
            }
            if *stop.borrow() {
                break;
            }
            tokio::select! {
                () = wake.notified() => {},
                () = tokio::time::sleep(POLL) => {},
                _ = stop.changed() => {},
            }
        }
        tracing::debug!("mail sender stopped");
    }

    /// Sends every due mail, round after round, until none is left.
    pub async fn drain(&self) -> anyhow::Result<()> {
        let store = self.service.store();
        loop {
            let now = self.service.clock().now();
            let batch = mail::claim_due(store.conn(), now, now + CLAIM, BATCH).await?;
            if batch.is_empty() {
                break;
            }
            for queued in batch {
                self.deliver(queued).await?;
            }
        }
        self.metrics
            .set_mail_pending(mail::pending_count(store.conn()).await?);
        Ok(())
    }

    async fn deliver(&self, queued: QueuedMail) -> anyhow::Result<()> {
        let store = self.service.store();
        let result = match build_message(&self.from, &queued.mail) {
            Ok(message) => self.transport.send(message).await,
            Err(e) => Err(e),
        };
        let now = self.service.clock().now();
        match result {
            Ok(()) => {
                mail::mark_sent(store.conn(), queued.id, now).await?;
                self.metrics.mail_attempt("sent");
                tracing::info!(mail.id = queued.id, "mail sent");
            }
            Err(e) => {
                let retry_at = now + backoff(queued.attempts);
                mail::mark_failed(store.conn(), queued.id, &format!("{e:#}"), retry_at).await?;
                self.metrics.mail_attempt("failed");
                tracing::warn!(mail.id = queued.id, attempts = queued.attempts + 1, error = %format!("{e:#}"), "mail delivery failed; will retry");
            }
        }
        Ok(())
    }
}

/// Wait before the next attempt: 30 s, 1 min, 2 min, ... capped at one hour.
fn backoff(attempts_before: i32) -> Duration {
    let exp = u32::try_from(attempts_before.clamp(0, 7)).unwrap_or(7);
    (Duration::seconds(30) * 2_i32.pow(exp)).min(Duration::hours(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0), Duration::seconds(30));
        assert_eq!(backoff(1), Duration::seconds(60));
        assert_eq!(backoff(20), Duration::hours(1));
    }

    #[test]
    fn a_message_keeps_its_body_readable() {
        let from: Mailbox = "BrainGain <no-reply@braingain.invalid>".parse().unwrap();
        let long_link = format!("https://example.org/verify-email?token={}", "a".repeat(80));
        let mail = OutgoingMail {
            to: "ada@example.org".into(),
            subject: "Hi".into(),
            body: format!("open {long_link}\n"),
        };
        let raw = String::from_utf8(build_message(&from, &mail).unwrap().formatted()).unwrap();
        assert!(raw.contains(&long_link), "{raw}");
        assert!(raw.contains("To: ada@example.org"));
    }
}
