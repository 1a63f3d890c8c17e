//! Dated reports: sentences that date what they tell, or the statement
//! they report, to a day in their own words ("On Sept. 15 the bank filed
//! for bankruptcy", "On Wednesday, the office reported that exports fell
//! in May"), though no event or occurrence on the timeline tells them.
//! Editors build timelines from
//! such sentences, and the days many articles date things to are the
//! story's days, so the timeline takes them too: one entry per day, told
//! by its best sentence, with every article that dates something to it.

use crate::events::Mention;
use std::collections::{BTreeMap, HashSet};
use storyline_model::Document;

/// Sentences dated to one day across articles.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedReport {
    /// `dr1`, `dr2`, ... in date order.
    pub id: String,
    pub date: String,
    pub mentions: Vec<Mention>,
}

/// Whether a time expression dates a happening to one day: a point date
/// ("on Tuesday", "March 18", "yesterday") with no modifier, not the end
/// of a span ("from Wednesday", "until Friday", "since Saturday") and not
/// a day counted from another happening ("a week after the cyclone").
fn point_day(doc: &Document, time: &storyline_model::TimeExpr) -> bool {
    if time.kind != "date"
        || time.modifier.is_some()
        || crate::dates::precision(&time.value) != Some("day")
    {
        return false;
    }
    let lower = time.text.to_lowercase();
    if ["after", "before", "since", "from", "until"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return false;
    }
    let before: String = doc
        .text
        .chars()
        .skip(time.start.saturating_sub(8))
        .take(time.start.min(8))
        .collect::<String>()
        .to_lowercase();
    !["from ", "until ", "till ", "by ", "since "]
        .iter()
        .any(|w| before.ends_with(w))
}

/// The day a sentence dates what it tells to in its own words: the point
/// date of its event, else the day its statement was made when the
/// sentence names it ("On Wednesday, the firm reported that sales fell
/// in September": the report is Wednesday's news).
fn own_day<'d>(doc: &'d Document, d: &'d storyline_model::SentenceDates) -> Option<&'d str> {
    if let Some(time) = d.refers_to.and_then(|t| doc.times.get(t)) {
        if point_day(doc, time) {
            // "last night" is "2008-09-18TNI": its day is the date part,
            // so that it joins the other reports of that day.
            return Some(time.value.get(..10).unwrap_or(&time.value));
        }
    }
    let said_on = d.said_on.as_deref()?;
    (d.said_on_from.as_deref() == Some("text") && crate::dates::precision(said_on) == Some("day"))
        .then_some(said_on)
}

/// The dated reports of a set of documents (canonical articles only),
/// leaving out the sentences in `covered` (document id, sentence index):
/// those an event or occurrence already tells. A sentence counts when
/// its own words date it, or the statement it reports, to one day (see
/// `own_day`) and that day is not after the article's publication (a
/// plan is not a happening yet).
pub fn dated_reports(
    documents: &[&Document],
    covered: &HashSet<(String, usize)>,
) -> Vec<DatedReport> {
    let mut reporting = Reporting::default();
    for doc in documents {
        reporting.add(doc, covered);
    }
    reporting.finish()
}

/// Dated reports gathered one document at a time; documents added in the
/// order given to [`dated_reports`] give the same reports.
#[derive(Default)]
pub struct Reporting {
    by_day: BTreeMap<String, Vec<Mention>>,
}

impl Reporting {
    /// Adds the dated sentences of the next document that `covered` does
    /// not already tell.
    pub fn add(&mut self, doc: &Document, covered: &HashSet<(String, usize)>) {
        let by_day = &mut self.by_day;
        let published = doc.published.as_ref().map(|p| p.to_string());
        for d in &doc.sentence_dates {
            let Some(day) = own_day(doc, d) else {
                continue;
            };
            if published
                .as_deref()
                .is_some_and(|p| p.len() == 10 && day > p)
                || covered.contains(&(doc.id.as_str().to_string(), d.sentence))
            {
                continue;
            }
            let Some(span) = doc.sentences.get(d.sentence) else {
                continue;
            };
            // The whole sentence tells it: its line keeps everything but
            // the dateline and a closing attribution.
            by_day.entry(day.to_string()).or_default().push(Mention {
                date: Some(day.to_string()),
                date_from: Some("sentence".into()),
                text: crate::line::source_line(doc, d.sentence, None),
                ..Mention::at(doc, d.sentence, span.start, span.end)
            });
        }
    }

    /// The reports of every document added, a day each.
    pub fn finish(self) -> Vec<DatedReport> {
        self.by_day
            .into_iter()
            .enumerate()
            .map(|(i, (date, mentions))| DatedReport {
                id: format!("dr{}", i + 1),
                date,
                mentions,
            })
            .collect()
    }
}
