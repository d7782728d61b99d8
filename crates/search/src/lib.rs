#![doc = include_str!("../README.md")]

pub mod analysis;
pub mod error;
pub mod experts;
pub mod schema;
pub mod skills;

pub use error::{EngineError, SearchError};
pub use experts::{
    DocSkill, ExpertDoc, ExpertFilter, ExpertHitDoc, ExpertIndex, ExpertQuery, ExpertResults,
};
pub use skills::{SkillEntry, SkillIndex, SkillLabels, SkillSuggestion};
