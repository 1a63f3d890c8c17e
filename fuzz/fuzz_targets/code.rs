//! The coding stage on arbitrary text with its parse and entities, and the
//! verb dictionary reader on an arbitrary user file: neither may panic,
//! and every event and claim span must lie in the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storyline_code::{code_sentence, Verbs};
use storyline_kb::{annotate, Kb, Parsed};
use storyline_model::Span;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Verbs::load(&[("fuzz.tsv", text)]);
    let len = text.chars().count();
    let backbone = storyline_nlp::Backbone::shared().expect("the shipped model loads");
    let parsed = backbone.annotate_paragraphs(text);
    let entities = annotate(
        Kb::builtin(),
        text,
        &[Span::new(0, len)],
        None,
        Parsed { tokens: &parsed.tokens, ner: &parsed.ner },
    );
    // With the parse and without it (the word-window fallback).
    for tokens in [&parsed.tokens[..], &[]] {
        let (claims, events) = code_sentence(Verbs::builtin(), text, &entities, tokens);
        for e in &events {
            assert!(e.start <= e.end && e.end <= len);
            assert!(e.actor_entities.iter().chain(&e.recipient_entities).all(|&i| i < entities.len()));
        }
        for c in &claims {
            assert!(c.start <= c.end && c.end <= len);
        }
    }
});
