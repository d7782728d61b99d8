//! Tests of [`WordQuery`]: on a random corpus of three fields, it matches the same documents
//! with the same scores as the nested tantivy queries it replaces, iterated alone and sought
//! inside an intersection.

use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur};
use tantivy::schema::{Field, Schema, TEXT};
use tantivy::{Index, Searcher, TantivyDocument};

use super::*;
use crate::experts::coord;
use crate::experts::query::term_query;

const WORDS: [&str; 8] = [
    "alpha", "alphas", "beta", "betas", "gamma", "delta", "epsilon", "zeta",
];

/// A deterministic pseudo-random corpus: `docs` documents, three text fields.
fn corpus(docs: usize) -> (Index, [Field; 3]) {
    let mut builder = Schema::builder();
    let fields = ["a", "b", "c"].map(|name| builder.add_text_field(name, TEXT));
    let index = Index::create_in_ram(builder.build());
    let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
    let mut state = 0x2545_f491_u64;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) % n
    };
    for _ in 0..docs {
        let mut doc = TantivyDocument::default();
        for &field in &fields {
            let len = next(6);
            let text: Vec<&str> = (0..len).map(|_| WORDS[next(8) as usize]).collect();
            doc.add_text(field, text.join(" "));
        }
        writer.add_document(doc).unwrap();
    }
    writer.commit().unwrap();
    (index, fields)
}

const BOOSTS: [f32; 3] = [3.0, 1.5, 1.0];
const STEM_WEIGHT: f32 = 0.6;
const TIE: f32 = 0.2;

/// The word `exact` with stems `stems` over the three fields, flat.
fn flat(fields: &[Field; 3], exact: &str, stems: &[&str]) -> WordQuery {
    WordQuery {
        disjuncts: fields
            .iter()
            .zip(BOOSTS)
            .map(|(&field, boost)| Disjunct {
                boost,
                exact: vec![term_query(field, exact)],
                stems: stems.iter().map(|s| term_query(field, s)).collect(),
                stem_weight: STEM_WEIGHT,
            })
            .collect(),
        tie_breaker: TIE,
    }
}

/// The same word as nested tantivy queries (what `WordQuery` replaces).
fn nested(fields: &[Field; 3], exact: &str, stems: &[&str]) -> Box<dyn Query> {
    let disjuncts = fields
        .iter()
        .zip(BOOSTS)
        .map(|(&field, boost)| {
            let stems = stems.iter().map(|s| term_query(field, s)).collect();
            let stems: Box<dyn Query> = Box::new(BoostQuery::new(
                Box::new(DisjunctionMaxQuery::new(stems)),
                STEM_WEIGHT,
            ));
            let both = BooleanQuery::new(vec![
                (Occur::Should, term_query(field, exact)),
                (Occur::Should, stems),
            ]);
            Box::new(BoostQuery::new(Box::new(both), boost)) as Box<dyn Query>
        })
        .collect();
    Box::new(DisjunctionMaxQuery::with_tie_breaker(disjuncts, TIE))
}

/// Every hit `(doc, score)`, by doc.
fn hits(searcher: &Searcher, query: &dyn Query) -> Vec<(u32, f32)> {
    let mut hits = coord::tests::hits(searcher, query);
    hits.sort_by_key(|hit| hit.0);
    hits
}

fn assert_same(flat: &[(u32, f32)], nested: &[(u32, f32)]) {
    assert_eq!(flat.len(), nested.len(), "same number of hits");
    for (f, n) in flat.iter().zip(nested) {
        assert_eq!(f.0, n.0, "same documents");
        assert!(
            (f.1 - n.1).abs() <= 1e-4 * n.1.abs().max(1.0),
            "doc {}: flat {} vs nested {}",
            f.0,
            f.1,
            n.1
        );
    }
}

#[test]
fn scores_and_matches_like_the_nested_queries() {
    let (index, fields) = corpus(3_000);
    let searcher = index.reader().unwrap().searcher();
    for (exact, stems) in [
        ("alpha", &["alphas"][..]),
        ("beta", &["betas", "delta"][..]),
        ("zeta", &[][..]),
        ("missing", &["gamma"][..]),
    ] {
        let flat_hits = hits(&searcher, &flat(&fields, exact, stems));
        let nested_hits = hits(&searcher, nested(&fields, exact, stems).as_ref());
        assert!(!flat_hits.is_empty(), "{exact} matches something");
        assert_same(&flat_hits, &nested_hits);
    }
    let nothing = hits(&searcher, &flat(&fields, "missing", &["absent"]));
    assert!(nothing.is_empty());
}

#[test]
fn seeks_inside_an_intersection_like_the_nested_queries() {
    let (index, fields) = corpus(20_000);
    let searcher = index.reader().unwrap().searcher();
    // A rare lead (`epsilon` in field c) makes the intersection seek the word far ahead.
    let with_lead = |word: Box<dyn Query>| {
        BooleanQuery::new(vec![
            (Occur::Must, term_query(fields[2], "epsilon")),
            (Occur::Must, term_query(fields[0], "zeta")),
            (Occur::Must, word),
        ])
    };
    let flat_hits = hits(
        &searcher,
        &with_lead(Box::new(flat(&fields, "alpha", &["betas"]))),
    );
    let nested_hits = hits(&searcher, &with_lead(nested(&fields, "alpha", &["betas"])));
    assert!(flat_hits.len() > 10, "the intersection is not empty");
    assert_same(&flat_hits, &nested_hits);
}

#[test]
fn explains_matching_documents_and_refuses_others() {
    let (index, fields) = corpus(200);
    let searcher = index.reader().unwrap().searcher();
    let query = flat(&fields, "gamma", &[]);
    let weight = query
        .weight(EnableScoring::enabled_from_searcher(&searcher))
        .unwrap();
    let reader = searcher.segment_reader(0);
    let matched = hits(&searcher, &query);
    let (doc, score) = matched[0];
    let explained = weight.explain(reader, doc).unwrap();
    assert!((explained.value() - score).abs() < 1e-4);
    let unmatched = (0..200)
        .find(|d| matched.iter().all(|h| h.0 != *d))
        .unwrap();
    assert!(weight.explain(reader, unmatched).is_err());
}
