//! Text utilities shared by the cleaner and the recognisers: sentence
//! segmentation and small English word lists.
//!
//! Functions here take `&str` and return byte ranges into it; callers that
//! store spans convert them to character offsets with
//! `storyline_model::CharIndex`.

mod sentences;
mod words;

pub use sentences::split_sentences;
pub use words::{is_stopword, words};
