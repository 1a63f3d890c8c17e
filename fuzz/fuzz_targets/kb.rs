//! The entity stage on arbitrary text, and the knowledge-base reader on
//! an arbitrary user file: neither may panic, and every entity span must
//! lie in the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storyline_kb::{annotate, Kb};
use storyline_model::Span;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Kb::load(&[("fuzz.tsv", text)]);
    let len = text.chars().count();
    let entities = annotate(Kb::builtin(), text, &[Span::new(0, len)], None, Default::default());
    for e in entities {
        assert!(e.start <= e.end && e.end <= len);
    }
});
