//! Scoring page metadata and main text against a folder's ground truth,
//! for `storyline eval pages`. The truth is a JSON Lines file,
//! `truth.jsonl`, one object per page:
//!
//! ```json
//! {"file": "01-story.html", "url": "https://…", "fetched": "2026-01-05",
//!  "title": "The headline", "date": "2025-03-04", "text": "Main text…"}
//! ```
//!
//! `file` is a path relative to the folder of pages, which need not be
//! the truth file's folder (`storyline eval pages DIR --truth FILE`).
//! `url` and `fetched` (the crawl day) are optional context given to the
//! extractor; `date` is `null` when the page states no publication date;
//! `text` is optional, and without it a page is scored on title and date.
//! Dates are compared to the day, titles after squashing whitespace and
//! unifying quotes and dashes, and main text by the F1 of its lower-case
//! words counted as multisets.
//!
//! A truth file for pages the project may not quote (someone else's
//! articles) gives `title_sha256` instead of `title`: the SHA-256, in
//! lower-case hex, of the headline after the same squashing and
//! unifying, lower-cased (`title_digest`), so the headline is checked
//! without being copied.

use regex::Regex;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::LazyLock;
use storyline_model::PartialDate;

/// One page's ground truth.
#[derive(Debug, Clone, PartialEq)]
pub struct Truth {
    pub file: String,
    pub url: Option<String>,
    pub fetched: Option<PartialDate>,
    pub title: Option<String>,
    /// The headline's digest (`title_digest`), for headlines not quoted.
    pub title_sha256: Option<String>,
    /// `None` when the page states no date.
    pub date: Option<PartialDate>,
    pub text: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TruthError {
    #[error("line {line}: {reason}")]
    Line { line: usize, reason: String },
}

/// Reads `truth.jsonl`; blank lines are skipped.
pub fn read_truth(jsonl: &str) -> Result<Vec<Truth>, TruthError> {
    let mut out = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| TruthError::Line {
            line: i + 1,
            reason,
        };
        let v: Value = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let date = |k: &str| -> Result<Option<PartialDate>, TruthError> {
            text(k)
                .map(|s| {
                    s.parse()
                        .map_err(|e: storyline_model::DateError| bad(e.to_string()))
                })
                .transpose()
        };
        out.push(Truth {
            file: text("file").ok_or_else(|| bad("no \"file\"".into()))?,
            url: text("url"),
            fetched: date("fetched")?,
            title: text("title"),
            title_sha256: text("title_sha256").map(|h| h.to_lowercase()),
            date: date("date")?,
            text: text("text"),
        });
    }
    Ok(out)
}

/// What an extractor found on one page.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub title: Option<String>,
    pub date: Option<PartialDate>,
    pub text: String,
}

/// One page's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// `Some(right)` when the truth states a date.
    pub date_right: Option<bool>,
    /// A date given for a page that states none.
    pub date_invented: bool,
    pub title_right: Option<bool>,
    pub text_f1: Option<f64>,
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").unwrap());

fn normal_title(t: &str) -> String {
    t.replace(['‘', '’', '`'], "'")
        .replace(['“', '”'], "\"")
        .replace(['–', '—'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The SHA-256 of a headline as titles are compared, in lower-case hex.
pub fn title_digest(title: &str) -> String {
    format!("{:x}", Sha256::digest(normal_title(title).as_bytes()))
}

/// F1 of lower-case words counted as multisets.
pub fn word_f1(truth: &str, found: &str) -> f64 {
    let bag = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in WORD.find_iter(s) {
            *m.entry(w.as_str().to_lowercase()).or_default() += 1;
        }
        m
    };
    let (t, f) = (bag(truth), bag(found));
    let (nt, nf): (usize, usize) = (t.values().sum(), f.values().sum());
    if nt == 0 && nf == 0 {
        return 1.0;
    }
    let shared: usize = t
        .iter()
        .map(|(w, c)| (*c).min(f.get(w).copied().unwrap_or(0)))
        .sum();
    if shared == 0 {
        return 0.0;
    }
    let (p, r) = (shared as f64 / nf as f64, shared as f64 / nt as f64);
    2.0 * p * r / (p + r)
}

pub fn score(truth: &Truth, found: &Found) -> Outcome {
    Outcome {
        date_right: truth.date.map(|d| found.date == Some(d)),
        date_invented: truth.date.is_none() && found.date.is_some(),
        title_right: match (&truth.title, &truth.title_sha256) {
            (Some(t), _) => Some(
                found
                    .title
                    .as_ref()
                    .is_some_and(|f| normal_title(f) == normal_title(t)),
            ),
            (None, Some(h)) => Some(found.title.as_ref().is_some_and(|f| title_digest(f) == *h)),
            (None, None) => None,
        },
        text_f1: truth.text.as_ref().map(|t| word_f1(t, &found.text)),
    }
}

/// The figures over a folder.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    pub pages: usize,
    pub dated: usize,
    pub date_right: usize,
    /// Pages stating no date that were given one.
    pub undated: usize,
    pub date_invented: usize,
    pub titled: usize,
    pub title_right: usize,
    pub text_f1: f64,
}

impl Summary {
    pub fn date_accuracy(&self) -> f64 {
        ratio(self.date_right, self.dated)
    }
    pub fn title_accuracy(&self) -> f64 {
        ratio(self.title_right, self.titled)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub fn summarise(outcomes: &[Outcome]) -> Summary {
    let mut s = Summary {
        pages: outcomes.len(),
        ..Default::default()
    };
    let mut f1s = Vec::new();
    for o in outcomes {
        match o.date_right {
            Some(right) => {
                s.dated += 1;
                s.date_right += usize::from(right);
            }
            None => {
                s.undated += 1;
                s.date_invented += usize::from(o.date_invented);
            }
        }
        if let Some(right) = o.title_right {
            s.titled += 1;
            s.title_right += usize::from(right);
        }
        f1s.extend(o.text_f1);
    }
    s.text_f1 = if f1s.is_empty() {
        0.0
    } else {
        f1s.iter().sum::<f64>() / f1s.len() as f64
    };
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truth_lines_are_read_and_checked() {
        let t = read_truth(
            "{\"file\":\"a.html\",\"date\":\"2025-03-04\",\"title\":\"T\",\"text\":\"x\"}\n\n{\"file\":\"b.html\",\"date\":null}\n",
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].date.unwrap().to_string(), "2025-03-04");
        assert_eq!(t[1].date, None);
        assert!(read_truth("{\"date\":\"2025\"}").is_err());
        assert!(read_truth("{\"file\":\"a\",\"date\":\"March\"}").is_err());
    }

    #[test]
    fn scores_dates_titles_and_words() {
        let truth = Truth {
            file: "a".into(),
            url: None,
            fetched: None,
            title: Some("Port reopens – after storm".into()),
            title_sha256: None,
            date: "2025-03-04".parse().ok(),
            text: Some("one two three four".into()),
        };
        let found = Found {
            title: Some("Port  reopens - after storm".into()),
            date: "2025-03-04".parse().ok(),
            text: "one two three five".into(),
        };
        let o = score(&truth, &found);
        assert_eq!(o.date_right, Some(true));
        assert_eq!(o.title_right, Some(true));
        assert!((o.text_f1.unwrap() - 0.75).abs() < 1e-9);
        let undated = Truth {
            date: None,
            ..truth
        };
        let o = score(&undated, &found);
        assert!(o.date_invented && o.date_right.is_none());
        let s = summarise(&[o]);
        assert_eq!((s.undated, s.date_invented, s.dated), (1, 1, 0));
    }

    #[test]
    fn a_headline_given_by_its_digest_is_checked_as_a_written_one() {
        let truth = read_truth(&format!(
            "{{\"file\":\"a\",\"date\":null,\"title_sha256\":\"{}\"}}",
            title_digest("Port reopens – after storm")
        ))
        .unwrap()
        .remove(0);
        let found = |t: &str| Found {
            title: Some(t.into()),
            ..Found::default()
        };
        assert_eq!(
            score(&truth, &found("PORT  reopens - after storm")).title_right,
            Some(true)
        );
        assert_eq!(
            score(&truth, &found("Port reopens")).title_right,
            Some(false)
        );
    }
}
