//! Fifty real article pages from the Article Extraction Benchmark, with a
//! hand-checked headline and publication day for each
//! (crates/html/tests/real_pages/truth.jsonl), scored by `storyline eval
//! pages`. The floors are the figures recorded in docs/quality.md; raise
//! them when extraction improves.

mod common;

/// Pages whose publication day storyline gets right, of those that state
/// one.
const DATE_RIGHT_FLOOR: u64 = 47;
/// Pages whose headline storyline gets right.
const TITLE_RIGHT_FLOOR: u64 = 50;

#[test]
fn real_pages_meet_the_recorded_floors() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let pages = shared.join("bench/aeb");
    let truth = common::repo_root().join("crates/html/tests/real_pages/truth.jsonl");
    let out = common::storyline(&[
        "eval",
        "pages",
        pages.to_str().unwrap(),
        "--truth",
        truth.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["pages"], 50);
    let misses = &report["misses"];
    let (dated, date_right) = (&report["dated"], report["date_right"].as_u64().unwrap());
    assert!(
        date_right >= DATE_RIGHT_FLOOR,
        "dates right on {date_right} of {dated} pages, below the floor of {DATE_RIGHT_FLOOR}; misses: {misses}"
    );
    assert_eq!(
        report["date_invented"], 0,
        "a date given to a page that states none; misses: {misses}"
    );
    let title_right = report["title_right"].as_u64().unwrap();
    assert!(
        title_right >= TITLE_RIGHT_FLOOR,
        "titles right on {title_right} of {} pages, below the floor of {TITLE_RIGHT_FLOOR}; misses: {misses}",
        report["titled"]
    );
}
