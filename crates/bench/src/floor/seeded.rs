//! Reads the searchable experts of a seeded database (SQLite or PostgreSQL, through
//! `braingain_store`, page by page like the service's reindex) as the text the PostgreSQL
//! baseline indexes: headline, every label of every claimed skill in every language, and
//! biography.
//!
//! "Searchable" is the service's rule (`indexer::searchable`): an active expert account
//! whose profile is not hidden, so the baseline holds the same experts as the expert index.

use std::collections::HashMap;

use anyhow::Context as _;
use braingain_domain::{AccountStatus, ProfileId, Role, SkillId, Visibility};
use braingain_store::{Store, accounts, profiles, skills};

/// Profiles read per page.
pub const PAGE: u64 = 2000;

/// One expert's searchable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileText {
    /// The profile id (UUID text).
    pub id: String,
    /// The headline.
    pub headline: String,
    /// Every label of every claimed skill, comma-separated.
    pub skills: String,
    /// The biography.
    pub bio: String,
}

/// A connection to the seeded database and every skill's labels.
pub struct Seeded {
    store: Store,
    labels: HashMap<SkillId, String>,
    after: Option<ProfileId>,
}

impl Seeded {
    /// Connects to `url` (`sqlite://…` or `postgres://…`) and reads the skills.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let store = Store::connect(url, 2)
            .await
            .with_context(|| format!("connecting to the seeded database {url}"))?;
        let labels = skills::all(store.conn())
            .await
            .context("reading the skills")?
            .into_iter()
            .map(|s| {
                let all: Vec<&str> = s
                    .labels
                    .values()
                    .flat_map(|l| {
                        std::iter::once(l.preferred.as_str())
                            .chain(l.alternatives.iter().map(String::as_str))
                    })
                    .collect();
                (s.id, all.join(", "))
            })
            .collect();
        Ok(Self {
            store,
            labels,
            after: None,
        })
    }

    /// The next page of searchable experts, in profile id order, with the number of
    /// profiles read (searchable or not); `None` after the last.
    pub async fn next_page(&mut self) -> anyhow::Result<Option<(Vec<ProfileText>, usize)>> {
        let db = self.store.conn();
        let page = profiles::page_after(db, self.after, PAGE)
            .await
            .context("reading profiles")?;
        let Some(last) = page.last().map(|p| p.id) else {
            return Ok(None);
        };
        self.after = Some(last);
        let owners: HashMap<_, _> =
            accounts::find_many(db, &page.iter().map(|p| p.account_id).collect::<Vec<_>>())
                .await
                .context("reading accounts")?
                .into_iter()
                .map(|a| (a.id, a))
                .collect();
        let read = page.len();
        let texts = page
            .into_iter()
            .filter(|p| {
                owners.get(&p.account_id).is_some_and(|o| {
                    o.status == AccountStatus::Active
                        && o.role == Role::Expert
                        && p.visibility != Visibility::Hidden
                })
            })
            .map(|p| ProfileText {
                id: p.id.to_string(),
                skills: p
                    .skills
                    .iter()
                    .filter_map(|c| self.labels.get(&c.skill_id).map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(", "),
                headline: p.headline,
                bio: p.bio,
            })
            .collect();
        Ok(Some((texts, read)))
    }

    /// Closes the connection.
    pub async fn close(self) -> anyhow::Result<()> {
        self.store.close().await?;
        Ok(())
    }
}
