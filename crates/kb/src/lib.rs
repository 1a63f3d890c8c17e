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
pub mod roles;
mod search;
mod words;

pub use annotate::annotate;
pub use compose::actor_code;
pub use error::KbError;
pub use fold::fold_name;
pub use kb::{Country, Kb, Office, Org, Person, Place, BUILTIN_FILES};
pub use search::{search, Found};
