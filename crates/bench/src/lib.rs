#![doc = include_str!("../README.md")]

pub mod areas;
pub mod corpus;
pub mod esco;
pub mod floor;
pub mod load;
pub mod matching;
pub mod metrics;
pub mod queries;
pub mod report;
pub mod rng;
pub mod systems;
pub mod workload;
