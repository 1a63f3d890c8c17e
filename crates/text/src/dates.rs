//! Dates as they appear in publication lines, bylines and file names.
//!
//! This is deliberately narrow: it reads the few forms pages use to print
//! their own date. Time expressions in article prose belong to the time
//! stage.

use regex::Regex;
use std::sync::LazyLock;
use storyline_model::PartialDate;

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let key = lower.get(..3)?;
    MONTHS.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b").unwrap());
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\.?,?\s+((?:19|20)\d{{2}})\b"
    ))
    .unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b"
    ))
    .unwrap()
});
static NUMERIC_DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b").unwrap());
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)",
    )
    .unwrap()
});
static URL_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)").unwrap()
});

/// A date found in a string, with the byte range it covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: PartialDate,
    pub start: usize,
    pub end: usize,
}

/// Finds the first full date in a line: ISO (`2024-10-24`, `2024/10/24`),
/// `13 Nov 2024`, `Nov. 13, 2024`, `November 13th 2024`, or numeric
/// `13/11/2024` when the day is unambiguous (over 12) or `day_first` says
/// how to read it.
pub fn find_date(line: &str, day_first: bool) -> Option<FoundDate> {
    if !has_year(line) {
        return None;
    }
    let mut best: Option<FoundDate> = None;
    let mut consider = |found: Option<FoundDate>| {
        if let Some(f) = found {
            if best.is_none_or(|b| f.start < b.start) {
                best = Some(f);
            }
        }
    };
    consider(ISO.captures(line).and_then(|c| {
        let m = c.get(0)?;
        let date = PartialDate::ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        Some(FoundDate {
            date,
            start: m.start(),
            end: m.end(),
        })
    }));
    consider(DAY_MONTH_YEAR.captures(line).and_then(|c| {
        let m = c.get(0)?;
        let date = PartialDate::ymd(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?)?;
        Some(FoundDate {
            date,
            start: m.start(),
            end: m.end(),
        })
    }));
    consider(MONTH_DAY_YEAR.captures(line).and_then(|c| {
        let m = c.get(0)?;
        let date = PartialDate::ymd(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)?;
        Some(FoundDate {
            date,
            start: m.start(),
            end: m.end(),
        })
    }));
    consider(NUMERIC_DMY.captures(line).and_then(|c| {
        let m = c.get(0)?;
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            (false, false) if day_first => (a, b),
            (false, false) => (b, a),
            (true, true) => return None,
        };
        let date = PartialDate::ymd(c[3].parse().ok()?, month, day)?;
        Some(FoundDate {
            date,
            start: m.start(),
            end: m.end(),
        })
    }));
    best
}

/// True when the line holds "19" or "20" and two more ASCII digits: every
/// form [`find_date`] reads has such a year (a year in other digits is
/// matched but does not parse). Most lines have none, and checking first
/// spares building the date patterns in a run that never needs them.
pub fn has_year(line: &str) -> bool {
    line.as_bytes().windows(4).any(|w| {
        matches!((w[0], w[1]), (b'1', b'9') | (b'2', b'0'))
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    })
}

/// A date in a file name such as `2024-11-13_story.txt` or `20241113.txt`.
pub fn date_in_file_name(name: &str) -> Option<PartialDate> {
    if !has_year(name) {
        return None;
    }
    let c = COMPACT.captures(name)?;
    PartialDate::ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A date in a URL path, as news sites print it: `/2024/11/13/slug`.
pub fn date_in_url(url: &str) -> Option<PartialDate> {
    if !has_year(url) {
        return None;
    }
    let c = URL_PATH.captures(url)?;
    PartialDate::ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_table_of_page_date_forms() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Published: Wed 13 Nov 2024, 6:19 PM", Some("2024-11-13")),
            ("date 2024-10-24 The White House", Some("2024-10-24")),
            ("Posted on November 13th, 2024 at 10:15", Some("2024-11-13")),
            ("Nov. 1, 2024", Some("2024-11-01")),
            ("Sept 3 2023", Some("2023-09-03")),
            ("2024/02/29", Some("2024-02-29")),
            ("13/11/2024", Some("2024-11-13")),
            ("11/13/2024", Some("2024-11-13")),
            ("05/06/2024", Some("2024-06-05")),
            ("Fri, Dec 06, 2024 | weather", Some("2024-12-06")),
            ("2023-02-30", None),
            ("on Nov 1", None),
            ("the 2024 budget of 1,000", None),
            ("F-16 jets", None),
        ];
        for (input, expect) in cases {
            let got = find_date(input, true).map(|f| f.date.to_string());
            assert_eq!(got.as_deref(), *expect, "{input}");
        }
    }

    #[test]
    fn file_and_url_dates() {
        assert_eq!(
            date_in_file_name("2024-11-13_kyiv.txt")
                .unwrap()
                .to_string(),
            "2024-11-13"
        );
        assert_eq!(
            date_in_file_name("reuters_20241113.txt")
                .unwrap()
                .to_string(),
            "2024-11-13"
        );
        assert_eq!(date_in_file_name("003_0a20a275f10aef06.txt"), None);
        assert_eq!(date_in_file_name("id_1234567890.txt"), None);
        assert_eq!(
            date_in_url("https://example.org/world/2024/11/13/story")
                .unwrap()
                .to_string(),
            "2024-11-13"
        );
        assert_eq!(date_in_url("https://example.org/story-2024"), None);
    }
}
