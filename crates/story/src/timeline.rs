//! The timeline: the dated happenings of a story (merged events and
//! merged occurrences), in time order, each told in the words of its best
//! source, with how many independent sources report it, its first report,
//! the sentences behind it, and a salience score to keep the top few.

use crate::dates;
use crate::events::{Mention, MergedEvent};
use crate::occurrences::MergedOccurrence;
use crate::reports::DatedReport;
use serde::Serialize;
use storyline_model::Document;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub date: String,
    /// `day`, `month` or `year`.
    pub precision: String,
    /// The happening in its best source's words: the lead sentence of the
    /// earliest report that tells it, trimmed to a line.
    pub text: String,
    /// The coded reading of an event ("United Kingdom to send aid"), or
    /// the kind and place of an occurrence: what the entry was built
    /// from, not what is shown.
    pub summary: String,
    /// Independent articles that report it (copies are not passed in).
    pub source_count: usize,
    /// The earliest report: its document, outlet and publication date.
    pub first_report: Option<FirstReport>,
    /// How much a reader of the story needs it: more for more sources,
    /// for news an article leads with, for a figure, for a date the text
    /// gives. `timeline --top N` keeps the N highest.
    pub salience: f64,
    /// The reports behind it, one per sentence, each with the link back
    /// to its sentence and its own words.
    pub sources: Vec<Mention>,
    /// The merged event (`ev3`), occurrence (`oc2`) or dated report
    /// (`dr1`) the entry shows.
    pub event: String,
    /// A PLOVER category for an event; the kind for an occurrence
    /// (`earthquake`, `toll`); `report` for sentences dated to the day
    /// in their own words that no event or occurrence tells.
    pub category: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstReport {
    pub document: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

/// Whether a happening belongs on the timeline: it has a date, it is not
/// a denial or a conditional, and either its date comes from the text or
/// it is the news an article leads with (dated by the article).
fn dated_news(date: Option<&str>, status: &str, mentions: &[Mention]) -> bool {
    if date.is_none() || matches!(status, "negated" | "hypothetical") {
        return false;
    }
    from_text(date, mentions) || mentions.iter().any(|m| m.lead)
}

fn from_text(date: Option<&str>, mentions: &[Mention]) -> bool {
    mentions
        .iter()
        .any(|m| m.date.as_deref() == date && m.date_from.as_deref() != Some("published"))
}

/// Whether a mention can be a source for a happening that starts on
/// `first_day`: published on that day or after it (or undated), or
/// telling it as planned.
fn told_by_then(m: &Mention, first_day: i64) -> bool {
    let published = m
        .published
        .as_deref()
        .and_then(dates::interval)
        .map(|(first, _)| first);
    published.is_none_or(|p| p >= first_day) || matches!(m.status.as_str(), "future" | "announced")
}

/// An event needs someone who does it, or at least a target and a size
/// or a place: "forces deployed" alone says nothing.
fn identified(e: &MergedEvent) -> bool {
    !e.actors.is_empty() || (!e.recipients.is_empty() && (e.size.is_some() || e.location.is_some()))
}

/// What a timeline entry is made from, for events and occurrences alike.
struct Happening<'a> {
    id: &'a str,
    category: &'a str,
    status: &'a str,
    date: Option<&'a str>,
    summary: String,
    size: Option<&'a str>,
    mentions: &'a [Mention],
}

fn entry(h: Happening<'_>) -> Option<(i64, TimelineEntry)> {
    if !dated_news(h.date, h.status, h.mentions) {
        return None;
    }
    let date = h.date?.to_string();
    let (first_day, _) = dates::interval(&date)?;
    let mut seen = std::collections::HashSet::new();
    // One link per sentence: several events of one sentence can merge
    // into the same entry. An article published before the day cannot
    // report what happened on it, only what was planned: a mention that
    // tells it as done was merged in by a loose date (an article's own
    // day, a "Saturday" read forward) and is not a source.
    let sources: Vec<Mention> = h
        .mentions
        .iter()
        .filter(|m| told_by_then(m, first_day))
        .filter(|m| seen.insert((m.document.clone(), m.sentence_index)))
        .cloned()
        .collect();
    if sources.is_empty() {
        return None;
    }
    let mut documents: Vec<&str> = sources.iter().map(|m| m.document.as_str()).collect();
    documents.sort_unstable();
    documents.dedup();
    let first = sources.iter().min_by_key(|m| {
        (
            m.published.clone().unwrap_or_else(|| "9999".into()),
            !m.lead,
        )
    });
    // The words: a lead sentence of the earliest report if there is one,
    // else the earliest report's sentence.
    // Of equals, the fuller line: a lead sentence says more than its
    // headline.
    let best = sources
        .iter()
        .filter(|m| !m.text.is_empty())
        .min_by_key(|m| {
            (
                !m.lead,
                m.published.clone().unwrap_or_else(|| "9999".into()),
                std::cmp::Reverse(m.text.chars().count()),
            )
        });
    let lead = sources.iter().any(|m| m.lead);
    let salience = 2.0 * documents.len() as f64
        + if lead { 1.5 } else { 0.0 }
        + if h.size.is_some() { 1.0 } else { 0.0 }
        + if from_text(h.date, h.mentions) {
            0.5
        } else {
            0.0
        };
    Some((
        first_day,
        TimelineEntry {
            precision: dates::precision(&date).unwrap_or("day").to_string(),
            date,
            text: best.map_or_else(|| h.summary.clone(), |m| m.text.clone()),
            summary: h.summary,
            source_count: documents.len(),
            first_report: first.map(|m| FirstReport {
                document: m.document.clone(),
                outlet: m.outlet.clone(),
                published: m.published.clone(),
            }),
            salience,
            sources,
            event: h.id.to_string(),
            category: h.category.to_string(),
            status: h.status.to_string(),
        },
    ))
}

/// The timeline of a set of documents (canonical articles only) whose
/// merged events are `events`: their occurrences are merged, and the
/// sentences neither tells but dated to a day in their own words are
/// added as dated reports.
pub fn timeline_of(documents: &[&Document], events: &[MergedEvent]) -> Vec<TimelineEntry> {
    let occurrences = crate::merge_occurrences(documents);
    let covered = covered(events, &occurrences);
    let reports = crate::reports::dated_reports(documents, &covered);
    timeline(events, &occurrences, &reports)
}

/// The sentences (document and sentence index) that an event or an
/// occurrence the timeline can show already tells: they are not dated
/// reports of their own.
pub fn covered(
    events: &[MergedEvent],
    occurrences: &[MergedOccurrence],
) -> std::collections::HashSet<(String, usize)> {
    // Only what the timeline can show covers a sentence: an event left
    // off (no one does it, a denial, no date) must not hide the
    // sentence's own date from the dated reports. (An entry whose every
    // source is dropped later as published too early still covers it.)
    events
        .iter()
        .filter(|e| identified(e) && dated_news(e.date.as_deref(), &e.status, &e.mentions))
        .flat_map(|e| &e.mentions)
        .chain(
            occurrences
                .iter()
                .filter(|o| dated_news(o.date.as_deref(), &o.status, &o.mentions))
                .flat_map(|o| &o.mentions),
        )
        .map(|m| (m.document.clone(), m.sentence_index))
        .collect()
}

/// The timeline of merged events, occurrences and dated reports, in time
/// order (then by first report). Two entries that would show the same
/// words on the same day are one: an event and an occurrence told by one
/// sentence ("the cyclone killed 38") keep the more salient.
pub fn timeline(
    events: &[MergedEvent],
    occurrences: &[MergedOccurrence],
    reports: &[DatedReport],
) -> Vec<TimelineEntry> {
    let from_events = events.iter().filter(|e| identified(e)).map(|e| Happening {
        id: &e.id,
        category: &e.category,
        status: &e.status,
        date: e.date.as_deref(),
        summary: e.summary.clone(),
        size: e.size.as_deref(),
        mentions: &e.mentions,
    });
    let from_occurrences = occurrences.iter().map(|o| Happening {
        id: &o.id,
        category: &o.kind,
        status: &o.status,
        date: o.date.as_deref(),
        summary: match &o.location {
            Some(place) => format!("{} in {place}", o.kind),
            None => o.kind.clone(),
        },
        size: o.size.as_deref(),
        mentions: &o.mentions,
    });
    let from_reports = reports.iter().map(|r| Happening {
        id: &r.id,
        category: "report",
        status: "happened",
        date: Some(&r.date),
        summary: String::new(),
        size: None,
        mentions: &r.mentions,
    });
    let mut entries: Vec<(i64, TimelineEntry)> = from_events
        .chain(from_occurrences)
        .chain(from_reports)
        .filter_map(entry)
        .collect();
    entries.sort_by(|a, b| {
        b.1.salience
            .total_cmp(&a.1.salience)
            .then_with(|| a.1.event.cmp(&b.1.event))
    });
    let mut kept: Vec<(i64, TimelineEntry)> = Vec::new();
    for (day, e) in entries {
        match kept.iter_mut().find(|(d, k)| *d == day && k.text == e.text) {
            // The same happening told twice: its other sources still
            // report it.
            Some((_, k)) => absorb(k, e.sources),
            None => kept.push((day, e)),
        }
    }
    kept.sort_by(|a, b| {
        let first = |e: &TimelineEntry| e.first_report.as_ref().and_then(|f| f.published.clone());
        (a.0, first(&a.1)).cmp(&(b.0, first(&b.1)))
    });
    kept.into_iter().map(|(_, e)| e).collect()
}

/// Adds to `entry` the sources of an entry that tells the same happening,
/// one per sentence, and counts its articles (and their salience) again.
/// The first report stays the kept entry's: both tell the same line.
fn absorb(entry: &mut TimelineEntry, sources: Vec<Mention>) {
    for m in sources {
        let same = |k: &Mention| k.document == m.document && k.sentence_index == m.sentence_index;
        if !entry.sources.iter().any(same) {
            entry.sources.push(m);
        }
    }
    let mut documents: Vec<&str> = entry.sources.iter().map(|m| m.document.as_str()).collect();
    documents.sort_unstable();
    documents.dedup();
    // Each new article raises the salience as it does in `entry`.
    entry.salience += 2.0 * (documents.len() - entry.source_count) as f64;
    entry.source_count = documents.len();
}

/// The `n` most salient entries of a timeline, still in time order.
pub fn top(entries: &[TimelineEntry], n: usize) -> Vec<TimelineEntry> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| {
        entries[b]
            .salience
            .total_cmp(&entries[a].salience)
            .then(a.cmp(&b))
    });
    order.truncate(n);
    order.sort_unstable();
    order.into_iter().map(|i| entries[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(published: Option<&str>, status: &str) -> Mention {
        Mention {
            document: "d".into(),
            outlet: None,
            published: published.map(str::to_string),
            sentence_index: 0,
            start: 0,
            end: 1,
            date: Some("2024-05-10".into()),
            date_from: Some("clause".into()),
            status: status.into(),
            reported_by: None,
            size: None,
            lead: false,
            text: String::new(),
        }
    }

    #[test]
    fn an_article_published_before_the_day_reports_only_a_plan_for_it() {
        let (day, _) = dates::interval("2024-05-10").unwrap();
        let cases = [
            (Some("2024-05-09"), "happened", false),
            (Some("2024-05-09"), "future", true),
            (Some("2024-05-09"), "announced", true),
            (Some("2024-05-10"), "happened", true),
            (Some("2024-05-12"), "happened", true),
            (None, "happened", true),
        ];
        for (published, status, want) in cases {
            assert_eq!(
                told_by_then(&mention(published, status), day),
                want,
                "{published:?} {status}"
            );
        }
    }
}
