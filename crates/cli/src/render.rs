//! Output for people: tables and document views. JSON output is the
//! serde form of the model types, which is the documented contract.

use storyline_model::Document;
use storyline_store::{DocSummary, StoreError};

/// A fatal error that carries its hint, printed on a line of its own
/// under the error as the store's hints are.
#[derive(Debug)]
pub struct Hinted {
    pub message: String,
    pub hint: String,
}

impl std::fmt::Display for Hinted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Hinted {}

/// A hint for a fatal error, when its cause is one of ours.
pub fn hint_for(e: &anyhow::Error) -> Option<String> {
    if let Some(h) = e.chain().find_map(|c| c.downcast_ref::<Hinted>()) {
        return Some(h.hint.clone());
    }
    let store_error = e.chain().find_map(|c| c.downcast_ref::<StoreError>())?;
    Some(match store_error {
        // The store library does not know the command line; here the hint
        // can give the exact command that creates the store.
        StoreError::NotFound(location) => {
            format!("run `storyline ingest --db {location} FILES` first")
        }
        other => other.hint().to_string(),
    })
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

pub fn docs_table(rows: &[DocSummary]) -> String {
    let mut out = format!(
        "{:<16}  {:<10}  {:<16}  {:<8}  {:>6}  {}\n",
        "ID", "DATE", "OUTLET", "AGENCY", "WORDS", "TITLE"
    );
    for r in rows {
        out.push_str(&format!(
            "{:<16}  {:<10}  {:<16}  {:<8}  {:>6}  {}\n",
            r.id,
            r.published.as_deref().unwrap_or("-"),
            cut(r.outlet.as_deref().unwrap_or("-"), 16),
            r.agency.as_deref().unwrap_or("-"),
            r.words,
            cut(r.title.as_deref().unwrap_or("(untitled)"), 80),
        ));
    }
    out
}

/// The header block of a document: one `key: value` line per field.
pub fn doc_header(doc: &Document) -> String {
    let mut out = String::new();
    let mut line = |k: &str, v: Option<String>| {
        out.push_str(&format!("{k:<10} {}\n", v.unwrap_or_else(|| "-".into())));
    };
    line("id", Some(doc.id.to_string()));
    line("title", doc.title.clone());
    line(
        "published",
        doc.published.map(|d| {
            let from = doc.published_from.map(|o| o.as_str()).unwrap_or("?");
            format!("{d} (from {from})")
        }),
    );
    line("updated", doc.updated.map(|d| d.to_string()));
    line("outlet", doc.outlet.clone());
    line("agency", doc.agency.clone());
    line(
        "authors",
        (!doc.authors.is_empty()).then(|| doc.authors.join(", ")),
    );
    line("language", doc.language.clone());
    line("url", doc.url.clone());
    line(
        "words",
        Some(format!(
            "{} in {} paragraphs, {} sentences",
            doc.word_count(),
            doc.paragraphs.len(),
            doc.sentences.len()
        )),
    );
    line(
        "found",
        Some(format!(
            "{} figures, {} time expressions, {} entities, {} claims, {} events",
            doc.quantities.len(),
            doc.times.len(),
            doc.entities.len(),
            doc.claims.len(),
            doc.events.len()
        )),
    );
    for s in &doc.sources {
        line("source", Some(format!("{} ({})", s.source, s.encoding)));
    }
    out
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        // Thousands separators make figures readable at a glance.
        storyline_story::with_thousands(v)
    } else {
        format!("{v}")
    }
}

/// A figure's value or bounds, in interval notation when bounded.
fn bounds(q: &storyline_model::Quantity) -> String {
    match (q.value, q.low, q.high) {
        (Some(v), Some(l), Some(h)) if l == v && h == v => number(v),
        (_, low, high) => format!(
            "{}{}, {}{}",
            if q.low_inclusive && low.is_some() {
                '['
            } else {
                '('
            },
            low.map_or("-inf".into(), number),
            high.map_or("inf".into(), number),
            if q.high_inclusive && high.is_some() {
                ']'
            } else {
                ')'
            },
        ),
    }
}

pub fn figures_table(quantities: &[storyline_model::Quantity]) -> String {
    let mut out = format!(
        "{:<28}  {:<32}  {:<10}  {:<4}  {:<10}  {}\n",
        "TEXT", "VALUE", "QUALIFIER", "CUR", "MEASURE", "COUNTED"
    );
    for q in quantities {
        out.push_str(&format!(
            "{:<28}  {:<32}  {:<10}  {:<4}  {:<10}  {}\n",
            cut(&q.text, 28),
            bounds(q),
            q.qualifier.as_deref().unwrap_or("-"),
            q.currency.as_deref().unwrap_or("-"),
            q.measure,
            q.counted.as_deref().unwrap_or("-"),
        ));
    }
    out
}

pub fn times_table(times: &[storyline_model::TimeExpr]) -> String {
    let mut out = format!(
        "{:<30}  {:<24}  {:<23}  {:<9}  {:<12}  {}\n",
        "TEXT", "VALUE", "DAYS", "PRECISION", "MOD", "ANCHOR"
    );
    for t in times {
        let days = match &t.interval {
            [None, None] => "-".to_string(),
            [a, b] => format!(
                "{}..{}",
                a.as_deref().unwrap_or(""),
                b.as_deref().unwrap_or("")
            ),
        };
        let anchor = match (&t.anchor, &t.anchor_from, &t.tense) {
            (Some(a), Some(from), tense) => {
                format!(
                    "{from} {a}{}",
                    tense.as_ref().map_or(String::new(), |t| format!(", {t}"))
                )
            }
            _ => "-".to_string(),
        };
        out.push_str(&format!(
            "{:<30}  {:<24}  {:<23}  {:<9}  {:<12}  {}\n",
            cut(&t.text, 30),
            cut(&t.value, 24),
            days,
            t.precision.as_deref().unwrap_or("-"),
            t.modifier.as_deref().unwrap_or("-"),
            anchor,
        ));
    }
    out
}

pub fn entities_table(entities: &[storyline_model::Entity]) -> String {
    let mut out = format!(
        "{:<30}  {:<7}  {:<14}  {:<34}  {}\n",
        "TEXT", "KIND", "CODE", "NAME", "OFFICE / PLACE / RULE"
    );
    for e in entities {
        let detail = match (&e.office, &e.region, e.lat, e.lon) {
            (Some(o), _, _, _) => match &e.org {
                Some(org) => format!("{o}, {org}"),
                None => o.clone(),
            },
            (None, region, Some(lat), Some(lon)) => format!(
                "{}{lat:.2}, {lon:.2}",
                region.as_ref().map_or(String::new(), |r| format!("{r}; "))
            ),
            _ => String::new(),
        };
        let rule = match e.refers_to {
            Some(i) => format!("{} -> #{i}", e.rule),
            None => e.rule.clone(),
        };
        out.push_str(&format!(
            "{:<30}  {:<7}  {:<14}  {:<34}  {}\n",
            cut(&e.text, 30),
            e.kind,
            e.code.as_deref().unwrap_or("-"),
            cut(e.name.as_deref().unwrap_or("-"), 34),
            if detail.is_empty() {
                rule
            } else {
                format!("{detail} ({rule})")
            },
        ));
    }
    out
}

pub fn events_table(events: &[storyline_model::Event]) -> String {
    let mut out = format!(
        "{:<10}  {:<12}  {:<18}  {:<18}  {:<10}  {:<12}  {:<14}  {}\n",
        "CATEGORY", "STATUS", "ACTORS", "RECIPIENTS", "DATE", "PLACE", "SIZE", "VERB"
    );
    for e in events {
        out.push_str(&format!(
            "{:<10}  {:<12}  {:<18}  {:<18}  {:<10}  {:<12}  {:<14}  {}\n",
            e.category,
            e.status,
            cut(&e.actors.join(", "), 18),
            cut(&e.recipients.join(", "), 18),
            e.date.as_deref().unwrap_or("-"),
            cut(e.location.as_deref().unwrap_or("-"), 12),
            cut(e.size.as_deref().unwrap_or("-"), 14),
            e.verb,
        ));
    }
    out
}

pub fn occurrences_table(occurrences: &[storyline_model::Occurrence]) -> String {
    let mut out = format!(
        "{:<10}  {:<12}  {:<10}  {:<12}  {:<14}  {}\n",
        "KIND", "STATUS", "DATE", "PLACE", "SIZE", "WHAT"
    );
    for o in occurrences {
        let told = match &o.verb {
            Some(v) => format!("{} ({v})", o.what),
            None => o.what.clone(),
        };
        out.push_str(&format!(
            "{:<10}  {:<12}  {:<10}  {:<12}  {:<14}  {}\n",
            o.kind,
            o.status,
            o.date.as_deref().unwrap_or("-"),
            cut(o.location.as_deref().unwrap_or("-"), 12),
            cut(o.size.as_deref().unwrap_or("-"), 14),
            cut(&told, 60),
        ));
    }
    out
}

pub fn claims_table(claims: &[storyline_model::Claim], text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = format!(
        "{:<28}  {:<12}  {:<8}  {:<10}  {:<22}  {}\n",
        "SPEAKER", "VERB", "QUOTE", "SAID ON", "HEDGES", "CONTENT"
    );
    for c in claims {
        let content: String = chars[c.start.min(chars.len())..c.end.min(chars.len())]
            .iter()
            .collect();
        out.push_str(&format!(
            "{:<28}  {:<12}  {:<8}  {:<10}  {:<22}  {}\n",
            cut(c.speaker.as_deref().unwrap_or("-"), 28),
            cut(&c.verb, 12),
            c.quote,
            c.said_on.as_deref().unwrap_or("-"),
            cut(&c.hedges.join(", "), 22),
            cut(&content, 60),
        ));
    }
    out
}

/// A figure track for people: what it measures, then one line per
/// observation in time order, disagreements marked.
pub fn figure_track(t: &storyline_story::FigureTrack) -> String {
    let mut out = format!(
        "figures: {} of {}{}\n",
        t.measure,
        t.subject,
        t.scope
            .as_ref()
            .map_or(String::new(), |s| format!(" ({s})"))
    );
    for (i, o) in t.observations.iter().enumerate() {
        let flags: Vec<String> = t
            .disagreements
            .iter()
            .filter(|d| d.first == i || d.second == i)
            .map(|d| {
                format!(
                    "{} disagreement with #{}",
                    d.kind,
                    if d.first == i { d.second } else { d.first }
                )
            })
            .collect();
        out.push_str(&format!(
            "  #{i} {:<10} {:<28} {:<34} {}{}{}\n",
            o.said_on.as_deref().unwrap_or("-"),
            cut(&o.text, 28),
            cut(o.speaker.as_deref().unwrap_or("-"), 34),
            o.document,
            if o.hedges.is_empty() {
                String::new()
            } else {
                format!(" [{}]", o.hedges.join(", "))
            },
            if flags.is_empty() {
                String::new()
            } else {
                format!("  <- {}", flags.join("; "))
            },
        ));
    }
    out
}

pub fn removed_lines(doc: &Document) -> String {
    let mut out = String::new();
    for r in &doc.removed {
        out.push_str(&format!(
            "  line {:>4}  {:<18} {}\n",
            r.line, r.reason, r.text
        ));
    }
    out
}

/// A story for people: one line with its id, span, size and label.
pub fn story_line(s: &storyline_story::Story) -> String {
    format!(
        "story {:<4} {} .. {}  {:>3} article(s), {} independent, {} outlet(s)  {}\n",
        s.id,
        s.first.as_deref().unwrap_or("?"),
        s.last.as_deref().unwrap_or("?"),
        s.documents.len(),
        s.articles,
        s.outlets.len(),
        s.label
    )
}

/// A timeline entry for people: date, the source's words, how many
/// independent sources report it, and a link to each source sentence.
pub fn timeline_entry(e: &storyline_story::TimelineEntry) -> String {
    let sources: Vec<String> = e
        .sources
        .iter()
        .map(|s| {
            format!(
                "{}#{}",
                s.outlet
                    .as_deref()
                    .unwrap_or(&s.document[..s.document.len().min(8)]),
                s.sentence_index
            )
        })
        .collect();
    let count = match e.source_count {
        1 => "1 source".to_string(),
        n => format!("{n} sources"),
    };
    format!(
        "  {:<10}  {}  ({count}) [{}]\n",
        e.date,
        e.text,
        sources.join(", ")
    )
}

/// Merged events for people: one line each, with how many sources report
/// it and when it was first reported.
pub fn merged_events_table(events: &[storyline_story::MergedEvent]) -> String {
    let mut out = format!(
        "{:<5}  {:<10}  {:<10}  {:<7}  {:<10}  {}\n",
        "ID", "CATEGORY", "DATE", "SOURCES", "FIRST", "SUMMARY"
    );
    for e in events {
        out.push_str(&format!(
            "{:<5}  {:<10}  {:<10}  {:<7}  {:<10}  {}\n",
            e.id,
            e.category,
            e.date.as_deref().unwrap_or("-"),
            e.sources.len(),
            e.first_reported.as_deref().unwrap_or("-"),
            e.summary
        ));
    }
    out
}
