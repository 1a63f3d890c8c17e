//! The knowledge base and the entity stage: countries, organisations,
//! people with their offices, places, and role words, shipped as data
//! files built into the binary and extendable by the user; mention
//! detection over the whole base at once, readings chosen by context,
//! people found from cues, within-document coreference, and actor codes
//! in the CAMEO/PLOVER style (`USA GOV`, `PRK MIL`, `IGO NATO`).
//!
//! The data comes in three tiers, the higher beating the lower: the
//! user's files (`Kb::load`), the hand-made shipped files (`people.tsv`,
//! `orgs.tsv`, `sectors.tsv`, ..., kept current), and the people,
//! organisations and role words converted from the PETRARCH2 Phoenix
//! dictionaries (`phoenix-*.tsv`, MIT, by `scripts/kb/convert_phoenix.py`).
//! A lower tier loses every id and every name a higher tier has. Phoenix
//! stops around 2016, so its roles without an end carry a "known until"
//! date (2017-01-01, an optional eighth field of office records, open to
//! user files too) from which they are neither held nor former: the
//! person is found with no office. Current office-holders stay right
//! because the hand-made files, which say who holds an office now, beat
//! Phoenix; a user's file beats both.
//!
//! This crate does no IO: user files are passed in as text.

mod annotate;
mod appositions;
mod arena;
mod compose;
mod coref;
mod cues;
mod data;
mod error;
mod fold;
mod kb;
mod local_ids;
mod matcher;
mod names;
mod ner;
mod prebuilt;
mod pronouns;
mod records;
pub mod roles;
mod search;
mod tree;
mod unlinked;
mod words;

pub use annotate::{annotate, Parsed};
/// The calendar date type offices are resolved with.
pub use chrono::NaiveDate as Date;
pub use compose::actor_code;
pub use error::KbError;
pub use fold::fold_name;
pub use kb::{Country, Kb, Office, Org, Person, Place, BUILTIN_FILES};
pub use records::Records;
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
