//! Loads the shipped ESCO extract (`assets/esco/skills.tsv.gz`, `occupations.tsv.gz`; columns
//! in `assets/esco/README.md`) into plain structs.
//!
//! This product uses the ESCO classification of the European Commission.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Deserialize;

/// The languages the extract carries labels in, in the order of [`Labels`] arrays.
pub const LANGS: [&str; 3] = ["en", "fr", "es"];

/// Preferred and alternative labels in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// The preferred label (may be empty: 13 skills have no English label).
    pub preferred: String,
    /// Alternative labels.
    pub alternatives: Vec<String>,
}

impl Labels {
    /// The preferred label, then the alternatives, without empty ones.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.preferred.as_str())
            .chain(self.alternatives.iter().map(String::as_str))
            .filter(|l| !l.is_empty())
    }

    /// Single forms: French and Spanish preferred labels are often gendered pairs
    /// (`directeur technique/directrice technique`); this splits them and adds the
    /// alternatives that are not pairs. The first form is the masculine preferred one.
    #[must_use]
    pub fn single_forms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let pref = self.preferred.split('/').map(str::trim);
        let alts = self
            .alternatives
            .iter()
            .filter(|a| !a.contains('/'))
            .map(|a| a.trim());
        for form in pref.chain(alts) {
            if !form.is_empty() && !out.iter().any(|o| o == form) {
                out.push(form.to_owned());
            }
        }
        out
    }
}

/// One ESCO skill or skill group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    /// ESCO id (UUID).
    pub id: String,
    /// A skill group rather than a skill.
    pub group: bool,
    /// ESCO reuse level (`transversal`, `cross-sector`, …; empty for groups).
    pub reuse: String,
    /// Labels in en, fr, es ([`LANGS`] order).
    pub labels: [Labels; 3],
    /// Ids of broader concepts.
    pub broader: Vec<String>,
    /// English description (may be empty).
    pub description: String,
}

impl Skill {
    /// The label in `lang` (index into [`LANGS`]), falling back to English, then French.
    #[must_use]
    pub fn label(&self, lang: usize) -> &str {
        [lang, 0, 1]
            .into_iter()
            .filter_map(|l| self.labels.get(l))
            .map(|l| l.preferred.as_str())
            .find(|l| !l.is_empty())
            .unwrap_or_default()
    }
}

/// One ESCO occupation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// ESCO id (UUID).
    pub id: String,
    /// ISCO-08 unit group (4 digits).
    pub isco: String,
    /// Labels in en, fr, es.
    pub labels: [Labels; 3],
    /// English description.
    pub description: String,
}

/// Skills and occupations, with the hierarchy resolved to indices.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    /// Every skill and group, in file order (sorted by id).
    pub skills: Vec<Skill>,
    /// Every occupation, in file order.
    pub occupations: Vec<Occupation>,
    /// Skill index by id.
    pub skill_index: HashMap<String, usize>,
    /// For each skill, the indices of its broader concepts.
    pub broader: Vec<Vec<usize>>,
    /// For each skill, the indices of its narrower concepts.
    pub narrower: Vec<Vec<usize>>,
}

#[derive(Deserialize)]
struct SkillRow {
    id: String,
    kind: String,
    #[serde(rename = "type")]
    _skill_type: String,
    reuse: String,
    en: String,
    en_alt: String,
    fr: String,
    fr_alt: String,
    es: String,
    es_alt: String,
    broader: String,
    description: String,
}

#[derive(Deserialize)]
struct OccupationRow {
    id: String,
    isco: String,
    en: String,
    en_alt: String,
    fr: String,
    fr_alt: String,
    es: String,
    es_alt: String,
    description: String,
}

fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn labels(pref: &str, alt: &str) -> Labels {
    Labels {
        preferred: pref.trim().to_owned(),
        alternatives: list(alt),
    }
}

fn rows<T: for<'de> Deserialize<'de>>(tsv: &str, what: &str) -> anyhow::Result<Vec<T>> {
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .has_headers(true)
        .from_reader(tsv.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(n, row)| row.with_context(|| format!("{what} line {}", n + 2)))
        .collect()
}

impl Taxonomy {
    /// Parses the two TSV files (uncompressed text).
    pub fn parse(skills_tsv: &str, occupations_tsv: &str) -> anyhow::Result<Self> {
        let skills: Vec<Skill> = rows::<SkillRow>(skills_tsv, "skills")?
            .into_iter()
            .map(|r| Skill {
                group: r.kind == "group",
                reuse: r.reuse,
                labels: [
                    labels(&r.en, &r.en_alt),
                    labels(&r.fr, &r.fr_alt),
                    labels(&r.es, &r.es_alt),
                ],
                broader: list(&r.broader),
                description: r.description,
                id: r.id,
            })
            .collect();
        let occupations = rows::<OccupationRow>(occupations_tsv, "occupations")?
            .into_iter()
            .map(|r| Occupation {
                isco: r.isco,
                labels: [
                    labels(&r.en, &r.en_alt),
                    labels(&r.fr, &r.fr_alt),
                    labels(&r.es, &r.es_alt),
                ],
                description: r.description,
                id: r.id,
            })
            .collect();
        let skill_index: HashMap<String, usize> = skills
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let mut broader = vec![Vec::new(); skills.len()];
        let mut narrower = vec![Vec::new(); skills.len()];
        for (i, skill) in skills.iter().enumerate() {
            for id in &skill.broader {
                let b = *skill_index
                    .get(id)
                    .with_context(|| format!("skill {}: unknown broader {id}", skill.id))?;
                broader[i].push(b);
                narrower[b].push(i);
            }
        }
        Ok(Self {
            skills,
            occupations,
            skill_index,
            broader,
            narrower,
        })
    }

    /// Loads `skills.tsv.gz` and `occupations.tsv.gz` from `dir`.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let read = |name: &str| -> anyhow::Result<String> {
            let path = dir.join(name);
            let file = std::fs::File::open(&path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            let mut text = String::new();
            flate2::read::GzDecoder::new(file)
                .read_to_string(&mut text)
                .with_context(|| format!("cannot gunzip {}", path.display()))?;
            Ok(text)
        };
        Self::parse(&read("skills.tsv.gz")?, &read("occupations.tsv.gz")?)
    }
}

/// The shipped asset directory, from this crate's source directory.
#[must_use]
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/esco")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tiny taxonomy in the asset's format: 4 occupations in 2 ISCO major groups, and
    /// skills whose words overlap theirs.
    pub(crate) fn mini() -> Taxonomy {
        let h = "id\tkind\ttype\treuse\ten\ten_alt\tfr\tfr_alt\tes\tes_alt\tbroader\tdescription\n";
        let mut skills = String::from(h);
        let topics = [
            ("groundwater", "eaux souterraines", "aguas subterráneas"),
            (
                "hydrographic survey",
                "levé hydrographique",
                "levantamiento hidrográfico",
            ),
            ("bread baking", "boulangerie", "panadería"),
            ("pastry dough", "pâte feuilletée", "masa de hojaldre"),
        ];
        let verbs = [
            "monitor", "analyse", "plan", "teach", "inspect", "model", "map", "test",
        ];
        for (t, (en, fr, es)) in topics.iter().enumerate() {
            for (v, verb) in verbs.iter().enumerate() {
                let broader = if v > 0 {
                    format!("s{t}0")
                } else {
                    String::new()
                };
                skills.push_str(&format!(
                    "s{t}{v}\tskill\tskill\tsector-specific\t{verb} {en}\t\t{verb} {fr}\t\t\
                     {verb} {es}\t\t{broader}\tAbility to {verb} {en} work, {en} data and {en} records.\n"
                ));
            }
        }
        skills.push_str("g0\tgroup\t\t\tcommunication\t\tcommunication\t\tcomunicación\t\t\t\n");
        let occupations = "id\tisco\ten\ten_alt\tfr\tfr_alt\tes\tes_alt\tdescription\n\
            o0\t2114\tgroundwater hydrologist\t\thydrologue/hydrologue\thydrogéologue\thidrólogo/hidróloga\t\tGroundwater hydrologists monitor groundwater.\n\
            o1\t2165\thydrographic surveyor\t\tgéomètre hydrographe\t\ttopógrafo hidrográfico\t\tHydrographic surveyors plan hydrographic survey work.\n\
            o2\t7512\tbaker\t\tboulanger/boulangère\tboulanger\tpanadero/panadera\t\tBakers do bread baking.\n\
            o3\t7512\tpastry maker\t\tpâtissier/pâtissière\t\tpastelero/pastelera\t\tPastry makers prepare pastry dough.\n";
        Taxonomy::parse(&skills, occupations).unwrap()
    }

    #[test]
    fn parses_labels_hierarchy_and_single_forms() {
        let tax = mini();
        assert_eq!(tax.skills.len(), 33);
        assert_eq!(tax.occupations.len(), 4);
        assert!(tax.skills[32].group);
        assert_eq!(tax.narrower[0].len(), 7);
        assert_eq!(tax.broader[1], [0]);
        assert_eq!(tax.skills[1].label(1), "analyse eaux souterraines");
        assert_eq!(
            tax.occupations[2].labels[1].single_forms(),
            ["boulanger", "boulangère"]
        );
        assert_eq!(
            tax.occupations[0].labels[1].single_forms(),
            ["hydrologue", "hydrogéologue"]
        );
    }

    #[test]
    fn the_shipped_asset_has_the_documented_columns() {
        // Reads only the headers: quick even in debug builds.
        let mut text = String::new();
        let file = std::fs::File::open(default_dir().join("occupations.tsv.gz")).unwrap();
        let mut head = [0u8; 512];
        let n = flate2::read::GzDecoder::new(file).read(&mut head).unwrap();
        text.push_str(&String::from_utf8_lossy(&head[..n]));
        assert!(text.starts_with("id\tisco\ten\ten_alt\tfr\tfr_alt\tes\tes_alt\tdescription\n"));
    }
}
