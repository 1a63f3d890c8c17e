//! Matching fixed English phrases at the edges of a text, ignoring ASCII
//! case, without allocating.
//!
//! These run once per number found, on the text before or after it, so
//! they must not copy or lower-case that text: doing so made recognition
//! quadratic in the length of the document.

/// Where `phrase` (lower-case ASCII) ends `before`, ignoring ASCII case.
pub fn ends_with_ignore_case(before: &str, phrase: &str) -> Option<usize> {
    let start = before.len().checked_sub(phrase.len())?;
    (before.is_char_boundary(start) && before[start..].eq_ignore_ascii_case(phrase))
        .then_some(start)
}

/// Where `phrase` ends `before` as whole words: not preceded by a letter
/// or digit.
pub fn ends_with_phrase(before: &str, phrase: &str) -> Option<usize> {
    ends_with_ignore_case(before, phrase)
        .filter(|&start| !before[..start].ends_with(|c: char| c.is_alphanumeric()))
}

/// Whether `after` starts with `phrase` (lower-case ASCII), ignoring ASCII
/// case.
pub fn starts_with_ignore_case(after: &str, phrase: &str) -> bool {
    after.is_char_boundary(phrase.len().min(after.len()))
        && after.len() >= phrase.len()
        && after[..phrase.len()].eq_ignore_ascii_case(phrase)
}

/// Whether `after` starts with `phrase` as whole words: not followed by a
/// letter or digit.
pub fn starts_with_phrase(after: &str, phrase: &str) -> bool {
    starts_with_ignore_case(after, phrase)
        && !after[phrase.len()..].starts_with(|c: char| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_at_the_edges() {
        assert_eq!(ends_with_phrase("troops, More Than", "more than"), Some(8));
        assert_eq!(ends_with_phrase("furthermore than", "more than"), None);
        assert_eq!(
            ends_with_ignore_case("furthermore than", "more than"),
            Some(7)
        );
        assert_eq!(ends_with_phrase("é", "more than"), None);
        assert!(starts_with_phrase("Percent of", "percent"));
        assert!(!starts_with_phrase("percentage", "percent"));
        assert!(starts_with_ignore_case("thanks", "than"));
        assert!(!starts_with_ignore_case("th", "than"));
        assert!(!starts_with_ignore_case("tℎan", "than"));
    }
}
