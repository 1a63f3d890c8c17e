//! The README's main command over the project's own examples: eight
//! articles on one cyclone (Cyclone Teodora, Mozambique, March 2025).
//! Documented exception: the World Bank grant (undated, read before any
//! story of the cyclone exists) starts a story of its own and the donors'
//! pledges join it, the closer of the two on money; so the largest story
//! holds the other six.

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
    let largest = &stories[0];
    let members = largest["documents"].as_array().unwrap().len();
    assert!(
        members >= 6,
        "the cyclone's story holds at least six of eight articles: {stories:?}"
    );
    assert!(
        stories.len() <= 2,
        "at most one exception story: {stories:?}"
    );
    assert_eq!(largest["first"], "2025-03-11");
    assert_eq!(largest["last"], "2025-03-18");
    let timeline = report["timeline"].as_array().unwrap();
    assert!(!timeline.is_empty(), "the timeline has entries");
    for e in timeline {
        let summary = e["summary"].as_str().unwrap_or_default();
        assert!(
            !summary.contains("attacks"),
            "a cyclone attacks nobody: {summary}"
        );
    }
}
