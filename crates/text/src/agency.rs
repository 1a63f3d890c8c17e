//! Wire agencies and their credit forms.

use regex::Regex;
use std::sync::LazyLock;

/// Wire agencies by canonical name, with the names they are credited by.
/// Short forms are matched case-sensitively so that "ap" or "aa" in prose
/// never count.
const AGENCIES: &[(&str, &[&str])] = &[
    (
        "AFP",
        &["AFP", "Agence France-Presse", "Agence France Presse"],
    ),
    ("Reuters", &["Reuters", "REUTERS"]),
    ("AP", &["AP", "Associated Press", "The Associated Press"]),
    ("AA", &["AA", "Anadolu", "Anadolu Agency"]),
    ("ANI", &["ANI", "Asian News International"]),
    ("Yonhap", &["Yonhap", "YONHAP"]),
    ("PTI", &["PTI", "Press Trust of India"]),
    ("IANS", &["IANS"]),
    ("Xinhua", &["Xinhua", "XINHUA"]),
    ("TASS", &["TASS", "Tass"]),
    ("dpa", &["dpa", "DPA"]),
    ("EFE", &["EFE"]),
    ("Kyodo", &["Kyodo", "Kyodo News"]),
    ("Bernama", &["Bernama", "BERNAMA"]),
    ("Interfax", &["Interfax"]),
    ("Ukrinform", &["Ukrinform"]),
    ("KCNA", &["KCNA"]),
    ("UPI", &["UPI", "United Press International"]),
];

/// The canonical agency for a whole credit string ("AFP", "The Associated
/// Press"), or `None`.
pub fn canonical(credit: &str) -> Option<&'static str> {
    let credit = credit.trim();
    AGENCIES
        .iter()
        .find(|(_, names)| names.contains(&credit))
        .map(|(canonical, _)| *canonical)
}

fn alternation() -> String {
    let mut names: Vec<&str> = AGENCIES
        .iter()
        .flat_map(|(_, n)| n.iter().copied())
        .collect();
    // Longest first, so "Associated Press" wins over "AP".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

/// A line that is nothing but an agency credit, with bullets, dashes or
/// brackets around it: "• AFP", "(Reuters)", "— AP".
static LONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s•·*|\-–—(\[]*(?:Source:\s*)?({})[\s)\]\.]*$",
        alternation()
    ))
    .unwrap()
});

/// A sign-off after the last sentence: "... in 2022. AFP", "... - Reuters".
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"([.!?…"”'’])\s*(?:[-–—/]\s*)?\(?({})\)?$"#,
        alternation()
    ))
    .unwrap()
});

/// A dateline credit at the start: "KYIV (Reuters) -", "SEOUL, Nov 13 (Yonhap) --".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[A-Z][A-Za-z0-9 .,'’\-]{{1,60}}?\(({})\)\s*[-–—]",
        alternation()
    ))
    .unwrap()
});

/// Builds the credit patterns now (see `storyline_clean::prepare`).
pub fn prepare() {
    for pattern in [&LONE, &SIGN_OFF, &DATELINE] {
        LazyLock::force(pattern);
    }
}

pub fn lone_credit(line: &str) -> Option<&'static str> {
    LONE.captures(line).and_then(|c| canonical(&c[1]))
}

/// Splits a trailing sign-off from a paragraph: returns the paragraph
/// without it and the agency.
pub fn strip_sign_off(line: &str) -> Option<(&str, &'static str)> {
    let c = SIGN_OFF.captures(line)?;
    let agency = canonical(&c[2])?;
    let keep_to = c.get(1)?.end();
    Some((&line[..keep_to], agency))
}

pub fn dateline_credit(line: &str) -> Option<&'static str> {
    DATELINE.captures(line).and_then(|c| canonical(&c[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_in_their_usual_forms() {
        assert_eq!(lone_credit("• AFP"), Some("AFP"));
        assert_eq!(lone_credit("(Reuters)"), Some("Reuters"));
        assert_eq!(lone_credit("The Associated Press"), Some("AP"));
        assert_eq!(lone_credit("AFP said"), None);
        assert_eq!(lone_credit("ap"), None);
        assert_eq!(
            strip_sign_off("It began in 2022. AFP"),
            Some(("It began in 2022.", "AFP"))
        );
        assert_eq!(
            strip_sign_off("Talks resume Monday. - Reuters"),
            Some(("Talks resume Monday.", "Reuters"))
        );
        assert_eq!(strip_sign_off("He spoke to AFP."), None);
        assert_eq!(strip_sign_off("It was reported by AP"), None);
        assert_eq!(
            dateline_credit("KYIV (Reuters) - Ukraine said"),
            Some("Reuters")
        );
        assert_eq!(
            dateline_credit("SEOUL, Nov 13 (Yonhap) -- The"),
            Some("Yonhap")
        );
        assert_eq!(dateline_credit("The talks (AFP) - x"), Some("AFP"));
    }
}
