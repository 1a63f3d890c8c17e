//! Time expressions in news text: recognition with spans, and resolution
//! to calendar intervals against the article's own date.

mod annotate;
mod calendar;
pub mod expr;
mod grammar;
mod lexicon;
pub mod resolve;
mod tense;
pub mod token;

pub use annotate::annotate;

pub use resolve::{resolve, AnchorUse, Context, Direction, Kind, Precision, Resolution};

/// Recognition options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Read `04/10/2024` as 4 October (day first) rather than April 10.
    pub day_first: bool,
}

/// A time expression found in a text, with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMatch {
    pub start: usize,
    pub end: usize,
    pub expr: expr::Expr,
}

/// Every time expression in `text`, in order, not overlapping.
pub fn find_times(text: &str, opts: &Options) -> Vec<TimeMatch> {
    find_times_with(text, opts, true)
}

/// [`find_times`] with the fast filter on words that cannot start an
/// expression switched off; for the test that the filter loses nothing.
#[doc(hidden)]
pub fn find_times_unfiltered(text: &str, opts: &Options) -> Vec<TimeMatch> {
    find_times_with(text, opts, false)
}

fn find_times_with(text: &str, opts: &Options, filter: bool) -> Vec<TimeMatch> {
    let tokens = token::tokenize(text);
    grammar::scan_with(text, &tokens, opts, filter)
        .into_iter()
        .map(|f| TimeMatch {
            start: tokens[f.first].start,
            end: tokens[f.last].end,
            expr: f.expr,
        })
        .collect()
}
