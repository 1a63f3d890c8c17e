//! Cleaning scraped article text: boilerplate out, metadata in.
//!
//! [`clean_text`] classifies each line of a scraped page by general
//! signals (position relative to the body, length, punctuation, stopword
//! share, repetition, time-ago markers, credit and call-to-action shapes)
//! and keeps the article. [`build_document`] adds metadata and spans and
//! returns the [`storyline_model::Document`] every later stage reads.
//!
//! This crate does no IO.

mod document;
mod pass;
mod rules;
mod unit;

pub use document::{build_document, spans_are_valid, CleanError};
pub use pass::{Found, Profile};
pub use rules::prepare;

use storyline_model::RemovedLine;

/// The result of cleaning a text.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// Paragraphs of the article, the title first when there is one.
    pub paragraphs: Vec<String>,
    pub title: Option<String>,
    pub removed: Vec<RemovedLine>,
    pub found: Found,
}

impl Cleaned {
    /// The cleaned text: paragraphs separated by a blank line.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Passes are repeated until the text stops changing, so that cleaning
/// cleaned text is a no-op. Real pages settle in one or two.
const MAX_PASSES: usize = 6;

/// Cleans scraped text. Metadata comes from the first pass, which sees
/// the page as it was; later passes only settle the text.
pub fn clean_text(input: &str) -> Cleaned {
    clean_text_as(input, Profile::ScrapedText)
}

/// Cleans text of the given kind; see [`Profile`].
pub fn clean_text_as(input: &str, profile: Profile) -> Cleaned {
    let first = pass::clean_pass(input, profile);
    // A pass is a function of the input's paragraphs. When the first pass
    // kept every paragraph as it was, a second would see the same input and
    // give the same output: the text is already settled.
    let settled = first
        .paragraphs
        .iter()
        .map(String::as_str)
        .eq(unit::split_units(input).iter().map(|u| u.text.as_str()));
    let title = first.title.map(|i| first.paragraphs[i].clone());
    let mut cleaned = Cleaned {
        paragraphs: first.paragraphs,
        title,
        removed: first.removed,
        found: first.found,
    };
    for _ in 1..if settled { 1 } else { MAX_PASSES } {
        let text = cleaned.text();
        let next = pass::clean_pass(&text, profile);
        if next.paragraphs == cleaned.paragraphs {
            break;
        }
        // Lines removed on a later pass are numbered in the intermediate
        // text, which the user never saw; 0 marks them as such.
        cleaned.removed.extend(
            next.removed
                .into_iter()
                .map(|r| RemovedLine { line: 0, ..r }),
        );
        cleaned.title = next.title.map(|i| next.paragraphs[i].clone());
        cleaned.paragraphs = next.paragraphs;
    }
    cleaned
}
