//! Across articles: wire copies and near-duplicates, found incrementally
//! with MinHash signatures and banding, grouped around the earliest
//! article with the agency they share, so that a copy is never counted as
//! an independent source; stories, clustered incrementally; figure tracks
//! with their disagreements; merged events and occurrences; and the
//! timeline, told in the sources' own words.
//!
//! This crate does no IO.

pub mod copies;
pub mod dates;
pub mod events;
pub mod figures;
pub mod line;
pub mod minhash;
pub mod occurrences;
pub mod profile;
pub mod reports;
pub mod stories;
pub mod summary;
pub mod timeline;

pub use copies::{band_keys, copy_ids, independent, CopyGroup, CopyIndex, COPY_THRESHOLD};
pub use events::{merge, publication_order_key, Mention, MergedEvent, Merging};
pub use figures::{tracks, with_thousands, Disagreement, FigureTrack, Observation, Tracking};
pub use minhash::Signature;
pub use occurrences::{merge_occurrences, MergedOccurrence, OccurrenceMerging};
pub use profile::{profile, Profile};
pub use reports::{dated_reports, DatedReport, Reporting};
pub use stories::{
    assign, attach_copy, listing_order, reconsider, Story, StoryBackend, StoryIndex, StorySummary,
};
pub use timeline::{covered, timeline, timeline_of, top, FirstReport, TimelineEntry};
