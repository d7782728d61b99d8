//! Property tests over the fuzz entry points, run in CI with proptest's default of 256 cases
//! per property (a few seconds). For a long run on demand raise the count:
//! `PROPTEST_CASES=20000 cargo nextest run -p braingain-service fuzzing`. Random bytes, CSV-
//! and JSON-shaped noise, and plausible expert lists (compared against the domain's own
//! validation, as CSV and as JSON) go through the same checks as the libFuzzer targets.

mod rows;

use super::{check_parsed, import_csv, import_json, profile_input};
use crate::import::{self, COLUMNS, Candidate, ParsedFile, REQUIRED, SourceFormat, items};
use braingain_domain::profile::ValidProfile;
use braingain_domain::{
    DisplayName, Email, EngagementType, LanguageLevel, SkillId, Visibility, WorkMode,
};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use serde_json::Value;
use std::path::Path;

/// Pieces of CSV that matter to a reader, and bytes that are not UTF-8.
const CSV_TOKENS: &[&[u8]] = &[
    b",",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b";",
    b":",
    b" ",
    b"\xEF\xBB\xBF",
    b"\0",
    b"\xFF",
    b"\xC3",
    b"NL",
    b"en:NATIVE",
    b"expert@example.org",
    b"Flood risk:5:20",
    b"PUBLIC",
    b"MENTORING",
    b"12",
    b"0000-0002-1825-0097",
    b"8369c2d6-c100-4cf6-bd83-9668d8678433",
];

fn csv_noise() -> impl Strategy<Value = Vec<u8>> {
    let header = subsequence(COLUMNS.to_vec(), 0..=COLUMNS.len())
        .prop_map(|optional| {
            let mut names: Vec<&str> = REQUIRED.to_vec();
            names.extend(optional.into_iter().filter(|c| !REQUIRED.contains(c)));
            names
        })
        .prop_shuffle()
        .prop_map(|names| names.join(",") + "\n");
    let token = prop_oneof![
        4 => select(CSV_TOKENS).prop_map(<[u8]>::to_vec),
        1 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
    ];
    (header, vec(token, 0..300)).prop_map(|(header, body)| {
        let mut out = header.into_bytes();
        out.extend(body.concat());
        out
    })
}

fn json_noise() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        3 => select(COLUMNS.to_vec()).prop_map(str::to_owned),
        2 => select(vec!["code", "level", "label", "skillId", "years", "displayName", "Email"])
            .prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        select(vec![
            "NL",
            "en:NATIVE",
            "Flood risk:5",
            "PUBLIC",
            "a@example.org",
            ""
        ])
        .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(3, 48, 8, move |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(key.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    vec(value, 0..6).prop_map(Value::Array)
}

/// The parsed rows in file order: a candidate, or the reason of a rejection.
fn in_file_order(file: &ParsedFile) -> Vec<Result<&Candidate, &str>> {
    let mut rows: Vec<(u64, Result<&Candidate, &str>)> = file
        .candidates
        .iter()
        .map(|c| (c.line, Ok(c)))
        .chain(
            file.rejected
                .iter()
                .map(|r| (r.line, Err(r.reason.as_str()))),
        )
        .collect();
    rows.sort_by_key(|(line, _)| *line);
    rows.into_iter().map(|(_, row)| row).collect()
}

fn assert_outcomes(
    format: &str,
    file: &ParsedFile,
    expected: &[Option<(Email, DisplayName, ValidProfile)>],
) {
    let got = in_file_order(file);
    assert_eq!(got.len(), expected.len(), "{format}: one outcome per row");
    for (i, (got, want)) in got.iter().zip(expected).enumerate() {
        match (got, want) {
            (Ok(c), Some((email, name, profile))) => {
                assert_eq!(&c.email, email, "{format} row {i}");
                assert_eq!(&c.display_name, name, "{format} row {i}");
                assert_eq!(&c.profile, profile, "{format} row {i}");
            }
            (Err(_), None) => {}
            (Ok(c), None) => panic!("{format} row {i} is imported but must be rejected: {c:?}"),
            (Err(reason), Some(want)) => {
                panic!("{format} row {i} is rejected ({reason}) but must import as {want:?}")
            }
        }
    }
}

proptest! {
    #[test]
    fn any_bytes_are_read_or_refused_cleanly_as_csv_json_or_a_profile(
        data in vec(any::<u8>(), 0..2048)
    ) {
        import_csv(&data);
        import_json(&data);
        profile_input(&data);
    }

    #[test]
    fn csv_noise_after_a_valid_header_is_read_or_refused_cleanly(data in csv_noise()) {
        import_csv(&data);
    }

    #[test]
    fn json_noise_is_read_or_refused_cleanly(value in json_noise()) {
        import_json(value.to_string().as_bytes());
    }

    #[test]
    fn any_profile_input_is_validated_cleanly(data in vec(any::<u8>(), 0..4096)) {
        profile_input(&data);
    }

    #[test]
    fn an_expert_list_reads_as_the_domain_validates_it_both_as_csv_and_as_json(
        list in rows::list(6),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let expected = list.expected();

        let csv_bytes = list.csv(crlf, bom);
        let csv = import::parse(&csv_bytes, SourceFormat::Csv)
            .unwrap_or_else(|e| panic!("a well-formed CSV list is read: {e}"));
        let json_bytes = list.json();
        let json = import::parse(&json_bytes, SourceFormat::Json)
            .unwrap_or_else(|e| panic!("a well-formed JSON list is read: {e}"));

        check_parsed(&csv_bytes, &csv);
        assert_outcomes("CSV", &csv, &expected);
        check_parsed(&json_bytes, &json);
        assert_outcomes("JSON", &json, &expected);
        prop_assert_eq!(import::detect_format(Path::new("list"), &csv_bytes), SourceFormat::Csv);
        prop_assert_eq!(import::detect_format(Path::new("list"), &json_bytes), SourceFormat::Json);
    }

    #[test]
    fn list_cells_split_into_trimmed_items_that_split_again_the_same(cell in any::<String>()) {
        let items: Vec<&str> = items::split_list(&cell).collect();
        for item in &items {
            prop_assert!(!item.is_empty() && item.trim() == *item && !item.contains(';'));
        }
        let again = items.join(";");
        prop_assert_eq!(items::split_list(&again).collect::<Vec<_>>(), items);
    }

    #[test]
    fn a_skill_item_keeps_its_label_level_and_years(
        label in "[^:;]{0,30}(: [^:;0-9]{1,10})?",
        level in proptest::option::of((-99..=999i32, proptest::option::of(-99..=999i32))),
    ) {
        prop_assume!(!label.trim().is_empty());
        let item = match level {
            Some((level, Some(years))) => format!("{label}:{level}:{years}"),
            Some((level, None)) => format!("{label}:{level}"),
            None => label.clone(),
        };
        let claim = items::skill(&item);
        let head = label.trim();
        if head.parse::<SkillId>().is_ok() {
            prop_assert_eq!(claim.skill_id.as_deref(), Some(head));
        } else {
            prop_assert_eq!(claim.label.as_deref(), Some(head));
        }
        let (want_level, want_years) = level.unwrap_or((items::DEFAULT_SKILL_LEVEL, None));
        prop_assert_eq!((claim.level, claim.years), (want_level, want_years));
    }

    #[test]
    fn a_language_item_keeps_its_code_and_level(
        code in "[ a-zA-Z\\p{L}]{0,5}",
        level in proptest::option::of(select(LanguageLevel::ALL)),
        lower in any::<bool>(),
    ) {
        let item = match level {
            Some(l) if lower => format!("{code}:{}", l.as_str().to_lowercase()),
            Some(l) => format!("{code}: {l} "),
            None => code.clone(),
        };
        let parsed = items::language(&item)
            .unwrap_or_else(|e| panic!("{item:?} is a language item: {e}"));
        prop_assert_eq!(parsed, (code.trim().to_owned(), level.unwrap_or(items::DEFAULT_LANGUAGE_LEVEL)));
    }

    #[test]
    fn vocabulary_items_are_read_in_any_case_and_anything_else_is_refused(
        raw in "[A-Za-z _\\-]{0,20}",
    ) {
        let canonical = raw.trim().to_ascii_uppercase().replace([' ', '-'], "_");
        let known = |all: &[String]| all.contains(&canonical);
        let names = |all: &[&str]| all.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let engagement: Vec<&str> = EngagementType::ALL.iter().map(|v| v.as_str()).collect();
        let modes: Vec<&str> = WorkMode::ALL.iter().map(|v| v.as_str()).collect();
        let visibility: Vec<&str> = Visibility::ALL.iter().map(|v| v.as_str()).collect();
        prop_assert_eq!(items::engagement_type(&raw).is_ok(), known(&names(&engagement)));
        prop_assert_eq!(items::work_mode(&raw).is_ok(), known(&names(&modes)));
        prop_assert_eq!(items::visibility(&raw).is_ok(), known(&names(&visibility)));
        if let Err(message) = items::work_mode(&raw) {
            prop_assert!(message.starts_with("work_modes: ") && message.contains("REMOTE"));
        }
    }
}
