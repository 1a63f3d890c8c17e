//! The timeline's line trimming on any text: it never panics, and a line
//! is made only of the sentence's own characters plus at most a closing
//! mark.

use proptest::prelude::*;
use storyline_story::line::readable_line;

proptest! {
    #[test]
    fn any_sentence_gives_a_line_without_panicking(
        sentence in "[A-Za-z ,.;\\-\u{2013}\u{2014}\"()0-9]{0,300}",
        a in 0usize..320,
        b in 0usize..320,
        whole in any::<bool>(),
    ) {
        let n = sentence.chars().count();
        let (start, end) = (a.min(b).min(n), a.max(b).min(n));
        let line = readable_line(&sentence, (!whole).then_some((start, end)));
        let allowed: std::collections::HashSet<char> =
            sentence.chars().chain(['.', ' ', '\u{2026}']).collect();
        prop_assert!(
            line.chars().all(|c| allowed.contains(&c) || c.is_uppercase()),
            "{line:?} from {sentence:?}"
        );
    }
}
