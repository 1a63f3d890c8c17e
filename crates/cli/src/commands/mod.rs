pub mod analyze;
pub mod annotations;
pub mod docs;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod kb;
pub mod show;
