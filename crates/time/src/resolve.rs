//! Resolution: from what the grammar understood to a TIMEX3 value and a
//! calendar interval, given the article's date, the date under
//! discussion and the clause's tense.

use crate::calendar::{self as cal, Period};
use crate::expr::{
    Clock, Date, DayPart, Dur, Expr, Gran, Mod, NthUnit, Part, RefKind, SetExpr, Unit, YearRef,
};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// Which way the clause looks from the anchor: past tense picks the
/// most recent "Friday" or "Nov 1", future tense the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    Past,
    Future,
    #[default]
    Unknown,
}

/// What an expression is resolved against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The article's date.
    pub anchor: Option<NaiveDate>,
    /// The time of day of the anchor, when known (the conformance specs
    /// give one; articles rarely do). Without it, "in five minutes" is
    /// resolved to the day only.
    pub anchor_time: Option<NaiveTime>,
    /// The date under discussion: the last explicit day before the
    /// expression, for "the previous day" and "a day later".
    pub discourse: Option<NaiveDate>,
    pub direction: Direction,
}

/// What kind of value a resolution holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Date,
    Time,
    Duration,
    Set,
}

/// How fine a resolved value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Precision {
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Second => "second",
            Precision::Minute => "minute",
            Precision::Hour => "hour",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
        }
    }

    fn of(g: Gran) -> Precision {
        match g {
            Gran::Day => Precision::Day,
            Gran::Week | Gran::Weekend => Precision::Week,
            Gran::Month => Precision::Month,
            Gran::Quarter | Gran::Half => Precision::Quarter,
            Gran::Year => Precision::Year,
            Gran::Decade => Precision::Decade,
            Gran::Century => Precision::Century,
        }
    }
}

/// Which date a resolution was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorUse {
    /// The expression names its date fully; no anchor was needed.
    None,
    /// The article's date.
    Document,
    /// The date under discussion in the text.
    Discourse,
}

/// A resolved time expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub kind: Kind,
    /// TIMEX3-style value: `2024-10-24`, `2024-W43`, `P1W`, `PRESENT_REF`,
    /// `XXXX-11-01` when the year is unknown, `2024-05/2024-10` for a range.
    pub value: String,
    /// Calendar days [start, end); an open bound leaves one side `None`.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The same with times of day, when the expression gives one.
    pub start_time: Option<NaiveDateTime>,
    pub end_time: Option<NaiveDateTime>,
    pub precision: Option<Precision>,
    pub modifier: Option<Mod>,
    pub anchor: AnchorUse,
    /// For a bound, the period it is a bound of.
    pub bound_of: Option<(NaiveDate, NaiveDate)>,
    /// For a range, the first day of its last end ("from May to October"
    /// ends on 1 November and its last end starts on 1 October).
    pub last_start: Option<NaiveDate>,
    /// For a duration, its length in seconds when the amount is known.
    pub seconds: Option<f64>,
}

impl Resolution {
    fn new(kind: Kind, value: String) -> Self {
        Resolution {
            kind,
            value,
            start: None,
            end: None,
            start_time: None,
            end_time: None,
            precision: None,
            modifier: None,
            anchor: AnchorUse::None,
            bound_of: None,
            last_start: None,
            seconds: None,
        }
    }

    fn period(p: &Period, anchor: AnchorUse) -> Self {
        Resolution {
            start: Some(p.start),
            end: Some(p.end),
            precision: Some(Precision::of(p.gran)),
            anchor,
            ..Resolution::new(Kind::Date, p.timex.clone())
        }
    }
}

/// A date resolved as far as the context allows.
enum Resolved {
    Period(Period, AnchorUse),
    /// Not resolvable (no anchor): the TIMEX3 value with X for the
    /// unknown fields, and the precision it would have.
    Partial(String, Gran),
    Open(Resolution),
}

/// Resolves an expression.
pub fn resolve(expr: &Expr, ctx: &Context) -> Resolution {
    match expr {
        Expr::Date {
            date,
            clock,
            day_part,
        } => with_time(date_res(date, ctx), clock.as_ref(), *day_part, ctx),
        Expr::Time { clock, day_part } => time_only(clock.as_ref(), *day_part, ctx),
        Expr::Range(a, b) => {
            let first = resolve(a, ctx);
            let mut second = resolve(b, ctx);
            // An end without a year that falls before the start is read
            // after it: "from November to March" crosses the new year.
            if let (Some(s1), Some(s2)) = (first.start, second.start) {
                if s2 < s1 && second.anchor == AnchorUse::Document {
                    second = resolve(
                        b,
                        &Context {
                            anchor: Some(s1),
                            direction: Direction::Future,
                            ..*ctx
                        },
                    );
                }
            }
            range(first, second)
        }
        Expr::Bound(m, x) => bound(*m, resolve(x, ctx)),
        Expr::Duration(d, m) => {
            let mut r = Resolution::new(Kind::Duration, duration_value(d));
            r.seconds = d.amount.map(|a| a * unit_seconds(d.unit));
            r.modifier = *m;
            r
        }
        Expr::Durations(parts, m) => {
            let mut r = Resolution::new(Kind::Duration, compound_value(parts));
            r.seconds = parts
                .iter()
                .map(|d| d.amount.map(|a| a * unit_seconds(d.unit)))
                .sum();
            r.modifier = *m;
            r
        }
        Expr::Set(s) => Resolution::new(Kind::Set, set_value(s)),
    }
}

fn date_res(date: &Date, ctx: &Context) -> Resolution {
    match resolve_date(date, ctx) {
        Resolved::Period(p, a) => Resolution::period(&p, a),
        Resolved::Partial(v, g) => Resolution {
            precision: Some(Precision::of(g)),
            ..Resolution::new(Kind::Date, v)
        },
        Resolved::Open(r) => r,
    }
}

fn anchor_day(ctx: &Context) -> Option<NaiveDate> {
    ctx.anchor
}

fn anchor_moment(ctx: &Context) -> Option<NaiveDateTime> {
    Some(ctx.anchor?.and_time(ctx.anchor_time?))
}

/// Picks among candidate periods by the clause's direction: the latest
/// starting on or before the anchor for the past, the earliest ending
/// after it for the future, the nearest otherwise.
fn choose(cands: Vec<Period>, anchor: NaiveDate, dir: Direction) -> Option<Period> {
    match dir {
        Direction::Past => cands
            .into_iter()
            .filter(|p| p.start <= anchor)
            .max_by_key(|p| p.start),
        Direction::Future => cands
            .into_iter()
            .filter(|p| p.end > anchor)
            .min_by_key(|p| p.start),
        Direction::Unknown => cands.into_iter().min_by_key(|p| {
            if p.start <= anchor && anchor < p.end {
                0
            } else if p.start > anchor {
                (p.start - anchor).num_days()
            } else {
                // Ties go to the past: news reports more than it forecasts.
                (anchor - p.end).num_days() + 1
            }
        }),
    }
}

/// The candidate years around the anchor for a date without a year.
fn around(anchor: NaiveDate, f: impl Fn(i32) -> Option<Period>) -> Vec<Period> {
    (-1..=1).filter_map(|d| f(anchor.year() + d)).collect()
}

fn year_of(y: YearRef, ctx: &Context) -> Option<i32> {
    match y {
        YearRef::Abs(y) => Some(y),
        YearRef::Rel(r) => Some(anchor_day(ctx)?.year() + r),
        YearRef::Unknown => None,
    }
}

fn resolve_date(date: &Date, ctx: &Context) -> Resolved {
    let anchor = anchor_day(ctx);
    let doc = AnchorUse::Document;
    let partial = |v: String, g| Resolved::Partial(v, g);
    match date {
        Date::Calendar { year, month, day } => match (year, month, day) {
            (Some(y), Some(m), Some(d)) => cal::ymd(*y, *m, *d)
                .map_or(partial(format!("{y:04}-{m:02}-{d:02}"), Gran::Day), |x| {
                    Resolved::Period(cal::day(x), AnchorUse::None)
                }),
            (Some(y), Some(m), None) => cal::month(*y, *m)
                .map_or(partial(format!("{y:04}-{m:02}"), Gran::Month), |p| {
                    Resolved::Period(p, AnchorUse::None)
                }),
            (Some(y), None, _) => cal::year(*y)
                .map_or(partial(format!("{y:04}"), Gran::Year), |p| {
                    Resolved::Period(p, AnchorUse::None)
                }),
            (None, Some(m), Some(d)) => match anchor {
                Some(a) => choose(
                    around(a, |y| cal::ymd(y, *m, *d).map(cal::day)),
                    a,
                    ctx.direction,
                )
                .map_or(partial(format!("XXXX-{m:02}-{d:02}"), Gran::Day), |p| {
                    Resolved::Period(p, doc)
                }),
                None => partial(format!("XXXX-{m:02}-{d:02}"), Gran::Day),
            },
            (None, Some(m), None) => match anchor {
                Some(a) => choose(around(a, |y| cal::month(y, *m)), a, ctx.direction)
                    .map_or(partial(format!("XXXX-{m:02}"), Gran::Month), |p| {
                        Resolved::Period(p, doc)
                    }),
                None => partial(format!("XXXX-{m:02}"), Gran::Month),
            },
            (None, None, Some(d)) => match anchor {
                Some(a) => {
                    let cands = (-1..=1).filter_map(|k| {
                        let first = cal::month_start(a.year(), a.month(), k)?;
                        cal::ymd(first.year(), first.month(), *d).map(cal::day)
                    });
                    choose(cands.collect(), a, ctx.direction)
                        .map_or(partial(format!("XXXX-XX-{d:02}"), Gran::Day), |p| {
                            Resolved::Period(p, doc)
                        })
                }
                None => partial(format!("XXXX-XX-{d:02}"), Gran::Day),
            },
            (None, None, None) => partial("XXXX".into(), Gran::Year),
        },
        Date::Weekday { day, shift } => {
            let Some(a) = anchor else {
                return partial(format!("XXXX-WXX-{day}"), Gran::Day);
            };
            let target = cal::weekday_of(*day).num_days_from_monday() as i64;
            let here = a.weekday().num_days_from_monday() as i64;
            let date = match shift {
                Some(w) => cal::add_days(cal::week_start(a), 7 * *w as i64 + target),
                None => {
                    let back = (here - target).rem_euclid(7);
                    match ctx.direction {
                        Direction::Future => cal::add_days(a, (target - here).rem_euclid(7)),
                        _ => cal::add_days(a, -back),
                    }
                }
            };
            date.map_or(partial(format!("XXXX-WXX-{day}"), Gran::Day), |d| {
                Resolved::Period(cal::day(d), doc)
            })
        }
        Date::NamedMonth { month, shift } => match anchor {
            Some(a) => {
                let y = match shift.signum() {
                    1 if *month <= a.month() => a.year() + 1,
                    -1 if *month >= a.month() => a.year() - 1,
                    _ => a.year(),
                };
                cal::month(y, *month)
                    .map_or(partial(format!("XXXX-{month:02}"), Gran::Month), |p| {
                        Resolved::Period(p, doc)
                    })
            }
            None => partial(format!("XXXX-{month:02}"), Gran::Month),
        },
        Date::Relative { gran, offset } => {
            match anchor.and_then(|a| cal::shifted(a, *gran, *offset)) {
                Some(p) => Resolved::Period(p, doc),
                None => partial(relative_value(*gran), *gran),
            }
        }
        Date::YearPart { year, gran, n } => {
            let y = year_of(*year, ctx);
            match (y, anchor) {
                (Some(y), _) => {
                    cal::year_part(y, *gran, *n).map_or(partial("XXXX".into(), *gran), |p| {
                        Resolved::Period(
                            p,
                            if matches!(year, YearRef::Abs(_)) {
                                AnchorUse::None
                            } else {
                                doc
                            },
                        )
                    })
                }
                (None, Some(a)) => choose(
                    around(a, |y| cal::year_part(y, *gran, *n)),
                    a,
                    ctx.direction,
                )
                .map_or(partial("XXXX".into(), *gran), |p| Resolved::Period(p, doc)),
                (None, None) => partial(
                    format!("XXXX-{}{n}", if *gran == Gran::Half { 'H' } else { 'Q' }),
                    *gran,
                ),
            }
        }
        Date::NearestWeekday { day, future } => {
            let Some(a) = anchor else {
                return partial(format!("XXXX-WXX-{day}"), Gran::Day);
            };
            let target = cal::weekday_of(*day).num_days_from_monday() as i64;
            let here = a.weekday().num_days_from_monday() as i64;
            let delta = if *future {
                (target - here - 1).rem_euclid(7) + 1
            } else {
                -((here - target - 1).rem_euclid(7) + 1)
            };
            cal::add_days(a, delta).map_or(partial(format!("XXXX-WXX-{day}"), Gran::Day), |d| {
                Resolved::Period(cal::day(d), doc)
            })
        }
        Date::DayOnWeekday { day, weekday } => {
            let Some(a) = anchor else {
                return partial(format!("XXXX-XX-{day:02}"), Gran::Day);
            };
            let target = cal::weekday_of(*weekday);
            let cands: Vec<Period> = (-12..=12)
                .filter_map(|k| {
                    let first = cal::month_start(a.year(), a.month(), k)?;
                    cal::ymd(first.year(), first.month(), *day)
                        .filter(|d| d.weekday() == target)
                        .map(cal::day)
                })
                .collect();
            choose(cands, a, ctx.direction)
                .map_or(partial(format!("XXXX-XX-{day:02}"), Gran::Day), |p| {
                    Resolved::Period(p, doc)
                })
        }
        Date::ToDate(g) => match anchor.and_then(|a| cal::containing(a, *g).map(|p| (a, p))) {
            Some((a, p)) => {
                let mut r = Resolution::period(&p, doc);
                r.end = Some(a);
                Resolved::Open(r)
            }
            None => partial(relative_value(*g), *g),
        },
        Date::Lasting { from, amount } => match resolve_date(from, ctx) {
            Resolved::Period(p, a) => {
                match amount.amount.and_then(|n| add(p.start, n, amount.unit)) {
                    Some(end) if end > p.start => {
                        let mut r = Resolution::period(&p, a);
                        r.end = Some(end);
                        r.value = format!("{}/{}", p.timex, duration_value(amount));
                        Resolved::Open(r)
                    }
                    _ => Resolved::Period(p, a),
                }
            }
            other => other,
        },
        Date::Edge { first, amount, of } => match resolve_date(of, ctx) {
            Resolved::Period(p, a) => {
                let n = amount.amount.unwrap_or(0.0);
                let (start, end) = if *first {
                    (Some(p.start), add(p.start, n, amount.unit))
                } else {
                    (add(p.end, -n, amount.unit), Some(p.end))
                };
                match (start, end) {
                    (Some(s), Some(e)) if s < e && p.start <= s && e <= p.end => {
                        let mut r = Resolution::period(&p, a);
                        r.start = Some(s);
                        r.end = Some(e);
                        Resolved::Open(r)
                    }
                    _ => Resolved::Period(p, a),
                }
            }
            other => other,
        },
        Date::WeekOf(d) => match resolve_date(d, ctx) {
            Resolved::Period(p, a) => Resolved::Period(cal::week(p.start), a),
            other => other,
        },
        Date::IsoWeek { year, week } => match year_of(*year, ctx)
            .and_then(|y| NaiveDate::from_isoywd_opt(y, *week, chrono::Weekday::Mon))
        {
            Some(d) => Resolved::Period(cal::week(d), doc),
            None => partial(format!("XXXX-W{week:02}"), Gran::Week),
        },
        Date::Decade(y) => cal::decade(*y)
            .map_or(partial(format!("{:03}", y / 10), Gran::Decade), |p| {
                Resolved::Period(p, AnchorUse::None)
            }),
        Date::Century(n) => cal::century(*n)
            .map_or(partial(format!("{:02}", n - 1), Gran::Century), |p| {
                Resolved::Period(p, AnchorUse::None)
            }),
        Date::Season { year, season } => {
            let code = ["SP", "SU", "FA", "WI"][*season as usize % 4];
            match (year_of(*year, ctx), anchor) {
                (Some(y), _) => cal::season(y, *season)
                    .map_or(partial(format!("XXXX-{code}"), Gran::Quarter), |p| {
                        Resolved::Period(p, doc)
                    }),
                (None, Some(a)) => choose(around(a, |y| cal::season(y, *season)), a, ctx.direction)
                    .map_or(partial(format!("XXXX-{code}"), Gran::Quarter), |p| {
                        Resolved::Period(p, doc)
                    }),
                (None, None) => partial(format!("XXXX-{code}"), Gran::Quarter),
            }
        }
        Date::Holiday { name, year } => {
            let unknown = || partial("XXXX".into(), Gran::Day);
            match (year, anchor) {
                (YearRef::Abs(y), _) => cal::holiday(name, *y).map_or(unknown(), |d| {
                    Resolved::Period(cal::day(d), AnchorUse::None)
                }),
                (YearRef::Rel(r), Some(a)) => {
                    let cands = around(a, |y| cal::holiday(name, y).map(cal::day));
                    let pick = match r.signum() {
                        1 => cands
                            .into_iter()
                            .filter(|p| p.start > a)
                            .min_by_key(|p| p.start),
                        -1 => cands
                            .into_iter()
                            .filter(|p| p.start < a)
                            .max_by_key(|p| p.start),
                        _ => cal::holiday(name, a.year()).map(cal::day),
                    };
                    pick.map_or(unknown(), |p| Resolved::Period(p, doc))
                }
                (_, Some(a)) => choose(
                    around(a, |y| cal::holiday(name, y).map(cal::day)),
                    a,
                    ctx.direction,
                )
                .map_or(unknown(), |p| Resolved::Period(p, doc)),
                (_, None) => match cal::holiday(name, 2001) {
                    Some(d)
                        if crate::lexicon::FIXED_HOLIDAYS
                            .iter()
                            .any(|(_, n, ..)| n == name) =>
                    {
                        partial(format!("XXXX-{:02}-{:02}", d.month(), d.day()), Gran::Day)
                    }
                    _ => unknown(),
                },
            }
        }
        Date::Nth { n, unit, of } => match resolve_date(of, ctx) {
            Resolved::Period(p, a) => nth(&p, *n, *unit)
                .map_or(partial("XXXX".into(), Gran::Day), |q| {
                    Resolved::Period(q, a)
                }),
            Resolved::Partial(v, _) => partial(v, Gran::Day),
            Resolved::Open(r) => Resolved::Open(r),
        },
        Date::Part { part, of } => match resolve_date(of, ctx) {
            Resolved::Period(p, a) => {
                let (start, end) = part_of(&p, *part);
                let mut r = Resolution::period(&p, a);
                r.start = Some(start);
                r.end = Some(end);
                match part {
                    Part::FirstHalf | Part::SecondHalf if p.gran == Gran::Year => {
                        r.value = format!(
                            "{}-H{}",
                            p.timex,
                            if *part == Part::FirstHalf { 1 } else { 2 }
                        );
                        r.precision = Some(Precision::Quarter);
                    }
                    Part::Start => r.modifier = Some(Mod::Start),
                    Part::Mid => r.modifier = Some(Mod::Mid),
                    Part::End => r.modifier = Some(Mod::End),
                    _ => {}
                }
                Resolved::Open(r)
            }
            other => other,
        },
        Date::Side { later, of } => match resolve_date(of, ctx) {
            Resolved::Period(p, a) => {
                let mut r = Resolution::period(&p, a);
                if let Some(at) = anchor.filter(|d| p.start <= *d && *d < p.end) {
                    if *later {
                        r.start = Some(at);
                    } else {
                        r.end = Some(at);
                    }
                }
                Resolved::Open(r)
            }
            other => other,
        },
        Date::Shift { from, amount, sign } => {
            let (base, used) = match from {
                Some(f) => match resolve_date(f, ctx) {
                    Resolved::Period(p, a) => (Some(p.start), a),
                    _ => (None, AnchorUse::Document),
                },
                None => match ctx.discourse {
                    Some(d) => (Some(d), AnchorUse::Discourse),
                    None => (anchor, AnchorUse::Document),
                },
            };
            let used = if matches!(from.as_deref(), Some(Date::Relative { .. })) {
                AnchorUse::Document
            } else {
                used
            };
            let Some(base) = base else {
                return partial("XXXX-XX-XX".into(), Gran::Day);
            };
            let Some(n) = amount.amount else {
                return partial("XXXX-XX-XX".into(), Gran::Day);
            };
            // Minutes and hours from now move the clock when the anchor
            // has a time of day.
            let from_now = matches!(from.as_deref(), Some(Date::Relative { .. }))
                || from.is_none() && ctx.discourse.is_none();
            if matches!(amount.unit, Unit::Second | Unit::Minute | Unit::Hour) && from_now {
                if let Some(moment) = anchor_moment(ctx) {
                    let secs = (n * *sign as f64 * unit_seconds(amount.unit)).round() as i64;
                    if let Some(t) =
                        Duration::try_seconds(secs).and_then(|d| moment.checked_add_signed(d))
                    {
                        let mut r = Resolution::period(&cal::day(t.date()), used);
                        r.value = t.format("%Y-%m-%dT%H:%M:%S").to_string();
                        r.start_time = Some(t);
                        r.precision = Some(Precision::Second);
                        return Resolved::Open(r);
                    }
                }
            }
            match add(base, n * *sign as f64, amount.unit) {
                Some(d) if matches!(amount.unit, Unit::Year | Unit::Decade | Unit::Century) => {
                    cal::year(d.year()).map_or(partial("XXXX".into(), Gran::Year), |p| {
                        Resolved::Period(p, used)
                    })
                }
                Some(d) => Resolved::Period(cal::day(d), used),
                None => partial("XXXX-XX-XX".into(), Gran::Day),
            }
        }
        Date::Stretch { amount, sign } => {
            let value = duration_value(amount);
            let Some(a) = anchor else {
                return Resolved::Open(Resolution::new(Kind::Date, value));
            };
            let mut r = Resolution::new(Kind::Date, value);
            r.anchor = doc;
            // Quarters and decades count whole calendar periods: "the
            // last two quarters" are the two before the current one.
            let aligned = match amount.unit {
                Unit::Quarter => Some(Gran::Quarter),
                Unit::Decade => Some(Gran::Decade),
                Unit::Century => Some(Gran::Century),
                _ => None,
            };
            if let (Some(g), Some(n), -1 | 1) =
                (aligned, amount.amount.filter(|n| n.fract() == 0.0), *sign)
            {
                if let (Some(first), Some(last)) = (
                    cal::shifted(a, g, if *sign < 0 { -(n as i32) } else { 1 }),
                    cal::shifted(a, g, if *sign < 0 { -1 } else { n as i32 }),
                ) {
                    r.start = Some(first.start);
                    r.end = Some(last.end);
                    r.precision = Some(Precision::of(g));
                    return Resolved::Open(r);
                }
            }
            match amount.amount {
                Some(n) => {
                    let sub_day = matches!(amount.unit, Unit::Second | Unit::Minute | Unit::Hour);
                    let (start, end) = match sign {
                        -1 => (add(a, -n, amount.unit), Some(a)),
                        // "the next 9 hours" begin on the anchor's own day;
                        // "the next 3 days" on the day after it.
                        1 => (
                            if sub_day { Some(a) } else { a.succ_opt() },
                            add(a, n, amount.unit).and_then(|d| d.succ_opt()),
                        ),
                        _ => (Some(a), add(a, n, amount.unit)),
                    };
                    r.start = start;
                    r.end = end.map(|e| {
                        if matches!(amount.unit, Unit::Second | Unit::Minute | Unit::Hour) && e == a
                        {
                            e.succ_opt().unwrap_or(e)
                        } else {
                            e
                        }
                    });
                    r.precision = Some(Precision::Day);
                    // "the 5 coming minutes": from or to the anchor's moment.
                    if let (true, Some(now)) = (sub_day, anchor_moment(ctx)) {
                        let secs = (n * unit_seconds(amount.unit)).round() as i64;
                        if let Some(d) = Duration::try_seconds(secs) {
                            let (s, e) = if *sign < 0 {
                                (now.checked_sub_signed(d), Some(now))
                            } else {
                                (Some(now), now.checked_add_signed(d))
                            };
                            r.start_time = s;
                            r.end_time = e;
                            r.start = s.map(|t| t.date());
                            r.end = e.and_then(|t| t.date().succ_opt());
                        }
                    }
                }
                None => {
                    // An unstated amount ("the coming days", "in recent
                    // months") gives a direction, not an interval end.
                    if *sign < 0 {
                        r.value = "PAST_REF".into();
                        r.end = Some(a);
                    } else {
                        r.value = "FUTURE_REF".into();
                        r.start = a.succ_opt();
                    }
                }
            }
            Resolved::Open(r)
        }
        Date::Ref(kind) => {
            let mut r = Resolution::new(
                Kind::Date,
                match kind {
                    RefKind::Present => "PRESENT_REF",
                    RefKind::Past => "PAST_REF",
                    RefKind::Future => "FUTURE_REF",
                }
                .into(),
            );
            if let Some(a) = anchor {
                r.anchor = doc;
                match kind {
                    RefKind::Present => {
                        r.start = Some(a);
                        r.end = a.succ_opt();
                        r.start_time = anchor_moment(ctx);
                        r.precision = Some(Precision::Day);
                    }
                    RefKind::Past => r.end = Some(a),
                    RefKind::Future => r.start = a.succ_opt(),
                }
            }
            Resolved::Open(r)
        }
    }
}

/// `date` moved by `n` units (fractions of a unit are rounded to days).
fn add(date: NaiveDate, n: f64, unit: Unit) -> Option<NaiveDate> {
    if !n.is_finite() || n.abs() > 1e5 {
        return None;
    }
    let months = |m: f64| -> Option<NaiveDate> {
        if m.fract() == 0.0 {
            cal::add_months(date, m as i32)
        } else {
            cal::add_days(date, (m * 30.44).round() as i64)
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => {
            cal::add_days(date, (n * unit_seconds(unit) / 86400.0).trunc() as i64)
        }
        Unit::Day => cal::add_days(date, n.round() as i64),
        Unit::BusinessDay => {
            let mut d = date;
            let mut left = n.abs().round() as i64;
            let step = if n < 0.0 { -1 } else { 1 };
            while left > 0 {
                d = cal::add_days(d, step)?;
                if d.weekday().num_days_from_monday() < 5 {
                    left -= 1;
                }
            }
            Some(d)
        }
        Unit::Weekend | Unit::Week => cal::add_days(date, (n * 7.0).round() as i64),
        Unit::Fortnight => cal::add_days(date, (n * 14.0).round() as i64),
        Unit::Month => months(n),
        Unit::Quarter => months(n * 3.0),
        Unit::Year => months(n * 12.0),
        Unit::Decade => months(n * 120.0),
        Unit::Century => months(n * 1200.0),
    }
}

fn nth(p: &Period, n: i32, unit: NthUnit) -> Option<Period> {
    match unit {
        NthUnit::Weekday(wd) => {
            let first = p.start;
            let target = cal::weekday_of(wd).num_days_from_monday() as i64;
            if n > 0 {
                let delta = (target - first.weekday().num_days_from_monday() as i64).rem_euclid(7);
                let d = cal::add_days(first, delta + 7 * (n as i64 - 1))?;
                (d < p.end).then(|| cal::day(d))
            } else {
                let last = p.end.pred_opt()?;
                let delta = (last.weekday().num_days_from_monday() as i64 - target).rem_euclid(7);
                let d = cal::add_days(last, -delta)?;
                (d >= p.start).then(|| cal::day(d))
            }
        }
        NthUnit::Gran(Gran::Day) => {
            let d = if n > 0 {
                cal::add_days(p.start, n as i64 - 1)?
            } else {
                p.end.pred_opt()?
            };
            (d < p.end).then(|| cal::day(d))
        }
        NthUnit::Gran(Gran::Week) => {
            // A week belongs to the period holding most of its days (four
            // or more), as ISO weeks belong to years.
            let inside = |w: &Period| (w.end.min(p.end) - w.start.max(p.start)).num_days();
            if n > 0 {
                let mut first = cal::week(p.start);
                if inside(&first) < 4 {
                    first = cal::week(first.end);
                }
                let w = cal::week(cal::add_days(first.start, 7 * (n as i64 - 1))?);
                (w.start < p.end).then_some(w)
            } else {
                let mut last = cal::week(p.end.pred_opt()?);
                if inside(&last) < 4 {
                    last = cal::week(cal::add_days(last.start, -7)?);
                }
                Some(last)
            }
        }
        NthUnit::Gran(Gran::Weekend) => {
            let sat = nth(p, n, NthUnit::Weekday(6))?;
            Some(cal::weekend(sat.start))
        }
        NthUnit::Gran(Gran::Month) if n > 0 => cal::month(p.start.year(), n as u32),
        NthUnit::Gran(_) => None,
    }
}

/// The days a part of a period covers. Thirds of a year are used for
/// early, mid and late (January-April, May-August, September-December);
/// a month splits at the 10th and the 16th-20th the way its halves and
/// thirds overlap in use ("mid-November" is the 10th to the 20th, "late
/// July" from the 16th).
fn part_of(p: &Period, part: Part) -> (NaiveDate, NaiveDate) {
    let len = (p.end - p.start).num_days();
    let at = |d: i64| p.start + Duration::days(d);
    // A day has no parts counted in days.
    if len < 3 {
        return (p.start, p.end);
    }
    match (p.gran, part) {
        (_, Part::FirstHalf) => (p.start, at(len / 2)),
        (_, Part::SecondHalf) => (at(len / 2), p.end),
        (Gran::Year, Part::Start) => (
            p.start,
            cal::month_start(p.start.year(), 5, 0).unwrap_or(p.end),
        ),
        (Gran::Year, Part::Mid) => (
            cal::month_start(p.start.year(), 5, 0).unwrap_or(p.start),
            cal::month_start(p.start.year(), 9, 0).unwrap_or(p.end),
        ),
        (Gran::Year, Part::End) => (
            cal::month_start(p.start.year(), 9, 0).unwrap_or(p.start),
            p.end,
        ),
        (Gran::Month, Part::Start) => (p.start, at(10)),
        (Gran::Month, Part::Mid) => (at(9), at(20)),
        (Gran::Month, Part::End) => (at(15), p.end),
        (Gran::Week, Part::Start) => (p.start, at(3)),
        (Gran::Week, Part::Mid) => (at(1), at(4)),
        (Gran::Week, Part::End) => (at(3), p.end),
        (_, Part::Start) => (p.start, at((len + 2) / 3)),
        (_, Part::Mid) => (at(len / 3), at(2 * len / 3)),
        (_, Part::End) => (at(2 * len / 3), p.end),
    }
}

/// The TIMEX3 pattern of a relative period whose anchor is unknown.
fn relative_value(g: Gran) -> String {
    match g {
        Gran::Day => "XXXX-XX-XX",
        Gran::Week => "XXXX-WXX",
        Gran::Weekend => "XXXX-WXX-WE",
        Gran::Month => "XXXX-XX",
        Gran::Quarter => "XXXX-QX",
        Gran::Half => "XXXX-HX",
        Gran::Year | Gran::Decade | Gran::Century => "XXXX",
    }
    .into()
}

fn unit_seconds(u: Unit) -> f64 {
    match u {
        Unit::Second => 1.0,
        Unit::Minute => 60.0,
        Unit::Hour => 3600.0,
        Unit::Day | Unit::BusinessDay => 86400.0,
        Unit::Weekend => 2.0 * 86400.0,
        Unit::Week => 7.0 * 86400.0,
        Unit::Fortnight => 14.0 * 86400.0,
        Unit::Month => 30.0 * 86400.0,
        Unit::Quarter => 91.0 * 86400.0,
        Unit::Year => 365.0 * 86400.0,
        Unit::Decade => 3650.0 * 86400.0,
        Unit::Century => 36500.0 * 86400.0,
    }
}

fn fmt_amount(a: f64) -> String {
    if a.fract() == 0.0 {
        format!("{}", a as i64)
    } else {
        let s = format!("{a:.4}");
        s.trim_end_matches('0').to_string()
    }
}

/// TIMEX3 duration: "P3Y", "PT24H", "PXW" for an unstated amount.
pub fn duration_value(d: &Dur) -> String {
    let (amount, unit) = match d.unit {
        Unit::Fortnight => (d.amount.map(|a| a * 2.0), Unit::Week),
        Unit::Decade => (d.amount.map(|a| a * 10.0), Unit::Year),
        Unit::Century => (d.amount.map(|a| a * 100.0), Unit::Year),
        Unit::Quarter => (d.amount.map(|a| a * 3.0), Unit::Month),
        u => (d.amount, u),
    };
    let n = amount.map_or("X".to_string(), fmt_amount);
    match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::BusinessDay => format!("P{n}BD"),
        Unit::Weekend => format!("P{n}WE"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Year => format!("P{n}Y"),
        Unit::Fortnight | Unit::Decade | Unit::Century | Unit::Quarter => {
            unreachable!("converted above")
        }
    }
}

/// TIMEX3 for an amount in several units, largest first: "P1Y1M21D",
/// "PT3H30M".
fn compound_value(parts: &[Dur]) -> String {
    let mut date = String::new();
    let mut time = String::new();
    let mut sorted: Vec<&Dur> = parts.iter().collect();
    sorted.sort_by_key(|d| std::cmp::Reverse(unit_seconds(d.unit) as u64));
    for d in sorted {
        let v = duration_value(d);
        match v.strip_prefix("PT") {
            Some(rest) => time.push_str(rest),
            None => date.push_str(&v[1..]),
        }
    }
    if time.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{time}")
    }
}

fn set_value(s: &SetExpr) -> String {
    let time = time_suffix(s.clock.as_ref(), s.day_part);
    match (s.weekday, &s.every) {
        (Some(d), _) => format!("XXXX-WXX-{d}{time}"),
        (None, Some(dur))
            if !time.is_empty() && dur.unit == Unit::Day && dur.amount == Some(1.0) =>
        {
            time
        }
        (None, Some(dur)) => duration_value(dur),
        (None, None) => time,
    }
}

fn day_part_code(dp: DayPart) -> &'static str {
    match dp {
        DayPart::Morning => "MO",
        DayPart::Afternoon => "AF",
        DayPart::Evening => "EV",
        DayPart::Night => "NI",
        DayPart::Daytime => "DT",
    }
}

/// The hours a part of the day covers, [start, end).
fn day_part_hours(dp: DayPart, part: Option<Part>) -> (u32, u32) {
    let (s, e) = match dp {
        DayPart::Morning => (8, 12),
        DayPart::Afternoon => (12, 16),
        DayPart::Evening => (16, 20),
        DayPart::Night => (20, 24),
        DayPart::Daytime => (8, 18),
    };
    let half = (s + e) / 2;
    match part {
        Some(Part::Start) => (s, half),
        Some(Part::End) => (half, e),
        _ => (s, e),
    }
}

fn clock_string(c: &Clock) -> String {
    let mut s = format!("T{:02}", c.hour24());
    if c.minute_given || c.minute != 0 {
        s.push_str(&format!(":{:02}", c.minute));
    }
    if c.second_given {
        s.push_str(&format!(":{:02}", c.second));
    }
    s
}

fn time_suffix(c: Option<&Clock>, dp: Option<DayPart>) -> String {
    match (c, dp) {
        (Some(c), _) => clock_string(c),
        (None, Some(dp)) => format!("T{}", day_part_code(dp)),
        (None, None) => String::new(),
    }
}

fn at(d: NaiveDate, h: u32, m: u32, s: u32) -> Option<NaiveDateTime> {
    if h == 24 {
        return d.succ_opt()?.and_hms_opt(0, 0, 0);
    }
    Some(d.and_time(NaiveTime::from_hms_opt(h, m, s)?))
}

fn with_time(
    mut r: Resolution,
    clock: Option<&Clock>,
    day_part: Option<(DayPart, Option<Part>)>,
    _ctx: &Context,
) -> Resolution {
    if clock.is_none() && day_part.is_none() {
        return r;
    }
    let dp = day_part.map(|(d, _)| d);
    r.value = format!("{}{}", r.value, time_suffix(clock, dp));
    let day = r.start.filter(|_| r.precision == Some(Precision::Day));
    match (clock, day_part) {
        (Some(c), _) => {
            r.start_time = day.and_then(|d| at(d, c.hour24(), c.minute, c.second));
            r.precision = Some(if c.second_given {
                Precision::Second
            } else if c.minute_given || c.minute != 0 {
                Precision::Minute
            } else {
                Precision::Hour
            });
        }
        (None, Some((dp, part))) => {
            let (s, e) = day_part_hours(dp, part);
            r.start_time = day.and_then(|d| at(d, s, 0, 0));
            r.end_time = day.and_then(|d| at(d, e, 0, 0));
            r.modifier = match part {
                Some(Part::Start) => Some(Mod::Start),
                Some(Part::End) => Some(Mod::End),
                Some(Part::Mid) => Some(Mod::Mid),
                _ => r.modifier,
            };
        }
        (None, None) => {}
    }
    r
}

/// A time with no date is read on the date under discussion.
fn time_only(
    clock: Option<&Clock>,
    day_part: Option<(DayPart, Option<Part>)>,
    ctx: &Context,
) -> Resolution {
    let day = ctx.discourse.or(anchor_day(ctx));
    let mut r = match day {
        Some(d) => Resolution::period(
            &cal::day(d),
            if ctx.discourse.is_some() {
                AnchorUse::Discourse
            } else {
                AnchorUse::Document
            },
        ),
        None => Resolution::new(Kind::Time, String::new()),
    };
    r.kind = Kind::Time;
    let dp = day_part.map(|(d, _)| d);
    r.value = format!(
        "{}{}",
        day.map_or(String::new(), |d| d.format("%Y-%m-%d").to_string()),
        time_suffix(clock, dp)
    );
    if r.value.is_empty() {
        r.value = "T".into();
    }
    let mut out = with_time(r, None, None, ctx);
    if let Some(c) = clock {
        out.start_time = day.and_then(|d| at(d, c.hour24(), c.minute, c.second));
        out.precision = Some(if c.minute_given || c.minute != 0 {
            Precision::Minute
        } else {
            Precision::Hour
        });
    }
    if let Some((dp, part)) = day_part {
        let (s, e) = day_part_hours(dp, part);
        out.start_time = day.and_then(|d| at(d, s, 0, 0));
        out.end_time = day.and_then(|d| at(d, e, 0, 0));
        out.modifier = match part {
            Some(Part::Start) => Some(Mod::Start),
            Some(Part::End) => Some(Mod::End),
            _ => None,
        };
    }
    out
}

fn range(a: Resolution, b: Resolution) -> Resolution {
    let mut r = Resolution::new(a.kind, format!("{}/{}", a.value, b.value));
    r.start = a.start;
    r.end = b.end;
    r.last_start = b.start;
    r.start_time = a.start_time;
    r.end_time = b.start_time.filter(|_| b.end_time.is_none()).or(b.end_time);
    r.precision = a.precision.max(b.precision);
    // "between now and November 15" is a range of days: the present's
    // clock time does not make it a range of moments.
    if a.start_time.is_some() != b.start_time.is_some() {
        r.start_time = None;
        r.end_time = None;
    }
    r.anchor = if a.anchor == AnchorUse::None {
        b.anchor
    } else {
        a.anchor
    };
    if let (Some(s), Some(e)) = (r.start, r.end) {
        if e <= s {
            // An end before the start ("from 10pm to 2am", a misread
            // year) leaves the interval unknown rather than inverted.
            r.end = None;
        }
    }
    r
}

fn bound(m: Mod, x: Resolution) -> Resolution {
    let mut r = x.clone();
    r.modifier = Some(m);
    r.bound_of = x.start.zip(x.end);
    match m {
        Mod::OnOrAfter => {
            r.end = None;
            r.end_time = None;
        }
        Mod::After => {
            r.start = x.end;
            r.end = None;
            r.start_time = x.end_time.or(x.start_time);
            r.end_time = None;
        }
        Mod::Before => {
            r.end = x.start;
            r.start = None;
            r.end_time = x.start_time;
            r.start_time = None;
        }
        Mod::OnOrBefore => {
            r.start = None;
            r.end_time = x.end_time.or(x.start_time);
            r.start_time = None;
        }
        _ => {}
    }
    r
}
