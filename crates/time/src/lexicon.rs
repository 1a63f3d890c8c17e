//! The words of dates: months, weekdays, units, parts of the day, number
//! words, holidays.

use crate::expr::{DayPart, Unit};

/// A month name or its abbreviation. "may" and "march" are also a modal
/// and a verb, and "mar", "jun" and the like are rare outside dates; the
/// grammar decides from context whether a bare month is one.
pub fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" | "febr" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Month words that are also ordinary words, so a bare one needs a date
/// context ("in May", "since March") to count.
pub fn month_is_ambiguous(word: &str) -> bool {
    matches!(
        word,
        "may" | "march" | "mar" | "jan" | "dec" | "sep" | "aug"
    )
}

/// A weekday, 1 (Monday) to 7 (Sunday), with whether the word is plural
/// ("Mondays" recurs).
pub fn weekday(word: &str) -> Option<(u32, bool)> {
    let (stem, plural) = match word.strip_suffix('s') {
        Some(s) if s.ends_with("day") => (s, true),
        _ => (word, false),
    };
    let d = match stem {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" | "weds" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    };
    Some((d, plural))
}

/// Weekday abbreviations that are also words ("sat", "sun", "wed").
pub fn weekday_is_short(word: &str) -> bool {
    word.len() <= 5 && !word.ends_with("day")
}

/// A unit of time, with whether the word is plural. Abbreviations are
/// read only when glued to digits or after a number.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" | "sec" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        // "two nights" at a hotel; "night" alone is a part of the day.
        "night" => (Unit::Day, false),
        "nights" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" | "wk" => (Unit::Week, false),
        "weeks" | "wks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// One-letter units written straight after digits: "3h", "10d".
pub fn glued_unit(word: &str) -> Option<Unit> {
    Some(match word {
        "s" | "sec" | "secs" => Unit::Second,
        // "m" is left out: "$500m" is money far more often than minutes.
        "min" | "mins" => Unit::Minute,
        "h" | "hr" | "hrs" => Unit::Hour,
        "d" => Unit::Day,
        "w" | "wk" | "wks" => Unit::Week,
        "y" | "yr" | "yrs" => Unit::Year,
        _ => return None,
    })
}

pub fn day_part(word: &str) -> Option<(DayPart, bool)> {
    Some(match word {
        "morning" => (DayPart::Morning, false),
        "mornings" => (DayPart::Morning, true),
        "afternoon" => (DayPart::Afternoon, false),
        "afternoons" => (DayPart::Afternoon, true),
        "evening" => (DayPart::Evening, false),
        "evenings" => (DayPart::Evening, true),
        "night" => (DayPart::Night, false),
        "nights" => (DayPart::Night, true),
        "daytime" => (DayPart::Daytime, false),
        _ => return None,
    })
}

/// A number written as a word, up to ninety-nine, or "a"/"an" for one.
pub fn small_number(word: &str) -> Option<u32> {
    match word {
        "a" | "an" | "one" => Some(1),
        "dozen" => Some(12),
        _ => storyline_quantity::cardinal_word(word).map(|v| v as u32),
    }
}

/// Words for an unstated amount: "several weeks", "some days".
pub fn vague_amount(word: &str) -> bool {
    matches!(
        word,
        "several" | "some" | "few" | "many" | "multiple" | "numerous"
    )
}

/// An ordinal word's value ("first" 1, "twentieth" 20).
pub fn ordinal(word: &str) -> Option<u32> {
    storyline_quantity::ordinal_word(word).map(|v| v as u32)
}

/// Suffixes written after a digit ordinal: "21st".
pub fn ordinal_suffix(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th")
}

/// Holidays with a fixed month and day, by the words that name them.
pub const FIXED_HOLIDAYS: &[(&[&str], &str, u32, u32)] = &[
    (&["new", "year's", "day"], "new year", 1, 1),
    (&["new", "years", "day"], "new year", 1, 1),
    (&["new", "year", "day"], "new year", 1, 1),
    (&["new", "year's", "eve"], "new year's eve", 12, 31),
    (&["new", "years", "eve"], "new year's eve", 12, 31),
    (&["new", "year"], "new year", 1, 1),
    (&["christmas", "eve"], "christmas eve", 12, 24),
    (&["christmas", "day"], "christmas", 12, 25),
    (&["christmas"], "christmas", 12, 25),
    (&["xmas"], "christmas", 12, 25),
    (&["boxing", "day"], "boxing day", 12, 26),
    (&["valentine's", "day"], "valentine's day", 2, 14),
    (&["valentines", "day"], "valentine's day", 2, 14),
    (&["saint", "patrick's", "day"], "st patrick's day", 3, 17),
    (&["saint", "patrick"], "st patrick's day", 3, 17),
    (&["st", "patrick's", "day"], "st patrick's day", 3, 17),
    (&["independence", "day"], "independence day", 7, 4),
    (&["halloween"], "halloween", 10, 31),
    (&["veterans", "day"], "veterans day", 11, 11),
    (&["armistice", "day"], "armistice day", 11, 11),
    (&["juneteenth"], "juneteenth", 6, 19),
    (&["may", "day"], "may day", 5, 1),
    (&["labour", "day"], "may day", 5, 1),
    (&["bastille", "day"], "bastille day", 7, 14),
    (&["earth", "day"], "earth day", 4, 22),
    (&["groundhog", "day"], "groundhog day", 2, 2),
    (&["all", "saints", "day"], "all saints' day", 11, 1),
    (&["remembrance", "day"], "remembrance day", 11, 11),
];

/// Holidays whose date moves: (words, name).
pub const MOVABLE_HOLIDAYS: &[(&[&str], &str)] = &[
    (&["easter", "sunday"], "easter"),
    (&["easter", "monday"], "easter monday"),
    (&["easter"], "easter"),
    (&["good", "friday"], "good friday"),
    (&["thanksgiving", "day"], "thanksgiving"),
    (&["thanksgiving"], "thanksgiving"),
    (&["memorial", "day"], "memorial day"),
    (&["labor", "day"], "labor day"),
    (&["mother's", "day"], "mother's day"),
    (&["mothers", "day"], "mother's day"),
    (&["father's", "day"], "father's day"),
    (&["fathers", "day"], "father's day"),
    (
        &["martin", "luther", "king", "day"],
        "martin luther king day",
    ),
    (&["presidents", "day"], "presidents day"),
    (&["presidents'", "day"], "presidents day"),
    (&["black", "friday"], "black friday"),
    (&["cyber", "monday"], "cyber monday"),
];

/// Whether a word begins some holiday's name.
pub fn holiday_first_word(word: &str) -> bool {
    let starts = |words: &[&str]| words[0].split('\'').next() == Some(word);
    FIXED_HOLIDAYS.iter().any(|(w, ..)| starts(w))
        || MOVABLE_HOLIDAYS.iter().any(|(w, _)| starts(w))
}
