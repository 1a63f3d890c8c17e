//! Times what the knowledge base costs a run: loading the shipped data
//! (parsing, folding, the automaton) and annotating long articles. Run
//! with `cargo run --release -p storyline-kb --example kb_timing`; the
//! figures go to `docs/quality.md`. A plain program rather than a
//! benchmark harness so that it builds with this crate's dependencies
//! alone.

use std::time::{Duration, Instant};
use storyline_kb::{annotate, Date, Kb};
use storyline_model::Span;

fn spans_of(text: &str) -> Vec<Span> {
    storyline_text::split_sentences(text)
        .into_iter()
        .map(|r| {
            Span::new(
                text[..r.start].chars().count(),
                text[..r.end].chars().count(),
            )
        })
        .collect()
}

/// The middle of several timings, which a busy machine disturbs least.
fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let loads: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let kb = Kb::load(&[]).expect("the shipped knowledge base loads");
            let d = t.elapsed();
            assert!(!kb.patterns.is_empty());
            d
        })
        .collect();
    let kb = Kb::load(&[]).expect("the shipped knowledge base loads");
    println!(
        "load: median {:.1} ms, min {:.1} ms ({} names, {} people, {} organisations)",
        median(loads.clone()).as_secs_f64() * 1e3,
        loads.iter().min().unwrap().as_secs_f64() * 1e3,
        kb.patterns.len(),
        kb.people.len(),
        kb.orgs.len()
    );

    // The example articles, joined into one long article of several
    // thousand words, and a paragraph dense with names repeated to about
    // 5,000 words.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/articles exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    let articles: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n\n");
    let paragraph = "The Kremlin said on Tuesday that Russian and North Korean forces had \
        pushed back Ukrainian troops near Kursk, while NATO Secretary-General Mark Rutte told \
        reporters in Brussels that the alliance would meet in Washington. U.S. officials and \
        the State Department spokesman said President Joe Biden spoke with Volodymyr \
        Zelenskyy about air defence for Kyiv and Kharkiv. Mr Rutte said Beijing and Tehran \
        were watching. ";
    let dense = paragraph.repeat(5_000 / paragraph.split_whitespace().count() + 1);
    let date = Date::from_ymd_opt(2024, 11, 1);
    for (name, text) in [
        ("example articles x4", articles.repeat(4)),
        ("dense names", dense),
    ] {
        let spans = spans_of(&text);
        let runs: Vec<Duration> = (0..9)
            .map(|_| {
                let t = Instant::now();
                let found = annotate(&kb, &text, &spans, date, Default::default());
                let d = t.elapsed();
                assert!(!found.is_empty());
                d
            })
            .collect();
        println!(
            "annotate {name} ({} words): median {:.2} ms",
            text.split_whitespace().count(),
            median(runs).as_secs_f64() * 1e3
        );
    }
}
