//! Any text through the backbone's tokenizer: no panic, tokens in order,
//! on character boundaries, and together with the single spaces after them
//! covering the text exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use storyline_nlp::tokenizer::Tokenizer;

fn tokenizer() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(|| {
        Tokenizer::from_bytes(storyline_nlp::files::TOKENIZER.1).expect("the built-in tokenizer")
    })
}

fuzz_target!(|text: &str| {
    let mut at = 0;
    for t in tokenizer().tokenize(text) {
        assert_eq!(t.start, at, "a gap or overlap before a token");
        assert!(t.start < t.end && text.is_char_boundary(t.end));
        at = t.end + usize::from(t.space_after);
        if t.space_after {
            assert_eq!(&text[t.end..at], " ");
        }
    }
    assert_eq!(at, text.len());
});
