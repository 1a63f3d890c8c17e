//! The README's main command over the project's own examples: eight
//! articles on one cyclone (Cyclone Teodora, Mozambique, March 2025).
//! They are one story: the undated World
//! Bank grant and the donors' pledges once made a second one.

mod common;

use serde_json::Value;

#[test]
fn examples_tell_one_story() {
    let root = common::repo_root();
    let ex = root.join("examples");
    let out = common::storyline(&[
        "analyze",
        ex.join("articles").to_str().unwrap(),
        ex.join("pages").to_str().unwrap(),
        "--manifest",
        ex.join("manifest.csv").to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let report: Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let documents = report["documents"].as_array().unwrap().len();
    assert_eq!(documents, 8, "nine files, one exact duplicate");
    let stories = report["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "one story: {stories:#?}");
    let story = &stories[0];
    assert_eq!(
        story["documents"].as_array().unwrap().len(),
        8,
        "{story:#?}"
    );
    assert_eq!(story["first"], "2025-03-11");
    assert_eq!(story["last"], "2025-03-18");
    // The timeline: dated entries inside the story's span, none of them a
    // conflict (a cyclone attacks and threatens nobody).
    let timeline = report["timeline"].as_array().unwrap();
    assert!(!timeline.is_empty(), "the timeline has entries");
    for e in timeline {
        let summary = e["summary"].as_str().unwrap_or_default();
        let date = e["date"].as_str().unwrap_or_default();
        // A day inside the span, or the month that holds it for a plan
        // known only to its week ("next week").
        assert!(
            ("2025-03-11".."2025-03-19").contains(&date) || date == "2025-03",
            "{date} outside the story: {summary}"
        );
        for word in ["attacks", "threats", "pressure"] {
            assert!(!summary.contains(word), "a cyclone story: {summary}");
        }
    }
    assert!(
        timeline.iter().any(|e| e["category"] == "AID"
            && e["summary"]
                .as_str()
                .unwrap_or_default()
                .contains("United Kingdom")),
        "Britain's pledge is on the timeline: {timeline:#?}"
    );
    // Each entry is told in a source's words: the line is found in one of
    // the sentences it links to, with its dateline gone.
    for e in timeline {
        let text = e["text"].as_str().unwrap_or_default();
        let core = text.trim_end_matches(['.', ' ', '\u{2026}']);
        assert!(
            e["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["text"] == e["text"]),
            "{text} is no source's line"
        );
        assert!(!core.is_empty() && !core.starts_with("MAPUTO"), "{text}");
    }
    // The landfall is one entry reported by most of the articles, on the
    // day it happened, though later articles mention it on their own days.
    let landfall: Vec<&Value> = timeline
        .iter()
        .filter(|e| e["category"] == "storm")
        .collect();
    assert_eq!(landfall.len(), 1, "{landfall:#?}");
    assert_eq!(landfall[0]["date"], "2025-03-11");
    assert!(
        landfall[0]["source_count"].as_u64().unwrap() >= 5,
        "{landfall:#?}"
    );
    // The events: aid, appeals and support, no conflict. "The injured"
    // and "warned that food stocks would run out" were an attack and a
    // threat.
    let events = report["events"].as_array().unwrap();
    for e in events {
        let category = e["category"].as_str().unwrap_or_default();
        assert!(
            !matches!(category, "ASSAULT" | "THREATEN" | "COERCE" | "MOBILIZE"),
            "no conflict in a cyclone story: {e:#?}"
        );
    }
    // A toll belongs to where the dead were: Malawi's four, reported by
    // its president as "his country" counts them, are not Mozambique's.
    let figures = report["figures"].as_array().unwrap();
    for t in figures {
        let texts: Vec<&str> = t["observations"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|o| o["text"].as_str())
            .collect();
        if t["measure"] == "dead" && texts.contains(&"four") {
            assert_eq!(t["subject"], "MWI", "{t:#?}");
        }
    }
    for category in ["AID", "REQUEST"] {
        assert!(
            events.iter().any(|e| e["category"] == category),
            "an {category} event: {events:#?}"
        );
    }
}

/// `timeline --top N`: the N most salient entries, in time order, the
/// landfall among them.
#[test]
fn timeline_top_keeps_the_most_salient_entries_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::store_with_examples(dir.path(), &[]);
    let db = db.to_str().unwrap();
    let all = common::storyline(&["timeline", "--db", db, "--json"]);
    assert_eq!(all.status.code(), Some(0), "{}", common::stderr(&all));
    let all: Vec<Value> = serde_json::from_str(&common::stdout(&all)).unwrap();
    let out = common::storyline(&["timeline", "--db", db, "--top", "2", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let top: Vec<Value> = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert!(all.len() > 2, "{all:#?}");
    assert_eq!(top.len(), 2);
    let dates: Vec<&str> = top.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert!(dates[0] <= dates[1], "{dates:?}");
    let lowest_kept = top
        .iter()
        .map(|e| e["salience"].as_f64().unwrap())
        .fold(f64::INFINITY, f64::min);
    let dropped = all.iter().filter(|e| !top.contains(e));
    for e in dropped {
        assert!(e["salience"].as_f64().unwrap() <= lowest_kept, "{e:#?}");
    }
    assert!(top.iter().any(|e| e["category"] == "storm"), "{top:#?}");
    let text = common::storyline(&["timeline", "--db", db, "--top", "1"]);
    let line = common::stdout(&text);
    assert!(line.contains("sources)"), "{line}");
    assert_eq!(line.lines().count(), 1, "{line}");
}
