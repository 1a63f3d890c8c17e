//! The language backbone from the command line: `parse` as CoNLL-U and
//! JSON, tokens in `extract` and through the store, and text in another
//! language left unparsed with a warning.

mod common;

use common::{stderr, stdout, storyline};

/// A short wire story written for this test: a headline without a final
/// stop, a company, a person, a place, a date and a figure.
const STORY: &str = "Harbour crane maker cuts jobs\n\n\
    ROTTERDAM - Kranwerk Industries said on Monday it would cut 420 jobs at its plant in Rotterdam. \
    Chief executive Marta Velde told reporters the orders had fallen.\n";

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn parse_prints_the_parse_as_conllu() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "story.txt", STORY);
    let out = storyline(&["parse", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let conllu = stdout(&out);
    // Every token line has ten tab-separated columns.
    for line in conllu
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        assert_eq!(line.split('\t').count(), 10, "{line}");
    }
    insta::assert_snapshot!(conllu);
}

#[test]
fn the_headline_is_a_sentence_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "story.txt", STORY);
    let out = storyline(&["parse", "--json", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    let sentence_of = |word: &str| {
        tokens
            .iter()
            .find(|t| t["text"] == word)
            .map(|t| t["sentence"].as_u64().unwrap())
            .unwrap_or_else(|| panic!("no token {word}"))
    };
    assert_ne!(sentence_of("jobs"), sentence_of("ROTTERDAM"));
    // Heads index the tokens and stay inside their sentence.
    for t in tokens {
        let head = &tokens[t["head"].as_u64().unwrap() as usize];
        assert_eq!(head["sentence"], t["sentence"]);
    }
    let labels: Vec<(&str, &str)> = v["ner"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["text"].as_str().unwrap(), e["label"].as_str().unwrap()))
        .collect();
    assert!(labels.contains(&("Monday", "DATE")), "{labels:?}");
    assert!(labels.contains(&("420", "CARDINAL")), "{labels:?}");
}

#[test]
fn stored_documents_keep_their_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "story.txt", STORY);
    let extracted: serde_json::Value =
        serde_json::from_str(&stdout(&storyline(&["extract", &path]))).unwrap();
    assert!(!extracted["tokens"].as_array().unwrap().is_empty());
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let out = storyline(&["ingest", "--db", db, &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = extracted["id"].as_str().unwrap();
    let shown: serde_json::Value =
        serde_json::from_str(&stdout(&storyline(&["show", "--db", db, "--json", id]))).unwrap();
    assert_eq!(shown["tokens"], extracted["tokens"]);
    assert_eq!(shown["ner"], extracted["ner"]);
}

#[test]
fn text_in_another_language_gets_a_warning_and_no_parse() {
    let dir = tempfile::tempdir().unwrap();
    let french = "Le conseil municipal a voté mardi la prolongation du couvre-feu \
        pour une semaine supplémentaire, a indiqué le bureau du maire dans un communiqué. \
        Les commerçants du centre-ville ont dénoncé une décision prise sans concertation.\n";
    let path = write(dir.path(), "fr.txt", french);
    let out = storyline(&["extract", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["language"], "fr");
    assert!(v["tokens"].as_array().unwrap().is_empty());
    assert!(stderr(&out).contains("English only") || stderr(&out).contains("language `fr`"));
}
