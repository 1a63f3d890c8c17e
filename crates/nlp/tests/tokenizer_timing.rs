//! Tokenizer speed on news text and on adversarial text, printed as a
//! table. It times, so it is ignored by default; run it in a release build:
//!
//!     cargo test --release -p storyline-nlp --test tokenizer_timing -- --ignored --nocapture
//!
//! The file uses only the tokenizer's public API, so the same file can be
//! dropped into an older checkout to compare the two.

use std::path::Path;
use std::time::{Duration, Instant};
use storyline_nlp::files;
use storyline_nlp::tokenizer::Tokenizer;

/// The articles under `examples/articles` of the workspace, concatenated
/// (one of them is not UTF-8 on purpose, so bytes are read lossily).
fn articles() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the example articles")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("readable")).into_owned())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `unit` repeated to about `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// `f(i)` for i = 0, 1, ... joined until the text has about `bytes` bytes.
fn sequence_to(bytes: usize, f: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&f(i));
        i += 1;
    }
    out
}

/// The adversarial inputs: a name and the text.
fn adversarial() -> Vec<(String, String)> {
    const K100: usize = 100_000;
    let mut cases: Vec<(String, String)> = vec![
        ("a×100K".into(), repeat_to("a", K100)),
        ("http://×".into(), repeat_to("http://", K100)),
        ("'.'×100K".into(), repeat_to(".", K100)),
        ("'×100K".into(), repeat_to("'", K100)),
        ("-×100K".into(), repeat_to("-", K100)),
        ("(×100K".into(), repeat_to("(", K100)),
        (")×100K".into(), repeat_to(")", K100)),
        ("a.b.c.d.…".into(), {
            let letters: Vec<char> = ('a'..='z').collect();
            sequence_to(K100, |i| format!("{}.", letters[i % 26]))
        }),
        ("www.+a×100K".into(), format!("www.{}", "a".repeat(K100))),
        ("a-a-a-…".into(), repeat_to("a-", K100)),
        ("1,2,3,…".into(), sequence_to(K100, |i| format!("{i},"))),
        // Found in review: the URL pattern's `\S+(?::\S*)?@` and its
        // host labels, on pieces of the length the tokenizer cuts runs to.
        ("a:…:a.a (1000-char units)".into(), {
            let unit = format!("a{}a.a", ":".repeat(995));
            repeat_to(&unit, K100)
        }),
        ("a:…:@a.a.…! (1000-char units)".into(), {
            let unit = format!("a{}@{}a!", ":".repeat(499), "a.".repeat(249));
            repeat_to(&unit, K100)
        }),
        ("a:@a:@… with a dot".into(), repeat_to("a:@a.:@", K100)),
        ("a.a.….a (labels, no TLD)".into(), repeat_to("a.", K100)),
        ("ab.ab.… (labels, no end)".into(), repeat_to("ab.", K100)),
        ("a@a.a@a.… (auth + host)".into(), repeat_to("a@a.", K100)),
        ("😀×25K".into(), repeat_to("😀", K100)),
        ("a'a'a'… ".into(), repeat_to("a'", K100)),
        ("…×33K".into(), repeat_to("…", K100)),
    ];
    // The same inputs at 1 MB, to see that the time grows linearly, when
    // `TOKENIZER_TIMING_BIG` is set (the slow cases of a bad build take long).
    if std::env::var_os("TOKENIZER_TIMING_BIG").is_none() {
        return cases;
    }
    let big: Vec<(String, String)> = cases
        .iter()
        .map(|(name, text)| (format!("{name} ×10"), text.repeat(10)))
        .collect();
    cases.extend(big);
    cases
}

fn time(f: impl FnOnce() -> usize) -> (Duration, usize) {
    let start = Instant::now();
    let n = f();
    (start.elapsed(), n)
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

#[test]
#[ignore = "timing; run in release with --ignored --nocapture"]
fn tokenizer_timing() {
    let load = Instant::now();
    let tok = Tokenizer::from_bytes(files::TOKENIZER.1).expect("the tokenizer loads");
    println!("load: {:.1} ms", load.elapsed().as_secs_f64() * 1e3);

    let news = articles();
    // Cold: a fresh tokenizer (empty chunk cache) on distinct text.
    let mut best = Duration::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let fresh = Tokenizer::from_bytes(files::TOKENIZER.1).expect("loads");
        let (d, count) = time(|| fresh.tokenize(&news).len());
        best = best.min(d);
        n = count;
    }
    println!(
        "news, cold cache, {} KB: {n} tokens, {:.2} ms, {:.1} MB/s",
        news.len() / 1000,
        best.as_secs_f64() * 1e3,
        mb_per_s(news.len(), best)
    );
    // Warm: the articles repeated to about 1 MB, through one tokenizer.
    let big = repeat_to(&format!("{news}\n\n"), 1_000_000);
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let (d, count) = time(|| tok.tokenize(&big).len());
        best = best.min(d);
        n = count;
    }
    println!(
        "news ×{}, {} KB: {n} tokens, {:.2} ms, {:.1} MB/s",
        big.len() / news.len(),
        big.len() / 1000,
        best.as_secs_f64() * 1e3,
        mb_per_s(big.len(), best)
    );

    for (name, text) in adversarial() {
        let (d, count) = time(|| tok.tokenize(&text).len());
        println!(
            "{name:<34} {:>8} KB {count:>8} tokens {:>10.2} ms {:>8.2} MB/s",
            text.len() / 1000,
            d.as_secs_f64() * 1e3,
            mb_per_s(text.len(), d)
        );
    }
}
