//! The scenarios and what one step of a client does. A step is one operation, sent the way
//! the web app sends it, timed, and checked: a reply with `errors`, or without the data the
//! page needs, is counted as an error under its code.
//!
//! `mixed` (the soak) draws each step from [`MIXED`]: mostly anonymous searches, profile
//! views, the signed-in pages (`me`, the bell's count, the notifications page, which marks
//! what is unread as read), matching for a request's staff, and writes by signed-in seeded
//! experts: profile saves (the hours a month offered change) and now and then an
//! application to an OPEN request (each expert applies to a request at most once, so the
//! server never has to refuse a duplicate).

use super::accounts::Session;
use super::client::{CallError, GqlClient, Reply};
use super::documents;
use super::query_set::SearchText;
use super::stats::RunStats;
use crate::rng::Rng;
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What the clients do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scenario {
    /// `searchExperts` with the rotating query texts (anonymous, as a visitor).
    Search,
    /// `matchExperts` over OPEN requests, as a moderator (or `--email`/`--token`).
    Match,
    /// `expert(id)` over profiles found by searching.
    Expert,
    /// The signed-in account's `me` with its profile.
    Me,
    /// The soak mix of reads and writes ([`MIXED`]).
    Mixed,
    /// Save-to-searchable lag of profile edits.
    Freshness,
}

impl Scenario {
    /// The name given on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Search => "search",
            Self::Match => "match",
            Self::Expert => "expert",
            Self::Me => "me",
            Self::Mixed => "mixed",
            Self::Freshness => "freshness",
        }
    }

    /// Whether the scenario sends searches (and so needs the query set).
    #[must_use]
    pub fn searches(self) -> bool {
        matches!(self, Self::Search | Self::Expert | Self::Mixed)
    }
}

/// One kind of operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `searchExperts` with facets.
    Search,
    /// `expert(id)`.
    Expert,
    /// `matchExperts(requestId)`.
    Match,
    /// `me` with the profile.
    Me,
    /// `unreadNotificationCount`.
    UnreadCount,
    /// `notifications` (then `markNotificationsRead` when some are unread).
    Notifications,
    /// `saveExpertProfile`.
    SaveProfile,
    /// `applyToRequest`.
    Apply,
}

impl Op {
    /// The name used in tables and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Search => "searchExperts",
            Self::Expert => "expert",
            Self::Match => "matchExperts",
            Self::Me => "me",
            Self::UnreadCount => "unreadNotificationCount",
            Self::Notifications => "notifications",
            Self::SaveProfile => "saveExpertProfile",
            Self::Apply => "applyToRequest",
        }
    }
}

/// The soak mix: operation and weight (percent).
pub const MIXED: [(Op, u32); 8] = [
    (Op::Search, 60),
    (Op::Expert, 14),
    (Op::Match, 6),
    (Op::Me, 5),
    (Op::UnreadCount, 6),
    (Op::Notifications, 3),
    (Op::SaveProfile, 5),
    (Op::Apply, 1),
];

/// The operation of a draw `roll` in `0..100` from [`MIXED`].
#[must_use]
pub fn mixed_op(roll: u32) -> Op {
    let mut acc = 0;
    for (op, weight) in MIXED {
        acc += weight;
        if roll < acc {
            return op;
        }
    }
    Op::Search
}

/// A signed-in seeded expert and its profile as the form would send it.
#[derive(Debug)]
pub struct ExpertSession {
    /// The session.
    pub session: Session,
    /// The profile's id.
    pub profile_id: String,
    /// `ExpertProfileInput` of the profile as read at start.
    pub input: Value,
    saves: AtomicU64,
}

impl ExpertSession {
    /// Wraps a session whose profile `input` was read at start.
    #[must_use]
    pub fn new(session: Session, profile_id: String, input: Value) -> Self {
        Self {
            session,
            profile_id,
            input,
            saves: AtomicU64::new(0),
        }
    }
}

/// Everything the clients share.
#[derive(Debug)]
pub struct Workload {
    /// The endpoint.
    pub client: GqlClient,
    /// The scenario.
    pub scenario: Scenario,
    /// Search texts, taken in turn.
    pub queries: Vec<SearchText>,
    /// Profile ids for `expert(id)`.
    pub profiles: Vec<String>,
    /// OPEN request ids for `matchExperts` and applications.
    pub requests: Vec<String>,
    /// The account that runs `matchExperts` (a moderator or the request's staff).
    pub staff: Option<Session>,
    /// Signed-in experts for `me`, notifications and writes.
    pub experts: Vec<ExpertSession>,
    /// (expert index, request id) pairs that have an engagement: no second application.
    pub applied: Mutex<HashSet<(usize, String)>>,
    /// Calls completed (read by the memory sampler).
    pub completed: Arc<AtomicU64>,
    next_query: AtomicUsize,
}

/// Hours a month a profile save cycles through.
const HOURS: [i64; 4] = [4, 8, 10, 20];

impl Workload {
    /// A workload of `scenario` over `queries`, with no targets or sessions yet.
    #[must_use]
    pub fn new(client: GqlClient, scenario: Scenario, queries: Vec<SearchText>) -> Self {
        Self {
            client,
            scenario,
            queries,
            profiles: Vec::new(),
            requests: Vec::new(),
            staff: None,
            experts: Vec::new(),
            applied: Mutex::new(HashSet::new()),
            completed: Arc::new(AtomicU64::new(0)),
            next_query: AtomicUsize::new(0),
        }
    }

    /// A signed-in expert drawn from `rng`.
    fn expert(&self, rng: &mut Rng) -> Option<&ExpertSession> {
        rng.pick(&self.experts)
    }

    /// The next operation for a client drawing from `rng`.
    pub fn next_op(&self, rng: &mut Rng) -> Op {
        match self.scenario {
            Scenario::Search | Scenario::Freshness => Op::Search,
            Scenario::Match => Op::Match,
            Scenario::Expert => Op::Expert,
            Scenario::Me => Op::Me,
            Scenario::Mixed => {
                let op = mixed_op(u32::try_from(rng.below(100)).unwrap_or(0));
                let needs_expert = matches!(
                    op,
                    Op::UnreadCount | Op::Notifications | Op::SaveProfile | Op::Apply
                );
                match op {
                    _ if needs_expert && self.experts.is_empty() => Op::Search,
                    Op::Match if self.staff.is_none() || self.requests.is_empty() => Op::Search,
                    Op::Expert if self.profiles.is_empty() => Op::Search,
                    Op::Apply if self.requests.is_empty() => Op::Search,
                    op => op,
                }
            }
        }
    }

    /// Performs one step of `op`, recording each call in `stats`.
    pub async fn step(&self, op: Op, rng: &mut Rng, stats: &mut RunStats) {
        match op {
            Op::Search => {
                let n = self.next_query.fetch_add(1, Ordering::Relaxed);
                let Some(q) = self.queries.get(n % self.queries.len().max(1)) else {
                    return;
                };
                let vars = json!({ "query": q.text, "first": 10, "lang": q.lang });
                self.timed(
                    op,
                    &documents::search_experts(),
                    vars,
                    None,
                    "/searchExperts/hits",
                    stats,
                )
                .await;
            }
            Op::Expert => {
                let id = pick(&self.profiles, rng);
                let vars = json!({ "id": id, "lang": "en" });
                self.timed(op, &documents::expert(), vars, None, "/expert/id", stats)
                    .await;
            }
            Op::Match => {
                let id = pick(&self.requests, rng);
                let vars = json!({ "requestId": id, "first": 20, "lang": "en" });
                let Some(staff) = &self.staff else { return };
                let token = self.token_of(staff, op, stats).await;
                self.timed(
                    op,
                    &documents::match_experts(),
                    vars,
                    token.as_deref(),
                    "/matchExperts",
                    stats,
                )
                .await;
            }
            Op::Me => {
                let session = match (self.expert(rng), &self.staff) {
                    (Some(e), _) => &e.session,
                    (None, Some(staff)) => staff,
                    (None, None) => return,
                };
                let token = self.token_of(session, op, stats).await;
                let vars = json!({ "lang": "en" });
                self.timed(
                    op,
                    &documents::my_profile(),
                    vars,
                    token.as_deref(),
                    "/me/id",
                    stats,
                )
                .await;
            }
            Op::UnreadCount => {
                let Some(e) = self.expert(rng) else { return };
                let token = self.token_of(&e.session, op, stats).await;
                self.timed(
                    op,
                    documents::UNREAD_COUNT,
                    json!({}),
                    token.as_deref(),
                    "/unreadNotificationCount",
                    stats,
                )
                .await;
            }
            Op::Notifications => self.notifications(rng, stats).await,
            Op::SaveProfile => self.save_profile(rng, stats).await,
            Op::Apply => self.apply(rng, stats).await,
        }
    }

    /// The notifications page, then marking the unread ones read.
    async fn notifications(&self, rng: &mut Rng, stats: &mut RunStats) {
        let Some(e) = self.expert(rng) else { return };
        let token = self.token_of(&e.session, Op::Notifications, stats).await;
        let vars = json!({ "unreadOnly": true, "first": 20 });
        let reply = self
            .timed(
                Op::Notifications,
                documents::NOTIFICATIONS,
                vars,
                token.as_deref(),
                "/notifications",
                stats,
            )
            .await;
        let ids: Vec<Value> = reply
            .at("/notifications")
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n.get("id").cloned())
            .collect();
        if !ids.is_empty() {
            self.timed_named(
                "markNotificationsRead",
                documents::MARK_READ,
                json!({ "ids": ids }),
                token.as_deref(),
                "/markNotificationsRead",
                stats,
            )
            .await;
        }
    }

    /// A profile save: the same profile with the next number of hours a month.
    async fn save_profile(&self, rng: &mut Rng, stats: &mut RunStats) {
        let Some(e) = self.expert(rng) else { return };
        let token = self.token_of(&e.session, Op::SaveProfile, stats).await;
        let n = e.saves.fetch_add(1, Ordering::Relaxed);
        let mut input = e.input.clone();
        input["hoursPerMonth"] = json!(HOURS[usize::try_from(n).unwrap_or(0) % HOURS.len()]);
        let vars = json!({ "input": input, "lang": "en" });
        self.timed(
            Op::SaveProfile,
            &documents::save_profile(),
            vars,
            token.as_deref(),
            "/saveExpertProfile/id",
            stats,
        )
        .await;
    }

    /// An application by a random expert to a random request it has not applied to; a
    /// search instead when no such pair is found in a few draws.
    async fn apply(&self, rng: &mut Rng, stats: &mut RunStats) {
        let mut chosen = None;
        for _ in 0..8 {
            let e = rng.below(self.experts.len());
            let request = pick(&self.requests, rng).to_owned();
            let fresh = self
                .applied
                .lock()
                .map(|mut set| set.insert((e, request.clone())))
                .unwrap_or(false);
            if fresh {
                chosen = Some((e, request));
                break;
            }
        }
        let (Some((e, request)), false) = (chosen, self.experts.is_empty()) else {
            return Box::pin(self.step(Op::Search, rng, stats)).await;
        };
        let session = &self.experts[e].session;
        let token = self.token_of(session, Op::Apply, stats).await;
        let vars = json!({
            "requestId": request,
            "message": "I have done this kind of work before and would be glad to help; I can start next month.",
        });
        self.timed(
            Op::Apply,
            documents::APPLY,
            vars,
            token.as_deref(),
            "/applyToRequest/id",
            stats,
        )
        .await;
    }

    /// A session's token; a failed renewal is recorded as an error of `op`.
    async fn token_of(&self, session: &Session, op: Op, stats: &mut RunStats) -> Option<String> {
        match session.token(&self.client).await {
            Ok(t) => Some(t),
            Err(e) => {
                stats
                    .errors
                    .add(op.name(), &[CallError::new("SIGN_IN", e.to_string())]);
                None
            }
        }
    }

    async fn timed(
        &self,
        op: Op,
        document: &str,
        vars: Value,
        token: Option<&str>,
        expect: &str,
        stats: &mut RunStats,
    ) -> Reply {
        self.timed_named(op.name(), document, vars, token, expect, stats)
            .await
    }

    /// Sends one call, times it, and records it; a reply without errors whose data lacks
    /// `expect` (a JSON pointer) counts as a `NO_DATA` error.
    async fn timed_named(
        &self,
        name: &'static str,
        document: &str,
        vars: Value,
        token: Option<&str>,
        expect: &str,
        stats: &mut RunStats,
    ) -> Reply {
        let started = Instant::now();
        let mut reply = self.client.call(document, vars, token).await;
        let latency = started.elapsed();
        if reply.ok() && reply.data.pointer(expect).is_none_or(Value::is_null) {
            reply.errors.push(CallError::new(
                "NO_DATA",
                format!("no {expect} in the reply"),
            ));
        }
        stats.record(name, latency, &reply.errors);
        self.completed.fetch_add(1, Ordering::Relaxed);
        reply
    }
}

fn pick<'a>(items: &'a [String], rng: &mut Rng) -> &'a str {
    items.get(rng.below(items.len())).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mixed_weights_sum_to_a_hundred_and_map_every_roll() {
        assert_eq!(MIXED.iter().map(|(_, w)| w).sum::<u32>(), 100);
        assert_eq!(mixed_op(0), Op::Search);
        assert_eq!(mixed_op(59), Op::Search);
        assert_eq!(mixed_op(60), Op::Expert);
        assert_eq!(mixed_op(99), Op::Apply);
        let searches = (0..100).filter(|&r| mixed_op(r) == Op::Search).count();
        assert_eq!(searches, 60);
    }
}
