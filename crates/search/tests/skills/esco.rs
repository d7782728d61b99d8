//! Loads the real ESCO skills asset (`assets/esco/skills.tsv.gz`) into [`SkillEntry`]s.
//!
//! Test-only: parsing the asset for the application belongs to another crate.

use std::io::Read;
use std::path::PathBuf;

use braingain_search::{SkillEntry, SkillLabels};
use flate2::read::GzDecoder;

const LANGS: [&str; 3] = ["en", "fr", "es"];
const HEADER: &str =
    "id\tkind\ttype\treuse\ten\ten_alt\tfr\tfr_alt\tes\tes_alt\tbroader\tdescription";

/// Path of the asset, from this crate's directory.
pub fn asset_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/esco/skills.tsv.gz")
}

/// Every row (skills and skill groups) of the asset, with their en/fr/es labels.
pub fn load() -> Vec<SkillEntry> {
    let file = std::fs::File::open(asset_path()).expect("open skills.tsv.gz");
    let mut text = String::new();
    GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("gunzip skills.tsv.gz");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(HEADER), "unexpected header");
    lines.map(parse_row).collect()
}

fn parse_row(line: &str) -> SkillEntry {
    let cols: Vec<&str> = line.split('\t').collect();
    assert_eq!(cols.len(), 12, "bad row: {line}");
    let labels = LANGS
        .iter()
        .enumerate()
        .map(|(i, lang)| {
            let (preferred, alternatives) = (cols[4 + 2 * i], cols[5 + 2 * i]);
            let alternatives = alternatives
                .split('|')
                .filter(|alt| !alt.is_empty())
                .map(str::to_owned)
                .collect();
            let labels = SkillLabels {
                preferred: preferred.to_owned(),
                alternatives,
            };
            ((*lang).to_owned(), labels)
        })
        .collect();
    SkillEntry {
        id: cols[0].to_owned(),
        labels,
    }
}
