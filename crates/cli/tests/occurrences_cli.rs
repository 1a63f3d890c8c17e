//! Occurrences from the command line: happenings with no political actor
//! are listed apart, with their kind, place, date and size, and never turn
//! into events with an invented actor.

mod common;

use serde_json::Value;

/// A short wire story written for this test.
const ARTICLE: &str = "Quake hits eastern Ruritania\n\n\
ANKARA, March 3 (Wire) - A magnitude 6.8 earthquake struck eastern Turkey on Monday, killing at least 45 people, officials said.\n\n\
The death toll rose to 132 on Tuesday, the disaster agency said. A bus crashed near Konya on Wednesday, killing 12 passengers.\n\n\
Rescue teams searched the rubble after the quake. Shares in the insurer crashed after the report.\n";

fn json(args: &[&str]) -> Vec<Value> {
    let out = common::storyline(args);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn an_earthquake_a_toll_and_a_crash_are_occurrences_not_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quake.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let path = path.to_str().unwrap();
    let args = |command| [command, "--json", "--published", "2025-03-04", path];

    let occurrences = json(&args("occurrences"));
    let find = |kind: &str| {
        occurrences
            .iter()
            .find(|o| o["kind"] == kind && o["size"].is_string())
            .unwrap_or_else(|| panic!("no {kind} with a size in {occurrences:#?}"))
    };
    let quake = find("earthquake");
    assert_eq!(quake["location"], "Turkey", "{quake}");
    assert_eq!(quake["verb"], "struck", "{quake}");
    assert!(quake["size"].as_str().unwrap().contains("45"), "{quake}");
    let toll = find("toll");
    assert!(toll["size"].as_str().unwrap().contains("132"), "{toll}");
    let crash = find("crash");
    assert!(crash["what"].as_str().unwrap().contains("bus"), "{crash}");
    // A market's crash and a quake only referred back to are not
    // happenings told.
    assert!(
        occurrences
            .iter()
            .all(|o| !o["sentence"].as_str().unwrap().contains("Shares")
                && !o["sentence"].as_str().unwrap().contains("rubble")),
        "{occurrences:#?}"
    );

    // Nobody attacked anyone: "killing" after a quake or a crash is no
    // ASSAULT.
    let events = json(&args("events"));
    assert!(
        events.iter().all(|e| e["category"] != "ASSAULT"),
        "{events:#?}"
    );
}
