//! Numbers in news text, in digits and in words.
//!
//! [`find_numbers`] returns every number with its byte range, its value
//! and its kind. Quantities (qualifiers, units, money, what is counted)
//! build on it. This crate does no IO.
//!
//! Values are `f64`. A number too large for it (a 400-digit run) is not
//! reported at all rather than reported as infinity: no figure in news
//! needs it, and an absurd value would poison every comparison downstream.

mod currency;
mod format;
mod number;
mod ordinal;
mod phrase;
mod quantity;
mod range;
mod words;

pub use currency::Currency;
pub use format::format_value;
pub use number::{find_numbers, NumberKind, NumberMatch};
pub use ordinal::{find_ordinals, Ordinal, OrdinalMatch};
pub use quantity::{find_quantities, Quantity};
pub use range::{find_ranges, NumberRange};
pub use words::cardinal as cardinal_word;

/// The position an ordinal word names (`first` 1, `twentieth` 20), for
/// other stages that read dates ("the twenty-first"); plurals and the
/// fraction-only words "half" and "quarter" are not positions.
pub fn ordinal_word(word: &str) -> Option<u64> {
    ordinal::ordinal_word(word).map(|(v, _)| v as u64)
}

use storyline_model::CharIndex;

/// The quantities of a cleaned text as document annotations, with
/// character offsets.
pub fn annotate(text: &str) -> Vec<storyline_model::Quantity> {
    let index = CharIndex::new(text);
    find_quantities(text)
        .into_iter()
        .map(|q| storyline_model::Quantity {
            text: text[q.start..q.end].to_string(),
            start: index.char_of_byte(q.start),
            end: index.char_of_byte(q.end),
            value: q.value,
            low: q.low,
            high: q.high,
            low_inclusive: q.low_inclusive,
            high_inclusive: q.high_inclusive,
            qualifier: q.qualifier.map(str::to_string),
            approximate: q.approximate,
            currency: q.currency.map(str::to_string),
            currency_assumed: q.currency_assumed,
            currency_name: q.currency_name.map(str::to_string),
            measure: q.measure.to_string(),
            counted: q.counted.map(|(s, e)| text[s..e].to_string()),
            counted_span: q.counted.map(|(s, e)| index.span_of_bytes(s, e)),
            conversion_of: q.conversion_of,
            claim: None,
            said_by: None,
        })
        .collect()
}
