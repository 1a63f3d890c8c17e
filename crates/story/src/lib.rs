//! Across articles. So far: wire copies and near-duplicates, found
//! incrementally with MinHash signatures and banding, grouped around the
//! earliest article with the agency they share, so that a copy is never
//! counted as an independent source; and figure tracks with their
//! disagreements.
//!
//! This crate does no IO.

pub mod copies;
pub mod figures;
pub mod minhash;

pub use copies::{CopyGroup, CopyIndex, COPY_THRESHOLD};
pub use figures::{tracks, Disagreement, FigureTrack, Observation};
pub use minhash::Signature;
