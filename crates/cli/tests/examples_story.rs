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
        assert!(
            ("2025-03-11".."2025-03-19").contains(&date),
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
    for category in ["AID", "REQUEST"] {
        assert!(
            events.iter().any(|e| e["category"] == category),
            "an {category} event: {events:#?}"
        );
    }
}
