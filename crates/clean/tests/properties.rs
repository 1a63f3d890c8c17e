//! Invariants of cleaning, over generated pages mixing prose, headlines,
//! furniture, repeats and arbitrary characters.

use proptest::prelude::*;
use storyline_clean::{build_document, clean_text, spans_are_valid};
use storyline_model::RawDocument;

fn prose() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "minister",
        "said",
        "on",
        "Friday",
        "that",
        "troops",
        "had",
        "crossed",
        "into",
        "a",
        "region",
        "of",
        "about",
        "3,000",
        "people",
        "and",
        "U.S.",
        "officials",
        "were",
        "not",
        "sure",
        "Kyiv’s",
        "“firm”",
        "response",
        "Mr.",
        "Lee",
        "Nov.",
        "13",
        "it",
        "would",
        "continue",
    ]);
    (
        prop::collection::vec(words, 3..30),
        prop::sample::select(vec![".", "?", "!", "", ",", ".”", " AFP"]),
    )
        .prop_map(|(w, end)| {
            let mut s = w.join(" ");
            if let Some(first) = s.get(..1) {
                s = first.to_uppercase() + &s[1..];
            }
            s + end
        })
}

fn furniture() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Sign up now: get our newsletter",
        "Follow topic:",
        "See more on",
        "PHOTO: AFP",
        "-",
        "Politics20 hours ago",
        "World 3 days ago",
        "Next Story",
        "Top Stories",
        "• By",
        "• Reuters",
        "Published: Wed 13 Nov 2024, 6:19 PM",
        "Updated: 14 Nov 2024",
        "Fri, Dec 06, 2024 | x | 0°C",
        "date 2024-10-24 The ministry said the talks would continue next week.",
        "International",
        "By Jane Roe and John Doe",
        "Reporting by Jane Roe; Editing by John Doe",
        "13 November 2024",
        "",
    ])
    .prop_map(str::to_string)
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prose(),
        3 => furniture(),
        1 => "[a-z]{1,8}( [a-z]{1,8}){0,6}",
        1 => "\\PC{0,60}",
        1 => "[ \t\u{a0}\u{200b}]{0,4}[A-Z][a-z]{2,9}( [A-Za-z]{2,9}){1,8}[ \u{a0}]{0,3}",
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..40).prop_flat_map(|lines| {
        let n = lines.len();
        // Repeat some lines, as captions are, and join with one or two breaks.
        (
            Just(lines),
            prop::collection::vec(0..n.max(1), 0..4),
            prop::bool::ANY,
        )
            .prop_map(move |(mut lines, repeats, double)| {
                for r in repeats {
                    if let Some(l) = lines.get(r).cloned() {
                        lines.insert(r, l);
                    }
                }
                lines.join(if double { "\n\n" } else { "\n" })
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn cleaning_cleaned_text_changes_nothing(input in page()) {
        let once = clean_text(&input).text();
        let twice = clean_text(&once).text();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn every_span_stays_inside_the_text(input in page()) {
        let raw = RawDocument {
            source: "generated".into(),
            text: input,
            encoding: "UTF-8".into(),
            ..RawDocument::default()
        };
        if let Ok(doc) = build_document(raw) {
            prop_assert!(spans_are_valid(&doc));
            prop_assert!(!doc.paragraphs.is_empty());
            for &p in &doc.paragraphs {
                prop_assert!(!doc.slice(p).trim().is_empty());
            }
        }
    }
}
