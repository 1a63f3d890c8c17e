//! The backbone on input no article looks like: any characters, a table
//! flattened into one line, a text with no spaces, more tokens than it
//! annotates. It must finish, never panic, and return a valid annotation:
//! tokens in order inside the text, every head a token of the same
//! sentence, entity spans on token boundaries inside one sentence.

use proptest::prelude::*;
use storyline_nlp::{Annotation, Backbone, MAX_TOKENS};

fn backbone() -> &'static Backbone {
    Backbone::shared().expect("the built-in model loads")
}

fn check_invariants(text: &str, a: &Annotation) {
    let chars = text.chars().count();
    let mut last_end = 0;
    for (i, t) in a.tokens.iter().enumerate() {
        assert!(
            t.start >= last_end && t.start < t.end && t.end <= chars,
            "token {i} out of place"
        );
        last_end = t.end;
        assert!(
            t.head < a.tokens.len(),
            "token {i} has a head outside the document"
        );
        assert_eq!(
            a.tokens[t.head].sentence, t.sentence,
            "token {i}'s head is in another sentence"
        );
        if i > 0 {
            let step = t.sentence - a.tokens[i - 1].sentence;
            assert!(step <= 1, "sentence numbers skip at token {i}");
        }
        // Following heads reaches a root (a token that is its own head).
        let mut h = i;
        for _ in 0..a.tokens.len() {
            if a.tokens[h].head == h {
                break;
            }
            h = a.tokens[h].head;
        }
        assert_eq!(a.tokens[h].head, h, "a cycle above token {i}");
    }
    let mut last = 0;
    for e in &a.ner {
        assert!(
            last <= e.first_token && e.first_token < e.end_token && e.end_token <= a.tokens.len()
        );
        assert_eq!(
            (e.start, e.end),
            (a.tokens[e.first_token].start, a.tokens[e.end_token - 1].end)
        );
        assert!(!a.tokens[e.first_token].is_space());
        let sentence = a.tokens[e.first_token].sentence;
        assert!(a.tokens[e.first_token..e.end_token]
            .iter()
            .all(|t| t.sentence == sentence));
        last = e.end_token;
    }
}

fn both(text: &str) {
    for a in [
        backbone().annotate(text),
        backbone().annotate_paragraphs(text),
    ] {
        check_invariants(text, &a);
    }
}

#[test]
fn a_table_flattened_into_one_line_is_parsed_in_bounded_pieces() {
    let row = "| 2024 | 1,204 | 3.5% | up | Northern region |";
    let text = row.repeat(2_000);
    let a = backbone().annotate(&text);
    assert!(a.tokens.len() > 20_000);
    check_invariants(&text, &a);
}

#[test]
fn text_without_spaces_finishes() {
    let text = "word.".repeat(200_000);
    let started = std::time::Instant::now();
    both(&text[..100_000]);
    assert!(started.elapsed().as_secs() < 120);
}

#[test]
fn more_tokens_than_the_limit_are_cut_with_a_note_of_where() {
    let text = "Rain fell. ".repeat(MAX_TOKENS / 2);
    let a = backbone().annotate(&text);
    assert_eq!(a.tokens.len(), MAX_TOKENS);
    let at = a.truncated_at.expect("a truncation point");
    assert_eq!(at, a.tokens.last().unwrap().end + 1);
    check_invariants(&text, &a);
}

#[test]
fn empty_and_whitespace_only_texts_have_no_sentences_to_speak_of() {
    assert!(backbone().annotate("").tokens.is_empty());
    for text in [" ", "\n\n", " \t\n "] {
        both(text);
        assert!(backbone().annotate(text).ner.is_empty());
    }
}

fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Acme Corp".to_string()),
        Just(" ".to_string()),
        Just("\n\n".to_string()),
        Just("\u{0}\u{1b}\u{7f}".to_string()),
        Just("🇺🇦👩‍👩‍👧".to_string()),
        Just("Київ 東京 القاهرة".to_string()),
        Just("$4.5bn".to_string()),
        Just("U.S.".to_string()),
        Just("(e.g.".to_string()),
        Just("don't".to_string()),
        Just(":)".to_string()),
        Just("https://example.org/a?b=c".to_string()),
        "[a-zA-Z0-9.,;:'\"()\\-]{1,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_gives_a_valid_annotation(text in messy_text()) {
        both(&text);
    }
}
