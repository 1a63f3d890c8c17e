//! The pages, rendered from what the store holds: the stories list, a
//! story (timeline, figure tracks, events, sources) and an article with
//! its annotations highlighted.

use crate::html::{esc, page};
use crate::svg;
use storyline_model::Document;
use storyline_story::{FigureTrack, MergedEvent, Story, TimelineEntry};

/// Rows of one list or table a page shows, and charts a story page
/// draws: pages stay bounded however large a story grows; the JSON API
/// has everything.
const MAX_ROWS: usize = 500;
const MAX_CHARTS: usize = 40;

/// At most `max` characters of a headline, cut at a word.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..at])
}

/// A note under a list cut at `MAX_ROWS`.
fn more(total: usize, shown: usize) -> String {
    if total > shown {
        format!(
            "<p class=\"muted\">{} more not shown; the JSON API has them all.</p>",
            total - shown
        )
    } else {
        String::new()
    }
}

pub fn stories(stories: &[Story]) -> String {
    if stories.is_empty() {
        return page(
            "Stories",
            "<h1>Stories</h1><p id=\"empty\">This store holds no articles yet. Add some with \
             <code>storyline ingest PATH --db STORE</code> (files, folders, JSON Lines or WARC), \
             then reload this page.</p>",
        );
    }
    let mut body = String::from(
        "<h1>Stories</h1><table id=\"stories\"><tr><th>story</th><th>dates</th><th>articles</th><th>outlets</th></tr>",
    );
    for s in stories {
        body.push_str(&format!(
            "<tr><td><a href=\"/stories/{}\">{}</a></td><td>{} – {}</td><td>{}</td><td>{}</td></tr>",
            s.id,
            esc(&s.label),
            esc(s.first.as_deref().unwrap_or("?")),
            esc(s.last.as_deref().unwrap_or("?")),
            s.documents.len(),
            esc(&s.outlets.join(", "))
        ));
    }
    body.push_str("</table>");
    page("Stories", &body)
}

/// Everything the story page shows.
pub struct StoryView<'a> {
    pub story: &'a Story,
    pub documents: &'a [Document],
    pub timeline: &'a [TimelineEntry],
    pub tracks: &'a [FigureTrack],
    pub events: &'a [MergedEvent],
}

/// The last part of a document's source (a path or a URL), when it has
/// one: "03-aid-pledges.txt".
fn file_name(source: &str) -> Option<String> {
    let name = source
        .trim_end_matches('/')
        .rsplit(['/', '\\'])
        .next()
        .filter(|n| !n.is_empty() && *n != "-")?;
    Some(clip(name, 70))
}

pub fn story(v: &StoryView) -> String {
    let s = v.story;
    let mut body = format!(
        "<h1>{}</h1><p class=\"muted\">{} – {}, {} articles</p><h2>Timeline</h2>{}<ol id=\"timeline\">",
        esc(&s.label),
        esc(s.first.as_deref().unwrap_or("?")),
        esc(s.last.as_deref().unwrap_or("?")),
        s.documents.len(),
        svg::timeline(v.timeline)
    );
    for e in v.timeline.iter().take(MAX_ROWS) {
        // Each entry opens onto its reports: the outlet, the source's own
        // words and a link to the sentence in the article.
        let reports: String = e
            .sources
            .iter()
            .map(|src| {
                format!(
                    "<li><a href=\"/documents/{}#s{}\">{}</a> {}</li>",
                    esc(&src.document),
                    src.sentence_index,
                    esc(src.outlet.as_deref().unwrap_or(&src.document)),
                    esc(&src.text)
                )
            })
            .collect();
        let count = match e.source_count {
            1 => "1 source".to_string(),
            n => format!("{n} sources"),
        };
        body.push_str(&format!(
            "<li class=\"entry\"><details><summary><time>{}</time> {} <span class=\"muted\">({count})</span></summary><ul>{reports}</ul></details></li>",
            esc(&e.date),
            esc(&e.text),
        ));
    }
    body.push_str("</ol>");
    body.push_str(&more(v.timeline.len(), MAX_ROWS.min(v.timeline.len())));
    body.push_str("<h2>Figures</h2>");
    // Sources by outlet and headline, never by id.
    let source_label = |id: &str| -> String {
        match v.documents.iter().find(|d| d.id.as_str() == id) {
            Some(d) => match (&d.outlet, &d.title) {
                (Some(o), Some(t)) => format!("{o}: {}", clip(t, 70)),
                (Some(o), None) => o.clone(),
                (None, Some(t)) => clip(t, 70),
                // No outlet and no headline: the file it was read from
                // says more to a reader than an id.
                (None, None) => match file_name(&d.source) {
                    Some(name) => name,
                    None => format!("article {}", id.chars().take(8).collect::<String>()),
                },
            },
            None => format!("article {}", id.chars().take(8).collect::<String>()),
        }
    };
    for t in v.tracks.iter().take(MAX_CHARTS) {
        body.push_str(&format!(
            "<h3>{} of {}{}</h3>{}",
            esc(&t.measure),
            esc(&t.subject),
            esc(&t
                .scope
                .iter()
                .chain(t.purpose.iter())
                .map(|x| format!(" ({x})"))
                .collect::<String>()),
            svg::track(t, &source_label)
        ));
        if !t.disagreements.is_empty() {
            body.push_str("<ul>");
            for d in &t.disagreements {
                let (a, b) = (&t.observations[d.first], &t.observations[d.second]);
                body.push_str(&format!(
                    "<li class=\"flag\">{} disagreement: {} ({}) against {} ({})</li>",
                    esc(&d.kind),
                    esc(&a.text),
                    esc(&a
                        .speaker
                        .clone()
                        .unwrap_or_else(|| source_label(&a.document))),
                    esc(&b.text),
                    esc(&b
                        .speaker
                        .clone()
                        .unwrap_or_else(|| source_label(&b.document)))
                ));
            }
            body.push_str("</ul>");
        }
    }
    body.push_str(
        "<h2>Events</h2><p><input id=\"filter\" placeholder=\"filter events\" \
         oninput=\"for(const r of document.querySelectorAll('#events tr.ev'))\
         r.hidden=!r.textContent.toLowerCase().includes(this.value.toLowerCase())\"></p>\
         <table id=\"events\"><tr><th>date</th><th>category</th><th>summary</th><th>sources</th></tr>",
    );
    for e in v.events.iter().take(MAX_ROWS) {
        body.push_str(&format!(
            "<tr class=\"ev\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(e.date.as_deref().unwrap_or("")),
            esc(&e.category),
            esc(&e.summary),
            e.sources.len()
        ));
    }
    body.push_str("</table>");
    body.push_str(&more(v.events.len(), MAX_ROWS.min(v.events.len())));
    body.push_str("<h2>Sources</h2><ul id=\"sources\">");
    for d in v.documents.iter().take(MAX_ROWS) {
        body.push_str(&format!(
            "<li><a href=\"/documents/{}\">{}</a> <span class=\"muted\">{} {} {}</span></li>",
            esc(d.id.as_str()),
            esc(d.title.as_deref().unwrap_or(d.id.as_str())),
            esc(d.outlet.as_deref().unwrap_or("")),
            esc(&d.published.map(|p| p.to_string()).unwrap_or_default()),
            esc(d.agency.as_deref().unwrap_or(""))
        ));
    }
    body.push_str("</ul>");
    page(&s.label, &body)
}

/// Spans to highlight, by kind: entities, time expressions, figures and
/// event verbs.
type Mark = (usize, usize, &'static str, String, Option<String>);

fn marks(doc: &Document) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        // A mention that refers back links to what it names.
        let id = doc.entity_ids(i).next().map(str::to_string);
        out.push((
            e.start,
            e.end,
            "entity",
            format!("{} {}", e.kind, e.code.as_deref().unwrap_or("")),
            id,
        ));
    }
    for t in &doc.times {
        out.push((t.start, t.end, "time", t.value.clone(), None));
    }
    for q in &doc.quantities {
        out.push((q.start, q.end, "figure", q.measure.clone(), None));
    }
    for e in &doc.events {
        out.push((e.start, e.end, "event", e.category.clone(), None));
    }
    // Earlier first, longer first; overlapping marks after the first are
    // dropped so the markup stays well nested.
    out.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    let mut kept: Vec<Mark> = Vec::new();
    for m in out {
        if kept.last().is_none_or(|k| k.1 <= m.0) && m.0 < m.1 {
            kept.push(m);
        }
    }
    kept
}

pub fn document(doc: &Document, copies: Option<&storyline_story::CopyGroup>) -> String {
    let chars: Vec<char> = doc.text.chars().collect();
    let marks = marks(doc);
    let mut text = String::new();
    let mut at = 0;
    let mut sentence_starts: Vec<usize> = doc.sentences.iter().map(|s| s.start).collect();
    sentence_starts.reverse();
    let mut next_sentence = 0;
    let mut push_plain = |text: &mut String, from: usize, to: usize, next_sentence: &mut usize| {
        for (k, c) in chars[from..to].iter().enumerate() {
            let i = from + k;
            if sentence_starts.last() == Some(&i) {
                sentence_starts.pop();
                text.push_str(&format!("<a id=\"s{}\"></a>", *next_sentence));
                *next_sentence += 1;
            }
            text.push_str(&esc(&c.to_string()));
        }
    };
    for (start, end, kind, title, link) in &marks {
        let (start, end) = ((*start).min(chars.len()), (*end).min(chars.len()));
        push_plain(&mut text, at, start, &mut next_sentence);
        if let Some(id) = link {
            text.push_str(&format!("<a href=\"/entities/{}\">", esc(id)));
        }
        text.push_str(&format!("<mark class=\"{kind}\" title=\"{}\">", esc(title)));
        push_plain(&mut text, start, end, &mut next_sentence);
        text.push_str("</mark>");
        if link.is_some() {
            text.push_str("</a>");
        }
        at = end;
    }
    push_plain(&mut text, at, chars.len(), &mut next_sentence);
    let mut body = format!(
        "<h1>{}</h1><p class=\"muted\">{} · {} · {} · {}</p><div class=\"text\" id=\"text\">{}</div>",
        esc(doc.title.as_deref().unwrap_or(doc.id.as_str())),
        esc(doc.outlet.as_deref().unwrap_or("unknown outlet")),
        esc(&doc.published.map(|p| p.to_string()).unwrap_or_else(|| "undated".into())),
        esc(doc.agency.as_deref().unwrap_or("no agency")),
        esc(doc.url.as_deref().unwrap_or(&doc.source)),
        text
    );
    if let Some(g) = copies {
        body.push_str("<h2>Wire copies</h2><ul id=\"copies\">");
        let me = doc.id.as_str();
        for other in std::iter::once(&g.canonical).chain(g.copies.iter()) {
            if other != me {
                body.push_str(&format!(
                    "<li><a href=\"/documents/{}\">{}</a>{}</li>",
                    esc(other),
                    esc(other),
                    if *other == g.canonical {
                        " (the original)"
                    } else {
                        ""
                    }
                ));
            }
        }
        body.push_str(&format!(
            "</ul><p class=\"muted\">{}; similarity at least {:.2}</p>",
            esc(g.agency.as_deref().unwrap_or("no agency credited")),
            g.similarity
        ));
    }
    page(doc.title.as_deref().unwrap_or(doc.id.as_str()), &body)
}

/// A hit of the search page.
pub struct Hit {
    pub document: String,
    pub title: String,
    pub snippet: String,
}

/// An event found by the search: document, sentence, category, verb,
/// date.
pub type EventHit = (String, usize, String, String, Option<String>);

pub fn search(
    query: &str,
    hits: &[Hit],
    entities: &[(String, String)],
    events: &[EventHit],
) -> String {
    let mut body = format!(
        "<h1>Search</h1><form action=\"/search\"><input name=\"q\" value=\"{}\" size=\"40\"> <button>search</button></form>",
        esc(query)
    );
    if !entities.is_empty() {
        body.push_str("<h2>Entities</h2><ul id=\"entity-hits\">");
        for (id, name) in entities {
            body.push_str(&format!(
                "<li><a href=\"/entities/{}\">{}</a> <span class=\"muted\">{}</span></li>",
                esc(id),
                esc(name),
                esc(id)
            ));
        }
        body.push_str("</ul>");
    }
    if !events.is_empty() {
        body.push_str("<h2>Events</h2><ul id=\"event-hits\">");
        for (doc, k, category, verb, date) in events {
            body.push_str(&format!(
                "<li>{} {} <a href=\"/documents/{}#s{k}\">{}</a></li>",
                esc(date.as_deref().unwrap_or("")),
                esc(category),
                esc(doc),
                esc(verb)
            ));
        }
        body.push_str("</ul>");
    }
    body.push_str("<h2>Articles</h2><ol id=\"hits\">");
    for h in hits {
        body.push_str(&format!(
            "<li><a href=\"/documents/{}\">{}</a><br><span class=\"muted\">{}</span></li>",
            esc(&h.document),
            esc(if h.title.is_empty() {
                &h.document
            } else {
                &h.title
            }),
            esc(&h.snippet)
        ));
    }
    body.push_str("</ol>");
    page("Search", &body)
}

/// What one entity did and said, and what was said about it, across the
/// store's articles.
#[derive(serde::Serialize)]
pub struct EntityView {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub code: Option<String>,
    /// Mentions in every document of the store.
    pub mentions: usize,
    /// Documents of the store that mention it.
    pub documents: usize,
    /// The most recent of them, read for what follows.
    pub documents_read: usize,
    /// (document, sentence index, date, category, verb) of the events it
    /// is an actor of.
    pub did: Vec<(String, usize, Option<String>, String, String)>,
    /// (document, sentence index, said on, content) of its statements.
    pub said: Vec<(String, usize, Option<String>, String)>,
    /// (document, sentence index, speaker, content) of statements about it.
    pub said_about: Vec<(String, usize, Option<String>, String)>,
}

pub fn entity(v: &EntityView) -> String {
    let mut body = format!(
        "<h1>{}</h1><p class=\"muted\">{} · {} · {} mentions in {} articles{}</p><h2>What it did</h2><table id=\"did\">",
        esc(&v.name),
        esc(&v.kind),
        esc(v.code.as_deref().unwrap_or("no code")),
        v.mentions,
        v.documents,
        if v.documents_read < v.documents {
            format!(" (below, the latest {})", v.documents_read)
        } else {
            String::new()
        }
    );
    for (doc, k, date, category, verb) in v.did.iter().take(MAX_ROWS) {
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td><a href=\"/documents/{}#s{k}\">{}</a></td></tr>",
            esc(date.as_deref().unwrap_or("")),
            esc(category),
            esc(doc),
            esc(verb)
        ));
    }
    body.push_str("</table><h2>What it said</h2><ul id=\"said\">");
    for (doc, k, on, content) in v.said.iter().take(MAX_ROWS) {
        body.push_str(&format!(
            "<li><a href=\"/documents/{}#s{k}\">{}</a> {}</li>",
            esc(doc),
            esc(on.as_deref().unwrap_or("undated")),
            esc(content)
        ));
    }
    body.push_str("</ul><h2>What was said about it</h2><ul id=\"said-about\">");
    for (doc, k, speaker, content) in v.said_about.iter().take(MAX_ROWS) {
        body.push_str(&format!(
            "<li><a href=\"/documents/{}#s{k}\">{}</a>: {}</li>",
            esc(doc),
            esc(speaker.as_deref().unwrap_or("unnamed")),
            esc(content)
        ));
    }
    body.push_str("</ul>");
    page(&v.name, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_without_outlet_or_headline_is_named_by_its_file() {
        for (source, name) in [
            ("/data/news/03-aid-pledges.txt", Some("03-aid-pledges.txt")),
            (
                "https://example.org/world/cyclone-toll/",
                Some("cyclone-toll"),
            ),
            ("C:\\news\\story.html", Some("story.html")),
            ("-", None),
            ("", None),
        ] {
            assert_eq!(file_name(source).as_deref(), name, "{source}");
        }
    }

    #[test]
    fn a_huge_story_page_stays_bounded() {
        let long = Story {
            label: "A long story".into(),
            first: Some("2024-01-01".into()),
            last: Some("2024-12-31".into()),
            ..Story::new(1)
        };
        let entry = TimelineEntry {
            date: "2024-05-01".into(),
            precision: "day".into(),
            text: "Someone did something.".into(),
            summary: "Someone does something".into(),
            source_count: 0,
            first_report: None,
            salience: 0.0,
            sources: Vec::new(),
            event: "ev1".into(),
            category: "AID".into(),
            status: "happened".into(),
        };
        let timeline = vec![entry; 20 * MAX_ROWS];
        let html = story(&StoryView {
            story: &long,
            documents: &[],
            timeline: &timeline,
            tracks: &[],
            events: &[],
        });
        assert_eq!(html.matches("<li class=\"entry\">").count(), MAX_ROWS);
        assert!(html.contains(&format!("{} more not shown", 19 * MAX_ROWS)));
    }

    #[test]
    fn an_empty_stores_web_page_gives_no_hint() {
        let html = stories(&[]);
        assert!(html.contains("storyline ingest"), "{html}");
    }

    fn observation(doc: &str, said_on: &str, value: f64) -> storyline_story::Observation {
        storyline_story::Observation {
            text: "the toll".into(),
            value: Some(value),
            low: None,
            high: None,
            qualifier: None,
            currency: None,
            refers_to: None,
            said_on: Some(said_on.into()),
            speaker: Some("officials".into()),
            hedges: Vec::new(),
            document: doc.into(),
            start: 0,
            end: 1,
            headline: false,
        }
    }

    #[test]
    fn figure_charts_show_sources_as_ids_and_no_dates() {
        let mut doc: Document = serde_json::from_value(serde_json::json!({
            "id": "0123456789abcdef", "text": "", "source": "a.txt", "provenance": {},
            "authors": [], "sources": [], "paragraphs": [], "sentences": [], "removed": [],
            "diagnostics": []
        }))
        .unwrap_or_else(|e| panic!("a minimal document: {e}"));
        doc.outlet = Some("Coastal Herald".into());
        doc.title = Some("Toll rises".into());
        let track = FigureTrack {
            measure: "dead".into(),
            subject: "MOZ".into(),
            scope: None,
            purpose: None,
            observations: vec![
                observation("0123456789abcdef", "2025-03-11", 45.0),
                observation("0123456789abcdef", "2025-03-15", 48_000_000.0),
            ],
            disagreements: Vec::new(),
        };
        let s = Story {
            label: "Cyclone".into(),
            ..Story::new(1)
        };
        let html = story(&StoryView {
            story: &s,
            documents: std::slice::from_ref(&doc),
            timeline: &[],
            tracks: std::slice::from_ref(&track),
            events: &[],
        });
        assert!(html.contains("Coastal Herald: Toll rises"), "{html}");
        assert!(!html.contains("0123456789abcdef</"), "{html}");
        assert!(html.contains(">2025-03-11</text>"), "{html}");
        assert!(html.contains(">2025-03-15</text>"), "{html}");
        assert!(html.contains(">48 million</text>"), "{html}");
        assert!(!html.contains("48000000"), "{html}");
    }
}
