//! Replays recorded parser and NER steps through `parse` and `recognize`.
//!
//! `data/trans/replay_*.json` come from `make_data.py replay`: the reference
//! pipeline's scores at every step of one text. The callback hands back the
//! recorded scores by step index, so the decoders must ask for the same
//! context tokens at every step and, choosing the same classes, end with the
//! same heads, labels, sentence starts and entities.
//!
//! Set `STORYLINE_TRANS_REPLAY_DIR` to also replay the `replay_*.json` files
//! of another folder (real documents, which are not committed).

mod common;

use common::replay_files;
use std::path::Path;

use serde::Deserialize;
use storyline_nlp::files;
use storyline_nlp::transitions::{parse, recognize, Moves};

#[derive(Deserialize)]
struct Replay {
    words: Vec<String>,
    is_space: Vec<bool>,
    parser_classes: Vec<String>,
    parser_features: Vec<Vec<i32>>,
    parser_scores: Vec<String>,
    parser_actions: Vec<usize>,
    heads: Vec<usize>,
    deps: Vec<String>,
    sent_starts: Vec<bool>,
    ner_classes: Vec<String>,
    ner_features: Vec<Vec<i32>>,
    ner_scores: Vec<String>,
    ner_actions: Vec<usize>,
    ents: Vec<(usize, usize, String)>,
}

fn scores(lines: &[String]) -> Vec<Vec<f32>> {
    lines
        .iter()
        .map(|line| {
            line.split(' ')
                .map(|x| x.parse::<f32>().expect("score"))
                .collect()
        })
        .collect()
}

/// A scoring callback that returns the recorded scores of each step and
/// records the features it was given.
struct Recorded {
    scores: Vec<Vec<f32>>,
    features: Vec<Vec<i32>>,
}

impl Recorded {
    fn new(lines: &[String]) -> Recorded {
        Recorded {
            scores: scores(lines),
            features: Vec::new(),
        }
    }

    fn score(&mut self, features: &[i32], out: &mut [f32]) {
        let step = self.features.len();
        self.features.push(features.to_vec());
        match self.scores.get(step) {
            Some(s) => out.copy_from_slice(s),
            // More steps than recorded: the features check below reports it.
            None => out.fill(0.0),
        }
    }
}

fn class_names(moves: &Moves) -> Vec<String> {
    (0..moves.len()).map(|i| moves.class_name(i)).collect()
}

/// Replays one file; returns its tokens, parser steps and entities.
fn check_doc(path: &Path, parser: &Moves, ner: &Moves) -> (usize, usize, usize) {
    let text = std::fs::read_to_string(path).expect("replay file");
    let r: Replay = serde_json::from_str(&text).expect("replay json");
    let name = path.display();
    let n = r.words.len();
    assert_eq!(class_names(parser), r.parser_classes, "{name}");
    assert_eq!(class_names(ner), r.ner_classes, "{name}");

    let mut rec = Recorded::new(&r.parser_scores);
    let parsed = parse(n, &r.is_space, parser, &mut |f, out| rec.score(f, out));
    assert_same_steps(
        &name.to_string(),
        "parser",
        &rec.features,
        &r.parser_features,
        &r.parser_actions,
    );
    assert_eq!(parsed.heads, r.heads, "{name}: heads");
    assert_eq!(parsed.deps, r.deps, "{name}: deps");
    assert_eq!(parsed.sent_starts, r.sent_starts, "{name}: sentence starts");

    let mut rec = Recorded::new(&r.ner_scores);
    let ents = recognize(n, &r.is_space, &parsed.sent_starts, ner, &mut |f, out| {
        rec.score(f, out)
    });
    assert_same_steps(
        &name.to_string(),
        "ner",
        &rec.features,
        &r.ner_features,
        &r.ner_actions,
    );
    assert_eq!(ents, r.ents, "{name}: entities");
    (n, r.parser_actions.len(), ents.len())
}

fn assert_same_steps(
    name: &str,
    what: &str,
    got: &[Vec<i32>],
    want: &[Vec<i32>],
    actions: &[usize],
) {
    for (step, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(
            g,
            w,
            "{name}: {what} features at step {step} (previous action {:?})",
            step.checked_sub(1).map(|s| actions[s])
        );
    }
    assert_eq!(got.len(), want.len(), "{name}: {what} step count");
}

#[test]
fn recorded_steps_replay_to_the_same_parse_and_entities() {
    let parser = Moves::parser(files::PARSER_MOVES).expect("parser moves");
    let ner = Moves::ner(files::NER_MOVES).expect("ner moves");
    let files = replay_files();
    assert!(!files.is_empty());
    let (mut docs, mut tokens, mut steps, mut ents) = (0, 0, 0, 0);
    for path in &files {
        let (n, s, e) = check_doc(path, &parser, &ner);
        docs += 1;
        tokens += n;
        steps += s;
        ents += e;
    }
    eprintln!("replayed {docs} documents: {tokens} tokens, {steps} parser steps, {ents} entities, all identical");
}
