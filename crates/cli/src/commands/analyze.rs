use crate::pipeline::{self, InputArgs};
use crate::render;
use anyhow::Result;
use std::collections::HashSet;
use std::io::Write as _;
use std::path::PathBuf;
use storyline_store::{DocSummary, Store};
use storyline_story::{
    FigureTrack, MergedEvent, Merging, OccurrenceMerging, Reporting, Story, StorySummary,
    TimelineEntry, Tracking,
};

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
    documents: StoredDocuments<'a>,
    /// Stories: label, date span, articles and outlets.
    stories: Vec<StorySummary>,
    /// Wire copies and near-duplicates: each group's canonical article,
    /// its copies and the agency they share.
    copies: &'a [storyline_story::CopyGroup],
    events: Vec<MergedEvent>,
    /// Figure tracks over the canonical articles (copies are not second
    /// sources), with their disagreements.
    figures: Vec<FigureTrack>,
    timeline: Vec<TimelineEntry>,
}

/// The store's documents, each read from it only as it is written out, so
/// that the report never holds more than one document with its tokens.
struct StoredDocuments<'a> {
    store: &'a Store,
    listing: &'a [DocSummary],
}

impl serde::Serialize for StoredDocuments<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(Some(self.listing.len()))?;
        for summary in self.listing {
            let doc = self.store.document(&summary.id).map_err(S::Error::custom)?;
            seq.serialize_element(&doc)?;
        }
        seq.end()
    }
}

/// What one story contributes to the report, worked out from its
/// independent articles (copies are not second sources).
struct StoryReport {
    events: Vec<MergedEvent>,
    figures: Vec<FigureTrack>,
    timeline: Vec<TimelineEntry>,
}

impl StoryReport {
    /// Reads the story's independent articles one at a time, without
    /// their tokens, and drops each before the next: memory holds one
    /// article and what the report prints, not the whole story, however
    /// many articles it has. Each article is read twice, in the orders
    /// the story's results are defined in: events and occurrences merge
    /// in publication order, and figure tracks and dated reports follow
    /// the store's order, the second pass also knowing which sentences the
    /// merged happenings already tell.
    fn of(store: &Store, story: &Story, copies: &HashSet<&str>) -> Result<StoryReport> {
        let members: Vec<(String, Option<String>)> = store
            .story_document_dates(story.id)?
            .into_iter()
            .filter(|(id, _)| !copies.contains(id.as_str()))
            .collect();
        let mut by_publication: Vec<&(String, Option<String>)> = members.iter().collect();
        by_publication.sort_by_key(|(id, published)| {
            storyline_story::publication_order_key(published.clone(), id)
        });
        let mut events = Merging::default();
        let mut occurrences = OccurrenceMerging::default();
        for (id, _) in by_publication {
            let doc = store.document_without_tokens(id)?;
            events.add(&doc);
            occurrences.add(&doc);
        }
        let events = events.finish();
        let occurrences = occurrences.finish();
        let covered = storyline_story::covered(&events, &occurrences);
        let mut figures = Tracking::default();
        let mut reports = Reporting::default();
        for (id, _) in &members {
            let doc = store.document_without_tokens(id)?;
            figures.add(&doc);
            reports.add(&doc, &covered);
        }
        let timeline = storyline_story::timeline(&events, &occurrences, &reports.finish());
        Ok(StoryReport {
            events,
            figures: figures.finish(),
            timeline,
        })
    }
}

pub fn run(args: Args) -> Result<u8> {
    pipeline::check_inputs_exist(&args.paths)?;
    // A temporary store on disk rather than in memory: a folder of ten
    // thousand articles would otherwise be held whole (tokens included)
    // until the report is printed.
    let mut store = Store::open_scratch()?;
    let summary = pipeline::ingest(&args.paths, &args.input, &mut store)?;
    summary.print_problems();
    let listing = store.list()?;
    let copies = store.copy_groups()?;
    let copy_ids = storyline_story::copy_ids(&copies);
    let stories = store.stories()?;
    if args.json {
        let mut report = Report {
            documents: StoredDocuments {
                store: &store,
                listing: &listing,
            },
            stories: stories.iter().map(StorySummary::from).collect(),
            copies: &copies,
            events: Vec::new(),
            figures: Vec::new(),
            timeline: Vec::new(),
        };
        // Events, tracks and timeline entries are each a story's own:
        // articles of different stories are about different happenings.
        for story in &stories {
            let part = StoryReport::of(&store, story, &copy_ids)?;
            report.events.extend(part.events);
            report.figures.extend(part.figures);
            report.timeline.extend(part.timeline);
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::from)?;
        writeln!(out)?;
        out.flush()?;
    } else {
        outln!(
            "{} documents ({} duplicates merged, {} failed)\n",
            listing.len(),
            summary.duplicates,
            summary.failed.len()
        )?;
        for summary in &listing {
            out!("{}", render::doc_header(&store.document(&summary.id)?))?;
            outln!("")?;
        }
        // Each story with its own timeline and figure tracks; copies are
        // listed with the story but are not sources.
        for story in &stories {
            out!("{}", render::story_line(story))?;
            let part = StoryReport::of(&store, story, &copy_ids)?;
            outln!("timeline:")?;
            for e in &part.timeline {
                out!("{}", render::timeline_entry(e))?;
            }
            for t in &part.figures {
                out!("{}", render::figure_track(t))?;
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
