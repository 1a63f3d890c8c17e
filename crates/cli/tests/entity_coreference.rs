//! Coreference and roles on short wire-style stories written for these
//! tests: pronouns opening reporting clauses get their speaker, and titles
//! and appositions give a person a role and an organisation.

mod common;

use common::extracted_entities as entities;
use serde_json::Value;

/// The mention of `text` that starts at its `nth` occurrence (0-based) in
/// the entity list.
fn nth<'a>(found: &'a [Value], text: &str, nth: usize) -> Option<&'a Value> {
    found.iter().filter(|e| e["text"] == text).nth(nth)
}

/// The entity a mention refers back to, or the mention itself.
fn referent<'a>(found: &'a [Value], e: &'a Value) -> &'a Value {
    match e["refers_to"].as_u64() {
        Some(i) => &found[i as usize],
        None => e,
    }
}

#[test]
fn a_pronoun_opening_a_reporting_clause_is_the_person_named_before() {
    let found = entities(
        "Maria Santos runs the grain cooperative outside the town. \
         \"We lost half the harvest,\" she said on Monday.",
    );
    let she = nth(&found, "she", 0).expect("the pronoun is a mention");
    assert_eq!(she["kind"], "person");
    assert_eq!(referent(&found, she)["text"], "Maria Santos");
}

#[test]
fn a_pronoun_prefers_the_earlier_subject_to_a_nearer_object() {
    let found = entities(
        "Thomas Becker met Henrik Larsen in Vienna on Tuesday. \
         He said the talks had gone well.",
    );
    let he = nth(&found, "He", 0).expect("the pronoun is a mention");
    assert_eq!(referent(&found, he)["text"], "Thomas Becker");
}

#[test]
fn a_pronoun_skips_a_person_of_the_other_gender() {
    let found = entities(
        "Ms Anna Keller chaired the hearing and questioned Mr Paolo Rossi. \
         He told the panel the contract had been signed in error.",
    );
    let he = nth(&found, "He", 0).expect("the pronoun is a mention");
    let named = referent(&found, he)["text"].as_str().unwrap().to_string();
    assert!(named.contains("Rossi"), "{he:#?} -> {named}");
}

#[test]
fn it_said_is_the_organisation_named_before() {
    let found = entities(
        "Halvorsen Shipping Inc. cut its profit forecast for the year. \
         It said in a statement that fuel costs had risen sharply.",
    );
    let it = nth(&found, "It", 0).expect("the pronoun is a mention");
    assert_eq!(it["kind"], "org");
    assert_eq!(referent(&found, it)["text"], "Halvorsen Shipping Inc.");
}

#[test]
fn a_pronoun_that_is_not_a_speaker_is_left_alone() {
    let found = entities(
        "Maria Santos runs the grain cooperative. It has lost half its harvest \
         and she fears for the winter.",
    );
    assert!(nth(&found, "she", 0).is_none(), "{found:#?}");
    assert!(nth(&found, "It", 0).is_none(), "{found:#?}");
}

/// "She did not give a date, but said": the reporting verb coordinated
/// with hers makes "she" a speaker.
#[test]
fn a_pronoun_whose_coordinated_verb_reports_is_a_speaker() {
    let found = entities(
        "Lena Marsh leads the port authority. She gave no figure, but said \
         the berths would reopen in May.",
    );
    let she = nth(&found, "She", 0).expect("the pronoun is a mention");
    assert_eq!(referent(&found, she)["text"], "Lena Marsh");
}

/// Regression: a "He" inside a quotation was resolved to the person named
/// before it and so made her a man, and her "she said" went to someone else.
#[test]
fn a_pronoun_inside_a_quotation_is_not_resolved() {
    let found = entities(
        "Dana Whitfield spoke after the hearing. “He has apologised,” the \
         lawyer Ruth Okafor said. Whitfield asked for mercy. She said she \
         bore no grudge.",
    );
    assert!(nth(&found, "He", 0).is_none(), "{found:#?}");
    let she = nth(&found, "She", 0).expect("the pronoun is a mention");
    assert!(
        referent(&found, she)["text"]
            .as_str()
            .is_some_and(|t| t.contains("Whitfield")),
        "{she:#?}"
    );
}

#[test]
fn an_apposition_gives_the_person_a_role_and_an_organisation() {
    let found = entities(
        "Jaimie Tilbrook, chief product officer of EncompaaS, said the tool would ship \
         in June.",
    );
    let person = nth(&found, "Jaimie Tilbrook", 0).expect("the person is found");
    assert_eq!(person["office"], "chief product officer", "{person:#?}");
    assert_eq!(person["org"], "EncompaaS", "{person:#?}");
}

#[test]
fn a_title_before_the_name_gives_a_role_and_an_organisation() {
    let found = entities(
        "Corvenna Pharmaceuticals chief executive Lena Marchetti said the trial would resume \
         next month.",
    );
    let person = found
        .iter()
        .find(|e| e["text"].as_str().is_some_and(|t| t.ends_with("Marchetti")))
        .expect("the person is found");
    assert_eq!(person["office"], "chief executive", "{person:#?}");
    assert_eq!(person["org"], "Corvenna Pharmaceuticals", "{person:#?}");
}

#[test]
fn a_spokesperson_for_a_coded_group_speaks_with_its_code() {
    let found = entities(
        "Grace Wanjiru, a spokeswoman for the Kenyan police, said six people had been \
         arrested.",
    );
    let person = nth(&found, "Grace Wanjiru", 0).expect("the person is found");
    assert_eq!(person["office"], "spokeswoman", "{person:#?}");
    assert_eq!(person["code"], "KEN COP", "{person:#?}");
}

#[test]
fn an_age_is_not_a_role() {
    let found = entities("Pieter Vandersloot, 54, said he had lived on the street for years.");
    let person = nth(&found, "Pieter Vandersloot", 0).expect("the person is found");
    assert!(person["office"].is_null(), "{person:#?}");
}

#[test]
fn later_mentions_carry_the_role_and_point_to_the_first() {
    let found = entities(
        "Jaimie Tilbrook, chief product officer of EncompaaS, spoke at the launch. \
         Tilbrook said customers had asked for the feature.",
    );
    let later = nth(&found, "Tilbrook", 0).expect("the surname is a mention");
    assert_eq!(referent(&found, later)["text"], "Jaimie Tilbrook");
    assert_eq!(later["org"], "EncompaaS", "{later:#?}");
}

#[test]
fn police_placed_in_a_city_are_that_countrys_police() {
    let found = entities("Police in Lagos said 14 people had been detained after the march.");
    let police = found
        .iter()
        .find(|e| {
            e["text"]
                .as_str()
                .is_some_and(|t| t.eq_ignore_ascii_case("police"))
        })
        .expect("the police are a group");
    assert_eq!(police["code"], "NGA COP", "{police:#?}");
}

#[test]
fn soldiers_with_a_nationality_are_that_countrys_military() {
    let found = entities("Ukrainian soldiers repelled an assault near the village on Sunday.");
    assert!(found.iter().any(|e| e["code"] == "UKR MIL"), "{found:#?}");
}

#[test]
fn an_unknown_company_is_a_business_of_no_invented_country() {
    let found =
        entities("The cybersecurity firm Searchlight Cyber said the leaked files were genuine.");
    let firm = found
        .iter()
        .find(|e| e["text"] == "Searchlight Cyber")
        .expect("the company is an entity");
    assert_eq!(firm["code"], "BUS", "{firm:#?}");
    assert!(firm["country"].is_null(), "{firm:#?}");
}

/// "the people of Haiti" after "Haitian people": the words named a group
/// in full and were also taken as a reference back to the earlier group,
/// so two entities covered "people"; the event coder then read past the
/// end of one into the other and panicked on a Timeline17 article.
#[test]
fn a_group_named_in_full_was_also_a_reference_back() {
    let found = entities(
        "Haitian people queued for water in the capital on Friday, aid workers said.\n\n\
         The government said the people of Haiti would receive food from Monday. Officials \
         said the people of Haiti and the United Nations would share the cost with Brazil.\n",
    );
    for a in &found {
        for b in &found {
            let (a0, a1, b0) = (&a["start"], &a["end"], &b["start"]);
            let overlaps = a0.as_u64() <= b0.as_u64() && b0.as_u64() < a1.as_u64();
            assert!(
                std::ptr::eq(a, b) || !overlaps,
                "{} and {} overlap",
                a["text"],
                b["text"]
            );
        }
    }
    assert_eq!(
        found
            .iter()
            .filter(|e| e["text"] == "people of Haiti")
            .count(),
        2
    );
}

/// Regression: a pronoun closing a quotation of several sentences found
/// no antecedent, since the quoted sentences used up the sentences it
/// searched.
#[test]
fn a_pronoun_after_a_long_quotation_is_the_speaker_named_before_it() {
    let found = entities(
        "Lars Berg leads the dock workers' union. “We will not move. The terms \
         are unfair. Our members voted. The strike goes on,” he said.",
    );
    let he = nth(&found, "he", 0).expect("the pronoun is a mention");
    assert_eq!(referent(&found, he)["text"], "Lars Berg");
}

/// "pointed out" attributes as "said" does.
#[test]
fn a_pronoun_that_points_out_is_a_speaker() {
    let found = entities(
        "Omar Haddad studies port traffic at the institute. He pointed out that \
         the figures were provisional.",
    );
    let he = nth(&found, "He", 0).expect("the pronoun is a mention");
    assert_eq!(referent(&found, he)["text"], "Omar Haddad");
}

/// "They said" after a body or a group that was the subject before it is
/// that body; after a person it stays unresolved.
#[test]
fn they_said_is_the_body_or_group_that_was_the_subject_before() {
    let found = entities(
        "Harbor Lines Ltd denied any wrongdoing on Friday. “We followed every \
         rule,” they said.",
    );
    let they = nth(&found, "they", 0).expect("the pronoun is a mention");
    assert_eq!(referent(&found, they)["text"], "Harbor Lines Ltd");
    let found = entities(
        "Daniel Brooks, the port director, denied any wrongdoing on Friday. \
         “We followed every rule,” they said.",
    );
    assert!(nth(&found, "they", 0).is_none(), "{found:#?}");
}

/// A body named in apposition to the subject ("The firm that runs the
/// ferries, Nordvik Lines, denied ...") is the subject for a later "they".
#[test]
fn they_said_after_a_subject_named_in_apposition() {
    let found = entities(
        "The firm that runs the ferries, Nordvik Lines Ltd, denied the report on \
         Monday. “No sailing was cancelled,” they said.",
    );
    let they = nth(&found, "they", 0).expect("the pronoun is a mention");
    assert_eq!(referent(&found, they)["text"], "Nordvik Lines Ltd");
}

#[test]
fn a_pronoun_prefers_the_main_subject_to_one_in_a_clause_inside_it() {
    let found = entities(
        "Peter Lindqvist has worked with Omar Haddad, with whom Clara Nunes \
         has often disagreed. He denied on Friday that the deal was unfair.",
    );
    let he = nth(&found, "He", 0).expect("the pronoun is a mention");
    assert_eq!(referent(&found, he)["text"], "Peter Lindqvist");
}

#[test]
fn an_unknown_organisation_named_again_is_the_same_mention() {
    let found = entities(
        "Harbor Lantern says the concert can go ahead. \
         Harbor Lantern later denied any dispute with the venue.",
    );
    let second = nth(&found, "Harbor Lantern", 1).expect("the second naming is a mention");
    assert_eq!(second["kind"], "org");
    assert_eq!(referent(&found, second)["start"], 0);
}

#[test]
fn a_name_ending_in_productions_is_a_body_not_a_person() {
    let found =
        entities("The show's producer, Dick Ellison Productions, denied the report on Monday.");
    let body = nth(&found, "Dick Ellison Productions", 0).expect("the name is a mention");
    assert_eq!(body["kind"], "org");
}

#[test]
fn a_pronoun_passes_over_a_credit_for_the_speaker_before_it() {
    let found = entities(
        "Ian Fairley, a lecturer at the university, told reporters the study was small. \
         This chart, provided by Dana Whitcombe, shows the states where the drug is legal. \
         However, he pointed out that the data were limited.",
    );
    let he = nth(&found, "he", 0).expect("the pronoun is a mention");
    assert_eq!(referent(&found, he)["text"], "Ian Fairley");
}
