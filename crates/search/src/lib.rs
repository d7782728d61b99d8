#![doc = include_str!("../README.md")]

pub mod analysis;
pub mod error;
pub mod schema;
pub mod skills;

pub use error::{EngineError, SearchError};
pub use skills::{SkillEntry, SkillIndex, SkillLabels, SkillSuggestion};
