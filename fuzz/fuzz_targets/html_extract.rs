//! Bytes as an HTML page: decoding, pruning, parsing, extraction and
//! cleaning must not panic, and spans stay in bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let opts = storyline_ingest::ReadOptions::default();
    let Ok(raw) = storyline_ingest::read_bytes("fuzz.html", Some("fuzz.html".into()), bytes, &opts) else {
        return;
    };
    let Ok(raw) = storyline_html::extract(raw, &Default::default()) else {
        return;
    };
    if let Ok(doc) = storyline_clean::build_document(raw) {
        assert!(storyline_clean::spans_are_valid(&doc));
    }
});
