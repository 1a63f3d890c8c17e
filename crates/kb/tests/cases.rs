//! The entity case table, `cases.toml`: each case a sentence of its own
//! with the entities it must and must not yield.

use serde::Deserialize;
use storyline_kb::{annotate, Date, Kb};
use storyline_model::{Entity, Span};

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    date: String,
    text: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    offices: Vec<String>,
    #[serde(default)]
    refers: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
}

/// The char offset of `surface` ("Jordan" or "Jordan#2") in `text`, as a
/// whole word.
fn locate(text: &str, surface: &str) -> (String, usize) {
    let (s, nth) = match surface.rsplit_once('#') {
        Some((s, n)) => (s, n.parse::<usize>().expect("#N")),
        None => (surface, 1),
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let byte = text
        .match_indices(s)
        .filter(|(b, _)| {
            !word(text[..*b].chars().next_back()) && !word(text[b + s.len()..].chars().next())
        })
        .nth(nth - 1)
        .unwrap_or_else(|| panic!("`{surface}` is not in the text"))
        .0;
    (s.to_string(), text[..byte].chars().count())
}

fn at<'a>(entities: &'a [Entity], text: &str, surface: &str) -> Option<&'a Entity> {
    let (s, start) = locate(text, surface);
    entities.iter().find(|e| e.start == start && e.text == s)
}

fn check(case: &Case) -> Vec<String> {
    let kb = Kb::builtin();
    let date = Date::parse_from_str(&case.date, "%Y-%m-%d").ok();
    let sentences = storyline_text::split_sentences(&case.text)
        .into_iter()
        .map(|r| {
            Span::new(
                case.text[..r.start].chars().count(),
                case.text[..r.end].chars().count(),
            )
        })
        .collect::<Vec<_>>();
    let entities = annotate(kb, &case.text, &sentences, date, Default::default());
    let mut errors = Vec::new();
    let listing = || {
        entities
            .iter()
            .map(|e| format!("{}@{} {:?} {:?} {}", e.text, e.start, e.code, e.id, e.rule))
            .collect::<Vec<_>>()
            .join("; ")
    };
    for pair in &case.expect {
        let (surface, want) = pair.split_once(" => ").expect("`text => value`");
        let got = at(&entities, &case.text, surface).map(|e| {
            if want.contains(':') {
                e.id.clone()
            } else {
                e.code.clone()
            }
        });
        if got != Some(Some(want.to_string())) {
            errors.push(format!(
                "{surface}: expected {want}, got {got:?} in [{}]",
                listing()
            ));
        }
    }
    for pair in &case.offices {
        let (surface, want) = pair.split_once(" => ").expect("`text => office`");
        let got = at(&entities, &case.text, surface).and_then(|e| e.office.clone());
        if got.as_deref() != Some(want) {
            errors.push(format!("{surface}: expected office {want}, got {got:?}"));
        }
    }
    for pair in &case.kinds {
        let (surface, want) = pair.split_once(" => ").expect("`text => kind`");
        let got = at(&entities, &case.text, surface).map(|e| e.kind.clone());
        if got.as_deref() != Some(want) {
            errors.push(format!(
                "{surface}: expected a {want}, got {got:?} in [{}]",
                listing()
            ));
        }
    }
    for surface in &case.refers {
        let found = at(&entities, &case.text, surface);
        if found.is_none_or(|e| e.refers_to.is_none()) {
            errors.push(format!(
                "{surface}: expected a reference back, got {found:?}"
            ));
        }
    }
    for surface in &case.absent {
        let (_, start) = locate(&case.text, surface);
        if let Some(e) = entities.iter().find(|e| e.start <= start && start < e.end) {
            errors.push(format!(
                "{surface}: expected no entity, found {} ({:?})",
                e.text, e.code
            ));
        }
    }
    errors
}

#[test]
fn entity_cases() {
    let table: Table = toml::from_str(include_str!("cases.toml")).expect("cases.toml");
    let mut failures = Vec::new();
    for case in &table.case {
        for e in check(case) {
            failures.push(format!("{}: {e}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
