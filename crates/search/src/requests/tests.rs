//! Unit tests of the request index: relevance across languages, typos, skill boosts,
//! filters, browsing, cursors, highlights and the index lifecycle.

use super::*;

const DAY: i64 = 86_400;
const NOW: i64 = 1_780_000_000;

fn skill(id: &str, required: bool, labels: &[&str], broader: &[&str]) -> RequestSkill {
    RequestSkill {
        id: id.into(),
        required,
        labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        broader: broader.iter().map(|b| (*b).to_owned()).collect(),
    }
}

fn request(id: &str, title: &str, description: &str, opened_days_ago: i64) -> RequestDoc {
    RequestDoc {
        request_id: id.into(),
        title: title.into(),
        description: description.into(),
        institution_name: "University of Lagos".into(),
        country: "ng".into(),
        kind: "project".into(),
        languages: vec!["EN".into()],
        work_modes: vec!["REMOTE".into()],
        opened_at: NOW - opened_days_ago * DAY,
        ..RequestDoc::default()
    }
}

/// Four requests: a flood model (machine learning required), cardiology teaching (French),
/// a water-quality lab (hydrology optional) and a software course in Spanish.
fn corpus() -> RequestIndex {
    let index = RequestIndex::in_memory().unwrap();
    let mut flood = request(
        "r-flood",
        "Flood risk model for the Lagos lagoon",
        "Calibrate a hydrological model and train two engineers.",
        3,
    );
    flood.skills = vec![skill(
        "sk-ml",
        true,
        &[
            "utilize machine learning",
            "utiliser l'apprentissage automatique",
            "utilizar el aprendizaje automático",
        ],
        &["sk-data"],
    )];
    let mut cardio = request(
        "r-cardio",
        "Enseignement de la cardiologie interventionnelle",
        "Nous cherchons un cardiologue pour former nos internes.",
        10,
    );
    cardio.country = "SN".into();
    cardio.kind = "LECTURE".into();
    cardio.languages = vec!["fr".into()];
    cardio.institution_name = "Université Cheikh Anta Diop".into();
    let mut water = request(
        "r-water",
        "Water quality laboratory set-up",
        "Help us equip a laboratory to test drinking water.",
        30,
    );
    water.skills = vec![
        skill("sk-hydro", false, &["hydrology", "hydrologie"], &[]),
        skill("sk-deep", true, &["deep learning"], &["sk-ml"]),
    ];
    water.work_modes = vec!["ON_SITE".into()];
    let mut software = request(
        "r-soft",
        "Curso de ingeniería de software",
        "Buscamos ingenieros para un curso de arquitectura de software.",
        1,
    );
    software.country = "PE".into();
    software.kind = "TRAINING".into();
    software.languages = vec!["es".into()];
    index
        .apply(vec![flood, cardio, water, software], vec![], "7")
        .unwrap();
    index
}

fn search(index: &RequestIndex, q: RequestQuery) -> Vec<String> {
    let q = RequestQuery {
        limit: q.limit.max(10),
        now: NOW,
        ..q
    };
    index
        .search(&q)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.request_id)
        .collect()
}

fn text(text: &str) -> RequestQuery {
    RequestQuery {
        text: Some(text.into()),
        ..RequestQuery::default()
    }
}

#[test]
fn the_index_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<RequestIndex>();
}

#[test]
fn queries_in_any_language_find_requests_written_in_another() {
    let index = corpus();
    assert_eq!(search(&index, text("cardiologist")), ["r-cardio"]);
    let software = search(&index, text("software engineering"));
    assert_eq!(software[0], "r-soft", "{software:?}");
    assert_eq!(
        search(&index, text("aprendizaje automático")),
        ["r-flood"],
        "a Spanish label of the skill asked for"
    );
    assert_eq!(
        search(&index, text("hydrologie"))[0],
        "r-water",
        "a French label first"
    );
}

#[test]
fn one_typo_is_forgiven() {
    let index = corpus();
    assert_eq!(search(&index, text("laboratroy")), ["r-water"]);
    assert_eq!(search(&index, text("interventionelle")), ["r-cardio"]);
}

#[test]
fn skill_boosts_prefer_required_then_optional_then_narrower_skills() {
    let index = corpus();
    let boosted = |ids: &[&str]| {
        search(
            &index,
            RequestQuery {
                skill_boosts: ids.iter().map(|i| (*i).to_owned()).collect(),
                ..RequestQuery::default()
            },
        )
    };
    assert_eq!(
        boosted(&["sk-ml"]),
        ["r-flood", "r-water"],
        "asks for it, then asks for a narrower skill"
    );
    let page = index
        .search(&RequestQuery {
            skill_boosts: vec!["sk-hydro".into(), "sk-deep".into()],
            limit: 10,
            now: NOW,
            ..RequestQuery::default()
        })
        .unwrap();
    assert_eq!(page.hits[0].request_id, "r-water");
    assert_eq!(page.hits[0].matched_skill_ids, ["sk-hydro", "sk-deep"]);
}

#[test]
fn filters_combine_with_and_across_fields_and_or_within() {
    let index = corpus();
    let filtered = |filter: RequestFilter| {
        let mut ids = search(
            &index,
            RequestQuery {
                filter,
                ..RequestQuery::default()
            },
        );
        ids.sort();
        ids
    };
    let by_country = RequestFilter {
        countries: vec!["sn".into(), " PE ".into()],
        ..RequestFilter::default()
    };
    assert_eq!(filtered(by_country), ["r-cardio", "r-soft"]);
    let by_kind_and_language = RequestFilter {
        kinds: vec!["PROJECT".into()],
        languages: vec!["en".into()],
        ..RequestFilter::default()
    };
    assert_eq!(filtered(by_kind_and_language), ["r-flood", "r-water"]);
    let by_skill = RequestFilter {
        skill_ids: vec!["sk-hydro".into()],
        ..RequestFilter::default()
    };
    assert_eq!(filtered(by_skill), ["r-water"]);
    let by_mode = RequestFilter {
        work_modes: vec!["on_site".into()],
        ..RequestFilter::default()
    };
    assert_eq!(filtered(by_mode), ["r-water"]);
    let nothing = RequestFilter {
        countries: vec!["FR".into()],
        ..RequestFilter::default()
    };
    assert!(filtered(nothing).is_empty());
}

#[test]
fn no_text_browses_newest_first_and_unsearchable_text_finds_nothing() {
    let index = corpus();
    assert_eq!(
        search(&index, RequestQuery::default()),
        ["r-soft", "r-flood", "r-cardio", "r-water"]
    );
    assert!(search(&index, text("🚀 ?!")).is_empty());
}

#[test]
fn highlights_mark_matches_and_escape_the_rest() {
    let index = RequestIndex::in_memory().unwrap();
    let doc = request("r", "<b>Hydrology</b> & flood risk", "We model floods.", 0);
    index.apply(vec![doc], vec![], "1").unwrap();
    let page = index
        .search(&RequestQuery {
            now: NOW,
            ..text("flood")
        })
        .unwrap();
    assert_eq!(
        page.hits[0].highlights,
        [
            "&lt;b&gt;Hydrology&lt;/b&gt; &amp; <mark>flood</mark> risk",
            "We model <mark>floods</mark>."
        ]
    );
}

#[test]
fn every_hit_carries_a_cursor_and_pages_never_overlap_or_skip() {
    let index = RequestIndex::in_memory().unwrap();
    // One commit per request: several segments, ties on the opening day.
    for i in 0..11 {
        let id = format!("r-{:02}", (i * 5) % 11);
        let doc = request(&id, "water engineer", "", i % 3);
        index.apply(vec![doc], vec![], "p").unwrap();
    }
    for q in [RequestQuery::default(), text("water")] {
        let mut seen: Vec<String> = Vec::new();
        let mut after = None;
        loop {
            let page = index
                .search(&RequestQuery {
                    limit: 4,
                    after: after.clone(),
                    now: NOW,
                    ..q.clone()
                })
                .unwrap();
            assert_eq!(page.total, 11);
            seen.extend(page.hits.iter().map(|h| h.request_id.clone()));
            assert_eq!(
                page.next_cursor,
                page.hits
                    .last()
                    .map(|h| h.cursor.clone())
                    .filter(|_| seen.len() < 11)
            );
            match page.next_cursor {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 11, "{seen:?}");
        // Continuing after any hit gives exactly the hits that followed it.
        let all = index
            .search(&RequestQuery {
                limit: 20,
                now: NOW,
                ..q.clone()
            })
            .unwrap();
        let ids: Vec<&str> = all.hits.iter().map(|h| h.request_id.as_str()).collect();
        assert_eq!(ids, seen.iter().map(String::as_str).collect::<Vec<_>>());
        let third = &all.hits[2];
        let rest = index
            .search(&RequestQuery {
                limit: 20,
                after: Some(third.cursor.clone()),
                now: NOW,
                ..q.clone()
            })
            .unwrap();
        let rest: Vec<&str> = rest.hits.iter().map(|h| h.request_id.as_str()).collect();
        assert_eq!(rest, ids[3..]);
    }
}

#[test]
fn foreign_cursors_are_bad_cursors() {
    let index = corpus();
    let browse_cursor = index
        .search(&RequestQuery {
            limit: 1,
            now: NOW,
            ..RequestQuery::default()
        })
        .unwrap()
        .hits[0]
        .cursor
        .clone();
    for after in ["nope", "", browse_cursor.as_str()] {
        let result = index.search(&RequestQuery {
            after: Some(after.into()),
            ..text("water")
        });
        assert!(
            matches!(result, Err(SearchError::BadCursor(_))),
            "{after:?}: {result:?}"
        );
    }
}

#[test]
fn upserts_replace_deletes_remove_and_payloads_are_kept() {
    let index = corpus();
    assert_eq!(index.num_docs(), 4);
    assert_eq!(index.committed_payload().unwrap().as_deref(), Some("7"));
    let renamed = request("r-flood", "Drought early warning", "", 0);
    index
        .apply(vec![renamed], vec!["r-cardio".into()], "9")
        .unwrap();
    assert_eq!(index.num_docs(), 3);
    assert!(search(&index, text("cardiology")).is_empty());
    assert_eq!(search(&index, text("drought")), ["r-flood"]);
    assert!(search(&index, text("lagoon")).is_empty());
    assert!(matches!(
        index.apply(vec![request(" ", "x", "", 0)], vec![], "10"),
        Err(SearchError::InvalidEntry(_))
    ));
    assert_eq!(index.committed_payload().unwrap().as_deref(), Some("9"));
    index.clear("11").unwrap();
    assert_eq!(index.num_docs(), 0);
    let raw = index.store.index.load_metas().unwrap().payload.unwrap();
    assert_eq!(raw, format!("{FORMAT}11"));
}

#[test]
fn an_index_on_disk_survives_reopening_and_rejects_another_format() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = RequestIndex::open_in_dir(dir.path()).unwrap();
        index
            .apply(vec![request("r-1", "water", "", 0)], vec![], "3")
            .unwrap();
    }
    let index = RequestIndex::open_in_dir(dir.path()).unwrap();
    assert_eq!(index.committed_payload().unwrap().as_deref(), Some("3"));
    assert_eq!(index.num_docs(), 1);
    drop(index);
    let experts_dir = tempfile::tempdir().unwrap();
    crate::ExpertIndex::open_in_dir(experts_dir.path())
        .unwrap()
        .clear("1")
        .unwrap();
    assert!(matches!(
        RequestIndex::open_in_dir(experts_dir.path()),
        Err(SearchError::Corrupt(_))
    ));
}
