use crate::render;
use crate::DbArg;
use anyhow::{Context, Result};
use storyline_store::Store;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Print the listing as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<u8> {
    let store = Store::open(&args.db.db)
        .with_context(|| format!("cannot open store {}", args.db.db.display()))?;
    let rows = store.list()?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&rows)?)?;
    } else {
        out!("{}", render::docs_table(&rows))?;
    }
    Ok(crate::exit::OK)
}
