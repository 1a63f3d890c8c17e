//! The across-articles views of the store: `stories`, `timeline`, figure
//! tracks (`figures` without a file) and merged events (`events
//! --merged`), for all stories or one.

use crate::render;
use crate::DbArg;
use anyhow::{bail, Result};
use storyline_model::Document;
use storyline_store::Store;

#[derive(clap::Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    db: DbArg,
    /// Print them as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    db: DbArg,
    /// Only this story (an id from `storyline stories`).
    #[arg(long)]
    story: Option<u64>,
    /// Only the N most salient entries (more independent sources, news
    /// an article leads with, a figure), still in time order.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Print it as JSON.
    #[arg(long)]
    json: bool,
}

pub fn open(db: &DbArg) -> Result<Store> {
    super::open_existing(db)
}

/// The independent articles of one story, or of the whole store: copies
/// are left out, so that no figure or event counts a copy as a source.
/// They are read without their tokens, which no story-level result reads
/// and which were most of the time to read them.
pub fn independent_documents(store: &Store, story: Option<u64>) -> Result<Vec<Document>> {
    let documents = match story {
        Some(id) => {
            if store.story(id)?.is_none() {
                bail!("no story {id}; hint: `storyline stories` lists them");
            }
            store.story_documents_without_tokens(id)?
        }
        None => store.documents_without_tokens()?,
    };
    let groups = store.copy_groups()?;
    let copies = storyline_story::copy_ids(&groups);
    Ok(documents
        .into_iter()
        .filter(|d| !copies.contains(d.id.as_str()))
        .collect())
}

pub fn stories(args: StoriesArgs) -> Result<u8> {
    let store = open(&args.db)?;
    let stories = store.stories()?;
    if args.json {
        let list: Vec<storyline_story::StorySummary> = stories.iter().map(Into::into).collect();
        outln!("{}", serde_json::to_string_pretty(&list)?)?;
    } else {
        for s in &stories {
            out!("{}", render::story_line(s))?;
        }
    }
    Ok(crate::exit::OK)
}

pub fn timeline(args: TimelineArgs) -> Result<u8> {
    let store = open(&args.db)?;
    let docs = independent_documents(&store, args.story)?;
    let refs: Vec<&Document> = docs.iter().collect();
    let mut entries = storyline_story::timeline_of(&refs, &storyline_story::merge(&refs));
    if let Some(n) = args.top {
        entries = storyline_story::top(&entries, n);
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&entries)?)?;
    } else {
        for e in &entries {
            out!("{}", render::timeline_entry(e))?;
        }
    }
    Ok(crate::exit::OK)
}

/// Figure tracks of a story or of the store.
pub fn figure_tracks(db: &DbArg, story: Option<u64>, json: bool) -> Result<u8> {
    let store = open(db)?;
    let docs = independent_documents(&store, story)?;
    let refs: Vec<&Document> = docs.iter().collect();
    let tracks = storyline_story::tracks(&refs);
    if json {
        outln!("{}", serde_json::to_string_pretty(&tracks)?)?;
    } else {
        for t in &tracks {
            out!("{}", render::figure_track(t))?;
        }
    }
    Ok(crate::exit::OK)
}

/// Merged events of a story or of the store.
pub fn merged_events(db: &DbArg, story: Option<u64>, json: bool) -> Result<u8> {
    let store = open(db)?;
    let docs = independent_documents(&store, story)?;
    let refs: Vec<&Document> = docs.iter().collect();
    let events = storyline_story::merge(&refs);
    if json {
        outln!("{}", serde_json::to_string_pretty(&events)?)?;
    } else {
        out!("{}", render::merged_events_table(&events))?;
    }
    Ok(crate::exit::OK)
}
