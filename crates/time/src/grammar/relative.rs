//! Dates relative to the article's date or to the date under discussion:
//! "yesterday", "next month", "last Friday", "two weeks ago", "the
//! previous day", "the past week", "the coming days", "early October",
//! "earlier this week".

use super::calendar::{calendar, day_of_month, nth_of};
use super::{P, R};
use crate::expr::{Date, Dur, Gran, Part, RefKind, Unit};
use crate::lexicon;

/// Any date that is not a plain time of day.
pub fn date(p: &P, i: usize) -> R<Date> {
    super::memo(&p.date_memo, i, || date_at(p, i))
}

fn date_at(p: &P, i: usize) -> R<Date> {
    [
        calendar(p, i),
        relative(p, i),
        weekday(p, i),
        shift(p, i),
        stretch(p, i),
        part(p, i),
        side(p, i),
        nth_of(p, i, &period),
        week_of(p, i),
        lasting(p, i),
        edge(p, i),
        day_only(p, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(e, _)| *e)
}

/// "for 3 days starting next Monday", "for a week, from today", "the week
/// beginning February 4", "w/c Feb 4".
fn lasting(p: &P, i: usize) -> R<Date> {
    let starters: &[&[&str]] = &[
        &["starting", "from"],
        &["starting", "on"],
        &["starting"],
        &["beginning", "on"],
        &["beginning"],
        &["commencing"],
        &["from"],
    ];
    // "for" stays out of the span: "(for) a week starting tomorrow".
    let week_of =
        p.phrase(i, &["the", "week"]).is_some() || p.phrase(i, &["w", "/", "c"]).is_some();
    // "for 3 days from today" keeps "for": without it, "3 days from
    // today" is a shift to one day.
    let with_for = p.is_word(i, "for");
    let (k, amount) =
        if let Some((e, d)) = amount(p, if with_for { i + 1 } else { i }).filter(|_| !week_of) {
            (p.comma(e), d)
        } else if let Some(e) = p.phrase(i, &["the", "week"]) {
            (
                e,
                Dur {
                    amount: Some(1.0),
                    unit: Unit::Week,
                },
            )
        } else if let Some(e) = p.phrase(i, &["w", "/", "c"]) {
            (
                e,
                Dur {
                    amount: Some(1.0),
                    unit: Unit::Week,
                },
            )
        } else {
            return None;
        };
    amount.amount?;
    let (k2, which) = p
        .any_phrase(k, starters)
        .or_else(|| p.is_word(i, "w").then_some((k, 0)))?;
    // A bare "from" needs "for" before the amount; "starting" and
    // "beginning" leave "for" out of the span.
    let bare_from = starters[which] == ["from"] && !week_of;
    if bare_from != with_for {
        return None;
    }
    let (e, from) = date(p, k2)?;
    // "the week beginning February 4" is the calendar week of that day.
    if week_of {
        return Some((e, Date::WeekOf(Box::new(from))));
    }
    Some((
        e,
        Date::Lasting {
            from: Box::new(from),
            amount,
        },
    ))
}

/// "the first 2 weeks of 2021", "the last four months of 2021", "first
/// ten days of last year": a stretch at one edge of a period.
fn edge(p: &P, i: usize) -> R<Date> {
    let j = p.the(i);
    let first = match p.word(j)? {
        "first" => true,
        "last" | "final" => false,
        _ => return None,
    };
    let (e, n) = number(p, j + 1)?;
    let (u, plural) = lexicon::unit(p.word(e)?)?;
    if !plural || n.is_none() {
        return None;
    }
    if !p.is_any(e + 1, &["of", "in"]) {
        return None;
    }
    let (e2, of) = period(p, e + 2)?;
    Some((
        e2,
        Date::Edge {
            first,
            amount: Dur { amount: n, unit: u },
            of: Box::new(of),
        },
    ))
}

/// "the week of April 10th", "week 31", "the week of the 18th".
fn week_of(p: &P, i: usize) -> R<Date> {
    let j = p.the(i);
    if !p.is_word(j, "week") {
        return None;
    }
    if let Some(n) = p
        .num(j + 1)
        .filter(|n| j == i && (1..=53).contains(n) && p.digits(j + 1) <= 2)
    {
        if p.word(j + 2).and_then(lexicon::month).is_none() {
            // "week 3 of 2027", "week 27 of last year".
            let (e, year) = match super::calendar::year_after(p, j + 2) {
                (e, crate::expr::YearRef::Unknown) => (e, crate::expr::YearRef::Rel(0)),
                (e, y) if p.is_word(j + 2, "of") => (e, y),
                _ => (j + 2, crate::expr::YearRef::Rel(0)),
            };
            return Some((e, Date::IsoWeek { year, week: n }));
        }
    }
    let k = p.phrase(j + 1, &["of"])?;
    let (e, d) = calendar(p, k).or_else(|| day_only(p, k))?;
    matches!(d, Date::Calendar { day: Some(_), .. }).then(|| (e, Date::WeekOf(Box::new(d))))
}

/// "the 18th", "the 4th": a day of the month alone, with a digit
/// ordinal and nothing after it that it could count ("the 18th century"
/// and "the 4th Infantry" are read elsewhere or not at all).
pub fn day_only(p: &P, i: usize) -> R<Date> {
    if !p.is_word(i, "the") || p.num(i + 1).is_none() {
        return None;
    }
    // "on the 18th", "by the 4th": alone, "the 21st" is as often a rank.
    if !p.is_any(
        i.wrapping_sub(1),
        &[
            "on", "by", "until", "since", "from", "before", "after", "till", "of",
        ],
    ) {
        return None;
    }
    let (e, d) = day_of_month(p, i + 1)?;
    if e != i + 3 {
        return None;
    }
    let next_ok = p.t.get(e).is_none_or_punct()
        || p.phrase(e, &["of", "this", "month"]).is_some()
        || p.is_any(e, &["this", "next", "last"]);
    next_ok.then_some((
        e,
        Date::Calendar {
            year: None,
            month: None,
            day: Some(d),
        },
    ))
}

trait NoneOrPunct {
    fn is_none_or_punct(&self) -> bool;
}

impl NoneOrPunct for Option<&crate::token::Token> {
    fn is_none_or_punct(&self) -> bool {
        self.is_none_or(|t| t.word().is_none() && t.num().is_none())
    }
}

/// Granularity words for relative periods.
fn gran(word: &str) -> Option<Gran> {
    Some(match word {
        "day" => Gran::Day,
        "week" => Gran::Week,
        "weekend" => Gran::Weekend,
        "month" => Gran::Month,
        "quarter" => Gran::Quarter,
        "year" => Gran::Year,
        "decade" => Gran::Decade,
        "century" => Gran::Century,
        _ => return None,
    })
}

/// A word that moves a period: "next" 1, "last" -1, "this" 0.
fn offset_word(p: &P, i: usize) -> R<i32> {
    let one = |w: &str| -> Option<i32> {
        Some(match w {
            "this" | "current" | "present" => 0,
            "next" | "coming" | "upcoming" | "following" => 1,
            "last" | "previous" | "past" | "prior" | "preceding" => -1,
            _ => return None,
        })
    };
    // "this coming", "this past", "this upcoming".
    if p.is_word(i, "this") {
        if let Some(o) = p.word(i + 1).and_then(one).filter(|o| *o != 0) {
            return Some((i + 2, o));
        }
    }
    let w = p.word(i)?;
    if w == "the" {
        let o = p.word(i + 1).and_then(one)?;
        return Some((i + 2, o));
    }
    Some((i + 1, one(w)?))
}

/// Words for today and its neighbours, the present, and "this week".
fn relative(p: &P, i: usize) -> R<Date> {
    let day = |o| Date::Relative {
        gran: Gran::Day,
        offset: o,
    };
    if let Some(e) = p.phrase(i, &["the", "day", "before", "yesterday"]) {
        return Some((e, day(-2)));
    }
    if let Some(e) = p.phrase(i, &["the", "day", "after", "tomorrow"]) {
        return Some((e, day(2)));
    }
    if let Some(e) = p
        .phrase(i, &["right", "now"])
        .or_else(|| p.phrase(i, &["at", "the", "moment"]))
        .or_else(|| p.phrase(i, &["at", "the", "present", "time"]))
        .or_else(|| p.phrase(i, &["at", "present"]))
    {
        return Some((e, Date::Ref(RefKind::Present)));
    }
    // "the week after next".
    if p.phrase(i, &["the", "week", "after", "next"]).is_some() {
        return Some((
            i + 4,
            Date::Relative {
                gran: Gran::Week,
                offset: 2,
            },
        ));
    }
    if let Some(e) = p.phrase(i, &["year", "to", "date"]) {
        return Some((e, Date::ToDate(Gran::Year)));
    }
    match p.word(i)? {
        "today" => return Some((i + 1, day(0))),
        "tomorrow" => return Some((i + 1, day(1))),
        "yesterday" => return Some((i + 1, day(-1))),
        "now" | "currently" | "nowadays" => return Some((i + 1, Date::Ref(RefKind::Present))),
        _ => {}
    }
    let (e, o) = offset_word(p, i)?;
    // "this September", "next May", "last March".
    if let Some((e2, m)) = super::calendar::month_name(p, e).filter(|_| !p.is_word(i, "the")) {
        // "this may take longer": a modal, unless written "this May".
        let ambiguous = lexicon::month_is_ambiguous(p.word(e).unwrap_or("")) && !p.capitalised(e);
        if p.num(e2).is_none() && !ambiguous {
            return Some((e2, Date::NamedMonth { month: m, shift: o }));
        }
    }
    // "next week on Tuesday", "next week Mon".
    if p.is_word(e, "week") {
        let k = p.opt(e + 1, "on");
        if let Some((e2, d)) = weekday_word(p, k).or_else(|| {
            let w = p.word(k)?;
            let (d, plural) = lexicon::weekday(w)?;
            (!plural).then_some((k + 1, d))
        }) {
            return Some((e2, week_day(d, o)));
        }
    }
    let g = gran(p.word(e)?)?;
    // "the past week" is the seven days before the anchor, not the
    // calendar week; "past" with an article reads that way.
    if p.is_word(e - 1, "past") && g != Gran::Day {
        // The article is left to the stretch rule's span, which omits it.
        if p.is_word(i, "the") {
            return None;
        }
        return Some((
            e + 1,
            Date::Stretch {
                amount: Dur {
                    amount: Some(1.0),
                    unit: unit_of(g),
                },
                sign: -1,
            },
        ));
    }
    if g == Gran::Day && o != 0 {
        // "the next day" and "the previous day" move from the date under
        // discussion; "this day" is not used for today.
        return Some((
            e + 1,
            Date::Shift {
                from: None,
                amount: Dur {
                    amount: Some(1.0),
                    unit: Unit::Day,
                },
                sign: o,
            },
        ));
    }
    if g == Gran::Day {
        return None;
    }
    // "the following week" is reported as "following week": the article
    // stays out of the span, as TimeML and the specs do.
    if p.is_word(i, "the") && o != 0 {
        return None;
    }
    Some((e + 1, Date::Relative { gran: g, offset: o }))
}

fn unit_of(g: Gran) -> Unit {
    match g {
        Gran::Day => Unit::Day,
        Gran::Weekend => Unit::Weekend,
        Gran::Week => Unit::Week,
        Gran::Month => Unit::Month,
        Gran::Quarter => Unit::Quarter,
        Gran::Half => Unit::Month,
        Gran::Year => Unit::Year,
        Gran::Decade => Unit::Decade,
        Gran::Century => Unit::Century,
    }
}

/// A weekday word at `i`: full names anywhere, short forms ("Fri") only
/// capitalised and followed by punctuation or a date.
pub fn weekday_word(p: &P, i: usize) -> R<u32> {
    let w = p.word(i)?;
    let (d, plural) = lexicon::weekday(w)?;
    if plural {
        return None;
    }
    let mut e = i + 1;
    if lexicon::weekday_is_short(w) {
        let followed = p.punct(e, ',')
            || p.punct(e, '.')
            || p.num(e).is_some()
            || p.is_any(e, &["at", "the"])
            || p.word(e).and_then(lexicon::month).is_some();
        if !p.capitalised(i) || !followed {
            return None;
        }
        if p.punct(e, '.') && p.glued(e) {
            e += 1;
        }
    }
    Some((e, d))
}

/// Weekdays: "Friday", "next Friday", "last Friday", "this coming
/// Monday", "Monday next week", "this week Monday", and a weekday with a
/// date ("Wed 13 Nov 2024", "Friday, Oct. 25", "Monday 21", "Friday the
/// 26th").
fn weekday(p: &P, i: usize) -> R<Date> {
    // "this week Monday", "next week's Friday".
    if let Some((e, o)) = offset_word(p, i) {
        if p.is_word(e, "week") {
            let k = p.phrase(e + 1, &["'s"]).unwrap_or(e + 1);
            if let Some((e2, d)) = weekday_word(p, k) {
                return Some((e2, week_day(d, o)));
            }
        }
    }
    // "this upcoming Friday", "this past Wednesday", "past Wednesday": the
    // nearest one that way, which may be in this week.
    let nearest = [
        ("this", "upcoming", true),
        ("this", "coming", true),
        ("this", "past", false),
    ]
    .iter()
    .find(|(a, b, _)| p.is_word(i, a) && p.is_word(i + 1, b))
    .map(|(_, _, f)| (i + 2, *f))
    .or_else(|| p.is_word(i, "past").then_some((i + 1, false)));
    if let Some((j, future)) = nearest {
        if let Some((e, d)) = weekday_word(p, j) {
            return Some((e, Date::NearestWeekday { day: d, future }));
        }
    }
    let (j, shift) = match offset_word(p, i) {
        Some((e, o)) if !p.is_word(i, "the") => (e, Some(o)),
        _ => (i, None),
    };
    let (e, d) = weekday_word(p, j)?;
    // A weekday with a full date: the date decides ("Wed 13 Nov 2024",
    // "this Friday 5/12").
    let k = p.comma(e);
    let k = if p.punct(k, '.') || p.dash(k).is_some() && p.glued(k) {
        k + 1
    } else {
        k
    };
    if let Some((e2, date)) = calendar(p, k) {
        if matches!(
            date,
            Date::Calendar {
                day: Some(_),
                month: Some(_),
                ..
            }
        ) {
            return Some((e2, date));
        }
    }
    if shift.is_none() {
        let k2 = p.the(k);
        if let Some((e2, dd)) = day_of_month(p, k2).filter(|&(e2, _)| {
            super::clock::clock_strict(p, k2).is_none()
                && !(p.dash(e2).is_some() && p.num(e2 + 1).is_some())
        }) {
            if p.word(e2).and_then(lexicon::month).is_none() && (k2 > k || p.digits(k2) > 0) {
                // "Sunday 31": the month in which the 31st is a Sunday.
                return Some((
                    e2,
                    Date::DayOnWeekday {
                        day: dd,
                        weekday: d,
                    },
                ));
            }
        }
        // "Monday next week", "Friday of last week".
        let k3 = p.opt(e, "of");
        if let Some((e3, o)) = offset_word(p, k3) {
            if p.is_word(e3, "week") {
                return Some((e3 + 1, week_day(d, o)));
            }
        }
    }
    Some((e, Date::Weekday { day: d, shift }))
}

/// Weekday `d` of the week `o` weeks from the anchor's.
fn week_day(d: u32, o: i32) -> Date {
    Date::Nth {
        n: d as i32,
        unit: crate::expr::NthUnit::Gran(Gran::Day),
        of: Box::new(Date::Relative {
            gran: Gran::Week,
            offset: o,
        }),
    }
}

/// An amount of time: "two weeks", "a day", "24 hours", "several
/// months", "a couple of days".
pub fn amount(p: &P, i: usize) -> R<Dur> {
    // "half an hour", "half a day".
    if let Some(k) = p
        .phrase(i, &["half", "an"])
        .or_else(|| p.phrase(i, &["half", "a"]))
    {
        let (u, false) = lexicon::unit(p.word(k)?)? else {
            return None;
        };
        return Some((
            k + 1,
            Dur {
                amount: Some(0.5),
                unit: u,
            },
        ));
    }
    let (j, n) = number(p, i)?;
    let (u, plural) = lexicon::unit(p.word(j)?)?;
    if n == Some(1.0) && plural && !p.is_word(i, "one") {
        return None;
    }
    // "three night markets": "night" counts only in the plural.
    if p.is_word(j, "night") && n != Some(1.0) {
        return None;
    }
    Some((j + 1, Dur { amount: n, unit: u }))
}

/// A count before a unit: digits, number words, "a", "a couple of", "a
/// few", "several". `None` inside means an unstated amount.
pub fn number(p: &P, i: usize) -> R<Option<f64>> {
    if let Some(v) = p.num(i) {
        // "1.5 hours".
        if p.punct(i + 1, '.') && p.glued(i + 1) && p.glued(i + 2) && p.num(i + 2).is_some() {
            let frac: f64 = format!("0.{}", p.num(i + 2)?).parse().ok()?;
            return Some((i + 3, Some(v as f64 + frac)));
        }
        return (p.digits(i) <= 6).then_some((i + 1, Some(v as f64)));
    }
    if let Some(e) = p
        .any_phrase(
            i,
            &[
                &["a", "couple", "of"],
                &["a", "couple"],
                &["couple", "of"],
                &["couple"],
            ],
        )
        .map(|(e, _)| e)
    {
        return Some((e, Some(2.0)));
    }
    if let Some(e) = p.phrase(i, &["a", "few"]) {
        return Some((e, None));
    }
    let w = p.word(i)?;
    if lexicon::vague_amount(w) {
        return Some((i + 1, None));
    }
    let v = lexicon::small_number(w)?;
    // "twenty four", "twenty-four".
    if let Some((e, n)) = super::calendar::two_digit_words(p, i).filter(|&(e, _)| e > i + 1) {
        return Some((e, Some(n as f64)));
    }
    // "one and a half", "one and a quarter".
    if let Some(e) = p.phrase(i + 1, &["and", "a", "half"]) {
        return Some((e, Some(v as f64 + 0.5)));
    }
    if let Some(e) = p.phrase(i + 1, &["and", "a", "quarter"]) {
        return Some((e, Some(v as f64 + 0.25)));
    }
    // "twenty and four hours".
    if let Some(k) = p.phrase(i + 1, &["and"]) {
        if let Some(u) = p
            .word(k)
            .and_then(storyline_quantity::cardinal_word)
            .filter(|u| *u < 10 && v >= 20)
        {
            return Some((k + 1, Some((v as u64 + u) as f64)));
        }
    }
    Some((i + 1, Some(v as f64)))
}

/// "two weeks ago", "three days later", "a day after Christmas", "five
/// years from now", "the day before", "a day after" with a clause.
fn shift(p: &P, i: usize) -> R<Date> {
    let today = || {
        Some(Box::new(Date::Relative {
            gran: Gran::Day,
            offset: 0,
        }))
    };
    // "in two weeks", "in 5 minutes": from now. "The first time in 20
    // years" and "the highest in a decade" look back instead, and are
    // left to the duration rule.
    if p.is_word(i, "in")
        && !p.is_any(
            i.wrapping_sub(1),
            &[
                "time", "first", "highest", "lowest", "biggest", "largest", "worst", "best",
                "most", "least", "once", "twice", "times", "seen", "record",
            ],
        )
    {
        // "in a day" is as often "within a day" as "a day from now"; only
        // a number ("in two weeks", "in 5 minutes") reads as a point.
        if let Some((e, dur)) = amount(p, i + 1).filter(|_| !p.is_any(i + 1, &["a", "an"])) {
            if dur.amount.is_some()
                && !p.is_any(e, &["ago", "later", "earlier", "before", "after", "time"])
            {
                return Some((
                    e,
                    Date::Shift {
                        from: today(),
                        amount: dur,
                        sign: 1,
                    },
                ));
            }
        }
    }
    // "three weeks from tomorrow".
    if let Some((e, dur)) = amount(p, i) {
        if p.is_word(e, "from") && dur.amount.is_some() {
            // "three weeks from tomorrow", "2 weeks from January 15", "3 days
            // from Tuesday"; not "from June to August", which is a range.
            let from = relative(p, e + 1)
                .filter(|(_, d)| matches!(d, Date::Relative { gran: Gran::Day, offset } if *offset != 0))
                .or_else(|| {
                    calendar(p, e + 1)
                        .filter(|(_, d)| matches!(d, Date::Calendar { day: Some(_), .. }))
                        .or_else(|| weekday(p, e + 1))
                        .filter(|&(e2, _)| !p.is_any(e2, &["to", "until", "till", "through"]) && p.dash(e2).is_none())
                });
            if let Some((e2, from)) = from {
                return Some((
                    e2,
                    Date::Shift {
                        from: Some(Box::new(from)),
                        amount: dur,
                        sign: 1,
                    },
                ));
            }
        }
    }
    // "the day before", "the day after", "the same day", "that day".
    if let Some(e) = p
        .phrase(i, &["the", "same", "day"])
        .or_else(|| p.phrase(i, &["that", "day"]))
    {
        return Some((
            e,
            Date::Shift {
                from: None,
                amount: Dur {
                    amount: Some(0.0),
                    unit: Unit::Day,
                },
                sign: 1,
            },
        ));
    }
    let (j, dur) = match p.the(i) {
        k if k > i => {
            let (u, plural) = lexicon::unit(p.word(k)?)?;
            if plural {
                return None;
            }
            (
                k + 1,
                Dur {
                    amount: Some(1.0),
                    unit: u,
                },
            )
        }
        _ => amount(p, i)?,
    };
    dur.amount?;
    let w = p.word(j)?;
    match w {
        "ago" => Some((
            j + 1,
            Date::Shift {
                from: today(),
                amount: dur,
                sign: -1,
            },
        )),
        "later" | "earlier" => {
            let sign = if w == "later" { 1 } else { -1 };
            Some((
                j + 1,
                Date::Shift {
                    from: None,
                    amount: dur,
                    sign,
                },
            ))
        }
        "from" if p.is_any(j + 1, &["now", "today"]) => Some((
            j + 2,
            Date::Shift {
                from: today(),
                amount: dur,
                sign: 1,
            },
        )),
        "before" | "after" | "prior" => {
            let k = if w == "prior" {
                p.phrase(j + 1, &["to"])?
            } else {
                j + 1
            };
            let sign = if w == "after" { 1 } else { -1 };
            if let Some((e, from)) = date(p, k) {
                return Some((
                    e,
                    Date::Shift {
                        from: Some(Box::new(from)),
                        amount: dur,
                        sign,
                    },
                ));
            }
            // "the day before", ending the clause: from the date under
            // discussion.
            if p.word(k).is_none() {
                return Some((
                    k,
                    Date::Shift {
                        from: None,
                        amount: dur,
                        sign,
                    },
                ));
            }
            // "a day after Washington said": the clause that follows
            // happened that long before the date under discussion, so
            // the expression dates that clause.
            Some((
                k,
                Date::Shift {
                    from: None,
                    amount: dur,
                    sign: -sign,
                },
            ))
        }
        _ => None,
    }
}

/// Stretches next to the anchor: "the past week", "the last three days",
/// "the next 4 business days", "the coming days", "in recent months",
/// "within 9 months", "the 5 upcoming years".
fn stretch(p: &P, i: usize) -> R<Date> {
    // The article is left out of the span ("the past week" is "past
    // week"), as TimeML does.
    if p.is_word(i, "the") {
        return None;
    }
    let j = i;
    // "recent months", "recent weeks".
    if p.is_word(j, "recent") {
        let (u, plural) = lexicon::unit(p.word(j + 1)?)?;
        return plural.then_some((
            j + 2,
            Date::Stretch {
                amount: Dur {
                    amount: None,
                    unit: u,
                },
                sign: -1,
            },
        ));
    }
    if p.is_word(j, "within") {
        let k = p.opt(j + 1, "the");
        let k = p.opt(k, "next");
        let (e, dur) = amount(p, k)?;
        return Some((
            e,
            Date::Stretch {
                amount: dur,
                sign: 0,
            },
        ));
    }
    // "5 upcoming years", "10 previous weeks".
    if let Some((k, n)) = number(p, j).filter(|(_, n)| n.is_some()) {
        let s = match p.word(k)? {
            "upcoming" | "coming" | "next" => 1,
            "past" | "last" | "previous" => -1,
            _ => return None,
        };
        let (u, plural) = lexicon::unit(p.word(k + 1)?)?;
        // "3 next week" is a count followed by a date, not a stretch.
        if !plural && n != Some(1.0) {
            return None;
        }
        return Some((
            k + 2,
            Date::Stretch {
                amount: Dur { amount: n, unit: u },
                sign: s,
            },
        ));
    }
    // "will last three weekends": "last" is the verb.
    if p.is_word(j, "last")
        && p.is_any(
            j.wrapping_sub(1),
            &[
                "will", "would", "to", "can", "could", "should", "might", "may", "must", "not",
                "t", "does", "did", "do", "ll",
            ],
        )
    {
        return None;
    }
    let sign = match p.word(j)? {
        "past" | "last" | "previous" | "preceding" => -1,
        "next" | "coming" | "upcoming" | "following" => 1,
        _ => return None,
    };
    let k = j + 1;
    // "the coming days", "the past few weeks", "the next 4 business days".
    if let Some((u, true)) = p.word(k).and_then(lexicon::unit) {
        return Some((
            k + 1,
            Date::Stretch {
                amount: Dur {
                    amount: None,
                    unit: u,
                },
                sign,
            },
        ));
    }
    // "the next hour", "the past minute": one unit shorter than a day.
    if let Some((u @ (Unit::Hour | Unit::Minute), false)) = p.word(k).and_then(lexicon::unit) {
        return Some((
            k + 1,
            Date::Stretch {
                amount: Dur {
                    amount: Some(1.0),
                    unit: u,
                },
                sign,
            },
        ));
    }
    let (e, n) = number(p, k)?;
    let (e, unit) = if p.is_word(e, "business") || p.is_word(e, "working") {
        let (u, _) = lexicon::unit(p.word(e + 1)?)?;
        if u != Unit::Day {
            return None;
        }
        (e + 2, Unit::BusinessDay)
    } else {
        let (u, plural) = lexicon::unit(p.word(e)?)?;
        if !plural && n != Some(1.0) {
            return None;
        }
        (e + 1, u)
    };
    // "the last day" and "next week" are not stretches.
    if n == Some(1.0) && !p.is_any(k, &["one", "1"]) {
        return None;
    }
    Some((
        e,
        Date::Stretch {
            amount: Dur { amount: n, unit },
            sign,
        },
    ))
}

/// Periods that parts and ordinals apply to: a calendar period, a
/// relative one ("this year", "the month"), or a weekday.
pub fn period(p: &P, i: usize) -> R<Date> {
    if let Some(r) = calendar(p, i) {
        return Some(r);
    }
    if let Some((e, y)) = super::calendar::year(p, i) {
        return Some((
            e,
            Date::Calendar {
                year: Some(y),
                month: None,
                day: None,
            },
        ));
    }
    if let Some((e, d)) = relative(p, i) {
        if matches!(d, Date::Relative { .. }) {
            return Some((e, d));
        }
    }
    // "the year", "the week", "the month" under discussion.
    if p.is_word(i, "the") {
        if let Some(g) = p.word(i + 1).and_then(gran) {
            if g != Gran::Day {
                return Some((i + 2, Date::Relative { gran: g, offset: 0 }));
            }
        }
    }
    // A bare "year", "month" as in "end of year", "end of month".
    if let Some(g) = p.word(i).and_then(gran) {
        if matches!(g, Gran::Year | Gran::Month | Gran::Week) {
            return Some((i + 1, Date::Relative { gran: g, offset: 0 }));
        }
    }
    None
}

/// A part word before a period: "early", "mid", "late", "the start of",
/// "the end of", "the first half of".
pub fn part_word(p: &P, i: usize) -> R<Part> {
    let table: &[(&[&str], Part)] = &[
        (&["the", "beginning", "of"], Part::Start),
        (&["the", "start", "of"], Part::Start),
        (&["beginning", "of"], Part::Start),
        (&["start", "of"], Part::Start),
        (&["the", "early", "part", "of"], Part::Start),
        (&["the", "middle", "of"], Part::Mid),
        (&["middle", "of"], Part::Mid),
        (&["the", "end", "of"], Part::End),
        (&["end", "of"], Part::End),
        (&["the", "latter", "part", "of"], Part::End),
        (&["the", "first", "half", "of"], Part::FirstHalf),
        (&["first", "half", "of"], Part::FirstHalf),
        (&["the", "second", "half", "of"], Part::SecondHalf),
        (&["second", "half", "of"], Part::SecondHalf),
        (&["early"], Part::Start),
        (&["earlier"], Part::Start),
        (&["mid"], Part::Mid),
        (&["middle"], Part::Mid),
        (&["late"], Part::End),
        (&["later"], Part::End),
    ];
    let (e, k) = p.any_phrase(i, &table.iter().map(|(w, _)| *w).collect::<Vec<_>>())?;
    let part = table[k].1;
    // "mid-October", "early-2024".
    let e = match p.dash(e) {
        Some(e2) if p.glued(e2 - 1) => e2,
        _ => e,
    };
    Some((e, part))
}

/// "early October", "mid-January", "the end of the year", "late 2023",
/// "the first half of next year", "end of this month".
fn part(p: &P, i: usize) -> R<Date> {
    // "the end of the year" is reported as "end of the year".
    if p.is_word(i, "the") && p.is_any(i + 1, &["end", "beginning", "start", "middle"]) {
        return None;
    }
    let (j, part) = part_word(p, i)?;
    let k = if p.is_word(j, "in") { p.the(j + 1) } else { j };
    let (e, of) = period(p, k)?;
    // "early Friday" is a time of day, read elsewhere; "later today" is a
    // side of today.
    if matches!(
        of,
        Date::Relative {
            gran: Gran::Day,
            ..
        } | Date::Calendar { day: Some(_), .. }
            | Date::Weekday { .. }
    ) {
        return None;
    }
    if matches!(part, Part::End) && p.is_word(i, "later") {
        return None;
    }
    Some((
        e,
        Date::Part {
            part,
            of: Box::new(of),
        },
    ))
}

/// "earlier this week", "later this month", "earlier in the year",
/// "later this year".
fn side(p: &P, i: usize) -> R<Date> {
    let later = match p.word(i)? {
        "earlier" => false,
        "later" => true,
        _ => return None,
    };
    let j = p.opt(i + 1, "in");
    let (e, of) = period(p, j)?;
    match of {
        Date::Relative { offset: 0, gran } if gran != Gran::Day => Some((
            e,
            Date::Side {
                later,
                of: Box::new(of),
            },
        )),
        _ => None,
    }
}
