//! Invariants of the entity stage on any text: spans lie in the text and
//! are its slices, references point back to earlier person mentions, and
//! codes start with a country, IGO/NGO or (for an actor of unknown
//! country) a sector code; with and without the backbone's parse.

use proptest::prelude::*;
use storyline_kb::{annotate, Kb, Parsed};
use storyline_model::Span;

/// Text built from pieces that exercise the rules, in any order.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "U.S. ",
        "us ",
        "Nato ",
        "Kyiv ",
        "in Kyiv ",
        "said ",
        "Mr Doe ",
        "Jane Doe ",
        "he said ",
        "the secretary of state ",
        "North Korean troops ",
        "Russian and ",
        "Georgia ",
        "Jordan ",
        "Zelenskiy ",
        "Wŏnsan ",
        "Ministry of Defence of Ukraine ",
        ", a spokesman for the ",
        "Kremlin ",
        ". ",
        "President ",
        "Antony Blinken ",
        "'s ",
        "é",
        "\u{2019}s ",
        "-",
        "\n\n",
        "Halvorsen Maritime Ltd ",
        ", chief executive of ",
        "she told reporters ",
        "It said ",
        "police in Lagos ",
        "the firm ",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Checks the invariants on the entities of one text.
fn check(text: &str, parsed: Parsed) -> Result<(), TestCaseError> {
    let len = text.chars().count();
    let chars: Vec<char> = text.chars().collect();
    let entities = annotate(Kb::builtin(), text, &[Span::new(0, len)], None, parsed);
    for (i, e) in entities.iter().enumerate() {
        prop_assert!(e.start < e.end && e.end <= len, "{e:?}");
        let slice: String = chars[e.start..e.end].iter().collect();
        prop_assert_eq!(&slice, &e.text);
        if let Some(r) = e.refers_to {
            prop_assert!(r < i && entities[r].kind == e.kind, "{e:?} -> {r}");
        }
        if let Some(code) = &e.code {
            let first = code.split(' ').next().unwrap_or("");
            prop_assert!(
                first.len() == 3 && first.chars().all(|c| c.is_ascii_uppercase()),
                "{code}"
            );
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn entity_spans_and_references_are_sound(text in pieces(), any in ".{0,200}") {
        for text in [text, any] {
            check(&text, Parsed::default())?;
        }
    }
}

proptest! {
    // The backbone makes each case cost milliseconds, so fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn entity_spans_and_references_are_sound_with_the_parse(text in pieces(), any in ".{0,200}") {
        let backbone = storyline_nlp::Backbone::shared().expect("the built-in model loads");
        for text in [text, any] {
            let parse = backbone.annotate(&text);
            check(&text, Parsed { tokens: &parse.tokens, ner: &parse.ner })?;
        }
    }
}
