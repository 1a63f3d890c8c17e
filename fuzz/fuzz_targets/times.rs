//! Any text through time recognition and resolution, dated and undated:
//! no panic, spans in order inside the text, ordered intervals.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_model::Span;

fuzz_target!(|text: &str| {
    let chars = text.chars().count();
    let sentences = [Span::new(0, chars)];
    for published in [None, "2024-11-13".parse().ok()] {
        let (times, _) = storyline_time::annotate(text, &sentences, published, &Default::default());
        let mut last = 0;
        for t in &times {
            assert!(t.start >= last && t.start < t.end && t.end <= chars);
            last = t.end;
            if let [Some(a), Some(b)] = &t.interval {
                assert!(a < b);
            }
        }
    }
});
