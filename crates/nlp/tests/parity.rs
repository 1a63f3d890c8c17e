//! Parity with spaCy: the backbone's output against spaCy's own on the
//! golden files made by `scripts/nlp/golden.py` (format in
//! `scripts/nlp/README.md`). The texts of real articles are not in the
//! repository; they are read from the shared folder beside the checkout
//! and checked by hash.
//!
//! Run with `--nocapture` to see the agreement table:
//! `cargo test -p storyline-nlp --release --test parity -- --nocapture`.

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
mod common;

use std::path::{Path, PathBuf};
use storyline_nlp::Backbone;

#[derive(Deserialize)]
struct Header {
    format: String,
    format_version: u32,
    root: String,
}

#[derive(Deserialize)]
struct GoldDoc {
    source: String,
    sha256: String,
    tokens: GoldTokens,
    ents: GoldEnts,
}

#[derive(Deserialize)]
struct GoldTokens {
    start: Vec<usize>,
    end: Vec<usize>,
    tag: Vec<String>,
    pos: Vec<String>,
    morph: Vec<String>,
    lemma: Vec<Option<serde_json::Value>>,
    head: Vec<usize>,
    dep: Vec<String>,
    sent_start: Vec<bool>,
}

#[derive(Deserialize)]
struct GoldEnts {
    start_char: Vec<usize>,
    end_char: Vec<usize>,
    label: Vec<String>,
}

/// Agreement counts over a golden file.
#[derive(Default, Debug)]
struct Agreement {
    documents: usize,
    sentences: usize,
    sentences_tokens_same: usize,
    tokens: usize,
    aligned: usize,
    tag: usize,
    pos: usize,
    morph: usize,
    lemma: usize,
    head: usize,
    dep: usize,
    sent_start: usize,
    entities: usize,
    entities_found: usize,
    entities_ours: usize,
    seconds: f64,
}

impl Agreement {
    fn share(part: usize, whole: usize) -> f64 {
        if whole == 0 {
            1.0
        } else {
            part as f64 / whole as f64
        }
    }

    fn print(&self, name: &str) {
        let t = self.tokens;
        eprintln!(
            "{name}: {} documents, {} sentences, {} tokens, {} entities, {:.0} tokens/s",
            self.documents,
            self.sentences,
            t,
            self.entities,
            t as f64 / self.seconds.max(1e-9)
        );
        let rows = [
            (
                "sentences tokenized identically",
                self.sentences_tokens_same,
                self.sentences,
            ),
            ("tokens aligned", self.aligned, t),
            ("tag", self.tag, t),
            ("pos", self.pos, t),
            ("morph", self.morph, t),
            ("lemma", self.lemma, t),
            ("head", self.head, t),
            ("dep", self.dep, t),
            ("sentence start", self.sent_start, t),
            ("entities found exactly", self.entities_found, self.entities),
        ];
        for (what, part, whole) in rows {
            eprintln!(
                "  {what:<32} {part:>8} / {whole:<8} {:>8.4}%",
                100.0 * Self::share(part, whole)
            );
        }
        eprintln!(
            "  entities of ours                 {:>8}",
            self.entities_ours
        );
    }

    /// The targets: tokens identical on 99.5% of sentences; tags,
    /// heads, labels on 99% of tokens; 99% of spaCy's entities exactly.
    fn assert_targets(&self, name: &str) {
        let checks = [
            (
                "sentences tokenized identically",
                self.sentences_tokens_same,
                self.sentences,
                0.995,
            ),
            ("tag", self.tag, self.tokens, 0.99),
            ("head", self.head, self.tokens, 0.99),
            ("dep", self.dep, self.tokens, 0.99),
            ("entities", self.entities_found, self.entities, 0.99),
        ];
        for (what, part, whole, target) in checks {
            let share = Self::share(part, whole);
            assert!(
                share >= target,
                "{name}: {what} agree on {part} of {whole} ({:.3}%), below {:.1}%",
                100.0 * share,
                100.0 * target
            );
        }
    }
}

fn read_golden(path: &Path) -> (Header, Vec<GoldDoc>) {
    let file = std::fs::File::open(path)
        .unwrap_or_else(|e| panic!("cannot open golden file {}: {e}", path.display()));
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut lines = BufReader::new(reader).lines();
    let header: Header = serde_json::from_str(&lines.next().expect("a header line").unwrap())
        .expect("a golden header");
    assert_eq!(header.format, "storyline-nlp-golden");
    assert_eq!(header.format_version, 1);
    let docs = lines
        .map(|l| serde_json::from_str(&l.unwrap()).expect("a golden document"))
        .collect();
    (header, docs)
}

fn compare(root: &Path, docs: &[GoldDoc]) -> Agreement {
    let backbone = Backbone::shared().expect("the built-in model loads");
    let mut a = Agreement::default();
    let mut sources = common::Sources::default();
    for gold in docs {
        let text = sources.read(root, &gold.source);
        let hash = format!("{:x}", Sha256::digest(text.as_bytes()));
        assert_eq!(hash, gold.sha256, "source changed: {}", gold.source);
        let started = std::time::Instant::now();
        let ours = backbone.annotate(&text);
        a.seconds += started.elapsed().as_secs_f64();
        compare_doc(gold, &text, &ours, &mut a);
    }
    a
}

fn compare_doc(gold: &GoldDoc, text: &str, ours: &storyline_nlp::Annotation, a: &mut Agreement) {
    let g = &gold.tokens;
    let n = g.start.len();
    a.documents += 1;
    a.tokens += n;
    let by_span: HashMap<(usize, usize), usize> = ours
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.start, t.end), i))
        .collect();
    let words: Vec<&str> = {
        let chars: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        (0..n)
            .map(|i| &text[chars[g.start[i]]..chars[g.end[i]]])
            .collect()
    };
    let mut i = 0;
    while i < n {
        // One gold sentence: from a sentence start to the next.
        let end = (i + 1..n).find(|&k| g.sent_start[k]).unwrap_or(n);
        a.sentences += 1;
        let (first, last) = (g.start[i], g.end[end - 1]);
        let ours_inside = ours
            .tokens
            .iter()
            .filter(|t| t.start >= first && t.end <= last)
            .count();
        let all_match = (i..end).all(|k| by_span.contains_key(&(g.start[k], g.end[k])));
        if all_match && ours_inside == end - i {
            a.sentences_tokens_same += 1;
        }
        i = end;
    }
    for (k, word) in words.iter().enumerate() {
        let Some(&o) = by_span.get(&(g.start[k], g.end[k])) else {
            continue;
        };
        let t = &ours.tokens[o];
        a.aligned += 1;
        a.tag += usize::from(t.tag == g.tag[k]);
        a.pos += usize::from(t.pos == g.pos[k]);
        a.morph += usize::from(t.morph == g.morph[k]);
        let lemma = match &g.lemma[k] {
            None => word.to_lowercase(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(_) => word.to_string(),
        };
        a.lemma += usize::from(t.lemma == lemma);
        let head = &ours.tokens[t.head];
        let gh = g.head[k];
        a.head += usize::from(head.start == g.start[gh] && head.end == g.end[gh]);
        a.dep += usize::from(t.dep == g.dep[k]);
        let ours_start = o == 0 || ours.tokens[o - 1].sentence != t.sentence;
        a.sent_start += usize::from(ours_start == g.sent_start[k]);
    }
    let ours_ents: std::collections::HashSet<(usize, usize, &str)> = ours
        .ner
        .iter()
        .map(|e| (e.start, e.end, e.label.as_str()))
        .collect();
    a.entities += gold.ents.label.len();
    a.entities_ours += ours.ner.len();
    for k in 0..gold.ents.label.len() {
        let key = (
            gold.ents.start_char[k],
            gold.ents.end_char[k],
            gold.ents.label[k].as_str(),
        );
        a.entities_found += usize::from(ours_ents.contains(&key));
    }
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

#[test]
fn our_own_texts_parse_as_spacy_parses_them() {
    let (header, docs) = read_golden(&golden("fixtures.jsonl"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(&header.root);
    let agreement = compare(&root, &docs);
    agreement.print("own texts");
    agreement.assert_targets("own texts");
}

#[test]
fn real_news_parses_as_spacy_parses_it() {
    let Some(shared) = storyline_testkit::shared_dir() else {
        return;
    };
    let (header, docs) = read_golden(&golden("corpus.jsonl.gz"));
    assert_eq!(header.root, "../shared");
    let agreement = compare(&shared, &docs);
    agreement.print("news corpus");
    agreement.assert_targets("news corpus");
    assert!(
        agreement.sentences >= 1_000,
        "the corpus has too few sentences"
    );
}
