//! Ordinals: positions ("21st", "first", "twenty-fifth", "one hundred
//! twenty fifth", "two hundredth") and relative positions ("last", "next",
//! "previous", "second to last"). They are never quantities: "the second
//! package" counts nothing.

use crate::number::{find_numbers, NumberKind};
use crate::words::{denominator, ordinal_unit};
use regex::Regex;
use std::sync::LazyLock;

/// What an ordinal points at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ordinal {
    /// A position counted from the start: 1 for "first".
    Position(f64),
    /// A position relative to the current item or the end: "next" is
    /// current + 1, "penultimate" is end - 1.
    Relative { from_end: bool, offset: i64 },
}

impl Ordinal {
    /// The Recognizers-Text resolution: "21", "end-1", "current+1".
    pub fn resolution(&self) -> String {
        match self {
            Ordinal::Position(v) => crate::format_value(*v),
            Ordinal::Relative { from_end, offset } => {
                format!(
                    "{}{}{}",
                    if *from_end { "end" } else { "current" },
                    if *offset < 0 { '-' } else { '+' },
                    offset.abs()
                )
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrdinalMatch {
    pub start: usize,
    pub end: usize,
    pub ordinal: Ordinal,
}

/// An ordinal word's position, and whether it is a scale that multiplies
/// the number before it ("two hundredth") rather than adds to it. The
/// words are the fraction denominators' ("fifth", "hundredth") plus
/// "first" and "second"; plurals ("fifths") are fractions, not positions.
pub(crate) fn ordinal_word(word: &str) -> Option<(f64, bool)> {
    if word == "nineth" {
        return Some((9.0, false));
    }
    let (v, plural) = ordinal_unit(word).or_else(|| {
        // "half" and "quarter" are denominators but never positions.
        denominator(word).filter(|_| !matches!(word, "half" | "halves" | "quarter" | "quarters"))
    })?;
    (!plural).then_some((v, v >= 100.0))
}

static DIGIT_ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d+)(st|nd|rd|th)\b").unwrap());

/// Relative ordinals, longest first, with the offset they resolve to.
const RELATIVE: &[(&str, bool, i64)] = &[
    ("the one before the last one", true, -1),
    ("the one before the last", true, -1),
    ("the last but one", true, -1),
    ("second to last", true, -1),
    ("next to last", true, -1),
    ("antepenultimate", true, -2),
    ("penultimate", true, -1),
    ("previous one", false, -1),
    ("current one", false, 0),
    ("next one", false, 1),
    ("previous", false, -1),
    ("current", false, 0),
    ("next", false, 1),
    ("last", true, 0),
];

fn word_at(lower: &str, start: usize, phrase: &str) -> bool {
    lower[start..].starts_with(phrase)
        && !lower[..start].ends_with(|c: char| c.is_alphanumeric())
        && !lower[start + phrase.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Every ordinal in a text, in order.
pub fn find_ordinals(text: &str) -> Vec<OrdinalMatch> {
    let lower = text.to_ascii_lowercase();
    let mut out: Vec<OrdinalMatch> = Vec::new();
    for c in DIGIT_ORDINAL.captures_iter(text) {
        if let (Some(m), Ok(v)) = (c.get(0), c[1].parse::<f64>()) {
            out.push(OrdinalMatch {
                start: m.start(),
                end: m.end(),
                ordinal: Ordinal::Position(v),
            });
        }
    }
    // Word ordinals, with the cardinal words before them: "twenty-first",
    // "one hundred twenty fifth", "two hundredth".
    let numbers = find_numbers(text);
    let mut i = 0;
    while i < lower.len() {
        let rest = &lower[i..];
        let len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        if len == 0 {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let word = &rest[..len];
        let standalone = !lower[..i].ends_with(|c: char| c.is_alphanumeric());
        if let (true, Some((v, is_scale))) = (standalone, ordinal_word(word)) {
            // A whole number just before, joined by a space or hyphen.
            let before = numbers.iter().rev().find(|n| n.end <= i).filter(|n| {
                n.kind == NumberKind::Integer
                    && text[n.end..i].trim().trim_matches('-').trim().is_empty()
                    && n.value > 0.0
            });
            let (start, value) = match before {
                Some(n) if is_scale => (n.start, n.value * v),
                Some(n) if v < 10.0 || n.value >= 100.0 => (n.start, n.value + v),
                _ => (i, v),
            };
            out.push(OrdinalMatch {
                start,
                end: i + len,
                ordinal: Ordinal::Position(value),
            });
        }
        i += len;
    }
    // Relative ordinals.
    for (phrase, from_end, offset) in RELATIVE {
        let mut from = 0;
        while let Some(p) = lower[from..].find(phrase) {
            let start = from + p;
            from = start + phrase.len();
            if word_at(&lower, start, phrase) {
                out.push(OrdinalMatch {
                    start,
                    end: start + phrase.len(),
                    ordinal: Ordinal::Relative {
                        from_end: *from_end,
                        offset: *offset,
                    },
                });
            }
        }
    }
    // Longest first at each place, then no overlaps.
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<OrdinalMatch> = Vec::new();
    for m in out {
        if kept.last().is_none_or(|k| k.end <= m.start) {
            kept.push(m);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[(&str, &str)]) {
        let got: Vec<(&str, String)> = find_ordinals(text)
            .iter()
            .map(|m| (&text[m.start..m.end], m.ordinal.resolution()))
            .collect();
        let want: Vec<(&str, String)> = expect.iter().map(|(t, r)| (*t, r.to_string())).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn case_table() {
        check(
            "the 21st century and the 2nd wave",
            &[("21st", "21"), ("2nd", "2")],
        );
        check("the twenty-fifth anniversary", &[("twenty-fifth", "25")]);
        check(
            "one hundred twenty fifth",
            &[("one hundred twenty fifth", "125")],
        );
        check("two hundredth", &[("two hundredth", "200")]);
        check("the second package", &[("second", "2")]);
        check("the second to last one", &[("second to last", "end-1")]);
        check("next week's vote", &[("next", "current+1")]);
        check("forty two and a third", &[("third", "3")]);
        check("blast past", &[]);
    }
}
