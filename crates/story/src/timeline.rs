//! The timeline: the dated merged events of a story, in time order, each
//! with its date precision, a generated summary and the sentences that
//! report it.

use crate::dates;
use crate::events::{Mention, MergedEvent};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub date: String,
    /// `day`, `month` or `year`.
    pub precision: String,
    pub summary: String,
    /// The reports behind it, one per sentence, each with the link back
    /// to its sentence.
    pub sources: Vec<Mention>,
    /// The merged event the entry shows.
    pub event: String,
    pub category: String,
    pub status: String,
}

/// Whether an event belongs on the timeline: it has a date, it is not a
/// denial or a conditional, and either its date comes from the text or
/// it is the news an article leads with (dated by the article).
fn dated_news(e: &MergedEvent) -> bool {
    if e.date.is_none() || matches!(e.status.as_str(), "negated" | "hypothetical") {
        return false;
    }
    // Someone must do it, or it must at least have a target and a size
    // or a place: "forces deployed" alone says nothing.
    let identified = !e.actors.is_empty()
        || (!e.recipients.is_empty() && (e.size.is_some() || e.location.is_some()));
    if !identified {
        return false;
    }
    let from_text = e
        .mentions
        .iter()
        .any(|m| m.date == e.date && m.date_from.as_deref() != Some("published"));
    from_text || e.mentions.iter().any(|m| m.lead)
}

/// The timeline of a set of merged events.
pub fn timeline(events: &[MergedEvent]) -> Vec<TimelineEntry> {
    let mut entries: Vec<(i64, Option<String>, TimelineEntry)> = events
        .iter()
        .filter(|e| dated_news(e))
        .filter_map(|e| {
            let mut seen = std::collections::HashSet::new();
            let date = e.date.clone()?;
            let (first_day, _) = dates::interval(&date)?;
            let entry = TimelineEntry {
                precision: dates::precision(&date).unwrap_or("day").to_string(),
                date,
                summary: e.summary.clone(),
                sources: e
                    .mentions
                    .iter()
                    .filter(|m| {
                        // One link per sentence: several events of one
                        // sentence can merge into the same entry.
                        seen.insert((m.document.clone(), m.sentence_index))
                    })
                    .cloned()
                    .collect(),
                event: e.id.clone(),
                category: e.category.clone(),
                status: e.status.clone(),
            };
            Some((first_day, e.first_reported.clone(), entry))
        })
        .collect();
    entries.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    entries.into_iter().map(|(_, _, e)| e).collect()
}
