pub mod analyze;
pub mod docs;
pub mod eval;
pub mod extract;
pub mod figures;
pub mod ingest;
pub mod show;
pub mod times;
