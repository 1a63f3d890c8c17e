//! Figure tracks across the five seed articles, read end to end through
//! `storyline analyze --json` with their publication dates from a
//! manifest: the tracks and disagreements the across-articles issue names.

mod common;

use serde_json::Value;

const DATES: &[(&str, &str)] = &[
    ("000_", "2024-11-02"),
    ("001_", "2024-12-28"),
    ("002_", "2024-11-19"),
    ("003_", "2024-10-24"),
    ("004_", "2024-11-13"),
];

fn report() -> Option<Value> {
    let shared = common::shared_dir()?;
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(std::path::PathBuf, &str)> = DATES
        .iter()
        .map(|(prefix, date)| (common::seed_path(&shared, prefix), *date))
        .collect();
    Some(common::analyze_dated(dir.path(), &files))
}

fn track<'a>(report: &'a Value, measure: &str, subject: &str) -> &'a Value {
    report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["measure"] == measure && t["subject"] == subject)
        .unwrap_or_else(|| panic!("no {measure} track of {subject}"))
}

#[test]
fn seed_tracks_of_north_korean_troops_and_casualties_and_the_headline_flag() {
    let Some(report) = report() else { return };
    let troops = track(&report, "personnel", "PRK");
    let texts: Vec<&str> = troops["observations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["text"].as_str())
        .collect();
    let at = |needle: &str| {
        texts
            .iter()
            .position(|t| t.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not in {texts:?}"))
    };
    // In the order they were said.
    assert!(
        at("3000") < at("10,000")
            && at("10,000") < at("up to 8,000")
            && at("up to 8,000") < at("as many as 12,000")
            && at("as many as 12,000") < at("Up to 12,000"),
        "{texts:?}"
    );
    let said: Vec<&str> = troops["observations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["said_on"].as_str())
        .collect();
    assert!(said.windows(2).all(|w| w[0] <= w[1]), "{said:?}");
    // Blinken's figures were said "the previous day" of a November 1
    // announcement.
    let obs = troops["observations"].as_array().unwrap();
    assert_eq!(obs[at("10,000")]["said_on"], "2024-10-31");
    // Kirby's "at least 3,000", inside the quotation he opened at the
    // Wednesday briefing.
    assert_eq!(obs[at("at least 3,000")]["said_on"], "2024-10-23");

    let casualties = track(&report, "casualties", "PRK");
    let obs = casualties["observations"].as_array().unwrap();
    let zelenskiy = obs
        .iter()
        .find(|o| o["text"].as_str().is_some_and(|t| t.contains("3,000")))
        .expect("Zelenskiy's figure");
    assert!(
        zelenskiy["hedges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h == "unverified"),
        "{zelenskiy}"
    );
    assert!(
        obs.iter()
            .any(|o| o["text"].as_str().is_some_and(|t| t.contains("1,000"))),
        "Kirby's figure"
    );

    // Total US security aid to Ukraine since 2022, apart from single
    // packages.
    let total = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            t["measure"] == "money"
                && t["subject"] == "USA -> UKR"
                && t["scope"] == "total"
                && t["purpose"] == "military"
        })
        .expect("the total-aid track");
    let totals: Vec<&str> = total["observations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["text"].as_str())
        .collect();
    assert!(
        totals.iter().any(|t| t.contains("56.2"))
            && totals.iter().any(|t| t.contains("60 billion")),
        "{totals:?}"
    );
    assert!(
        !totals.iter().any(|t| t.contains("425")),
        "a package is not the total: {totals:?}"
    );

    // The $175 billion committed in all is another figure than security
    // aid: shown apart, in its own track.
    let committed = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            t["observations"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["text"].as_str().is_some_and(|x| x.contains("175")))
        })
        .expect("a track with the $175 billion");
    assert_eq!(committed["subject"], "USA -> UKR");
    assert!(committed["purpose"].is_null(), "{committed}");

    // The "over $500m" headline against its US$425 million body.
    let flagged = report["figures"].as_array().unwrap().iter().any(|t| {
        t["disagreements"].as_array().unwrap().iter().any(|d| {
            d["kind"] == "headline"
                && [&d["first"], &d["second"]].iter().any(|i| {
                    t["observations"][i.as_u64().unwrap() as usize]["text"]
                        .as_str()
                        .is_some_and(|x| x.contains("500"))
                })
        })
    });
    assert!(flagged, "the headline figure is not flagged");
}

#[test]
fn the_seeds_are_one_story() {
    let Some(report) = report() else { return };
    let stories = report["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(stories[0]["documents"].as_array().unwrap().len(), 5);
    assert_eq!(stories[0]["first"], "2024-10-24");
    assert_eq!(stories[0]["last"], "2024-12-28");
}

#[test]
fn the_timeline_runs_from_the_june_summit_in_date_order() {
    let Some(report) = report() else { return };
    let timeline = report["timeline"].as_array().unwrap();
    let firsts: Vec<(i64, &str)> = timeline
        .iter()
        .map(|e| {
            let date = e["date"].as_str().unwrap();
            let (y, rest) = date.split_at(4);
            let month: i64 = rest.get(1..3).and_then(|m| m.parse().ok()).unwrap_or(1);
            let day: i64 = rest.get(4..6).and_then(|d| d.parse().ok()).unwrap_or(1);
            (y.parse::<i64>().unwrap() * 400 + month * 32 + day, date)
        })
        .collect();
    assert!(
        firsts.windows(2).all(|w| w[0].0 <= w[1].0),
        "timeline out of order: {firsts:?}"
    );
    // The Pyongyang summit agreement of June 2024 is on it, dated to the
    // month, with a generated summary naming North Korea or its leader,
    // and a link to its sentence.
    let summit = timeline
        .iter()
        .find(|e| {
            let summary = e["summary"].as_str().unwrap();
            e["date"] == "2024-06"
                && (summary.contains("North Korea") || summary.contains("Kim Jong Un"))
        })
        .expect("the June 2024 agreement");
    assert_eq!(summit["precision"], "month");
    let source = &summit["sources"][0];
    assert!(source["end"].as_u64() > source["start"].as_u64());
    // It ends with the January 20 inauguration, reported by two articles
    // (one dates it to the day, the other to the month).
    let last = timeline.last().unwrap();
    assert_eq!(last["date"], "2025-01-20", "{last}");
    assert!(
        last["summary"].as_str().unwrap().contains("take office"),
        "{last}"
    );
    assert_eq!(last["status"], "future");
    // The US$425 million package of November 1.
    assert!(timeline.iter().any(
        |e| e["date"] == "2024-11-01" && e["summary"].as_str().unwrap().contains("425 million")
    ));
}
