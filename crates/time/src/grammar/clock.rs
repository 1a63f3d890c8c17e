//! Times of day: "3pm", "15:30", "6 p.m. GMT", "noon", "eight o'clock",
//! "half past two", and parts of the day ("this morning", "late
//! afternoon").

use super::relative::number;
use super::{P, R};
use crate::expr::{Clock, DayPart, Part};
use crate::lexicon;

fn clock(hour: u32, minute: u32) -> Clock {
    Clock {
        hour,
        minute,
        second: 0,
        pm: None,
        minute_given: false,
        second_given: false,
        zone: None,
    }
}

/// A.m. or p.m. after a time: "pm", "p.m.", "PM", "a", "p".
fn meridiem(p: &P, i: usize) -> R<bool> {
    let w = p.word(i)?;
    let pm = match w {
        "am" | "a" => false,
        "pm" | "p" => true,
        _ => return None,
    };
    // "p.m." and "a.m.".
    if (w == "a" || w == "p")
        && p.punct(i + 1, '.')
        && p.glued(i + 1)
        && p.is_word(i + 2, "m")
        && p.glued(i + 2)
    {
        let e = if p.punct(i + 3, '.') && p.glued(i + 3) {
            i + 4
        } else {
            i + 3
        };
        return Some((e, pm));
    }
    // A lone "a" after a number is an article unless glued ("8:45a").
    if (w == "a" || w == "p") && !p.glued(i) {
        return None;
    }
    // "3am3io" inside an identifier.
    if p.glued(i + 1) && p.num(i + 1).is_some() {
        return None;
    }
    Some((i + 1, pm))
}

/// A time zone after a time.
fn zone(p: &P, i: usize) -> R<&'static str> {
    const ZONES: &[&str] = &[
        "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst",
        "pdt", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst", "kst", "hkt", "sgt",
        "aest", "aedt", "wib",
    ];
    if let Some(e) = p.phrase(i, &["local", "time"]) {
        return Some((e, "local"));
    }
    if p.punct(i, '(') {
        if let Some(e) = p.phrase(i + 1, &["local", "time"]) {
            if p.punct(e, ')') {
                return Some((e + 1, "local"));
            }
        }
    }
    let w = p.word(i)?;
    let z = ZONES.iter().find(|z| **z == w)?;
    // "ET" and "PT" are words only when capitalised.
    if !p.t[i].spaced || p.capitalised(i) {
        Some((i + 1, z))
    } else {
        None
    }
}

/// A time of day that cannot be anything else: with a colon, a.m./p.m.,
/// "o'clock", or a word such as "noon".
pub fn clock_strict(p: &P, i: usize) -> R<Clock> {
    let (e, mut c) = clock_core(p, i, true)?;
    if let Some((e2, z)) = zone(p, e) {
        c.zone = Some(z);
        return Some((e2, c));
    }
    Some((e, c))
}

/// A time of day, also accepting a bare hour ("at 4") where the caller
/// has a date or "at" to vouch for it.
pub fn clock_loose(p: &P, i: usize) -> R<Clock> {
    clock_strict(p, i).or_else(|| clock_core(p, i, false))
}

fn clock_core(p: &P, i: usize, strict: bool) -> R<Clock> {
    // "12 noon".
    if p.num(i) == Some(12) && p.is_word(i + 1, "noon") {
        return Some((i + 2, Clock::hm(12, 0)));
    }
    // "noonish", "11ish": about that time.
    if p.is_word(i, "noonish") {
        return Some((i + 1, Clock::hm(12, 0)));
    }
    if let (Some(h), true) = (p.num(i), p.is_word(i + 1, "ish") && p.glued(i + 1)) {
        if (1..=12).contains(&h) && p.digits(i) <= 2 {
            return Some((i + 2, clock(h, 0)));
        }
    }
    // "1140 a.m.": hour and minutes run together before a meridiem.
    if let (Some(v), 3 | 4) = (p.num(i), p.digits(i)) {
        if let Some((e, pm)) = meridiem(p, i + 1) {
            let (h, m) = (v / 100, v % 100);
            if (1..=12).contains(&h) && m < 60 {
                let mut c = clock(h, m);
                c.minute_given = true;
                c.pm = Some(pm);
                return Some((e, c));
            }
        }
    }
    match p.word(i) {
        Some("noon" | "midday") => return Some((i + 1, Clock::hm(12, 0))),
        Some("midnight") => return Some((i + 1, Clock::hm(0, 0))),
        Some("mid") if p.is_word(i + 1, "night") => return Some((i + 2, Clock::hm(0, 0))),
        _ => {}
    }
    if let Some(r) = clock_words(p, i, strict) {
        return Some(r);
    }
    let h = p.num(i).filter(|_| p.digits(i) <= 2)?;
    if h > 24 {
        return None;
    }
    let mut c = clock(h, 0);
    let mut e = i + 1;
    let mut marked = false;
    // ":30", ":30:15", ".30" (dotted only with a meridiem or after "at").
    for sep in [':', '.'] {
        if p.punct(e, sep) && p.glued(e) && p.glued(e + 1) && p.digits(e + 1) == 2 {
            let m = p.num(e + 1)?;
            if m >= 60 {
                return None;
            }
            let percent = p.is_any(e + 2, &["percent", "per", "pc"]) || p.punct(e + 2, '%');
            let dotted_ok = !percent
                && (sep == ':'
                    || meridiem(p, e + 2).is_some()
                    || i > 0
                        && p.is_any(
                            i - 1,
                            &[
                                "at", "from", "to", "until", "till", "by", "around", "between",
                            ],
                        ));
            if !dotted_ok {
                continue;
            }
            c.minute = m;
            c.minute_given = true;
            e += 2;
            marked = true;
            if p.punct(e, ':') && p.glued(e) && p.digits(e + 1) == 2 && p.glued(e + 1) {
                let s = p.num(e + 1)?;
                if s < 60 {
                    c.second = s;
                    c.second_given = true;
                    e += 2;
                }
            }
            break;
        }
    }
    if let Some((e2, pm)) = meridiem(p, e) {
        if h == 0 || h > 12 {
            return None;
        }
        c.pm = Some(pm);
        return Some((e2, c));
    }
    if let Some(e2) = oclock(p, e) {
        return (h <= 12).then_some((e2, c));
    }
    if marked {
        if h >= 13 || h == 0 {
            c.pm = Some(h >= 12);
        }
        return Some((e, c));
    }
    if strict {
        return None;
    }
    (h <= 12 && h > 0).then_some((e, c))
}

fn oclock(p: &P, i: usize) -> Option<usize> {
    p.phrase(i, &["o'clock"])
        .or_else(|| p.phrase(i, &["oclock"]))
        .or_else(|| p.phrase(i, &["o", "clock"]))
}

/// Times in words: "eight o'clock", "half past two", "a quarter to
/// five", "ten past three", "two thirty" (only where loose times are
/// allowed).
fn clock_words(p: &P, i: usize, strict: bool) -> R<Clock> {
    let hour_word = |k: usize| -> Option<u32> {
        let w = p.word(k)?;
        storyline_quantity::cardinal_word(w)
            .map(|v| v as u32)
            .filter(|v| (1..=12).contains(v))
    };
    // "half past two", "quarter to five", "ten past three".
    // "five to seven" is as often a range of hours as 6:55, so "to" needs
    // "quarter", "half" or the word "minutes".
    let (j, minutes, explicit) = if let Some(e) = p.phrase(i, &["half"]) {
        (e, 30, true)
    } else if let Some(e) = p
        .phrase(i, &["a", "quarter"])
        .or_else(|| p.phrase(i, &["quarter"]))
    {
        (e, 15, true)
    } else if let Some((e, Some(n))) =
        number(p, i).filter(|(_, n)| n.is_some_and(|v| v < 60.0 && v.fract() == 0.0))
    {
        let e2 = if p.is_any(e, &["minutes", "minute", "min", "mins"]) {
            e + 1
        } else {
            e
        };
        (e2, n as u32, e2 > e)
    } else {
        (i, 0, false)
    };
    if j > i {
        let past = p.is_any(j, &["past", "after"]);
        let to = p.is_any(j, &["to", "before"]) && explicit;
        if past || to {
            let h = hour_word(j + 1).or_else(|| p.num(j + 1).filter(|v| (1..=12).contains(v)))?;
            let (hour, minute) = if past {
                (h, minutes)
            } else {
                ((h + 10) % 12 + 1, 60 - minutes)
            };
            let mut c = clock(hour, minute);
            c.minute_given = true;
            let e = oclock(p, j + 2).unwrap_or(j + 2);
            return Some(meridiem(p, e).map_or((e, c), |(e2, pm)| {
                c.pm = Some(pm);
                (e2, c)
            }));
        }
    }
    let h = hour_word(i)?;
    if let Some(e) = oclock(p, i + 1) {
        return Some((e, clock(h, 0)));
    }
    if let Some((e, pm)) = meridiem(p, i + 1).filter(|_| p.t[i + 1].spaced) {
        let mut c = clock(h, 0);
        c.pm = Some(pm);
        return Some((e, c));
    }
    if strict {
        return None;
    }
    // "two thirty", "two forty five".
    if let Some((e, Some(m))) = number(p, i + 1) {
        if (10.0..60.0).contains(&m) && m.fract() == 0.0 && p.word(i + 1).is_some() {
            let mut c = clock(h, m as u32);
            c.minute_given = true;
            return Some((e, c));
        }
    }
    None
}

/// A part of the day with an optional part word: "morning", "late
/// afternoon", "early in the morning", "later in the evening".
pub fn day_part(p: &P, i: usize) -> R<(DayPart, Option<Part>)> {
    let (j, part) = match p.word(i)? {
        "early" | "earlier" => (i + 1, Some(Part::Start)),
        "late" | "later" => (i + 1, Some(Part::End)),
        "mid" => (i + 1, Some(Part::Mid)),
        _ => (i, None),
    };
    let j = if part.is_some() {
        p.phrase(j, &["in", "the"]).unwrap_or(j)
    } else {
        j
    };
    let (dp, plural) = lexicon::day_part(p.word(j)?)?;
    (!plural).then_some((j + 1, (dp, part)))
}
