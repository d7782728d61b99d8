//! `Skill`, `SkillClaim` and `LanguageClaim`.

use async_graphql::{ID, Object, SimpleObject};
use braingain_service::skills::{SkillKind, SkillRecord, alt_labels, label};
use std::sync::Arc;

/// A skill: an ESCO concept with labels in several languages, or a free-text skill.
pub struct Skill(pub Arc<SkillRecord>);

#[Object]
impl Skill {
    /// Identifier (the ESCO concept's UUID, or one derived from the free text).
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The preferred label in `lang` (ISO 639-1), falling back to English.
    async fn label(
        &self,
        #[graphql(default_with = "Some(String::from(\"en\"))")] lang: Option<String>,
    ) -> String {
        label(&self.0, &lang.unwrap_or_default().to_ascii_lowercase())
    }
    /// Synonyms in `lang`, falling back to English.
    async fn alt_labels(
        &self,
        #[graphql(default_with = "Some(String::from(\"en\"))")] lang: Option<String>,
    ) -> Vec<String> {
        alt_labels(&self.0, &lang.unwrap_or_default().to_ascii_lowercase())
    }
    /// Whether this skill comes from the ESCO taxonomy (false for free text).
    async fn in_taxonomy(&self) -> bool {
        self.0.kind != SkillKind::Custom
    }
}

/// A skill an expert claims.
#[derive(SimpleObject)]
pub struct SkillClaim {
    /// The skill.
    pub skill: Skill,
    /// Self-assessed level, 1 (basic) to 5 (leading expert).
    pub level: i32,
    /// Years of practice.
    pub years: Option<i32>,
}

/// A language an expert speaks.
#[derive(SimpleObject)]
pub struct LanguageClaim {
    /// ISO 639-1 code.
    pub code: String,
    /// How well.
    pub level: super::profile::LanguageLevel,
}
