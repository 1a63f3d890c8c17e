//! Extraction time and peak memory on 5 MB pages built to make an HTML
//! parser or a readability extractor go super-linear:
//! `cargo bench -p storyline-bench --bench adversarial_html`.
//!
//! Each page is extracted with the default limits as ingest would; the
//! time, the outcome and the process's peak resident memory while
//! extracting it (the peak is reset before each page through
//! `/proc/self/clear_refs`, on Linux) are printed. The hardening issue's
//! target is under 2 seconds and under 300 MB for each.

use std::time::Instant;
use storyline_html::{extract, HtmlLimits};
use storyline_model::{Markup, RawDocument};

const SIZE: usize = 5 * 1024 * 1024;

/// A sentence of ordinary text, so that the pages have an article.
const SENTENCE: &str =
    "The harbour authority said on Monday that repairs to the northern pier would take three weeks. ";

/// `unit` repeated until the page reaches [`SIZE`], after `head`.
fn fill(head: &str, unit: &str, tail: &str) -> String {
    let mut page = String::with_capacity(SIZE + unit.len());
    page.push_str("<html><body>");
    page.push_str(head);
    while page.len() + unit.len() + tail.len() < SIZE {
        page.push_str(unit);
    }
    page.push_str(tail);
    page
}

fn article(paragraphs: usize) -> String {
    format!("<p>{}</p>", SENTENCE.repeat(4)).repeat(paragraphs)
}

fn pages() -> Vec<(&'static str, String)> {
    let under_limit = |unit: &str| -> String {
        // As many units as the element limit allows, then text.
        let n = HtmlLimits::default().max_elements - 1_000;
        let mut head = unit.repeat(n);
        head.push_str(&article(20));
        fill(&head, SENTENCE, "</body></html>")
    };
    let attributes: String = (0..1_000_000).map(|i| format!(" a{}", i % 10)).collect();
    let formatting: String = (0..1_000).map(|i| format!("<b id={i}>")).collect();
    vec![
        ("<div/> to 5 MB, no text", fill("", "<div/>", "")),
        (
            "<div/> up to the element limit, then text",
            under_limit("<div/>"),
        ),
        (
            "<p> never closed, to 5 MB (over the limit)",
            fill("", "<p>x ", ""),
        ),
        (
            "<p> never closed up to the limit, then text",
            under_limit("<p>word "),
        ),
        (
            "one tag with a million attributes",
            fill(&format!("<p{attributes}>"), SENTENCE, "</p>"),
        ),
        (
            "1,000 formatting elements closed by a block, then short blocks",
            fill(
                &format!("<div>{formatting}text</div>{}", article(10)),
                "<div>x</div>",
                "",
            ),
        ),
        (
            "255 levels deep, then paragraphs of text",
            fill(&"<div>".repeat(255), &article(1), ""),
        ),
        ("table cells never closed", under_limit("<td>cell ")),
        // Under the text limit, so that the article extractor runs:
        (
            "255 levels deep, 200 KB of text, the rest attributes",
            fill(
                &format!(
                    "{}{}<p{}",
                    "<div>".repeat(255),
                    article(400),
                    " data-x=1".repeat(100)
                ),
                " data-y=2",
                ">end</p>",
            ),
        ),
        (
            "49,000 nested and sibling elements with 200 KB of text",
            fill(
                &format!("{}{}", "<div><span>a</span>".repeat(24_000), article(400)),
                "<!-- padding -->",
                "",
            ),
        ),
    ]
}

/// The process's peak resident memory in MB, from `/proc/self/status`.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn reset_peak() {
    // Writing 5 resets the peak resident size (Linux 4.0 and later).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    for (name, page) in pages() {
        let bytes = page.len();
        let raw = RawDocument {
            source: name.to_string(),
            text: page,
            markup: Markup::Html,
            ..RawDocument::default()
        };
        reset_peak();
        let start = Instant::now();
        let outcome = match extract(raw, &HtmlLimits::default()) {
            Ok(doc) => format!(
                "text {} KB, {} warnings",
                doc.text.len() / 1024,
                doc.warnings.len()
            ),
            Err(e) => format!("refused: {e}"),
        };
        let seconds = start.elapsed().as_secs_f64();
        let peak = peak_mb().map_or("?".to_string(), |p| format!("{p:.0} MB"));
        println!(
            "{name}: {:.1} MB in {seconds:.2} s, peak {peak}; {outcome}",
            bytes as f64 / 1_048_576.0
        );
    }
}
