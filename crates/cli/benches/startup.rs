//! Start-up: `cargo bench -p storyline --bench startup`.
//!
//! Issue 22's target is `extract` of a small file in under 50 ms of wall
//! time, the language model included. This runs the built binary on one
//! example article a number of times and prints the median and slowest
//! wall time, then times each shared resource's first load in a fresh
//! process of its own (a load is cached for the life of a process, so
//! timing it twice in one would time the cache).

use std::process::Command;

/// The `storyline` binary's allocator, so each load is timed as the
/// binary does it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};

const RUNS: usize = 15;

/// The shared resources whose load is timed, by the name
/// `STORYLINE_STARTUP_PART` gives to the child process.
const PARTS: &[&str] = &["knowledge base", "language model", "verb dictionary"];

fn load_part(name: &str) {
    match name {
        "knowledge base" => {
            std::hint::black_box(storyline_kb::Kb::builtin());
        }
        "language model" => {
            std::hint::black_box(storyline_nlp::Backbone::shared().is_ok());
        }
        "verb dictionary" => {
            std::hint::black_box(storyline_code::Verbs::builtin());
        }
        other => panic!("no part named {other}"),
    }
}

fn median(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    if let Ok(part) = std::env::var("STORYLINE_STARTUP_PART") {
        let started = Instant::now();
        load_part(&part);
        println!("{}", started.elapsed().as_secs_f64());
        return;
    }
    let article = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/articles/01-cyclone-landfall.txt"
    );
    let binary = env!("CARGO_BIN_EXE_storyline");
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let out = Command::new(binary)
            .args(["extract", article])
            .output()
            .expect("storyline runs");
        assert!(out.status.success(), "extract failed: {out:?}");
        times.push(started.elapsed());
    }
    let (mid, worst) = median(times);
    println!(
        "storyline extract of one example article, {RUNS} runs: median {:.1} ms, slowest {:.1} ms",
        ms(mid),
        ms(worst)
    );
    let me = std::env::current_exe().expect("this benchmark");
    for part in PARTS {
        let mut times = Vec::new();
        for _ in 0..5 {
            let out = Command::new(&me)
                .env("STORYLINE_STARTUP_PART", part)
                .output()
                .expect("the benchmark runs");
            let secs: f64 = String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .expect("a time");
            times.push(Duration::from_secs_f64(secs));
        }
        let (mid, worst) = median(times);
        println!(
            "first load of the {part}: median {:.1} ms, slowest {:.1} ms",
            ms(mid),
            ms(worst)
        );
    }
}
