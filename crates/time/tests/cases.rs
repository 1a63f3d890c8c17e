//! The news case table (`cases.toml`): each sentence is annotated as a
//! one-sentence document and must yield exactly the listed expressions,
//! with the listed fields.

use serde::Deserialize;
use storyline_model::{PartialDate, Span, TimeExpr};
use storyline_time::{annotate, Options};

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    note: String,
    text: String,
    published: Option<String>,
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
struct Expect {
    text: String,
    value: Option<String>,
    interval: Option<[String; 2]>,
    precision: Option<String>,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    anchor: Option<String>,
    anchor_from: Option<String>,
    tense: Option<String>,
}

fn check(field: &str, want: &Option<String>, got: Option<&str>, errors: &mut Vec<String>) {
    if let Some(w) = want {
        let w = (!w.is_empty()).then_some(w.as_str());
        if w != got {
            errors.push(format!("{field}: want {w:?}, got {got:?}"));
        }
    }
}

fn compare(e: &Expect, t: &TimeExpr) -> Vec<String> {
    let mut errors = Vec::new();
    check("value", &e.value, Some(&t.value), &mut errors);
    check(
        "precision",
        &e.precision,
        t.precision.as_deref(),
        &mut errors,
    );
    check("mod", &e.modifier, t.modifier.as_deref(), &mut errors);
    check("anchor", &e.anchor, t.anchor.as_deref(), &mut errors);
    check(
        "anchor_from",
        &e.anchor_from,
        t.anchor_from.as_deref(),
        &mut errors,
    );
    check("tense", &e.tense, t.tense.as_deref(), &mut errors);
    if let Some([a, b]) = &e.interval {
        check(
            "interval start",
            &Some(a.clone()),
            t.interval[0].as_deref(),
            &mut errors,
        );
        check(
            "interval end",
            &Some(b.clone()),
            t.interval[1].as_deref(),
            &mut errors,
        );
    }
    errors
}

#[test]
fn news_case_table() {
    let table: Table = toml::from_str(include_str!("cases.toml")).expect("cases.toml parses");
    let mut failures = Vec::new();
    for case in &table.case {
        let published: Option<PartialDate> = case
            .published
            .as_deref()
            .map(|d| d.parse().expect("published date"));
        let sentence = [Span::new(0, case.text.chars().count())];
        let (times, _) = annotate(&case.text, &sentence, published, &Options::default());
        let found: Vec<&str> = times.iter().map(|t| t.text.as_str()).collect();
        let wanted: Vec<&str> = case.expect.iter().map(|e| e.text.as_str()).collect();
        if found != wanted {
            failures.push(format!(
                "{}\n  {}\n  want {wanted:?}\n  got  {found:?}",
                case.note, case.text
            ));
            continue;
        }
        for (e, t) in case.expect.iter().zip(&times) {
            let errors = compare(e, t);
            if !errors.is_empty() {
                failures.push(format!(
                    "{}\n  {}\n  `{}`: {}",
                    case.note,
                    case.text,
                    e.text,
                    errors.join("; ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        table.case.len(),
        failures.join("\n")
    );
}
