//! Entities in the five seed articles, read end to end through
//! `storyline extract --published`, against what the entity issue names:
//! the people resolved with their offices at the article's date, every
//! variant of the main actors found with the right code, and the places
//! placed in the right country.

mod common;

use serde_json::Value;

/// Seeds with the publication dates the time issue gives.
const SEEDS: &[(&str, &str)] = &[
    ("000_", "2024-11-02"),
    ("001_", "2024-12-28"),
    ("002_", "2024-11-19"),
    ("003_", "2024-10-24"),
    ("004_", "2024-11-13"),
];

fn documents() -> Option<Vec<Value>> {
    let shared = common::shared_dir()?;
    let mut docs = Vec::new();
    for (prefix, published) in SEEDS {
        let path = common::seed_path(&shared, prefix);
        let out = common::storyline(&["extract", "--published", published, path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
        docs.push(serde_json::from_slice(&out.stdout).unwrap());
    }
    Some(docs)
}

fn entities(doc: &Value) -> Vec<Value> {
    doc["entities"].as_array().cloned().unwrap_or_default()
}

fn first_code(e: &Value) -> &str {
    e["code"]
        .as_str()
        .unwrap_or("")
        .split(' ')
        .next()
        .unwrap_or("")
}

#[test]
fn seed_people_resolve_with_their_offices_at_the_article_date() {
    let Some(docs) = documents() else { return };
    let expected: &[(&str, &str)] = &[
        ("person:antony-blinken", "Secretary of State"),
        ("person:john-kirby", "National Security Council spokesman"),
        ("person:joe-biden", "President"),
        ("person:donald-trump", "President-elect"),
        ("person:volodymyr-zelenskyy", "President"),
        ("person:vladimir-putin", "President"),
        ("person:kim-jong-un", "Leader"),
        ("person:jake-sullivan", "National Security Adviser"),
        ("person:andriy-yermak", "Head of the Presidential Office"),
        ("person:mark-rutte", "NATO Secretary-General"),
        ("person:andrii-sybiha", "Foreign Minister"),
        ("person:josep-borrell", "EU foreign policy chief"),
        ("person:kaja-kallas", "incoming EU foreign policy chief"),
        ("person:mike-waltz", "incoming National Security Adviser"),
        ("person:marco-rubio", "Senator"),
        ("person:antonio-guterres", "UN Secretary-General"),
    ];
    let all: Vec<Value> = docs.iter().flat_map(entities).collect();
    for (id, office) in expected {
        let found: Vec<&Value> = all.iter().filter(|e| e["id"] == *id).collect();
        assert!(!found.is_empty(), "{id} not found");
        assert!(
            found.iter().any(|e| e["office"] == *office),
            "{id}: offices {:?}, expected {office}",
            found
                .iter()
                .map(|e| e["office"].clone())
                .collect::<Vec<_>>()
        );
    }
    // Zelenskiy and Zelenskyy are one person.
    let spellings: Vec<&str> = all
        .iter()
        .filter(|e| e["id"] == "person:volodymyr-zelenskyy")
        .filter_map(|e| e["text"].as_str())
        .collect();
    assert!(
        spellings.iter().any(|s| s.contains("Zelenskiy")),
        "{spellings:?}"
    );
    assert!(
        spellings.iter().any(|s| s.contains("Zelenskyy")),
        "{spellings:?}"
    );
}

#[test]
fn seed_actor_variants_are_found_with_their_codes() {
    let Some(docs) = documents() else { return };
    let variants: &[(&str, &[&str])] = &[
        ("US", &["USA"]),
        ("U.S.", &["USA"]),
        ("United States", &["USA"]),
        ("Washington", &["USA"]),
        ("Russia", &["RUS"]),
        ("Kremlin", &["RUS"]),
        ("Moscow", &["RUS"]),
        ("Ukraine", &["UKR"]),
        ("Kyiv", &["UKR"]),
        ("North Korea", &["PRK"]),
        ("Pyongyang", &["PRK"]),
        ("South Korea", &["KOR"]),
        ("China", &["CHN"]),
        ("Iran", &["IRN"]),
        ("Tehran", &["IRN"]),
        ("NATO", &["IGO"]),
        ("Nato", &["IGO"]),
        ("EU", &["IGO"]),
        ("European Union", &["IGO"]),
        ("G7", &["IGO"]),
        ("UN Security Council", &["IGO"]),
        ("Brussels", &["IGO", "BEL"]),
        ("Kursk", &["RUS"]),
        ("Sumy", &["UKR"]),
        ("Donetsk", &["UKR"]),
        ("Wonsan", &["PRK"]),
        ("Vladivostok", &["RUS"]),
        ("Rio de Janeiro", &["BRA"]),
        ("Peru", &["PER"]),
    ];
    let mut missing = Vec::new();
    for doc in &docs {
        let text: Vec<char> = doc["text"].as_str().unwrap_or("").chars().collect();
        let ents = entities(doc);
        for (variant, codes) in variants {
            let v: Vec<char> = variant.chars().collect();
            for at in 0..text.len().saturating_sub(v.len() - 1) {
                let boundary = |i: usize| text.get(i).is_none_or(|c| !c.is_alphanumeric());
                // "US$56.2 billion" names a currency, not the country.
                if text[at..at + v.len()] != v[..]
                    || (at > 0 && !boundary(at - 1))
                    || !boundary(at + v.len())
                    || text.get(at + v.len()) == Some(&'$')
                {
                    continue;
                }
                let covered = ents.iter().any(|e| {
                    let (s, en) = (
                        e["start"].as_u64().unwrap() as usize,
                        e["end"].as_u64().unwrap() as usize,
                    );
                    s <= at && at + v.len() <= en && codes.contains(&first_code(e))
                });
                if !covered {
                    let context: String = text
                        [at.saturating_sub(30)..(at + v.len() + 30).min(text.len())]
                        .iter()
                        .collect();
                    missing.push(format!("{variant} in {}: …{context}…", doc["id"]));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not found with the right code:\n{}",
        missing.join("\n")
    );
}

#[test]
fn seed_places_carry_coordinates() {
    let Some(docs) = documents() else { return };
    let all: Vec<Value> = docs.iter().flat_map(entities).collect();
    for name in ["Kursk", "Sumy", "Wonsan", "Vladivostok", "Rio de Janeiro"] {
        let e = all
            .iter()
            .find(|e| {
                e["kind"] == "place" && e["text"].as_str().is_some_and(|t| t.starts_with(name))
            })
            .unwrap_or_else(|| panic!("{name} is not placed"));
        assert!(e["lat"].is_number() && e["lon"].is_number(), "{e}");
    }
}
