//! The whole backbone against spaCy, on the same texts, one thread:
//!
//!     cargo bench -p storyline-nlp --bench backbone
//!
//! The texts are those of the golden news corpus (`tests/golden/corpus.jsonl.gz`,
//! read from the shared folder beside the checkout), the same ones
//! `scripts/nlp/spacy_speed.py` times spaCy's `nlp.pipe` on. After a warm-up
//! pass (which also fills the mixer caches, as spaCy's warm-up fills its
//! lexeme cache), every text is annotated `ROUNDS` times; the median round
//! is reported as tokens per second of wall time and of the thread's CPU
//! time (the figure to compare on a shared machine), with the resident size.

#[path = "clock.rs"]
mod clock;
#[path = "../tests/common/mod.rs"]
mod common;

use clock::CpuClock;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::{Duration, Instant};
use storyline_nlp::Backbone;

const ROUNDS: usize = 3;

fn main() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = crate_dir.join("../../../shared");
    if !shared.is_dir() {
        eprintln!("skipping: {} not found", shared.display());
        return;
    }
    let texts = corpus_texts(&crate_dir.join("tests/golden/corpus.jsonl.gz"), &shared);
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();

    let load = Instant::now();
    let backbone = Backbone::shared().expect("the built-in model loads");
    let load = load.elapsed();
    let tokens: usize = texts
        .iter()
        .map(|t| backbone.annotate(t).tokens.len())
        .sum();

    let mut rounds: Vec<(Duration, Duration)> = (0..ROUNDS)
        .map(|_| {
            let (wall, cpu) = (Instant::now(), CpuClock::now());
            for t in &texts {
                std::hint::black_box(backbone.annotate(t));
            }
            (wall.elapsed(), cpu.elapsed())
        })
        .collect();
    rounds.sort_by_key(|r| r.1);
    let (wall, cpu) = rounds[ROUNDS / 2];
    let per_second = |d: Duration| tokens as f64 / d.as_secs_f64();
    println!(
        "backbone: {} texts, {tokens} tokens, {chars} characters; model load {:.0} ms",
        texts.len(),
        load.as_secs_f64() * 1e3
    );
    println!(
        "  median of {ROUNDS} rounds: {:.0} tokens/s wall, {:.0} tokens/s thread CPU",
        per_second(wall),
        per_second(cpu)
    );
    if let Some(rss) = resident_mb() {
        println!("  resident after the runs: {rss:.0} MB");
    }
}

/// The texts the golden corpus names, in its order.
fn corpus_texts(golden: &Path, shared: &Path) -> Vec<String> {
    let file = std::fs::File::open(golden).expect("the golden corpus file");
    let lines = BufReader::new(flate2::read::GzDecoder::new(file)).lines();
    let mut sources = common::Sources::default();
    lines
        .skip(1)
        .map(|line| {
            let doc: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
            sources.read(shared, doc["source"].as_str().unwrap())
        })
        .collect()
}

/// Resident set size from `/proc/self/status`, where it exists.
fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
