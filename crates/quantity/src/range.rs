//! Number ranges from comparisons: "more than 30", "no more than 12",
//! "at most 100 and at least 20", ">= 30", "between 20 and 30",
//! "1000-5000", "5000 or more". Each is an interval with open or closed
//! ends.

use crate::number::{find_numbers, NumberMatch};
use crate::phrase::{
    ends_with_ignore_case, ends_with_phrase, starts_with_ignore_case, starts_with_phrase,
};

/// An interval found in a text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberRange {
    pub start: usize,
    pub end: usize,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    /// The number is a lower bound; the flag says inclusive.
    Low(bool),
    /// The number is an upper bound; the flag says inclusive.
    High(bool),
    /// The number is the whole interval.
    Equal,
}

/// Comparison phrases before a number, longest first so that "no less
/// than" wins over "less than".
const BEFORE: &[(&str, Side)] = &[
    ("greater than or equal to", Side::Low(true)),
    ("more than or equal to", Side::Low(true)),
    ("larger than or equal to", Side::Low(true)),
    ("higher than or equal to", Side::Low(true)),
    ("equal to or greater than", Side::Low(true)),
    ("equal to or more than", Side::Low(true)),
    ("equal to or higher than", Side::Low(true)),
    ("less than or equal to", Side::High(true)),
    ("fewer than or equal to", Side::High(true)),
    ("smaller than or equal to", Side::High(true)),
    ("lower than or equal to", Side::High(true)),
    ("equal to or less than", Side::High(true)),
    ("equal to or fewer than", Side::High(true)),
    ("equal to or lower than", Side::High(true)),
    ("at least or equal to", Side::Low(true)),
    ("bigger or equal than", Side::Low(true)),
    ("larger or equal than", Side::Low(true)),
    ("greater or equal than", Side::Low(true)),
    ("higher or equal than", Side::Low(true)),
    ("more or equal than", Side::Low(true)),
    ("smaller or equal than", Side::High(true)),
    ("less or equal than", Side::High(true)),
    ("lower or equal than", Side::High(true)),
    ("no less than", Side::Low(true)),
    ("not less than", Side::Low(true)),
    ("no fewer than", Side::Low(true)),
    ("no more than", Side::High(true)),
    ("not more than", Side::High(true)),
    ("greater than", Side::Low(false)),
    ("larger than", Side::Low(false)),
    ("bigger than", Side::Low(false)),
    ("higher than", Side::Low(false)),
    ("more than", Side::Low(false)),
    ("less than", Side::High(false)),
    ("fewer than", Side::High(false)),
    ("smaller than", Side::High(false)),
    ("lower than", Side::High(false)),
    ("at least", Side::Low(true)),
    ("at most", Side::High(true)),
    ("up to", Side::High(true)),
    ("exceeding", Side::Low(false)),
    ("exceeded", Side::Low(false)),
    ("exceeds", Side::Low(false)),
    ("exceed", Side::Low(false)),
    ("surpassing", Side::Low(false)),
    ("surpasses", Side::Low(false)),
    ("surpass", Side::Low(false)),
    ("above", Side::Low(false)),
    ("over", Side::Low(false)),
    ("below", Side::High(false)),
    ("under", Side::High(false)),
    ("equaling to", Side::Equal),
    ("equals to", Side::Equal),
    ("equal to", Side::Equal),
    ("equals", Side::Equal),
];

/// Comparison signs before a number, with optional inner spaces.
const SIGNS: &[(&str, Side)] = &[
    (">=", Side::Low(true)),
    ("<=", Side::High(true)),
    (">", Side::Low(false)),
    ("<", Side::High(false)),
    ("=", Side::Equal),
];

/// Phrases after a number that make it a bound: "5000 or more".
const AFTER: &[(&str, Side)] = &[
    ("or more than", Side::Low(true)),
    ("or greater than", Side::Low(true)),
    ("or higher than", Side::Low(true)),
    ("or more", Side::Low(true)),
    ("and more", Side::Low(true)),
    ("or greater", Side::Low(true)),
    ("or higher", Side::Low(true)),
    ("or above", Side::Low(true)),
    ("or less than", Side::High(true)),
    ("or fewer than", Side::High(true)),
    ("or less", Side::High(true)),
    ("and less", Side::High(true)),
    ("or fewer", Side::High(true)),
    ("or lower", Side::High(true)),
    ("or below", Side::High(true)),
];

/// A comparison before the number at `m`: its start and side.
fn before_phrase(text: &str, m: &NumberMatch) -> Option<(usize, Side)> {
    let before = text[..m.start].trim_end();
    if let Some((start, side)) = BEFORE
        .iter()
        .find_map(|(phrase, side)| Some((ends_with_phrase(before, phrase)?, *side)))
    {
        return Some((start, side));
    }
    // Signs: ">30", ">= 30", "< = 100"; but not "<>30", "=>30", "=<30".
    let compact: String = before
        .chars()
        .rev()
        .take(4)
        .filter(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    for (sign, side) in SIGNS {
        if compact.ends_with(sign) {
            let head = &compact[..compact.len() - sign.len()];
            if head.ends_with(['<', '>', '=']) {
                return None;
            }
            // Find where the sign starts in the original text.
            let mut start = before.len();
            let mut left = sign.len();
            for (i, c) in before.char_indices().rev() {
                if left == 0 {
                    break;
                }
                start = i;
                if !c.is_whitespace() {
                    left -= 1;
                }
            }
            return Some((start, *side));
        }
    }
    None
}

/// A phrase after the number at `m` that makes it a bound; its end.
fn after_phrase(text: &str, m: &NumberMatch) -> Option<(usize, Side)> {
    let after = &text[m.end..];
    let lead = after.len() - after.trim_start().len();
    let stated = &after[lead..];
    for (phrase, side) in AFTER {
        if starts_with_phrase(stated, phrase) {
            // "or more than 4500" and "and more than 1" compare with another
            // number: not ours.
            let rest = stated[phrase.len()..].trim_start();
            if starts_with_ignore_case(rest, "than")
                || (phrase.ends_with("than") && rest.starts_with(|c: char| c.is_alphanumeric()))
            {
                return None;
            }
            return Some((m.end + lead + phrase.len(), *side));
        }
    }
    None
}

fn interval(start: usize, end: usize, value: f64, side: Side) -> NumberRange {
    let (low, high, low_inclusive, high_inclusive) = match side {
        Side::Low(inc) => (Some(value), None, inc, false),
        Side::High(inc) => (None, Some(value), false, inc),
        Side::Equal => (Some(value), Some(value), true, true),
    };
    NumberRange {
        start,
        end,
        low,
        high,
        low_inclusive,
        high_inclusive,
    }
}

/// Every number range in a text.
pub fn find_ranges(text: &str) -> Vec<NumberRange> {
    let numbers = find_numbers(text);
    let mut out: Vec<NumberRange> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let m = numbers[i];
        // Two numbers joined: "between 20 and 30", "from 200 to 3000000",
        // "1000-5000", "20~100", "20 through 100": half-open, as the
        // conformance suite reads them.
        if let Some(next) = numbers.get(i + 1) {
            let gap = text[m.end..next.start].trim().to_lowercase();
            let before = text[..m.start].trim_end();
            let between_at = ends_with_ignore_case(before, "between").filter(|_| gap == "and");
            let from_at = ends_with_ignore_case(before, "from").filter(|_| gap == "to");
            let (between, from) = (between_at.is_some(), from_at.is_some());
            // A dash inside a longer dashed or slashed run is a phone or
            // code number, not a range: "+1-222-2222".
            let chained = text[..m.start].ends_with(['+', '-', '/'])
                || text[next.end..].starts_with(['-', '/']);
            let dash = matches!(gap.as_str(), "-" | "–" | "~" | "through") && !chained;
            if (between || from || dash) && m.value <= next.value {
                let start = between_at.or(from_at).unwrap_or(m.start);
                out.push(NumberRange {
                    start,
                    end: next.end,
                    low: Some(m.value),
                    high: Some(next.value),
                    low_inclusive: true,
                    high_inclusive: false,
                });
                i += 2;
                continue;
            }
        }
        let pre = before_phrase(text, &m);
        let post = after_phrase(text, &m);
        let found = match (pre, post) {
            // "equal to 5000 or less": the phrase after decides.
            (Some((start, Side::Equal)), Some((end, side))) => {
                Some(interval(start, end, m.value, side))
            }
            (Some((start, side)), _) => {
                // "less than 5000 or equal", "more than 5000 or equal to":
                // the bound takes its own value.
                let rest = &text[m.end..];
                let t = rest.trim_start();
                let after_equal = if starts_with_ignore_case(t, "or equal") {
                    Some(t["or equal".len()..].trim_start())
                } else {
                    None
                };
                let to_a_number = after_equal.is_some_and(|a| {
                    let a = if starts_with_ignore_case(a, "to") {
                        a[2..].trim_start()
                    } else {
                        a
                    };
                    a.starts_with(|c: char| c.is_ascii_digit())
                });
                if after_equal.is_some() && !to_a_number {
                    let phrase = if starts_with_ignore_case(t, "or equal to") {
                        "or equal to"
                    } else {
                        "or equal"
                    };
                    let end = m.end + (rest.len() - t.len()) + phrase.len();
                    let side = match side {
                        Side::Low(_) => Side::Low(true),
                        Side::High(_) => Side::High(true),
                        Side::Equal => Side::Equal,
                    };
                    Some(interval(start, end, m.value, side))
                } else {
                    Some(interval(start, m.end, m.value, side))
                }
            }
            (None, Some((end, side))) => Some(interval(m.start, end, m.value, side)),
            (None, None) => None,
        };
        // A phrase after one number may reach past the start of the next
        // one's: keep the first.
        let found = found.filter(|r| out.last().is_none_or(|prev| prev.end <= r.start));
        if let Some(r) = found {
            // "at most 100 and at least 20": a lower and an upper bound
            // joined by "and", "but" or a comma make one interval, when
            // they agree.
            if let Some(prev) = out.last_mut() {
                let gap = text[prev.end..r.start].trim().to_lowercase();
                let joined = matches!(gap.as_str(), "and" | "but" | "," | ", and" | "and also");
                let one_sided = |x: &NumberRange| x.low.is_none() != x.high.is_none();
                if joined
                    && one_sided(prev)
                    && one_sided(&r)
                    && prev.low.is_some() != r.low.is_some()
                {
                    let (lo, hi) = if prev.low.is_some() {
                        (*prev, r)
                    } else {
                        (r, *prev)
                    };
                    if lo.low <= hi.high {
                        *prev = NumberRange {
                            start: prev.start,
                            end: r.end,
                            low: lo.low,
                            high: hi.high,
                            low_inclusive: lo.low_inclusive,
                            high_inclusive: hi.high_inclusive,
                        };
                        i += 1;
                        continue;
                    }
                }
            }
            out.push(r);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, low, high, low inclusive, high inclusive)
    type Expected<'a> = (&'a str, Option<f64>, Option<f64>, bool, bool);

    fn check(text: &str, expect: &[Expected]) {
        let got = find_ranges(text);
        assert_eq!(got.len(), expect.len(), "{text}: {got:?}");
        for (g, (t, lo, hi, li, hi_inc)) in got.iter().zip(expect) {
            assert_eq!(
                (
                    &text[g.start..g.end],
                    g.low,
                    g.high,
                    g.low_inclusive,
                    g.high_inclusive
                ),
                (*t, *lo, *hi, *li, *hi_inc),
                "{text}"
            );
        }
    }

    #[test]
    fn case_table() {
        check(
            "more than 30 people",
            &[("more than 30", Some(30.0), None, false, false)],
        );
        check(
            "no more than 12 and more than 194",
            &[
                ("no more than 12", None, Some(12.0), false, true),
                ("more than 194", Some(194.0), None, false, false),
            ],
        );
        check(
            "at most 100 and at least 20 apples",
            &[(
                "at most 100 and at least 20",
                Some(20.0),
                Some(100.0),
                true,
                true,
            )],
        );
        check("x >= 30", &[(">= 30", Some(30.0), None, true, false)]);
        check("<>30", &[]);
        check(
            "between 20 and 30",
            &[("between 20 and 30", Some(20.0), Some(30.0), true, false)],
        );
        check(
            "5000 or more",
            &[("5000 or more", Some(5000.0), None, true, false)],
        );
        check(
            "more than 5000 or equal to it",
            &[(
                "more than 5000 or equal to",
                Some(5000.0),
                None,
                true,
                false,
            )],
        );
        check("in 2009", &[]);
    }
}
