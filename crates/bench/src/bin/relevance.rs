//! The relevance evaluation: generates the corpus, the search queries and the matching
//! requests, runs every system, prints the figures.
//! `cargo run --release -p braingain-bench --bin relevance -- --help`.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, bail};
use braingain_bench::areas;
use braingain_bench::corpus::{self, CorpusConfig};
use braingain_bench::esco::{self, Taxonomy};
use braingain_bench::matching::{self, MatchRequest};
use braingain_bench::queries;
use braingain_bench::report::{self, Judgements};
use braingain_bench::systems::Run;
use braingain_bench::systems::braingain::BrainGain;
use braingain_bench::systems::postgres::{self, Baseline, Match};

const HELP: &str = "\
relevance: BrainGain expert search and request matching vs a PostgreSQL full-text baseline
on a generated corpus

Options:
  --experts N       experts in the corpus (default 5000)
  --seed S          seed of the corpus and queries (default 42)
  --occupations N   occupations (expertise areas) in the corpus (default 150)
  --queries N       evaluation queries (default 120)
  --requests N      matching requests, request -> experts (default 120; 0 skips matching)
  --esco DIR        directory of skills.tsv.gz and occupations.tsv.gz (default assets/esco)
  --no-postgres     skip the PostgreSQL baseline
  --json FILE       also write per-query scores as JSON
  --show-queries    print every query with its grade counts and NDCG@10 per system
  --show-areas      print every expertise area (occupation: core skills | neighbours)

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a
scratch database bg_relevance_<random> is created there and dropped at the end.";

struct Args {
    experts: usize,
    seed: u64,
    occupations: usize,
    queries: usize,
    requests: usize,
    esco: PathBuf,
    postgres: bool,
    json: Option<PathBuf>,
    show_queries: bool,
    show_areas: bool,
}

fn parse_args() -> anyhow::Result<Option<Args>> {
    let mut args = Args {
        experts: 5000,
        seed: 42,
        occupations: 150,
        queries: 120,
        requests: 120,
        esco: esco::default_dir(),
        postgres: true,
        json: None,
        show_queries: false,
        show_areas: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--experts" => args.experts = value()?.parse().context("--experts")?,
            "--seed" => args.seed = value()?.parse().context("--seed")?,
            "--occupations" => args.occupations = value()?.parse().context("--occupations")?,
            "--queries" => args.queries = value()?.parse().context("--queries")?,
            "--requests" => args.requests = value()?.parse().context("--requests")?,
            "--esco" => args.esco = value()?.into(),
            "--json" => args.json = Some(value()?.into()),
            "--no-postgres" => args.postgres = false,
            "--show-queries" => args.show_queries = true,
            "--show-areas" => args.show_areas = true,
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(None);
            }
            other => bail!("unknown argument {other:?} (see --help)"),
        }
    }
    if args.experts == 0 || args.occupations == 0 || args.queries == 0 {
        bail!("--experts, --occupations and --queries must be positive");
    }
    Ok(Some(args))
}

/// Runs the PostgreSQL variants on each set of query texts (one list of runs per set),
/// always dropping the scratch database.
async fn postgres_runs(
    docs: &[braingain_search::ExpertDoc],
    sets: &[Vec<String>],
) -> anyhow::Result<Vec<Vec<Run>>> {
    let url = std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| postgres::DEFAULT_URL.into());
    let mut baseline = match Baseline::create(&url).await {
        Ok(b) => b,
        Err(e) => {
            println!("PostgreSQL baseline skipped: cannot use {url}: {e:#}");
            return Ok(vec![Vec::new(); sets.len()]);
        }
    };
    let started = Instant::now();
    let result = async {
        baseline.load(docs).await?;
        eprintln!(
            "postgres: loaded and indexed {} rows in {} in {:.1} s",
            docs.len(),
            baseline.name(),
            started.elapsed().as_secs_f64()
        );
        let mut all = Vec::new();
        for texts in sets {
            let mut runs = Vec::new();
            for cfg in postgres::CONFIGS {
                for mode in [Match::Any, Match::All] {
                    runs.push(baseline.run(cfg, mode, texts).await?);
                }
            }
            all.push(runs);
        }
        anyhow::Ok(all)
    }
    .await;
    let dropped = baseline.drop_database().await;
    let runs = result?;
    dropped?;
    Ok(runs)
}

/// Judges every expert for every matching request.
fn match_judgements(
    requests: &[MatchRequest],
    experts: &[corpus::Expert],
    languages: bool,
) -> Judgements {
    let grades = requests
        .iter()
        .map(|r| {
            experts
                .iter()
                .filter_map(|e| {
                    let g = matching::grade(r, e, languages);
                    (g > 0).then(|| (e.profile_id.clone(), g))
                })
                .collect()
        })
        .collect();
    Judgements { grades }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Some(args) = parse_args()? else {
        return Ok(());
    };
    let total = Instant::now();
    let step = Instant::now();
    let tax = Taxonomy::load(&args.esco)?;
    let all = areas::all_areas(&tax);
    let areas = areas::choose(&tax, all, args.occupations, args.seed);
    let mut majors: Vec<char> = areas
        .iter()
        .filter_map(|a| tax.occupations[a.occupation].isco.chars().next())
        .collect();
    majors.sort_unstable();
    majors.dedup();
    let experts = corpus::generate(
        &tax,
        &areas,
        CorpusConfig {
            experts: args.experts,
            seed: args.seed,
        },
    );
    let queries = queries::generate(&tax, &areas, &experts, args.queries, args.seed);
    let judgements = Judgements::new(&queries, &areas, &experts);
    let sizes: Vec<usize> = areas.iter().map(|a| a.skills.len()).collect();
    eprintln!(
        "corpus: {} experts, {} occupations in {} ISCO major groups, {}–{} skills per area (mean {:.1}), {} queries; {:.1} s",
        experts.len(),
        areas.len(),
        majors.len(),
        sizes.iter().min().unwrap_or(&0),
        sizes.iter().max().unwrap_or(&0),
        sizes.iter().sum::<usize>() as f64 / sizes.len().max(1) as f64,
        queries.len(),
        step.elapsed().as_secs_f64()
    );
    if args.show_areas {
        for a in &areas {
            let label = |s: &usize| tax.skills[*s].label(0).to_owned();
            println!(
                "{} [{}]: {} | {}",
                tax.occupations[a.occupation].labels[0].preferred,
                tax.occupations[a.occupation].isco,
                a.core_skills()
                    .iter()
                    .map(label)
                    .collect::<Vec<_>>()
                    .join("; "),
                a.skills[a.core..]
                    .iter()
                    .map(label)
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
    }
    let graded: Vec<[usize; 3]> = (0..queries.len())
        .map(|q| {
            [
                judgements.count(q, 3),
                judgements.count(q, 2),
                judgements.count(q, 1),
            ]
        })
        .collect();
    let mean_of =
        |g: usize| graded.iter().map(|c| c[g]).sum::<usize>() as f64 / graded.len().max(1) as f64;
    eprintln!(
        "judgements per query (mean): grade 3 {:.1}, grade 2 {:.1}, grade 1 {:.1}",
        mean_of(0),
        mean_of(1),
        mean_of(2)
    );

    let step = Instant::now();
    let docs: Vec<_> = experts.iter().map(|e| e.doc.clone()).collect();
    let braingain = BrainGain::build(&tax, docs.clone())?;
    eprintln!(
        "braingain: indexes built in {:.1} s",
        step.elapsed().as_secs_f64()
    );
    let mut runs = vec![
        braingain.run("BrainGain", &queries, true)?,
        braingain.run("BrainGain, text only", &queries, false)?,
    ];
    let expanded = queries
        .iter()
        .filter(|q| {
            braingain
                .skill_boosts(&q.text, q.lang)
                .is_ok_and(|b| !b.is_empty())
        })
        .count();
    eprintln!(
        "braingain: skill expansion found skills for {expanded} of {} queries",
        queries.len()
    );
    let requests = matching::generate(&tax, &areas, &experts, args.requests, args.seed);
    let mut match_runs = Vec::new();
    if !requests.is_empty() {
        match_runs.push(braingain.match_requests(
            "BrainGain matchExperts",
            &tax,
            &experts,
            &requests,
            true,
        )?);
        match_runs.push(braingain.match_requests(
            "BrainGain, index order",
            &tax,
            &experts,
            &requests,
            false,
        )?);
    }
    if args.postgres {
        let texts = vec![
            queries.iter().map(|q| q.text.clone()).collect(),
            requests.iter().map(|r| r.text(&tax)).collect(),
        ];
        let mut pg = postgres_runs(&docs, &texts).await?.into_iter();
        runs.extend(pg.next().unwrap_or_default());
        if !requests.is_empty() {
            match_runs.extend(pg.next().unwrap_or_default());
        }
    } else {
        println!("PostgreSQL baseline skipped: --no-postgres");
    }

    let scores: Vec<_> = runs.iter().map(|r| report::score(r, &judgements)).collect();
    println!(
        "\n## Relevance: {} experts, {} queries, seed {}\n",
        experts.len(),
        queries.len(),
        args.seed
    );
    println!("{}", report::summary_table(&scores));
    println!("NDCG@10 / MRR by query kind:\n");
    println!("{}", report::by_kind_table(&scores, &queries));
    if args.show_queries {
        for (i, q) in queries.iter().enumerate() {
            let per: Vec<String> = scores
                .iter()
                .map(|s| format!("{:.2}", s.queries.get(i).map_or(0.0, |x| x.ndcg)))
                .collect();
            println!(
                "{:>3} {:<24} {:<60} g3={:<3} g2={:<3} g1={:<3} {}",
                i,
                q.kind.name(),
                format!("{:?}", q.text),
                graded[i][0],
                graded[i][1],
                graded[i][2],
                per.join(" ")
            );
        }
    }
    let match_scores = if requests.is_empty() {
        Vec::new()
    } else {
        print_matching(&requests, &experts, &match_runs)
    };
    if let Some(path) = &args.json {
        let detail = serde_json::json!({
            "experts": experts.len(),
            "seed": args.seed,
            "queries": queries.iter().map(|q| serde_json::json!({
                "kind": q.kind.name(), "text": q.text, "lang": q.lang,
                "occupation": tax.occupations[areas[q.area].occupation].labels[0].preferred,
            })).collect::<Vec<_>>(),
            "systems": scores,
            "requests": requests.iter().map(|r| serde_json::json!({
                "text": r.text(&tax), "lang": r.lang,
                "required": r.required.iter().map(|&(s, l)| (tax.skills[s].label(0), l)).collect::<Vec<_>>(),
                "occupation": tax.occupations[areas[r.area].occupation].labels[0].preferred,
            })).collect::<Vec<_>>(),
            "matching": match_scores,
        });
        std::fs::write(path, serde_json::to_vec_pretty(&detail)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    eprintln!("total: {:.1} s", total.elapsed().as_secs_f64());
    Ok(())
}

/// Scores and prints the matching evaluation; returns the scores (with languages judged).
fn print_matching(
    requests: &[MatchRequest],
    experts: &[corpus::Expert],
    runs: &[Run],
) -> Vec<report::Scores> {
    let judgements = match_judgements(requests, experts, true);
    let blind = match_judgements(requests, experts, false);
    let mean_count = |j: &Judgements, g: u8| {
        (0..requests.len()).map(|q| j.count(q, g)).sum::<usize>() as f64
            / requests.len().max(1) as f64
    };
    eprintln!(
        "matching judgements per request (mean): grade 3 {:.1}, grade 2 {:.1}, grade 1 {:.1}",
        mean_count(&judgements, 3),
        mean_count(&judgements, 2),
        mean_count(&judgements, 1)
    );
    let scores: Vec<_> = runs.iter().map(|r| report::score(r, &judgements)).collect();
    println!(
        "\n## Matching (request → experts): {} requests\n",
        requests.len()
    );
    println!("{}", report::summary_table(&scores));
    let groups: Vec<(String, Vec<usize>)> = esco::LANGS
        .iter()
        .map(|&lang| {
            let idx = (0..requests.len())
                .filter(|&i| requests[i].lang == lang)
                .collect();
            (format!("title ({lang})"), idx)
        })
        .collect();
    println!("NDCG@10 / MRR by request language:\n");
    println!("{}", report::by_group_table("request", &scores, &groups));
    let blind_scores: Vec<_> = runs.iter().map(|r| report::score(r, &blind)).collect();
    println!("Language-blind judgements (the language condition dropped):\n");
    println!("{}", report::summary_table(&blind_scores));
    scores
}
