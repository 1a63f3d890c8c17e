//! Dates as day intervals, so that dates of different precision compare:
//! `2024-10` covers every day of October.

use chrono::{Datelike, NaiveDate};
use storyline_model::{PartialDate, Precision};

/// The days (numbered from the common era) an ISO date covers, end
/// inclusive; `None` for anything that is not a calendar date.
pub fn interval(iso: &str) -> Option<(i64, i64)> {
    let date: PartialDate = iso.parse().ok()?;
    let first = date.first_day()?;
    let last = match date.precision() {
        Precision::Day => first,
        Precision::Month => next_month(first)?.pred_opt()?,
        Precision::Year => NaiveDate::from_ymd_opt(date.year, 12, 31)?,
    };
    Some((
        i64::from(first.num_days_from_ce()),
        i64::from(last.num_days_from_ce()),
    ))
}

fn next_month(first: NaiveDate) -> Option<NaiveDate> {
    if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    }
}

/// The middle day of a date's interval, to measure how far apart two
/// dates are.
pub fn middle(iso: &str) -> Option<i64> {
    interval(iso).map(|(a, b)| (a + b) / 2)
}

/// The ISO date of a day numbered from the common era (the inverse of
/// [`interval`] for a day), for axis labels.
pub fn iso_day(day: i64) -> String {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// `day`, `month` or `year`.
pub fn precision(iso: &str) -> Option<&'static str> {
    let date: PartialDate = iso.parse().ok()?;
    Some(match date.precision() {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    })
}

/// True when two dates can name the same time: their intervals, widened
/// by `slack` days, overlap.
pub fn compatible(a: &str, b: &str, slack: i64) -> bool {
    match (interval(a), interval(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0 - slack <= b1 && b0 - slack <= a1,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_day_is_the_inverse_of_interval() {
        let (day, _) = interval("2025-03-11").unwrap();
        assert_eq!(iso_day(day), "2025-03-11");
        assert_eq!(iso_day(i64::MAX), "");
    }

    #[test]
    fn intervals_cover_their_period() {
        let cases = [
            ("2024-02", 29),
            ("2023-02", 28),
            ("2024-12", 31),
            ("2024", 366),
            ("2024-11-01", 1),
        ];
        for (iso, days) in cases {
            let (a, b) = interval(iso).unwrap();
            assert_eq!(b - a + 1, days, "{iso}");
        }
        assert_eq!(interval("not a date"), None);
    }

    #[test]
    fn compatibility_widens_by_the_slack() {
        assert!(compatible("2024-10-23", "2024-10", 0));
        assert!(!compatible("2024-10-23", "2024-11", 0));
        assert!(compatible("2024-10-29", "2024-11-01", 3));
        assert!(!compatible("2024-10-20", "2024-11-01", 3));
    }
}
