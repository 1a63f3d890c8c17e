//! Dated reports on the timeline: sentences dated to a day in their own
//! words, with no event or occurrence coded from them.

mod common;

/// Regression: "last night" resolves to a day with a part of it
/// ("2024-06-08TNI"), which made a timeline entry of its own beside the
/// day's other reports and was not a day to a reader of the dates.
#[test]
fn a_report_dated_last_night_is_on_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("festival.txt");
    std::fs::write(
        &article,
        "Festival closes\n\nThe harbour festival ended last night with a concert \
         that drew 40,000 people, organisers said.\n",
    )
    .unwrap();
    let out = common::storyline(&[
        "analyze",
        "--json",
        "--published",
        "2024-06-09",
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let dates: Vec<&str> = json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect();
    assert_eq!(dates, ["2024-06-08"], "{json:#}");
}

/// A statement dated in its own words is that day's news, though the
/// sentence's event is dated otherwise: "On Wednesday, the office reported
/// that exports fell in May" puts the report on Wednesday.
#[test]
fn a_statement_dated_in_its_sentence_is_a_report_of_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("exports.txt");
    std::fs::write(
        &article,
        "Exports slip\n\nOn Wednesday, the national statistics office reported that \
         exports of timber had fallen in May for the third month running.\n",
    )
    .unwrap();
    let out = common::storyline(&[
        "analyze",
        "--json",
        "--published",
        "2025-06-05",
        article.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let dates: Vec<&str> = json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect();
    assert!(dates.contains(&"2025-06-04"), "{json:#}");
}
