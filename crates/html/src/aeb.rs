//! The Article Extraction Benchmark's scoring, reimplemented: per page,
//! `\w+` tokens, 4-token shingles counted as multisets, true and false
//! positives and false negatives normalised by their sum; precision and
//! recall averaged over the pages where they are defined; F1 from the two
//! averages.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").unwrap());

const SHINGLE: usize = 4;

/// One page's normalised true positives, false positives and false
/// negatives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl PageScore {
    /// Precision, or `None` when the page has nothing predicted or true to
    /// judge it by (the benchmark leaves such pages out of the average).
    pub fn precision(&self) -> Option<f64> {
        if self.tp + self.fp <= 0.0 {
            return None;
        }
        Some(if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + self.fp)
        })
    }

    pub fn recall(&self) -> Option<f64> {
        if self.tp + self.fn_ <= 0.0 {
            return None;
        }
        Some(if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + self.fn_)
        })
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(0.0),
        );
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = TOKEN.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    // As the benchmark does: a text shorter than a shingle is one short
    // shingle, an empty text none.
    let count = tokens.len().saturating_sub(SHINGLE - 1).max(1);
    for i in 0..count {
        let shingle = tokens[i..(i + SHINGLE).min(tokens.len())].to_vec();
        if !shingle.is_empty() {
            *out.entry(shingle).or_insert(0) += 1;
        }
    }
    out
}

/// Scores one page's prediction against its true article body.
pub fn score_page(truth: &str, predicted: &str) -> PageScore {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(t.get(k).copied().unwrap_or(0)) as f64;
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        PageScore {
            tp: tp / sum,
            fp: fp / sum,
            fn_: fn_ / sum,
        }
    } else {
        PageScore { tp, fp, fn_ }
    }
}

/// Precision, recall and F1 over pages, as the benchmark reports them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

pub fn summarise(pages: &[PageScore]) -> Summary {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let precision = mean(pages.iter().filter_map(PageScore::precision).collect());
    let recall = mean(pages.iter().filter_map(PageScore::recall).collect());
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Summary {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn identical_text_is_perfect() {
        let s = score_page("one two three four five", "one two three four five");
        assert_eq!((s.precision(), s.recall()), (Some(1.0), Some(1.0)));
    }

    #[test]
    fn extra_and_missing_shingles_count_as_multisets() {
        // Truth: 5 tokens -> 2 shingles. Prediction adds one token -> 3
        // shingles, 2 shared: tp 2, fp 1, fn 0, normalised by 3.
        let s = score_page("a b c d e", "a b c d e f");
        assert!(close(s.tp, 2.0 / 3.0) && close(s.fp, 1.0 / 3.0) && close(s.fn_, 0.0));
        assert!(close(s.precision().unwrap(), 2.0 / 3.0));
        assert_eq!(s.recall(), Some(1.0));
        // A repeated paragraph is a false positive for each extra copy.
        let twice = score_page("a b c d", "a b c d a b c d");
        assert!(close(twice.precision().unwrap(), 1.0 / 5.0));
    }

    #[test]
    fn short_and_empty_texts_follow_the_benchmark() {
        // Fewer tokens than a shingle: one short shingle.
        assert_eq!(score_page("a b", "a b").recall(), Some(1.0));
        // Nothing predicted: precision undefined, recall zero.
        let empty = score_page("a b c d", "");
        assert_eq!((empty.precision(), empty.recall()), (None, Some(0.0)));
        let s = summarise(&[empty, score_page("a b c d", "a b c d")]);
        assert!(close(s.precision, 1.0) && close(s.recall, 0.5));
        assert!(close(s.f1, 2.0 * 0.5 / 1.5));
    }

    #[test]
    fn tokens_are_unicode_words_and_case_sensitive() {
        let s = score_page("Kyiv’s forces held on", "kyiv’s forces held on");
        assert!(s.precision().unwrap() < 1.0);
        let s = score_page("café déjà vu ici", "café, déjà — vu; ici!");
        assert_eq!(s.precision(), Some(1.0));
    }
}
