//! Written dates of many forms and languages, as pages print them: ISO
//! stamps, "4 March 2025", "March 4th, 2025", "4. März 2025", "le 1er mars
//! 2025", "4 de marzo de 2025", numeric "04.03.2025" and "3/4/25", and
//! relative ones ("2 days ago", "vor 3 Tagen") when a reference day is
//! known. Only day-precise dates are returned: a page's publication date
//! is wanted to the day, and a month alone is no evidence of it.

use super::months::{alternation, month_number};
use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;
use storyline_model::PartialDate;

/// How to read a numeric date whose first two numbers could each be the
/// day ("05/06/2024").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    DayFirst,
    MonthFirst,
}

/// One date found in a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub date: PartialDate,
    /// Byte range in the searched string.
    pub start: usize,
    pub end: usize,
    /// A numeric date read by the page's day order because both readings
    /// were possible.
    pub ambiguous: bool,
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])((?:19|20)\d{2})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[^\d]|$)").unwrap()
});
static NAMED_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}\d])(\d{{1,2}})(?:st|nd|rd|th|er|º|ª|\.)?[\s-]*(?:de\s+|of\s+)?({})\.?(?:\s+de|\s+del)?[\s,-]*(\d{{4}}(?:[^\d]|$)|'?\d{{2}}(?:[^\d:.]|$))",
        alternation()
    ))
    .unwrap()
});
static NAMED_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}])({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}|'\d{{2}})(?:[^\d]|$)",
        alternation()
    ))
    .unwrap()
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d./-])(\d{1,2})([./-])(\d{1,2})([./-])(\d{4}|\d{2})(?:[^\d]|$)").unwrap()
});
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").unwrap()
});
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[^\d]|$)")
        .unwrap()
});

/// Expands a year as printed: four digits as they are, two digits to the
/// century that does not put the date after `reference_year`.
fn year_of(raw: &str, reference_year: i32) -> Option<i32> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(n),
        2 if 2000 + n <= reference_year + 1 => Some(2000 + n),
        2 => Some(1900 + n),
        _ => None,
    }
}

/// Every day-precise date in `text`, in order of position. `reference`
/// (the crawl day, else today) sets the century of two-digit years.
pub fn find_dates(text: &str, order: DayOrder, reference: NaiveDate) -> Vec<Hit> {
    let ry = reference.year();
    let mut hits = Vec::new();
    let mut push = |date: Option<PartialDate>, m: regex::Match, ambiguous| {
        if let Some(date) = date {
            hits.push(Hit {
                date,
                start: m.start(),
                end: m.end(),
                ambiguous,
            });
        }
    };
    for c in ISO.captures_iter(text) {
        if c[2] != c[4] {
            continue;
        }
        let date = PartialDate::ymd(
            c[1].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
            c[5].parse().unwrap_or(0),
        );
        push(date, c.get(1).unwrap(), false);
    }
    for c in NAMED_DMY.captures_iter(text) {
        let date = (|| {
            PartialDate::ymd(
                year_of(&c[3], ry)?,
                month_number(&c[2])?,
                c[1].parse().ok()?,
            )
        })();
        push(date, c.get(1).unwrap(), false);
    }
    for c in NAMED_MDY.captures_iter(text) {
        let date = (|| {
            PartialDate::ymd(
                year_of(&c[3], ry)?,
                month_number(&c[1])?,
                c[2].parse().ok()?,
            )
        })();
        push(date, c.get(1).unwrap(), false);
    }
    for c in NUMERIC.captures_iter(text) {
        if c[2] != c[4] {
            continue;
        }
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        let Some(year) = year_of(&c[5], ry) else {
            continue;
        };
        let (day, month, ambiguous) = match (a > 12, b > 12) {
            (true, false) => (a, b, false),
            (false, true) => (b, a, false),
            (false, false) if a == b => (a, b, false),
            (false, false) => match order {
                DayOrder::DayFirst => (a, b, true),
                DayOrder::MonthFirst => (b, a, true),
            },
            (true, true) => continue,
        };
        push(
            PartialDate::ymd(year, month, day),
            c.get(1).unwrap(),
            ambiguous,
        );
    }
    for c in CJK.captures_iter(text) {
        let date = PartialDate::ymd(
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        push(date, c.get(0).unwrap(), false);
    }
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    // Keep one hit per place: a numeric reading inside a named one is the
    // same date seen twice.
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if kept.last().is_none_or(|k| h.start >= k.end) {
            kept.push(h);
        }
    }
    kept
}

/// The first date of `text`, if any.
pub fn first_date(text: &str, order: DayOrder, reference: NaiveDate) -> Option<Hit> {
    find_dates(text, order, reference).into_iter().next()
}

/// A date written without separators, as in URLs and file names:
/// `20250304`.
pub fn compact_date(text: &str) -> Option<PartialDate> {
    let c = COMPACT.captures(text)?;
    PartialDate::ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:",
        // English: "3 days ago", "an hour ago".
        r"(?P<en>\d+|an?|one)\s+(?P<enu>min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago",
        // German: "vor 3 Tagen".
        r"|vor\s+(?P<de>\d+|einem|einer)\s+(?P<deu>Minuten?|Stunden?|Tag(?:en)?|Wochen?)",
        // French: "il y a 3 jours".
        r"|il\s+y\s+a\s+(?P<fr>\d+|une?)\s+(?P<fru>minutes?|heures?|jours?|semaines?)",
        // Spanish "hace 3 días", Portuguese "há 3 dias".
        r"|(?:hace|há|ha)\s+(?P<es>\d+|una?|uma?)\s+(?P<esu>minutos?|horas?|d[ií]as?|semanas?)",
        // Italian: "3 giorni fa".
        r"|(?P<it>\d+|un|una)\s+(?P<itu>minut[oi]|or[ae]|giorn[oi]|settiman[ae])\s+fa\b",
        // Dutch: "3 dagen geleden".
        r"|(?P<nl>\d+|een)\s+(?P<nlu>minuten|minuut|uur|dagen|dag|weken|week)\s+geleden",
        r")"
    ))
    .unwrap()
});
static YESTERDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:yesterday|gestern|hier|ayer|ieri|ontem|gisteren)\b").unwrap()
});
static TODAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:today|just now|heute|aujourd'hui|hoy|oggi|hoje|vandaag)\b").unwrap()
});

/// A relative date ("2 days ago", "gestern", "il y a 3 heures") resolved
/// against `reference`, the day the page was fetched. Months and years
/// ago are not read: they do not give the day.
pub fn relative_date(text: &str, reference: NaiveDate) -> Option<PartialDate> {
    if let Some(c) = RELATIVE.captures(text) {
        let (count, unit) = ["en", "de", "fr", "es", "it", "nl"]
            .iter()
            .find_map(|l| Some((c.name(l)?.as_str(), c.name(&format!("{l}u"))?.as_str())))?;
        let n: i64 = count.parse().unwrap_or(1);
        let unit = unit.to_lowercase();
        let days = if unit.starts_with("min")
            || unit.starts_with('h')
            || unit.starts_with("st")
            || unit.starts_with("or")
            || unit == "uur"
        {
            // Hours and minutes ago are the reference day, or the day
            // before when the count reaches past midnight; without the
            // hour of the fetch the reference day is the better guess
            // below a day.
            if unit.starts_with('h')
                || unit.starts_with("st")
                || unit.starts_with("or")
                || unit == "uur"
            {
                n / 24
            } else {
                0
            }
        } else if unit.starts_with('w') || unit.starts_with("se") {
            n * 7
        } else {
            n
        };
        let d = reference.checked_sub_signed(Duration::try_days(days)?)?;
        return Some(d.into());
    }
    if YESTERDAY.is_match(text) {
        return Some(reference.pred_opt()?.into());
    }
    TODAY.is_match(text).then(|| reference.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn first(text: &str, order: DayOrder) -> Option<String> {
        first_date(text, order, reference()).map(|h| h.date.to_string())
    }

    #[test]
    fn case_table_of_formats_and_languages() {
        use DayOrder::*;
        let cases: &[(&str, DayOrder, Option<&str>)] = &[
            // ISO and machine stamps.
            ("2025-03-04T10:15:00+01:00", DayFirst, Some("2025-03-04")),
            ("2025/3/4", MonthFirst, Some("2025-03-04")),
            ("2025.03.04", DayFirst, Some("2025-03-04")),
            ("2025-03/04", DayFirst, None),
            // English.
            ("Published March 4, 2025", DayFirst, Some("2025-03-04")),
            ("Mar. 4th 2025 at 9:00", DayFirst, Some("2025-03-04")),
            ("Tuesday, 4 March 2025", MonthFirst, Some("2025-03-04")),
            ("the 4th of March, 2025", DayFirst, Some("2025-03-04")),
            ("Sept 30, 2024", DayFirst, Some("2024-09-30")),
            ("4-Mar-2025", DayFirst, Some("2025-03-04")),
            // German, French, Spanish, Italian, Portuguese, Dutch.
            (
                "Veröffentlicht am 4. März 2025",
                DayFirst,
                Some("2025-03-04"),
            ),
            ("12. Dezember 2024, 18:03 Uhr", DayFirst, Some("2024-12-12")),
            (
                "Publié le 1er mars 2025 à 10h",
                DayFirst,
                Some("2025-03-01"),
            ),
            ("mis à jour le 15 août 2024", DayFirst, Some("2024-08-15")),
            (
                "Publicado el 4 de marzo de 2025",
                DayFirst,
                Some("2025-03-04"),
            ),
            ("7 de septiembre del 2023", DayFirst, Some("2023-09-07")),
            ("Pubblicato il 21 giugno 2024", DayFirst, Some("2024-06-21")),
            (
                "Publicado em 9 de dezembro de 2024",
                DayFirst,
                Some("2024-12-09"),
            ),
            ("Gepubliceerd op 3 maart 2025", DayFirst, Some("2025-03-03")),
            ("17 mei 2023 om 14:00", DayFirst, Some("2023-05-17")),
            // Numeric, with ambiguous day and month decided by the order.
            ("04.03.2025", DayFirst, Some("2025-03-04")),
            ("04/03/2025", MonthFirst, Some("2025-04-03")),
            ("13/03/2025", MonthFirst, Some("2025-03-13")),
            ("03/13/2025", DayFirst, Some("2025-03-13")),
            ("13/13/2025", DayFirst, None),
            // Two-digit years.
            ("04.03.25", DayFirst, Some("2025-03-04")),
            ("3/4/99", MonthFirst, Some("1999-03-04")),
            ("4 Mar 25 |", DayFirst, Some("2025-03-04")),
            ("March 4, '25", DayFirst, Some("2025-03-04")),
            ("4 March 10:30", DayFirst, None),
            // East Asian.
            ("2025年3月4日", DayFirst, Some("2025-03-04")),
            // Not dates.
            ("version 1.2.3", DayFirst, None),
            ("March 2025", DayFirst, None),
            ("2025-02-30", DayFirst, None),
            ("call 555-12-2024x", DayFirst, None),
            ("4 marsupials 2025", DayFirst, None),
        ];
        for (text, order, expect) in cases {
            assert_eq!(first(text, *order).as_deref(), *expect, "{text}");
        }
    }

    #[test]
    fn ambiguous_numeric_dates_are_flagged() {
        let h = first_date("05/06/2024", DayOrder::DayFirst, reference()).unwrap();
        assert!(h.ambiguous);
        let h = first_date("25/06/2024", DayOrder::MonthFirst, reference()).unwrap();
        assert!(!h.ambiguous);
    }

    #[test]
    fn relative_dates_need_a_reference() {
        let cases = [
            ("Updated 2 days ago", Some("2026-11-29")),
            ("an hour ago", Some("2026-12-01")),
            ("30 hours ago", Some("2026-11-30")),
            ("1 week ago", Some("2026-11-24")),
            ("vor 3 Tagen", Some("2026-11-28")),
            ("il y a 2 jours", Some("2026-11-29")),
            ("hace 1 día", Some("2026-11-30")),
            ("há 2 dias", Some("2026-11-29")),
            ("4 giorni fa", Some("2026-11-27")),
            ("5 dagen geleden", Some("2026-11-26")),
            ("Yesterday at 9:00", Some("2026-11-30")),
            ("3 months ago", None),
            ("no date", None),
        ];
        for (text, expect) in cases {
            let got = relative_date(text, reference()).map(|d| d.to_string());
            assert_eq!(got.as_deref(), expect, "{text}");
        }
    }

    #[test]
    fn compact_dates_in_urls() {
        assert_eq!(
            compact_date("/news/20250304-port").map(|d| d.to_string()),
            Some("2025-03-04".into())
        );
        assert_eq!(compact_date("/id/123202503041"), None);
    }
}
