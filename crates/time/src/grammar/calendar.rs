//! Calendar dates as written: numeric forms, month and day names, years,
//! decades, quarters, seasons and holidays.

use super::{P, R};
use crate::expr::{Date, Gran, NthUnit, YearRef};
use crate::lexicon;

/// Words after which a bare month or year is read as a date ("in May",
/// "since 2022", "by March").
const CUES: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "from",
    "to",
    "through",
    "year",
    "early",
    "mid",
    "late",
    "before",
    "after",
    "during",
    "between",
    "and",
    "last",
    "next",
    "this",
    "until",
    "or",
    "on",
    "for",
    "throughout",
    "around",
    "circa",
    "end",
    "beginning",
    "start",
    "middle",
];

/// The cues that vouch for "May" or "March" standing alone: fewer than
/// for other months, since "and may" and "to march" are verbs.
const STRONG_CUES: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "from",
    "through",
    "early",
    "mid",
    "late",
    "before",
    "after",
    "during",
    "last",
    "next",
    "this",
    "throughout",
];

pub fn has_strong_cue(p: &P, i: usize) -> bool {
    // "from March to May", "Nov to March": a month before the joiner.
    let after_month = i >= 2
        && (p.is_any(i - 1, &["to", "and", "through", "until", "till", "or"])
            || p.dash(i - 1).is_some())
        && p.word(i - 2).and_then(lexicon::month).is_some();
    i > 0 && (p.is_any(i - 1, STRONG_CUES) || after_month)
}

pub fn has_cue(p: &P, i: usize) -> bool {
    i > 0
        && (p.is_any(i - 1, CUES)
            || p.punct(i - 1, '-') && p.is_any(i.wrapping_sub(2), &["mid", "early", "late"]))
}

/// A day of the month: "24", "24th", "the twenty-fourth", "first".
pub fn day_of_month(p: &P, i: usize) -> R<u32> {
    if let Some(v) = p.num(i) {
        if p.digits(i) > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let mut e = i + 1;
        if p.word(e).is_some_and(lexicon::ordinal_suffix) && p.glued(e) {
            e += 1;
        }
        return Some((e, v));
    }
    ordinal_words(p, i).filter(|&(_, v)| (1..=31).contains(&v))
}

/// An ordinal in words: "first", "twenty second", "twenty-first",
/// "thirtieth".
pub fn ordinal_words(p: &P, i: usize) -> R<u32> {
    let w = p.word(i)?;
    if let Some(v) = lexicon::ordinal(w) {
        return Some((i + 1, v));
    }
    let tens = storyline_quantity::cardinal_word(w).filter(|v| *v >= 20 && v % 10 == 0)? as u32;
    let mut j = i + 1;
    if let Some(k) = p.dash(j).filter(|&k| p.glued(k)) {
        j = k;
    }
    let unit = lexicon::ordinal(p.word(j)?).filter(|v| *v < 10)?;
    Some((j + 1, tens + unit))
}

/// A four-digit year (1000-2999), or an apostrophe and two digits.
pub fn year(p: &P, i: usize) -> R<i32> {
    if (p.punct(i, '\'') || p.punct(i, '’')) && p.digits(i + 1) == 2 && p.glued(i + 1) {
        let v = p.num(i + 1)? as i32;
        return Some((i + 2, if v < 50 { 2000 + v } else { 1900 + v }));
    }
    let v = p.num(i)?;
    if p.digits(i) != 4 || !(1000..=2999).contains(&v) {
        return None;
    }
    // "2024s" or "2024th" is not a year; "1990s" is read by `decade`.
    if p.glued(i + 1) && p.word(i + 1).is_some() {
        return None;
    }
    Some((i + 1, v as i32))
}

/// A number below a hundred in words: "five", "fifteen", "ninety six",
/// "twenty-five".
pub fn two_digit_words(p: &P, i: usize) -> R<u32> {
    let v = storyline_quantity::cardinal_word(p.word(i)?)? as u32;
    if v >= 20 && v.is_multiple_of(10) {
        let k = p.dash(i + 1).filter(|&k| p.glued(k)).unwrap_or(i + 1);
        if let Some(u) = p
            .word(k)
            .and_then(storyline_quantity::cardinal_word)
            .filter(|u| (1..10).contains(u))
        {
            return Some((k + 1, v + u as u32));
        }
    }
    Some((i + 1, v))
}

/// A year in words: "nineteen ninety six", "nineteen hundred ninety
/// three", "two thousand and fifteen", "twenty twenty", "nineteen oh
/// five".
pub fn year_words(p: &P, i: usize) -> R<i32> {
    if let Some(e) = p.phrase(i, &["two", "thousand"]) {
        let k = p.opt(e, "and");
        return Some(match two_digit_words(p, k) {
            Some((e2, n)) if k > e || n < 100 => (e2, 2000 + n as i32),
            _ => (e, 2000),
        });
    }
    let c = storyline_quantity::cardinal_word(p.word(i)?)? as i32;
    if !(10..=29).contains(&c) {
        return None;
    }
    if p.is_word(i + 1, "hundred") {
        let k = p.opt(i + 2, "and");
        let (e, n) = two_digit_words(p, k)?;
        return Some((e, c * 100 + n as i32));
    }
    if p.is_word(i + 1, "oh") {
        let d = storyline_quantity::cardinal_word(p.word(i + 2)?).filter(|d| *d < 10)? as i32;
        return Some((i + 3, c * 100 + d));
    }
    let (e, n) = two_digit_words(p, i + 1)?;
    (n >= 10).then_some((e, c * 100 + n as i32))
}

/// A year in digits or words after a date: "January 25, 1986", "January
/// twenty five nineteen eighty six".
fn year_after_date(p: &P, i: usize) -> R<i32> {
    year(p, i).or_else(|| year_words(p, i))
}

/// A year standing alone: it needs a cue word before it, or must look
/// like a modern year not followed by a counted noun ("2000 troops").
pub fn bare_year(p: &P, i: usize) -> R<i32> {
    let (e, y) = year(p, i)?;
    if p.digits(i) != 4 {
        return Some((e, y));
    }
    if i > 0
        && (p.punct(i - 1, '$')
            || p.punct(i - 1, '£')
            || p.punct(i - 1, '€')
            || p.punct(i - 1, '#'))
    {
        return None;
    }
    // A decimal or a grouped number: "2024.5", "2024,000".
    if (p.punct(e, '.') || p.punct(e, ','))
        && p.glued(e)
        && p.num(e + 1).is_some()
        && p.glued(e + 1)
    {
        return None;
    }
    if p.punct(e, '%') {
        return None;
    }
    if has_cue(p, i) || p.punct(e, ',') || p.punct(e, '.') || p.punct(e, ')') {
        return Some((e, y));
    }
    let modern = (1900..=2100).contains(&y);
    let counted = p
        .word(e)
        .is_some_and(|w| w.len() > 3 && w.ends_with('s') && lexicon::month(w).is_none());
    (modern && !counted).then_some((e, y))
}

/// A month name with an optional glued full stop ("Oct.").
pub fn month_name(p: &P, i: usize) -> R<u32> {
    let m = lexicon::month(p.word(i)?)?;
    let abbreviated = p.word(i)?.len() <= 4 && !matches!(p.word(i)?, "may" | "june" | "july");
    let e = if p.punct(i + 1, '.') && p.glued(i + 1) && abbreviated {
        i + 2
    } else {
        i + 1
    };
    Some((e, m))
}

/// A date written with a month name, day and year in any common order,
/// or with digits only.
pub fn calendar(p: &P, i: usize) -> R<Date> {
    super::memo(&p.calendar_memo, i, || calendar_at(p, i))
}

fn calendar_at(p: &P, i: usize) -> R<Date> {
    // "year 2008", "calendar year 2008" ("the" stays out of the span).
    let j = p.opt(i, "calendar");
    if p.is_word(j, "year") {
        if let Some((e, y)) = year(p, j + 1) {
            return Some((e, cal(Some(y), None, None)));
        }
    }
    [
        numeric(p, i),
        month_first(p, i),
        day_first(p, i),
        year_first_named(p, i),
        decade(p, i),
        century(p, i),
        quarter(p, i),
        season(p, i),
        holiday(p, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(e, _)| *e)
}

fn cal(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Date {
    Date::Calendar { year, month, day }
}

fn valid(year: Option<i32>, month: u32, day: u32) -> bool {
    if !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let y = year.unwrap_or(2000); // a leap year, so 29 February is allowed
    chrono::NaiveDate::from_ymd_opt(y, month, day).is_some()
}

/// "October 24", "Oct. 24th, 2024", "October the 24th", "October 2024",
/// "June of 1992", "Nov/2", a bare "October".
fn month_first(p: &P, i: usize) -> R<Date> {
    let (e, m) = month_name(p, i)?;
    // Month, day and maybe year.
    let mut j = e;
    if p.punct(j, '/') || p.dash(j).is_some() && p.glued(j) && p.num(j + 1).is_some() {
        j += 1;
    }
    let mut j = p.the(j);
    // "October, 1st": a comma only before a digit ordinal.
    if p.punct(j, ',')
        && p.num(j + 1).is_some()
        && p.word(j + 2).is_some_and(lexicon::ordinal_suffix)
    {
        j += 1;
    }
    // "January twenty five nineteen eighty six": a day in cardinal words
    // only with a year after it.
    if let Some((k, d)) = two_digit_words(p, j).filter(|&(_, d)| (1..=31).contains(&d)) {
        if let Some((k3, y)) = year_words(p, k).filter(|&(_, y)| valid(Some(y), m, d)) {
            return Some((k3, cal(Some(y), Some(m), Some(d))));
        }
    }
    if let Some((k, d)) = day_of_month(p, j) {
        // "May 2024" must not read "20" as a day: the year is four digits.
        if p.digits(j) <= 2 && valid(None, m, d) {
            let k2 = p.comma(k);
            if let Some((k3, y)) = year_after_date(p, k2) {
                if valid(Some(y), m, d) {
                    return Some((k3, cal(Some(y), Some(m), Some(d))));
                }
            }
            // "28 June in 2020".
            if let Some((k3, y)) = in_year(p, k).filter(|&(_, y)| valid(Some(y), m, d)) {
                return Some((k3, cal(Some(y), Some(m), Some(d))));
            }
            return Some((k, cal(None, Some(m), Some(d))));
        }
    }
    // Month and year: "October 2024", "June of 1992", "Dec/2018",
    // "Dec-2018".
    let mut j = p.comma(e);
    j = p.opt(j, "of");
    if p.is_word(j, "in") && year(p, j + 1).is_some() {
        j += 1;
    }
    if (p.punct(j, '/') || p.dash(j).is_some()) && p.glued(j) && p.digits(j + 1) == 4 {
        j += 1;
    }
    if let Some((k, y)) =
        year(p, j).or_else(|| year_words(p, j).filter(|_| j > e || p.word(e).is_some()))
    {
        if let Some(k2) = p.dash(k).filter(|&k2| p.glued(k2)) {
            if let Some((k3, d)) = day_of_month(p, k2) {
                if valid(Some(y), m, d) {
                    return Some((k3, cal(Some(y), Some(m), Some(d))));
                }
            }
        }
        return Some((k, cal(Some(y), Some(m), None)));
    }
    // A bare month.
    let w = p.word(i)?;
    let cue = has_cue(p, i);
    // "Jan-Feb 2017": the first month of a range of months.
    let ranged = (p.dash(e).is_some() && p.glued(e)
        || p.is_any(e, &["to", "through", "until", "till"]))
        && month_name(p, e + 1).is_some();
    if ranged {
        return Some((e, cal(None, Some(m), None)));
    }
    if lexicon::month_is_ambiguous(w) && !(has_strong_cue(p, i) && month_can_end(p, e)) {
        return None;
    }
    if w.len() <= 4 && !cue && !p.capitalised(i) {
        return None;
    }
    Some((e, cal(None, Some(m), None)))
}

/// What may follow a bare month that is also a word: "in May, ...",
/// "in March and April", "by May 2025"; not "this may take" or "they
/// march on".
fn month_can_end(p: &P, e: usize) -> bool {
    match p.t.get(e) {
        None => true,
        Some(t) if t.word().is_none() => true,
        Some(_) => p.is_any(
            e,
            &[
                "and", "to", "through", "until", "when", "while", "as", "in", "of", "for", "last",
                "next", "the", "that", "after", "before", "with", "on", "was", "is",
            ],
        ),
    }
}

/// A year given after a date with "in" or "of": "28 June in 2020",
/// "the fourth of July of 1995".
fn in_year(p: &P, i: usize) -> R<i32> {
    if !p.is_any(i, &["in", "of"]) {
        return None;
    }
    year(p, i + 1).filter(|&(_, y)| (1000..=2999).contains(&y))
}

/// "24 October 2024", "the 24th of October", "1st of Jan, 2019".
fn day_first(p: &P, i: usize) -> R<Date> {
    let j = p.the(i);
    // "fifteen August nineteen hundred ninety three".
    if let Some((e, d)) = two_digit_words(p, j).filter(|&(_, d)| (1..=31).contains(&d)) {
        if let Some((e2, m)) = month_name(p, e) {
            if let Some((e3, y)) = year_words(p, e2).filter(|&(_, y)| valid(Some(y), m, d)) {
                return Some((e3, cal(Some(y), Some(m), Some(d))));
            }
        }
    }
    let (e, d) = day_of_month(p, j)?;
    let mut k = p.opt(e, "of");
    let slashed = p.punct(k, '/') && p.glued(k);
    if (p.dash(k).is_some() || slashed) && p.glued(k) {
        k += 1;
    }
    let (e2, m) = month_name(p, k)?;
    if !valid(None, m, d) {
        return None;
    }
    // "22/Jan/2019".
    let e3 = if (p.punct(e2, '/') || p.dash(e2).is_some()) && p.glued(e2) {
        e2 + 1
    } else {
        p.comma(e2)
    };
    if let Some((e4, y)) = year_after_date(p, e3).or_else(|| in_year(p, e2)) {
        if valid(Some(y), m, d) {
            return Some((e4, cal(Some(y), Some(m), Some(d))));
        }
    }
    Some((e2, cal(None, Some(m), Some(d))))
}

/// "2019/aug/01", "2019-aug-01".
fn year_first_named(p: &P, i: usize) -> R<Date> {
    let (e, y) = year(p, i)?;
    // "2017 April".
    if let Some((e2, m)) = month_name(p, e).filter(|_| p.t.get(e).is_some_and(|t| t.spaced)) {
        if p.num(e2).is_none() {
            return Some((e2, cal(Some(y), Some(m), None)));
        }
    }
    let sep = p.t.get(e)?;
    if !(sep.is('/') || sep.is('-')) || !p.glued(e) {
        return None;
    }
    let (e2, m) = month_name(p, e + 1)?;
    if !(p.punct(e2, '/') || p.punct(e2, '-')) {
        return Some((e2, cal(Some(y), Some(m), None)));
    }
    let (e3, d) = day_of_month(p, e2 + 1)?;
    valid(Some(y), m, d).then_some((e3, cal(Some(y), Some(m), Some(d))))
}

/// Dates in digits: ISO (2024-10-24), slashed and dotted dates in the
/// configured day-month order (24/10/2024, 10/24/2024, 23.04.2022), an ISO
/// month (2024-10) and a day and month without a year (22/04).
fn numeric(p: &P, i: usize) -> R<Date> {
    let a = p.num(i)?;
    // "20161016": a compact ISO date, only when it is a valid modern date.
    if p.digits(i) == 8 {
        let (y, m, d) = ((a / 10000) as i32, a / 100 % 100, a % 100);
        return ((1900..=2099).contains(&y) && valid(Some(y), m, d))
            .then_some((i + 1, cal(Some(y), Some(m), Some(d))));
    }
    let sep_at = i + 1;
    let sep = match p.t.get(sep_at)?.kind {
        crate::token::Kind::Punct(c @ ('/' | '-' | '.')) if p.glued(sep_at) => c,
        _ => return None,
    };
    let b = p.num(sep_at + 1).filter(|_| p.glued(sep_at + 1))?;
    let b_digits = p.digits(sep_at + 1);
    let third = (p.punct(sep_at + 2, sep) && p.glued(sep_at + 2) && p.glued(sep_at + 3))
        .then(|| p.num(sep_at + 3).map(|c| (c, p.digits(sep_at + 3))))
        .flatten();
    // "12-2015", "3/2024": month and year.
    if p.digits(i) <= 2 && b_digits == 4 && third.is_none() && (1..=12).contains(&a) && sep != '.' {
        let y = b as i32;
        return (1000..=2999)
            .contains(&y)
            .then_some((sep_at + 2, cal(Some(y), Some(a), None)));
    }
    if p.digits(i) == 4 {
        // Year first.
        let y = a as i32;
        if !(1000..=2999).contains(&y) || b_digits > 2 {
            return None;
        }
        if let Some((c, cd)) = third {
            return (cd <= 2 && valid(Some(y), b, c))
                .then_some((sep_at + 4, cal(Some(y), Some(b), Some(c))));
        }
        // "2024-10" is a month; "2014-2018" is two years, read elsewhere.
        return (sep == '-' && (1..=12).contains(&b) && !p.glued(sep_at + 2))
            .then_some((sep_at + 2, cal(Some(y), Some(b), None)));
    }
    if p.digits(i) > 2 || b_digits > 2 {
        return None;
    }
    let order = |first: u32, second: u32| -> Option<(u32, u32)> {
        // A part over 12 can only be the day; otherwise the order is the
        // configured one, and dotted dates are always day first.
        if first > 12 {
            Some((second, first))
        } else if second > 12 {
            Some((first, second))
        } else if p.opts.day_first || sep == '.' {
            Some((second, first))
        } else {
            Some((first, second))
        }
    };
    if let Some((c, cd)) = third {
        let y = match cd {
            4 => c as i32,
            2 => 2000 + c as i32,
            _ => return None,
        };
        let (m, d) = order(a, b)?;
        return valid(Some(y), m, d).then_some((sep_at + 4, cal(Some(y), Some(m), Some(d))));
    }
    // Day and month alone: only with a slash, and not a fraction or an
    // idiom ("1/2 of", "24/7").
    if sep != '/'
        || (a, b) == (24, 7)
        || p.is_any(sep_at + 2, &["of", "th", "ths"])
        || p.punct(sep_at + 2, '%')
    {
        return None;
    }
    if i > 0 && p.num(i - 1).is_some() {
        return None;
    }
    let (m, d) = order(a, b)?;
    valid(None, m, d).then_some((sep_at + 2, cal(None, Some(m), Some(d))))
}

/// "the 1990s", "1990s", "the '90s".
fn decade(p: &P, i: usize) -> R<Date> {
    let j = p.the(i);
    let (e, y) = if p.punct(j, '\'') || p.punct(j, '’') {
        let v = p
            .num(j + 1)
            .filter(|_| p.digits(j + 1) == 2 && p.glued(j + 1))? as i32;
        (j + 2, if v < 30 { 2000 + v } else { 1900 + v })
    } else {
        let v = p.num(j).filter(|_| p.digits(j) == 4)? as i32;
        (j + 1, v)
    };
    if y % 10 != 0 || !p.is_word(e, "s") || !p.glued(e) {
        return None;
    }
    Some((e + 1, Date::Decade(y)))
}

/// "the 20th century", "the twenty-first century".
fn century(p: &P, i: usize) -> R<Date> {
    let j = p.the(i);
    let (e, n) = day_of_month(p, j).or_else(|| ordinal_words(p, j))?;
    if !p.is_word(e, "century") || n == 0 {
        return None;
    }
    Some((e + 1, Date::Century(n as i32)))
}

/// A year after a period ("of 2024", "2024", "of next year", "of this
/// year"); `Unknown` when none is given.
pub fn year_after(p: &P, i: usize) -> (usize, YearRef) {
    let j = p.comma(i);
    let k = p.opt(j, "of");
    if let Some((e, y)) = year(p, k) {
        return (e, YearRef::Abs(y));
    }
    if p.is_word(k, "the") || k > j {
        let k2 = p.the(k);
        for (w, off) in [
            ("this", 0),
            ("next", 1),
            ("last", -1),
            ("previous", -1),
            ("current", 0),
        ] {
            if p.is_word(k2, w) && p.is_word(k2 + 1, "year") {
                return (k2 + 2, YearRef::Rel(off));
            }
        }
    }
    (i, YearRef::Unknown)
}

/// A year named before a part of it: "2024's", "next year's".
fn year_before(p: &P, i: usize) -> R<YearRef> {
    let (e, y) = if let Some((e, y)) = year(p, i) {
        (e, YearRef::Abs(y))
    } else {
        let off = match p.word(i)? {
            "this" | "current" => 0,
            "next" => 1,
            "last" | "previous" => -1,
            _ => return None,
        };
        if !p.is_word(i + 1, "year") {
            return None;
        }
        (i + 2, YearRef::Rel(off))
    };
    let e2 = p.phrase(e, &["'s"])?;
    Some((e2, y))
}

/// Quarters and halves: "Q3 2024", "the third quarter of 2024", "next
/// year's first quarter", "the first half of the year", "H1".
fn quarter(p: &P, i: usize) -> R<Date> {
    // "Q3", "H1", "Q3 2024", "2024 Q3".
    let letter = |k: usize| -> Option<(Gran, u32)> {
        let g = match p.word(k)? {
            "q" => Gran::Quarter,
            "h" => Gran::Half,
            _ => return None,
        };
        let n = p.num(k + 1).filter(|_| p.glued(k + 1))?;
        let max = if g == Gran::Quarter { 4 } else { 2 };
        (1..=max).contains(&n).then_some((g, n))
    };
    // "H1N1" is a name, not the first half: the number must end the word.
    let ends_word = !p.glued(i + 2) || p.dash(i + 2).is_some();
    if let Some((g, n)) = letter(i).filter(|_| ends_word) {
        let k = if p.dash(i + 2).is_some() && p.glued(i + 2) {
            i + 3
        } else {
            i + 2
        };
        let (e, y) = match year(p, k).filter(|_| k > i + 2) {
            Some((e, y)) => (e, YearRef::Abs(y)),
            None => year_after(p, i + 2),
        };
        return Some((
            e,
            Date::YearPart {
                year: y,
                gran: g,
                n,
            },
        ));
    }
    if let Some((e, y)) = year(p, i) {
        let e = if p.dash(e).is_some() && p.glued(e) {
            e + 1
        } else {
            e
        };
        if let Some((g, n)) = letter(e) {
            return Some((
                e + 2,
                Date::YearPart {
                    year: YearRef::Abs(y),
                    gran: g,
                    n,
                },
            ));
        }
    }
    let (j, before) = match year_before(p, i) {
        Some((e, y)) => (e, Some(y)),
        None => (p.the(i), None),
    };
    let (e, n) = ordinal_words(p, j).or_else(|| day_of_month(p, j))?;
    let (g, max) = match p.word(e)? {
        "quarter" => (Gran::Quarter, 4),
        "half" => (Gran::Half, 2),
        _ => return None,
    };
    if n == 0 || n > max {
        return None;
    }
    let (e2, after) = year_after(p, e + 1);
    let year = before.unwrap_or(after);
    // "the first quarter" alone is too often a sports period or a
    // company's fiscal quarter; it needs a year or "of the year".
    if year == YearRef::Unknown && p.phrase(e + 1, &["of", "the", "year"]).is_none() {
        return None;
    }
    let e2 = p.phrase(e + 1, &["of", "the", "year"]).unwrap_or(e2);
    let year = if year == YearRef::Unknown {
        YearRef::Rel(0)
    } else {
        year
    };
    Some((e2, Date::YearPart { year, gran: g, n }))
}

/// Seasons, with a year or a relative word: "summer 2024", "this
/// winter", "last spring". A bare "fall" is a verb far more often.
fn season(p: &P, i: usize) -> R<Date> {
    let (j, rel) = match p.word(i)? {
        "this" | "current" => (i + 1, Some(0)),
        "next" | "coming" => (i + 1, Some(1)),
        "last" | "past" => (i + 1, Some(-1)),
        _ => (p.the(i), None),
    };
    let s = match p.word(j)? {
        "spring" => 0,
        "summer" => 1,
        "autumn" | "fall" => 2,
        "winter" => 3,
        _ => return None,
    };
    let (e, y) = year_after(p, j + 1);
    let year = match (rel, y) {
        (Some(r), _) => YearRef::Rel(r),
        (None, y) => y,
    };
    // A bare season needs a date cue: "in winter", "the summer", not "a
    // severe winter"; a bare "fall" is a verb far more often.
    if year == YearRef::Unknown && (p.is_word(j, "fall") || !(j > i || has_cue(p, i))) {
        return None;
    }
    let e = if rel.is_some() { j + 1 } else { e };
    Some((e, Date::Season { year, season: s }))
}

/// Holidays by name, with an optional year or relative word: "Christmas
/// 2024", "next Easter", "Independence Day of this year".
fn holiday(p: &P, i: usize) -> R<Date> {
    let (j, rel) = match p.word(i)? {
        "this" => (i + 1, Some(0)),
        "next" | "following" | "coming" => (i + 1, Some(1)),
        "last" | "previous" => (i + 1, Some(-1)),
        _ => (i, None),
    };
    // Most tokens start no holiday name: check the first word first.
    if !lexicon::holiday_first_word(p.word(j)?) {
        return None;
    }
    let fixed = lexicon::FIXED_HOLIDAYS
        .iter()
        .filter_map(|(words, name, ..)| p.phrase(j, words).map(|e| (e, *name)));
    let movable = lexicon::MOVABLE_HOLIDAYS
        .iter()
        .filter_map(|(words, name)| p.phrase(j, words).map(|e| (e, *name)));
    let (e, name) = fixed.chain(movable).max_by_key(|(e, _)| *e)?;
    // "may day" and "new year" need a capital or a year: "may" alone is
    // too common.
    if name == "may day" && !p.capitalised(j) {
        return None;
    }
    let (e2, y) = year_after(p, e);
    let year = match rel {
        Some(r) => YearRef::Rel(r),
        None => y,
    };
    // A bare "new year" is a holiday only with a capital or a year.
    if name == "new year" && e - j == 2 && year == YearRef::Unknown && !p.capitalised(j) {
        return None;
    }
    Some((
        if rel.is_some() { e } else { e2 },
        Date::Holiday { name, year },
    ))
}

/// The nth weekday or week of a month or year: "the first Monday of
/// March", "the last week of 2019", "the third week of July".
pub fn nth_of(p: &P, i: usize, period: &dyn Fn(&P, usize) -> R<Date>) -> R<Date> {
    let j = p.the(i);
    let (e, n) = if p.is_word(j, "last") {
        (j + 1, -1)
    } else {
        let (e, n) = ordinal_words(p, j).or_else(|| day_of_month(p, j))?;
        (e, n as i32)
    };
    let unit = match p.word(e)? {
        "week" => NthUnit::Gran(Gran::Week),
        "weekend" => NthUnit::Gran(Gran::Weekend),
        "day" => NthUnit::Gran(Gran::Day),
        "month" => NthUnit::Gran(Gran::Month),
        w => NthUnit::Weekday(lexicon::weekday(w).filter(|(_, pl)| !pl)?.0),
    };
    let k = if p.is_word(e + 1, "of") || p.is_word(e + 1, "in") {
        e + 2
    } else {
        return None;
    };
    let (e2, of) = period(p, k)?;
    Some((
        e2,
        Date::Nth {
            n,
            unit,
            of: Box::new(of),
        },
    ))
}
