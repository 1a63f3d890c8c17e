//! Whole expressions: a date with a time of day, ranges ("from June to
//! August", "between early- and mid-October", "November 19-20"), open
//! bounds ("since February 2022", "by mid-January", "until January 20"),
//! durations and recurrences.

use super::calendar::{bare_year, day_of_month, month_name, year};
use super::clock::{clock_loose, clock_strict, day_part};
use super::hours::share_meridiem;
use super::relative::{date, part_word};
use super::span::{duration, set, vague_duration};
use super::{P, R};
use crate::expr::{Clock, Date, DayPart, Expr, Gran, Mod, Part};

/// The longest expression starting at token `i`.
pub fn expr(p: &P, i: usize) -> R<Expr> {
    [
        qualified_shift(p, i),
        time_range(p, i),
        bound(p, i),
        range(p, i),
        set(p, i),
        duration(p, i),
        vague_duration(p, i),
        point(p, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(e, _)| *e)
}

/// "more than 2 weeks before today", "over a month after the vote": a
/// shift with a qualifier is an open bound at the shifted day.
fn qualified_shift(p: &P, i: usize) -> R<Expr> {
    let j = p
        .phrase(i, &["more", "than"])
        .or_else(|| p.phrase(i, &["over"]))
        .or_else(|| p.phrase(i, &["at", "least"]))?;
    let (e, d) = date(p, j)?;
    let Date::Shift {
        from: Some(_),
        sign,
        ..
    } = &d
    else {
        return None;
    };
    let bound = if *sign < 0 {
        Mod::Before
    } else {
        Mod::OnOrAfter
    };
    let x = Expr::Date {
        date: d.clone(),
        clock: None,
        day_part: None,
    };
    // "more than two weeks before today": earlier than the day two weeks
    // back; "after": that day or later.
    Some((e, Expr::Bound(bound, Box::new(x))))
}

/// A range of hours, maybe with its day after it: "5-6pm", "between 3
/// and 5 on 1/1/2015", "from 3-8pm yesterday afternoon".
fn time_range(p: &P, i: usize) -> R<Expr> {
    let (e, h) = super::hours::hours(p, i)?;
    let k = p.comma(e);
    let k = if p.is_any(k, &["on", "of"]) { k + 1 } else { k };
    // "between 7 and 9:30 last night", "between 10 and 11:30 this
    // morning": the part of the day sets a.m. or p.m.
    if let Some((
        e2,
        Expr::Date {
            date: d,
            day_part: Some((dp, _)),
            ..
        },
    )) = named_day_part(p, k)
    {
        let h = super::hours::Hours {
            first: with_day_part(h.first, dp),
            second: with_day_part(h.second, dp),
            marked: true,
        };
        return Some((e2, hours_on(d, &h)));
    }
    let day = date(p, k).filter(|(_, d)| day_like(d)).map(|(e2, d)| {
        // "yesterday afternoon" after the hours: the part of the day only
        // confirms them.
        (day_part(p, e2).map_or(e2, |(e3, _)| e3), d)
    });
    match day {
        Some((e2, d)) => Some((e2, hours_on(d, &h))),
        None if h.marked => {
            let t = |c| Expr::Time {
                clock: Some(c),
                day_part: None,
            };
            Some((e, Expr::Range(Box::new(t(h.first)), Box::new(t(h.second)))))
        }
        None => None,
    }
}

/// A range of hours on a day.
fn hours_on(d: Date, h: &super::hours::Hours) -> Expr {
    let at = |c| Expr::Date {
        date: d.clone(),
        clock: Some(c),
        day_part: None,
    };
    Expr::Range(Box::new(at(h.first)), Box::new(at(h.second)))
}

/// Matches that look like dates but are not.
pub fn rejected(p: &P, i: usize, end: usize) -> bool {
    // Digits joined to more digits by a dash, slash, point or comma are a
    // code, a phone number or a decimal ("138-2010-2015", "123-12-1234",
    // "40.1693", "30/4.85"), not a date.
    let joiner = |k: usize| {
        matches!(
            p.t.get(k).map(|t| &t.kind),
            Some(crate::token::Kind::Punct('-' | '/' | '.' | ',' | '–'))
        )
    };
    let starts_with_digit = p.num(i).is_some();
    let ends_with_digit = end > 0 && p.num(end - 1).is_some();
    // A comma or a point joins only when written without spaces ("1,2024"),
    // a dash also with them ("32 - 2015").
    let tight = |k: usize| p.dash(k).is_some() || p.glued(k) && p.glued(k + 1);
    let before =
        starts_with_digit && i >= 2 && joiner(i - 1) && tight(i - 1) && p.num(i - 2).is_some();
    let after = ends_with_digit && joiner(end) && tight(end) && p.num(end + 1).is_some();
    // "$12 December 27", "$ 12": the number is money.
    let currency = |k: usize| {
        matches!(
            p.t.get(k).map(|t| &t.kind),
            Some(crate::token::Kind::Punct('$' | '£' | '€' | '¥'))
        )
    };
    let money = starts_with_digit && i >= 1 && currency(i - 1);
    before || after || money
}

/// A date, a time, or both.
fn point(p: &P, i: usize) -> R<Expr> {
    super::memo(&p.point_memo, i, || point_at(p, i))
}

fn point_at(p: &P, i: usize) -> R<Expr> {
    let mut best: R<Expr> = None;
    let mut consider = |r: R<Expr>| {
        if let Some((e, x)) = r {
            if best.as_ref().is_none_or(|(b, _)| e > *b) {
                best = Some((e, x));
            }
        }
    };
    // A date, then maybe a time or a part of the day.
    if let Some((e, d)) = date_or_year(p, i) {
        consider(Some((
            e,
            Expr::Date {
                date: d.clone(),
                clock: None,
                day_part: None,
            },
        )));
        consider(time_after(p, e, &d));
    }
    // "end of the day", "the end of tomorrow", "end of this Sunday": the
    // last second of that day.
    if let Some((j, Part::End)) = part_word(p, i) {
        let day = if p.is_word(j, "day") || p.phrase(j, &["the", "day"]).is_some() {
            let e = if p.is_word(j, "day") { j + 1 } else { j + 2 };
            Some((
                e,
                Date::Relative {
                    gran: Gran::Day,
                    offset: 0,
                },
            ))
        } else {
            date(p, p.the(j)).filter(|(_, d)| {
                matches!(
                    d,
                    Date::Relative {
                        gran: Gran::Day,
                        ..
                    } | Date::Weekday { .. }
                )
            })
        };
        if let Some((e, d)) = day {
            let mut c = Clock::hm(23, 59);
            c.second = 59;
            c.second_given = true;
            consider(Some((
                e,
                Expr::Date {
                    date: d,
                    clock: Some(c),
                    day_part: None,
                },
            )));
        }
    }
    // "tonight", "this morning", "last night", "tomorrow evening", and
    // with a time: "tonight at 1am", "tonight around 7".
    if let Some((e, x)) = named_day_part(p, i) {
        consider(Some((e, x.clone())));
        // "tonight from 7 to 7:30", "this evening from 7 to 7:30".
        if let Expr::Date {
            date,
            day_part: Some((dp, _)),
            ..
        } = &x
        {
            if let Some((e2, h)) = super::hours::hours(p, e) {
                let h = super::hours::Hours {
                    first: with_day_part(h.first, *dp),
                    second: with_day_part(h.second, *dp),
                    marked: true,
                };
                consider(Some((e2, hours_on(date.clone(), &h))));
            }
        }
        if let Expr::Date {
            date,
            day_part: Some((dp, _)),
            ..
        } = x
        {
            let k = if p.is_any(e, &["at", "around", "about"]) {
                e + 1
            } else {
                e
            };
            if let Some((e2, c)) = if k > e {
                clock_loose(p, k)
            } else {
                clock_strict(p, k)
            } {
                let c = if c.pm.is_none() && c.hour < 12 && dp != DayPart::Morning && c.hour >= 5 {
                    Clock {
                        pm: Some(true),
                        ..c
                    }
                } else {
                    c
                };
                consider(Some((
                    e2,
                    Expr::Date {
                        date,
                        clock: Some(c),
                        day_part: None,
                    },
                )));
            }
        }
    }
    // "around 1pm", "about 3:30": an approximate time.
    if p.is_any(i, &["around", "about", "approximately", "roughly", "circa"]) {
        if let Some((e, x)) = point(p, i + 1).filter(|(_, x)| {
            matches!(
                x,
                Expr::Time { clock: Some(_), .. } | Expr::Date { clock: Some(_), .. }
            )
        }) {
            consider(Some((e, Expr::Bound(Mod::Approx, Box::new(x)))));
        }
    }
    // A time, then maybe a date: "3pm on Monday", "10am tomorrow".
    if let Some((e, c)) = clock_strict(p, i).or_else(|| {
        p.is_any(i.wrapping_sub(1), &["at", "around"])
            .then(|| clock_loose(p, i))
            .flatten()
    }) {
        consider(Some((
            e,
            Expr::Time {
                clock: Some(c),
                day_part: None,
            },
        )));
        let k = p.comma(e);
        let k2 = p.opt(k, "on");
        if let Some((e2, d)) = date_or_year(p, k2).filter(|(_, d)| {
            !matches!(
                d,
                Date::Calendar {
                    month: None,
                    day: None,
                    ..
                }
            )
        }) {
            consider(Some((
                e2,
                Expr::Date {
                    date: d,
                    clock: Some(c),
                    day_part: None,
                },
            )));
        }
        // "8am this morning", "9pm tonight".
        if let Some((
            e2,
            Expr::Date {
                date,
                day_part: Some(_),
                ..
            },
        )) = named_day_part(p, k)
        {
            consider(Some((
                e2,
                Expr::Date {
                    date,
                    clock: Some(c),
                    day_part: None,
                },
            )));
        }
        // "4 in the morning".
        if let Some(e2) = p.phrase(e, &["in", "the"]) {
            if let Some((e3, (dp, None))) = day_part(p, e2) {
                consider(Some((
                    e3,
                    Expr::Time {
                        clock: Some(with_day_part(c, dp)),
                        day_part: None,
                    },
                )));
            }
        }
    }
    // "in the morning at 7", "in the afternoon at 7", "in the morning 9
    // o'clock".
    if let Some(k) = p.phrase(i, &["in", "the"]) {
        if let Some((e, (dp, None))) = day_part(p, k) {
            let k2 = p.opt(e, "at");
            let clock = if k2 > e {
                clock_loose(p, k2)
            } else {
                clock_strict(p, k2)
            };
            if let Some((e2, c)) = clock {
                consider(Some((
                    e2,
                    Expr::Time {
                        clock: Some(with_day_part(c, dp)),
                        day_part: None,
                    },
                )));
            }
        }
    }
    // "early morning", "late afternoon", "in the morning".
    if let Some((e, (dp, part))) = day_part(p, i) {
        if part.is_some() {
            consider(Some((
                e,
                Expr::Time {
                    clock: None,
                    day_part: Some((dp, part)),
                },
            )));
        }
    }
    best
}

/// A date, or a year standing alone (which needs more evidence than a
/// year inside a date).
fn date_or_year(p: &P, i: usize) -> R<Date> {
    let d = date(p, i);
    // "in nineteen ninety six": a year in words needs "in" or "since".
    let worded = || {
        p.is_any(i.wrapping_sub(1), &["in", "since", "until", "by"])
            .then(|| super::calendar::year_words(p, i))
            .flatten()
    };
    let y = bare_year(p, i).or_else(worded).map(|(e, y)| {
        (
            e,
            Date::Calendar {
                year: Some(y),
                month: None,
                day: None,
            },
        )
    });
    match (d, y) {
        (Some(d), Some(y)) => Some(if y.0 > d.0 { y } else { d }),
        (d, y) => d.or(y).filter(|(_, x)| {
            // A year read by `date` alone must pass the bare-year test,
            // unless words introduced it ("year 2012").
            !matches!(
                x,
                Date::Calendar {
                    year: Some(_),
                    month: None,
                    day: None
                }
            ) || p.num(i).is_none()
                || bare_year(p, i).is_some()
        }),
    }
}

/// A time or a part of the day after a date: "Friday at 3pm", "Nov 5,
/// 10:00 GMT", "tomorrow morning", "Monday night".
fn time_after(p: &P, e: usize, d: &Date) -> R<Expr> {
    // Only a day takes a time of day: "this week 8am" is two expressions,
    // and so is a holiday with its hour ("Christmas Eve at 6 p.m.").
    if !day_like(d) || matches!(d, Date::Holiday { .. }) {
        return None;
    }
    // "Monday 8-9am", "Monday morning from 10am to 12pm", "14th Feb for 7
    // hours from 9:30am".
    let after_part = day_part(p, e).map_or(e, |(e2, _)| e2);
    for k in [p.comma(e), after_part] {
        if let Some((e2, h)) = super::hours::hours(p, k) {
            return Some((e2, hours_on(d.clone(), &h)));
        }
    }
    // "today before 4pm", "Feb 1st no later than 6:00".
    let bounds: &[(&[&str], Mod)] = &[
        (&["before"], Mod::Before),
        (&["after"], Mod::After),
        (&["by"], Mod::OnOrBefore),
        (&["no", "later", "than"], Mod::OnOrBefore),
        (&["later", "than"], Mod::After),
    ];
    for (words, m) in bounds {
        if let Some(k) = p.phrase(e, words) {
            if let Some((e2, c)) = clock_loose(p, k) {
                let (e3, c) = match p.phrase(e2, &["in", "the"]).and_then(|k2| day_part(p, k2)) {
                    Some((e3, (dp, None))) => (e3, with_day_part(c, dp)),
                    _ => (e2, c),
                };
                let x = Expr::Date {
                    date: d.clone(),
                    clock: Some(c),
                    day_part: None,
                };
                return Some((e3, Expr::Bound(*m, Box::new(x))));
            }
        }
    }
    let k = p.comma(e);
    let k2 = if p.is_any(k, &["at", "around", "about", "by"]) || p.punct(k, '@') {
        k + 1
    } else {
        k
    };
    let clock = if k2 > k {
        clock_loose(p, k2)
    } else {
        clock_strict(p, k2)
    };
    if let Some((e2, c)) = clock {
        // "Friday at 4 in the afternoon".
        if let Some(e3) = p.phrase(e2, &["in", "the"]) {
            if let Some((e4, (dp, None))) = day_part(p, e3) {
                return Some((
                    e4,
                    Expr::Date {
                        date: d.clone(),
                        clock: Some(with_day_part(c, dp)),
                        day_part: None,
                    },
                ));
            }
        }
        return Some((
            e2,
            Expr::Date {
                date: d.clone(),
                clock: Some(c),
                day_part: None,
            },
        ));
    }
    // "Sunday early morning at 8:00", "Sunday late evening at 10:00".
    if let Some((e2, (dp, _))) = day_part(p, e) {
        if p.is_word(e2, "at") {
            if let Some((e3, c)) = clock_loose(p, e2 + 1) {
                let x = Expr::Date {
                    date: d.clone(),
                    clock: Some(with_day_part(c, dp)),
                    day_part: None,
                };
                return Some((e3, x));
            }
        }
    }
    // "today pm", "tomorrow am": a.m. and p.m. as parts of the day.
    if matches!(
        d,
        Date::Relative {
            gran: Gran::Day,
            ..
        } | Date::Weekday { .. }
    ) {
        let dp = match p.word(e) {
            Some("am") => Some(DayPart::Morning),
            Some("pm") => Some(DayPart::Afternoon),
            _ => None,
        };
        if let Some(dp) = dp.filter(|_| p.t[e].spaced) {
            return Some((
                e + 1,
                Expr::Date {
                    date: d.clone(),
                    clock: None,
                    day_part: Some((dp, None)),
                },
            ));
        }
    }
    let k3 = p.phrase(e, &["in", "the"]).unwrap_or(e);
    if let Some((e2, dp)) = day_part(p, k3) {
        // "Wednesday evening next week": the week moves the weekday.
        if let Date::Weekday { day, shift: None } = d {
            let offset = [("next", 1), ("last", -1), ("this", 0)]
                .iter()
                .find(|(w, _)| p.is_word(e2, w) && p.is_word(e2 + 1, "week"))
                .map(|(_, o)| *o);
            if let Some(o) = offset {
                let date = Date::Nth {
                    n: *day as i32,
                    unit: crate::expr::NthUnit::Gran(Gran::Day),
                    of: Box::new(Date::Relative {
                        gran: Gran::Week,
                        offset: o,
                    }),
                };
                return Some((
                    e2 + 2,
                    Expr::Date {
                        date,
                        clock: None,
                        day_part: Some(dp),
                    },
                ));
            }
        }
        if matches!(
            d,
            Date::Weekday { .. }
                | Date::Relative {
                    gran: Gran::Day,
                    ..
                }
                | Date::Calendar { day: Some(_), .. }
        ) {
            return Some((
                e2,
                Expr::Date {
                    date: d.clone(),
                    clock: None,
                    day_part: Some(dp),
                },
            ));
        }
    }
    None
}

/// Dates that name a single day.
fn day_like(d: &Date) -> bool {
    match d {
        Date::Calendar { day, .. } => day.is_some(),
        Date::Weekday { .. }
        | Date::NearestWeekday { .. }
        | Date::DayOnWeekday { .. }
        | Date::Holiday { .. }
        | Date::Shift { .. } => true,
        Date::Relative { gran, .. } => *gran == Gran::Day,
        Date::Nth { unit, .. } => matches!(
            unit,
            crate::expr::NthUnit::Weekday(_) | crate::expr::NthUnit::Gran(Gran::Day)
        ),
        _ => false,
    }
}

/// An unmarked hour read with a part of the day: "4 in the afternoon".
fn with_day_part(mut c: Clock, dp: DayPart) -> Clock {
    if c.pm.is_none() {
        c.pm = Some(!matches!(dp, DayPart::Morning));
    }
    c
}

/// "tonight", "this morning", "last night", "tomorrow evening",
/// "yesterday afternoon", "later this afternoon".
fn named_day_part(p: &P, i: usize) -> R<Expr> {
    let today = |o| Date::Relative {
        gran: Gran::Day,
        offset: o,
    };
    if p.is_word(i, "tonight") {
        return Some((
            i + 1,
            Expr::Date {
                date: today(0),
                clock: None,
                day_part: Some((DayPart::Night, None)),
            },
        ));
    }
    let (j, part) = match p.word(i)? {
        "early" | "earlier" => (i + 1, Some(Part::Start)),
        "late" | "later" => (i + 1, Some(Part::End)),
        _ => (i, None),
    };
    let off = match p.word(j)? {
        "this" => 0,
        "last" if p.is_word(j + 1, "night") => -1,
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => return None,
    };
    let (dp, plural) = crate::lexicon::day_part(p.word(j + 1)?)?;
    if plural {
        return None;
    }
    Some((
        j + 2,
        Expr::Date {
            date: today(off),
            clock: None,
            day_part: Some((dp, part)),
        },
    ))
}

/// Range ends that share words: "early- to mid-October" gives the first
/// end its month from the second.
fn elided_part(p: &P, i: usize) -> R<Part> {
    let (e, part) = part_word(p, i)?;
    // The part word must be followed by a hyphen ("early-") or directly
    // by the joining word ("early to mid October").
    let e = p.dash(e).unwrap_or(e);
    p.is_any(e, &["to", "and", "through", "until"])
        .then_some((e, part))
}

/// "from X to Y", "between X and Y", "X to Y", "X-Y" with dates, times
/// or years on both sides.
fn range(p: &P, i: usize) -> R<Expr> {
    let (j, opener) = match p.word(i) {
        Some("from") => (i + 1, true),
        Some("between") => (i + 1, true),
        _ => (i, false),
    };
    let joiners: &[&str] = if p.is_word(i, "between") {
        &["and", "to"]
    } else {
        &["to", "through", "thru", "until", "till"]
    };
    // Elided first end.
    if let Some((e, part)) = elided_part(p, j) {
        if p.is_any(e, joiners) || p.is_word(e, "and") {
            let (e2, second) = point(p, e + 1)?;
            if let Expr::Date {
                date: Date::Part { of, .. },
                ..
            } = &second
            {
                let first = Expr::Date {
                    date: Date::Part {
                        part,
                        of: of.clone(),
                    },
                    clock: None,
                    day_part: None,
                };
                return Some((e2, Expr::Range(Box::new(first), Box::new(second))));
            }
            return None;
        }
    }
    // Day ranges inside one month: "November 19-20", "19-20 November",
    // "Nov 18-Dec 19, 2015", "October 1 to 7".
    if let Some(r) = day_range(p, j) {
        return Some(r);
    }
    // Year ranges: "2014-2018", "2014 to 2018".
    if let Some((e, a)) = year(p, j) {
        if let Some(k) = p.dash(e).or_else(|| p.is_any(e, joiners).then_some(e + 1)) {
            if let Some((e2, b)) = year(p, k) {
                if b > a {
                    let y = |v| Expr::Date {
                        date: Date::Calendar {
                            year: Some(v),
                            month: None,
                            day: None,
                        },
                        clock: None,
                        day_part: None,
                    };
                    return Some((e2, Expr::Range(Box::new(y(a)), Box::new(y(b)))));
                }
            }
        }
    }
    // An end may start with "the": "from 2007 to the end of 2008".
    let after_the =
        |k: usize| point(p, k).or_else(|| p.is_word(k, "the").then(|| point(p, k + 1)).flatten());
    let (e, first) = after_the(j)?;
    let k = if let Some(k) = p.dash(e) {
        k
    } else if p.is_any(e, joiners) {
        e + 1
    } else {
        return None;
    };
    if !opener
        && p.dash(e).is_none()
        && !matches!(
            first,
            Expr::Date {
                date: Date::Calendar { .. },
                ..
            } | Expr::Time { .. }
        )
    {
        return None;
    }
    let (e2, second) = after_the(k).or_else(|| {
        // "from 7:00 to 8:00pm" needs the loose hour on the first end;
        // "between 2:00 tomorrow and 4:00" the loose hour on the second.
        clock_loose(p, k).map(|(e, c)| {
            (
                e,
                Expr::Time {
                    clock: Some(c),
                    day_part: None,
                },
            )
        })
    })?;
    let (first, second) = share_fields(first, second)?;
    Some((e2, Expr::Range(Box::new(first), Box::new(second))))
}

/// Gives each end of a range the fields written only on the other:
/// "May to Oct 2020" (the year), "from 7:00 to 8:00pm" (p.m.).
fn share_fields(a: Expr, b: Expr) -> Option<(Expr, Expr)> {
    use Expr::{Date as D, Time as T};
    Some(match (a, b) {
        (
            D {
                date: da,
                clock: ca,
                day_part: pa,
            },
            D {
                date: db,
                clock: cb,
                day_part: pb,
            },
        ) => {
            let da = match (&da, &db) {
                (
                    Date::Calendar {
                        year: None,
                        month,
                        day,
                    },
                    Date::Calendar {
                        year: Some(y),
                        month: m2,
                        ..
                    },
                ) => Date::Calendar {
                    // "Nov-Feb 2017" starts in November 2016.
                    year: Some(if month.zip(*m2).is_some_and(|(a, b)| a > b) {
                        *y - 1
                    } else {
                        *y
                    }),
                    month: *month,
                    day: *day,
                },
                _ => da,
            };
            (
                D {
                    date: da,
                    clock: ca,
                    day_part: pa,
                },
                D {
                    date: db,
                    clock: cb,
                    day_part: pb,
                },
            )
        }
        (
            T {
                clock: Some(ca),
                day_part: pa,
            },
            T {
                clock: Some(cb),
                day_part: pb,
            },
        ) => (
            T {
                clock: Some(share_meridiem(ca, cb)),
                day_part: pa,
            },
            T {
                clock: Some(cb),
                day_part: pb,
            },
        ),
        (
            T {
                clock: Some(ca),
                day_part: None,
            },
            D {
                date,
                clock: Some(cb),
                day_part,
            },
        ) => {
            // "between 2:00 tomorrow and 4:00" is read the other way round
            // below; "10am to 12pm Monday" puts the date on both ends.
            (
                D {
                    date: date.clone(),
                    clock: Some(share_meridiem(ca, cb)),
                    day_part,
                },
                D {
                    date,
                    clock: Some(cb),
                    day_part,
                },
            )
        }
        (
            D {
                date,
                clock: Some(ca),
                day_part,
            },
            T {
                clock: Some(cb),
                day_part: None,
            },
        ) => {
            let cb = if cb.pm.is_none() {
                Clock { pm: ca.pm, ..cb }
            } else {
                cb
            };
            // "Tuesday at 2:00 - 2:30 pm": the first end takes the p.m.
            let ca = share_meridiem(ca, cb);
            (
                D {
                    date: date.clone(),
                    clock: Some(ca),
                    day_part,
                },
                D {
                    date,
                    clock: Some(cb),
                    day_part,
                },
            )
        }
        // "tomorrow from 7:00 to 8:00" is read by `point` plus a time range;
        // a date alone and a time make no range.
        (
            D {
                date:
                    Date::Weekday { .. }
                    | Date::Calendar { day: Some(_), .. }
                    | Date::Relative {
                        gran: Gran::Day, ..
                    },
                clock: None,
                ..
            },
            T {
                clock: Some(_),
                day_part: None,
            },
        ) => return None,
        (a, b) => {
            if std::mem::discriminant(&a) == std::mem::discriminant(&b) {
                (a, b)
            } else {
                return None;
            }
        }
    })
}

/// Day ranges: "November 19-20", "19-20 November", "Nov 18-Dec 19,
/// 2015", "October 1 to 7, 2024", "April ninth through 17th".
fn day_range(p: &P, i: usize) -> R<Expr> {
    let joined = |k: usize| {
        p.dash(k).or_else(|| {
            p.is_any(k, &["to", "through", "thru", "until", "and"])
                .then_some(k + 1)
        })
    };
    let day = |m: Option<u32>, d: u32, y: Option<i32>| Expr::Date {
        date: Date::Calendar {
            year: y,
            month: m,
            day: Some(d),
        },
        clock: None,
        day_part: None,
    };
    // Month first.
    // Days may carry "the": "april the ninth till the seventeenth".
    let day_at = |k: usize| day_of_month(p, p.the(k));
    if let Some((e, m)) = month_name(p, i) {
        let (e1, d1) = day_at(e)?;
        let k = joined(e1)?;
        // "Nov 18-Dec 19".
        let (e2, m2, d2) = match month_name(p, k) {
            Some((e2, m2)) => {
                let (e3, d2) = day_of_month(p, e2)?;
                (e3, m2, d2)
            }
            None => {
                let (e2, d2) = day_at(k)?;
                (e2, m, d2)
            }
        };
        if m2 == m && d2 <= d1 {
            return None;
        }
        let (e3, y) = match year(p, p.comma(e2)) {
            Some((e3, y)) => (e3, Some(y)),
            None => (e2, None),
        };
        return Some((
            e3,
            Expr::Range(
                Box::new(day(Some(m), d1, y)),
                Box::new(day(Some(m2), d2, y)),
            ),
        ));
    }
    // Day first: "19-20 November 2024".
    let (e, d1) = day_at(i)?;
    let k = joined(e)?;
    let (e2, d2) = day_at(k)?;
    let (e3, m) = month_name(p, p.opt(e2, "of"))?;
    if d2 <= d1 {
        return None;
    }
    let (e4, y) = match year(p, p.comma(e3)) {
        Some((e4, y)) => (e4, Some(y)),
        None => (e3, None),
    };
    Some((
        e4,
        Expr::Range(Box::new(day(Some(m), d1, y)), Box::new(day(Some(m), d2, y))),
    ))
}

/// Open bounds before a point ("since", "until", "by", "before",
/// "after", "no later than", "as early as", "starting") and after it ("or
/// later", "and earlier", "onwards").
fn bound(p: &P, i: usize) -> R<Expr> {
    let table: &[(&[&str], Mod)] = &[
        (&["since"], Mod::OnOrAfter),
        (&["starting", "from"], Mod::OnOrAfter),
        (&["starting", "on"], Mod::OnOrAfter),
        (&["starting"], Mod::OnOrAfter),
        (&["beginning", "on"], Mod::OnOrAfter),
        (&["beginning"], Mod::OnOrAfter),
        (&["as", "early", "as"], Mod::OnOrAfter),
        (&["no", "earlier", "than"], Mod::OnOrAfter),
        (&["until"], Mod::OnOrBefore),
        (&["till"], Mod::OnOrBefore),
        (&["up", "to"], Mod::OnOrBefore),
        (&["up", "until"], Mod::OnOrBefore),
        (&["through"], Mod::OnOrBefore),
        (&["by"], Mod::OnOrBefore),
        (&["no", "later", "than"], Mod::OnOrBefore),
        (&["as", "late", "as"], Mod::OnOrBefore),
        (&["before"], Mod::Before),
        (&["prior", "to"], Mod::Before),
        (&["earlier", "than"], Mod::Before),
        (&["after"], Mod::After),
        (&["later", "than"], Mod::After),
        (&["year", "greater", "than"], Mod::After),
        (&["greater", "than"], Mod::After),
        (&["any", "time", "from"], Mod::OnOrAfter),
    ];
    if let Some((j, k)) = p.any_phrase(i, &table.iter().map(|(w, _)| *w).collect::<Vec<_>>()) {
        let m = table[k].1;
        let (e, x) = [
            range(p, j),
            point(p, j),
            p.is_word(j, "the").then(|| point(p, j + 1)).flatten(),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(e, _)| *e)?;
        // "by Friday" is a bound, "by 2 votes" is not a time at all;
        // durations and recurrences take no bound here.
        if matches!(x, Expr::Duration(..) | Expr::Durations(..) | Expr::Set(..)) {
            return None;
        }
        // "after" and "before" with a relative stretch or a shift read
        // better as the stretch itself.
        return Some((e, Expr::Bound(m, Box::new(x))));
    }
    // Trailing bounds: "2012 or later", "1/1/2016 and later", "3 pm or
    // later", "June onwards".
    let (e, x) = point(p, i)?;
    let trailing: &[(&[&str], Mod)] = &[
        (&["or", "later"], Mod::OnOrAfter),
        (&["and", "later"], Mod::OnOrAfter),
        (&["or", "after"], Mod::OnOrAfter),
        (&["and", "after"], Mod::OnOrAfter),
        (&["or", "greater"], Mod::OnOrAfter),
        (&["and", "greater"], Mod::OnOrAfter),
        (&["onwards"], Mod::OnOrAfter),
        (&["onward"], Mod::OnOrAfter),
        (&["on"], Mod::OnOrAfter),
        (&["or", "earlier"], Mod::OnOrBefore),
        (&["and", "earlier"], Mod::OnOrBefore),
        (&["or", "before"], Mod::OnOrBefore),
    ];
    let (e2, k) = p.any_phrase(e, &trailing.iter().map(|(w, _)| *w).collect::<Vec<_>>())?;
    // "on" only as "from June on": handled by the opener "from".
    if trailing[k].0 == ["on"] && !p.is_word(i.wrapping_sub(1), "from") {
        return None;
    }
    // "1/1/2016 and after 6PM": "after" starts a bound of its own.
    if trailing[k].0.last() == Some(&"after") && point(p, e2).is_some() {
        return None;
    }
    // "year 2012 or later" keeps "year" in the span.
    Some((e2, Expr::Bound(trailing[k].1, Box::new(x))))
}
