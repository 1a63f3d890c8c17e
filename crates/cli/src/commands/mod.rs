pub mod analyze;
pub mod docs;
pub mod extract;
pub mod ingest;
pub mod show;
