//! Merged events: the mentions of one event across articles (same
//! category, same actors, compatible recipients, dates and places) merged
//! into one event with its mentions, its distinct sources, the date it
//! was first reported and the date each source gives.

use crate::dates;
use crate::summary::{summarize, Parts};
use serde::Serialize;
use storyline_model::{Document, Entity, Event};

/// Days two dates taken from the text may differ and still name the same
/// event (reports round "Tuesday night" to Wednesday, time zones differ).
const TEXT_SLACK_DAYS: i64 = 2;
/// The same when one date is only the publication date standing in: an
/// article reports an event a few days after it happened.
const PUBLISHED_SLACK_DAYS: i64 = 6;

/// One report of an event, with the link back to its sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub document: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub sentence_index: usize,
    /// The event's span (char offsets in the document's cleaned text).
    pub start: usize,
    pub end: usize,
    pub date: Option<String>,
    pub date_from: Option<String>,
    pub status: String,
    pub reported_by: Option<String>,
    pub size: Option<String>,
    /// True for a mention in the headline or the lead sentence: the news
    /// the article was written for.
    pub lead: bool,
    /// The source's own words for it: its sentence, trimmed to a
    /// readable line (see [`crate::line::readable_line`]).
    pub text: String,
}

/// The date a source gives an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceDate {
    pub document: String,
    pub date: Option<String>,
    pub date_from: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedEvent {
    /// `ev1`, `ev2`, ... in order of first report; stable for a given
    /// set of documents.
    pub id: String,
    pub category: String,
    /// Actor and recipient codes, the most specific seen.
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    /// Their names as the articles give them (canonical where known).
    pub actor_names: Vec<String>,
    pub recipient_names: Vec<String>,
    /// The best date the mentions give: from the text before the
    /// publication date, then the most precise, then the earliest report.
    pub date: Option<String>,
    pub precision: Option<String>,
    pub status: String,
    pub location: Option<String>,
    pub size: Option<String>,
    pub summary: String,
    /// The documents that report it, each once.
    pub sources: Vec<String>,
    /// The earliest publication date among its sources.
    pub first_reported: Option<String>,
    pub dates: Vec<SourceDate>,
    pub mentions: Vec<Mention>,
}

/// Working state of one merged event: the key fields and the mentions.
struct Group {
    category: String,
    status_class: u8,
    actor_countries: Vec<String>,
    recipient_countries: Vec<String>,
    actors: Vec<String>,
    recipients: Vec<String>,
    actor_names: Vec<String>,
    recipient_names: Vec<String>,
    /// True when the actor is a group of people ("Ukrainian troops").
    actor_group: bool,
    location: Option<String>,
    size: Option<String>,
    mentions: Vec<Mention>,
}

/// Events that happened, are going on or were announced can be the same
/// event told at different times; denials and conditionals stay apart.
fn status_class(status: &str) -> u8 {
    match status {
        "negated" => 1,
        "hypothetical" => 2,
        _ => 0,
    }
}

fn countries(codes: &[String]) -> Vec<String> {
    let mut out: Vec<String> = codes
        .iter()
        .filter_map(|c| c.split(' ').next())
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn names(doc: &Document, indices: &[usize], codes: &[String]) -> Vec<String> {
    let name = |e: &Entity| -> String {
        let mut e = e;
        // Follow a mention that refers back to what it names.
        for _ in 0..4 {
            match e.refers_to.and_then(|i| doc.entities.get(i)) {
                Some(antecedent) if e.name.is_none() => e = antecedent,
                _ => break,
            }
        }
        e.name.clone().unwrap_or_else(|| e.text.clone())
    };
    let mut out: Vec<String> = indices
        .iter()
        .filter_map(|&i| doc.entities.get(i))
        .map(name)
        .collect();
    if out.is_empty() {
        out = codes.to_vec();
    }
    out.dedup();
    out
}

/// Whether the event's only actor is named as a group of people, which
/// takes a plural verb.
fn is_group(doc: &Document, event: &Event) -> bool {
    match event.actor_entities.as_slice() {
        [one] => doc.entities.get(*one).is_some_and(|e| e.kind == "group"),
        _ => false,
    }
}

fn location_key(place: &str) -> String {
    place.split_whitespace().next().unwrap_or("").to_lowercase()
}

impl Group {
    fn accepts(&self, event: &Event, mention: &Mention) -> bool {
        if self.category != event.category || self.status_class != status_class(&event.status) {
            return false;
        }
        if self.actor_countries != countries(&event.actors) {
            return false;
        }
        let recipients = countries(&event.recipients);
        let recipients_fit = self.recipient_countries == recipients
            || (!self.actor_countries.is_empty()
                && (self.recipient_countries.is_empty() || recipients.is_empty()));
        if !recipients_fit {
            return false;
        }
        if let (Some(a), Some(b)) = (&self.location, &event.location) {
            if location_key(a) != location_key(b) {
                return false;
            }
        }
        dates_fit(
            &self.mentions,
            mention,
            |m| m.date_from.as_deref() != Some("published"),
            (TEXT_SLACK_DAYS, PUBLISHED_SLACK_DAYS),
        )
    }

    fn add(&mut self, doc: &Document, event: &Event, mention: Mention) {
        // Keep the most specific codes and the names that go with them.
        if event.actors.iter().map(String::len).sum::<usize>()
            > self.actors.iter().map(String::len).sum::<usize>()
        {
            self.actors = event.actors.clone();
            self.actor_names = names(doc, &event.actor_entities, &event.actors);
            self.actor_group = is_group(doc, event);
        }
        if event.recipients.len() > self.recipients.len() {
            self.recipients = event.recipients.clone();
            self.recipient_countries = countries(&event.recipients);
            self.recipient_names = names(doc, &event.recipient_entities, &event.recipients);
        }
        self.location = self.location.take().or_else(|| event.location.clone());
        self.size = self.size.take().or_else(|| event.size.clone());
        self.mentions.push(mention);
    }
}

/// True for words in the headline or the lead sentence of `doc`: the
/// news the article was written for.
pub(crate) fn is_lead(doc: &Document, sentence_index: usize, start: usize, end: usize) -> bool {
    let in_title = doc
        .title_span
        .is_some_and(|t| t.start <= start && end <= t.end);
    let first_body_sentence = doc
        .sentences
        .iter()
        .position(|s| doc.title_span.is_none_or(|t| s.start >= t.end));
    in_title || Some(sentence_index) == first_body_sentence
}

impl Mention {
    /// A report at chars `start..end` of sentence `sentence_index` of
    /// `doc`: where it is, whether the article leads with it, and the
    /// source's line; what it says (date, status, size) is filled in by
    /// the caller.
    pub(crate) fn at(doc: &Document, sentence_index: usize, start: usize, end: usize) -> Mention {
        Mention {
            document: doc.id.as_str().to_string(),
            outlet: doc.outlet.clone(),
            published: doc.published.as_ref().map(|p| p.to_string()),
            sentence_index,
            start,
            end,
            date: None,
            date_from: None,
            status: "happened".into(),
            reported_by: None,
            size: None,
            lead: is_lead(doc, sentence_index, start, end),
            text: crate::line::source_line(doc, sentence_index, Some((start, end))),
        }
    }
}

fn mention(doc: &Document, event: &Event) -> Mention {
    Mention {
        date: event.date.clone(),
        date_from: event.date_from.clone(),
        status: event.status.clone(),
        reported_by: event.reported_by.clone(),
        size: event.size.clone(),
        ..Mention::at(doc, event.sentence_index, event.start, event.end)
    }
}

/// Whether `m`'s date fits the date of every dated mention of a group:
/// within `strong_slack` days of it when both dates are `strong`, within
/// `weak_slack` when either is not. An undated mention fits anything.
pub(crate) fn dates_fit(
    mentions: &[Mention],
    m: &Mention,
    strong: impl Fn(&Mention) -> bool,
    (strong_slack, weak_slack): (i64, i64),
) -> bool {
    let Some(date) = m.date.as_deref() else {
        return true;
    };
    mentions.iter().all(|other| match other.date.as_deref() {
        None => true,
        Some(d) => {
            let slack = if strong(other) && strong(m) {
                strong_slack
            } else {
                weak_slack
            };
            dates::compatible(date, d, slack)
        }
    })
}

/// Documents in publication order (undated last), so that the first
/// mention of a happening is its first report.
pub(crate) fn in_publication_order<'a>(documents: &[&'a Document]) -> Vec<&'a Document> {
    let mut ordered: Vec<&Document> = documents.to_vec();
    ordered.sort_by_key(|d| {
        publication_order_key(d.published.as_ref().map(|p| p.to_string()), d.id.as_str())
    });
    ordered
}

/// What documents are put in publication order by: the publication date
/// as written (undated documents first), then the id. A caller that
/// streams documents sorts their ids by it before reading them.
pub fn publication_order_key(published: Option<String>, id: &str) -> (Option<String>, String) {
    (published, id.to_string())
}

/// The documents of a happening's mentions, each once, in mention order.
pub(crate) fn distinct_sources(mentions: &[Mention]) -> Vec<String> {
    let mut sources: Vec<String> = Vec::new();
    for m in mentions {
        if !sources.contains(&m.document) {
            sources.push(m.document.clone());
        }
    }
    sources
}

/// A merged happening's status: what was announced and then done reads
/// as done once a source reports it done.
pub(crate) fn merged_status(mentions: &[Mention]) -> String {
    if mentions.iter().any(|m| m.status == "happened") {
        "happened".to_string()
    } else {
        mentions[0].status.clone()
    }
}

/// Rank of where a date came from: the text before the publication date.
fn origin_rank(from: Option<&str>) -> u8 {
    match from {
        Some("clause") => 0,
        Some("announced") => 1,
        Some("sentence") => 2,
        Some("published") => 3,
        _ => 4,
    }
}

fn precision_rank(date: &str) -> u8 {
    match dates::precision(date) {
        Some("day") => 0,
        Some("month") => 1,
        _ => 2,
    }
}

/// The best date a happening's reports give: from the text before the
/// publication date, then the most precise, then the earliest report.
pub(crate) fn best_date(mentions: &[Mention]) -> Option<String> {
    mentions
        .iter()
        .filter(|m| m.date.is_some())
        .min_by_key(|m| {
            let date = m.date.as_deref().unwrap_or("");
            (
                origin_rank(m.date_from.as_deref()),
                precision_rank(date),
                m.published.clone().unwrap_or_else(|| "9999".into()),
            )
        })
        .and_then(|m| m.date.clone())
}

fn finish(g: Group, id: usize) -> MergedEvent {
    let date = best_date(&g.mentions);
    let sources = distinct_sources(&g.mentions);
    // Each source's date is that of its first mention.
    let dates_by_source = sources
        .iter()
        .filter_map(|d| g.mentions.iter().find(|m| &m.document == d))
        .map(|m| SourceDate {
            document: m.document.clone(),
            date: m.date.clone(),
            date_from: m.date_from.clone(),
        })
        .collect();
    let first_reported = g.mentions.iter().filter_map(|m| m.published.clone()).min();
    let status = merged_status(&g.mentions);
    let summary = summarize(&Parts {
        category: &g.category,
        status: &status,
        actors: &g.actor_names,
        plural: g.actor_group,
        recipients: &g.recipient_names,
        location: g.location.as_deref(),
        size: g.size.as_deref(),
    });
    MergedEvent {
        id: format!("ev{id}"),
        category: g.category,
        actors: g.actors,
        recipients: g.recipients,
        actor_names: g.actor_names,
        recipient_names: g.recipient_names,
        precision: date
            .as_deref()
            .and_then(dates::precision)
            .map(str::to_string),
        date,
        status,
        location: g.location,
        size: g.size,
        summary,
        sources,
        first_reported,
        dates: dates_by_source,
        mentions: g.mentions,
    }
}

/// The merged events of a set of documents. Pass canonical articles only
/// (one per wire-copy group), so that a copy is not a second source.
/// Documents are read in publication order, so the first mention of an
/// event is its first report.
pub fn merge(documents: &[&Document]) -> Vec<MergedEvent> {
    let mut merging = Merging::default();
    for doc in in_publication_order(documents) {
        merging.add(doc);
    }
    merging.finish()
}

/// Events being merged, one document at a time, for a caller that cannot
/// hold all of a story's documents at once. Documents must come in
/// publication order (see [`publication_order_key`]), as [`merge`] reads
/// them, for the same result.
#[derive(Default)]
pub struct Merging {
    groups: Vec<Group>,
}

impl Merging {
    /// Adds the events of the next document.
    pub fn add(&mut self, doc: &Document) {
        for event in &doc.events {
            let m = mention(doc, event);
            match self.groups.iter_mut().find(|g| g.accepts(event, &m)) {
                Some(g) => g.add(doc, event, m),
                None => self.groups.push(Group {
                    category: event.category.clone(),
                    status_class: status_class(&event.status),
                    actor_countries: countries(&event.actors),
                    recipient_countries: countries(&event.recipients),
                    actors: event.actors.clone(),
                    recipients: event.recipients.clone(),
                    actor_names: names(doc, &event.actor_entities, &event.actors),
                    recipient_names: names(doc, &event.recipient_entities, &event.recipients),
                    actor_group: is_group(doc, event),
                    location: event.location.clone(),
                    size: event.size.clone(),
                    mentions: vec![m],
                }),
            }
        }
    }

    /// The merged events of every document added.
    pub fn finish(self) -> Vec<MergedEvent> {
        self.groups
            .into_iter()
            .enumerate()
            .map(|(i, g)| finish(g, i + 1))
            .collect()
    }
}
