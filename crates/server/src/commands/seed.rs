//! `braingain seed --demo`: loads the demo network (and `serve --demo` before serving).

use braingain_service::Service;
use braingain_service::demo::{
    DEMO_ADMIN, DEMO_DOMAIN, DEMO_MODERATOR, DEMO_PASSWORD, DemoOutcome,
};

/// Seeds the demo network unless it is there already, and says which happened on stdout.
pub async fn demo(service: &Service) -> anyhow::Result<()> {
    match service.seed_demo().await? {
        DemoOutcome::AlreadySeeded => {
            println!("the demo network is already loaded; nothing changed");
        }
        DemoOutcome::Seeded {
            experts,
            institutions,
            accounts,
        } => {
            println!(
                "demo network loaded: {experts} experts, {institutions} institutions, {accounts} accounts"
            );
            println!(
                "sign in as {DEMO_ADMIN}, {DEMO_MODERATOR}, registrar@{DEMO_DOMAIN} or \
                 amara.okafor@{DEMO_DOMAIN} with the password {DEMO_PASSWORD} (see README.md)"
            );
        }
    }
    Ok(())
}
