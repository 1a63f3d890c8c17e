//! Time expressions in the five seed articles, read end to end through
//! `storyline extract --published`, against the dates the time issue
//! names: each expression is found by its text and checked for its
//! resolution.

mod common;

use serde_json::Value;

fn times(prefix: &str, published: &str) -> Option<Vec<Value>> {
    let shared = common::shared_dir()?;
    let path = common::seed_path(&shared, prefix);
    let out = common::storyline(&["extract", "--published", published, path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    Some(doc["times"].as_array().cloned().unwrap_or_default())
}

fn find<'a>(times: &'a [Value], text: &str) -> &'a Value {
    times
        .iter()
        .find(|t| t["text"] == text)
        .unwrap_or_else(|| panic!("no time expression `{text}` in {times:#?}"))
}

fn interval(t: &Value) -> (String, String) {
    let side = |k: usize| t["interval"][k].as_str().unwrap_or("").to_string();
    (side(0), side(1))
}

#[test]
fn seed_000_nov_1_is_2024_11_01_and_the_day_before_is_october_31() {
    let Some(times) = times("000_", "2024-11-02") else {
        return;
    };
    assert_eq!(find(&times, "Nov 1")["value"], "2024-11-01");
    assert_eq!(find(&times, "The previous day")["value"], "2024-10-31");
    assert_eq!(interval(find(&times, "since August")).0, "2024-08-01");
}

#[test]
fn seed_003_wednesday_early_to_mid_october_and_since_february_2022() {
    let Some(times) = times("003_", "2024-10-24") else {
        return;
    };
    assert_eq!(find(&times, "Wednesday")["value"], "2024-10-23");
    let october = find(&times, "between early- to mid-October");
    assert_eq!(
        interval(october),
        ("2024-10-01".into(), "2024-10-21".into())
    );
    let since = find(&times, "since February 2022");
    assert_eq!(since["value"], "2022-02");
    assert_eq!(since["mod"], "ON_OR_AFTER");
    assert_eq!(interval(since).0, "2022-02-01");
}

#[test]
fn seed_004_january_20_is_in_the_next_year() {
    let Some(times) = times("004_", "2024-11-13") else {
        return;
    };
    let range = find(&times, "between now and January 20");
    assert_eq!(interval(range), ("2024-11-13".into(), "2025-01-21".into()));
    assert_eq!(find(&times, "Wednesday")["value"], "2024-11-13");
}

#[test]
fn seed_001_deadlines_and_weekdays_follow_the_tense() {
    let Some(times) = times("001_", "2024-12-28") else {
        return;
    };
    assert_eq!(find(&times, "Friday")["value"], "2024-12-27");
    assert_eq!(interval(find(&times, "by mid-January")).1, "2025-01-21");
    assert_eq!(find(&times, "next month")["value"], "2025-01");
}
