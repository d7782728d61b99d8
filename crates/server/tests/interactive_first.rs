//! Interactive changes go first: `braingain import experts` (another process) leaves
//! thousands of bulk change events waiting for the index writer; a profile saved after them
//! is searchable after one writer step, while most of the import is still unapplied. The
//! position committed with the index never passes a change it has not applied (a restart in
//! the middle resumes from it and loses nothing), and once caught up the index holds exactly
//! the database's searchable experts, with the saved profile's current text.
//!
//! Runs on SQLite, or on PostgreSQL when `TEST_DATABASE_URL` is set (`scripts/test` runs it
//! in both passes).

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use braingain_domain::profile::ProfileDraft;
use braingain_domain::{AccountStatus, ManualClock, Role, Visibility};
use braingain_search::experts::ExpertQuery;
use braingain_server::{App, Settings};
use braingain_service::{Actor, Service, Session};
use braingain_store::{accounts, events};
use braingain_test_utils::TestDb;
use sea_orm::{ConnectionTrait, Statement};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

/// Rows of the bulk import, written in transactions of [`IMPORT_BATCH`].
const ROWS: usize = 2_000;
const IMPORT_BATCH: usize = 250;
/// The word only the interactively saved headline holds.
const WORD: &str = "quokkafarer";

/// The service over the data directory `dir` (the test drives its index writer step by
/// step; nothing runs in the background).
async fn build_service(db: &TestDb, dir: &Path) -> (App, Service) {
    let settings = Settings {
        data_dir: dir.join("data"),
        database_url: Some(db.url().to_owned()),
        jwt_secret: Some("interactive-first-secret-interactive-first-0123".into()),
        public_url: Some("http://braingain.test".into()),
        warm_skill_index: false,
        ..Settings::default()
    };
    let app = App::build(settings, Arc::new(ManualClock::default()))
        .await
        .unwrap();
    let service = app.state.service.clone();
    (app, service)
}

/// Runs `braingain import experts FILE --activate` as an operator would, beside the server.
fn import(dir: &Path, db: &TestDb, file: &str) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_braingain"));
    cmd.current_dir(dir);
    for (key, _) in std::env::vars() {
        if key.starts_with("BRAINGAIN_") {
            cmd.env_remove(key);
        }
    }
    let out = cmd
        .env("BRAINGAIN_LOG", "warn")
        .env("BRAINGAIN_PUBLIC_URL", "http://braingain.test")
        .args(["--data-dir", "import-data", "--database-url", db.url()])
        .args(["import", "experts", file, "--activate"])
        .args(["--batch-size", &IMPORT_BATCH.to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn csv(rows: impl Iterator<Item = String>) -> String {
    std::iter::once("email,display_name,headline,bio,residence_country,visibility".to_owned())
        .chain(rows)
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

async fn count(service: &Service, sql: &str) -> i64 {
    let conn = service.store().conn();
    let row = conn
        .query_one_raw(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index(0).unwrap()
}

async fn ids(service: &Service, sql: &str) -> BTreeSet<String> {
    let conn = service.store().conn();
    conn.query_all_raw(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get_by_index::<uuid::Uuid>(0).unwrap().to_string())
        .collect()
}

/// Every profile id in the expert index, page by page.
fn indexed(service: &Service) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut after = None;
    loop {
        let page = service
            .expert_index()
            .search(&ExpertQuery {
                limit: 100,
                after,
                ..ExpertQuery::default()
            })
            .unwrap();
        found.extend(page.hits.into_iter().map(|h| h.profile_id));
        match page.next_cursor {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(
        u64::try_from(found.len()).unwrap(),
        service.expert_index().num_docs(),
        "paging saw every document"
    );
    found
}

/// The profile ids `text` finds.
fn found(service: &Service, text: &str) -> Vec<String> {
    let query = ExpertQuery {
        text: Some(text.to_owned()),
        limit: 10,
        ..ExpertQuery::default()
    };
    let results = service.expert_index().search(&query).unwrap();
    results.hits.into_iter().map(|h| h.profile_id).collect()
}

/// The committed position never passes an unapplied change: every expert changed at or
/// below it is in the index (all of this test's experts are searchable).
async fn assert_watermark_is_safe(service: &Service) -> i64 {
    let watermark = service.indexed_position().unwrap();
    let changed = ids(
        service,
        &format!(
            "SELECT DISTINCT entity_id FROM change_events \
             WHERE entity = 'expert' AND id <= {watermark}"
        ),
    )
    .await;
    let index = indexed(service);
    let missing: Vec<&String> = changed.difference(&index).collect();
    assert!(
        missing.is_empty(),
        "changes at or below the committed position {watermark} are not applied: {missing:?}"
    );
    watermark
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_behind_a_bulk_import_is_searchable_before_the_backlog_is_applied() {
    braingain_test_utils::init_tracing();
    let db = TestDb::new().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (app, service) = build_service(&db, dir.path()).await;

    // An expert, imported and indexed before the big import.
    std::fs::write(
        dir.path().join("first.csv"),
        csv(std::iter::once(
            "orla@example.org,Orla Quinn,Hydrologist,Rivers.,IE,PUBLIC".to_owned(),
        )),
    )
    .unwrap();
    import(dir.path(), &db, "first.csv");
    assert_eq!(service.index_pending().await.unwrap(), 1);
    let orla = found(&service, "Orla Quinn");
    assert_eq!(orla.len(), 1, "{orla:?}");
    let orla = orla[0].clone();

    // The bulk import: its change events form the backlog.
    std::fs::write(
        dir.path().join("bulk.csv"),
        csv((0..ROWS).map(|i| {
            let visibility = if i % 3 == 0 { "MEMBERS" } else { "PUBLIC" };
            format!("bulk{i}@example.org,Bulk Expert {i},Geologist {i},,NL,{visibility}")
        })),
    )
    .unwrap();
    import(dir.path(), &db, "bulk.csv");

    // Orla saves her profile through the ordinary use case, after the whole import.
    let account = accounts::find_by_email(service.store().conn(), "orla@example.org")
        .await
        .unwrap()
        .unwrap();
    let actor = Actor::Account(Session {
        account: account.id,
        role: Role::Expert,
        status: AccountStatus::Active,
        family: None,
    });
    let draft = ProfileDraft {
        headline: "Quokkafarer and hydrologist".into(),
        bio: "Rivers and wetlands.".into(),
        residence_country: "IE".into(),
        residence_city: None,
        origin_countries: vec!["NG".into()],
        languages: Vec::new(),
        skills: Vec::new(),
        engagement_types: Vec::new(),
        work_modes: Vec::new(),
        hours_per_month: None,
        orcid: None,
        visibility: Visibility::Public,
    };
    service.save_expert_profile(&actor, draft).await.unwrap();
    let saved_at = events::last_position(service.store().conn()).await.unwrap();
    let rows = i64::try_from(ROWS).unwrap();
    assert_eq!(
        count(&service, "SELECT COUNT(*) FROM change_events WHERE bulk").await,
        rows + 1,
        "the import's changes are marked bulk"
    );
    assert_eq!(
        count(
            &service,
            "SELECT COUNT(*) FROM change_events WHERE NOT bulk"
        )
        .await,
        1,
        "the save is interactive"
    );
    assert!(
        found(&service, WORD).is_empty(),
        "not applied before a step"
    );

    // One step: the save goes ahead of the backlog, which is mostly still waiting.
    let first = service.index_step().await.unwrap();
    assert_eq!(first.ahead, 1, "{first:?}");
    assert!(first.more, "{first:?}");
    assert_eq!(found(&service, WORD), vec![orla.clone()]);
    let watermark = assert_watermark_is_safe(&service).await;
    assert!(
        watermark < saved_at,
        "the committed position ({watermark}) stays below the unapplied backlog, not at the save ({saved_at})"
    );
    let docs = service.expert_index().num_docs();
    assert_eq!(
        docs,
        1 + u64::try_from(first.applied).unwrap(),
        "Orla and the first in-order batch"
    );
    assert!(docs < u64::try_from(ROWS / 2).unwrap(), "{docs} documents");

    // A restart here resumes from the committed position and loses nothing.
    drop(service);
    drop(app);
    let (_app, service) = build_service(&db, dir.path()).await;
    assert_eq!(service.indexed_position().unwrap(), watermark);
    let mut steps = 0;
    loop {
        let step = service.index_step().await.unwrap();
        steps += 1;
        assert_eq!(found(&service, WORD), vec![orla.clone()], "step {steps}");
        assert_watermark_is_safe(&service).await;
        if !step.more {
            break;
        }
        assert!(steps < ROWS, "the writer makes progress");
    }
    assert!(steps > 1, "the backlog took several steps");

    // Caught up: the index is the database.
    assert_eq!(service.indexed_position().unwrap(), saved_at);
    assert_eq!(service.index_lag().await.unwrap(), 0);
    let searchable = ids(
        &service,
        "SELECT p.id FROM expert_profiles p JOIN accounts a ON a.id = p.account_id \
         WHERE a.status = 'ACTIVE' AND a.role = 'EXPERT' AND p.visibility <> 'HIDDEN'",
    )
    .await;
    assert_eq!(searchable.len(), ROWS + 1);
    assert_eq!(indexed(&service), searchable);
    assert_eq!(found(&service, WORD), vec![orla]);
}
