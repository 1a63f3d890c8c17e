//! Happenings without an actor (an earthquake, a flood, a toll given or
//! revised) merged across articles, as events are: one merged occurrence
//! per happening, with every report of it.

use crate::events::Mention;
use serde::Serialize;
use storyline_model::{Document, Occurrence};

/// Days two reports' dates may lie apart and still tell one happening,
/// when a date comes from the text; with a date taken from publication,
/// a wider slack (an article reports yesterday's quake).
const TEXT_SLACK_DAYS: i64 = 1;
const PUBLISHED_SLACK_DAYS: i64 = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedOccurrence {
    /// `oc1`, `oc2`, ... in order of first report.
    pub id: String,
    pub kind: String,
    /// The best date the reports give, as for merged events.
    pub date: Option<String>,
    pub status: String,
    pub location: Option<String>,
    pub size: Option<String>,
    /// The documents that report it, each once.
    pub sources: Vec<String>,
    pub first_reported: Option<String>,
    pub mentions: Vec<Mention>,
}

fn mention(doc: &Document, o: &Occurrence) -> Mention {
    Mention {
        date: o.date.clone(),
        date_from: o.date_from.clone(),
        status: o.status.clone(),
        reported_by: o.reported_by.clone(),
        size: o.size.clone(),
        ..Mention::at(doc, o.sentence_index, o.start, o.end)
    }
}

struct Group {
    kind: String,
    /// The happening's proper name, when a report gives one.
    name: Option<String>,
    negative: bool,
    location: Option<String>,
    size: Option<String>,
    mentions: Vec<Mention>,
}

/// The proper name in the words that name a happening ("Cyclone
/// Teodora", "the Tohoku earthquake"): its capitalised words, lower-cased,
/// leaving out words all in capitals (a dateline's place) and a capital
/// that only opens the sentence ("The storm"). `None` when nothing is
/// named.
fn proper_name(what: &str) -> Option<String> {
    let words: Vec<String> = what
        .split_whitespace()
        .enumerate()
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|(_, w)| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .any(char::is_lowercase)
        })
        .filter(|(i, w)| !(*i == 0 && matches!(*w, "The" | "A" | "An" | "This" | "That")))
        .map(|(_, w)| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    // One capitalised word alone may be the kind itself ("Cyclone"); a
    // name has a word beyond it.
    (words.len() >= 2).then(|| words.join(" "))
}

fn place_key(place: &str) -> String {
    place.split_whitespace().next().unwrap_or("").to_lowercase()
}

fn is_negative(status: &str) -> bool {
    matches!(status, "negated" | "hypothetical")
}

impl Group {
    /// One happening: the same kind and polarity, no two different
    /// places, and dates that fit every report's. `name` is the
    /// occurrence's [`proper_name`].
    fn accepts(&self, o: &Occurrence, m: &Mention, name: Option<&str>) -> bool {
        if self.kind != o.kind || self.negative != is_negative(&o.status) {
            return false;
        }
        // The same named happening is one, whatever day a report gives
        // it: "Cyclone Teodora" a week on is still the cyclone.
        if let (Some(a), Some(b)) = (&self.name, name) {
            return a == b;
        }
        if let (Some(a), Some(b)) = (&self.location, &o.location) {
            if place_key(a) != place_key(b) {
                return false;
            }
        }
        // A toll given again with another figure is a new count: each
        // revision is a step of its own on the timeline.
        if o.kind == "toll" {
            if let (Some(a), Some(b)) = (&self.size, &o.size) {
                if a != b {
                    return false;
                }
            }
        }
        // A date not from the happening's own clause is the day a later
        // article mentions it ("Cyclone Teodora, which struck last week,
        // ..."): weak.
        crate::events::dates_fit(
            &self.mentions,
            m,
            |m| matches!(m.date_from.as_deref(), Some("clause" | "announced")),
            (TEXT_SLACK_DAYS, PUBLISHED_SLACK_DAYS),
        )
    }
}

/// The merged occurrences of a set of documents (canonical articles
/// only, as for [`crate::merge`]), read in publication order.
pub fn merge_occurrences(documents: &[&Document]) -> Vec<MergedOccurrence> {
    let mut merging = OccurrenceMerging::default();
    for doc in crate::events::in_publication_order(documents) {
        merging.add(doc);
    }
    merging.finish()
}

/// Occurrences being merged one document at a time, in publication
/// order, as [`crate::events::Merging`] merges events.
#[derive(Default)]
pub struct OccurrenceMerging {
    groups: Vec<Group>,
}

impl OccurrenceMerging {
    /// Adds the occurrences of the next document.
    pub fn add(&mut self, doc: &Document) {
        let groups = &mut self.groups;
        for o in &doc.occurrences {
            let m = mention(doc, o);
            let name = proper_name(&o.what);
            match groups
                .iter_mut()
                .find(|g| g.accepts(o, &m, name.as_deref()))
            {
                Some(g) => {
                    g.name = g.name.take().or(name);
                    g.location = g.location.take().or_else(|| o.location.clone());
                    g.size = g.size.take().or_else(|| o.size.clone());
                    g.mentions.push(m);
                }
                None => groups.push(Group {
                    kind: o.kind.clone(),
                    name,
                    negative: is_negative(&o.status),
                    location: o.location.clone(),
                    size: o.size.clone(),
                    mentions: vec![m],
                }),
            }
        }
    }

    /// The merged occurrences of every document added.
    pub fn finish(self) -> Vec<MergedOccurrence> {
        self.groups
            .into_iter()
            .enumerate()
            .map(|(i, g)| finish(g, i + 1))
            .collect()
    }
}

fn finish(g: Group, id: usize) -> MergedOccurrence {
    let date = crate::events::best_date(&g.mentions);
    let sources = crate::events::distinct_sources(&g.mentions);
    let status = crate::events::merged_status(&g.mentions);
    MergedOccurrence {
        id: format!("oc{id}"),
        kind: g.kind,
        date,
        status,
        location: g.location,
        size: g.size,
        sources,
        first_reported: g.mentions.iter().filter_map(|m| m.published.clone()).min(),
        mentions: g.mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_happening_is_named_by_its_capitalised_words() {
        assert_eq!(
            proper_name("Cyclone Teodora").as_deref(),
            Some("cyclone teodora")
        );
        assert_eq!(
            proper_name("MAPUTO - Cyclone Teodora").as_deref(),
            Some("cyclone teodora")
        );
        assert_eq!(proper_name("the storm"), None);
        assert_eq!(proper_name("The storm"), None);
        assert_eq!(proper_name("a magnitude 7.8 earthquake"), None);
        assert_eq!(proper_name("Hurricane"), None);
    }
}
