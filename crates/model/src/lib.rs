//! The shared vocabulary of storyline: documents, spans, dates and ids.
//!
//! This crate does no IO. Every other stage produces or consumes these
//! types, so they are kept small, serialisable and free of behaviour that
//! belongs to a particular stage.

mod date;
mod document;
mod entity;
mod event;
mod id;
mod raw;
mod span;
mod time;
mod token;
pub mod tree;

pub use date::{DateError, PartialDate, Precision};
pub use document::{DateOrigin, Diagnostic, Document, Quantity, RemovedLine, Severity, SourceRef};
pub use entity::Entity;
pub use event::{Claim, Event, Occurrence};
pub use id::DocId;
pub use raw::{GivenMeta, Markup, PageMeta, RawDocument};
pub use span::{CharIndex, Span};
pub use time::{SentenceDates, TimeExpr};
pub use token::{NerSpan, Token};
