//! Any text through number and quantity recognition: no panic, spans on
//! character boundaries, finite values.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for q in storyline_quantity::find_quantities(text) {
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end) && q.start < q.end);
        assert!(q.value.is_none_or(f64::is_finite));
    }
    let _ = storyline_quantity::annotate(text);
});
