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
    let mut store = Store::open(&args.db.db)
        .with_context(|| format!("cannot open store {}", args.db.db.display()))?;
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
