#![doc = include_str!("../README.md")]

pub mod analysis;
pub mod error;
pub mod expansion;
pub mod experts;
mod keyed;
pub mod requests;
pub mod schema;
pub mod skills;

pub use error::{EngineError, SearchError};
pub use experts::{
    DocSkill, ExpertDoc, ExpertFilter, ExpertHitDoc, ExpertIndex, ExpertQuery, ExpertResults,
};
pub use requests::{
    RequestDoc, RequestFilter, RequestHitDoc, RequestIndex, RequestQuery, RequestResults,
    RequestSkill,
};
pub use skills::{SkillEntry, SkillIndex, SkillLabels, SkillSuggestion};
