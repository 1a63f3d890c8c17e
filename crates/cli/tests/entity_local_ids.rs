//! Document-local entity ids on a short wire-style story written for this
//! test: every mention of one entity, linked or not, carries the same
//! `local_id`, and different entities carry different ones.

mod common;

use common::extracted_entities as entities;
use serde_json::Value;

const STORY: &str = "ROTTERDAM (Reuters) - Daniel Okafor, the harbour master, said on \
Tuesday that the container terminal would reopen on Friday. Okafor said crews had cleared \
most of the wreckage overnight. \"We are nearly there,\" he said.\n\n\
Brightwater Freight Solutions (BFS), which runs the terminal, said the delay had cost it \
millions. BFS said its insurers had been told. Laura Quint, who speaks for the port \
authority, declined to comment further.";

/// The local id of the `nth` mention written `text` (0-based).
fn local_id(found: &[Value], text: &str, nth: usize) -> String {
    let e = found
        .iter()
        .filter(|e| e["text"] == text)
        .nth(nth)
        .unwrap_or_else(|| panic!("{text} #{nth} is a mention: {found:#?}"));
    e["local_id"]
        .as_str()
        .unwrap_or_else(|| panic!("{text} has a local id: {e:#?}"))
        .to_string()
}

#[test]
fn a_person_named_in_full_then_by_surname_then_as_he_is_one_local_entity() {
    let found = entities(STORY);
    let full = local_id(&found, "Daniel Okafor", 0);
    assert_eq!(local_id(&found, "Okafor", 0), full, "{found:#?}");
    assert_eq!(local_id(&found, "he", 0), full, "{found:#?}");
    // The person is unknown to the knowledge base: the local id is all
    // that joins the mentions, and the cross-document id stays empty.
    let okafor = found.iter().find(|e| e["text"] == "Okafor").unwrap();
    assert!(okafor["id"].is_null(), "{okafor:#?}");
}

#[test]
fn an_unlinked_company_and_its_acronym_are_one_local_entity() {
    let found = entities(STORY);
    let company = local_id(&found, "Brightwater Freight Solutions", 0);
    let acronyms: Vec<String> = (0..)
        .map_while(|n| {
            found
                .iter()
                .filter(|e| e["text"] == "BFS")
                .nth(n)
                .map(|_| local_id(&found, "BFS", n))
        })
        .collect();
    assert!(!acronyms.is_empty(), "{found:#?}");
    assert!(acronyms.iter().all(|a| *a == company), "{found:#?}");
}

#[test]
fn different_names_have_different_local_ids_numbered_by_first_mention() {
    let found = entities(STORY);
    let okafor = local_id(&found, "Daniel Okafor", 0);
    let company = local_id(&found, "Brightwater Freight Solutions", 0);
    let quint = local_id(&found, "Laura Quint", 0);
    assert_ne!(okafor, company);
    assert_ne!(okafor, quint);
    assert_ne!(company, quint);
    // Every mention has one, and the numbers follow the order in which
    // entities first appear: e1 first, and no number skipped.
    let mut seen: Vec<String> = Vec::new();
    for e in &found {
        let id = e["local_id"]
            .as_str()
            .expect("every mention has a local id");
        if !seen.iter().any(|s| s == id) {
            seen.push(id.to_string());
            assert_eq!(id, format!("e{}", seen.len()), "{found:#?}");
        }
    }
    // The same text gives the same ids.
    assert_eq!(found, entities(STORY));
}
