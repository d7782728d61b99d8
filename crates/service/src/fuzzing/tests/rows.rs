//! Plausible expert lists for the property tests: cells with any Unicode, quotes, separators,
//! line breaks and oversized text, columns in any order and spelling, written as CSV (LF or
//! CRLF, with or without a BOM) and as JSON (lists as item strings or arrays of objects), and
//! the outcome each row must have, computed from the domain's validation directly.

use braingain_domain::profile::{ProfileDraft, SkillClaimDraft, ValidProfile};
use braingain_domain::{
    DisplayName, Email, EngagementType, LanguageLevel, SkillId, Visibility, WorkMode,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use serde_json::{Map, Value, json};
use std::collections::HashSet;

/// Text samples that have broken CSV or JSON readers somewhere.
const TEXTS: &[&str] = &[
    "Hydrologist, flood modelling",
    "\"Quoted\" expert; \"twice\"",
    "  Épidémiologiste   à Dakar ",
    "مهندسة موارد مائية",
    "水文学者",
    "emoji 🌍🇳🇬 and combining e\u{301}",
    "two\nlines",
    "two\r\nlines",
    "\u{feff}bom inside",
    "tab\there",
    "nul\u{0}byte",
    "",
    "   ",
    "ends with a backslash \\",
    "=HYPERLINK(\"x\")",
];
const COUNTRIES: &[&str] = &["NL", "ng", " GH ", "FR", "sn", "XK", "XX", "NGA", "ÑG"];
const LANGUAGES: &[&str] = &["en", "FR", " yo", "ar", "pt", "xx", "eng", "e"];
const LABELS: &[&str] = &[
    "Flood risk modelling",
    "C++: templates",
    "ISO 9001:2015",
    "8369c2d6-c100-4cf6-bd83-9668d8678433",
    "not-a-uuid",
    "Épidémiologie",
    "x",
];
const ORCIDS: &[&str] = &[
    "0000-0002-1825-0097",
    "https://orcid.org/0000-0002-1694-233X",
    "0000-0002-1825-0098",
    "",
];
/// The columns a row may lack.
const OPTIONAL: [&str; 10] = [
    "bio",
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

/// A language item: a code and, when written, a level.
#[derive(Debug, Clone)]
pub struct Language {
    code: String,
    level: Option<LanguageLevel>,
}

/// A skill item: an id or label, and a level (with years) when written.
#[derive(Debug, Clone)]
pub struct Skill {
    head: String,
    level: Option<(i32, Option<i32>)>,
}

/// One expert as the file means it.
#[derive(Debug, Clone)]
pub struct Row {
    email: String,
    display_name: String,
    headline: String,
    bio: String,
    residence_country: String,
    residence_city: String,
    origin_countries: Vec<String>,
    languages: Vec<Language>,
    skills: Vec<Skill>,
    engagement_types: Vec<EngagementType>,
    work_modes: Vec<WorkMode>,
    hours_per_month: Option<i32>,
    orcid: String,
    visibility: Option<Visibility>,
    /// An unknown work mode is added to the cell: the row must be rejected.
    bad_work_mode: bool,
}

/// A file: its columns (required ones always) in order, as spelled in the header, and rows.
#[derive(Debug, Clone)]
pub struct List {
    /// (normalised name, spelling in the header or as a JSON key).
    pub columns: Vec<(&'static str, String)>,
    /// The rows.
    pub rows: Vec<Row>,
    /// JSON lists as arrays (else as item strings).
    pub json_arrays: bool,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(TEXTS).prop_map(str::to_owned),
        3 => "[\\p{L}\\p{N} ,;:.\"'()\\-]{0,40}",
        1 => any::<String>(),
        1 => ("\\PC{1,12}", 1..500usize).prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn padded(samples: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        select(samples),
        select(&["", " ", "\t"][..]),
        select(&["", " ", "\u{a0}"][..]),
    )
        .prop_map(|(s, before, after)| format!("{before}{s}{after}"))
}

fn email() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..6u8, select(&["", " ", "\t"][..]), any::<bool>()).prop_map(|(n, pad, caps)| {
            let address = if caps { format!("Expert{n}@Example.ORG") } else { format!("expert{n}@example.org") };
            format!("{pad}{address}{pad}")
        }),
        2 => "[a-z0-9._%+\\-]{1,20}@[a-z0-9\\-]{1,10}\\.[a-z]{2,4}",
        1 => "\\p{L}{1,70}@\\p{L}{1,10}\\.org",
        1 => text(),
    ]
}

fn language() -> impl Strategy<Value = Language> {
    (
        padded(LANGUAGES),
        proptest::option::of(select(LanguageLevel::ALL)),
    )
        .prop_map(|(code, level)| Language { code, level })
}

fn skill() -> impl Strategy<Value = Skill> {
    let head = prop_oneof![
        select(LABELS).prop_map(str::to_owned),
        "\\p{L}[\\p{L}\\p{N} +#.()/'\\-]{0,30}",
        ("\\p{L}{1,3}", 30..60usize).prop_map(|(s, n)| s.repeat(n)),
    ];
    let level = proptest::option::of((-1..=6i32, proptest::option::of(-1..=120i32)));
    (head, level).prop_map(|(head, level)| Skill { head, level })
}

fn row() -> impl Strategy<Value = Row> {
    let who = (email(), text(), text(), text(), padded(COUNTRIES), text());
    let lists = (
        proptest::collection::vec(padded(COUNTRIES), 0..7),
        proptest::collection::vec(language(), 0..5),
        proptest::collection::vec(skill(), 0..6),
        proptest::collection::vec(select(EngagementType::ALL), 0..4),
        proptest::collection::vec(select(WorkMode::ALL), 0..3),
    );
    let rest = (
        proptest::option::of(prop_oneof![-3..=210i32, any::<i32>()]),
        prop_oneof![select(ORCIDS).prop_map(str::to_owned), text()],
        proptest::option::of(select(Visibility::ALL)),
        proptest::bool::weighted(0.05),
    );
    (who, lists, rest).prop_map(
        |(
            (email, display_name, headline, bio, residence_country, residence_city),
            (origin_countries, languages, skills, engagement_types, work_modes),
            (hours_per_month, orcid, visibility, bad_work_mode),
        )| Row {
            email,
            display_name,
            headline,
            bio,
            residence_country,
            residence_city,
            origin_countries,
            languages,
            skills,
            engagement_types,
            work_modes,
            hours_per_month,
            orcid,
            visibility,
            bad_work_mode,
        },
    )
}

/// A column name as a spreadsheet or a JSON producer might write it.
fn spelling(column: &'static str) -> impl Strategy<Value = (&'static str, String)> {
    let camel: String = column
        .split('_')
        .enumerate()
        .map(|(i, word)| {
            if i == 0 {
                word.to_owned()
            } else {
                word[..1].to_ascii_uppercase() + &word[1..]
            }
        })
        .collect();
    let capital = column[..1].to_ascii_uppercase() + &column[1..];
    select(vec![
        column.to_owned(),
        column.to_owned(),
        format!(" {column} "),
        camel,
        capital,
        column.to_ascii_uppercase(),
    ])
    .prop_map(move |s| (column, s))
}

/// An expert list of up to `max_rows` rows.
pub fn list(max_rows: usize) -> impl Strategy<Value = List> {
    let columns = subsequence(OPTIONAL.to_vec(), 0..=OPTIONAL.len())
        .prop_flat_map(|optional| {
            let names: Vec<&'static str> = crate::import::REQUIRED
                .into_iter()
                .chain(optional)
                .collect();
            names.into_iter().map(spelling).collect::<Vec<_>>()
        })
        .prop_shuffle();
    (
        columns,
        proptest::collection::vec(row(), 0..=max_rows),
        any::<bool>(),
    )
        .prop_map(|(columns, rows, json_arrays)| List {
            columns,
            rows,
            json_arrays,
        })
}

/// An enumeration value as people type it: any case, `_` or space or `-`.
fn spell(value: &str, variant: usize) -> String {
    match variant % 4 {
        0 => value.to_owned(),
        1 => value.to_ascii_lowercase(),
        2 => value.replace('_', " ").to_ascii_lowercase(),
        _ => value.replace('_', "-"),
    }
}

impl Row {
    fn language_item(l: &Language) -> String {
        match l.level {
            Some(level) => format!("{}:{}", l.code, spell(level.as_str(), l.code.len())),
            None => l.code.clone(),
        }
    }

    fn skill_item(s: &Skill) -> String {
        match s.level {
            Some((level, Some(years))) => format!("{}:{level}:{years}", s.head),
            Some((level, None)) => format!("{}:{level}", s.head),
            None => s.head.clone(),
        }
    }

    fn work_mode_items(&self) -> Vec<String> {
        let mut items: Vec<String> = self
            .work_modes
            .iter()
            .enumerate()
            .map(|(i, m)| spell(m.as_str(), i))
            .collect();
        if self.bad_work_mode {
            items.push("TELEPATHY".into());
        }
        items
    }

    /// The row's cell under `column`, in the CSV syntax.
    pub fn cell(&self, column: &str) -> String {
        let join = |items: Vec<String>| items.join(";");
        match column {
            "email" => self.email.clone(),
            "display_name" => self.display_name.clone(),
            "headline" => self.headline.clone(),
            "bio" => self.bio.clone(),
            "residence_country" => self.residence_country.clone(),
            "residence_city" => self.residence_city.clone(),
            "origin_countries" => self.origin_countries.join(";"),
            "languages" => join(self.languages.iter().map(Self::language_item).collect()),
            "skills" => join(self.skills.iter().map(Self::skill_item).collect()),
            "engagement_types" => join(
                self.engagement_types
                    .iter()
                    .enumerate()
                    .map(|(i, t)| spell(t.as_str(), i + 1))
                    .collect(),
            ),
            "work_modes" => join(self.work_mode_items()),
            "hours_per_month" => self
                .hours_per_month
                .map(|h| h.to_string())
                .unwrap_or_default(),
            "orcid" => self.orcid.clone(),
            "visibility" => self
                .visibility
                .map(|v| spell(v.as_str(), 1))
                .unwrap_or_default(),
            other => panic!("no column {other}"),
        }
    }

    /// The row's value under `column` as a JSON producer writes it.
    fn json(&self, column: &str, arrays: bool) -> Value {
        if !arrays {
            return match column {
                "hours_per_month" => self.hours_per_month.map_or(Value::Null, Value::from),
                _ => Value::String(self.cell(column)),
            };
        }
        match column {
            "origin_countries" => json!(self.origin_countries),
            "languages" => self
                .languages
                .iter()
                .map(|l| match l.level {
                    Some(level) => json!({ "code": l.code, "level": level.as_str() }),
                    None => json!({ "code": l.code }),
                })
                .collect(),
            "skills" => self
                .skills
                .iter()
                .map(|s| {
                    let key = if s.head.trim().parse::<SkillId>().is_ok() {
                        "skillId"
                    } else {
                        "label"
                    };
                    let mut object = Map::new();
                    object.insert(key.into(), json!(s.head));
                    if let Some((level, years)) = s.level {
                        object.insert("level".into(), json!(level));
                        object.insert("years".into(), json!(years));
                    }
                    Value::Object(object)
                })
                .collect(),
            "engagement_types" => json!(
                self.engagement_types
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
            ),
            "work_modes" => json!(self.work_mode_items()),
            _ => self.json(column, false),
        }
    }

    /// What the row means, validated by the domain: `None` if it must be rejected.
    fn expected(&self, columns: &[&str]) -> Option<(Email, DisplayName, ValidProfile)> {
        let has = |c: &str| columns.contains(&c);
        if self.bad_work_mode && has("work_modes") {
            return None;
        }
        let level = |l: &Language| l.level.unwrap_or(LanguageLevel::Fluent);
        let draft = ProfileDraft {
            headline: self.headline.clone(),
            bio: if has("bio") {
                self.bio.clone()
            } else {
                String::new()
            },
            residence_country: self.residence_country.clone(),
            residence_city: has("residence_city").then(|| self.residence_city.clone()),
            origin_countries: if has("origin_countries") {
                self.origin_countries.clone()
            } else {
                Vec::new()
            },
            languages: if has("languages") {
                self.languages
                    .iter()
                    .map(|l| (l.code.clone(), level(l)))
                    .collect()
            } else {
                Vec::new()
            },
            skills: if has("skills") {
                self.skills.iter().map(claim).collect()
            } else {
                Vec::new()
            },
            engagement_types: if has("engagement_types") {
                self.engagement_types.clone()
            } else {
                Vec::new()
            },
            work_modes: if has("work_modes") {
                self.work_modes.clone()
            } else {
                Vec::new()
            },
            hours_per_month: self.hours_per_month.filter(|_| has("hours_per_month")),
            orcid: has("orcid").then(|| self.orcid.clone()),
            visibility: self
                .visibility
                .filter(|_| has("visibility"))
                .unwrap_or(Visibility::Members),
        };
        Some((
            Email::parse(&self.email).ok()?,
            DisplayName::parse_field(&self.display_name, "display_name").ok()?,
            draft.validate().ok()?,
        ))
    }
}

fn claim(s: &Skill) -> SkillClaimDraft {
    let (level, years) = s.level.unwrap_or((3, None));
    let head = s.head.trim();
    let (skill_id, label) = if head.parse::<SkillId>().is_ok() {
        (Some(head.to_owned()), None)
    } else {
        (None, Some(s.head.clone()))
    };
    SkillClaimDraft {
        skill_id,
        label,
        level,
        years,
    }
}

impl List {
    fn names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|(name, _)| *name).collect()
    }

    /// The list as CSV, with `\r\n` line ends if `crlf`, after a BOM if `bom`.
    pub fn csv(&self, crlf: bool, bom: bool) -> Vec<u8> {
        let terminator = if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut out = if bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        let mut writer = csv::WriterBuilder::new()
            .terminator(terminator)
            .from_writer(&mut out);
        let write = |writer: &mut csv::Writer<&mut Vec<u8>>, record: Vec<String>| {
            writer
                .write_record(record)
                .unwrap_or_else(|e| panic!("writing CSV to memory: {e}"));
        };
        write(
            &mut writer,
            self.columns.iter().map(|(_, s)| s.clone()).collect(),
        );
        for row in &self.rows {
            write(
                &mut writer,
                self.columns.iter().map(|(c, _)| row.cell(c)).collect(),
            );
        }
        drop(writer);
        out
    }

    /// The list as a JSON array.
    pub fn json(&self) -> Vec<u8> {
        let items: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                Value::Object(
                    self.columns
                        .iter()
                        .map(|(c, key)| (key.trim().to_owned(), row.json(c, self.json_arrays)))
                        .collect(),
                )
            })
            .collect();
        Value::Array(items).to_string().into_bytes()
    }

    /// Each row's outcome in file order: what it imports as, or `None` for a rejection.
    pub fn expected(&self) -> Vec<Option<(Email, DisplayName, ValidProfile)>> {
        let columns = self.names();
        let mut seen = HashSet::new();
        self.rows
            .iter()
            .map(|row| {
                // An address already on an earlier row is refused, valid row or not.
                if let Ok(email) = Email::parse(&row.email)
                    && !seen.insert(email)
                {
                    return None;
                }
                row.expected(&columns)
            })
            .collect()
    }
}
