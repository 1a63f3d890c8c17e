//! `storyline export`: the store's events, claims, documents, figure
//! tracks or stories for other tools, as JSON Lines or CSV on stdout.

use crate::DbArg;
use anyhow::{bail, Result};
use chrono::NaiveDate;
use serde_json::{json, Value};
use std::path::PathBuf;
use storyline_model::{Document, Event};
use storyline_store::Store;

#[derive(clap::Args)]
pub struct Args {
    /// What to export: events, claims, documents, figures, stories, or an
    /// archive of all of them (Parquet files partitioned by publication day).
    what: What,
    /// archive: the folder to write the archive to (created if missing;
    /// an archive already there is updated).
    #[arg(required_if_eq("what", "archive"))]
    dir: Option<PathBuf>,
    /// events: plover (PLOVER JSON records, one per line; the default;
    /// also `jsonl`) or csv; claims, documents, figures and stories: jsonl
    /// (the default) or csv; archive: parquet.
    #[arg(long)]
    format: Option<String>,
    /// archive: rewrite only the partitions of this publication day
    /// (YYYY-MM-DD) and later, and of documents with no day; older
    /// partitions are left as they are.
    #[arg(long, value_name = "DAY")]
    since: Option<NaiveDate>,
    #[command(flatten)]
    db: DbArg,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum What {
    Events,
    Claims,
    Documents,
    /// Figure tracks across the independent articles.
    Figures,
    Stories,
    /// Documents, events, claims, figures, entities and stories as a
    /// Parquet archive (`docs/archive.md`).
    Archive,
}

pub fn run(args: Args) -> Result<u8> {
    if args.what != What::Archive {
        if args.dir.is_some() {
            bail!("a folder is given only with `export archive`; hint: the other exports write to stdout");
        }
        if args.since.is_some() {
            bail!("--since applies only to `export archive`");
        }
    }
    let format = args.format.as_deref().unwrap_or(match args.what {
        What::Events => "plover",
        What::Archive => "parquet",
        _ => "jsonl",
    });
    let store = super::open_existing(&args.db)?;
    if args.what == What::Archive {
        if format != "parquet" {
            bail!("format `{format}` is not available for an archive; hint: use --format parquet");
        }
        let dir = args
            .dir
            .as_deref()
            .expect("clap requires the folder of an archive");
        return super::archive::run(&store, dir, args.since);
    }
    let docs = store.documents()?;
    match (args.what, format) {
        (What::Events, "plover" | "jsonl") => {
            for doc in &docs {
                // storyline's own categories have no PLOVER record.
                let plover = doc
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| storyline_code::is_plover(&e.category));
                for (i, e) in plover {
                    outln!("{}", serde_json::to_string(&plover_record(doc, i, e))?)?;
                }
            }
        }
        (What::Events, "csv") => out!("{}", events_csv(&docs)?)?,
        (What::Claims, "jsonl") => {
            for doc in &docs {
                for c in &doc.claims {
                    let mut v = serde_json::to_value(c)?;
                    v["document"] = json!(doc.id.as_str());
                    v["content"] = json!(slice(&doc.text, c.start, c.end));
                    outln!("{}", serde_json::to_string(&v)?)?;
                }
            }
        }
        (What::Claims, "csv") => out!("{}", claims_csv(&docs)?)?,
        (What::Documents, "jsonl") => {
            for doc in &docs {
                outln!("{}", serde_json::to_string(doc)?)?;
            }
        }
        (What::Documents, "csv") => out!("{}", documents_csv(&store)?)?,
        (What::Figures, "jsonl") => {
            for t in tracks(&store)? {
                outln!("{}", serde_json::to_string(&t)?)?;
            }
        }
        (What::Figures, "csv") => out!("{}", figures_csv(&tracks(&store)?)?)?,
        (What::Stories, "jsonl") => {
            for s in store.stories()? {
                outln!(
                    "{}",
                    serde_json::to_string(&storyline_story::StorySummary::from(&s))?
                )?;
            }
        }
        (What::Stories, "csv") => out!("{}", stories_csv(&store)?)?,
        (_, f) => bail!(
            "format `{f}` is not available for this export; hint: events take plover or csv, \
             an archive parquet, the others jsonl or csv"
        ),
    }
    Ok(crate::exit::OK)
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// One event as a PLOVER record: the manual's field names (`id`, `date`,
/// `actor`, `recipient`, `event`, `mode`, `text`) and storyline's
/// provenance beside them.
fn plover_record(doc: &Document, i: usize, e: &Event) -> Value {
    let party = |ids: &[usize], codes: &[String]| -> Vec<Value> {
        ids.iter()
            .zip(codes)
            .map(|(&k, code)| {
                let ent = doc.entities.get(k);
                json!({
                    "actorText": ent.map(|x| x.text.clone()),
                    "code": code.split(' ').next(),
                    "sector": ent.and_then(|x| x.sector.clone()),
                    "actorCode": code,
                    "name": ent.and_then(|x| x.name.clone()),
                })
            })
            .collect()
    };
    let place = e.location_entity.and_then(|k| doc.entities.get(k));
    json!({
        "id": format!("{}-{i}", doc.id.as_str()),
        "date": e.date,
        "dateFrom": e.date_from,
        "actor": party(&e.actor_entities, &e.actors),
        "recipient": party(&e.recipient_entities, &e.recipients),
        "event": [e.category],
        "mode": e.mode,
        "context": e.context,
        "status": e.status,
        "eventText": e.verb,
        "text": e.sentence,
        "location": place.map(|p| json!({"name": e.location, "lat": p.lat, "lon": p.lon, "country": p.country})),
        "size": e.size,
        "language": doc.language,
        "publication": doc.outlet,
        "url": doc.url,
        "document": doc.id.as_str(),
        "rule": e.rule,
    })
}

/// One event per row.
fn events_csv(docs: &[Document]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "date",
        "actor_codes",
        "actor_names",
        "category",
        "mode",
        "recipient_codes",
        "recipient_names",
        "place",
        "lat",
        "lon",
        "size",
        "status",
        "document",
        "sentence",
    ])?;
    for doc in docs {
        let names = |ids: &[usize]| {
            ids.iter()
                .filter_map(|&k| doc.entities.get(k))
                .map(|x| x.name.clone().unwrap_or_else(|| x.text.clone()))
                .collect::<Vec<_>>()
                .join("; ")
        };
        for e in &doc.events {
            let place = e.location_entity.and_then(|k| doc.entities.get(k));
            let coord = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
            w.write_record([
                e.date.clone().unwrap_or_default(),
                e.actors.join("; "),
                names(&e.actor_entities),
                e.category.clone(),
                e.mode.clone().unwrap_or_default(),
                e.recipients.join("; "),
                names(&e.recipient_entities),
                e.location.clone().unwrap_or_default(),
                coord(place.and_then(|p| p.lat)),
                coord(place.and_then(|p| p.lon)),
                e.size.clone().unwrap_or_default(),
                e.status.clone(),
                doc.id.as_str().to_string(),
                e.sentence.clone(),
            ])?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// One claim per row.
fn claims_csv(docs: &[Document]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "said_on",
        "speaker",
        "speaker_code",
        "verb",
        "quote",
        "hedges",
        "content",
        "document",
    ])?;
    for doc in docs {
        for c in &doc.claims {
            w.write_record([
                c.said_on.clone().unwrap_or_default(),
                c.speaker.clone().unwrap_or_default(),
                c.speaker_code.clone().unwrap_or_default(),
                c.verb.clone(),
                c.quote.clone(),
                c.hedges.join("; "),
                slice(&doc.text, c.start, c.end),
                doc.id.as_str().to_string(),
            ])?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn tracks(store: &Store) -> Result<Vec<storyline_story::FigureTrack>> {
    let docs = super::across::independent_documents(store, None)?;
    let refs: Vec<&Document> = docs.iter().collect();
    Ok(storyline_story::tracks(&refs))
}

/// One document per row: the listing columns.
fn documents_csv(store: &Store) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "published",
        "outlet",
        "agency",
        "title",
        "words",
        "sources",
    ])?;
    for d in store.list()? {
        w.write_record([
            d.id,
            d.published.unwrap_or_default(),
            d.outlet.unwrap_or_default(),
            d.agency.unwrap_or_default(),
            d.title.unwrap_or_default(),
            d.words.to_string(),
            d.sources.to_string(),
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// One observation per row, under its track's measure, subject and scope,
/// with the observations it disagrees with.
fn figures_csv(tracks: &[storyline_story::FigureTrack]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "track",
        "measure",
        "subject",
        "scope",
        "observation",
        "said_on",
        "refers_to",
        "text",
        "value",
        "low",
        "high",
        "qualifier",
        "currency",
        "speaker",
        "hedges",
        "headline",
        "document",
        "start",
        "end",
        "disagrees_with",
    ])?;
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    for (k, t) in tracks.iter().enumerate() {
        for (i, o) in t.observations.iter().enumerate() {
            let against: Vec<String> = t
                .disagreements
                .iter()
                .filter(|d| d.first == i || d.second == i)
                .map(|d| {
                    let other = if d.first == i { d.second } else { d.first };
                    format!("{}:{other}", d.kind)
                })
                .collect();
            w.write_record([
                k.to_string(),
                t.measure.clone(),
                t.subject.clone(),
                t.scope.clone().unwrap_or_default(),
                i.to_string(),
                o.said_on.clone().unwrap_or_default(),
                o.refers_to.clone().unwrap_or_default(),
                o.text.clone(),
                num(o.value),
                num(o.low),
                num(o.high),
                o.qualifier.clone().unwrap_or_default(),
                o.currency.clone().unwrap_or_default(),
                o.speaker.clone().unwrap_or_default(),
                o.hedges.join("; "),
                o.headline.to_string(),
                o.document.clone(),
                o.start.to_string(),
                o.end.to_string(),
                against.join("; "),
            ])?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// One story per row.
fn stories_csv(store: &Store) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "label",
        "first",
        "last",
        "documents",
        "articles",
        "outlets",
    ])?;
    for s in store.stories()? {
        w.write_record([
            s.id.to_string(),
            s.label.clone(),
            s.first.clone().unwrap_or_default(),
            s.last.clone().unwrap_or_default(),
            s.documents.join("; "),
            s.articles.to_string(),
            s.outlets.join("; "),
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
