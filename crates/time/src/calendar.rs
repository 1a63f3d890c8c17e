//! Calendar arithmetic on civil dates: periods, weeks, months, holidays,
//! and their TIMEX3 names.

use crate::expr::Gran;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A calendar period [start, end) with its granularity and TIMEX3 name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub gran: Gran,
    pub timex: String,
}

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The first day of the month `n` months after `y`-`m`.
pub fn month_start(y: i32, m: u32, n: i32) -> Option<NaiveDate> {
    let idx = y
        .checked_mul(12)?
        .checked_add(m as i32 - 1)?
        .checked_add(n)?;
    ymd(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1, 1)
}

/// `date` moved by `n` months, the day clamped to the month's length.
pub fn add_months(date: NaiveDate, n: i32) -> Option<NaiveDate> {
    let first = month_start(date.year(), date.month(), n)?;
    let last = month_start(first.year(), first.month(), 1)?
        .pred_opt()?
        .day();
    ymd(first.year(), first.month(), date.day().min(last))
}

pub fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(n)?)
}

/// The Monday of the week containing `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(date.weekday().num_days_from_monday() as i64)
}

pub fn weekday_of(n: u32) -> Weekday {
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ][(n as usize + 6) % 7]
}

pub fn day(date: NaiveDate) -> Period {
    Period {
        start: date,
        end: date.succ_opt().unwrap_or(date),
        gran: Gran::Day,
        timex: date.format("%Y-%m-%d").to_string(),
    }
}

pub fn week(date: NaiveDate) -> Period {
    let start = week_start(date);
    let iso = start.iso_week();
    Period {
        start,
        end: start + Duration::days(7),
        gran: Gran::Week,
        timex: format!("{:04}-W{:02}", iso.year(), iso.week()),
    }
}

pub fn weekend(date: NaiveDate) -> Period {
    let monday = week_start(date);
    let iso = monday.iso_week();
    Period {
        start: monday + Duration::days(5),
        end: monday + Duration::days(7),
        gran: Gran::Weekend,
        timex: format!("{:04}-W{:02}-WE", iso.year(), iso.week()),
    }
}

pub fn month(y: i32, m: u32) -> Option<Period> {
    Some(Period {
        start: month_start(y, m, 0)?,
        end: month_start(y, m, 1)?,
        gran: Gran::Month,
        timex: format!("{y:04}-{m:02}"),
    })
}

pub fn year(y: i32) -> Option<Period> {
    Some(Period {
        start: ymd(y, 1, 1)?,
        end: ymd(y.checked_add(1)?, 1, 1)?,
        gran: Gran::Year,
        timex: format!("{y:04}"),
    })
}

/// Quarter (`gran` Quarter, n 1-4) or half (Half, n 1-2) of a year.
pub fn year_part(y: i32, gran: Gran, n: u32) -> Option<Period> {
    let (len, code) = if gran == Gran::Half {
        (6, 'H')
    } else {
        (3, 'Q')
    };
    let first = (n - 1) * len + 1;
    Some(Period {
        start: month_start(y, first, 0)?,
        end: month_start(y, first, len as i32)?,
        gran,
        timex: format!("{y:04}-{code}{n}"),
    })
}

pub fn decade(y: i32) -> Option<Period> {
    Some(Period {
        start: ymd(y, 1, 1)?,
        end: ymd(y.checked_add(10)?, 1, 1)?,
        gran: Gran::Decade,
        timex: format!("{:03}", y / 10),
    })
}

/// The nth century (the 20th is 1900-1999, as news uses it).
pub fn century(n: i32) -> Option<Period> {
    let y = (n - 1).checked_mul(100)?;
    Some(Period {
        start: ymd(y, 1, 1)?,
        end: ymd(y.checked_add(100)?, 1, 1)?,
        gran: Gran::Century,
        timex: format!("{:02}", n - 1),
    })
}

/// Meteorological seasons of the northern hemisphere; winter starts in
/// December of the year named.
pub fn season(y: i32, s: u32) -> Option<Period> {
    let (m, code) = [(3, "SP"), (6, "SU"), (9, "FA"), (12, "WI")][s as usize % 4];
    Some(Period {
        start: month_start(y, m, 0)?,
        end: month_start(y, m, 3)?,
        gran: Gran::Quarter,
        timex: format!("{y:04}-{code}"),
    })
}

/// The period of granularity `g` containing `date`.
pub fn containing(date: NaiveDate, g: Gran) -> Option<Period> {
    Some(match g {
        Gran::Day => day(date),
        Gran::Week => week(date),
        Gran::Weekend => weekend(date),
        Gran::Month => month(date.year(), date.month())?,
        Gran::Quarter => year_part(date.year(), Gran::Quarter, (date.month() - 1) / 3 + 1)?,
        Gran::Half => year_part(date.year(), Gran::Half, (date.month() - 1) / 6 + 1)?,
        Gran::Year => year(date.year())?,
        Gran::Decade => decade(date.year() - date.year().rem_euclid(10))?,
        Gran::Century => century(date.year() / 100 + 1)?,
    })
}

/// The period of granularity `g` that is `n` periods after the one
/// containing `date`.
pub fn shifted(date: NaiveDate, g: Gran, n: i32) -> Option<Period> {
    let moved = match g {
        Gran::Day => add_days(date, n as i64)?,
        Gran::Week | Gran::Weekend => add_days(date, 7 * n as i64)?,
        Gran::Month => add_months(date, n)?,
        Gran::Quarter => add_months(date, 3 * n)?,
        Gran::Half => add_months(date, 6 * n)?,
        Gran::Year => add_months(date, 12 * n)?,
        Gran::Decade => add_months(date, 120 * n)?,
        Gran::Century => add_months(date, 1200 * n)?,
    };
    containing(moved, g)
}

/// Easter Sunday (Gregorian, anonymous algorithm).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// The nth weekday `wd` (1 Monday) of a month; n = -1 for the last.
pub fn nth_weekday(y: i32, m: u32, wd: u32, n: i32) -> Option<NaiveDate> {
    let target = weekday_of(wd);
    if n > 0 {
        let first = ymd(y, m, 1)?;
        let delta = (target.num_days_from_monday() as i64
            - first.weekday().num_days_from_monday() as i64)
            .rem_euclid(7);
        let d = add_days(first, delta + 7 * (n as i64 - 1))?;
        (d.month() == m).then_some(d)
    } else {
        let last = month_start(y, m, 1)?.pred_opt()?;
        let delta = (last.weekday().num_days_from_monday() as i64
            - target.num_days_from_monday() as i64)
            .rem_euclid(7);
        add_days(last, -delta - 7 * (-n as i64 - 1))
    }
}

/// A holiday's date in a year.
pub fn holiday(name: &str, y: i32) -> Option<NaiveDate> {
    if let Some((.., m, d)) = crate::lexicon::FIXED_HOLIDAYS
        .iter()
        .find(|(_, n, ..)| *n == name)
    {
        return ymd(y, *m, *d);
    }
    match name {
        "easter" => easter(y),
        "easter monday" => easter(y)?.succ_opt(),
        "good friday" => add_days(easter(y)?, -2),
        "thanksgiving" => nth_weekday(y, 11, 4, 4),
        "memorial day" => nth_weekday(y, 5, 1, -1),
        "labor day" => nth_weekday(y, 9, 1, 1),
        "mother's day" => nth_weekday(y, 5, 7, 2),
        "father's day" => nth_weekday(y, 6, 7, 3),
        "martin luther king day" => nth_weekday(y, 1, 1, 3),
        "presidents day" => nth_weekday(y, 2, 1, 3),
        "black friday" => nth_weekday(y, 11, 4, 4)?.succ_opt(),
        "cyber monday" => add_days(nth_weekday(y, 11, 4, 4)?, 4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2018), ymd(2018, 4, 1));
        assert_eq!(easter(2019), ymd(2019, 4, 21));
        assert_eq!(easter(2024), ymd(2024, 3, 31));
    }

    #[test]
    fn weeks_are_iso() {
        let w = week(ymd(2024, 10, 24).unwrap());
        assert_eq!(w.timex, "2024-W43");
        assert_eq!(w.start, ymd(2024, 10, 21).unwrap());
    }

    #[test]
    fn thanksgiving_and_memorial_day() {
        assert_eq!(holiday("thanksgiving", 2024), ymd(2024, 11, 28));
        assert_eq!(holiday("memorial day", 2024), ymd(2024, 5, 27));
    }
}
