//! `storyline eval aeb DIR`: main-text extraction scored as the Article
//! Extraction Benchmark scores it. `storyline eval pages DIR`: titles,
//! publication dates and main text scored against a folder's own ground
//! truth (`truth.jsonl`, described in `storyline_html::pages`).

use crate::pipeline;
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use regex::bytes::Regex;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Instant;
use storyline_html::aeb::{score_page, summarise, PageScore};
use storyline_html::HtmlLimits;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    bench: Bench,
}

#[derive(clap::Subcommand)]
enum Bench {
    /// Score main-text extraction on the Article Extraction Benchmark
    /// (a folder with ground-truth.json and html/*.html.gz).
    Aeb {
        /// The benchmark folder.
        dir: PathBuf,
        /// How many of the worst pages to list.
        #[arg(long, default_value_t = 10)]
        worst: usize,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Threads to extract with (0: one per core). The time reported is
        /// wall-clock time for extraction over all pages.
        #[arg(long, default_value_t = 1)]
        threads: usize,
    },
    /// Score titles, publication dates and main text on a folder of pages
    /// with a truth.jsonl (one line per page: file, url, fetched, title,
    /// date, text).
    Pages {
        /// The folder; each truth line's `file` is a path relative to it.
        dir: PathBuf,
        /// The truth file, when it is not DIR/truth.jsonl: it lets a truth
        /// file kept in one place score pages kept in another, such as
        /// crates/html/tests/real_pages/truth.jsonl over the AEB folder.
        #[arg(long, value_name = "FILE")]
        truth: Option<PathBuf>,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The result of one page.
#[derive(serde::Serialize)]
struct Page {
    id: String,
    precision: Option<f64>,
    recall: Option<f64>,
    f1: f64,
    error: Option<String>,
}

/// What extraction gave for one page.
struct Extracted {
    /// The cleaned text without the headline, which the benchmark's ground
    /// truth leaves out.
    body: String,
    published: Option<String>,
}

/// Extracts one page's article body and publication date.
fn article_body(bytes: &[u8], name: &str, limits: &HtmlLimits) -> Result<Extracted, String> {
    let raw = storyline_ingest::read_bytes(
        name,
        Some(format!("{name}.html")),
        bytes,
        &Default::default(),
    )
    .map_err(|e| e.to_string())?;
    let doc = pipeline::extract_document(raw, limits).map_err(|f| f.reason)?;
    let published = doc.published.map(|d| d.to_string());
    let body = match doc.title_span {
        Some(span) => doc
            .text
            .chars()
            .skip(span.end)
            .collect::<String>()
            .trim()
            .to_string(),
        None => doc.text,
    };
    Ok(Extracted { body, published })
}

/// The publication date a page states in its JSON-LD or meta tags, found
/// by a plain pattern over the bytes rather than by the extractor's own
/// parsing, so that the two can be compared.
fn stated_date(bytes: &[u8]) -> Option<String> {
    static PATTERNS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
        [
            Regex::new(r#""datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})"#).unwrap(),
            Regex::new(r#"article:published_time"\s+content="(\d{4}-\d{2}-\d{2})"#).unwrap(),
            Regex::new(r#"content="(\d{4}-\d{2}-\d{2})[^"]*"\s+property="article:published_time"#)
                .unwrap(),
        ]
    });
    // Placeholder stamps such as 0001-01-01 state no date; the extractor
    // refuses anything before 1995, and so does this check.
    PATTERNS
        .iter()
        .find_map(|p| p.captures(bytes))
        .map(|c| String::from_utf8_lossy(&c[1]).into_owned())
        .filter(|d| d.as_str() >= "1995")
}

pub fn run(args: Args) -> Result<u8> {
    match args.bench {
        Bench::Aeb {
            dir,
            worst,
            json,
            threads,
        } => run_aeb(&dir, worst, json, threads),
        Bench::Pages { dir, truth, json } => {
            let truth = truth.unwrap_or_else(|| dir.join("truth.jsonl"));
            super::eval_pages::run(&dir, &truth, json)
        }
    }
}

fn run_aeb(dir: &Path, worst: usize, json: bool, threads: usize) -> Result<u8> {
    let truth_path = dir.join("ground-truth.json");
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(&truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?,
    )
    .context("ground-truth.json is not a JSON object")?;
    if truth.is_empty() {
        bail!("{} lists no pages", truth_path.display());
    }
    // Pages are read and decompressed before timing: reading the
    // benchmark's files is not part of the work being measured.
    let inputs: Vec<(String, Result<Vec<u8>>)> = truth
        .keys()
        .map(|id| (id.clone(), read_page(dir, id)))
        .collect();
    let bytes_total: usize = inputs
        .iter()
        .filter_map(|(_, b)| b.as_ref().ok())
        .map(Vec::len)
        .sum();
    let limits = HtmlLimits::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the extraction threads")?;
    let started = Instant::now();
    let extracted: Vec<Result<Extracted, String>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|(id, bytes)| match bytes {
                Ok(bytes) => article_body(bytes, id, &limits),
                Err(e) => Err(format!("{e:#}")),
            })
            .collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut pages = Vec::new();
    let mut scores = Vec::new();
    let mut dates = DateCheck::default();
    for ((id, bytes), result) in inputs.iter().zip(extracted) {
        let expected = truth[id]
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let (predicted, published, error) = match result {
            Ok(e) => (e.body, e.published, None),
            Err(e) => (String::new(), None, Some(e)),
        };
        if let Some(stated) = bytes.as_ref().ok().and_then(|b| stated_date(b)) {
            dates.stated += 1;
            dates.found += usize::from(published.is_some());
            dates.agree += usize::from(published.as_deref() == Some(stated.as_str()));
            if published.as_deref() != Some(stated.as_str()) {
                dates.misses.push(format!(
                    "{id}: stated {stated}, found {}",
                    published.as_deref().unwrap_or("none")
                ));
            }
        }
        let score = score_page(expected, &predicted);
        scores.push(score);
        pages.push(page(id, score, error));
    }
    let summary = summarise(&scores);
    pages.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    if json {
        let out = serde_json::json!({
            "pages": pages.len(),
            "precision": summary.precision,
            "recall": summary.recall,
            "f1": summary.f1,
            "seconds": elapsed,
            "threads": pool.current_num_threads(),
            "dates": { "stated": dates.stated, "found": dates.found, "agree": dates.agree, "misses": dates.misses },
            "worst": &pages[..worst.min(pages.len())],
        });
        outln!("{}", serde_json::to_string_pretty(&out)?)?;
    } else {
        outln!(
            "pages {}  precision {:.4}  recall {:.4}  F1 {:.4}",
            pages.len(),
            summary.precision,
            summary.recall,
            summary.f1
        )?;
        outln!(
            "extraction {:.2} s, {:.0} pages/s, {:.1} MB/s of HTML, {} thread{}",
            elapsed,
            pages.len() as f64 / elapsed,
            bytes_total as f64 / 1e6 / elapsed,
            pool.current_num_threads(),
            if pool.current_num_threads() == 1 {
                ""
            } else {
                "s"
            }
        )?;
        outln!(
            "dates: {} pages state a publication date in JSON-LD or meta tags; {} dated, {} agreeing",
            dates.stated, dates.found, dates.agree
        )?;
        for miss in &dates.misses {
            outln!("  date {miss}")?;
        }
        for p in pages.iter().take(worst) {
            outln!(
                "  F1 {:.3}  P {}  R {}  {}{}",
                p.f1,
                fmt_opt(p.precision),
                fmt_opt(p.recall),
                p.id,
                p.error
                    .as_deref()
                    .map(|e| format!("  ({e})"))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(crate::exit::OK)
}

/// Publication dates checked against what pages state.
#[derive(Default)]
struct DateCheck {
    stated: usize,
    found: usize,
    agree: usize,
    misses: Vec<String>,
}

fn page(id: &str, score: PageScore, error: Option<String>) -> Page {
    Page {
        id: id.to_string(),
        precision: score.precision(),
        recall: score.recall(),
        f1: score.f1(),
        error,
    }
}

fn fmt_opt(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.3}"))
}

/// A page's HTML bytes, decompressed.
fn read_page(dir: &Path, id: &str) -> Result<Vec<u8>> {
    let gz = dir.join("html").join(format!("{id}.html.gz"));
    let plain = dir.join("html").join(format!("{id}.html"));
    let path = if gz.exists() { gz } else { plain };
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    if !bytes.starts_with(b"\x1f\x8b") {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut out)
        .with_context(|| format!("cannot decompress {}", path.display()))?;
    Ok(out)
}
