use serde::{Deserialize, Serialize};

/// A time expression in a document's text, resolved against the
/// document's date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub text: String,
    /// Character offsets into the cleaned text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// `date`, `time`, `duration` or `set`.
    pub kind: String,
    /// TIMEX3-style value: `2024-10-24`, `2024-W43`, `2024-10`, `P1W`,
    /// `PRESENT_REF`, `XXXX-11-01` when the year is not known, and
    /// `START/END` with each end's value for a range.
    pub value: String,
    /// Calendar days covered, ISO dates, end exclusive; a side is `null`
    /// when open ("since February 2022") or unknown.
    pub interval: [Option<String>; 2],
    /// The same with times of day (`2024-11-01T15:00:00`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moments: Option<[Option<String>; 2]>,
    /// `second`, `minute`, `hour`, `day`, `week`, `month`, `quarter`,
    /// `year`, `decade` or `century`.
    pub precision: Option<String>,
    /// TIMEX3 modifier: `START`, `MID`, `END`, `APPROX`, `BEFORE`, `AFTER`,
    /// `ON_OR_BEFORE`, `ON_OR_AFTER`, `MORE_THAN`, `LESS_THAN`, ...
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
    /// The date the value was computed from (`null` when the expression
    /// names its date in full) and which date it was: `published` or
    /// `discourse` (the date under discussion in the text).
    pub anchor: Option<String>,
    pub anchor_from: Option<String>,
    /// Which way the clause looks from the anchor: `past`, `future` or
    /// `null` when the tense does not say.
    pub tense: Option<String>,
}

/// The dates a sentence is about, for the stages that date events and
/// claims: when the reported event happened, and when it was said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceDates {
    /// Index into `Document::sentences`.
    pub sentence: usize,
    /// The time expression (index into `Document::times`) that dates the
    /// sentence's event, when it has one.
    pub refers_to: Option<usize>,
    /// The event's days, ISO, end exclusive, from that expression.
    pub refers_to_interval: Option<[Option<String>; 2]>,
    /// When the statement was made: a date attached to the reporting verb
    /// ("said on Wednesday"), else the publication date.
    pub said_on: Option<String>,
    /// `text` when `said_on` comes from the sentence, `published`
    /// otherwise.
    pub said_on_from: Option<String>,
}
