//! Numbers in news text, in digits and in words.
//!
//! [`find_numbers`] returns every number with its byte range, its value
//! and its kind. Quantities (qualifiers, units, money, what is counted)
//! build on it. This crate does no IO.
//!
//! Values are `f64`. A number too large for it (a 400-digit run) is not
//! reported at all rather than reported as infinity: no figure in news
//! needs it, and an absurd value would poison every comparison downstream.

mod format;
mod number;
mod words;

pub use format::format_value;
pub use number::{find_numbers, NumberKind, NumberMatch};
