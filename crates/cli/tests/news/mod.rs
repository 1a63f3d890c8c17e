//! Loading shared by the real-news gold sets, `tests/gold/events_news.toml`
//! and `tests/gold/claims_news.toml` and their held-out twins
//! (`*_heldout.toml`): the source texts they point into (in
//! the shared folder, never in the repository), checked spans, the pipeline
//! run on an article, and the name matching both scorers use.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use storyline_model::{Document, GivenMeta, Markup, RawDocument};

/// The AEB ground truth, whose `articleBody` texts the gold sets cite.
pub const AEB: &str = "bench/aeb/ground-truth.json";

/// The texts of the shared folder, read once each.
pub struct Sources {
    shared: PathBuf,
    aeb: Option<HashMap<String, String>>,
    files: HashMap<String, String>,
}

impl Sources {
    pub fn new(shared: &Path) -> Sources {
        Sources {
            shared: shared.to_path_buf(),
            aeb: None,
            files: HashMap::new(),
        }
    }

    /// The text a gold entry's offsets are in: the `articleBody` of page
    /// `id` for the AEB ground truth, else the file's text.
    pub fn text(&mut self, source: &str, id: Option<&str>) -> &str {
        if source == AEB {
            let id = id.unwrap_or_else(|| panic!("{AEB} entries need an `id`"));
            let shared = &self.shared;
            let aeb = self.aeb.get_or_insert_with(|| {
                let raw = std::fs::read_to_string(shared.join(AEB)).expect("AEB ground truth");
                let pages: HashMap<String, serde_json::Value> =
                    serde_json::from_str(&raw).expect("AEB ground truth is JSON");
                pages
                    .into_iter()
                    .map(|(k, v)| (k, v["articleBody"].as_str().unwrap_or("").to_string()))
                    .collect()
            });
            aeb.get(id)
                .unwrap_or_else(|| panic!("no AEB page {id}"))
                .as_str()
        } else {
            assert!(id.is_none(), "{source}: only {AEB} entries take an `id`");
            let path = self.shared.join(source);
            self.files.entry(source.to_string()).or_insert_with(|| {
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            })
        }
    }
}

/// The gold sets the rules were written against, whose misses were read.
pub const TUNED_SETS: [&str; 4] = [
    "events_news.toml",
    "claims_news.toml",
    "events_news_dev2.toml",
    "claims_news_dev2.toml",
];

/// Where the gold set `file` is.
pub fn gold_path(file: &str) -> PathBuf {
    storyline_testkit::repo_root()
        .join("crates/cli/tests/gold")
        .join(file)
}

/// The articles a gold set cites (`source`, with `#id` for AEB pages).
fn articles(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(gold_path(file)).expect("the gold set is readable");
    let table: toml::Table = toml::from_str(&text).expect("the gold set parses");
    let entries = ["sentence", "claim"]
        .iter()
        .filter_map(|k| table.get(*k).and_then(|v| v.as_array()))
        .flatten();
    entries
        .map(|e| {
            let source = e["source"].as_str().unwrap_or_default();
            match e.get("id").and_then(|i| i.as_str()) {
                Some(id) => format!("{source}#{id}"),
                None => source.to_string(),
            }
        })
        .collect()
}

/// A held-out set cites no article that a tuned set cites.
pub fn assert_heldout_disjoint(heldout: &str) {
    let tuned: Vec<String> = TUNED_SETS.iter().flat_map(|f| articles(f)).collect();
    for a in articles(heldout) {
        assert!(!tuned.contains(&a), "{heldout}: {a} is in a tuned set");
    }
}

/// Whether to print a set's misses: always for a tuned set; for a held-out
/// set only with `STORYLINE_SHOW_HELDOUT=1`, so that rule writers do not
/// read them by accident (a line says how many were hidden).
pub fn show_misses(heldout: bool, misses: usize) -> bool {
    let show = !heldout || std::env::var("STORYLINE_SHOW_HELDOUT").as_deref() == Ok("1");
    if !show {
        eprintln!(
            "\nheld-out set: {misses} misses not shown (STORYLINE_SHOW_HELDOUT=1 shows them; \
             do not write rules from them)"
        );
    }
    show
}

/// The first 12 hex digits of SHA-256 of `text`'s UTF-8 bytes.
pub fn sha12(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Characters `start..end` of `text` (char offsets, as the gold sets use).
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The span `start..end` of a gold entry's source text, checked against
/// its hash, so that a changed shared folder fails loudly instead of
/// scoring the wrong sentence.
pub fn checked_span(
    sources: &mut Sources,
    source: &str,
    id: Option<&str>,
    start: usize,
    end: usize,
    sha: &str,
) -> String {
    let text = sources.text(source, id);
    let span = chars(text, start, end);
    assert_eq!(
        sha12(&span),
        sha,
        "{source} {}{start}..{end}: the text there is not the one coded",
        id.map(|i| format!("{i} ")).unwrap_or_default()
    );
    span
}

/// Runs the whole pipeline on a plain text, as `storyline extract` does for
/// a text file (`storyline_pipeline::build` with the shipped knowledge base
/// and verbs), with no publication date.
pub fn analyze(name: &str, text: &str) -> Document {
    let raw = RawDocument {
        source: name.to_string(),
        file_name: Some(format!("{name}.txt")),
        text: text.to_string(),
        markup: Markup::Text,
        encoding: "UTF-8".to_string(),
        given: GivenMeta::default(),
        ..RawDocument::default()
    };
    storyline_pipeline::build(raw, &Default::default())
        .unwrap_or_else(|f| panic!("{name}: {} ({})", f.reason, f.hint))
}

/// Characters the cleaner may drop without changing what a text says.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// A text with invisible characters dropped and each run of whitespace
/// read as one space, and for each character kept, its index in the text.
fn squash(s: &str) -> (Vec<char>, Vec<usize>) {
    let (mut out, mut at) = (Vec::new(), Vec::new());
    let mut space = false;
    for (i, c) in s.chars().enumerate() {
        if invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                at.push(i);
            }
            space = true;
        } else {
            out.push(c);
            at.push(i);
            space = false;
        }
    }
    (out, at)
}

/// Where each character of `needle` sits in `haystack` (char offsets):
/// verbatim if it is there, else with invisible characters (soft hyphens)
/// ignored and runs of whitespace compared as one space, as cleaning may
/// change them. A character that was dropped maps to the next one kept.
pub fn find_chars(haystack: &str, needle: &str) -> Option<Vec<usize>> {
    let n = needle.chars().count();
    if let Some(b) = haystack.find(needle) {
        let start = haystack[..b].chars().count();
        return Some((start..start + n).collect());
    }
    let (hay, hay_at) = squash(haystack);
    let (pin, pin_at) = squash(needle);
    if pin.is_empty() {
        return None;
    }
    let pos = hay.windows(pin.len()).position(|w| w == pin.as_slice())?;
    let mut map = Vec::with_capacity(n);
    let mut j = 0;
    for i in 0..n {
        while j + 1 < pin_at.len() && pin_at[j] < i {
            j += 1;
        }
        map.push(hay_at[pos + j]);
    }
    Some(map)
}

/// Where one gold span landed.
pub struct Placed {
    /// Its document in [`Analysis::docs`].
    pub doc: usize,
    /// `true` when that document is the whole article, `false` when the
    /// span could not be found in the cleaned article and was run alone.
    pub in_context: bool,
    /// The span's char offsets in that document's text.
    pub span: (usize, usize),
    /// For each char of the span, its offset in that document's text.
    pub map: Vec<usize>,
}

impl Placed {
    /// Chars `start..end` of the gold span, in document offsets.
    pub fn sub(&self, start: usize, end: usize) -> (usize, usize) {
        let end = end.min(self.map.len());
        if start >= end {
            return (self.span.0, self.span.0);
        }
        (self.map[start], self.map[end - 1] + 1)
    }
}

/// The gold spans' articles, each analysed once, and where each span is.
pub struct Analysis {
    pub docs: Vec<Document>,
    pub placed: Vec<Placed>,
}

impl Analysis {
    pub fn doc(&self, p: &Placed) -> &Document {
        &self.docs[p.doc]
    }
}

/// Analyses each gold span in its article: every article once, and a span
/// the cleaner dropped or changed beyond whitespace alone, as its own text.
/// `spans` are (article key, article text, span text); `placed` is in the
/// same order.
pub fn analyse_in_context(spans: &[(String, String, String)]) -> Analysis {
    let mut keys: Vec<&String> = Vec::new();
    let mut texts: Vec<&String> = Vec::new();
    for (key, text, _) in spans {
        if !keys.contains(&key) {
            keys.push(key);
            texts.push(text);
        }
    }
    let jobs: Vec<(usize, &String, &String)> = keys
        .iter()
        .zip(&texts)
        .enumerate()
        .map(|(i, (k, t))| (i, *k, *t))
        .collect();
    let mut docs: Vec<Option<Document>> = (0..keys.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        // Two at a time: the machines this runs on have two cores.
        let handles: Vec<_> = jobs
            .chunks(jobs.len().div_ceil(2).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|(i, k, t)| (*i, analyze(k, t)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (i, doc) in h.join().expect("an analysis worker finished") {
                docs[i] = Some(doc);
            }
        }
    });
    let mut docs: Vec<Document> = docs.into_iter().map(|d| d.expect("analysed")).collect();
    let mut placed = Vec::new();
    for (key, _, span) in spans {
        let i = keys.iter().position(|k| *k == key).expect("a key");
        let (doc, in_context, map) = match find_chars(&docs[i].text, span) {
            Some(map) => (i, true, map),
            None => {
                let alone = analyze(&format!("{key} (alone)"), span);
                let map = find_chars(&alone.text, span)
                    .unwrap_or_else(|| (0..span.chars().count()).collect());
                docs.push(alone);
                (docs.len() - 1, false, map)
            }
        };
        let span = match (map.first(), map.last()) {
            (Some(&a), Some(&b)) => (a, b + 1),
            _ => (0, 0),
        };
        placed.push(Placed {
            doc,
            in_context,
            span,
            map,
        });
    }
    Analysis { docs, placed }
}

/// Whether two char spans share at least one character.
pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Words that say nothing about who a name is.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "for",
    "in",
    "and",
    "to",
    "at",
    "on",
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "him",
    "them",
    "we",
    "i",
    "you",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "jr",
    "sr",
    "president",
    "secretary",
    "minister",
    "prime",
    "said",
    "both",
    "who",
];

fn words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 2 && !NOT_NAMES.contains(&w.as_str()))
        .collect()
}

/// Whether a predicted name names the same one as any of the gold names:
/// case-insensitive, sharing a word other than titles, articles and
/// pronouns ("Esper" matches "Mark Esper", "police" matches "British
/// police", "He" matches nothing).
pub fn same_name(predicted: &str, gold: &[&str]) -> bool {
    let p = words(predicted);
    gold.iter().any(|g| words(g).iter().any(|w| p.contains(w)))
}

/// A right-padded cell for the miss tables.
pub fn cell(text: &str, width: usize) -> String {
    let t: String = text.chars().take(width).collect();
    format!("{t:<width$}")
}
