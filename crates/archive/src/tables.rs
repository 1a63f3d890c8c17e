//! The archive's tables: their columns, and the rows a document (or a
//! story) gives each of them.
//!
//! No column is called `date`: that is the name of the partition column
//! that engines read from the folder names (the publication day).
//!
//! No column is called `date`: that is the name of the partition column
//! that engines read from the folder names (the publication day).
//!
//! Every partitioned table starts with the same three columns, so that
//! any of them joins the documents table on `document` and filters on
//! `published` or `story` without a join. Character offsets (`start`,
//! `end`) count characters of the document's cleaned text, as everywhere
//! in storyline.

use crate::table::{Cell, Column, Kind};
use chrono::NaiveDate;
use storyline_model::{Document, Span};
use storyline_story::Story;

/// A table of the archive and its columns.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub doc: &'static str,
    pub columns: &'static [Column],
}

const fn col(name: &'static str, kind: Kind, optional: bool, doc: &'static str) -> Column {
    Column {
        name,
        kind,
        optional,
        doc,
    }
}

use Kind::{Bool, Date, Float64, Int32, Int64, Str, StrList};

/// The columns every partitioned table starts with.
macro_rules! document_columns {
    ($($rest:expr),* $(,)?) => {
        &[
            col("document", Str, false, "the document's id (16 hex digits, from its cleaned text)"),
            col("published", Date, true, "the document's publication day; null when only a month or year is known, or none"),
            col("story", Int64, true, "the story the document belongs to"),
            $($rest),*
        ]
    };
}

#[rustfmt::skip]
pub const DOCUMENTS: Table = Table {
    name: "documents",
    doc: "one row per document (an article read once, however many sources gave it)",
    columns: document_columns![
        col("published_text", Str, true, "the publication date as known: YYYY-MM-DD, YYYY-MM or YYYY"),
        col("updated", Date, true, "the day the page says it was updated"),
        col("title", Str, true, "the headline"),
        col("outlet", Str, true, "the publishing outlet"),
        col("agency", Str, true, "the news agency the article credits (AP, Reuters, AFP, ...)"),
        col("authors", StrList, false, "bylines"),
        col("url", Str, true, "the article's address"),
        col("language", Str, true, "ISO 639-1 code of the text's language"),
        col("copy_of", Str, true, "the document this one copies (a wire copy), if any"),
        col("sources", Int32, false, "how many files or records gave this document"),
        col("words", Int32, false, "words in the cleaned text"),
        col("text", Str, false, "the cleaned text: headline, then paragraphs separated by a blank line"),
    ],
};

#[rustfmt::skip]
pub const EVENTS: Table = Table {
    name: "events",
    doc: "one row per coded event (PLOVER categories, and storyline's own TRANSITION)",
    columns: document_columns![
        col("event", Int32, false, "the event's index in its document"),
        col("category", Str, false, "PLOVER category (ASSAULT, AID, CONSULT, ...)"),
        col("mode", Str, true, "PLOVER mode"),
        col("context", StrList, false, "PLOVER contexts"),
        col("event_date", Date, true, "the day the event happened, when known to the day"),
        col("event_date_text", Str, true, "the event's date as resolved: a day, week, month or year"),
        col("event_date_from", Date, true, "the first day of a period the event spans"),
        col("actors", StrList, false, "actor codes (CAMEO style: USA GOV, IGO UNO)"),
        col("actor_names", StrList, false, "the actors as named in the text (the knowledge base's name when linked)"),
        col("recipients", StrList, false, "recipient codes"),
        col("recipient_names", StrList, false, "the recipients as named"),
        col("status", Str, false, "happened, negated, future, hypothetical, ..."),
        col("location", Str, true, "the place named for the event"),
        col("country", Str, true, "ISO 3166 alpha-3 country of the place"),
        col("lat", Float64, true, "the place's latitude"),
        col("lon", Float64, true, "the place's longitude"),
        col("size", Str, true, "the size the sentence gives (\"hundreds\", \"12\")"),
        col("verb", Str, false, "the trigger word"),
        col("reported_by", Str, true, "who reported the event, when it is told under a reporting verb"),
        col("sentence", Str, false, "the sentence the event was read from"),
        col("sentence_index", Int32, false, "the sentence's index in the document"),
        col("start", Int64, false, "start of the trigger (characters of the cleaned text)"),
        col("end", Int64, false, "end of the trigger"),
        col("rule", Str, false, "the dictionary pattern or rule that coded it"),
    ],
};

#[rustfmt::skip]
pub const CLAIMS: Table = Table {
    name: "claims",
    doc: "one row per attributed statement",
    columns: document_columns![
        col("claim", Int32, false, "the claim's index in its document"),
        col("speaker", Str, true, "who said it, as resolved (a pronoun resolved to its name)"),
        col("speaker_code", Str, true, "the speaker's actor code"),
        col("verb", Str, false, "the reporting verb (said, told, according to, believes, ...)"),
        col("quote", Str, false, "direct (a quotation) or indirect"),
        col("said_on", Date, true, "the day it was said, when known to the day"),
        col("said_on_text", Str, true, "when it was said, as resolved"),
        col("hedges", StrList, false, "hedge words (may, about, reportedly, ...)"),
        col("content", Str, false, "what was said"),
        col("sentence_index", Int32, false, "the index of the sentence the claim starts in"),
        col("start", Int64, false, "start of the content (characters of the cleaned text)"),
        col("end", Int64, false, "end of the content"),
    ],
};

#[rustfmt::skip]
pub const FIGURES: Table = Table {
    name: "figures",
    doc: "one row per number found in a document, with what it counts and who said it",
    columns: document_columns![
        col("figure", Int32, false, "the figure's index in its document"),
        col("text", Str, false, "the figure as written"),
        col("measure", Str, false, "what the figure measures: count, money, percent, dead, injured, displaced, ..."),
        col("counted", Str, true, "what is counted (\"people\", \"homes\")"),
        col("value", Float64, true, "the value, when one"),
        col("low", Float64, true, "the lower bound of a range or a \"more than\""),
        col("high", Float64, true, "the upper bound"),
        col("qualifier", Str, true, "at least, more than, up to, about, ..."),
        col("approximate", Bool, false, "true for \"about\", \"nearly\", ..."),
        col("currency", Str, true, "ISO 4217 code of an amount of money"),
        col("said_by", Str, true, "the speaker of the claim the figure is in"),
        col("claim", Int32, true, "the index of that claim in the claims table"),
        col("start", Int64, false, "start of the figure (characters of the cleaned text)"),
        col("end", Int64, false, "end of the figure"),
    ],
};

#[rustfmt::skip]
pub const ENTITIES: Table = Table {
    name: "entities",
    doc: "one row per entity mention, linked to the knowledge base or not",
    columns: document_columns![
        col("mention", Int32, false, "the mention's index in its document"),
        col("text", Str, false, "the mention as written"),
        col("kind", Str, false, "person, org, country, place, group, ..."),
        col("entity_id", Str, true, "the knowledge-base id, when linked"),
        col("local_id", Str, true, "the entity's id within its document (e1, e2, ...), shared by the mentions coreference joins"),
        col("code", Str, true, "the actor code"),
        col("name", Str, true, "the knowledge base's name for it"),
        col("office", Str, true, "a person's office on the article's date"),
        col("org", Str, true, "a person's organisation"),
        col("country", Str, true, "ISO 3166 alpha-3 country"),
        col("sector", Str, true, "sector code (GOV, MIL, BUS, ...)"),
        col("lat", Float64, true, "a place's latitude"),
        col("lon", Float64, true, "a place's longitude"),
        col("refers_to", Int32, true, "the mention this one refers to (coreference)"),
        col("start", Int64, false, "start of the mention (characters of the cleaned text)"),
        col("end", Int64, false, "end of the mention"),
    ],
};

/// The tables partitioned by publication day, each a folder of
/// `date=YYYY-MM-DD` partitions.
pub const PARTITIONED: [Table; 5] = [DOCUMENTS, EVENTS, CLAIMS, FIGURES, ENTITIES];

#[rustfmt::skip]
pub const STORIES: Table = Table {
    name: "stories",
    doc: "one row per story (not partitioned: rewritten by every export)",
    columns: &[
        col("story", Int64, false, "the story's id"),
        col("label", Str, false, "its label (the names it is about)"),
        col("first", Date, true, "the first publication day of its documents"),
        col("last", Date, true, "the last publication day"),
        col("documents", StrList, false, "its documents' ids"),
        col("articles", Int32, false, "independent articles (copies counted once)"),
        col("outlets", StrList, false, "the outlets that published it"),
    ],
};

/// Every table, the partitioned ones first.
pub const ALL: [Table; 6] = [DOCUMENTS, EVENTS, CLAIMS, FIGURES, ENTITIES, STORIES];

/// The schema as Markdown: a section per table with a row per column,
/// its Parquet type and meaning. `docs/archive.md` holds this text (a test
/// keeps it current).
pub fn schema_markdown() -> String {
    let mut out = String::new();
    for table in ALL {
        let partitioned = table.name != STORIES.name;
        out.push_str(&format!(
            "### `{}`\n\n{}",
            table.name,
            capitalised(table.doc)
        ));
        out.push_str(if partitioned {
            ", partitioned by publication day (`date`).\n\n"
        } else {
            ".\n\n"
        });
        out.push_str("| column | type | null | meaning |\n| --- | --- | --- | --- |\n");
        for c in table.columns {
            let kind = match c.kind {
                Kind::Str => "string",
                Kind::Int32 => "int32",
                Kind::Int64 => "int64",
                Kind::Float64 => "double",
                Kind::Bool => "boolean",
                Kind::Date => "date",
                Kind::StrList => "list<string>",
            };
            let null = if c.optional && c.kind != Kind::StrList {
                "yes"
            } else {
                "no"
            };
            out.push_str(&format!("| `{}` | {kind} | {null} | {} |\n", c.name, c.doc));
        }
        if partitioned {
            out.push_str(
                "| `date` | date | yes | the partition column, from the folder name: the publication day (Hive's `__HIVE_DEFAULT_PARTITION__` for none) |\n",
            );
        }
        out.push('\n');
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A document with what the store knows about it beside its annotations.
pub struct Row<'a> {
    pub doc: &'a Document,
    pub story: Option<u64>,
    pub copy_of: Option<&'a str>,
}

/// Days since 1970-01-01, Parquet's `DATE`.
pub fn day_number(day: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day");
    (day - epoch).num_days() as i32
}

/// A date cell from a date text that names one day (`2024-11-01`, or a
/// timestamp that starts with one); null otherwise.
fn day_cell(text: Option<&str>) -> Cell {
    text.and_then(|t| t.get(..10))
        .filter(|t| t.len() == 10)
        .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .map_or(Cell::Null, |d| Cell::Date(day_number(d)))
}

/// The publication day a document is partitioned by.
pub fn publication_day(doc: &Document) -> Option<NaiveDate> {
    doc.published.as_ref().and_then(|p| p.to_naive())
}

fn int32(v: usize) -> Cell {
    Cell::Int32(i32::try_from(v).unwrap_or(i32::MAX))
}

fn int64(v: usize) -> Cell {
    Cell::Int64(i64::try_from(v).unwrap_or(i64::MAX))
}

/// The rows `row` gives `table`, each passed to `put`.
pub fn rows<E>(
    table: &Table,
    row: &Row<'_>,
    mut put: impl FnMut(Vec<Cell>) -> Result<(), E>,
) -> Result<(), E> {
    let doc = row.doc;
    let lead = || {
        vec![
            Cell::Str(doc.id.as_str().to_string()),
            publication_day(doc).map_or(Cell::Null, |d| Cell::Date(day_number(d))),
            row.story.map_or(Cell::Null, |s| {
                Cell::Int64(i64::try_from(s).unwrap_or(i64::MAX))
            }),
        ]
    };
    let entity = |k: usize| doc.entities.get(k);
    let names = |ids: &[usize]| -> Vec<String> {
        ids.iter()
            .filter_map(|&k| entity(k))
            .map(|x| x.name.clone().unwrap_or_else(|| x.text.clone()))
            .collect()
    };
    match table.name {
        "documents" => {
            let mut cells = lead();
            cells.extend([
                doc.published.map(|p| p.to_string()).into(),
                doc.updated
                    .and_then(|u| u.to_naive())
                    .map_or(Cell::Null, |d| Cell::Date(day_number(d))),
                doc.title.clone().into(),
                doc.outlet.clone().into(),
                doc.agency.clone().into(),
                doc.authors.clone().into(),
                doc.url.clone().into(),
                doc.language.clone().into(),
                row.copy_of.map(str::to_string).into(),
                int32(doc.sources.len()),
                int32(doc.word_count()),
                doc.text.as_str().into(),
            ]);
            put(cells)
        }
        "events" => {
            for (i, e) in doc.events.iter().enumerate() {
                let place = e.location_entity.and_then(entity);
                let mut cells = lead();
                cells.extend([
                    int32(i),
                    e.category.as_str().into(),
                    e.mode.clone().into(),
                    e.context.clone().into(),
                    day_cell(e.date.as_deref()),
                    e.date.clone().into(),
                    day_cell(e.date_from.as_deref()),
                    e.actors.clone().into(),
                    names(&e.actor_entities).into(),
                    e.recipients.clone().into(),
                    names(&e.recipient_entities).into(),
                    e.status.as_str().into(),
                    e.location.clone().into(),
                    place.and_then(|p| p.country.clone()).into(),
                    place.and_then(|p| p.lat).into(),
                    place.and_then(|p| p.lon).into(),
                    e.size.clone().into(),
                    e.verb.as_str().into(),
                    e.reported_by.clone().into(),
                    e.sentence.as_str().into(),
                    int32(e.sentence_index),
                    int64(e.start),
                    int64(e.end),
                    e.rule.as_str().into(),
                ]);
                put(cells)?;
            }
            Ok(())
        }
        "claims" => {
            // One index of the text for all the claims' contents.
            let index = storyline_model::CharIndex::new(&doc.text);
            for (i, c) in doc.claims.iter().enumerate() {
                let mut cells = lead();
                cells.extend([
                    int32(i),
                    c.speaker.clone().into(),
                    c.speaker_code.clone().into(),
                    c.verb.as_str().into(),
                    c.quote.as_str().into(),
                    day_cell(c.said_on.as_deref()),
                    c.said_on.clone().into(),
                    c.hedges.clone().into(),
                    doc.text[index.bytes_of_span(Span::new(c.start, c.end.max(c.start)))].into(),
                    int32(c.sentence_index),
                    int64(c.start),
                    int64(c.end),
                ]);
                put(cells)?;
            }
            Ok(())
        }
        "figures" => {
            for (i, q) in doc.quantities.iter().enumerate() {
                let mut cells = lead();
                cells.extend([
                    int32(i),
                    q.text.as_str().into(),
                    q.measure.as_str().into(),
                    q.counted.clone().into(),
                    q.value.into(),
                    q.low.into(),
                    q.high.into(),
                    q.qualifier.clone().into(),
                    q.approximate.into(),
                    q.currency.clone().into(),
                    q.said_by.clone().into(),
                    q.claim.map_or(Cell::Null, int32),
                    int64(q.start),
                    int64(q.end),
                ]);
                put(cells)?;
            }
            Ok(())
        }
        "entities" => {
            for (i, x) in doc.entities.iter().enumerate() {
                let mut cells = lead();
                cells.extend([
                    int32(i),
                    x.text.as_str().into(),
                    x.kind.as_str().into(),
                    x.id.clone().into(),
                    x.local_id.clone().into(),
                    x.code.clone().into(),
                    x.name.clone().into(),
                    x.office.clone().into(),
                    x.org.clone().into(),
                    x.country.clone().into(),
                    x.sector.clone().into(),
                    x.lat.into(),
                    x.lon.into(),
                    x.refers_to.map_or(Cell::Null, int32),
                    int64(x.start),
                    int64(x.end),
                ]);
                put(cells)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The row of a story.
pub fn story_row(story: &Story) -> Vec<Cell> {
    vec![
        Cell::Int64(i64::try_from(story.id).unwrap_or(i64::MAX)),
        story.label.as_str().into(),
        day_cell(story.first.as_deref()),
        day_cell(story.last.as_deref()),
        story.documents.clone().into(),
        Cell::Int32(i32::try_from(story.articles).unwrap_or(i32::MAX)),
        story.outlets.clone().into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_cell_per_column() {
        let mut doc: Document = serde_json::from_str(include_str!("../tests/document.json"))
            .expect("the test document");
        doc.published = storyline_model::PartialDate::ymd(2024, 11, 1);
        let row = Row {
            doc: &doc,
            story: Some(3),
            copy_of: None,
        };
        for table in PARTITIONED {
            let mut n = 0;
            rows(&table, &row, |cells| {
                assert_eq!(cells.len(), table.columns.len(), "{}", table.name);
                n += 1;
                Ok::<_, ()>(())
            })
            .unwrap();
            assert!(n > 0, "{} has no row", table.name);
        }
    }

    /// `docs/archive.md` holds the schema this crate writes, between two
    /// markers; `STORYLINE_UPDATE_DOCS=1` rewrites it.
    #[test]
    fn the_schema_document_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/archive.md");
        let doc = std::fs::read_to_string(&path).expect("docs/archive.md");
        let (start, end) = ("<!-- schema: start -->\n", "<!-- schema: end -->");
        let from = doc.find(start).expect("the start marker") + start.len();
        let to = doc.find(end).expect("the end marker");
        let current = schema_markdown();
        if doc[from..to] != current {
            if std::env::var("STORYLINE_UPDATE_DOCS").is_ok_and(|v| v == "1") {
                let updated = format!("{}{current}{}", &doc[..from], &doc[to..]);
                std::fs::write(&path, updated).expect("docs/archive.md is writable");
            } else {
                panic!("docs/archive.md does not show the schema; run this test with STORYLINE_UPDATE_DOCS=1");
            }
        }
    }

    #[test]
    fn day_cells_take_whole_days_only() {
        assert_eq!(day_cell(Some("1970-01-02")), Cell::Date(1));
        assert_eq!(day_cell(Some("2024-11-01T10:00")), Cell::Date(20_028));
        assert_eq!(day_cell(Some("2024-11")), Cell::Null);
        assert_eq!(day_cell(Some("2024-W45")), Cell::Null);
        assert_eq!(day_cell(Some("2024-11-0x")), Cell::Null);
        assert_eq!(day_cell(None), Cell::Null);
    }
}
