//! `figures`, `times`, `entities`, `claims`, `events` and `occurrences`: one article's
//! annotations of one kind, as a table for people or as JSON.

use super::across;
use crate::pipeline::{self, InputArgs, ReadArgs, VerbsArg};
use crate::render;
use crate::DbArg;
use anyhow::Result;
use clap::parser::ValueSource;
use clap::{ArgMatches, Args as _, Command};
use std::path::PathBuf;

/// Where a listing reads from: one article, or the store. `times`,
/// `entities`, `claims` and `occurrences` take this alone; `figures` and
/// `events` add the options only they use.
#[derive(clap::Args)]
pub struct Args {
    /// The article: a file, or `-` for stdin. Without one, the store
    /// (`--db`) is read and every stored document's annotations are
    /// listed under a line with its id and title.
    path: Option<PathBuf>,
    #[command(flatten)]
    input: ReadArgs,
    #[command(flatten)]
    db: DbArg,
    /// Print them as JSON (from the store: one line per document).
    #[arg(long)]
    json: bool,
}

/// `figures`: from a file its figures; from the store figure tracks, or
/// each document's figures.
#[derive(clap::Args)]
pub struct FiguresArgs {
    #[command(flatten)]
    source: Args,
    /// Only this story's figure tracks (an id from `storyline stories`).
    #[arg(long, conflicts_with_all = ["path", "per_document"])]
    story: Option<u64>,
    /// List each stored document's figures instead of tracks.
    #[arg(long, conflicts_with = "path")]
    per_document: bool,
}

/// `events`: from a file its events; from the store each document's
/// events, or the events merged across articles.
#[derive(clap::Args)]
pub struct EventsArgs {
    #[command(flatten)]
    source: Args,
    #[command(flatten)]
    verbs: VerbsArg,
    /// Only this story's events, merged across its articles (implies
    /// `--merged`).
    #[arg(long, conflicts_with = "path")]
    story: Option<u64>,
    /// Each event once, merged across the stored articles, with its
    /// mentions and sources.
    #[arg(long, conflicts_with = "path")]
    merged: bool,
}

/// Which annotations to print.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Figures,
    Times,
    Entities,
    Claims,
    Events,
    Occurrences,
}

impl Kind {
    /// The subcommand that prints this kind.
    pub fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "figures" => Kind::Figures,
            "times" => Kind::Times,
            "entities" => Kind::Entities,
            "claims" => Kind::Claims,
            "events" => Kind::Events,
            "occurrences" => Kind::Occurrences,
            _ => return None,
        })
    }
}

/// An option given to a listing that its source makes meaningless: a
/// reading option (`--kb`, `--verbs`, `--published`, ...) without a file,
/// since then the store is read and nothing is annotated, or `--db` with
/// a file, since then no store is read. Clap declares conflicts between
/// single arguments, not between a whole flattened group and the absence
/// of the file, so this is checked on the parsed matches; the store
/// options conflict with the file in the derive instead. A `--db` from
/// `STORYLINE_DB` is not given on the command line and never refused.
pub fn misplaced_option(sub: &Command, matches: &ArgMatches) -> Option<String> {
    Kind::from_name(sub.get_name())?;
    let given = |id: &str| matches.value_source(id) == Some(ValueSource::CommandLine);
    let long = |id: &str| {
        sub.get_arguments()
            .find(|a| a.get_id() == id)
            .and_then(|a| a.get_long())
            .unwrap_or(id)
            .to_string()
    };
    let has_file = matches.contains_id("path") && given("path");
    if has_file {
        return given("db").then(|| {
            "`--db` names a store to read, but a FILE was given: the file is read, not the store"
                .to_string()
        });
    }
    let reading = ReadArgs::augment_args(Command::new("read"));
    let verbs = VerbsArg::augment_args(Command::new("verbs"));
    let ids: Vec<String> = reading
        .get_arguments()
        .chain(verbs.get_arguments())
        .map(|a| a.get_id().to_string())
        .collect();
    let misplaced = sub
        .get_arguments()
        .map(|a| a.get_id().as_str())
        .find(|id| ids.iter().any(|r| r == id) && given(id))?;
    Some(format!(
        "`--{}` applies to reading an article, but no FILE was given: without one the store is \
         read (give a FILE or `-`, or leave the option out)",
        long(misplaced)
    ))
}

pub fn figures(args: FiguresArgs) -> Result<u8> {
    if args.source.path.is_none() && !args.per_document {
        return across::figure_tracks(&args.source.db, args.story, args.source.json);
    }
    run(args.source, VerbsArg::default(), Kind::Figures)
}

pub fn events(args: EventsArgs) -> Result<u8> {
    if args.source.path.is_none() && (args.merged || args.story.is_some()) {
        return across::merged_events(&args.source.db, args.story, args.source.json);
    }
    run(args.source, args.verbs, Kind::Events)
}

/// One article's annotations of one kind, or every stored document's;
/// `verbs` are the user's verb patterns, given only to `events`.
pub fn run(args: Args, verbs: VerbsArg, kind: Kind) -> Result<u8> {
    let from_store = args.path.is_none();
    let input = InputArgs {
        read: args.input,
        verbs,
    };
    let docs = match &args.path {
        Some(path) => pipeline::collect_one(path, &input)?,
        None => super::open_existing(&args.db)?.documents()?,
    };
    for doc in &docs {
        if kind == Kind::Times && !from_store {
            if let Some(hint) = undated_hint(doc) {
                eprintln!("{hint}");
            }
        }
        let items = match kind {
            Kind::Figures => serde_json::to_value(&doc.quantities)?,
            Kind::Times => serde_json::to_value(&doc.times)?,
            Kind::Entities => serde_json::to_value(&doc.entities)?,
            Kind::Claims => serde_json::to_value(&doc.claims)?,
            Kind::Events => serde_json::to_value(&doc.events)?,
            Kind::Occurrences => serde_json::to_value(&doc.occurrences)?,
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
            Kind::Occurrences => render::occurrences_table(&doc.occurrences),
        };
        out!("{table}")?;
    }
    Ok(crate::exit::OK)
}

/// A hint for a document whose time expressions could not be anchored:
/// with no publication date, "Friday" stays `XXXX-WXX-5`, and the reader
/// should know that `--published` (or a page that states its date) fills
/// it in.
fn undated_hint(doc: &storyline_model::Document) -> Option<String> {
    let unanchored = doc.times.iter().filter(|t| t.value.contains('X')).count();
    (doc.published.is_none() && unanchored > 0).then(|| {
        format!(
            "hint: {}: no publication date was found, so {unanchored} time expression(s) keep \
             unknown parts (X); give one with --published YYYY-MM-DD",
            doc.source
        )
    })
}
