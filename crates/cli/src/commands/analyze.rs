use crate::pipeline::{self, InputArgs};
use crate::render;
use anyhow::Result;
use std::path::PathBuf;
use storyline_store::Store;
use storyline_story::StorySummary;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively) or `-` for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    /// Print the complete result as JSON.
    #[arg(long)]
    json: bool,
}

/// The machine-readable result. `events` holds the merged events: each
/// event once, with the mentions and distinct sources that report it.
#[derive(serde::Serialize)]
struct Report<'a> {
    documents: &'a [storyline_model::Document],
    /// Stories: label, date span, articles and outlets.
    stories: Vec<StorySummary>,
    /// Wire copies and near-duplicates: each group's canonical article,
    /// its copies and the agency they share.
    copies: &'a [storyline_story::CopyGroup],
    events: Vec<storyline_story::MergedEvent>,
    /// Figure tracks over the canonical articles (copies are not second
    /// sources), with their disagreements.
    figures: Vec<storyline_story::FigureTrack>,
    timeline: Vec<storyline_story::TimelineEntry>,
}

pub fn run(args: Args) -> Result<u8> {
    pipeline::check_inputs_exist(&args.paths)?;
    let mut store = Store::open_in_memory()?;
    let summary = pipeline::ingest(&args.paths, &args.input, &mut store)?;
    summary.print_problems();
    let documents = store.documents()?;
    let copies = store.copy_groups()?;
    let stories = store.stories()?;
    let canonical = storyline_story::independent(&documents, &copies);
    let figures = storyline_story::tracks(&canonical);
    let events = storyline_story::merge(&canonical);
    let timeline = storyline_story::timeline_of(&canonical, &events);
    if args.json {
        let report = Report {
            documents: &documents,
            stories: stories.iter().map(StorySummary::from).collect(),
            copies: &copies,
            events,
            figures,
            timeline,
        };
        outln!("{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        outln!(
            "{} documents ({} duplicates merged, {} failed)\n",
            documents.len(),
            summary.duplicates,
            summary.failed.len()
        )?;
        for doc in &documents {
            out!("{}", render::doc_header(doc))?;
            outln!("")?;
        }
        // Each story with its own timeline and figure tracks; copies are
        // listed with the story but are not sources.
        for story in &stories {
            out!("{}", render::story_line(story))?;
            let members: Vec<&storyline_model::Document> = canonical
                .iter()
                .copied()
                .filter(|d| story.documents.iter().any(|m| m == d.id.as_str()))
                .collect();
            let story_events = storyline_story::merge(&members);
            outln!("timeline:")?;
            for e in storyline_story::timeline_of(&members, &story_events) {
                out!("{}", render::timeline_entry(&e))?;
            }
            for t in storyline_story::tracks(&members) {
                out!("{}", render::figure_track(&t))?;
            }
            outln!("")?;
        }
        for g in &copies {
            outln!(
                "copies of {} ({}, similarity at least {:.2}): {}",
                g.canonical,
                g.agency.as_deref().unwrap_or("no agency credited"),
                g.similarity,
                g.copies.join(", ")
            )?;
        }
    }
    Ok(summary.exit_code())
}
