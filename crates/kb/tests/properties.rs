//! Invariants of the entity stage on any text: spans lie in the text and
//! are its slices, references point back to earlier person mentions, and
//! codes start with a country or IGO/NGO code.

use proptest::prelude::*;
use storyline_kb::{annotate, Kb};
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
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn entity_spans_and_references_are_sound(text in pieces(), any in ".{0,200}") {
        for text in [text, any] {
            let len = text.chars().count();
            let chars: Vec<char> = text.chars().collect();
            let entities = annotate(Kb::builtin(), &text, &[Span::new(0, len)], None, Default::default());
            for (i, e) in entities.iter().enumerate() {
                prop_assert!(e.start < e.end && e.end <= len, "{e:?}");
                let slice: String = chars[e.start..e.end].iter().collect();
                prop_assert_eq!(&slice, &e.text);
                if let Some(r) = e.refers_to {
                    prop_assert!(r < i && entities[r].kind == e.kind, "{e:?} -> {r}");
                }
                if let Some(code) = &e.code {
                    let first = code.split(' ').next().unwrap_or("");
                    prop_assert!(first.len() == 3 && first.chars().all(|c| c.is_ascii_uppercase()), "{code}");
                }
            }
        }
    }
}
