//! Entry points shared by the libFuzzer targets in `fuzz/` and the property tests that run in
//! CI (`fuzzing/tests.rs`), so both exercise the same code. Each takes arbitrary bytes, runs
//! one input parser, and panics if the parser panics, fails other than with a clean
//! `BAD_USER_INPUT`, or accepts a value that breaks an invariant: lengths and counts within
//! their limits, codes from the standards' lists, no control characters, and validation that
//! gives the same value again when fed what it accepted. Compiled for tests and with the
//! `fuzzing` feature only.

mod import;
mod profile;
#[cfg(test)]
mod tests;

pub use import::{check_parsed, import_bytes, import_csv, import_json};
pub use profile::{check_draft, check_valid_profile, profile_input};
