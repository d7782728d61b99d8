//! Bulk import of an existing expert list (CSV or JSON, columns documented in the README's
//! "Importing experts"): rows are read and validated exactly as `saveExpertProfile` would
//! validate them, rejected rows are reported with their line and reason, and the rest are
//! written in batches, each in its own transaction, as new EXPERT accounts with profiles and
//! an invitation mail to choose a password. A row whose email already has an account creates
//! nothing, so importing the same file twice creates nothing new.

mod batch;
pub(crate) mod items;
mod parse;

pub use batch::{BatchReport, ImportOptions, ImportOutcome};
pub use parse::{COLUMNS, REQUIRED};

use crate::{ServiceError, ServiceResult};
use braingain_domain::profile::{ProfileDraft, ValidProfile};
use braingain_domain::{DisplayName, Email, Visibility};
use std::collections::HashMap;
use std::path::Path;

/// How long the link in an invitation mail stays valid.
pub const INVITATION_VALID_DAYS: i64 = 14;

/// How an expert list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Comma-separated values with a header line; a row's number is its line in the file.
    Csv,
    /// A JSON array of objects; a row's number is its 1-based index in the array.
    Json,
}

impl SourceFormat {
    /// What a row number means in this format (`line` or `item`).
    #[must_use]
    pub fn row_word(self) -> &'static str {
        match self {
            SourceFormat::Csv => "line",
            SourceFormat::Json => "item",
        }
    }
}

/// The format of `path`: by extension (`.csv`, `.json`), else by its first character
/// (`[` or `{` is JSON, anything else CSV).
#[must_use]
pub fn detect_format(path: &Path, bytes: &[u8]) -> SourceFormat {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") => SourceFormat::Csv,
        Some("json") => SourceFormat::Json,
        _ => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match body.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'[' | b'{') => SourceFormat::Json,
                _ => SourceFormat::Csv,
            }
        }
    }
}

/// A valid row, ready to import.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Its line (CSV) or 1-based index (JSON) in the file.
    pub line: u64,
    /// The account's email.
    pub email: Email,
    /// The account's display name.
    pub display_name: DisplayName,
    /// The profile, validated like `saveExpertProfile` input.
    pub profile: ValidProfile,
}

/// A row that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Its line (CSV) or 1-based index (JSON) in the file.
    pub line: u64,
    /// The email as written in the row (possibly empty or malformed).
    pub email: String,
    /// What is wrong, naming the field (`input.residenceCountry: "XX" is not …`).
    pub reason: String,
}

/// A file read and validated: rows to import and rows refused.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// The format it was read as.
    pub format: SourceFormat,
    /// Rows in the file.
    pub rows: usize,
    /// Valid rows, in file order.
    pub candidates: Vec<Candidate>,
    /// Refused rows, in file order.
    pub rejected: Vec<Rejection>,
}

/// Reads and validates the expert list at `path` (blocking: call it off the async runtime).
/// A file that cannot be read, or parsed as a whole, is a `BAD_USER_INPUT` on `file`.
pub fn read_file(path: &Path) -> ServiceResult<ParsedFile> {
    let bytes = std::fs::read(path).map_err(|e| {
        ServiceError::bad_input("file", format!("cannot read {}: {e}", path.display()))
    })?;
    parse(&bytes, detect_format(path, &bytes))
}

/// Reads and validates an expert list held in memory.
pub fn parse(bytes: &[u8], format: SourceFormat) -> ServiceResult<ParsedFile> {
    let read = match format {
        SourceFormat::Csv => parse::csv_rows(bytes),
        SourceFormat::Json => parse::json_rows(bytes),
    }
    .map_err(|message| ServiceError::bad_input("file", message))?;
    let rows = read.len();
    let mut candidates = Vec::with_capacity(rows);
    let mut rejected = Vec::new();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    let word = format.row_word();
    for row in read {
        // A person listed twice is refused the second time even if the first row is
        // invalid: the file disagrees with itself, and the import does not guess.
        if let Ok(email) = Email::parse(&row.email) {
            if let Some(first) = first_line.get(email.as_str()) {
                rejected.push(Rejection {
                    line: row.line,
                    reason: format!("email: {email} is already on {word} {first} of this file"),
                    email: row.email,
                });
                continue;
            }
            first_line.insert(email.as_str().to_owned(), row.line);
        }
        let outcome = row.raw.and_then(|raw| candidate(row.line, raw));
        match outcome {
            Ok(c) => candidates.push(c),
            Err(reason) => rejected.push(Rejection {
                line: row.line,
                email: row.email,
                reason,
            }),
        }
    }
    Ok(ParsedFile {
        format,
        rows,
        candidates,
        rejected,
    })
}

/// Validates a raw row as `register` and `saveExpertProfile` would.
fn candidate(line: u64, raw: parse::RawRow) -> Result<Candidate, String> {
    let (email, display_name, draft) = into_draft(raw);
    let email = Email::parse_field(email.as_deref().unwrap_or_default(), "email").map_err(|e| {
        if email.is_none() {
            "email: the email is required".to_owned()
        } else {
            e.to_string()
        }
    })?;
    let display_name =
        DisplayName::parse_field(display_name.as_deref().unwrap_or_default(), "display_name")
            .map_err(|e| {
                if display_name.is_none() {
                    "display_name: the display name is required".to_owned()
                } else {
                    e.to_string()
                }
            })?;
    let profile = draft.validate().map_err(|e| e.to_string())?;
    Ok(Candidate {
        line,
        email,
        display_name,
        profile,
    })
}

/// A row's email, display name and profile draft, not yet validated.
fn into_draft(raw: parse::RawRow) -> (Option<String>, Option<String>, ProfileDraft) {
    let draft = ProfileDraft {
        headline: raw.headline.unwrap_or_default(),
        bio: raw.bio.unwrap_or_default(),
        residence_country: raw.residence_country.unwrap_or_default(),
        residence_city: raw.residence_city,
        origin_countries: raw.origin_countries,
        languages: raw.languages,
        skills: raw.skills,
        engagement_types: raw.engagement_types,
        work_modes: raw.work_modes,
        hours_per_month: raw.hours_per_month,
        orcid: raw.orcid,
        visibility: raw.visibility.unwrap_or(Visibility::Members),
    };
    (raw.email, raw.display_name, draft)
}

/// A JSON expert list read into unvalidated drafts, for callers that save profiles through
/// `saveExpertProfile` (the demo network). Any unreadable row is an error.
pub(crate) fn json_drafts(bytes: &[u8]) -> Result<Vec<(String, String, ProfileDraft)>, String> {
    parse::json_rows(bytes)?
        .into_iter()
        .map(|row| {
            let raw = row.raw.map_err(|e| format!("item {}: {e}", row.line))?;
            let (email, name, draft) = into_draft(raw);
            Ok((email.unwrap_or_default(), name.unwrap_or_default(), draft))
        })
        .collect()
}

/// Writes rejected rows as CSV with the header `line,email,reason`.
pub fn write_report(rejected: &[Rejection], out: impl std::io::Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(["line", "email", "reason"])?;
    for r in rejected {
        writer.write_record([r.line.to_string().as_str(), &r.email, &r.reason])?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "email,display_name,headline,residence_country,languages,skills\n";

    fn reasons(file: &ParsedFile) -> Vec<(u64, String)> {
        file.rejected
            .iter()
            .map(|r| (r.line, r.reason.clone()))
            .collect()
    }

    #[test]
    fn csv_rows_are_validated_and_numbered_by_physical_line() {
        let csv = format!(
            "{HEADER}a@example.org,Ada,Hydrologist,NL,en:NATIVE,Flood risk:5:20\n\
             b@example.org,Bea,\"Two-line\nheadline\",NL,,\n\
             c@example.org,Cy,Economist,XX,,\n\
             A@example.org,Ada again,Hydrologist,NL,,\n"
        );
        let file = parse(csv.as_bytes(), SourceFormat::Csv).unwrap();
        assert_eq!(file.rows, 4);
        assert_eq!(file.candidates.len(), 1);
        let p = &file.candidates[0].profile;
        assert_eq!(p.visibility, Visibility::Members, "the default visibility");
        assert_eq!((p.skills[0].level, p.skills[0].years), (5, Some(20)));
        let r = reasons(&file);
        assert_eq!(r[0].0, 3);
        assert!(r[0].1.starts_with("input.headline"), "{r:?}");
        assert_eq!(
            r[1].0, 5,
            "the record after a quoted line break starts on line 5"
        );
        assert!(r[1].1.contains("input.residenceCountry"), "{r:?}");
        assert_eq!(r[2].0, 6);
        assert!(r[2].1.contains("line 2 of this file"), "{r:?}");
    }

    #[test]
    fn crlf_and_lone_cr_line_ends_number_rows_by_physical_line_and_capital_headers_are_read() {
        let csv = "EMAIL,Display_Name,headline,residence_country\r\n\
                   a@example.org,Ada,Hydrologist,XX\r\n\r\n\
                   b@example.org,Bea,\"Two\r\nlines\",NL\r\n\
                   c@example.org,Cy,Economist,XX\r\
                   d@example.org,Di,Economist,XX\r\n";
        let file = parse(csv.as_bytes(), SourceFormat::Csv).unwrap();
        let lines: Vec<u64> = reasons(&file).iter().map(|r| r.0).collect();
        assert_eq!(lines, [2, 4, 6, 7], "{:?}", reasons(&file));
        let err = parse(b"email,Display Name\n", SourceFormat::Csv).unwrap_err();
        assert!(
            err.to_string().contains("\"Display Name\""),
            "the header as written: {err}"
        );
    }

    #[test]
    fn a_json_email_key_in_any_spelling_is_checked_for_duplicates_and_reported() {
        let json = r#"[
          {"Email": "a@example.org", "displayName": "Ada", "headline": "x", "residenceCountry": "NL"},
          {"EMAIL": "A@example.org", "DISPLAY_NAME": "Ada", "HEADLINE": "x", "RESIDENCE_COUNTRY": "NL"}
        ]"#;
        let file = parse(json.as_bytes(), SourceFormat::Json).unwrap();
        assert_eq!(file.candidates.len(), 1);
        assert_eq!(file.rejected[0].email, "A@example.org");
        assert!(
            file.rejected[0].reason.contains("item 1"),
            "{:?}",
            file.rejected
        );
    }

    #[test]
    fn a_bad_header_refuses_the_whole_file() {
        for bad in [
            "email,display_name,headline\n",
            "email,display_name,headline,residence_country,skils\n",
            "email;display_name;headline;residence_country\n",
            "",
        ] {
            let err = parse(bad.as_bytes(), SourceFormat::Csv).unwrap_err();
            assert_eq!(err.code(), "BAD_USER_INPUT", "{bad:?}");
        }
    }

    #[test]
    fn json_items_take_lists_as_arrays_or_item_strings() {
        let json = r#"[
          {"email": "a@example.org", "display_name": "Ada", "headline": "Hydrologist",
           "residence_country": "NL", "origin_countries": ["NG"],
           "languages": [{"code": "en", "level": "native"}, "yo"],
           "skills": [{"label": "Flood risk", "level": 4, "years": 3}, "Hydrology:2"],
           "work_modes": "REMOTE;SHORT_VISIT", "hoursPerMonth": 8, "visibility": "public"},
          {"email": "b@example.org", "display_name": "Bea", "headline": "x",
           "residence_country": "NL", "favourite_colour": "blue"},
          "not an object"
        ]"#;
        let file = parse(json.as_bytes(), SourceFormat::Json).unwrap();
        assert_eq!(file.candidates.len(), 1);
        let p = &file.candidates[0].profile;
        assert_eq!(p.languages.len(), 2);
        assert_eq!(p.skills.len(), 2);
        assert_eq!(p.work_modes.len(), 2);
        assert_eq!(p.hours_per_month, Some(8));
        assert_eq!(p.visibility, Visibility::Public);
        let r = reasons(&file);
        assert_eq!(r[0].0, 2);
        assert!(r[0].1.contains("favourite_colour"), "{r:?}");
        assert_eq!(r[1].0, 3);
        assert!(parse(b"{\"email\": 1}", SourceFormat::Json).is_err());
    }

    #[test]
    fn the_format_comes_from_the_extension_else_the_first_character() {
        assert_eq!(
            detect_format(Path::new("x.JSON"), b"email"),
            SourceFormat::Json
        );
        assert_eq!(detect_format(Path::new("x.csv"), b"["), SourceFormat::Csv);
        assert_eq!(
            detect_format(Path::new("x.txt"), b"\xEF\xBB\xBF  ["),
            SourceFormat::Json
        );
        assert_eq!(detect_format(Path::new("x"), b"email,"), SourceFormat::Csv);
    }

    #[test]
    fn the_report_is_csv_with_a_header() {
        let mut out = Vec::new();
        write_report(
            &[Rejection {
                line: 3,
                email: "x@example.org".into(),
                reason: "input.headline: enter, please".into(),
            }],
            &mut out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "line,email,reason\n3,x@example.org,\"input.headline: enter, please\"\n"
        );
    }
}
