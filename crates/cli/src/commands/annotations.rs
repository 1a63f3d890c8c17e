//! `figures`, `times`, `entities`, `claims` and `events`: one article's
//! annotations of one kind, as a table for people or as JSON.

use super::across;
use crate::pipeline::{self, InputArgs};
use crate::render;
use crate::DbArg;
use anyhow::{Context, Result};
use std::path::PathBuf;
use storyline_store::Store;

#[derive(clap::Args)]
pub struct Args {
    /// The article: a file, or `-` for stdin. Without one, the store is
    /// read: `figures` prints figure tracks across articles, `events
    /// --merged` merged events, and the others list every document's
    /// annotations under a line with its id and title.
    path: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    db: DbArg,
    /// Print them as JSON (from the store: one line per document).
    #[arg(long)]
    json: bool,
    /// From the store, only this story (for figure tracks and merged
    /// events).
    #[arg(long, conflicts_with = "path")]
    story: Option<u64>,
    /// `events`: each event once, merged across articles, with its
    /// mentions and sources.
    #[arg(long, conflicts_with = "path")]
    merged: bool,
    /// `figures`: list each stored document's figures instead of tracks.
    #[arg(long, conflicts_with = "path")]
    per_document: bool,
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
    let from_store = args.path.is_none();
    if from_store {
        match kind {
            Kind::Figures if !args.per_document => {
                return across::figure_tracks(&args.db, args.story, args.json)
            }
            Kind::Events if args.merged || args.story.is_some() => {
                return across::merged_events(&args.db, args.story, args.json)
            }
            _ => {}
        }
    }
    let docs = match &args.path {
        Some(path) => pipeline::collect_one(path, &args.input)?,
        None => Store::open(&args.db.db)
            .with_context(|| format!("cannot open store {}", args.db.db.display()))?
            .documents()?,
    };
    for doc in &docs {
        let items = match kind {
            Kind::Figures => serde_json::to_value(&doc.quantities)?,
            Kind::Times => serde_json::to_value(&doc.times)?,
            Kind::Entities => serde_json::to_value(&doc.entities)?,
            Kind::Claims => serde_json::to_value(&doc.claims)?,
            Kind::Events => serde_json::to_value(&doc.events)?,
        };
        if args.json && from_store {
            // One line per document, so the listing is JSON Lines.
            let line = serde_json::json!({"document": doc.id.as_str(), "items": items});
            outln!("{}", serde_json::to_string(&line)?)?;
            continue;
        }
        if args.json {
            outln!("{}", serde_json::to_string_pretty(&items)?)?;
            continue;
        }
        if from_store {
            outln!(
                "# {} {}",
                doc.id.as_str(),
                doc.title.as_deref().unwrap_or("")
            )?;
        }
        let table = match kind {
            Kind::Figures => render::figures_table(&doc.quantities),
            Kind::Times => render::times_table(&doc.times),
            Kind::Entities => render::entities_table(&doc.entities),
            Kind::Claims => render::claims_table(&doc.claims, &doc.text),
            Kind::Events => render::events_table(&doc.events),
        };
        out!("{table}")?;
    }
    Ok(crate::exit::OK)
}
