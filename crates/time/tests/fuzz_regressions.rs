//! Inputs the `times` fuzz target found, kept so they stay fixed: every
//! resolved interval is non-empty, dated or not.

use storyline_model::Span;

fn check(text: &str) {
    let chars = text.chars().count();
    let sentences = [Span::new(0, chars)];
    for published in [None, "2024-11-13".parse().ok()] {
        let (times, _) = storyline_time::annotate(text, &sentences, published, &Default::default());
        for t in &times {
            if let [Some(a), Some(b)] = &t.interval {
                assert!(
                    a < b,
                    "{:?} {} {:?} (published {published:?})",
                    t.text,
                    t.value,
                    t.interval
                );
            }
        }
    }
}

#[test]
fn an_interval_that_ends_before_it_starts() {
    let bytes = include_bytes!("fuzz/empty-interval.txt");
    check(&String::from_utf8_lossy(bytes));
}
