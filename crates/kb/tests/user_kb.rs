//! The user's knowledge-base files: their entries beat the shipped ones,
//! and a bad line is reported with its file and line.

use storyline_kb::{annotate, search, Date, Kb};
use storyline_model::Span;

fn entities(kb: &Kb, text: &str, date: &str) -> Vec<storyline_model::Entity> {
    let len = text.chars().count();
    annotate(
        kb,
        text,
        &[Span::new(0, len)],
        Date::parse_from_str(date, "%Y-%m-%d").ok(),
        Default::default(),
    )
}

#[test]
fn a_user_person_with_offices_is_found_and_dated() {
    let extra = "person\tmaria-ostrova\tMaria Ostrova\tOstrova\n\
                 office\tmaria-ostrova\tMDA\tGOV\tForeign Minister\t2023-02-01\t\n";
    let kb = Kb::load(&[("extra.tsv", extra)]).unwrap();
    let found = entities(
        &kb,
        "Maria Ostrova met reporters. Ostrova said talks went well.",
        "2024-05-01",
    );
    let people: Vec<_> = found.iter().filter(|e| e.kind == "person").collect();
    assert_eq!(people.len(), 2, "{found:?}");
    assert_eq!(people[0].code.as_deref(), Some("MDA GOV"));
    assert_eq!(people[0].office.as_deref(), Some("Foreign Minister"));
    assert_eq!(people[0].rule, "user");
    assert_eq!(
        people[1].refers_to,
        Some(
            found
                .iter()
                .position(|e| e.text == "Maria Ostrova")
                .unwrap()
        )
    );
}

#[test]
fn a_user_entry_beats_the_shipped_one_of_the_same_name() {
    // A user who follows a football club called Georgia wants it as an
    // organisation, not as the country.
    let extra = "org\tGEORGIA-FC\tGeorgia\tGeorgia FC\tGEO\tBUS\n";
    let kb = Kb::load(&[("extra.tsv", extra)]).unwrap();
    let found = entities(&kb, "Georgia won again on Sunday.", "2024-05-01");
    assert_eq!(found[0].id.as_deref(), Some("org:GEORGIA-FC"), "{found:?}");
    assert_eq!(search(&kb, "Georgia", 5)[0].id, "org:GEORGIA-FC");
}

#[test]
fn a_user_person_with_a_shipped_id_replaces_its_offices() {
    let extra = "office\tantony-blinken\tUSA\tGOV\tSpecial Envoy\t2025-02-01\t\n";
    let kb = Kb::load(&[("extra.tsv", extra)]).unwrap();
    let found = entities(&kb, "Antony Blinken spoke.", "2025-03-01");
    assert_eq!(found[0].office.as_deref(), Some("Special Envoy"));
}

#[test]
fn a_bad_user_line_names_file_and_line() {
    let err = Kb::load(&[("mine.tsv", "# ok\nregion\tx\tX\t\tUKR\tnorth\t30\n")]).unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("mine.tsv", 2));
    assert!(err.to_string().contains("latitude"), "{err}");
}

#[test]
fn regression_lower_case_us_is_not_the_united_states() {
    let found = entities(
        Kb::builtin(),
        "They told us the talks would resume.",
        "2024-05-01",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn search_finds_people_by_any_spelling_with_their_offices() {
    let found = search(Kb::builtin(), "Zelenskiy", 5);
    assert_eq!(found[0].id, "person:volodymyr-zelenskyy");
    assert!(
        found[0]
            .details
            .iter()
            .any(|d| d.contains("UKR GOV President: 2019-05-20 to now")),
        "{:?}",
        found[0].details
    );
}
