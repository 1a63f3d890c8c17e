use crate::render;
use crate::DbArg;
use anyhow::{bail, Result};

#[derive(clap::Args)]
pub struct Args {
    /// A document id, or enough of its start to be unique.
    id: String,
    #[command(flatten)]
    db: DbArg,
    /// Print the document's full JSON.
    #[arg(long)]
    json: bool,
    /// Also list the lines cleaning removed, and why.
    #[arg(long)]
    removed: bool,
}

pub fn run(args: Args) -> Result<u8> {
    let store = super::open_existing(&args.db)?;
    let Some(doc) = store.get(&args.id)? else {
        bail!(
            "no document with id `{}`; hint: `storyline docs` lists the ids",
            args.id
        );
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&doc)?)?;
        return Ok(crate::exit::OK);
    }
    out!("{}", render::doc_header(&doc))?;
    if !doc.quantities.is_empty() {
        outln!("\nfigures:")?;
        out!("{}", render::figures_table(&doc.quantities))?;
    }
    if !doc.times.is_empty() {
        outln!("\ntimes:")?;
        out!("{}", render::times_table(&doc.times))?;
    }
    if !doc.entities.is_empty() {
        outln!("\nentities:")?;
        out!("{}", render::entities_table(&doc.entities))?;
    }
    if !doc.claims.is_empty() {
        outln!("\nclaims:")?;
        out!("{}", render::claims_table(&doc.claims, &doc.text))?;
    }
    if !doc.events.is_empty() {
        outln!("\nevents:")?;
        out!("{}", render::events_table(&doc.events))?;
    }
    if args.removed {
        outln!("\nremoved:")?;
        out!("{}", render::removed_lines(&doc))?;
    }
    outln!("\n{}", doc.text)?;
    Ok(crate::exit::OK)
}
