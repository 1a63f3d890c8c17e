use serde::{Deserialize, Serialize};

/// A half-open range of **character** offsets (Unicode scalar values) into a
/// document's cleaned text: `start` inclusive, `end` exclusive.
///
/// Characters, not bytes, because the JSON contract promises that Python's
/// `text[start:end]` is the span. Inside Rust, convert with [`CharIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts between byte offsets (what Rust slices use) and character
/// offsets (what spans store) for one text.
///
/// Building it is linear in the text; each lookup is a binary search, so a
/// stage that makes many spans builds one index and reuses it.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every character, plus the text length at the end.
    byte_of_char: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of_char.push(text.len());
        CharIndex { byte_of_char }
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.byte_of_char.len() - 1
    }

    /// Character offset of a byte offset. A byte offset inside a character
    /// maps to that character's start.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        match self.byte_of_char.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a character offset, clamped to the text length.
    pub fn byte_of_char(&self, ch: usize) -> usize {
        self.byte_of_char[ch.min(self.char_len())]
    }

    /// The span, in characters, of a byte range.
    pub fn span_of_bytes(&self, start: usize, end: usize) -> Span {
        Span::new(self.char_of_byte(start), self.char_of_byte(end))
    }

    /// The byte range of a character span, for slicing the text.
    pub fn bytes_of_span(&self, span: Span) -> std::ops::Range<usize> {
        self.byte_of_char(span.start)..self.byte_of_char(span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_multibyte_offsets_both_ways() {
        let text = "Kyiv’s forces — 3,000 troops";
        let idx = CharIndex::new(text);
        let b = text.find("3,000").unwrap();
        let span = idx.span_of_bytes(b, b + "3,000".len());
        assert_eq!(span, Span::new(16, 21));
        assert_eq!(&text[idx.bytes_of_span(span)], "3,000");
        assert_eq!(idx.char_len(), text.chars().count());
    }
}
