//! Invariants of the coding stage on any text: spans in the text, entity
//! indices valid, categories from the sixteen, statuses from the six, and
//! no future or hypothetical event reported as having happened.

use proptest::prelude::*;
use storyline_code::{code_sentence, Verbs, CATEGORIES};
use storyline_kb::{annotate, Kb};
use storyline_model::Span;

fn pieces() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Russia ",
        "Ukraine ",
        "will ",
        "could ",
        "not ",
        "attacked ",
        "provide ",
        "aid ",
        "to ",
        "said ",
        "that ",
        "if ",
        "unless ",
        "was ",
        "by ",
        "and ",
        "North Korean troops ",
        "\u{201C}",
        "\u{201D}",
        ", ",
        "according to ",
        "officials ",
        "must ",
        "sanctions ",
        "impose ",
        ". ",
        "could not be independently verified ",
        "claimed ",
        "3,000 ",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn events_and_claims_are_sound(text in pieces(), any in ".{0,200}") {
        for text in [text, any] {
            let len = text.chars().count();
            let entities = annotate(Kb::builtin(), &text, &[Span::new(0, len)], None, Default::default());
            let (claims, events) = code_sentence(Verbs::builtin(), &text, &entities);
            for e in &events {
                prop_assert!(e.start < e.end && e.end <= len, "{e:?}");
                prop_assert!(CATEGORIES.contains(&e.category.as_str()), "{}", e.category);
                prop_assert!(["happened", "ongoing", "future", "announced", "hypothetical", "negated"].contains(&e.status.as_str()));
                prop_assert!(e.actor_entities.iter().chain(&e.recipient_entities).all(|&i| i < entities.len()));
                // An event right after "will" or "could" is never reported
                // as having happened.
                let before: String = text.chars().take(e.start).collect();
                let previous = before.split_whitespace().last().unwrap_or("").to_lowercase();
                if matches!(previous.as_str(), "will" | "could") {
                    prop_assert!(e.status != "happened", "{e:?}");
                }
            }
            for c in &claims {
                prop_assert!(c.start <= c.end && c.end <= len, "{c:?}");
            }
        }
    }
}
