//! `floor`: the latency floor of expert search on a seeded data directory. The workload's
//! queries run directly on the expert index (as the service searches, and as plain BM25) and
//! through a PostgreSQL full-text baseline loaded with the same corpus, in one run; prints
//! per-system p50/p95/p99, hit counts and the ratios of PostgreSQL to the floor.
//! `cargo run --release -p braingain-bench --bin floor -- --help`; see the crate README.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, bail};
use braingain_bench::esco::{self, Taxonomy};
use braingain_bench::floor::pg::{self, LoadStats, PgBaseline};
use braingain_bench::floor::report::{self, Ratio, SystemResult};
use braingain_bench::floor::searcher::{self, Floor};
use braingain_bench::floor::seeded::Seeded;
use braingain_bench::systems::postgres::{self, Match};
use braingain_bench::workload::{self, WorkloadQuery};
use clap::Parser;
use serde::Serialize;

/// Expert search latency: the tantivy floor and a PostgreSQL full-text baseline, same queries,
/// same corpus, one run.
#[derive(Debug, Parser)]
#[command(name = "floor", version)]
struct Args {
    /// A BrainGain data directory: the expert index is `DIR/index/experts` (opened read-only,
    /// so a server may be running), and unless `--database-url` is given the database is
    /// `DIR/braingain.db`.
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The seeded database (`sqlite://…` or `postgres://…`), whose experts the PostgreSQL
    /// baseline loads.
    #[arg(long, value_name = "URL")]
    database_url: Option<String>,
    /// Queries of the workload (`braingain_bench::workload`).
    #[arg(long, default_value_t = 1000)]
    queries: usize,
    /// Seed of the workload (`workload::queries(seed, n)`).
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Queries run before each system's measured pass (the first ones of the workload).
    #[arg(long, default_value_t = 100)]
    warmup: usize,
    /// Hits per page of the service-like search (the load driver's `search` sends 10).
    #[arg(long, default_value_t = searcher::PAGE)]
    page: usize,
    /// Text search configuration(s) of the baseline.
    #[arg(long, value_parser = ["english", "simple", "both"], default_value = "english")]
    pg_config: String,
    /// Parallel `COPY` connections loading the baseline.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pg_streams: usize,
    /// Run only the first N queries on PostgreSQL (any-term queries over a million rows can
    /// take seconds each); default all.
    #[arg(long, value_name = "N")]
    pg_queries: Option<usize>,
    /// Skip the PostgreSQL baseline.
    #[arg(long)]
    no_postgres: bool,
    /// Leave the scratch database `bg_floor_<random>` in place.
    #[arg(long)]
    keep: bool,
    /// Server of the scratch database.
    #[arg(long, env = "BENCH_DATABASE_URL", default_value = postgres::DEFAULT_URL)]
    bench_database_url: String,
    /// Also write the results as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Print the N slowest queries of the service-like search with facets (text, time,
    /// matching experts, skills expanded to): where the tail comes from.
    #[arg(long, value_name = "N", default_value_t = 0)]
    slowest: usize,
}

/// The expert index's part of the output.
#[derive(Debug, Serialize)]
struct IndexInfo {
    dir: PathBuf,
    experts: u64,
    bytes: u64,
    open_seconds: f64,
}

/// The baseline's part of the output.
#[derive(Debug, Serialize)]
struct PgInfo {
    database: String,
    kept: bool,
    configs: Vec<&'static str>,
    queries: usize,
    load: LoadStats,
    rows_per_second: f64,
}

/// The whole output (`--json`).
#[derive(Debug, Serialize)]
struct Output {
    seed: u64,
    queries: usize,
    warmup: usize,
    index: Option<IndexInfo>,
    postgres: Option<PgInfo>,
    systems: Vec<SystemResult>,
    ratios: Vec<Ratio>,
}

/// The tantivy systems.
fn floor_runs(
    floor: &Floor,
    queries: &[WorkloadQuery],
    warmup: usize,
    page: usize,
    slowest: usize,
) -> anyhow::Result<Vec<SystemResult>> {
    let warm = &queries[..warmup.min(queries.len())];
    let mut systems = Vec::new();
    let top = searcher::PLAIN_TOP;
    let runs = [
        ("braingain", format!("BrainGain search (top {page})"), 0),
        (
            "braingain_facets",
            format!("BrainGain search + facets (top {page})"),
            1,
        ),
        ("bm25_any", format!("plain BM25, any term (top {top})"), 2),
        ("bm25_all", format!("plain BM25, all terms (top {top})"), 3),
    ];
    for (key, name, kind) in runs {
        let started = Instant::now();
        let run = |q: &[WorkloadQuery]| match kind {
            0 => floor.service(q, page, false),
            1 => floor.service(q, page, true),
            2 => floor.plain(q, false),
            _ => floor.plain(q, true),
        };
        run(warm)?;
        let t = run(queries)?;
        eprintln!(
            "floor: {name}: {} queries in {:.1} s",
            t.millis.len(),
            started.elapsed().as_secs_f64()
        );
        if kind == 1 {
            print_slowest(queries, &t, slowest);
        }
        systems.push(SystemResult::new(key, &name, &t));
    }
    Ok(systems)
}

/// Prints the `n` slowest of `queries` as timed in `t` (a service run), slowest first.
fn print_slowest(queries: &[WorkloadQuery], t: &searcher::Timings, n: usize) {
    let mut order: Vec<usize> = (0..t.millis.len()).collect();
    order.sort_by(|a, b| t.millis[*b].total_cmp(&t.millis[*a]));
    for i in order.into_iter().take(n) {
        eprintln!(
            "slow: {:8.1} ms  {:>8} matching  {} skills  [{}] {}",
            t.millis[i], t.totals[i], t.expanded[i], queries[i].lang, queries[i].text
        );
    }
}

/// Loads the baseline and runs its systems; the scratch database is dropped unless `keep`.
async fn postgres_runs(
    args: &Args,
    database_url: &str,
    texts: &[String],
) -> anyhow::Result<(PgInfo, Vec<SystemResult>)> {
    let configs: Vec<&'static str> = match args.pg_config.as_str() {
        "both" => postgres::CONFIGS.to_vec(),
        "simple" => vec!["simple"],
        _ => vec!["english"],
    };
    let mut seeded = Seeded::connect(database_url).await?;
    let mut baseline = PgBaseline::create(&args.bench_database_url, &configs)
        .await
        .with_context(|| {
            format!(
                "creating the scratch database on {}",
                args.bench_database_url
            )
        })?;
    eprintln!("postgres: loading the corpus into {}", baseline.name());
    let result = async {
        let mut next_report = 100_000;
        let load = baseline
            .load(&mut seeded, args.pg_streams, |rows| {
                if rows >= next_report {
                    eprintln!("postgres: {rows} rows");
                    next_report += 100_000;
                }
            })
            .await?;
        eprintln!(
            "postgres: {} rows (of {} profiles) copied over {} connections in {:.1} s (reading the seeded database {:.1} s), indexes {:.1} s, analyse {:.1} s",
            load.rows,
            load.profiles_read,
            load.streams,
            load.copy_seconds,
            load.read_seconds,
            load.index_seconds,
            load.analyze_seconds
        );
        let texts = &texts[..args.pg_queries.unwrap_or(texts.len()).min(texts.len())];
        let warm = &texts[..args.warmup.min(texts.len())];
        let mut systems = Vec::new();
        for cfg in &configs {
            for (mode, label) in [(Match::Any, "any"), (Match::All, "all")] {
                let started = Instant::now();
                baseline.run(cfg, mode, warm).await?;
                let t = baseline.run(cfg, mode, texts).await?;
                let name = format!(
                    "PostgreSQL `{cfg}`, {} (top {})",
                    if mode == Match::Any {
                        "any term"
                    } else {
                        "all terms"
                    },
                    pg::TOP
                );
                eprintln!(
                    "postgres: {name}: {} queries in {:.1} s",
                    t.millis.len(),
                    started.elapsed().as_secs_f64()
                );
                systems.push(SystemResult::new(&format!("pg_{cfg}_{label}"), &name, &t));
            }
        }
        let total = load.copy_seconds + load.index_seconds + load.analyze_seconds;
        let info = PgInfo {
            database: baseline.name().to_owned(),
            kept: args.keep,
            configs: configs.clone(),
            queries: texts.len(),
            rows_per_second: if total > 0.0 {
                load.rows as f64 / total
            } else {
                0.0
            },
            load,
        };
        anyhow::Ok((info, systems))
    }
    .await;
    let closed = seeded.close().await;
    if args.keep {
        eprintln!("postgres: kept database {}", baseline.name());
        baseline.keep().await;
    } else {
        baseline.drop_database().await?;
    }
    let out = result?;
    closed?;
    Ok(out)
}

/// PostgreSQL against the floor: each baseline system over the service-like search, and
/// over plain BM25 with the same combination of terms.
fn ratios(systems: &[SystemResult]) -> Vec<Ratio> {
    let find = |key: &str| systems.iter().find(|s| s.key == key);
    let mut out = Vec::new();
    for pg in systems.iter().filter(|s| s.key.starts_with("pg_")) {
        if let Some(floor) = find("braingain") {
            out.push(Ratio::of(pg, floor));
        }
        let plain = if pg.key.ends_with("_any") {
            "bm25_any"
        } else {
            "bm25_all"
        };
        if let Some(floor) = find(plain) {
            out.push(Ratio::of(pg, floor));
        }
    }
    out
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.queries == 0 {
        bail!("--queries must be positive");
    }
    let database_url = args.database_url.clone().or_else(|| {
        args.data_dir
            .as_ref()
            .map(|dir| format!("sqlite://{}", dir.join("braingain.db").display()))
    });
    if args.data_dir.is_none() && (database_url.is_none() || args.no_postgres) {
        bail!("nothing to measure: give --data-dir and/or --database-url (see --help)");
    }
    if let (None, Some(dir)) = (&args.database_url, &args.data_dir) {
        let db = dir.join("braingain.db");
        std::fs::metadata(&db).with_context(|| format!("no database at {}", db.display()))?;
    }

    let started = Instant::now();
    let tax = Taxonomy::load(&esco::default_dir()).context("loading the ESCO extract")?;
    let queries = workload::generate_from(&tax, args.seed, args.queries);
    eprintln!(
        "workload: {} queries for seed {} in {:.1} s",
        queries.len(),
        args.seed,
        started.elapsed().as_secs_f64()
    );

    let mut systems = Vec::new();
    let mut index = None;
    if let Some(dir) = &args.data_dir {
        let index_dir = dir.join("index").join("experts");
        let opening = Instant::now();
        let floor = Floor::open(&index_dir, &tax)?;
        let info = IndexInfo {
            experts: floor.num_docs(),
            bytes: searcher::dir_bytes(&index_dir)?,
            open_seconds: opening.elapsed().as_secs_f64(),
            dir: index_dir,
        };
        eprintln!(
            "floor: {} experts in {} ({:.1} MB); opened with the skill index in {:.1} s",
            info.experts,
            info.dir.display(),
            info.bytes as f64 / 1e6,
            info.open_seconds
        );
        systems.extend(floor_runs(
            &floor,
            &queries,
            args.warmup,
            args.page,
            args.slowest,
        )?);
        index = Some(info);
    }

    let mut pg_info = None;
    match (&database_url, args.no_postgres) {
        (Some(url), false) => {
            let texts: Vec<String> = queries.iter().map(|q| q.text.clone()).collect();
            let (info, pg_systems) = postgres_runs(&args, url, &texts).await?;
            systems.extend(pg_systems);
            pg_info = Some(info);
        }
        _ => println!("PostgreSQL baseline skipped"),
    }

    let ratios = ratios(&systems);
    println!(
        "\n## Search latency: {} queries (seed {}), single thread, warm-up {}\n",
        queries.len(),
        args.seed,
        args.warmup
    );
    if let Some(i) = &index {
        println!(
            "Expert index: {} experts, {} bytes ({:.1} MB) in {}\n",
            i.experts,
            i.bytes,
            i.bytes as f64 / 1e6,
            i.dir.display()
        );
    }
    if let Some(p) = &pg_info {
        let l = &p.load;
        println!(
            "PostgreSQL baseline ({}): {} rows; COPY over {} connections {:.1} s (of which reading the seeded \
             database {:.1} s), primary key + GIN {:.1} s, ANALYZE {:.1} s: {:.0} rows/s overall; table {:.1} MB, \
             GIN {:.1} MB; {} queries\n",
            p.configs.join(", "),
            l.rows,
            l.streams,
            l.copy_seconds,
            l.read_seconds,
            l.index_seconds,
            l.analyze_seconds,
            p.rows_per_second,
            l.table_bytes as f64 / 1e6,
            l.gin_bytes as f64 / 1e6,
            p.queries
        );
    }
    println!("{}", report::latency_table(&systems));
    if !ratios.is_empty() {
        println!("{}", report::ratio_table(&ratios, &systems));
    }
    if let Some(path) = &args.json {
        let output = Output {
            seed: args.seed,
            queries: queries.len(),
            warmup: args.warmup,
            index,
            postgres: pg_info,
            systems,
            ratios,
        };
        std::fs::write(path, serde_json::to_string_pretty(&output)?)
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
