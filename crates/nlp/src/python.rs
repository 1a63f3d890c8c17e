//! Python's `str` semantics, which spaCy's tokenizer, lexical attributes,
//! attribute ruler and lemmatizer use (PORTING.md §2 "Pitfalls", §3, §5,
//! §7.3), from tables exported from Python 3.11 (Unicode 14) by
//! `scripts/nlp/export_tables.py` (see `data/README.md`).
//!
//! Python's answers differ from Rust's standard library: Python counts
//! U+001C–U+001F as whitespace, counts `²` as a digit, lower-cases `İ` to two
//! characters and follows an older Unicode version. Every predicate here
//! answers exactly as Python does; the stages that must match spaCy ask
//! these questions here and nowhere else.

include!("../data/py_unicode_tables.rs");

// The tables must be Python 3.11's (the Python spaCy ran under when the
// golden annotations were made); regenerating them with another Python
// changes tokens and shapes on newly assigned characters.
const _: () = assert!(
    matches!(UNICODE_VERSION.as_bytes(), b"14.0.0"),
    "data/py_unicode_tables.rs is not Python 3.11's (Unicode 14.0.0)"
);

/// The capital sigma, whose lower case depends on its neighbours.
const CAPITAL_SIGMA: char = '\u{3a3}';

/// Whether `c` lies in one of the sorted, disjoint inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let cp = u32::from(c);
    let i = ranges.partition_point(|&(_, last)| last < cp);
    ranges.get(i).is_some_and(|&(first, _)| first <= cp)
}

/// Python `ch.isspace()`.
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        // ASCII whitespace in Python also includes the four information
        // separators U+001C–U+001F.
        return matches!(c, ' ' | '\t'..='\r' | '\u{1c}'..='\u{1f}');
    }
    in_ranges(SPACE, c)
}

/// Python `ch.isalpha()`: general categories L*.
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(ALPHA, c)
}

/// Python `ch.isdigit()`: decimal digits and other digits such as `²`.
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(DIGIT, c)
}

/// Python `ch.isupper()` for one character.
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(UPPER, c)
}

/// Python `text.isspace()`: true for a non-empty text of whitespace only.
pub(crate) fn str_isspace(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_space)
}

/// Python `text.isalpha()`: true for a non-empty text of letters (L*) only.
pub(crate) fn str_isalpha(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_alpha)
}

/// Python's lower case of one character, if it differs from the character.
/// A capital sigma maps to the non-final form here; [`lower`] decides.
fn lower_char(c: char) -> Option<&'static str> {
    let cp = u32::from(c);
    LOWER
        .binary_search_by_key(&cp, |&(from, _)| from)
        .ok()
        .map(|i| LOWER[i].1)
}

/// Whether Python's `s.lower()` would return `s` unchanged.
pub(crate) fn is_lower_fixed_point(s: &str) -> bool {
    s.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            lower_char(c).is_none()
        }
    })
}

/// Python `s.lower()`: the full mapping (`İ` gives two characters) and the
/// final sigma rule.
pub(crate) fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == CAPITAL_SIGMA {
            let final_form = is_final_sigma(&s[..i], &s[i + c.len_utf8()..]);
            out.push(if final_form { '\u{3c2}' } else { '\u{3c3}' });
        } else if let Some(low) = lower_char(c) {
            out.push_str(low);
        } else {
            out.push(c);
        }
    }
    out
}

/// Python's final-sigma context: a cased letter before the sigma (skipping
/// case-ignorable characters) and no cased letter after it (skipping them
/// too). Each scan stops at the first character that is not
/// case-ignorable, so a whole string costs linear time.
fn is_final_sigma(before: &str, after: &str) -> bool {
    let is_ignorable = |c: &char| in_ranges(CASE_IGNORABLE, *c);
    let cased_before = before
        .chars()
        .rev()
        .find(|c| !is_ignorable(c))
        .is_some_and(|c| in_ranges(CASED, c));
    if !cased_before {
        return false;
    }
    !after
        .chars()
        .find(|c| !is_ignorable(c))
        .is_some_and(|c| in_ranges(CASED, c))
}

/// Which Python `re` class a pattern escape stands for (used by the test
/// that compares `pyre` with `fancy-regex`).
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReClass {
    /// `\w`: `str.isalnum()` or `_`.
    Word,
    /// `\d`: `str.isdecimal()`.
    Decimal,
    /// `\s`: `str.isspace()`.
    Space,
}

/// The body of a regex character class (without brackets) listing the code
/// points of `class`, in the `\x{..}` syntax the `regex` crate understands.
#[cfg(test)]
pub(crate) fn class_body(class: ReClass) -> String {
    let table = match class {
        ReClass::Word => WORD,
        ReClass::Decimal => DECIMAL,
        ReClass::Space => SPACE,
    };
    let mut out = String::with_capacity(table.len() * 20);
    for &(first, last) in table {
        if first == last {
            out.push_str(&format!("\\x{{{first:X}}}"));
        } else {
            out.push_str(&format!("\\x{{{first:X}}}-\\x{{{last:X}}}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for table in [
            SPACE,
            ALPHA,
            DIGIT,
            DECIMAL,
            WORD,
            UPPER,
            CASED,
            CASE_IGNORABLE,
        ] {
            for pair in table.windows(2) {
                assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0);
            }
        }
        assert!(LOWER.windows(2).all(|p| p[0].0 < p[1].0));
        assert_eq!(UNICODE_VERSION, "14.0.0");
    }

    // Expected values from Python 3.11 (`str` methods).
    #[test]
    fn predicates_follow_python() {
        for c in [
            '\u{1c}', '\u{1f}', '\u{85}', '\u{a0}', '\u{2028}', '\u{3000}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        for c in ['\u{200b}', '\u{180e}', 'a'] {
            assert!(!is_space(c), "{c:?}");
        }
        assert!(is_digit('²') && is_digit('①') && !is_digit('½'));
        assert!(is_alpha('ß') && is_alpha('ª') && is_alpha('中') && !is_alpha('\u{301}'));
        assert!(is_upper('Σ'));
        assert!(!is_upper('ǅ'), "Python: 'ǅ'.isupper() is False");
        assert!(!is_alpha('²') && !is_alpha('_'));
    }

    // Expected values from Python 3.11 (`str` methods on whole strings).
    #[test]
    fn string_predicates_follow_python() {
        assert!(str_isspace(" \n\u{1c}\u{3000}"));
        assert!(!str_isspace(""));
        assert!(!str_isspace(" a"));
        assert!(str_isalpha("naïve"));
        assert!(
            !str_isalpha("e\u{301}"),
            "a combining mark is not alphabetic in Python"
        );
        assert!(!str_isalpha(""));
        assert!(!str_isalpha("1990"));
        assert!(!str_isalpha("don't"));
    }

    // Expected values from Python 3.11 `str.lower()`.
    #[test]
    fn lower_follows_python() {
        let cases = [
            ("İstanbul", "i\u{307}stanbul"),
            ("ΟΔΟΣ", "οδος"),
            ("ΟΔΟΣ.", "οδος."),
            ("Σ", "σ"),
            ("ΑΣ'Α", "ασ'α"),
            ("Α'Σ", "α'ς"),
            ("ǅ", "ǆ"),
            ("ẞ", "ß"),
            ("Ⅻ", "ⅻ"),
            ("ΟΔΟΣ İ", "οδος i\u{307}"),
            ("ΣΟΦΟΣ", "σοφος"),
        ];
        for (text, expected) in cases {
            assert_eq!(lower(text), expected, "{text}");
        }
        assert!(is_lower_fixed_point("straße"));
        assert!(!is_lower_fixed_point("Straße"));
    }
}
