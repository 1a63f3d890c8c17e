//! Text utilities shared by the cleaner, the HTML extractor and the
//! recognisers: sentence segmentation, small English word lists, wire
//! agency names, and the date forms pages print about themselves.
//!
//! Functions here take `&str` and return byte ranges into it; callers that
//! store spans convert them to character offsets with
//! `storyline_model::CharIndex`.

pub mod agency;
pub mod dates;
mod sentences;
mod words;

pub use sentences::split_sentences;
pub use words::{is_stopword, words, ATTRIBUTION_LEMMAS, REPORTING_VERBS};
