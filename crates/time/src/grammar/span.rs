//! Durations ("three years", "24 hours", "more than a decade", "3h") and
//! recurrences ("every week", "each Monday at 4pm", "twice a year").

use super::clock::{clock_loose, clock_strict};
use super::relative::{amount, number, weekday_word};
use super::{P, R};
use crate::expr::{Dur, Expr, Mod, SetExpr, Unit};
use crate::lexicon;

/// Qualifiers before an amount of time.
fn qualifier(p: &P, i: usize) -> R<Mod> {
    let table: &[(&[&str], Mod)] = &[
        (&["more", "than"], Mod::MoreThan),
        (&["upwards", "of"], Mod::MoreThan),
        (&["at", "least"], Mod::EqualOrMore),
        (&["less", "than"], Mod::LessThan),
        (&["under"], Mod::LessThan),
        (&["fewer", "than"], Mod::LessThan),
        (&["at", "most"], Mod::EqualOrLess),
        (&["up", "to"], Mod::EqualOrLess),
        (&["no", "more", "than"], Mod::EqualOrLess),
        (&["nearly"], Mod::Approx),
        (&["almost"], Mod::Approx),
        (&["about"], Mod::Approx),
        (&["around"], Mod::Approx),
        (&["roughly"], Mod::Approx),
        (&["approximately"], Mod::Approx),
        (&["some"], Mod::Approx),
    ];
    let (e, k) = p.any_phrase(i, &table.iter().map(|(w, _)| *w).collect::<Vec<_>>())?;
    Some((e, table[k].1))
}

/// An amount of time with an optional qualifier, in one unit or
/// several ("3 hours 30 minutes", "1 hour and 30 minutes").
pub fn duration(p: &P, i: usize) -> R<Expr> {
    // "about 30 min later" is a shift with "about" before it, read by
    // the date rules from the number on.
    let shifted = |e: usize| p.is_any(e, &["later", "ago", "earlier"]);
    let (j, m) = match qualifier(p, i) {
        Some((j, m))
            if bare_duration(p, j).is_some_and(|(e, d)| d.amount.is_some() && !shifted(e)) =>
        {
            (j, Some(m))
        }
        _ => (i, None),
    };
    let (mut e, d) = bare_duration(p, j)?;
    let mut parts = vec![d];
    loop {
        let k = p.opt(e, "and");
        match bare_duration(p, k) {
            Some((e2, d2))
                if d2.amount.is_some()
                    && parts
                        .iter()
                        .all(|x| x.unit != d2.unit && x.amount.is_some()) =>
            {
                parts.push(d2);
                e = e2;
            }
            _ => break,
        }
    }
    if parts.len() == 1 {
        return Some((e, Expr::Duration(d, m)));
    }
    Some((e, Expr::Durations(parts, m)))
}

fn bare_duration(p: &P, i: usize) -> R<Dur> {
    // "all day", "a full week", "the whole year", "all-month".
    if p.is_any(i, &["all", "full", "whole", "entire"]) {
        let k = p.dash(i + 1).filter(|&k| p.glued(k)).unwrap_or(i + 1);
        let (u, plural) = lexicon::unit(p.word(k)?)?;
        return (!plural && !matches!(u, Unit::Second | Unit::Minute)).then_some((
            k + 1,
            Dur {
                amount: Some(1.0),
                unit: u,
            },
        ));
    }
    // "half year", "half hour".
    if p.is_word(i, "half") {
        if let Some((u, false)) = p.word(i + 1).and_then(lexicon::unit) {
            return Some((
                i + 2,
                Dur {
                    amount: Some(0.5),
                    unit: u,
                },
            ));
        }
    }
    // "couple of weeks".
    if let Some(k) = p.phrase(i, &["couple", "of"]) {
        let (u, true) = lexicon::unit(p.word(k)?)? else {
            return None;
        };
        return Some((
            k + 1,
            Dur {
                amount: Some(2.0),
                unit: u,
            },
        ));
    }
    // "another business day".
    if p.phrase(i, &["another", "business", "day"]).is_some() {
        return Some((
            i + 3,
            Dur {
                amount: Some(1.0),
                unit: Unit::BusinessDay,
            },
        ));
    }
    // "a half hour".
    if let Some(e) = p.phrase(i, &["a", "half"]) {
        let (u, plural) = lexicon::unit(p.word(e)?)?;
        return (!plural).then_some((
            e + 1,
            Dur {
                amount: Some(0.5),
                unit: u,
            },
        ));
    }
    // "3h", "10D", "1.5hrs"; not after a currency sign ("$5m").
    let money = i > 0
        && p.t[i - 1].word().is_none()
        && p.t[i - 1].num().is_none()
        && !p.t[i].spaced
        && !p.punct(i - 1, '(');
    if let Some((e, Some(n))) = number(p, i).filter(|_| p.num(i).is_some() && !money) {
        if p.glued(e) {
            if let Some(u) = p.word(e).and_then(lexicon::glued_unit) {
                return Some((
                    e + 1,
                    Dur {
                        amount: Some(n),
                        unit: u,
                    },
                ));
            }
        }
    }
    // "another day", "one more week".
    if p.is_word(i, "another") {
        let (u, plural) = lexicon::unit(p.word(i + 1)?)?;
        return (!plural).then_some((
            i + 2,
            Dur {
                amount: Some(1.0),
                unit: u,
            },
        ));
    }
    // "3 h", "10 d": a one-letter unit after a number, spaced.
    if let (Some(v), Some(u)) = (
        p.num(i),
        p.word(i + 1)
            .filter(|w| w.len() == 1)
            .and_then(lexicon::glued_unit),
    ) {
        if matches!(u, Unit::Hour) {
            return Some((
                i + 2,
                Dur {
                    amount: Some(v as f64),
                    unit: u,
                },
            ));
        }
    }
    // "one and half hour".
    if let Some((k, Some(v))) = number(p, i) {
        if let Some(k2) = p.phrase(k, &["and", "half"]) {
            if let Some((u, _)) = p.word(k2).and_then(lexicon::unit) {
                return Some((
                    k2 + 1,
                    Dur {
                        amount: Some(v + 0.5),
                        unit: u,
                    },
                ));
            }
        }
    }
    // "a second round", "a second wave": an ordinal, not a duration.
    if p.is_any(i, &["a", "an"])
        && p.is_word(i + 1, "second")
        && !p.is_any(i.wrapping_sub(1), &["for", "in", "within"])
    {
        return None;
    }
    if let Some((e, mut d)) = amount(p, i) {
        // "an hour and a half", "two years and a half", "an hour and half".
        if let Some(e2) = p
            .phrase(e, &["and", "a", "half"])
            .or_else(|| p.phrase(e, &["and", "half"]))
        {
            d.amount = d.amount.map(|a| a + 0.5);
            return Some((e2, d));
        }
        // "24-hour" as an adjective ("a 24-hour ceasefire") is still a
        // duration.
        return Some((e, d));
    }
    // "24-hour", "three-day".
    let (e, n) = number(p, i)?;
    let n = n?;
    let k = p.dash(e).filter(|&k| p.glued(k))?;
    let (u, _) = lexicon::unit(p.word(k)?)?;
    // "a 78-year-old" is an age.
    if p.dash(k + 1).is_some() && p.is_word(k + 2, "old") {
        return None;
    }
    Some((
        k + 1,
        Dur {
            amount: Some(n),
            unit: u,
        },
    ))
}

/// A plural unit standing for an unstated amount after "for" or "in":
/// "for years", "the first time in decades".
pub fn vague_duration(p: &P, i: usize) -> R<Expr> {
    if i == 0 || !p.is_any(i - 1, &["for", "in", "over"]) {
        return None;
    }
    let (u, plural) = lexicon::unit(p.word(i)?)?;
    if !plural || matches!(u, Unit::Second | Unit::Minute) {
        return None;
    }
    Some((
        i + 1,
        Expr::Duration(
            Dur {
                amount: None,
                unit: u,
            },
            None,
        ),
    ))
}

fn every(amount: f64, unit: Unit) -> Option<Dur> {
    Some(Dur {
        amount: Some(amount),
        unit,
    })
}

/// Recurrences.
pub fn set(p: &P, i: usize) -> R<Expr> {
    // "3pm each day", "6am everyday": a time before the recurrence.
    if let Some((e, c)) = clock_strict(p, i) {
        if let Some((e2, Expr::Set(s))) = set(p, e) {
            if s.clock.is_none() && s.weekday.is_none() {
                return Some((
                    e2,
                    Expr::Set(SetExpr {
                        clock: Some(c),
                        ..s
                    }),
                ));
            }
        }
    }
    let adverb = |w: &str| -> Option<Dur> {
        match w {
            "hourly" => every(1.0, Unit::Hour),
            "daily" | "everyday" | "nightly" => every(1.0, Unit::Day),
            "weekly" => every(1.0, Unit::Week),
            "biweekly" | "fortnightly" => every(2.0, Unit::Week),
            "monthly" => every(1.0, Unit::Month),
            "quarterly" => every(3.0, Unit::Month),
            "annually" | "yearly" | "annual" => every(1.0, Unit::Year),
            "semiannual" | "semiannually" | "biannual" | "biannually" => every(0.5, Unit::Year),
            _ => None,
        }
    };
    let with_clock = |e: usize, s: SetExpr| -> (usize, Expr) {
        let k = p.opt(e, "at");
        match clock_loose(p, k).filter(|_| k > e || p.num(k).is_some()) {
            Some((e2, c)) => (
                e2,
                Expr::Set(SetExpr {
                    clock: Some(c),
                    ..s
                }),
            ),
            None => (e, Expr::Set(s)),
        }
    };
    let plain = |d: Dur| SetExpr {
        every: Some(d),
        weekday: None,
        clock: None,
        day_part: None,
    };
    // "semi-annually", "bi-monthly".
    if let Some(pre) = p.word(i).filter(|w| matches!(*w, "semi" | "bi")) {
        if let Some(k) = p.dash(i + 1).filter(|&k| p.glued(k)) {
            let base = p.word(k).and_then(adverb)?;
            let factor = if pre == "semi" { 0.5 } else { 2.0 };
            let d = match base.unit {
                Unit::Year if pre == "semi" => every(0.5, Unit::Year)?,
                u => Dur {
                    amount: base.amount.map(|a| a * factor),
                    unit: u,
                },
            };
            return Some((k + 1, Expr::Set(plain(d))));
        }
    }
    if let Some(d) = p.word(i).and_then(adverb) {
        // "annual" is an adjective: "the annual review" recurs, "annual
        // growth" does not, but both read as a yearly set in TimeML.
        return Some(with_clock(i + 1, plain(d)));
    }
    // "once a week", "twice a year", "three times a month", "one a day".
    let times = match p.word(i)? {
        "once" | "one" => Some((i + 1, 1.0)),
        "twice" => Some((i + 1, 2.0)),
        _ => {
            number(p, i).and_then(|(e, n)| p.is_word(e, "times").then(|| (e + 1, n.unwrap_or(1.0))))
        }
    };
    if let Some((e, _n)) = times {
        if p.is_any(e, &["a", "per", "each", "every"]) {
            let (u, plural) = lexicon::unit(p.word(e + 1)?)?;
            if !plural {
                return Some((
                    e + 2,
                    Expr::Set(plain(Dur {
                        amount: Some(1.0),
                        unit: u,
                    })),
                ));
            }
        }
    }
    // "every week", "each Monday", "every other Friday", "every two
    // weeks", "every day at 7pm", "every weekday", "any weekend".
    if p.is_any(i, &["every", "each", "any"]) {
        let mut j = i + 1;
        let mut step = 1.0;
        if p.is_word(j, "other") {
            step = 2.0;
            j += 1;
        }
        if p.is_word(j, "weekday") {
            return Some(with_clock(
                j + 1,
                plain(Dur {
                    amount: Some(1.0),
                    unit: Unit::BusinessDay,
                }),
            ));
        }
        if let Some((e, d)) = weekday_word(p, j) {
            return Some(with_clock(
                e,
                SetExpr {
                    every: None,
                    weekday: Some(d),
                    clock: None,
                    day_part: None,
                },
            ));
        }
        if let Some((dp, _)) = p.word(j).and_then(lexicon::day_part) {
            return Some(with_clock(
                j + 1,
                SetExpr {
                    every: Some(Dur {
                        amount: Some(1.0),
                        unit: Unit::Day,
                    }),
                    weekday: None,
                    clock: None,
                    day_part: Some(dp),
                },
            ));
        }
        if let Some((u, _)) = p.word(j).and_then(lexicon::unit) {
            return Some(with_clock(
                j + 1,
                plain(Dur {
                    amount: Some(step),
                    unit: u,
                }),
            ));
        }
        let (e, n) = number(p, j)?;
        let (u, _) = lexicon::unit(p.word(e)?)?;
        return Some(with_clock(
            e + 1,
            plain(Dur {
                amount: Some(n? * step),
                unit: u,
            }),
        ));
    }
    // "Mondays", "Tuesday afternoons", "weekends", "Thursdays at 17.30".
    if let Some((d, true)) = p.word(i).and_then(lexicon::weekday) {
        return Some(with_clock(
            i + 1,
            SetExpr {
                every: None,
                weekday: Some(d),
                clock: None,
                day_part: None,
            },
        ));
    }
    if let Some((d, false)) = p
        .word(i)
        .and_then(lexicon::weekday)
        .filter(|_| !lexicon::weekday_is_short(p.word(i).unwrap_or("")))
    {
        if let Some((dp, true)) = p.word(i + 1).and_then(lexicon::day_part) {
            return Some((
                i + 2,
                Expr::Set(SetExpr {
                    every: None,
                    weekday: Some(d),
                    clock: None,
                    day_part: Some(dp),
                }),
            ));
        }
    }
    if p.is_word(i, "weekends") {
        return Some((
            i + 1,
            Expr::Set(plain(Dur {
                amount: Some(1.0),
                unit: Unit::Weekend,
            })),
        ));
    }
    None
}
