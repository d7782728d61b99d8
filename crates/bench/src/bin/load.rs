//! `load`: drives a running `braingain serve` over HTTP with a scenario (`search`, `match`,
//! `expert`, `me`, `mixed`, `freshness`) from concurrent clients, checks every reply for
//! GraphQL errors, and reports throughput, latency percentiles, errors and, with `--pid`,
//! the server's memory. Exits non-zero on any error (unless `--allow-errors`) and, with
//! `--require-flat`, when the server's memory grows. See the crate README.

use anyhow::Context;
use braingain_bench::esco;
use braingain_bench::load::accounts::{self, Credentials, Session};
use braingain_bench::load::client::GqlClient;
use braingain_bench::load::memory::Sampler;
use braingain_bench::load::query_set::{self, SearchText};
use braingain_bench::load::runner::{self, Stop};
use braingain_bench::load::scenario::{ExpertSession, Scenario, Workload};
use braingain_bench::load::stats::ErrorTally;
use braingain_bench::load::summary::{Setup, Summary};
use braingain_bench::load::{documents, freshness, targets};
use braingain_bench::rng::Rng;
use clap::Parser;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// HTTP load driver for a running `braingain serve`.
#[derive(Debug, Parser)]
#[command(name = "load", version)]
struct Args {
    /// The server's base URL (`/graphql` is appended).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// What the clients do.
    #[arg(long, value_enum, default_value = "search")]
    scenario: Scenario,
    /// Concurrent clients (tokio tasks sharing one keep-alive connection pool).
    #[arg(long, default_value_t = 1)]
    clients: usize,
    /// Stop after this many steps (default 1000 when `--duration` is not given).
    #[arg(long, conflicts_with = "duration")]
    requests: Option<u64>,
    /// Stop after this many seconds.
    #[arg(long)]
    duration: Option<f64>,
    /// Steps run before measuring (not counted in the figures; their errors still fail).
    #[arg(long, default_value_t = 50)]
    warmup: u64,
    /// Seed of the generated queries and of every random draw.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// How many queries to generate.
    #[arg(long, default_value_t = 1200)]
    queries: usize,
    /// Read the queries from this file instead (one a line; `fr<TAB>text` sets the language).
    #[arg(long, value_name = "FILE")]
    queries_file: Option<PathBuf>,
    /// The ESCO assets the queries are generated from.
    #[arg(long, value_name = "DIR", default_value_os_t = esco::default_dir())]
    esco: PathBuf,
    /// The account that runs `matchExperts` (default: the seeded moderator).
    #[arg(long, env = "BENCH_EMAIL", default_value = accounts::SEED_MODERATOR)]
    email: String,
    /// Its password (default: the seeded accounts' documented password, which the seeded
    /// experts always sign in with).
    #[arg(long, env = "BENCH_PASSWORD", default_value = accounts::SEED_PASSWORD, hide_default_value = true)]
    password: String,
    /// Use this access token instead of signing in with `--email`.
    #[arg(long, env = "BENCH_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// The `--seed` the network was seeded with (`braingain seed … --seed S`, default 1):
    /// the seeded experts' addresses follow from it.
    #[arg(long, default_value_t = 1)]
    network_seed: u64,
    /// How many experts the network was seeded with (only the first are signed in).
    #[arg(long, default_value_t = 1_000_000)]
    network_experts: u64,
    /// Seeded experts to sign in as (`me`, `mixed`, `freshness`); 0 for none.
    #[arg(long, default_value_t = 16)]
    experts: usize,
    /// Freshness samples.
    #[arg(long, default_value_t = 100)]
    samples: usize,
    /// Longest wait for a saved word to become searchable, in seconds.
    #[arg(long, default_value_t = 30)]
    freshness_timeout: u64,
    /// The server's process id: sample its RSS every second.
    #[arg(long)]
    pid: Option<u32>,
    /// Seconds between the points of the memory timeline.
    #[arg(long, default_value_t = 60)]
    report_every: u64,
    /// Largest growth, in percent, of the last third's mean RSS over the middle third's.
    #[arg(long, default_value_t = 10.0)]
    max_growth: f64,
    /// Fail when memory is not flat (needs `--pid`).
    #[arg(long, requires = "pid")]
    require_flat: bool,
    /// Exit 0 even when some replies carried errors.
    #[arg(long)]
    allow_errors: bool,
    /// Write the result as JSON to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Give up on a call after this many seconds.
    #[arg(long, default_value_t = 60)]
    timeout: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<ExitCode> {
    let args = Args::parse();
    let client = GqlClient::new(
        &args.url,
        args.clients + 4,
        Duration::from_secs(args.timeout),
    )?;
    let probe = client.call("{ __typename }", json!({}), None).await;
    anyhow::ensure!(
        probe.ok(),
        "no GraphQL server answers at {}: {:?}",
        client.endpoint(),
        probe.errors
    );
    let queries = if args.scenario.searches() {
        load_queries(&args)?
    } else {
        Vec::new()
    };
    let workload = Arc::new(prepare(&args, client, queries).await?);
    let mut setup_errors = ErrorTally::default();
    if args.warmup > 0 && args.scenario != Scenario::Freshness {
        let (warm, _) = runner::run(
            &workload,
            args.clients,
            Stop::Steps(args.warmup),
            args.seed,
            1,
        )
        .await;
        setup_errors.merge(&warm.errors);
    }
    let sampler = match args.pid {
        Some(pid) => Some(Sampler::start(pid, workload.completed.clone())?),
        None => None,
    };
    let setup = Setup {
        scenario: args.scenario,
        url: workload.client.endpoint().to_owned(),
        clients: args.clients,
        warmup: if args.scenario == Scenario::Freshness {
            0
        } else {
            args.warmup
        },
        queries: workload.queries.len(),
        profiles: workload.profiles.len(),
        requests: workload.requests.len(),
        experts_signed_in: workload.experts.len(),
        seed: args.seed,
    };
    let mut summary = if args.scenario == Scenario::Freshness {
        let started = Instant::now();
        let mut rng = Rng::new(args.seed, 7);
        let report = freshness::run(
            &workload.client,
            &workload.experts,
            args.samples,
            Duration::from_secs(args.freshness_timeout),
            &mut rng,
        )
        .await;
        let mut summary = Summary::new(setup, &Default::default(), started.elapsed());
        summary.freshness = Some(report);
        summary
    } else {
        let stop = match (args.requests, args.duration) {
            (_, Some(secs)) => Stop::After(Duration::from_secs_f64(secs.max(0.0))),
            (Some(n), None) => Stop::Steps(n),
            (None, None) => Stop::Steps(1000),
        };
        let (stats, elapsed) = runner::run(&workload, args.clients, stop, args.seed, 2).await;
        Summary::new(setup, &stats, elapsed)
    };
    summary.warmup_errors = setup_errors;
    if let Some(sampler) = sampler {
        summary.memory = Some(
            sampler
                .finish(args.report_every, args.max_growth / 100.0)
                .await,
        );
    }
    print!("{}", summary.render());
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&summary)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let errors = summary.error_count() > 0 && !args.allow_errors;
    let growing = args.require_flat && summary.memory.as_ref().and_then(|m| m.flat) == Some(false);
    if errors {
        eprintln!("load: failed: {} error(s)", summary.error_count());
    }
    if growing {
        eprintln!("load: failed: the server's memory grew");
    }
    Ok(if errors || growing {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn load_queries(args: &Args) -> anyhow::Result<Vec<SearchText>> {
    let started = Instant::now();
    let queries = match &args.queries_file {
        Some(path) => query_set::from_file(path)?,
        None => query_set::generate(&args.esco, args.queries, args.seed)?,
    };
    anyhow::ensure!(!queries.is_empty(), "no queries");
    eprintln!(
        "{} queries ({:.1} s), e.g. {:?}",
        queries.len(),
        started.elapsed().as_secs_f64(),
        queries
            .iter()
            .take(3)
            .map(|q| q.text.chars().take(60).collect::<String>())
            .collect::<Vec<_>>()
    );
    Ok(queries)
}

/// Gathers what the scenario needs: targets, the staff session, signed-in experts.
async fn prepare(
    args: &Args,
    client: GqlClient,
    queries: Vec<SearchText>,
) -> anyhow::Result<Workload> {
    let scenario = args.scenario;
    let mut w = Workload::new(client, scenario, queries);
    let mixed = scenario == Scenario::Mixed;
    if mixed || scenario == Scenario::Expert {
        w.profiles = targets::profile_ids(&w.client, &w.queries, 500).await?;
        anyhow::ensure!(
            !w.profiles.is_empty(),
            "no search found a profile: is the network seeded?"
        );
    }
    if mixed || scenario == Scenario::Match {
        w.requests = targets::open_request_ids(&w.client, 2000).await?;
        anyhow::ensure!(
            !w.requests.is_empty(),
            "no OPEN request to match experts for"
        );
    }
    let wants_experts = matches!(
        scenario,
        Scenario::Me | Scenario::Mixed | Scenario::Freshness
    );
    if wants_experts && args.experts > 0 {
        w.experts = sign_in_experts(args, &w.client).await?;
    }
    if mixed || scenario == Scenario::Match || (scenario == Scenario::Me && w.experts.is_empty()) {
        w.staff = Some(match &args.token {
            Some(token) => Session::from_token(&w.client, token.clone()).await?,
            None => {
                let credentials = Credentials {
                    email: args.email.clone(),
                    password: args.password.clone(),
                };
                Session::login(&w.client, credentials).await?
            }
        });
    }
    if mixed {
        w.applied = std::sync::Mutex::new(applied(&w.client, &w.experts).await);
    }
    anyhow::ensure!(
        scenario != Scenario::Freshness || !w.experts.is_empty(),
        "freshness needs signed-in seeded experts (--experts N, --network-seed S)"
    );
    Ok(w)
}

/// Signs in the first `--experts` usable seeded experts and reads their profiles.
async fn sign_in_experts(args: &Args, client: &GqlClient) -> anyhow::Result<Vec<ExpertSession>> {
    let seeded = accounts::seeded_experts(args.network_seed, args.network_experts, args.experts)?;
    let mut sessions = Vec::with_capacity(seeded.len());
    for e in seeded {
        let credentials = Credentials {
            email: e.email.clone(),
            password: accounts::SEED_PASSWORD.to_owned(),
        };
        let session = Session::login(client, credentials).await.with_context(|| {
            format!(
                "is this a network seeded with --seed {} (--network-seed)?",
                args.network_seed
            )
        })?;
        let token = session.token(client).await?;
        let reply = client
            .call(
                &documents::my_profile(),
                json!({ "lang": "en" }),
                Some(&token),
            )
            .await;
        let profile = reply.at("/me/expertProfile");
        anyhow::ensure!(
            reply.ok() && profile.is_object(),
            "reading the profile of {} failed: {:?}",
            e.email,
            reply.errors
        );
        let id = profile["id"].as_str().unwrap_or(&e.profile_id).to_owned();
        sessions.push(ExpertSession::new(
            session,
            id,
            accounts::profile_input(profile),
        ));
    }
    Ok(sessions)
}

/// The requests each signed-in expert already has an engagement on.
async fn applied(client: &GqlClient, experts: &[ExpertSession]) -> HashSet<(usize, String)> {
    let mut set = HashSet::new();
    for (i, e) in experts.iter().enumerate() {
        let Ok(token) = e.session.token(client).await else {
            continue;
        };
        let reply = client
            .call(documents::MY_ENGAGEMENTS, json!({}), Some(&token))
            .await;
        for g in reply.at("/myEngagements").as_array().into_iter().flatten() {
            if let Some(id) = g.pointer("/request/id").and_then(Value::as_str) {
                set.insert((i, id.to_owned()));
            }
        }
    }
    set
}
