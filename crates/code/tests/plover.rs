//! Event coding on the PLOVER gold-standard records in `../shared/events`:
//! the category of each record's sentence (old category names mapped as
//! the data's LICENSE.md says), and the category with the actor and
//! recipient code sets. Run with `--nocapture` for the figures and with
//! `STORYLINE_SHOW_FAILURES=1` for the records that differ.
//!
//! Only the records at even positions are for looking at: failures are
//! listed for them alone, and the odd ones are a held-out half whose
//! figures are reported apart, so that rules made while reading failures
//! can be checked on records nobody read.

use serde_json::Value;
use std::collections::BTreeSet;
use storyline_code::{code_sentence, main_event, Verbs};
use storyline_kb::Kb;
use storyline_model::Span;
use storyline_testkit::shared_dir;

/// Records coded right, as recorded in docs/quality.md. Raise them as
/// coding improves. Lowered once, from 127 and 74, when a verb inside a
/// gap of a pattern stopped being its trigger and "call" and "evacuate"
/// came to need a party as object: one record of the held-out half was
/// lost, while false alarms on real news fell from 14 to 11 of 70.
const CATEGORY_RIGHT: usize = 134;
const ALL_RIGHT: usize = 95;

fn gold_codes(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["code"].as_str())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The current name of a category the records use.
fn current(category: &str) -> &str {
    match category {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

#[test]
fn plover_event_categories() {
    let Some(dir) = shared_dir() else { return };
    let path = dir.join("events/plover-gsr-dev.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let records: Vec<Value> = serde_json::from_str(&text).expect("PLOVER JSON");
    let (kb, verbs) = (Kb::builtin(), Verbs::builtin());
    let backbone = storyline_nlp::Backbone::shared().expect("the built-in model loads");
    let show = std::env::var("STORYLINE_SHOW_FAILURES").as_deref() == Ok("1");
    let windows = std::env::var("STORYLINE_WINDOWS").as_deref() == Ok("1");
    let (mut category_ok, mut all_ok, mut coded) = (0, 0, 0);
    // Category and category-with-actors right on the held-out half.
    let (mut held_category, mut held_all) = (0, 0);
    let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for (index, r) in records.iter().enumerate() {
        let held_out = index % 2 == 1;
        let show = show && !held_out;
        let sentence = r["text"].as_str().unwrap_or_default();
        let len = sentence.chars().count();
        // The records' dates are placeholders: offices are read without one.
        let parse = backbone.annotate(sentence);
        let parsed = storyline_kb::Parsed {
            tokens: &parse.tokens,
            ner: &parse.ner,
        };
        let entities = storyline_kb::annotate(kb, sentence, &[Span::new(0, len)], None, parsed);
        // `STORYLINE_WINDOWS=1` codes without the parse, as text the
        // backbone did not read is coded, for comparison.
        let tokens = if windows { &[][..] } else { &parse.tokens[..] };
        let (_, events) = code_sentence(verbs, sentence, &entities, tokens);
        let gold = current(r["event"].as_str().unwrap_or_default());
        let Some(e) = main_event(&events, &parse.tokens) else {
            if !held_out {
                *confusion.entry((gold.to_string(), "-".into())).or_default() += 1;
            }
            if show {
                eprintln!("NONE {gold}: {sentence}");
            }
            continue;
        };
        coded += 1;
        let first = |codes: &[String]| -> BTreeSet<String> {
            codes
                .iter()
                .filter_map(|c| c.split(' ').next())
                .map(str::to_string)
                .collect()
        };
        let right = e.category == gold;
        category_ok += usize::from(right);
        let all = right
            && first(&e.actors) == gold_codes(&r["source"])
            && first(&e.recipients) == gold_codes(&r["target"]);
        all_ok += usize::from(all);
        if held_out {
            held_category += usize::from(right);
            held_all += usize::from(all);
        }
        if right && !all && show {
            eprintln!(
                "ACTORS {:?} -> {:?} gold {:?} -> {:?}: {sentence}",
                first(&e.actors),
                first(&e.recipients),
                gold_codes(&r["source"]),
                gold_codes(&r["target"])
            );
        }
        if !right && !held_out {
            *confusion
                .entry((gold.to_string(), e.category.clone()))
                .or_default() += 1;
            if show {
                eprintln!(
                    "{gold} got {} ({} | {}): {sentence}",
                    e.category, e.rule, e.verb
                );
            }
        }
    }
    let n = records.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!(
        "PLOVER events: category {category_ok}/{n} ({:.1}%), category and actors {all_ok}/{n} ({:.1}%), a sentence coded {coded}/{n}",
        pct(category_ok),
        pct(all_ok)
    );
    let held = n / 2;
    println!(
        "held-out half (odd positions): category {held_category}/{held} ({:.1}%), category and actors {held_all}/{held} ({:.1}%)",
        100.0 * held_category as f64 / held as f64,
        100.0 * held_all as f64 / held as f64
    );
    if show {
        for ((g, c), k) in &confusion {
            eprintln!("{g} -> {c}: {k}");
        }
    }
    assert!(
        category_ok >= CATEGORY_RIGHT,
        "category fell to {category_ok}"
    );
    assert!(all_ok >= ALL_RIGHT, "category and actors fell to {all_ok}");
}
