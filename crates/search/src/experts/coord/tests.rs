//! Tests of [`CoordQuery`]: coordination, optional words, and k-of-n matching checked
//! against a brute-force count on a random corpus, alone and inside an intersection.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TEXT};
use tantivy::{Index, Searcher, TantivyDocument};

use super::*;

fn index_of(bodies: &[String]) -> (Index, Field) {
    let mut builder = Schema::builder();
    let text = builder.add_text_field("text", TEXT);
    let index = Index::create_in_ram(builder.build());
    let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
    for body in bodies {
        let mut doc = TantivyDocument::default();
        doc.add_text(text, body);
        writer.add_document(doc).unwrap();
    }
    writer.commit().unwrap();
    (index, text)
}

fn term(field: Field, word: &str) -> Box<dyn Query> {
    let term = Term::from_field_text(field, word);
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

fn coord(field: Field, required: &[&str], optional: &[&str], min_required: usize) -> CoordQuery {
    CoordQuery {
        required: required.iter().map(|w| (1.0, term(field, w))).collect(),
        optional: optional.iter().map(|w| term(field, w)).collect(),
        min_required,
    }
}

/// Every hit `(doc, score)`, best first then by doc (the count checked against `Count`).
pub(crate) fn hits(searcher: &Searcher, query: &dyn Query) -> Vec<(u32, f32)> {
    let top = TopDocs::with_limit(10_000).order_by_score();
    let mut hits: Vec<(u32, f32)> = searcher
        .search(query, &top)
        .unwrap()
        .into_iter()
        .map(|(score, address)| (address.doc_id, score))
        .collect();
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    assert_eq!(searcher.search(query, &Count).unwrap(), hits.len());
    hits
}

/// Docs: 0 "alpha", 1 "alpha beta", 2 "beta beta beta in", 3 "gamma in".
fn search(required: &[&str], optional: &[&str]) -> Vec<(u32, f32)> {
    let bodies = ["alpha", "alpha beta", "beta beta beta in", "gamma in"].map(String::from);
    let (index, text) = index_of(&bodies);
    let searcher = index.reader().unwrap().searcher();
    hits(&searcher, &coord(text, required, optional, 1))
}

#[test]
fn documents_matching_every_word_come_first() {
    let hits = search(&["alpha", "beta"], &[]);
    let docs: Vec<u32> = hits.iter().map(|h| h.0).collect();
    assert_eq!(docs[0], 1, "{hits:?}");
    assert_eq!(docs.len(), 3);
}

#[test]
fn optional_words_score_but_never_match_alone() {
    let without = search(&["beta"], &[]);
    let with = search(&["beta"], &["in"]);
    let docs: Vec<u32> = with.iter().map(|h| h.0).collect();
    assert!(!docs.contains(&3), "'in' alone does not match: {with:?}");
    let score = |hits: &[(u32, f32)], doc| hits.iter().find(|h| h.0 == doc).unwrap().1;
    assert!(score(&with, 2) > score(&without, 2));
    assert!((score(&with, 1) - score(&without, 1)).abs() < 1e-6);
}

#[test]
fn required_matches_follow_the_query_length() {
    let k: Vec<usize> = (0..=16).map(required_matches).collect();
    assert_eq!(
        k,
        [0, 1, 2, 3, 3, 4, 5, 5, 6, 6, 7, 8, 8, 9, 10, 10, 11],
        "all up to 3, all but one up to 6, then two thirds rounded up"
    );
    assert_eq!(Matching::Any.min_required(5), 1);
    assert_eq!(Matching::Any.min_required(0), 0);
    assert_eq!(Matching::Most.min_required(5), 4);
}

/// A deterministic corpus of 2,000 documents over six words of very different frequencies
/// (`w0` in about 1 % of documents up to `w5` in about 60 %), plus a filter word `f` in a
/// third of them.
fn random_corpus() -> (Vec<Vec<usize>>, Vec<bool>, Vec<String>) {
    const SHARES: [u64; 6] = [1, 5, 15, 30, 45, 60];
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) % 100
    };
    let (mut words, mut filtered, mut bodies) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..2000 {
        let has: Vec<usize> = (0..SHARES.len()).filter(|&w| next() < SHARES[w]).collect();
        let f = next() < 33;
        let mut body: Vec<String> = has.iter().map(|w| format!("w{w}")).collect();
        if f {
            body.push("f".into());
        }
        body.push("filler".into());
        bodies.push(body.join(" "));
        words.push(has);
        filtered.push(f);
    }
    (words, filtered, bodies)
}

#[test]
fn k_of_n_matches_exactly_the_documents_with_k_words_and_keeps_their_scores() {
    let (words, filtered, bodies) = random_corpus();
    let (index, text) = index_of(&bodies);
    let searcher = index.reader().unwrap().searcher();
    // Listed in an order unrelated to their frequencies: the scorer picks its own lead.
    let query_words: Vec<Vec<&str>> = vec![
        vec!["w3", "w0"],
        vec!["w5", "w1", "w4"],
        vec!["w2", "w5", "w0", "w4", "w3", "w1"],
        vec!["w4", "w5", "w3", "absent"],
    ];
    for query in query_words {
        let n = query.len();
        let wanted: Vec<usize> = query
            .iter()
            .map(|w| w[1..].parse().unwrap_or(usize::MAX))
            .collect();
        let any = hits(&searcher, &coord(text, &query, &[], 1));
        for k in 1..=n {
            let count = |doc: usize| wanted.iter().filter(|w| words[doc].contains(w)).count();
            let expected: Vec<u32> = (0..words.len())
                .filter(|&doc| count(doc) >= k)
                .map(|doc| u32::try_from(doc).unwrap())
                .collect();
            let strict = hits(&searcher, &coord(text, &query, &[], k));
            let mut docs: Vec<u32> = strict.iter().map(|h| h.0).collect();
            docs.sort_unstable();
            assert_eq!(docs, expected, "{query:?}, k = {k}");
            // Same scores as the any-word query gives those documents.
            for (doc, score) in &strict {
                let same = any.iter().find(|h| h.0 == *doc).map(|h| h.1);
                assert_eq!(same, Some(*score), "{query:?}, k = {k}, doc {doc}");
            }
            // Inside an intersection the scorer is driven by `seek`.
            let within = BooleanQuery::new(vec![
                (Occur::Must, term(text, "f")),
                (
                    Occur::Must,
                    Box::new(coord(text, &query, &[], k)) as Box<dyn Query>,
                ),
            ]);
            let mut docs: Vec<u32> = hits(&searcher, &within).iter().map(|h| h.0).collect();
            docs.sort_unstable();
            let expected: Vec<u32> = expected
                .into_iter()
                .filter(|&doc| filtered[doc as usize])
                .collect();
            assert_eq!(docs, expected, "{query:?}, k = {k}, filtered");
        }
    }
}

#[test]
fn the_rarest_words_lead() {
    let (_, _, bodies) = random_corpus();
    let (index, text) = index_of(&bodies);
    let searcher = index.reader().unwrap().searcher();
    let segment = &searcher.segment_readers()[0];
    let cost = |query: &CoordQuery| {
        let weight = query.weight(EnableScoring::enabled_from_searcher(&searcher));
        weight.unwrap().scorer(segment, 1.0).unwrap().cost()
    };
    let single = |word: &str| cost(&coord(text, &[word], &[], 1));
    let words = ["w5", "w0", "w3", "w1"];
    // All four: driven by the rarest alone; three of four: by the two rarest; any: by all.
    assert_eq!(cost(&coord(text, &words, &[], 4)), single("w0"));
    assert_eq!(
        cost(&coord(text, &words, &[], 3)),
        single("w0") + single("w1")
    );
    let all: u64 = words.iter().map(|w| single(w)).sum();
    assert_eq!(cost(&coord(text, &words, &[], 1)), all);
}
