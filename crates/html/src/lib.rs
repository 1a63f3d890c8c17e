//! Main text and metadata from HTML pages.

pub mod aeb;
