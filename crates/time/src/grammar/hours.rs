//! Ranges of hours: "from 10am to 12pm", "5-6pm", "between 3 and 5 on
//! 1/1/2015", "from 9 for 2.5 hours", "for 3 hours from 10 am".

use super::clock::{clock_loose, clock_strict, day_part};
use super::span::duration;
use super::{P, R};
use crate::expr::{Clock, DayPart, Expr, Unit};

/// Two times of day and whether either is unmistakably a time (a colon,
/// a.m./p.m., "o'clock"): bare numbers ("between 3 and 5") need more
/// evidence before they are read as hours.
pub struct Hours {
    pub first: Clock,
    pub second: Clock,
    pub marked: bool,
}

/// A range of hours at token `i`, with an optional "in the afternoon".
pub fn hours(p: &P, i: usize) -> R<Hours> {
    let (e, mut h) = [joined(p, i), with_length(p, i)]
        .into_iter()
        .flatten()
        .max_by_key(|(e, _)| *e)?;
    // "between 5 and 6 in the afternoon", "5 to seven in the morning".
    if let Some(k) = p.phrase(e, &["in", "the"]) {
        if let Some((e2, (dp, None))) = day_part(p, k) {
            h.first = in_day_part(h.first, dp);
            h.second = in_day_part(h.second, dp);
            h.marked = true;
            return Some((e2, h));
        }
    }
    Some((e, h))
}

fn in_day_part(mut c: Clock, dp: DayPart) -> Clock {
    if c.pm.is_none() && c.hour < 12 {
        c.pm = Some(!matches!(dp, DayPart::Morning));
    }
    c
}

/// "from 10am to 12pm", "10-11am", "between 9.30-4.30pm".
fn joined(p: &P, i: usize) -> R<Hours> {
    let between = p.is_word(i, "between");
    let j = if between || p.is_word(i, "from") {
        i + 1
    } else {
        i
    };
    let (e, first) = clock_loose(p, j)?;
    let k = if let Some(k) = p.dash(e) {
        k
    } else if p.is_any(e, &["to", "until", "till", "through"]) || between && p.is_word(e, "and") {
        e + 1
    } else {
        return None;
    };
    let (e2, second) = clock_loose(p, k)?;
    // Minutes on both ends ("from three thirty to four thirty") make the
    // numbers times as surely as a colon does.
    let marked = clock_strict(p, j).is_some()
        || clock_strict(p, k).is_some()
        || first.minute_given && second.minute_given;
    let (first, second) = share(first, second);
    Some((
        e2,
        Hours {
            first,
            second,
            marked,
        },
    ))
}

/// "from 9 for 2.5 hours", "for 3 hours from 10 am": a start and a length.
fn with_length(p: &P, i: usize) -> R<Hours> {
    let (start, length, e) = if p.is_word(i, "from") {
        let (e, c) = clock_loose(p, i + 1)?;
        if !p.is_word(e, "for") {
            return None;
        }
        let (e2, d) = duration(p, e + 1)?;
        (c, d, e2)
    } else if p.is_word(i, "for") {
        let (e, d) = duration(p, i + 1)?;
        if !p.is_word(e, "from") {
            return None;
        }
        let (e2, c) = clock_loose(p, e + 1)?;
        (c, d, e2)
    } else {
        return None;
    };
    let minutes = minutes_of(&length)?;
    let total = start.hour24() * 60 + start.minute + minutes;
    if total > 24 * 60 {
        return None;
    }
    let mut end = Clock::hm(total / 60 % 24, total % 60);
    end.pm = Some(total / 60 >= 12);
    // A length makes the start a time even when it is a bare hour.
    Some((
        e,
        Hours {
            first: start,
            second: end,
            marked: true,
        },
    ))
}

/// The length of a duration expression in whole minutes, when it is
/// given in hours and minutes.
fn minutes_of(x: &Expr) -> Option<u32> {
    let parts = match x {
        Expr::Duration(d, None) => vec![*d],
        Expr::Durations(ds, None) => ds.clone(),
        _ => return None,
    };
    let mut total = 0.0;
    for d in parts {
        let per = match d.unit {
            Unit::Hour => 60.0,
            Unit::Minute => 1.0,
            _ => return None,
        };
        total += d.amount? * per;
    }
    (total > 0.0 && total.fract() == 0.0).then_some(total as u32)
}

/// Each end takes what the other says about a.m. and p.m.: "from 7 to
/// 8pm" is 19:00-20:00; "from 10:30 to 3" ends at 15:00.
fn share(a: Clock, b: Clock) -> (Clock, Clock) {
    let a = share_meridiem(a, b);
    let mut b = b;
    if b.pm.is_none() && b.hour < 12 && b.hour24() < a.hour24() {
        b.pm = Some(true);
    }
    // "10am-12am": twelve after a morning hour is noon.
    if b.hour == 12 && b.pm == Some(false) && a.hour24() < 12 {
        b.pm = Some(true);
    }
    (a, b)
}

/// The first end of a time range takes the second's a.m. or p.m. when it
/// has none and the hours allow it ("from 7 to 8pm").
pub fn share_meridiem(a: Clock, b: Clock) -> Clock {
    match (a.pm, b.pm) {
        (None, Some(pm)) if a.hour <= 12 => {
            let candidate = Clock { pm: Some(pm), ..a };
            if candidate.hour24() <= b.hour24() {
                candidate
            } else {
                a
            }
        }
        _ => a,
    }
}
