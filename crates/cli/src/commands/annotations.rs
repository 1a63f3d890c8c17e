//! `figures`, `times`, `entities`, `claims` and `events`: one article's
//! annotations of one kind, as a table for people or as JSON.

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
    /// Print them as JSON.
    #[arg(long)]
    json: bool,
}

/// Which annotations to print.
pub enum Kind {
    Figures,
    Times,
    Entities,
    Claims,
    Events,
}

pub fn run(args: Args, kind: Kind) -> Result<u8> {
    for doc in &pipeline::collect_one(&args.path, &args.input)? {
        let text = match (&kind, args.json) {
            (Kind::Figures, true) => serde_json::to_string_pretty(&doc.quantities)? + "\n",
            (Kind::Times, true) => serde_json::to_string_pretty(&doc.times)? + "\n",
            (Kind::Entities, true) => serde_json::to_string_pretty(&doc.entities)? + "\n",
            (Kind::Claims, true) => serde_json::to_string_pretty(&doc.claims)? + "\n",
            (Kind::Events, true) => serde_json::to_string_pretty(&doc.events)? + "\n",
            (Kind::Figures, false) => render::figures_table(&doc.quantities),
            (Kind::Times, false) => render::times_table(&doc.times),
            (Kind::Entities, false) => render::entities_table(&doc.entities),
            (Kind::Claims, false) => render::claims_table(&doc.claims, &doc.text),
            (Kind::Events, false) => render::events_table(&doc.events),
        };
        out!("{text}")?;
    }
    Ok(crate::exit::OK)
}
