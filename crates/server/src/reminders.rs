//! The reminder task: every `reminder_interval_secs` it asks the service to remind the side
//! owing an answer to invitations and applications that have waited a week
//! ([`Service::send_due_reminders`]). Each engagement is claimed in the database, so several
//! replicas may run the task at once without reminding anyone twice.

use braingain_service::Service;
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::MissedTickBehavior;

/// Runs a round at once, then every `every`, until `stop` turns true.
pub async fn run(service: Service, every: Duration, mut stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {},
            _ = stop.changed() => {},
        }
        if *stop.borrow() {
            break;
        }
        // Each round runs as its own task so that a panic ends the round, not the task.
        let round = service.clone();
        let now = service.clock().now();
        match tokio::spawn(async move { round.send_due_reminders(now).await }).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "reminder round failed"),
            Err(e) => tracing::error!(error = %e, "reminder round panicked"),
        }
    }
    tracing::debug!("reminder task stopped");
}
