use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// How much of a calendar date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to the year, the month or the day.
///
/// It prints and parses as ISO 8601 (`2024`, `2024-11`, `2024-11-01`), which
/// is also its JSON form, so precision travels with the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError {
    pub input: String,
}

impl PartialDate {
    /// A full date, checked against the calendar.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn ym(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The full date, when the day is known.
    pub fn to_naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// The first day of the period: the date itself, the first of its
    /// month, or the first of January.
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The most precise date that covers the days `first..end` (end
    /// exclusive) without claiming more than they say: one day is that
    /// day, days inside one month are the month, days inside one year are
    /// the year ("fall 2008" is 2008, a week in March is March), and a
    /// longer span (a decade) is no calendar date at all.
    pub fn spanning(first: NaiveDate, end: NaiveDate) -> Option<Self> {
        use chrono::Datelike;
        let last = end.pred_opt()?;
        if last < first {
            return None;
        }
        if last == first {
            return Some(first.into());
        }
        if first.year() != last.year() {
            return None;
        }
        if first.month() == last.month() {
            return PartialDate::ym(first.year(), first.month());
        }
        Some(PartialDate::year(first.year()))
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        use chrono::Datelike;
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    /// Accepts ISO dates, and a full ISO timestamp whose date part is taken
    /// (`2024-11-13T18:19:00+04:00` is 2024-11-13), since users paste those.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError {
            input: s.to_string(),
        };
        let trimmed = s.trim();
        let date_part = trimmed
            .split(['T', ' '])
            .next()
            .filter(|p| !p.is_empty())
            .ok_or_else(err)?;
        let parts: Vec<&str> = date_part.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        match parts.as_slice() {
            [y] => Ok(PartialDate::year(num(y, 4)? as i32)),
            [y, m] => PartialDate::ym(num(y, 4)? as i32, num(m, 2)?).ok_or_else(err),
            [y, m, d] => {
                PartialDate::ymd(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?).ok_or_else(err)
            }
            _ => Err(err()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_precision() {
        for (input, printed, precision) in [
            ("2024", "2024", Precision::Year),
            ("2024-11", "2024-11", Precision::Month),
            ("2024-11-01", "2024-11-01", Precision::Day),
            ("2024-11-13T18:19:00+04:00", "2024-11-13", Precision::Day),
            (" 2024-02-29 ", "2024-02-29", Precision::Day),
        ] {
            let d: PartialDate = input.parse().unwrap();
            assert_eq!(d.to_string(), printed, "{input}");
            assert_eq!(d.precision(), precision, "{input}");
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for input in ["2023-02-29", "2024-13", "24-11-01", "Nov 1", "", "2024-1-1"] {
            assert!(input.parse::<PartialDate>().is_err(), "{input}");
        }
    }

    #[test]
    fn a_span_is_dated_no_more_precisely_than_it_is() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let cases = [
            ("2008-09-15", "2008-09-16", Some("2008-09-15")),
            ("2008-03-10", "2008-03-17", Some("2008-03")),
            ("2008-09-01", "2008-12-01", Some("2008")),
            ("2008-12-29", "2009-01-05", None),
            ("1990-01-01", "2000-01-01", None),
            ("2008-09-15", "2008-09-15", None),
        ];
        for (first, end, want) in cases {
            let got = PartialDate::spanning(day(first), day(end)).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{first}..{end}");
        }
    }
}
