//! Readers: files, folders, stdin and JSON Lines, with encodings detected
//! and metadata the user already knows (a manifest) attached.
//!
//! Ingest turns bytes into [`RawDocument`]s: decoded text plus given
//! metadata. It never cleans or interprets the text; that is the cleaner's
//! job. Every failure is an [`IngestError`] for one input, never a panic,
//! so a batch goes on past a bad file.

mod decode;
mod discover;
mod error;
mod html_charset;
mod manifest;
mod read;
mod warc;

pub use decode::{decode, Decoded};
pub use discover::{discover, Input, PathFilter};
pub use error::{ErrorKind, IngestError};
pub use html_charset::{decode_html, looks_like_html, meta_charset};
pub use manifest::Manifest;
pub use read::{read_bytes, read_input, read_input_each, ReadOptions};
pub use warc::read_warc;

pub use storyline_model::{GivenMeta, Markup, RawDocument};
