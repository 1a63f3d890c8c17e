//! Raw bytes through decoding, cleaning and document assembly: nothing may
//! panic, spans stay in bounds, and cleaning is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(raw) = storyline_ingest::read_bytes(
        "fuzz",
        Some("2024-11-13_fuzz.txt".into()),
        bytes,
        &Default::default(),
    )
    else {
        return;
    };
    let once = storyline_clean::clean_text(&raw.text).text();
    assert_eq!(
        storyline_clean::clean_text(&once).text(),
        once,
        "cleaning is idempotent"
    );
    if let Ok(doc) = storyline_clean::build_document(raw) {
        assert!(storyline_clean::spans_are_valid(&doc));
    }
});
