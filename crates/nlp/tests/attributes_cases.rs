//! The attribute ruler and the lemmatizer against spaCy's own output, and
//! against the reference pipeline's final tokens of the replay texts.
//!
//! `data/trans/attributes_cases.json` comes from `make_data.py attributes`:
//! invented sentences tagged and parsed by spaCy, and hand-made token lists
//! with chosen tags and labels, each with spaCy's attributes after its
//! attribute ruler and lemmatizer.

mod common;

use common::replay_files;
use std::path::Path;

use serde::Deserialize;
use storyline_nlp::attributes::{AttributeRuler, Lemmatizer, TokenAttrs};
use storyline_nlp::files;

#[derive(Deserialize)]
struct Case {
    name: String,
    words: Vec<String>,
    is_space: Vec<bool>,
    tags: Vec<String>,
    deps: Vec<String>,
    expected: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    tag: String,
    pos: String,
    morph: String,
    lemma: String,
    dep: String,
}

#[derive(Deserialize)]
struct Replay {
    words: Vec<String>,
    is_space: Vec<bool>,
    tags: Vec<String>,
    deps: Vec<String>,
    #[serde(rename = "final")]
    final_: Final,
}

#[derive(Deserialize)]
struct Final {
    tag: Vec<String>,
    pos: Vec<String>,
    morph: Vec<String>,
    lemma: Vec<String>,
    dep: Vec<String>,
}

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/trans"))
}

/// Runs the ruler, then the lemmatizer, as the pipeline does.
fn annotate(
    words: &[String],
    is_space: &[bool],
    tags: &[String],
    deps: &[String],
) -> Vec<TokenAttrs> {
    let ruler = AttributeRuler::from_bytes(files::ATTRIBUTE_RULER_PATTERNS).expect("patterns");
    let lemmatizer = Lemmatizer::from_bytes(files::LEMMATIZER_LOOKUPS).expect("lookups");
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut attrs: Vec<TokenAttrs> = tags
        .iter()
        .zip(deps)
        .map(|(t, d)| TokenAttrs::new(t.as_str(), d.as_str()))
        .collect();
    ruler.apply(&words, is_space, &mut attrs);
    lemmatizer.apply(&words, &mut attrs);
    attrs
}

#[test]
fn ruler_and_lemmatizer_match_spacy_on_the_cases() {
    let text = std::fs::read_to_string(data_dir().join("attributes_cases.json")).expect("cases");
    let cases: Vec<Case> = serde_json::from_str(&text).expect("cases json");
    assert!(cases.len() >= 10);
    let mut tokens = 0;
    for case in &cases {
        let got = annotate(&case.words, &case.is_space, &case.tags, &case.deps);
        for (i, (g, want)) in got.iter().zip(&case.expected).enumerate() {
            let got = (
                g.tag.as_str(),
                g.pos.as_str(),
                g.morph.as_str(),
                g.lemma.as_deref().unwrap_or(""),
                g.dep.as_str(),
            );
            let want = (
                want.tag.as_str(),
                want.pos.as_str(),
                want.morph.as_str(),
                want.lemma.as_str(),
                want.dep.as_str(),
            );
            assert_eq!(got, want, "{} token {i} {:?}", case.name, case.words[i]);
            tokens += 1;
        }
    }
    assert!(tokens > 100, "{tokens} tokens checked");
}

#[test]
fn ruler_and_lemmatizer_match_the_reference_on_the_replay_texts() {
    let files = replay_files();
    assert!(!files.is_empty());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("replay file");
        let replay: Replay = serde_json::from_str(&text).expect("replay json");
        let got = annotate(&replay.words, &replay.is_space, &replay.tags, &replay.deps);
        let f = &replay.final_;
        for (i, g) in got.iter().enumerate() {
            let got = (
                g.tag.as_str(),
                g.pos.as_str(),
                g.morph.as_str(),
                g.lemma.as_deref().unwrap_or(""),
                g.dep.as_str(),
            );
            let want = (
                f.tag[i].as_str(),
                f.pos[i].as_str(),
                f.morph[i].as_str(),
                f.lemma[i].as_str(),
                f.dep[i].as_str(),
            );
            assert_eq!(
                got,
                want,
                "{} token {i} {:?}",
                path.display(),
                replay.words[i]
            );
        }
    }
}
