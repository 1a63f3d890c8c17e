//! What the grammar understood, before any anchor date is applied.
//!
//! The grammar turns words into these values; [`crate::resolve()`] turns
//! them into calendar intervals. Keeping the two apart means one reading
//! of "last Friday" serves every anchor, and a document without a date
//! still gets the fields it states.

/// How coarse a calendar period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gran {
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// A unit of duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    BusinessDay,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// An amount of time: "three years", "24 hours", "several weeks".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dur {
    /// `None` for vague amounts ("several weeks", "some days").
    pub amount: Option<f64>,
    pub unit: Unit,
}

/// Which part of a period a phrase picks: "early October", "mid-January",
/// "the end of the year", "the first half of 2024".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Start,
    Mid,
    End,
    FirstHalf,
    SecondHalf,
}

/// Parts of a day, with their TIMEX3 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    /// Business hours, "daytime".
    Daytime,
}

/// A time of day as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// `Some(true)` for p.m., `Some(false)` for a.m., `None` when not said
    /// (a 24-hour time is stored with `Some` when the hour says so).
    pub pm: Option<bool>,
    pub minute_given: bool,
    pub second_given: bool,
    /// A time zone written after the time ("GMT", "local time").
    pub zone: Option<&'static str>,
}

impl Clock {
    pub fn hm(hour: u32, minute: u32) -> Clock {
        Clock {
            hour,
            minute,
            second: 0,
            pm: if hour >= 13 || hour == 0 {
                Some(hour >= 12)
            } else {
                None
            },
            minute_given: true,
            second_given: false,
            zone: None,
        }
    }

    /// The hour on a 24-hour clock, reading an unmarked hour as written.
    pub fn hour24(&self) -> u32 {
        match self.pm {
            Some(true) if self.hour < 12 => self.hour + 12,
            Some(false) if self.hour == 12 => 0,
            _ => self.hour,
        }
    }
}

/// A calendar period, possibly relative to the anchor.
#[derive(Debug, Clone, PartialEq)]
pub enum Date {
    /// Calendar fields as written. A missing year is chosen from the
    /// anchor and the clause's tense.
    Calendar {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A weekday: `shift` is `None` for a bare "Friday", 0 for "this
    /// Friday", 1 for "next Friday", -1 for "last Friday".
    Weekday { day: u32, shift: Option<i32> },
    /// A month named with "this", "next" or "last": the month in the
    /// anchor's year (0), the next one after the anchor's month (1), the
    /// last one before it (-1).
    NamedMonth { month: u32, shift: i32 },
    /// The period of `gran` containing the anchor moved by `offset`:
    /// today (Day, 0), yesterday (Day, -1), next month (Month, 1).
    Relative { gran: Gran, offset: i32 },
    /// Quarter `n` (1-4) or half `n` (1-2) of a year.
    YearPart { year: YearRef, gran: Gran, n: u32 },
    /// The nearest weekday in a direction: "this upcoming Friday"
    /// (`future`), "this past Wednesday".
    NearestWeekday { day: u32, future: bool },
    /// A day of the month named with its weekday ("Sunday 31"): the
    /// nearest month in which that day is that weekday.
    DayOnWeekday { day: u32, weekday: u32 },
    /// From the start of the anchor's period to the anchor: "year to date".
    ToDate(Gran),
    /// A stretch of given length from a day: "for 3 days starting next
    /// Monday", "the week beginning February 4".
    Lasting { from: Box<Date>, amount: Dur },
    /// A stretch at the start (`first`) or end of a period: "the first two
    /// weeks of 2021".
    Edge {
        first: bool,
        amount: Dur,
        of: Box<Date>,
    },
    /// The week containing a date: "the week of April 10th".
    WeekOf(Box<Date>),
    /// An ISO week number: "week 31".
    IsoWeek { year: YearRef, week: u32 },
    /// The decade starting at the year given ("the 1990s").
    Decade(i32),
    /// The century numbered as written ("the 20th century").
    Century(i32),
    /// A season: 0 spring, 1 summer, 2 autumn, 3 winter.
    Season { year: YearRef, season: u32 },
    /// A holiday, by name.
    Holiday { name: &'static str, year: YearRef },
    /// The nth sub-period of a period: "the last week of 2019" (n = -1),
    /// "the first Monday of March" (weekday 1), "the third week of July".
    Nth {
        n: i32,
        unit: NthUnit,
        of: Box<Date>,
    },
    /// A part of a period: "early October", "the end of the year".
    Part { part: Part, of: Box<Date> },
    /// The part of a period before or after the anchor: "earlier this
    /// week", "later this month".
    Side { later: bool, of: Box<Date> },
    /// A point moved by an amount: "two weeks ago" (from today), "three
    /// days after Christmas", "a day later" (from the sentence's date).
    Shift {
        from: Option<Box<Date>>,
        amount: Dur,
        sign: i32,
    },
    /// A stretch next to the anchor: "the past week" (sign -1), "the
    /// coming days" (sign 1), "in recent months".
    Stretch { amount: Dur, sign: i32 },
    /// The present moment, or the past or future in general.
    Ref(RefKind),
}

/// What an [`Date::Nth`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NthUnit {
    Gran(Gran),
    Weekday(u32),
}

/// A year named absolutely, relative to the anchor, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Abs(i32),
    Rel(i32),
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Present,
    Past,
    Future,
}

/// How a bound or a vague point relates to the period it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mod {
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    Start,
    Mid,
    End,
    Approx,
    MoreThan,
    LessThan,
    EqualOrMore,
    EqualOrLess,
}

impl Mod {
    /// The TIMEX3 name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Mod::Before => "BEFORE",
            Mod::After => "AFTER",
            Mod::OnOrBefore => "ON_OR_BEFORE",
            Mod::OnOrAfter => "ON_OR_AFTER",
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::MoreThan => "MORE_THAN",
            Mod::LessThan => "LESS_THAN",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
        }
    }
}

/// A whole time expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A calendar date or period, maybe with a time of day or a part of
    /// the day.
    Date {
        date: Date,
        clock: Option<Clock>,
        day_part: Option<(DayPart, Option<Part>)>,
    },
    /// A time of day with no date ("at 3pm", "this morning" is a Date).
    Time {
        clock: Option<Clock>,
        day_part: Option<(DayPart, Option<Part>)>,
    },
    /// From one point to another, both ends included.
    Range(Box<Expr>, Box<Expr>),
    /// An open bound: since, until, by, before, after.
    Bound(Mod, Box<Expr>),
    /// An amount of time, maybe qualified ("more than a decade").
    Duration(Dur, Option<Mod>),
    /// An amount in several units: "1 year 1 month 21 days", "3 hours 30
    /// minutes".
    Durations(Vec<Dur>, Option<Mod>),
    /// A recurrence: "every week", "each Monday at 4pm".
    Set(SetExpr),
}

/// A recurring time.
#[derive(Debug, Clone, PartialEq)]
pub struct SetExpr {
    /// The period: "P1W" for weekly.
    pub every: Option<Dur>,
    /// A weekday that recurs.
    pub weekday: Option<u32>,
    pub clock: Option<Clock>,
    pub day_part: Option<DayPart>,
}
