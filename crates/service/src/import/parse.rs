//! Reading an expert list, CSV or JSON, into rows of raw values; a row's problems are
//! reported with the row, a file's problems (unreadable, no header, not a JSON array) stop
//! the import.

use super::items;
use braingain_domain::profile::SkillClaimDraft;
use braingain_domain::{EngagementType, LanguageLevel, Visibility, WorkMode};
use serde_json::Value;

/// Every column (CSV) or key (JSON) an expert list may have, in the documented order.
pub const COLUMNS: [&str; 14] = [
    "email",
    "display_name",
    "headline",
    "bio",
    "residence_country",
    "residence_city",
    "origin_countries",
    "languages",
    "skills",
    "engagement_types",
    "work_modes",
    "hours_per_month",
    "orcid",
    "visibility",
];

/// The columns every row must fill.
pub const REQUIRED: [&str; 4] = ["email", "display_name", "headline", "residence_country"];

/// One row as read, before validation.
#[derive(Debug, Default)]
pub(super) struct RawRow {
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub headline: Option<String>,
    pub bio: Option<String>,
    pub residence_country: Option<String>,
    pub residence_city: Option<String>,
    pub origin_countries: Vec<String>,
    pub languages: Vec<(String, LanguageLevel)>,
    pub skills: Vec<SkillClaimDraft>,
    pub engagement_types: Vec<EngagementType>,
    pub work_modes: Vec<WorkMode>,
    pub hours_per_month: Option<i32>,
    pub orcid: Option<String>,
    pub visibility: Option<Visibility>,
}

/// A row read from the file: its number and its values, or what was wrong with it.
pub(super) struct ReadRow {
    pub line: u64,
    pub raw: Result<RawRow, String>,
    /// The email as written, for reports (even when the row is unreadable).
    pub email: String,
}

/// `displayName` → `display_name`, `EMAIL` → `email`; trims and lower-cases. A word
/// boundary is a capital after a small letter or a digit, so a header in capitals stays one
/// word.
pub(super) fn column_name(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let mut after_small = false;
    for c in key.trim().chars() {
        if c.is_ascii_uppercase() && after_small {
            out.push('_');
        }
        after_small = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn text(cell: &str) -> Option<String> {
    Some(cell.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl RawRow {
    /// Sets `column` from a CSV cell (or a JSON string) in the item syntax.
    pub(super) fn set_cell(&mut self, column: &str, cell: &str) -> Result<(), String> {
        match column {
            "email" => self.email = text(cell),
            "display_name" => self.display_name = text(cell),
            "headline" => self.headline = text(cell),
            "bio" => self.bio = text(cell),
            "residence_country" => self.residence_country = text(cell),
            "residence_city" => self.residence_city = text(cell),
            "orcid" => self.orcid = text(cell),
            "origin_countries" => {
                self.origin_countries = items::split_list(cell).map(str::to_owned).collect();
            }
            "languages" => {
                self.languages = items::split_list(cell)
                    .map(items::language)
                    .collect::<Result<_, _>>()?;
            }
            "skills" => self.skills = items::split_list(cell).map(items::skill).collect(),
            "engagement_types" => {
                self.engagement_types = items::split_list(cell)
                    .map(items::engagement_type)
                    .collect::<Result<_, _>>()?;
            }
            "work_modes" => {
                self.work_modes = items::split_list(cell)
                    .map(items::work_mode)
                    .collect::<Result<_, _>>()?;
            }
            "hours_per_month" => {
                self.hours_per_month = match text(cell) {
                    Some(h) => Some(h.parse().map_err(|_| {
                        format!("hours_per_month: {h:?} is not a whole number of hours")
                    })?),
                    None => None,
                };
            }
            "visibility" => {
                self.visibility = text(cell).map(|v| items::visibility(&v)).transpose()?;
            }
            other => return Err(format!("unknown key {other:?}")),
        }
        Ok(())
    }

    /// Sets `column` from a JSON value: a string in the item syntax, a number of hours, or
    /// an array of items (strings, or objects for languages and skills).
    pub(super) fn set_json(&mut self, column: &str, value: &Value) -> Result<(), String> {
        match value {
            Value::Null => Ok(()),
            Value::String(s) => self.set_cell(column, s),
            Value::Number(n) if column == "hours_per_month" => {
                let hours = n
                    .as_i64()
                    .and_then(|h| i32::try_from(h).ok())
                    .ok_or_else(|| format!("hours_per_month: {n} is not a whole number"))?;
                self.hours_per_month = Some(hours);
                Ok(())
            }
            Value::Array(list) => self.set_list(column, list),
            _ => Err(format!("{column}: expected {}", expected(column))),
        }
    }

    fn set_list(&mut self, column: &str, list: &[Value]) -> Result<(), String> {
        let strings = || {
            list.iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.as_str()),
                    _ => Err(format!("{column}: expected a list of strings")),
                })
                .collect::<Result<Vec<_>, _>>()
        };
        match column {
            "origin_countries" => {
                self.origin_countries = strings()?.into_iter().map(str::to_owned).collect();
            }
            "engagement_types" => {
                self.engagement_types = strings()?
                    .into_iter()
                    .map(items::engagement_type)
                    .collect::<Result<_, _>>()?;
            }
            "work_modes" => {
                self.work_modes = strings()?
                    .into_iter()
                    .map(items::work_mode)
                    .collect::<Result<_, _>>()?;
            }
            "languages" => {
                self.languages = list.iter().map(json_language).collect::<Result<_, _>>()?;
            }
            "skills" => self.skills = list.iter().map(json_skill).collect::<Result<_, _>>()?,
            _ => return Err(format!("{column}: expected {}", expected(column))),
        }
        Ok(())
    }
}

fn expected(column: &str) -> &'static str {
    match column {
        "hours_per_month" => "a whole number",
        "origin_countries" | "languages" | "skills" | "engagement_types" | "work_modes" => "a list",
        _ => "a string",
    }
}

/// The keys of a JSON object, normalised, with unknown ones refused.
fn fields<'a>(
    value: &'a Value,
    column: &str,
    allowed: &[&str],
) -> Result<Vec<(String, &'a Value)>, String> {
    let Value::Object(map) = value else {
        return Err(format!("{column}: expected a string or an object"));
    };
    map.iter()
        .map(|(k, v)| {
            let key = column_name(k);
            if allowed.contains(&key.as_str()) {
                Ok((key, v))
            } else {
                Err(format!("{column}: unknown key {k:?}"))
            }
        })
        .collect()
}

fn json_language(value: &Value) -> Result<(String, LanguageLevel), String> {
    if let Value::String(s) = value {
        return items::language(s);
    }
    let mut code = None;
    let mut level = items::DEFAULT_LANGUAGE_LEVEL;
    for (key, v) in fields(value, "languages", &["code", "level"])? {
        match (key.as_str(), v) {
            ("code", Value::String(s)) => code = Some(s.clone()),
            ("level", Value::String(s)) => level = items::language_level(s)?,
            ("level", Value::Null) => {}
            _ => return Err(format!("languages: {key} must be a string")),
        }
    }
    code.map(|c| (c, level))
        .ok_or_else(|| "languages: each language needs a code".to_owned())
}

fn json_skill(value: &Value) -> Result<SkillClaimDraft, String> {
    if let Value::String(s) = value {
        return Ok(items::skill(s));
    }
    let mut claim = SkillClaimDraft {
        level: items::DEFAULT_SKILL_LEVEL,
        ..SkillClaimDraft::default()
    };
    let whole = |v: &Value, key: &str| {
        v.as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(|| format!("skills: {key} must be a whole number"))
    };
    for (key, v) in fields(value, "skills", &["skill_id", "label", "level", "years"])? {
        match (key.as_str(), v) {
            (_, Value::Null) => {}
            ("skill_id", Value::String(s)) => claim.skill_id = Some(s.clone()),
            ("label", Value::String(s)) => claim.label = Some(s.clone()),
            ("level", v) => claim.level = whole(v, "level")?,
            ("years", v) => claim.years = Some(whole(v, "years")?),
            _ => return Err(format!("skills: {key} must be a string")),
        }
    }
    Ok(claim)
}

/// Reads CSV rows. A file whose header is unreadable, lacks a required column or names an
/// unknown one is refused as a whole.
pub(super) fn csv_rows(bytes: &[u8]) -> Result<Vec<ReadRow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::Headers)
        .from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| format!("cannot read the CSV header: {e}"))?
        .clone();
    let columns: Vec<String> = header.iter().map(column_name).collect();
    if columns.len() == 1 && columns[0].contains(';') {
        return Err("the header has one column; separate columns with commas, not ';'".into());
    }
    for (i, c) in columns.iter().enumerate() {
        if !COLUMNS.contains(&c.as_str()) {
            return Err(format!(
                "unknown column {:?} in the header; the columns are {}",
                header.get(i).map_or(c.as_str(), str::trim),
                COLUMNS.join(", ")
            ));
        }
        if columns[..i].contains(c) {
            return Err(format!("the column {c:?} appears twice in the header"));
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|r| !columns.iter().any(|c| c == r))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the header lacks the required column(s) {}",
            missing.join(", ")
        ));
    }
    let email_at = columns.iter().position(|c| c == "email");
    let mut lines = Lines::new(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let Some(pos) = e.position() else {
                    return Err(format!("cannot read the file: {e}"));
                };
                rows.push(ReadRow {
                    line: lines.at(pos),
                    raw: Err(format!("unreadable row: {e}")),
                    email: String::new(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |pos| lines.at(pos));
        let email = email_at
            .and_then(|i| record.get(i))
            .unwrap_or_default()
            .trim()
            .to_owned();
        let raw = if record.len() == columns.len() {
            let mut raw = RawRow::default();
            columns
                .iter()
                .zip(record.iter())
                .try_for_each(|(c, cell)| raw.set_cell(c, cell))
                .map(|()| raw)
        } else {
            Err(format!(
                "the row has {} fields but the header has {} columns",
                record.len(),
                columns.len()
            ))
        };
        rows.push(ReadRow { line, raw, email });
    }
    Ok(rows)
}

/// The physical line on which each CSV record starts, counting `\n`, `\r\n` and a lone `\r`
/// as one line break each. The csv crate's own line numbers count `\n` only and, after a
/// `\r\n`, give the line before (its byte offset points at that `\n`), so a spreadsheet's
/// CRLF export would have every rejected row reported one line too early.
struct Lines<'a> {
    bytes: &'a [u8],
    /// Bytes before this offset are counted...
    counted: usize,
    /// ...and this is the line at that offset.
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            counted: 0,
            line: 1,
        }
    }

    /// The line of the record at `pos`. Records come in file order, so counting goes on
    /// from the previous record: the whole file is scanned once.
    fn at(&mut self, pos: &csv::Position) -> u64 {
        let mut start = usize::try_from(pos.byte())
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        // A record never starts with a line break: the reader's offset may be just before.
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if let Some(segment) = self.bytes.get(self.counted..start) {
            for (i, b) in segment.iter().enumerate() {
                let lone_cr = *b == b'\r' && segment.get(i + 1) != Some(&b'\n');
                if *b == b'\n' || lone_cr {
                    self.line += 1;
                }
            }
            self.counted = start;
        }
        self.line
    }
}

/// Reads a JSON array of objects; the row number of each is its 1-based index. A file that
/// is not a JSON array is refused as a whole.
pub(super) fn json_rows(bytes: &[u8]) -> Result<Vec<ReadRow>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let items: Vec<Value> = serde_json::from_slice(bytes)
        .map_err(|e| format!("the file is not a JSON array of expert objects: {e}"))?;
    Ok(items
        .iter()
        .zip(1..)
        .map(|(item, line)| {
            // Under whichever spelling of the key (`Email`, `EMAIL`) the row is read with, so
            // that in-file duplicates are caught and reports show the address.
            let email = item
                .as_object()
                .and_then(|map| map.iter().find(|(k, _)| column_name(k) == "email"))
                .and_then(|(_, v)| v.as_str())
                .unwrap_or_default()
                .trim()
                .to_owned();
            let raw = match item {
                Value::Object(map) => {
                    let mut raw = RawRow::default();
                    map.iter()
                        .try_for_each(|(k, v)| raw.set_json(&column_name(k), v))
                        .map(|()| raw)
                }
                _ => Err("expected an object".to_owned()),
            };
            ReadRow { line, raw, email }
        })
        .collect())
}
