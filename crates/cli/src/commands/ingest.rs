use crate::pipeline::{self, InputArgs};
use crate::DbArg;
use anyhow::{Context, Result};
use std::path::PathBuf;
use storyline_store::Store;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively) or `-` for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    input: InputArgs,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<u8> {
    pipeline::check_inputs_exist(&args.paths)?;
    // Only a writer creates a store, and with it the folders it lives
    // in, as `cargo` creates its target folder.
    if let Some(parent) = args.db.db.file().and_then(|f| f.parent()) {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).with_context(|| {
                format!(
                    "cannot create the folder {} for the store",
                    parent.display()
                )
            })?;
        }
    }
    let mut store = Store::connect(&args.db.db).map_err(|e| super::store_error(e, &args.db.db))?;
    let summary = pipeline::ingest(&args.paths, &args.input, &mut store)?;
    summary.print_problems();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        outln!(
            "stored {}, duplicates {}, unchanged {}, failed {}",
            summary.stored,
            summary.duplicates,
            summary.unchanged,
            summary.failed.len()
        )?;
    }
    Ok(summary.exit_code())
}
