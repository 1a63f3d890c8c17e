//! `storyline eval pages DIR [--truth FILE]`: date accuracy (to the day),
//! title accuracy and main-text word F1 of the whole extraction (HTML, then
//! cleaning) on a folder of pages and its truth file (`DIR/truth.jsonl`
//! unless `--truth` names another). Page files are found relative to DIR,
//! so a truth file may live apart from the pages it describes.

use anyhow::{bail, Context, Result};
use std::path::Path;
use storyline_html::pages::{read_truth, score, summarise, Found, Truth};
use storyline_html::{HtmlLimits, PageContext};

/// Extracts one page as the pipeline does, with the truth's URL and
/// fetch day as context.
fn found(dir: &Path, t: &Truth, limits: &HtmlLimits) -> Result<Found, String> {
    let bytes = read(&dir.join(&t.file)).map_err(|e| format!("{e:#}"))?;
    let mut raw =
        storyline_ingest::read_bytes(&t.file, Some(t.file.clone()), &bytes, &Default::default())
            .map_err(|e| e.to_string())?;
    raw.given.url = t.url.clone();
    let ctx = PageContext {
        url: t.url.clone(),
        fetched: t.fetched,
    };
    let raw = storyline_html::extract_with(raw, limits, &ctx).map_err(|e| e.to_string())?;
    let doc = storyline_clean::build_document(raw).map_err(|e| e.to_string())?;
    let text = match doc.title_span {
        Some(span) => doc.text.chars().skip(span.end).collect::<String>(),
        None => doc.text.clone(),
    };
    Ok(Found {
        title: doc.title.clone(),
        date: doc.published,
        text: text.trim().to_string(),
    })
}

/// A page's bytes, decompressed when gzipped.
fn read(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if !bytes.starts_with(b"\x1f\x8b") {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut out)
        .with_context(|| format!("cannot decompress {}", path.display()))?;
    Ok(out)
}

pub fn run(dir: &Path, path: &Path, json: bool) -> Result<u8> {
    let truth = read_truth(
        &std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?,
    )
    .with_context(|| format!("{} is not valid", path.display()))?;
    if truth.is_empty() {
        bail!("{} lists no pages", path.display());
    }
    let limits = HtmlLimits::default();
    let mut outcomes = Vec::new();
    let mut misses = Vec::new();
    for t in &truth {
        let f = found(dir, t, &limits).unwrap_or_else(|e| {
            misses.push(format!("{}: {e}", t.file));
            Found::default()
        });
        let o = score(t, &f);
        if o.date_right == Some(false) || o.date_invented {
            misses.push(format!(
                "{}: date {} (truth {})",
                t.file,
                f.date.map_or("none".into(), |d| d.to_string()),
                t.date.map_or("none".into(), |d| d.to_string())
            ));
        }
        if o.title_right == Some(false) {
            misses.push(format!(
                "{}: title {:?} (truth {:?})",
                t.file,
                f.title.as_deref().unwrap_or(""),
                t.title.as_deref().unwrap_or("")
            ));
        }
        outcomes.push(o);
    }
    let s = summarise(&outcomes);
    // A truth file may carry no texts (one that only names headlines and
    // days); its F1 is then unknown, not zero.
    let text_f1 = truth.iter().any(|t| t.text.is_some()).then_some(s.text_f1);
    if json {
        let out = serde_json::json!({
            "pages": s.pages,
            "dated": s.dated,
            "date_right": s.date_right,
            "date_accuracy": s.date_accuracy(),
            "undated": s.undated,
            "date_invented": s.date_invented,
            "titled": s.titled,
            "title_right": s.title_right,
            "title_accuracy": s.title_accuracy(),
            "text_word_f1": text_f1,
            "misses": misses,
        });
        outln!("{}", serde_json::to_string_pretty(&out)?)?;
    } else {
        outln!(
            "pages {}  date {}/{} ({:.3}), dates given to undated pages {}/{}  title {}/{} ({:.3})  main-text word F1 {}",
            s.pages,
            s.date_right,
            s.dated,
            s.date_accuracy(),
            s.date_invented,
            s.undated,
            s.title_right,
            s.titled,
            s.title_accuracy(),
            text_f1.map_or("n/a (no texts in the truth)".into(), |f| format!("{f:.3}"))
        )?;
        for m in &misses {
            outln!("  {m}")?;
        }
    }
    Ok(crate::exit::OK)
}
