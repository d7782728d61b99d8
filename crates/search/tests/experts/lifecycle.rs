//! Updates, deletions, commit payloads, persistence across reopen, rebuild, and corrupt
//! directories.

use braingain_search::{ExpertDoc, ExpertIndex, SearchError};

use super::*;

fn expert(n: u32, headline: &str) -> ExpertDoc {
    ExpertDoc {
        profile_id: id(n),
        display_name: format!("Expert {n}"),
        headline: headline.into(),
        residence_country: "NG".into(),
        last_active: NOW,
        ..ExpertDoc::default()
    }
}

fn found(index: &ExpertIndex, query: &str) -> Vec<String> {
    ids(&index.search(&text(query)).unwrap())
}

#[test]
fn upserts_replace_and_deletes_remove_visible_at_once() {
    let index = ExpertIndex::in_memory().unwrap();
    index
        .apply(
            vec![expert(1, "Hydrologist"), expert(2, "Cardiologist")],
            vec![],
            "1",
        )
        .unwrap();
    assert_eq!(found(&index, "hydrologist"), [id(1)]);
    assert_eq!(index.num_docs(), 2);

    index
        .apply(vec![expert(1, "Agronomist")], vec![], "2")
        .unwrap();
    assert!(
        found(&index, "hydrologist").is_empty(),
        "the old text is gone"
    );
    assert_eq!(found(&index, "agronomist"), [id(1)]);
    assert_eq!(index.num_docs(), 2, "replaced, not duplicated");

    index.apply(vec![], vec![id(2)], "3").unwrap();
    assert!(found(&index, "cardiologist").is_empty());
    assert_eq!(index.num_docs(), 1);
    assert_eq!(index.committed_payload().unwrap().as_deref(), Some("3"));
}

#[test]
fn within_a_batch_the_last_upsert_wins_and_deletes_apply_last() {
    let index = ExpertIndex::in_memory().unwrap();
    let batch = vec![
        expert(1, "First"),
        expert(1, "Second"),
        expert(2, "Kept"),
        expert(3, "Gone"),
    ];
    index.apply(batch, vec![id(3), id(99)], "1").unwrap();
    assert_eq!(index.num_docs(), 2);
    assert!(found(&index, "first").is_empty());
    assert_eq!(found(&index, "second"), [id(1)]);
    assert!(found(&index, "gone").is_empty());
}

#[test]
fn a_batch_with_an_empty_key_is_rejected_whole() {
    let index = ExpertIndex::in_memory().unwrap();
    let blank = ExpertDoc {
        profile_id: "  ".into(),
        ..expert(2, "Blank")
    };
    let error = index
        .apply(vec![expert(1, "Valid"), blank], vec![], "1")
        .unwrap_err();
    assert!(matches!(error, SearchError::InvalidEntry(_)), "{error}");
    let error = index.apply(vec![], vec![String::new()], "1").unwrap_err();
    assert!(matches!(error, SearchError::InvalidEntry(_)), "{error}");
    index.apply(vec![], vec![], "2").unwrap();
    assert_eq!(
        index.num_docs(),
        0,
        "nothing of the rejected batches was committed"
    );
    assert_eq!(index.committed_payload().unwrap().as_deref(), Some("2"));
}

#[test]
fn clear_empties_the_index_for_a_rebuild() {
    let index = ExpertIndex::in_memory().unwrap();
    index.apply(corpus(), vec![], "7").unwrap();
    assert_eq!(index.num_docs(), 40);
    index.clear("rebuild").unwrap();
    assert_eq!(index.num_docs(), 0);
    assert!(found(&index, "hydrology").is_empty());
    assert_eq!(
        index.committed_payload().unwrap().as_deref(),
        Some("rebuild")
    );
    index.apply(corpus(), vec![], "8").unwrap();
    assert_eq!(index.num_docs(), 40);
}

#[test]
fn the_payload_and_documents_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("experts");
    {
        let index = ExpertIndex::open_in_dir(&path).unwrap();
        assert_eq!(index.committed_payload().unwrap(), None, "a fresh index");
        index.apply(corpus(), vec![], "outbox:41").unwrap();
        index.apply(vec![], vec![id(1)], "outbox:42").unwrap();
    }
    let index = ExpertIndex::open_in_dir(&path).unwrap();
    assert_eq!(
        index.committed_payload().unwrap().as_deref(),
        Some("outbox:42")
    );
    assert_eq!(index.num_docs(), 39);
    assert_eq!(found(&index, "cardiologist").first(), Some(&id(6)));
    assert!(!found(&index, "flood modelling").contains(&id(1)));
}

#[test]
fn a_corrupt_directory_is_reported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    ExpertIndex::open_in_dir(dir.path())
        .unwrap()
        .apply(vec![expert(1, "Hydrologist")], vec![], "1")
        .unwrap();
    std::fs::write(dir.path().join("meta.json"), b"{ this is not json \xff").unwrap();
    let error = ExpertIndex::open_in_dir(dir.path()).unwrap_err();
    assert!(matches!(error, SearchError::Corrupt(_)), "{error}");
}

#[test]
fn an_index_with_another_schema_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let mut builder = tantivy_schema();
    builder.add_text_field("something_else", tantivy::schema::STRING);
    tantivy::Index::create_in_dir(dir.path(), builder.build()).unwrap();
    let error = ExpertIndex::open_in_dir(dir.path()).unwrap_err();
    assert!(matches!(error, SearchError::Corrupt(_)), "{error}");
}

#[test]
fn a_missing_segment_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    ExpertIndex::open_in_dir(dir.path())
        .unwrap()
        .apply(corpus(), vec![], "1")
        .unwrap();
    let segment_file = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|ext| ext == "idx"))
        .expect("a segment file");
    std::fs::remove_file(segment_file).unwrap();
    let error = ExpertIndex::open_in_dir(dir.path()).unwrap_err();
    assert!(matches!(error, SearchError::Corrupt(_)), "{error}");
}

fn tantivy_schema() -> tantivy::schema::SchemaBuilder {
    tantivy::schema::Schema::builder()
}
