//! One cleaning pass over a text: classify units, find the title, bound
//! the body, drop furniture, rejoin broken lines.

use crate::rules::{self, DateLineKind};
use crate::unit::{split_units, Features};
use std::collections::HashMap;
use storyline_model::{PartialDate, RemovedLine};
use storyline_text::agency;

/// What kind of text is being cleaned, which decides how much of the
/// page's shape the cleaner must work out for itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// Scraped text: the whole page flattened, so the body must be found
    /// between its first and last prose paragraphs.
    #[default]
    ScrapedText,
    /// Text already extracted from a page's article element: the markup
    /// bounded the body, so only line rules apply, and lists, tables and
    /// short closing lines inside it stay.
    ExtractedHtml,
}

/// Metadata the pass read from the lines it removed or trimmed.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// From a publication line, with that line as evidence.
    pub published: Option<(PartialDate, String)>,
    /// From a line holding only a date near the top.
    pub dateline: Option<(PartialDate, String)>,
    pub updated: Option<PartialDate>,
    pub page_date: Option<PartialDate>,
    pub agency: Option<&'static str>,
    pub authors: Vec<String>,
}

impl Found {
    fn credit(&mut self, agency: &'static str) {
        self.agency.get_or_insert(agency);
    }
}

pub struct PassOutput {
    pub paragraphs: Vec<String>,
    /// Index of the title among `paragraphs`.
    pub title: Option<usize>,
    pub removed: Vec<RemovedLine>,
    pub found: Found,
}

/// The longest piece of a removed line kept for the record.
const REMOVED_PREVIEW_CHARS: usize = 160;

fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(REMOVED_PREVIEW_CHARS).collect();
    if text.chars().nth(REMOVED_PREVIEW_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// The top of a page holds the title, standfirst, bylines and furniture;
/// lines that far down are body even without a prose line before them.
const TOP_LINES: usize = 8;

pub fn clean_pass(input: &str, profile: Profile) -> PassOutput {
    let units = split_units(input);
    let n = units.len();
    let mut text: Vec<String> = units.iter().map(|u| u.text.clone()).collect();
    let mut removed = Vec::new();
    let mut found = Found::default();

    // Wire sign-offs ("... in 2022. AFP") come off first: they would hide
    // the sentence end that marks the line as prose.
    for (unit, t) in units.iter().zip(text.iter_mut()) {
        if let Some((body, a)) = agency::strip_sign_off(t) {
            removed.push(RemovedLine {
                line: unit.line,
                text: t[body.len()..].trim().to_string(),
                reason: "agency-sign-off".into(),
            });
            *t = body.to_string();
            found.credit(a);
        }
    }
    let mut features: Vec<Features> = text.iter().map(|t| Features::of(t)).collect();
    let mut reason: Vec<Option<&'static str>> = vec![None; n];

    mark_repeats(&text, &features, &mut reason, profile);

    for i in 0..n {
        if reason[i].is_some() {
            continue;
        }
        let t = text[i].as_str();
        let f = features[i];
        reason[i] = if rules::is_separator(t) {
            Some("separator")
        } else if let Some(date) = rules::page_header(t, &f) {
            if let Some(d) = date {
                found.page_date.get_or_insert(d.date);
            }
            Some("page-header")
        } else if let Some((kind, d, rest)) = rules::publication_line(t) {
            if rest >= t.len() {
                match kind {
                    DateLineKind::Published => {
                        found.published.get_or_insert((d.date, t.to_string()));
                    }
                    DateLineKind::Updated => {
                        found.updated.get_or_insert(d.date);
                    }
                }
                Some("publication-line")
            } else if i < 3
                && kind == DateLineKind::Published
                && Features::of(&t[rest..]).words >= 4
            {
                // A date glued to the first paragraph: keep the prose.
                found
                    .published
                    .get_or_insert((d.date, t[..rest].trim().to_string()));
                removed.push(RemovedLine {
                    line: units[i].line,
                    text: t[..rest].trim().to_string(),
                    reason: "date-prefix".into(),
                });
                text[i] = t[rest..].to_string();
                features[i] = Features::of(&text[i]);
                None
            } else {
                None
            }
        } else if rules::is_relative_publication_line(t) {
            Some("publication-line")
        } else if rules::is_gallery_counter(t) {
            Some("gallery-counter")
        } else if let Some(d) = rules::date_only_line(t) {
            if i < TOP_LINES {
                found.dateline.get_or_insert((d.date, t.to_string()));
            }
            Some("date-line")
        } else if let Some(names) = rules::byline(t) {
            for name in names {
                match agency::canonical(&name) {
                    Some(a) => found.credit(a),
                    None => found.authors.push(name),
                }
            }
            Some("byline")
        } else if rules::is_credit_line(t) {
            Some("credit-line")
        } else if let Some(a) = agency::lone_credit(t) {
            found.credit(a);
            Some("agency-credit")
        } else if rules::is_photo_credit(t, f.words) {
            // A caption sits just above its credit and, unlike body text,
            // does not end a sentence.
            if let Some(j) = i.checked_sub(1) {
                if reason[j].is_none() && !features[j].terminal && features[j].words <= 40 {
                    reason[j] = Some("caption");
                }
            }
            Some("photo-credit")
        } else if rules::is_call_to_action(t, f.words) {
            Some("call-to-action")
        } else {
            None
        };
    }

    mark_time_ago_lists(&text, &features, &mut reason);

    let kept = |reason: &[Option<&str>]| -> Vec<usize> {
        (0..n).filter(|&i| reason[i].is_none()).collect()
    };
    let live = kept(&reason);
    let first_prose = live.iter().copied().find(|&i| features[i].is_prose());
    let last_prose = live.iter().copied().rev().find(|&i| features[i].is_prose());

    // The top: everything before the first prose paragraph.
    let mut title = None;
    let top_end = first_prose.unwrap_or(n);
    for &i in live.iter().filter(|&&i| i < top_end) {
        let f = features[i];
        let t = text[i].as_str();
        let label = f.words <= 2 || t.ends_with(':');
        if title.is_none()
            && first_prose.is_some()
            && (3..=30).contains(&f.words)
            && !t.ends_with('.')
            && !t.ends_with(':')
        {
            title = Some(i);
        } else if label && first_prose.is_some() {
            reason[i] = Some("section-label");
        }
    }
    if title.is_none() && first_prose.is_none() {
        // No prose at all (a brief, a list): keep what survived, and take a
        // headline-shaped first line as the title.
        title = live.first().copied().filter(|&i| {
            (3..=30).contains(&features[i].words) && !features[i].terminal && live.len() > 1
        });
    }

    // The end: after the last prose paragraph, what stays is finished
    // sentences and unfinished ones that still read as prose (a sentence
    // the scraper cut off); short or headline-shaped lines go.
    if let Some(last) = last_prose.filter(|_| profile == Profile::ScrapedText) {
        for &i in live.iter().filter(|&&i| i > last) {
            let f = features[i];
            if !f.terminal && (f.words < 8 || f.stopword_share() < 0.3) {
                reason[i] = Some("end-furniture");
            }
        }
    }

    // A dateline credit in the body itself: "KYIV (Reuters) -".
    if let Some(first) = first_prose {
        if let Some(a) = agency::dateline_credit(&text[first]) {
            found.credit(a);
        }
    }
    for i in 0..n {
        if let Some(r) = reason[i] {
            removed.push(RemovedLine {
                line: units[i].line,
                text: preview(&text[i]),
                reason: r.into(),
            });
        }
    }
    removed.sort_by_key(|r| r.line);

    // Rejoin lines a scraper broke mid-sentence: an unfinished line
    // followed by one that starts in lower case.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut title_index = None;
    let mut previous: Option<usize> = None;
    for i in kept(&reason) {
        let t = text[i].trim();
        if t.is_empty() {
            continue;
        }
        let joins = previous
            .is_some_and(|p| Some(p) != title && !features[p].terminal && !text[p].ends_with(':'))
            && features[i].starts_lowercase;
        match paragraphs.last_mut() {
            Some(last) if joins => {
                last.push(' ');
                last.push_str(t);
            }
            _ => {
                if Some(i) == title {
                    title_index = Some(paragraphs.len());
                }
                paragraphs.push(t.to_string());
            }
        }
        previous = Some(i);
    }

    PassOutput {
        paragraphs,
        title: title_index,
        removed,
        found,
    }
}

/// Lines of four or more words that occur twice. Copies close together
/// are a caption printed twice (image and lightbox) and all go; a distant
/// copy is a repeat and only the later ones go.
fn mark_repeats(
    text: &[String],
    features: &[Features],
    reason: &mut [Option<&'static str>],
    profile: Profile,
) {
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, t) in text.iter().enumerate() {
        if features[i].words >= 4 {
            seen.entry(t.to_lowercase()).or_default().push(i);
        }
    }
    for indices in seen.values().filter(|v| v.len() > 1) {
        let close = indices.windows(2).any(|w| w[1] - w[0] <= 3);
        let targets = match (close, profile) {
            (true, _) => &indices[..],
            (false, Profile::ScrapedText) => &indices[1..],
            // In a page's article body, a distant repeat is the author's
            // (a refrain, a repeated question); the markup already bounded
            // the body.
            (false, Profile::ExtractedHtml) => &[][..],
        };
        for &i in targets {
            reason[i] = Some(if close {
                "repeated-caption"
            } else {
                "repeated-line"
            });
        }
    }
}

/// Lists of other stories: runs of short, unfinished lines holding at
/// least two "20 hours ago" markers. The run is cut to the markers and the
/// headlines that go with them, so a title just above a list survives.
fn mark_time_ago_lists(
    text: &[String],
    features: &[Features],
    reason: &mut [Option<&'static str>],
) {
    let n = text.len();
    let mut i = 0;
    while i < n {
        if reason[i].is_none() && features[i].is_prose() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && (reason[i].is_some() || !features[i].is_prose()) {
            i += 1;
        }
        let run = start..i;
        let markers: Vec<usize> = run
            .clone()
            .filter(|&j| reason[j].is_none() && rules::is_time_ago(&text[j], features[j].words))
            .collect();
        if markers.len() < 2 {
            continue;
        }
        let (first, last) = (markers[0], markers[markers.len() - 1]);
        // Headlines follow their markers, unless the run ends on a marker,
        // in which case they precede them.
        let (from, to) = if last + 1 < run.end {
            (first, last + 1)
        } else {
            (first.saturating_sub(1).max(run.start), last)
        };
        for r in reason.iter_mut().take(to + 1).skip(from) {
            if r.is_none() {
                *r = Some("time-ago-list");
            }
        }
    }
}
