//! Output for people: tables and document views. JSON output is the
//! serde form of the model types, which is the documented contract.

use storyline_model::Document;
use storyline_store::{DocSummary, StoreError};

/// A hint for a fatal error, when its cause is one of ours.
pub fn hint_for(e: &anyhow::Error) -> Option<&'static str> {
    e.chain()
        .find_map(|c| c.downcast_ref::<StoreError>())
        .map(StoreError::hint)
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
    for s in &doc.sources {
        line("source", Some(format!("{} ({})", s.source, s.encoding)));
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
