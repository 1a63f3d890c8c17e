//! Invariants of recognition and resolution on arbitrary text.

use proptest::prelude::*;
use storyline_model::Span;
use storyline_time::{annotate, Options};

/// Text made of date words, numbers and punctuation, so that the grammar
/// actually fires.
fn newsish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "on", "Friday", "Nov", "1", "2024", "since", "early", "mid", "-", "to", "October", "the",
        "past", "week", "between", "now", "and", "January", "20", ",", ".", "/", "12", "31", "ago",
        "two", "weeks", "by", "May", "é", "3pm", "at", "next", "month", "in", "1990s", "every",
        "day", "'",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn spans_are_in_order_inside_the_text_and_intervals_are_ordered(text in newsish(), pub_day in 1u32..28) {
        let chars = text.chars().count();
        let sentences = [Span::new(0, chars)];
        let published = format!("2024-03-{pub_day:02}").parse().ok();
        let (times, dates) = annotate(&text, &sentences, published, &Options::default());
        let mut last_end = 0;
        for t in &times {
            prop_assert!(t.start < t.end && t.end <= chars);
            prop_assert!(t.start >= last_end);
            last_end = t.end;
            let slice: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            prop_assert_eq!(&slice, &t.text);
            if let [Some(a), Some(b)] = &t.interval {
                prop_assert!(a < b, "{:?}", t);
            }
        }
        for d in &dates {
            if let Some(i) = d.refers_to {
                prop_assert!(i < times.len());
            }
        }
    }

    #[test]
    fn without_a_publication_date_only_dates_in_the_text_anchor(text in newsish()) {
        let sentences = [Span::new(0, text.chars().count())];
        let (times, _) = annotate(&text, &sentences, None, &Options::default());
        for t in &times {
            // A relative expression may lean on a date the text named
            // ("12 May 2024. At 3pm ..."), never on an invented one.
            prop_assert!(t.anchor.is_none() || t.anchor_from.as_deref() == Some("discourse"), "{:?}", t);
        }
    }
}
