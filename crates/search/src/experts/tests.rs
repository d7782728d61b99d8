//! Unit tests of the index lifecycle details that the black-box tests cannot see.

use super::*;

fn doc(id: &str, headline: &str, last_active: i64) -> ExpertDoc {
    ExpertDoc {
        profile_id: id.into(),
        headline: headline.into(),
        residence_country: "NG".into(),
        last_active,
        ..ExpertDoc::default()
    }
}

#[test]
fn the_index_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ExpertIndex>();
}

#[test]
fn payloads_carry_the_format_prefix_on_disk_but_not_in_the_api() {
    let index = ExpertIndex::in_memory().unwrap();
    assert_eq!(index.committed_payload().unwrap(), None);
    index.apply(vec![doc("a", "x", 0)], vec![], "42").unwrap();
    assert_eq!(index.committed_payload().unwrap().as_deref(), Some("42"));
    let raw = index.store.index.load_metas().unwrap().payload.unwrap();
    assert_eq!(raw, format!("{FORMAT}42"));
}

#[test]
fn pages_are_stable_across_several_segments() {
    let index = ExpertIndex::in_memory().unwrap();
    // One commit per document: several segments, so the merge of per-segment tops and the
    // per-segment cursor ordinals are exercised.
    let mut expected_browse = Vec::new();
    for i in 0..12 {
        let id = format!("id-{:02}", (i * 7) % 12);
        let last_active = 100 * (i % 3);
        index
            .apply(vec![doc(&id, "water engineer", last_active)], vec![], "p")
            .unwrap();
        expected_browse.push((-last_active, id));
    }
    expected_browse.sort();
    let expected_browse: Vec<String> = expected_browse.into_iter().map(|(_, id)| id).collect();
    assert!(index.store.searcher().segment_readers().len() > 1);
    for text in [None, Some("water")] {
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = index
                .search(&ExpertQuery {
                    text: text.map(str::to_owned),
                    limit: 5,
                    after: after.clone(),
                    ..ExpertQuery::default()
                })
                .unwrap();
            assert_eq!(page.total, 12);
            seen.extend(page.hits.iter().map(|h| (h.score, h.profile_id.clone())));
            match page.next_cursor {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        let ids: Vec<String> = seen.iter().map(|(_, id)| id.clone()).collect();
        if text.is_none() {
            assert_eq!(ids, expected_browse, "by last activity, then id");
            continue;
        }
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 12, "every hit once: {seen:?}");
        for pair in seen.windows(2) {
            assert!(pair[0].0 >= pair[1].0, "scores never increase: {seen:?}");
            if pair[0].0 == pair[1].0 {
                assert!(pair[0].1 < pair[1].1, "ties by id: {seen:?}");
            }
        }
    }
}

#[test]
fn a_cursor_of_the_other_mode_is_rejected() {
    let index = ExpertIndex::in_memory().unwrap();
    let docs = (0..3).map(|i| doc(&format!("{i}"), "water", i)).collect();
    index.apply(docs, vec![], "p").unwrap();
    let browse = ExpertQuery {
        limit: 1,
        ..ExpertQuery::default()
    };
    let cursor = index.search(&browse).unwrap().next_cursor.unwrap();
    let text = ExpertQuery {
        text: Some("water".into()),
        after: Some(cursor),
        ..ExpertQuery::default()
    };
    assert!(matches!(
        index.search(&text),
        Err(SearchError::BadCursor(_))
    ));
}

#[test]
fn a_read_only_index_searches_beside_the_writer_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let writer = ExpertIndex::open_in_dir(dir.path()).unwrap();
    writer
        .apply(vec![doc("a", "water engineer", 0)], vec![], "7")
        .unwrap();
    // The writer still holds the lock: an ordinary open fails, a read-only one does not.
    assert!(ExpertIndex::open_in_dir(dir.path()).is_err());
    let reader = ExpertIndex::open_read_only(dir.path()).unwrap();
    assert_eq!(reader.num_docs(), 1);
    assert_eq!(reader.committed_payload().unwrap().as_deref(), Some("7"));
    let found = reader
        .search(&ExpertQuery {
            text: Some("engineers".into()),
            limit: 10,
            ..ExpertQuery::default()
        })
        .unwrap();
    assert_eq!(found.hits.len(), 1);
    assert!(reader.apply(vec![doc("b", "x", 0)], vec![], "8").is_err());
    assert!(reader.clear("8").is_err());
    // It sees the commit it was opened on, not later ones.
    writer
        .apply(vec![doc("b", "water", 0)], vec![], "8")
        .unwrap();
    assert_eq!(reader.num_docs(), 1);
    reader.close().unwrap();
    writer.close().unwrap();
    let empty = tempfile::tempdir().unwrap();
    assert!(matches!(
        ExpertIndex::open_read_only(empty.path()),
        Err(SearchError::Corrupt(_))
    ));
}

/// Profile ids with the words their headlines hold.
type Profiles = Vec<(String, Vec<&'static str>)>;
/// A word and which profiles (by number) hold it.
type Rule = (&'static str, fn(usize) -> bool);

/// 90 profiles whose headlines hold `water` (i % 3 ≠ 0), `engineer` (i even), `flood`
/// (i % 5 < 3) and `model` (i % 7 < 4), and always `consultant`.
fn matching_corpus() -> (ExpertIndex, Profiles) {
    let index = ExpertIndex::in_memory().unwrap();
    let rules: [Rule; 4] = [
        ("water", |i| i % 3 != 0),
        ("engineer", |i| i % 2 == 0),
        ("flood", |i| i % 5 < 3),
        ("model", |i| i % 7 < 4),
    ];
    let profiles: Profiles = (0..90)
        .map(|i| {
            let words = rules.iter().filter(|(_, has)| has(i)).map(|(w, _)| *w);
            (format!("p{i:02}"), words.collect())
        })
        .collect();
    let docs = profiles
        .iter()
        .map(|(id, words)| doc(id, &format!("{} consultant", words.join(" ")), 0))
        .collect();
    index.apply(docs, vec![], "p").unwrap();
    (index, profiles)
}

/// The total and every hit of `text`, over all pages of 7 (which agree on the total).
fn all_pages(index: &ExpertIndex, text: &str) -> (usize, Vec<String>) {
    let (mut ids, mut after, mut totals) = (Vec::new(), None, Vec::new());
    loop {
        let page = index
            .search(&ExpertQuery {
                text: Some(text.into()),
                limit: 7,
                after: after.take(),
                ..ExpertQuery::default()
            })
            .unwrap();
        totals.push(page.total);
        ids.extend(page.hits.into_iter().map(|h| h.profile_id));
        match page.next_cursor {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    totals.dedup();
    assert_eq!(totals.len(), 1, "{text:?}: one total on every page");
    ids.sort();
    (totals[0], ids)
}

/// The profiles holding at least `k` of `words`.
fn holding(profiles: &[(String, Vec<&str>)], words: &[&str], k: usize) -> Vec<String> {
    profiles
        .iter()
        .filter(|(_, has)| words.iter().filter(|w| has.contains(w)).count() >= k)
        .map(|(id, _)| id.clone())
        .collect()
}

#[test]
fn most_words_must_match_unless_too_few_profiles_do() {
    let (index, profiles) = matching_corpus();
    // Two words: both required (30 profiles, above the threshold).
    let both = holding(&profiles, &["water", "engineer"], 2);
    assert!(both.len() >= MIN_STRICT_MATCHES);
    assert_eq!(all_pages(&index, "water engineer"), (both.len(), both));
    // Four words: any three of them.
    let words = ["flood", "water", "model", "engineer"];
    let three = holding(&profiles, &words, 3);
    assert!(three.len() >= MIN_STRICT_MATCHES && three.len() < holding(&profiles, &words, 2).len());
    assert_eq!(
        all_pages(&index, "flood water model engineer"),
        (three.len(), three)
    );
    // Stop words never count: "water and engineer" is the two-word query.
    assert_eq!(all_pages(&index, "water and engineer").0, 30);
    // A word nobody has: no profile holds all three, so two of the three are enough (every
    // page keeps that matching)...
    let two = holding(&profiles, &["water", "engineer"], 2);
    assert!(two.len() >= MIN_STRICT_MATCHES);
    assert_eq!(
        all_pages(&index, "water engineer xylophone"),
        (two.len(), two)
    );
    // ...and when too few hold two of them either, any one word is.
    let water = holding(&profiles, &["water"], 1);
    assert_eq!(
        all_pages(&index, "water zebra xylophone"),
        (water.len(), water)
    );
    // Seven words (five required): four of them, before three, before any one.
    let seven = "flood water model engineer xylophone zebra quokka";
    let four = holding(&profiles, &["flood", "water", "model", "engineer"], 4);
    assert!(
        four.len() < MIN_STRICT_MATCHES,
        "four of seven is too few here"
    );
    let three = holding(&profiles, &["flood", "water", "model", "engineer"], 3);
    assert_eq!(all_pages(&index, seven), (three.len(), three));
}

#[test]
fn later_pages_keep_the_first_pages_matching() {
    let (index, profiles) = matching_corpus();
    let query = |after: Option<String>| ExpertQuery {
        text: Some("water engineer".into()),
        limit: 10,
        after,
        ..ExpertQuery::default()
    };
    let first = index.search(&query(None)).unwrap();
    assert_eq!(first.total, 30, "strict");
    // 15 profiles holding both words go: a new search would now match any word...
    let both = holding(&profiles, &["water", "engineer"], 2);
    let gone: Vec<String> = both.iter().rev().take(15).cloned().collect();
    index.apply(vec![], gone, "q").unwrap();
    let either = holding(&profiles, &["water", "engineer"], 1).len() - 15;
    assert_eq!(index.search(&query(None)).unwrap().total, either);
    // ...but the second page still requires both.
    let second = index.search(&query(first.next_cursor)).unwrap();
    assert_eq!(second.total, 15);
    let held = |id: &String| both.contains(id);
    assert!(second.hits.iter().all(|h| held(&h.profile_id)));

    // The other way: a relaxed first page stays relaxed when strict would now do.
    let (index, _) = matching_corpus();
    let text = |after: Option<String>| ExpertQuery {
        text: Some("engineer zebra".into()),
        limit: 10,
        after,
        ..ExpertQuery::default()
    };
    let first = index.search(&text(None)).unwrap();
    assert_eq!(first.total, 45, "nobody holds zebra: any word");
    let zebras = (0..25)
        .map(|i| doc(&format!("z{i:02}"), "engineer zebra", 0))
        .collect();
    index.apply(zebras, vec![], "r").unwrap();
    assert_eq!(index.search(&text(None)).unwrap().total, 25, "now strict");
    let second = index.search(&text(first.next_cursor)).unwrap();
    assert_eq!(second.total, 70, "still any word");
}

/// Facet counts by value for `field` over a search for `text`.
fn facet(index: &ExpertIndex, text: &str, field: &str) -> Vec<(String, u64)> {
    let found = index
        .search(&ExpertQuery {
            text: Some(text.into()),
            limit: 1,
            facet_fields: vec![field.into()],
            ..ExpertQuery::default()
        })
        .unwrap();
    found.facets.get(field).cloned().unwrap_or_default()
}

#[test]
fn facet_values_unpacked_per_segment_follow_new_segments_deletes_and_rebuilds() {
    let index = ExpertIndex::in_memory().unwrap();
    let speaking = |id: &str, languages: &[&str]| ExpertDoc {
        languages: languages.iter().map(|l| (*l).to_owned()).collect(),
        ..doc(id, "water engineer", 0)
    };
    index
        .apply(
            vec![speaking("a", &["fr", "en"]), speaking("b", &["fr"])],
            vec![],
            "1",
        )
        .unwrap();
    let counts = |pairs: &[(&str, u64)]| -> Vec<(String, u64)> {
        pairs.iter().map(|(v, c)| ((*v).to_owned(), *c)).collect()
    };
    assert_eq!(
        facet(&index, "water", "language"),
        counts(&[("fr", 2), ("en", 1)])
    );
    assert_eq!(index.facet_values.len(), 1, "one segment's column unpacked");
    // A new segment, and a document of the first one replaced (deleted there).
    index
        .apply(
            vec![speaking("b", &["ha"]), speaking("c", &["ha", "en"])],
            vec![],
            "2",
        )
        .unwrap();
    assert_eq!(
        facet(&index, "water", "language"),
        counts(&[("en", 2), ("ha", 2), ("fr", 1)])
    );
    assert_eq!(index.facet_values.len(), 2);
    let batches = vec![Ok::<_, SearchError>(vec![speaking("z", &["yo"])])];
    index.rebuild(batches.into_iter(), "3").unwrap();
    assert_eq!(facet(&index, "water", "language"), counts(&[("yo", 1)]));
    assert_eq!(
        index.facet_values.len(),
        1,
        "the old segments are forgotten"
    );
    // Warming up unpacks every facet of every segment before any search asks.
    let warm = ExpertIndex::in_memory().unwrap();
    warm.apply(vec![speaking("a", &["fr"])], vec![], "1")
        .unwrap();
    warm.apply(vec![speaking("b", &["en"])], vec![], "2")
        .unwrap();
    assert_eq!(warm.facet_values.len(), 0);
    assert_eq!(warm.warm_up().unwrap(), 2);
    assert_eq!(warm.facet_values.len(), 2 * FACET_FIELDS.len());
    assert_eq!(
        facet(&warm, "water", "language"),
        counts(&[("en", 1), ("fr", 1)])
    );
    assert_eq!(warm.facet_values.len(), 2 * FACET_FIELDS.len(), "reused");
}
