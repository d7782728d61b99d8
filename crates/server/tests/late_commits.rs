//! On PostgreSQL, change-event positions come from a sequence, so two transactions can take
//! positions n and n+1 and commit n+1 first. The index writer must still apply change n when
//! it commits (late), must not stall behind a position whose transaction rolled back, and must
//! keep the committed watermark below an open gap so a restart looks at it again.
//!
//! PostgreSQL only (SQLite serialises writers, so its positions commit in order): `scripts/test`
//! runs this binary in the PostgreSQL pass.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use braingain_domain::ManualClock;
use braingain_search::experts::ExpertQuery;
use braingain_server::{App, Settings};
use braingain_service::Service;
use braingain_service::synthetic::SyntheticSpec;
use braingain_store::events::{self, Entity, Op};
use braingain_test_utils::TestDb;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, Statement, TransactionTrait};
use std::sync::Arc;
use uuid::Uuid;

/// Builds the service (no HTTP needed: the test drives the index writer round by round).
async fn build_service(db: &TestDb, dir: &std::path::Path) -> (App, Service) {
    let settings = Settings {
        data_dir: dir.join("data"),
        database_url: Some(db.url().to_owned()),
        jwt_secret: Some("late-commits-secret-late-commits-secret-0123".into()),
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

/// The profile ids `text` finds in the index.
fn found(service: &Service, text: &str) -> Vec<String> {
    let query = ExpertQuery {
        text: Some(text.to_owned()),
        limit: 10,
        ..ExpertQuery::default()
    };
    let results = service.expert_index().search(&query).unwrap();
    results.hits.into_iter().map(|h| h.profile_id).collect()
}

/// Sets a profile's headline and records the change, in `txn` (left open).
async fn change_headline(service: &Service, txn: &DatabaseTransaction, id: &str, headline: &str) {
    let id = Uuid::parse_str(id).unwrap();
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE expert_profiles SET headline = $1 WHERE id = $2",
        [headline.into(), id.into()],
    ))
    .await
    .unwrap();
    events::record(txn, Entity::Expert, id, Op::Upsert, service.clock().now())
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_committed_after_a_later_one_still_reaches_search() {
    let db = TestDb::postgres_only()
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let dir = tempfile::tempdir().unwrap();
    let (_app, service) = build_service(&db, dir.path()).await;
    let spec = SyntheticSpec {
        experts: 40,
        institutions: 0,
        requests: 0,
        seed: 7,
        force: false,
    };
    service.seed_synthetic(&spec, |_| {}).await.unwrap();
    service.reindex(|_| {}).await.unwrap();
    service.index_pending().await.unwrap();
    let browse = service
        .expert_index()
        .search(&ExpertQuery {
            limit: 10,
            ..ExpertQuery::default()
        })
        .unwrap();
    let ids: Vec<String> = browse.hits.into_iter().map(|h| h.profile_id).collect();
    assert!(ids.len() >= 4, "seeded experts are searchable: {ids:?}");
    let conn = service.store().conn();

    // Position n is taken by a transaction that stays open; n+1 commits first.
    let slow = conn.begin().await.unwrap();
    change_headline(&service, &slow, &ids[0], "Zyxwvut slow committer").await;
    let fast = conn.begin().await.unwrap();
    change_headline(&service, &fast, &ids[1], "Qwertzu fast committer").await;
    fast.commit().await.unwrap();
    let watermark_before = service.indexed_position().unwrap();
    assert!(service.index_pending().await.unwrap() >= 1);
    assert_eq!(found(&service, "qwertzu"), vec![ids[1].clone()]);
    assert!(found(&service, "zyxwvut").is_empty(), "not committed yet");
    // The committed position stays below the open gap, so a restart would look again.
    assert_eq!(service.indexed_position().unwrap(), watermark_before);

    slow.commit().await.unwrap();
    assert_eq!(service.index_pending().await.unwrap(), 1, "the late change");
    assert_eq!(found(&service, "zyxwvut"), vec![ids[0].clone()]);
    let last = events::last_position(conn).await.unwrap();
    assert_eq!(service.indexed_position().unwrap(), last, "gap closed");
    assert_eq!(service.index_lag().await.unwrap(), 0);

    // A rolled-back transaction leaves a hole for good: later changes are not held up.
    let doomed = conn.begin().await.unwrap();
    change_headline(&service, &doomed, &ids[2], "Plonkish never happened").await;
    doomed.rollback().await.unwrap();
    let next = conn.begin().await.unwrap();
    change_headline(&service, &next, &ids[3], "Grommet after the rollback").await;
    next.commit().await.unwrap();
    service.index_pending().await.unwrap();
    assert_eq!(found(&service, "grommet"), vec![ids[3].clone()]);
    assert!(found(&service, "plonkish").is_empty());
    assert_eq!(
        service.index_lag().await.unwrap(),
        0,
        "lag counts what was read"
    );
    assert!(
        service.indexed_position().unwrap() < last + 2,
        "the hole is still watched"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_writer_looks_again_at_holes_below_its_watermark() {
    let db = TestDb::postgres_only()
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let dir = tempfile::tempdir().unwrap();
    let (app, service) = build_service(&db, dir.path()).await;
    let spec = SyntheticSpec {
        experts: 20,
        institutions: 0,
        requests: 0,
        seed: 11,
        force: false,
    };
    service.seed_synthetic(&spec, |_| {}).await.unwrap();
    service.reindex(|_| {}).await.unwrap();
    let browse = service
        .expert_index()
        .search(&ExpertQuery {
            limit: 2,
            ..ExpertQuery::default()
        })
        .unwrap();
    let ids: Vec<String> = browse.hits.into_iter().map(|h| h.profile_id).collect();
    let conn = service.store().conn().clone();

    // A transaction takes a position and stays open while a reindex commits a higher
    // position as the index's watermark (as a rebuild at start does).
    let slow = conn.begin().await.unwrap();
    change_headline(
        &service,
        &slow,
        &ids[0],
        "Vorpal written during the rebuild",
    )
    .await;
    let fast = conn.begin().await.unwrap();
    change_headline(&service, &fast, &ids[1], "Frabjous committed first").await;
    fast.commit().await.unwrap();
    service.reindex(|_| {}).await.unwrap();
    service.reindex_requests().await.unwrap();
    drop(service);
    drop(app);

    // A new process on the same data directory: its writer starts from the watermark.
    let (_app, service) = build_service(&db, dir.path()).await;
    service.index_pending().await.unwrap();
    assert_eq!(found(&service, "frabjous"), vec![ids[1].clone()]);
    slow.commit().await.unwrap();
    service.index_pending().await.unwrap();
    assert_eq!(found(&service, "vorpal"), vec![ids[0].clone()]);
}
