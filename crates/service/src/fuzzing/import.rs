//! The expert-list parsers under arbitrary bytes: `detect_format` and `import::parse` for
//! CSV and JSON, with every row accounted for, accepted rows valid and normalised, and the
//! rejection report readable back as written.

use super::profile::check_valid_profile;
use crate::ServiceError;
use crate::import::{self, ParsedFile, Rejection, SourceFormat};
use braingain_domain::account::MAX_DISPLAY_NAME_CHARS;
use braingain_domain::email::MAX_EMAIL_LEN;
use braingain_domain::{DisplayName, Email};
use std::collections::HashSet;
use std::path::Path;

/// The `import_csv` fuzz target: `data` read as a CSV expert list.
pub fn import_csv(data: &[u8]) {
    import_bytes(data, SourceFormat::Csv);
}

/// The `import_json` fuzz target: `data` read as a JSON expert list.
pub fn import_json(data: &[u8]) {
    import_bytes(data, SourceFormat::Json);
}

/// Detects the format of `data` as an upload without extension would be, parses it as
/// `format`, and checks the outcome (see [`check_parsed`]).
pub fn import_bytes(data: &[u8], format: SourceFormat) {
    check_detection(data);
    match import::parse(data, format) {
        Ok(file) => check_parsed(data, &file),
        Err(ServiceError::BadInput { field, message }) => {
            assert_eq!(
                field, "file",
                "a file refused as a whole is refused on `file`"
            );
            assert!(!message.is_empty(), "a refused file says why");
        }
        Err(other) => panic!("a file is refused with BAD_USER_INPUT only, got {other:?}"),
    }
}

/// Checks a parsed file against the bytes it came from: every row is either a candidate or a
/// rejection, rows are numbered once each in file order within the file's lines (CSV) or
/// items (JSON), candidates are valid and normalised with distinct emails, and the rejection
/// report reads back as written.
pub fn check_parsed(data: &[u8], file: &ParsedFile) {
    assert_eq!(
        file.rows,
        file.candidates.len() + file.rejected.len(),
        "every row is imported or rejected"
    );
    let max_line = match file.format {
        SourceFormat::Json => u64::try_from(file.rows).unwrap_or(u64::MAX),
        SourceFormat::Csv => {
            let breaks = data.iter().filter(|b| matches!(b, b'\n' | b'\r')).count();
            u64::try_from(breaks).unwrap_or(u64::MAX).saturating_add(1)
        }
    };
    let candidate_lines: Vec<u64> = file.candidates.iter().map(|c| c.line).collect();
    let rejected_lines: Vec<u64> = file.rejected.iter().map(|r| r.line).collect();
    for lines in [&candidate_lines, &rejected_lines] {
        assert!(
            lines.windows(2).all(|w| w[0] < w[1]),
            "rows are in file order, once each: {lines:?}"
        );
        assert!(
            lines.iter().all(|l| (1..=max_line).contains(l)),
            "row numbers are within the file (1..={max_line}): {lines:?}"
        );
    }
    let all: HashSet<u64> = candidate_lines
        .iter()
        .chain(&rejected_lines)
        .copied()
        .collect();
    assert_eq!(
        all.len(),
        file.rows,
        "no row number is both imported and rejected"
    );

    let mut emails = HashSet::new();
    for candidate in &file.candidates {
        check_email(&candidate.email);
        assert!(
            emails.insert(candidate.email.as_str()),
            "one candidate per address: {}",
            candidate.email
        );
        check_display_name(&candidate.display_name);
        check_valid_profile(&candidate.profile);
    }
    for r in &file.rejected {
        assert!(!r.reason.trim().is_empty(), "a rejected row says why");
    }
    check_report(&file.rejected);
}

/// The format of an upload without extension follows its first significant byte; an
/// extension always wins.
fn check_detection(data: &[u8]) {
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let looks_json = matches!(
        body.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'[' | b'{')
    );
    let detected = import::detect_format(Path::new("upload"), data);
    assert_eq!(detected == SourceFormat::Json, looks_json);
    assert_eq!(
        import::detect_format(Path::new("upload.CSV"), data),
        SourceFormat::Csv
    );
    assert_eq!(
        import::detect_format(Path::new("upload.json"), data),
        SourceFormat::Json
    );
}

/// A stored address parses to itself: trimmed, lower-case, within the length limit.
pub(super) fn check_email(email: &Email) {
    let text = email.as_str();
    assert!(
        text.len() <= MAX_EMAIL_LEN,
        "an address has at most {MAX_EMAIL_LEN} bytes once normalised: {text:?} has {}",
        text.len()
    );
    assert_eq!(text, text.trim());
    assert_eq!(text, text.to_lowercase(), "addresses are stored lower-case");
    assert_eq!(
        Email::parse(text).as_ref(),
        Ok(email),
        "a stored address parses to itself"
    );
}

/// A display name is one line of 1 to 100 characters without control characters, and parses
/// to itself.
fn check_display_name(name: &DisplayName) {
    let text = name.as_str();
    let chars = text.chars().count();
    assert!((1..=MAX_DISPLAY_NAME_CHARS).contains(&chars), "{text:?}");
    assert!(!text.chars().any(char::is_control), "{text:?}");
    assert!(!text.contains("  ") && text == text.trim(), "{text:?}");
    assert_eq!(
        DisplayName::parse_field(text, "display_name").as_ref(),
        Ok(name),
        "a display name parses to itself"
    );
}

/// The `--report` file lists the rejected rows as they were, readable as CSV.
fn check_report(rejected: &[Rejection]) {
    let mut out = Vec::new();
    import::write_report(rejected, &mut out)
        .unwrap_or_else(|e| panic!("writing the report to memory failed: {e}"));
    let mut reader = csv::ReaderBuilder::new().from_reader(out.as_slice());
    let header = reader
        .headers()
        .unwrap_or_else(|e| panic!("the report has a header: {e}"))
        .clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        ["line", "email", "reason"]
    );
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("the report reads back: {e}"));
    assert_eq!(
        records.len(),
        rejected.len(),
        "one report line per rejected row"
    );
    for (record, r) in records.iter().zip(rejected) {
        let line = r.line.to_string();
        assert_eq!(
            record.iter().collect::<Vec<_>>(),
            [line.as_str(), r.email.as_str(), r.reason.as_str()],
            "the report holds the row as rejected"
        );
    }
}
