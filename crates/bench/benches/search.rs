//! Criterion micro-benchmarks of expert search: [`ExpertIndex::search`] over an in-memory
//! index of 10,000 generated experts (the relevance corpus, seed 42) for a few representative
//! queries, plain BM25 for comparison, the service's skill expansion, and the cost of the
//! analyzers on a profile and on a query.
//!
//! `cargo bench -p braingain-bench --bench search` (add `-- --quick` for a short run). The
//! query texts are taken from the workload generator so that they name occupations and
//! skills of the corpus.

#![expect(
    clippy::expect_used,
    reason = "benchmark setup: nothing to recover from"
)]

use std::hint::black_box;

use braingain_bench::areas;
use braingain_bench::corpus::{self, CorpusConfig, NOW};
use braingain_bench::esco::{self, Taxonomy};
use braingain_bench::queries::{self, Kind, Query};
use braingain_bench::systems::braingain::{MAX_EXPANDED_SKILLS, skill_entries};
use braingain_search::analysis::{self, FOLDED, MULTI_STEM};
use braingain_search::{ExpertFilter, ExpertIndex, ExpertQuery, SkillIndex, expansion};
use criterion::{Criterion, criterion_group, criterion_main};

const EXPERTS: usize = 10_000;
const SEED: u64 = 42;

/// The corpus, its index and the texts of the representative queries.
struct Setup {
    tax: Taxonomy,
    index: ExpertIndex,
    queries: Vec<Query>,
    bio: String,
}

fn setup() -> Setup {
    let tax = Taxonomy::load(&esco::default_dir()).expect("the ESCO extract");
    let areas = areas::choose(&tax, areas::all_areas(&tax), 150, SEED);
    let experts = corpus::generate(
        &tax,
        &areas,
        CorpusConfig {
            experts: EXPERTS,
            seed: SEED,
        },
    );
    let queries = queries::generate(&tax, &areas, &experts, 60, SEED);
    let index = ExpertIndex::in_memory().expect("an in-memory index");
    let bio = experts
        .iter()
        .map(|e| e.doc.bio.clone())
        .max_by_key(String::len)
        .unwrap_or_default();
    index
        .apply(
            experts.into_iter().map(|e| e.doc).collect(),
            Vec::new(),
            "bench",
        )
        .expect("indexing the corpus");
    Setup {
        tax,
        index,
        queries,
        bio,
    }
}

/// The first generated query of `kind`.
fn first(queries: &[Query], kind: Kind) -> &Query {
    queries
        .iter()
        .find(|q| q.kind == kind)
        .expect("a query of each kind")
}

/// The longest word of `text` (a one-word query).
fn longest_word(text: &str) -> String {
    text.split_whitespace()
        .max_by_key(|w| w.chars().count())
        .unwrap_or(text)
        .to_owned()
}

fn search(c: &mut Criterion) {
    let s = setup();
    let one_word = longest_word(&first(&s.queries, Kind::TitleEn).text);
    let cases: Vec<(&str, Option<String>, ExpertFilter)> = vec![
        ("one word", Some(one_word), ExpertFilter::default()),
        (
            "skill phrase",
            Some(first(&s.queries, Kind::SkillsEn).text.clone()),
            ExpertFilter::default(),
        ),
        (
            "multilingual (fr title)",
            Some(first(&s.queries, Kind::TitleFr).text.clone()),
            ExpertFilter::default(),
        ),
        (
            "typo",
            Some(first(&s.queries, Kind::TitleTypo).text.clone()),
            ExpertFilter::default(),
        ),
        (
            "filter-only browse",
            None,
            ExpertFilter {
                residence_countries: vec!["NL".into(), "FR".into()],
                languages: vec!["fr".into()],
                ..ExpertFilter::default()
            },
        ),
    ];
    let mut group = c.benchmark_group("expert_search_10k");
    for (name, text, filter) in &cases {
        let query = ExpertQuery {
            text: text.clone(),
            filter: filter.clone(),
            limit: 20,
            now: NOW,
            ..ExpertQuery::default()
        };
        eprintln!("{name}: {text:?}");
        group.bench_function(*name, |b| {
            b.iter(|| s.index.search(black_box(&query)).expect("search"));
        });
    }
    let phrase = first(&s.queries, Kind::SkillsEn).text.clone();
    for (name, all_terms) in [
        ("plain BM25 any term", false),
        ("plain BM25 all terms", true),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                s.index
                    .plain_bm25(black_box(&phrase), all_terms, 10)
                    .expect("plain BM25")
            });
        });
    }
    group.finish();

    let skills = SkillIndex::build(skill_entries(&s.tax)).expect("the skill index");
    let fr = first(&s.queries, Kind::SkillsFrEs);
    c.bench_function("skill expansion (fr/es skill phrase)", |b| {
        b.iter(|| {
            expansion::skills_meant_by(
                &skills,
                black_box(&fr.text),
                Some(fr.lang),
                MAX_EXPANDED_SKILLS,
            )
            .expect("expansion")
        });
    });

    let mut group = c.benchmark_group("analysis");
    let mut multi = analysis::analyzer(MULTI_STEM).expect("the multi-stem analyzer");
    group.bench_function("multi-stem, longest biography", |b| {
        b.iter(|| analysis::tokens(&mut multi, black_box(&s.bio)));
    });
    let mut folded = analysis::analyzer(FOLDED).expect("the folded analyzer");
    group.bench_function("folded, skill phrase query", |b| {
        b.iter(|| analysis::tokens(&mut folded, black_box(&phrase)));
    });
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
