//! Figure tracks of a developing disaster story, end to end through
//! `storyline analyze --json`: a toll that rises over days is progress,
//! not a disagreement; an agency's toll is the stricken country's, not
//! the agency's; two sources apart on the same day disagree. The
//! articles are short wire-style stories written for this test.

mod common;

use serde_json::Value;

const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "day1.txt",
        "2031-04-07",
        "Quake hits eastern Turkey\n\nVAN, Turkey (Wire) - A strong earthquake struck eastern Turkey on Monday. \
         The provincial governor said 45 people were killed as buildings collapsed in the city of Van. \
         Rescue teams worked through the night in freezing weather.\n",
    ),
    (
        "day2.txt",
        "2031-04-08",
        "Turkey quake toll rises\n\nVAN, Turkey (Wire) - Rescuers pulled survivors from the rubble on Tuesday. \
         The provincial governor said 132 people were killed in the earthquake. \
         Aid convoys reached the worst-hit villages by road.\n",
    ),
    (
        "day3a.txt",
        "2031-04-09",
        "UN says quake toll above 200\n\nGENEVA (Wire) - The United Nations said on Wednesday that more than 200 people were killed in Turkey. \
         Its relief office sent tents and blankets to the province of Van.\n",
    ),
    (
        "day3b.txt",
        "2031-04-09",
        "Officials give quake toll\n\nANKARA (Wire) - Turkey's disaster agency said on Wednesday that 178 people were killed in the earthquake in Van province. \
         Schools in the province stayed closed.\n",
    ),
    (
        "day5.txt",
        "2031-04-11",
        "Quake toll passes 240\n\nVAN, Turkey (Wire) - Turkey's disaster agency said on Friday that 246 people were killed in the earthquake. \
         Thousands spent another night in tents as aftershocks shook the region.\n",
    ),
];

fn report() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(std::path::PathBuf, &str)> = ARTICLES
        .iter()
        .map(|(name, date, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            (p, *date)
        })
        .collect();
    common::analyze_dated(dir.path(), &files)
}

/// A figure track as (measure, subject, observation texts, pairs of texts
/// flagged as disagreeing).
type Track = (String, String, Vec<String>, Vec<(String, String)>);

fn tracks(report: &Value) -> Vec<Track> {
    report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let texts: Vec<String> = t["observations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["text"].as_str().unwrap_or_default().to_string())
                .collect();
            let pairs = t["disagreements"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    let at = |k: &str| texts[d[k].as_u64().unwrap() as usize].clone();
                    (at("first"), at("second"))
                })
                .collect();
            (
                t["measure"].as_str().unwrap_or_default().to_string(),
                t["subject"].as_str().unwrap_or_default().to_string(),
                texts,
                pairs,
            )
        })
        .collect()
}

#[test]
fn a_rising_toll_was_flagged_as_a_disagreement_and_the_un_toll_had_a_track_of_its_own() {
    let report = report();
    let all = tracks(&report);
    let toll = all
        .iter()
        .find(|(m, s, _, _)| m == "dead" && s == "TUR")
        .unwrap_or_else(|| panic!("no toll of Turkey in {all:#?}"));
    let has = |needle: &str| toll.2.iter().any(|t| t.contains(needle));
    for figure in ["45", "132", "more than 200", "178", "246"] {
        assert!(has(figure), "{figure} is not in Turkey's toll: {all:#?}");
    }
    assert!(
        !all.iter().any(|(m, s, _, _)| m == "dead" && s != "TUR"),
        "a toll went to a track other than Turkey's: {all:#?}"
    );
    let flagged = |a: &str, b: &str| {
        toll.3
            .iter()
            .any(|(x, y)| (x.contains(a) && y.contains(b)) || (x.contains(b) && y.contains(a)))
    };
    assert!(
        flagged("more than 200", "178"),
        "the same-day split is not shown: {:?}",
        toll.3
    );
    for (a, b) in [("45", "132"), ("132", "246"), ("45", "246"), ("178", "246")] {
        assert!(!flagged(a, b), "progress {a} -> {b} flagged: {:?}", toll.3);
    }
}
