//! Cutting a long document into pieces the networks process one at a time.
//! spaCy has no such step (it refuses texts over a million characters,
//! PORTING.md §7.11): it is this port's bound on memory, and a document cut
//! into pieces is where the output may differ from spaCy's.
//!
//! The parser precomputes about 5 KB of features per token, so a document
//! of millions of tokens (a flattened table, a book pasted into one file)
//! cannot be processed whole. Pieces end at a paragraph break (a whitespace
//! token holding a newline) when one lies in the second half of the window,
//! else after a sentence-final mark, else at the window's end. The encoder
//! sees four tokens either side, so a cut at a paragraph break changes
//! almost nothing; a document within the window is never cut.

use std::ops::Range;

use crate::python;
use crate::tokenizer::Token;

/// Consecutive token ranges covering `tokens`, each at most `window` long.
/// With `by_paragraph`, every line break also ends a range.
pub(crate) fn segments(
    text: &str,
    tokens: &[Token],
    window: usize,
    by_paragraph: bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    if by_paragraph {
        for (i, t) in tokens.iter().enumerate() {
            if is_line_break(&text[t.start..t.end]) {
                cut_windows(text, tokens, start..i + 1, window, &mut out);
                start = i + 1;
            }
        }
    }
    cut_windows(text, tokens, start..tokens.len(), window, &mut out);
    out
}

/// Appends consecutive ranges covering `range`, each at most `window` long.
fn cut_windows(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    window: usize,
    out: &mut Vec<Range<usize>>,
) {
    let window = window.max(1);
    let mut start = range.start;
    while start < range.end {
        let limit = (start + window).min(range.end);
        let end = if limit == range.end {
            limit
        } else {
            best_cut(text, &tokens[start..limit]).map_or(limit, |k| start + k)
        };
        out.push(start..end);
        start = end;
    }
}

/// Where to end a piece within `window` (an index one past the last token
/// kept), preferring a paragraph break, then a sentence end, in the second
/// half of the window.
fn best_cut(text: &str, window: &[Token]) -> Option<usize> {
    let half = window.len() / 2;
    let word = |i: usize| &text[window[i].start..window[i].end];
    let last = |pred: &dyn Fn(&str) -> bool| {
        (half..window.len())
            .rev()
            .find(|&i| pred(word(i)))
            .map(|i| i + 1)
    };
    last(&is_line_break).or_else(|| last(&|w| matches!(w, "." | "!" | "?")))
}

/// A whitespace token (as the tokenizer splits them) holding a newline.
fn is_line_break(word: &str) -> bool {
    word.contains('\n') && python::str_isspace(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Token> {
        // Whitespace-separated words, with newline runs as tokens, enough
        // to test the cutting without the real tokenizer.
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let boundary = c == ' ' || c == '\n';
            match (start, boundary) {
                (Some(s), true) => {
                    out.push(Token {
                        start: s,
                        end: i,
                        space_after: c == ' ',
                        norm: None,
                    });
                    start = None;
                }
                (None, false) => start = Some(i),
                _ => {}
            }
            if c == '\n' {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    space_after: false,
                    norm: None,
                });
            }
        }
        out
    }

    #[test]
    fn short_documents_are_one_segment() {
        let text = "One short line . Another one .";
        assert_eq!(
            segments(text, &toks(text), 100, false),
            vec![0..toks(text).len()]
        );
    }

    #[test]
    fn long_documents_cut_at_paragraph_breaks_then_sentence_ends() {
        let text = "a b c d e f\ng h . i j k l m n o p";
        let t = toks(text);
        let pieces = segments(text, &t, 8, false);
        assert_eq!(pieces.first().map(|r| r.start), Some(0));
        assert_eq!(pieces.last().map(|r| r.end), Some(t.len()));
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
        assert!(pieces.iter().all(|r| r.len() <= 8 && !r.is_empty()));
        // The first piece ends on the newline token.
        assert_eq!(
            &text[t[pieces[0].end - 1].start..t[pieces[0].end - 1].end],
            "\n"
        );
    }

    #[test]
    fn by_paragraph_every_line_break_ends_a_segment() {
        let text = "Headline here\nBody one . Body two .\nLast";
        let t = toks(text);
        let pieces = segments(text, &t, 100, true);
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces.last().map(|r| r.end), Some(t.len()));
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
    }
}
