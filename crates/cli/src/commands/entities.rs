use crate::pipeline::{self, InputArgs};
use crate::render;
use anyhow::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The article: a file, or `-` for stdin.
    path: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    /// Print the entities as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<u8> {
    for doc in &pipeline::collect_one(&args.path, &args.input)? {
        if args.json {
            outln!("{}", serde_json::to_string_pretty(&doc.entities)?)?;
        } else {
            out!("{}", render::entities_table(&doc.entities))?;
        }
    }
    Ok(crate::exit::OK)
}
