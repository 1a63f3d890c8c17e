//! Figures in the five seed articles, each with its expected bounds,
//! qualifier, currency and measure. A figure is named by its text as the
//! quantity stage reports it (a few words, not a sentence of the article),
//! with a counter for figures that repeat.

mod common;

/// (seed prefix, figure text, nth occurrence, low, high, qualifier, currency, measure)
type Case = (
    &'static str,
    &'static str,
    usize,
    Option<f64>,
    Option<f64>,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

const CASES: &[Case] = &[
    (
        "000_",
        "over $500m",
        0,
        Some(5e8),
        None,
        Some("more than"),
        Some("USD"),
        "money",
    ),
    (
        "000_",
        "US$425 million",
        0,
        Some(4.25e8),
        Some(4.25e8),
        None,
        Some("USD"),
        "money",
    ),
    (
        "000_",
        "S$560 million",
        0,
        Some(5.6e8),
        Some(5.6e8),
        None,
        Some("SGD"),
        "money",
    ),
    (
        "000_",
        "thousands",
        0,
        Some(2e3),
        Some(1e4),
        Some("vague"),
        None,
        "personnel",
    ),
    (
        "000_",
        "10,000",
        0,
        Some(1e4),
        Some(1e4),
        None,
        None,
        "personnel",
    ),
    (
        "000_",
        "up to 8,000",
        0,
        None,
        Some(8e3),
        Some("up to"),
        None,
        // Partitive: "of the 10,000 ... troops ..., up to 8,000".
        "personnel",
    ),
    (
        "000_",
        "more than US$60 billion",
        0,
        Some(6e10),
        None,
        Some("more than"),
        Some("USD"),
        "money",
    ),
    (
        "001_",
        "more than 1,000",
        0,
        Some(1e3),
        None,
        Some("more than"),
        None,
        "casualties",
    ),
    (
        "001_",
        "hundreds of thousands",
        0,
        Some(2e5),
        Some(1e6),
        Some("vague"),
        None,
        "weapons",
    ),
    (
        "001_",
        "thousands",
        0,
        Some(2e3),
        Some(1e4),
        Some("vague"),
        None,
        "weapons",
    ),
    (
        "001_",
        "hundreds",
        0,
        Some(200.0),
        Some(1e3),
        Some("vague"),
        None,
        "vehicles",
    ),
    (
        "001_",
        "$20 billion",
        0,
        Some(2e10),
        Some(2e10),
        None,
        Some("USD"),
        "money",
    ),
    (
        "001_",
        "Up to 12,000",
        0,
        None,
        Some(1.2e4),
        Some("up to"),
        None,
        "personnel",
    ),
    (
        "001_",
        "exceeded 3,000",
        0,
        Some(3e3),
        None,
        Some("more than"),
        None,
        "casualties",
    ),
    (
        "001_",
        "more than 10,000",
        0,
        Some(1e4),
        None,
        Some("more than"),
        None,
        "count",
    ),
    (
        "002_",
        "thousands",
        0,
        Some(2e3),
        Some(1e4),
        Some("vague"),
        None,
        "personnel",
    ),
    (
        "002_",
        "as many as 12,000",
        0,
        None,
        Some(1.2e4),
        Some("up to"),
        None,
        "personnel",
    ),
    (
        "002_",
        "at least eight",
        0,
        Some(8.0),
        None,
        Some("at least"),
        None,
        "dead",
    ),
    (
        "002_",
        "a handful",
        0,
        Some(2.0),
        Some(6.0),
        Some("vague"),
        None,
        "count",
    ),
    (
        "002_",
        "over US$56.2 billion",
        0,
        Some(5.62e10),
        None,
        Some("more than"),
        Some("USD"),
        "money",
    ),
    (
        "003_",
        "at least 3000",
        0,
        Some(3e3),
        None,
        Some("at least"),
        None,
        "personnel",
    ),
    (
        "003_",
        "at least 3,000",
        0,
        Some(3e3),
        None,
        Some("at least"),
        None,
        "personnel",
    ),
    (
        "003_",
        "more than USD 800 million",
        0,
        Some(8e8),
        None,
        Some("more than"),
        Some("USD"),
        "money",
    ),
    (
        "003_",
        "hundreds",
        0,
        Some(200.0),
        Some(1e3),
        Some("vague"),
        None,
        "weapons",
    ),
    (
        "003_",
        "dozens",
        0,
        Some(24.0),
        Some(100.0),
        Some("vague"),
        None,
        "count",
    ),
    (
        "003_",
        "hundreds",
        1,
        Some(200.0),
        Some(1e3),
        Some("vague"),
        None,
        "vehicles",
    ),
    (
        "003_",
        "thousands",
        0,
        Some(2e3),
        Some(1e4),
        Some("vague"),
        None,
        "vehicles",
    ),
    (
        "003_",
        "USD 50 billion",
        0,
        Some(5e10),
        Some(5e10),
        None,
        Some("USD"),
        "money",
    ),
    (
        "003_",
        "USD 20 billion",
        0,
        Some(2e10),
        Some(2e10),
        None,
        Some("USD"),
        "money",
    ),
    (
        "003_",
        "USD 30 billion",
        0,
        Some(3e10),
        Some(3e10),
        None,
        Some("USD"),
        "money",
    ),
    (
        "004_",
        "thousands",
        0,
        Some(2e3),
        Some(1e4),
        Some("vague"),
        None,
        "personnel",
    ),
    (
        "004_",
        "$175 billion",
        0,
        Some(1.75e11),
        Some(1.75e11),
        None,
        Some("USD"),
        "money",
    ),
    (
        "004_",
        "billions",
        0,
        Some(2e9),
        Some(1e10),
        Some("vague"),
        Some("USD"),
        "money",
    ),
    (
        "004_",
        "more than $9 billion",
        0,
        Some(9e9),
        None,
        Some("more than"),
        Some("USD"),
        "money",
    ),
    ("004_", "one", 0, Some(1.0), Some(1.0), None, None, "count"),
];

/// Numbers in the seeds that are not figures and must not be reported.
const NOT_FIGURES: &[(&str, &str)] = &[
    ("001_", "24"),
    ("002_", "16"),
    ("002_", "2022"),
    ("004_", "78"),
    ("004_", "2022"),
    ("004_", "20"),
];

/// Every figure the quantity stage reports for a seed is in the table:
/// nothing reported goes unchecked.
#[test]
fn the_table_covers_every_reported_figure() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let path = common::seed_path(&shared, prefix);
        let out = common::storyline(&["extract", path.to_str().unwrap()]);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let reported = doc["quantities"].as_array().unwrap().len();
        let listed = CASES.iter().filter(|c| c.0 == prefix).count();
        assert_eq!(reported, listed, "{prefix}: {}", doc["quantities"]);
    }
}

#[test]
fn every_figure_in_the_seeds_is_read_right() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let doc_of = |prefix: &str| {
        let path = common::seed_path(&shared, prefix);
        let out = common::storyline(&["extract", path.to_str().unwrap()]);
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    for (prefix, text, nth, low, high, qualifier, currency, measure) in CASES {
        let doc = doc_of(prefix);
        let q = doc["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| q["text"] == *text)
            .nth(*nth)
            .unwrap_or_else(|| {
                panic!("{prefix}: no figure `{text}` #{nth}: {}", doc["quantities"])
            });
        let got = (
            q["low"].as_f64(),
            q["high"].as_f64(),
            q["qualifier"].as_str(),
            q["currency"].as_str(),
            q["measure"].as_str().unwrap(),
        );
        assert_eq!(
            got,
            (*low, *high, *qualifier, *currency, *measure),
            "{prefix} `{text}` #{nth}"
        );
        // The span is the text.
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        let span: String = doc["text"]
            .as_str()
            .unwrap()
            .chars()
            .skip(s)
            .take(e - s)
            .collect();
        assert_eq!(span, *text);
    }
    for (prefix, text) in NOT_FIGURES {
        let doc = doc_of(prefix);
        assert!(
            doc["quantities"]
                .as_array()
                .unwrap()
                .iter()
                .all(|q| q["text"] != *text),
            "{prefix}: `{text}` is not a figure"
        );
    }
}
