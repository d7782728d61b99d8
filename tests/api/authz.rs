//! The authorisation matrix: every mutation tried as every kind of caller (anonymous, an
//! unverified account, an expert, another expert, a member of the institution concerned, a
//! member of another institution, a moderator, an admin, a suspended account), each against
//! fresh targets, with the outcome each must get. A change of policy shows up here as a
//! changed cell, and a mutation added without a row fails `every_mutation_has_a_row`.

mod world;

use crate::helpers::{TestApp, error_code};
use serde_json::Value;
use world::{Caller, World};

/// What a caller gets: `OK` (no error) or the error code.
const OK: &str = "OK";
const UNAUTH: &str = "UNAUTHENTICATED";
const DENIED: &str = "FORBIDDEN";
const BAD: &str = "BAD_USER_INPUT";

/// Writes on things the caller may not touch answer `FORBIDDEN` even when the caller cannot
/// see them (a draft, another's engagement): their ids are random UUIDs, so the answer
/// reveals nothing a caller could not already know; reads of such things answer null or
/// `NOT_FOUND`. An unverified account may already write its profile (it is not searchable
/// until the address is confirmed) but may not act on the network.
///
/// One row: the mutation, then the outcome for each caller in [`Caller::ALL`] order:
/// anonymous, unverified, expert, other expert, member, other member, moderator, admin,
/// suspended.
type Row = (&'static str, [&'static str; 9]);

#[rustfmt::skip]
const MATRIX: &[Row] = &[
    // Accounts and sessions: public entry points answer everyone alike.
    ("verifyEmail", [BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]),
    ("requestPasswordReset", [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    ("resetPassword", [BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]),
    ("logout", [OK, OK, OK, OK, OK, OK, OK, OK, OK]),
    ("refresh", [UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH]),
    ("resendVerificationEmail", [UNAUTH, OK, OK, OK, OK, OK, OK, OK, UNAUTH]),
    ("changePassword", [UNAUTH, BAD, BAD, BAD, BAD, BAD, BAD, BAD, UNAUTH]),
    ("exportMyData", [UNAUTH, OK, OK, OK, OK, OK, OK, OK, UNAUTH]),
    ("deleteMyAccount", [UNAUTH, BAD, BAD, BAD, BAD, BAD, BAD, BAD, UNAUTH]),
    ("setRole", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, OK, UNAUTH]),
    ("suspendAccount", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, OK, OK, UNAUTH]),
    // Profiles and institutions.
    ("saveExpertProfile", [UNAUTH, OK, OK, OK, DENIED, DENIED, DENIED, DENIED, UNAUTH]),
    ("createInstitution", [UNAUTH, DENIED, DENIED, DENIED, OK, OK, DENIED, DENIED, UNAUTH]),
    ("reviewInstitution", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, OK, OK, UNAUTH]),
    ("addInstitutionMember", [UNAUTH, DENIED, DENIED, DENIED, OK, DENIED, OK, OK, UNAUTH]),
    // Requests.
    ("createRequest", [UNAUTH, DENIED, DENIED, DENIED, OK, DENIED, DENIED, DENIED, UNAUTH]),
    ("updateRequest", [UNAUTH, DENIED, DENIED, DENIED, OK, DENIED, DENIED, DENIED, UNAUTH]),
    ("submitRequest", [UNAUTH, DENIED, DENIED, DENIED, OK, DENIED, DENIED, DENIED, UNAUTH]),
    ("reviewRequest", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, OK, OK, UNAUTH]),
    ("returnRequestForChanges", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, OK, OK, UNAUTH]),
    ("closeRequest", [UNAUTH, DENIED, DENIED, DENIED, OK, DENIED, OK, OK, UNAUTH]),
    ("holdRequest", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, OK, OK, UNAUTH]),
    ("resumeRequest", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, OK, OK, UNAUTH]),
    // Engagements and messages.
    ("applyToRequest", [UNAUTH, DENIED, OK, OK, DENIED, DENIED, DENIED, DENIED, UNAUTH]),
    ("inviteExpert", [UNAUTH, DENIED, DENIED, DENIED, OK, DENIED, DENIED, DENIED, UNAUTH]),
    ("proposeExperts", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, OK, OK, UNAUTH]),
    ("respondToEngagement", [UNAUTH, DENIED, OK, DENIED, DENIED, DENIED, DENIED, DENIED, UNAUTH]),
    ("withdrawEngagement", [UNAUTH, DENIED, DENIED, DENIED, OK, DENIED, DENIED, DENIED, UNAUTH]),
    ("completeEngagement", [UNAUTH, DENIED, OK, DENIED, OK, DENIED, DENIED, DENIED, UNAUTH]),
    ("sendMessage", [UNAUTH, DENIED, OK, DENIED, OK, DENIED, DENIED, DENIED, UNAUTH]),
    // Moderation and notifications.
    ("reportContent", [UNAUTH, OK, OK, OK, OK, OK, OK, OK, UNAUTH]),
    ("resolveReport", [UNAUTH, DENIED, DENIED, DENIED, DENIED, DENIED, OK, OK, UNAUTH]),
    ("markNotificationsRead", [UNAUTH, OK, OK, OK, OK, OK, OK, OK, UNAUTH]),
];

/// Mutations deliberately left out of the matrix, with why.
const NOT_IN_MATRIX: &[(&str, &str)] = &[
    (
        "register",
        "public; the role and duplicate rules have their own tests (accounts)",
    ),
    (
        "login",
        "public; repeated failures are throttled per address, tested in throttling",
    ),
];

fn outcome(body: &Value) -> String {
    if body["errors"].is_null() {
        OK.to_owned()
    } else {
        error_code(body)
    }
}

#[tokio::test]
async fn authz_every_mutation_as_every_caller() {
    let app = TestApp::spawn().await;
    let world = World::build(&app).await;
    let mut wrong = Vec::new();
    for (mutation, expected) in MATRIX {
        for (caller, want) in Caller::ALL.iter().zip(expected) {
            let (query, vars) = world.attempt(&app, mutation).await;
            let body = app.gql_as(world.token(*caller), &query, vars).await;
            let got = outcome(&body);
            if got != *want {
                wrong.push(format!(
                    "{mutation} as {caller:?}: expected {want}, got {body}"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cells differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[tokio::test]
async fn authz_every_mutation_has_a_row() {
    let app = TestApp::spawn().await;
    let body = app
        .gql(
            "{ __schema { mutationType { fields { name } } } }",
            serde_json::json!({}),
        )
        .await;
    let served: Vec<String> = body["data"]["__schema"]["mutationType"]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_owned())
        .collect();
    let missing: Vec<&String> = served
        .iter()
        .filter(|name| {
            !MATRIX.iter().any(|(m, _)| m == name) && !NOT_IN_MATRIX.iter().any(|(m, _)| m == name)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "mutations without a matrix row: {missing:?}"
    );
    let stale: Vec<&str> = MATRIX
        .iter()
        .map(|(m, _)| *m)
        .filter(|m| !served.iter().any(|s| s == m))
        .collect();
    assert!(
        stale.is_empty(),
        "matrix rows for mutations not served: {stale:?}"
    );
}
