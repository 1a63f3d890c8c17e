//! The Phoenix actor dictionaries in the knowledge base: their people are
//! found and coded from their dated roles, their open roles are not
//! trusted after the dictionaries stop, the hand-made and user entries
//! beat them, and their generic phrases are not entities.

use storyline_kb::{annotate, Date, Kb, BUILTIN_FILES};
use storyline_model::{Entity, Span};

fn entities(kb: &Kb, text: &str, date: &str) -> Vec<Entity> {
    let len = text.chars().count();
    annotate(
        kb,
        text,
        &[Span::new(0, len)],
        Date::parse_from_str(date, "%Y-%m-%d").ok(),
        Default::default(),
    )
}

fn person<'a>(found: &'a [Entity], text: &str) -> &'a Entity {
    found
        .iter()
        .find(|e| e.text == text)
        .unwrap_or_else(|| panic!("{text} not found in {found:?}"))
}

/// The ids of one Phoenix file's records of one type.
fn phoenix_ids(file: &str, kind: &str) -> Vec<String> {
    let text = BUILTIN_FILES
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, text)| *text)
        .expect("the Phoenix file is built in");
    text.lines()
        .filter_map(|l| l.strip_prefix(kind)?.strip_prefix('\t'))
        .filter_map(|l| l.split('\t').next())
        .map(|id| format!("{kind}:{id}"))
        .collect()
}

#[test]
fn a_phoenix_person_is_coded_from_a_dated_role() {
    // Pieter De Crem: BEL GOV from April 2008 in Phoenix (Belgian
    // defence minister 2007-2014), with no end date.
    let found = entities(
        Kb::builtin(),
        "Pieter De Crem met his Dutch counterpart in Brussels.",
        "2012-03-01",
    );
    let p = person(&found, "Pieter De Crem");
    assert_eq!(p.id.as_deref(), Some("person:pieter-de-crem"), "{p:?}");
    assert_eq!(p.code.as_deref(), Some("BEL GOV"), "{p:?}");
}

#[test]
fn an_open_phoenix_role_is_not_trusted_after_the_dictionaries_stop() {
    let found = entities(
        Kb::builtin(),
        "Pieter De Crem met his Dutch counterpart in Brussels.",
        "2024-03-01",
    );
    let p = person(&found, "Pieter De Crem");
    // Still the same person, but with no office: the role's end is
    // unknown after 2017-01-01, so it is neither held nor former.
    assert_eq!(p.id.as_deref(), Some("person:pieter-de-crem"), "{p:?}");
    assert_eq!(p.code, None, "{p:?}");
    assert_eq!(p.office, None, "{p:?}");
}

#[test]
fn a_closed_phoenix_role_makes_a_former_office_holder() {
    // Hamid Karzai: AFG GOV from December 2001 (open) and an AFG ELI
    // role 1975-2000; in 2024 the open role is unknown and the closed
    // one is what "former" refers to, never AFG GOV.
    let found = entities(Kb::builtin(), "Hamid Karzai spoke in Kabul.", "2024-03-01");
    let p = person(&found, "Hamid Karzai");
    assert_ne!(p.code.as_deref(), Some("AFG GOV"), "{p:?}");
    let found = entities(Kb::builtin(), "Hamid Karzai spoke in Kabul.", "2009-03-01");
    assert_eq!(
        person(&found, "Hamid Karzai").code.as_deref(),
        Some("AFG GOV")
    );
}

#[test]
fn the_hand_made_entry_beats_phoenix() {
    // Phoenix has SERGEY_LAVROV (RUS GOV); the hand-made entry wins, with
    // its own id and its own title.
    let found = entities(
        Kb::builtin(),
        "Sergey Lavrov met reporters in Moscow.",
        "2024-03-01",
    );
    let p = person(&found, "Sergey Lavrov");
    assert_eq!(p.id.as_deref(), Some("person:sergei-lavrov"), "{p:?}");
    assert_eq!(p.code.as_deref(), Some("RUS GOV"), "{p:?}");
    assert_eq!(p.office.as_deref(), Some("Foreign Minister"), "{p:?}");
    let kb = Kb::builtin();
    assert!(
        kb.people
            .iter()
            .filter(|p| p.name.contains("Lavrov"))
            .all(|p| p.id == "sergei-lavrov"),
        "no Phoenix Lavrov beside the hand-made one"
    );
}

#[test]
fn a_user_entry_beats_both() {
    let extra = "person\tpdc-user\tPieter De Crem\t\n\
                 office\tpdc-user\tBEL\tLEG\tSenator\t2020-01-01\t\n\
                 person\tlavrov-user\tSergey Lavrov\t\n\
                 office\tlavrov-user\tRUS\tELI\tRetired\t2020-01-01\t\n";
    let kb = Kb::load(&[("mine.tsv", extra)]).unwrap();
    let found = entities(
        &kb,
        "Pieter De Crem and Sergey Lavrov met in Brussels.",
        "2024-03-01",
    );
    let p = person(&found, "Pieter De Crem");
    assert_eq!(p.id.as_deref(), Some("person:pdc-user"), "{p:?}");
    assert_eq!(p.code.as_deref(), Some("BEL LEG"), "{p:?}");
    assert_eq!(p.rule, "user");
    let l = person(&found, "Sergey Lavrov");
    assert_eq!(l.id.as_deref(), Some("person:lavrov-user"), "{l:?}");
}

#[test]
fn generic_phoenix_phrases_are_not_entities() {
    let phoenix: std::collections::HashSet<String> = phoenix_ids("phoenix-people.tsv", "person")
        .into_iter()
        .chain(phoenix_ids("phoenix-orgs.tsv", "org"))
        .collect();
    assert!(phoenix.len() > 10_000, "{} Phoenix entries", phoenix.len());
    // Phrases of the Phoenix dictionaries that are roles, descriptions,
    // bare kunyas or ordinary words, not names.
    for text in [
        "The UN envoy and Indian UN peacekeepers arrived on Monday.",
        "The American Vice-President spoke to the UN bodies.",
        "Abu Abdullah and Abu Musab were named by the police.",
        "Black Star and Group Zero were mentioned.",
        "The Secretary-General Kofi Annan said it. K. Annan agreed.",
        "The acting minister met the foreign minister.",
        "Dawn broke over the city as the UN mission left.",
    ] {
        for e in entities(Kb::builtin(), text, "2010-01-01") {
            let id = e.id.clone().unwrap_or_default();
            let generic = ["UN envoy", "UN bodies", "Abu Abdullah", "Abu Musab", "Dawn"]
                .iter()
                .any(|g| e.text.contains(g))
                || e.text.contains("Vice-President")
                || e.text.contains("K. Annan")
                || e.text.contains("acting minister");
            assert!(
                !(generic && phoenix.contains(&id)),
                "{text:?}: {:?} linked to Phoenix {id}",
                e.text
            );
        }
    }
}

#[test]
fn phoenix_brings_thousands_of_actors() {
    let kb = Kb::builtin();
    assert!(kb.people.len() > 10_000, "{} people", kb.people.len());
    assert!(kb.orgs.len() > 1_000, "{} organisations", kb.orgs.len());
}
