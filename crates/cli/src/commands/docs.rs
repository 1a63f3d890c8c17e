use crate::render;
use crate::DbArg;
use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Print the listing as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<u8> {
    let store = super::open_existing(&args.db)?;
    let rows = store.list()?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&rows)?)?;
    } else {
        out!("{}", render::docs_table(&rows))?;
    }
    Ok(crate::exit::OK)
}
