//! The synthetic development pages (`tests/pages/`, written by
//! `scripts/make_dev_pages.py`) scored as `storyline eval pages` scores
//! them, with floors at the figures recorded in docs/quality.md. This test
//! runs the html crate alone: title and date from the page metadata, main
//! text from extraction without the cleaner's line rules.

use std::path::Path;
use storyline_html::pages::{read_truth, score, summarise, Found};
use storyline_html::{extract_with, HtmlLimits, PageContext};
use storyline_model::{Markup, RawDocument};

const DATE_FLOOR: f64 = 1.0;
const TITLE_FLOOR: f64 = 1.0;
const TEXT_F1_FLOOR: f64 = 0.90;

#[test]
fn development_pages_meet_the_recorded_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let truth = read_truth(&std::fs::read_to_string(dir.join("truth.jsonl")).unwrap()).unwrap();
    assert!(truth.len() >= 40);
    let mut outcomes = Vec::new();
    for t in &truth {
        let html = std::fs::read_to_string(dir.join(&t.file)).unwrap();
        let raw = RawDocument {
            text: html,
            markup: Markup::Html,
            ..RawDocument::default()
        };
        let ctx = PageContext {
            url: t.url.clone(),
            fetched: t.fetched,
        };
        let found = match extract_with(raw, &HtmlLimits::default(), &ctx) {
            Ok(doc) => {
                let page = doc.page.unwrap_or_default();
                let text = match &page.title {
                    Some(title) => doc.text.strip_prefix(title.as_str()).unwrap_or(&doc.text),
                    None => &doc.text,
                };
                Found {
                    title: page.title.clone(),
                    date: page.published,
                    text: text.trim().to_string(),
                }
            }
            Err(_) => Found::default(),
        };
        let o = score(t, &found);
        if o.date_right == Some(false) || o.date_invented || o.title_right == Some(false) {
            eprintln!(
                "{}: date {:?} (truth {:?}), title {:?} (truth {:?})",
                t.file,
                found.date.map(|d| d.to_string()),
                t.date.map(|d| d.to_string()),
                found.title,
                t.title
            );
        }
        if o.text_f1.is_some_and(|f| f < 0.9) {
            eprintln!(
                "{}: text F1 {:.3}: {:?}",
                t.file,
                o.text_f1.unwrap(),
                found.text
            );
        }
        outcomes.push(o);
    }
    let s = summarise(&outcomes);
    eprintln!(
        "pages {}  date {}/{} ({:.3}), invented {}/{}  title {}/{} ({:.3})  text word F1 {:.3}",
        s.pages,
        s.date_right,
        s.dated,
        s.date_accuracy(),
        s.date_invented,
        s.undated,
        s.title_right,
        s.titled,
        s.title_accuracy(),
        s.text_f1
    );
    assert!(
        s.date_accuracy() >= DATE_FLOOR,
        "date accuracy {:.3}",
        s.date_accuracy()
    );
    assert_eq!(s.date_invented, 0, "dates given to undated pages");
    assert!(
        s.title_accuracy() >= TITLE_FLOOR,
        "title accuracy {:.3}",
        s.title_accuracy()
    );
    assert!(s.text_f1 >= TEXT_F1_FLOOR, "text word F1 {:.3}", s.text_f1);
}
