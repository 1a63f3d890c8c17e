//! Invariants over arbitrary text: no panic, spans inside the text and on
//! character boundaries, finite values, bounds in order.

use proptest::prelude::*;
use storyline_quantity::{find_numbers, find_quantities, find_ranges};

fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "at least ",
        "more than ",
        "US$",
        "S$",
        "€",
        "£",
        "$",
        "(",
        ")",
        " million",
        " billion",
        "bn",
        "hundreds of thousands of ",
        "a dozen ",
        "three ",
        "twenty-one ",
        "and a half ",
        " troops",
        " people dead",
        "-",
        "–",
        "/",
        ".",
        ",",
        " ",
        "1",
        "23",
        "3,000",
        "4.5",
        "½",
        "% ",
        " percent",
        "between ",
        " and ",
        " to ",
        "Kyiv’s ",
        "78-year-old ",
        "F-16 ",
        "Nov 1 ",
        "6:19 ",
        "2024 ",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat()),
        "\\PC{0,80}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_and_values_are_sane(input in text()) {
        for n in find_numbers(&input) {
            prop_assert!(n.start < n.end && n.end <= input.len());
            prop_assert!(input.is_char_boundary(n.start) && input.is_char_boundary(n.end));
            prop_assert!(n.value.is_finite());
        }
        for r in find_ranges(&input) {
            prop_assert!(r.start < r.end && r.end <= input.len());
            prop_assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
        }
        for q in find_quantities(&input) {
            prop_assert!(q.start < q.end && q.end <= input.len(), "{q:?}");
            prop_assert!(input.is_char_boundary(q.start) && input.is_char_boundary(q.end));
            if let (Some(l), Some(h)) = (q.low, q.high) {
                prop_assert!(l <= h, "{q:?}");
            }
            if let Some((s, e)) = q.counted {
                prop_assert!(s < e && e <= input.len() && input.is_char_boundary(s) && input.is_char_boundary(e));
            }
        }
    }
}
