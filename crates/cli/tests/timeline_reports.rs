//! Dated reports on the timeline: sentences dated to a day in their own
//! words, or whose statement is, with no event or occurrence on the
//! timeline telling them.

mod common;

/// The dates of the timeline `analyze --json` makes of one article
/// published on `published`, with the whole report for messages.
fn timeline_dates(text: &str, published: &str) -> (Vec<String>, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, text).unwrap();
    let out = common::storyline(&[
        "analyze",
        "--json",
        "--published",
        published,
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let dates = json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["date"].as_str().map(str::to_string))
        .collect();
    (dates, json)
}

/// Regression: "last night" resolves to a day with a part of it
/// ("2024-06-08TNI"), which made a timeline entry of its own beside the
/// day's other reports and was not a day to a reader of the dates.
#[test]
fn a_report_dated_last_night_is_on_its_day() {
    let (dates, json) = timeline_dates(
        "Festival closes\n\nThe harbour festival ended last night with a concert \
         that drew 40,000 people, organisers said.\n",
        "2024-06-09",
    );
    assert_eq!(dates, ["2024-06-08"], "{json:#}");
}

/// A statement dated in its own words is that day's news, though the
/// sentence's event is dated otherwise: "On Wednesday, the office reported
/// that exports fell in May" puts the report on Wednesday.
#[test]
fn a_statement_dated_in_its_sentence_is_a_report_of_its_day() {
    let (dates, json) = timeline_dates(
        "Exports slip\n\nOn Wednesday, the national statistics office reported that \
         exports of timber had fallen in May for the third month running.\n",
        "2025-06-05",
    );
    assert!(dates.iter().any(|d| d == "2025-06-04"), "{json:#}");
}
