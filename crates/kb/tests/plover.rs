//! Actor coding on the PLOVER gold-standard records in `../shared/events`:
//! for each record, the country codes of the source actors and of the
//! target actors read from its sentence, compared as sets with the human
//! coding. Run with `--nocapture` for the figures, and with
//! `STORYLINE_SHOW_FAILURES=1` for the records that differ.

use serde_json::Value;
use std::collections::BTreeSet;
use storyline_kb::{roles::sentence_codes, Kb};

/// Records whose source and target code sets are both right, as recorded
/// in docs/quality.md. Raise it as coding improves; never lower it.
const BOTH_RIGHT: usize = 112;

use storyline_testkit::shared_dir;

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

#[test]
fn plover_actor_codes() {
    let Some(dir) = shared_dir() else { return };
    let path = dir.join("events/plover-gsr-dev.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let records: Vec<Value> = serde_json::from_str(&text).expect("PLOVER JSON");
    let kb = Kb::builtin();
    let show = std::env::var("STORYLINE_SHOW_FAILURES").as_deref() == Ok("1");
    let backbone = storyline_nlp::Backbone::shared().expect("the built-in model loads");
    let (mut source_ok, mut target_ok, mut both) = (0, 0, 0);
    // Code precision and recall over both roles: the codes found in a
    // sentence against the codes the coders gave it.
    let (mut found, mut right, mut gold) = (0usize, 0usize, 0usize);
    for r in &records {
        let sentence = r["text"].as_str().unwrap_or_default();
        // The records' dates are placeholders (2000-01-01 for examples
        // from the CAMEO manual), so offices are read without a date.
        let parse = backbone.annotate(sentence);
        let parsed = storyline_kb::Parsed {
            tokens: &parse.tokens,
            ner: &parse.ner,
        };
        let (s, t) = sentence_codes(kb, sentence, None, parsed);
        let (gs, gt) = (gold_codes(&r["source"]), gold_codes(&r["target"]));
        source_ok += usize::from(s == gs);
        target_ok += usize::from(t == gt);
        both += usize::from(s == gs && t == gt);
        let ours: BTreeSet<&String> = s.iter().chain(&t).collect();
        let theirs: BTreeSet<&String> = gs.iter().chain(&gt).collect();
        found += ours.len();
        gold += theirs.len();
        right += ours.intersection(&theirs).count();
        if show && (s != gs || t != gt) {
            eprintln!("{sentence}\n   got {s:?} -> {t:?}\n  gold {gs:?} -> {gt:?}");
        }
    }
    let n = records.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!(
        "PLOVER actors: source {source_ok}/{n} ({:.1}%), target {target_ok}/{n} ({:.1}%), both {both}/{n} ({:.1}%)",
        pct(source_ok),
        pct(target_ok),
        pct(both)
    );
    println!(
        "PLOVER actor codes: precision {right}/{found} ({:.3}), recall {right}/{gold} ({:.3})",
        right as f64 / found.max(1) as f64,
        right as f64 / gold.max(1) as f64
    );
    assert!(
        both >= BOTH_RIGHT,
        "actor coding fell to {both} from {BOTH_RIGHT}"
    );
}
