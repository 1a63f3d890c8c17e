pub mod across;
pub mod analyze;
pub mod annotations;
pub mod archive;
pub mod docs;
pub mod eval;
pub mod eval_pages;
pub mod export;
pub mod extract;
pub mod help;
pub mod ingest;
pub mod kb;
pub mod parse;
pub mod serve;
pub mod show;

use crate::DbArg;
use storyline_store::{Location, Store, StoreError};

/// Opens the store a read command reads. A missing file is an error with
/// a hint to ingest first: creating an empty store would turn a mistyped
/// `--db` into an empty listing that looks like success.
pub fn open_existing(db: &DbArg) -> anyhow::Result<Store> {
    Store::connect_existing(&db.db).map_err(|e| store_error(e, &db.db))
}

/// A store error with the store named once: the errors that already name
/// it are passed on as they are, the others get it as context.
pub fn store_error(e: StoreError, location: &Location) -> anyhow::Error {
    match e {
        StoreError::NotFound(_) | StoreError::Open { .. } => e.into(),
        e => anyhow::Error::new(e).context(format!("cannot open store {location}")),
    }
}
