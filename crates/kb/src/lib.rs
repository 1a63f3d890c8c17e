//! The knowledge base and the entity stage: countries, organisations,
//! people with their offices, places, and role words, shipped as data
//! files built into the binary and extendable by the user; mention
//! detection over the whole base at once, readings chosen by context,
//! people found from cues, within-document coreference, and actor codes
//! in the CAMEO/PLOVER style (`USA GOV`, `PRK MIL`, `IGO NATO`).
//!
//! This crate does no IO: user files are passed in as text.

mod annotate;
mod compose;
mod coref;
mod cues;
mod data;
mod error;
mod fold;
mod kb;
mod matcher;
mod ner;
pub mod roles;
mod search;
mod words;

pub use annotate::{annotate, Parsed};
/// The calendar date type offices are resolved with.
pub use chrono::NaiveDate as Date;
pub use compose::actor_code;
pub use error::KbError;
pub use fold::fold_name;
pub use kb::{Country, Kb, Office, Org, Person, Place, BUILTIN_FILES};
pub use search::{search, Found};

/// Every knowledge-base name found in `text` at word boundaries and in
/// the case it requires, as char spans, overlapping ones included: the
/// dictionary-matching step alone, before readings are chosen.
pub fn match_names(kb: &Kb, text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let folded = fold::fold(text);
    matcher::find_hits(kb, &folded, &chars)
        .into_iter()
        .map(|h| (h.start, h.end))
        .collect()
}
