pub mod analyze;
pub mod docs;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod show;
