//! Free text from users: trimmed, bounded, free of control characters.

use crate::ValidationError;

/// Checks and normalises a text field: trims it, refuses control characters other than line
/// breaks and tabs, and bounds its length in characters. `min` 0 allows empty text.
pub fn bounded(raw: &str, field: &str, min: usize, max: usize) -> Result<String, ValidationError> {
    let text = raw.trim().replace("\r\n", "\n");
    let chars = text.chars().count();
    if chars < min {
        return Err(if min == 1 {
            ValidationError::new(field, "this cannot be empty")
        } else {
            ValidationError::new(field, format!("write at least {min} characters"))
        });
    }
    if chars > max {
        return Err(ValidationError::new(
            field,
            format!("at most {max} characters ({chars} given)"),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(ValidationError::new(
            field,
            "this contains invisible control characters",
        ));
    }
    Ok(text)
}

/// Like [`bounded`] for a single line: also refuses line breaks and collapses inner spaces.
pub fn single_line(
    raw: &str,
    field: &str,
    min: usize,
    max: usize,
) -> Result<String, ValidationError> {
    if raw.trim().contains(['\n', '\r']) {
        return Err(ValidationError::new(field, "this must fit on one line"));
    }
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    bounded(&collapsed, field, min, max)
}

/// Optional single-line text: `None` or blank becomes `None`.
pub fn optional_line(
    raw: Option<&str>,
    field: &str,
    max: usize,
) -> Result<Option<String>, ValidationError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => single_line(text, field, 1, max).map(Some),
        None => Ok(None),
    }
}

/// Checks an `http(s)` URL of reasonable length.
pub fn web_url(raw: &str, field: &str) -> Result<String, ValidationError> {
    let url = single_line(raw, field, 1, 500)?;
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host)
            if host
                .split(['/', '?', '#'])
                .next()
                .is_some_and(|h| h.contains('.') && !h.contains(' ')) =>
        {
            Ok(url)
        }
        _ => Err(ValidationError::new(
            field,
            "enter a web address starting with https://",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded_in_characters() {
        assert_eq!(bounded("  héllo  ", "f", 1, 5).unwrap(), "héllo");
        assert!(bounded("   ", "f", 1, 5).is_err());
        assert!(bounded("abcdef", "f", 1, 5).is_err());
        assert!(bounded("a\u{0}b", "f", 0, 5).is_err());
        assert_eq!(bounded("a\r\nb", "f", 0, 5).unwrap(), "a\nb");
    }

    #[test]
    fn single_lines_collapse_spaces_and_refuse_breaks() {
        assert_eq!(
            single_line(" Lagos   State ", "f", 1, 50).unwrap(),
            "Lagos State"
        );
        assert!(single_line("a\nb", "f", 1, 50).is_err());
        assert_eq!(optional_line(Some("  "), "f", 5).unwrap(), None);
    }

    #[test]
    fn web_urls_need_a_scheme_and_a_host() {
        assert!(web_url("https://unilag.edu.ng", "w").is_ok());
        assert!(web_url("http://example.org/path?x=1", "w").is_ok());
        for bad in [
            "unilag.edu.ng",
            "javascript:alert(1)",
            "https://",
            "ftp://x.org",
            "https://localhost",
        ] {
            assert!(web_url(bad, "w").is_err(), "{bad}");
        }
    }
}
