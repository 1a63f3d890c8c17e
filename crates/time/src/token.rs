//! Splitting text into the tokens the time grammar reads: words, digit
//! runs and single punctuation marks, each with its byte range and whether
//! whitespace comes before it.

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An alphabetic run, lower-cased.
    Word(String),
    /// A run of ASCII digits. `value` is `None` when the run is too long
    /// to be any part of a date or time, so no rule can use it.
    Num { value: Option<u32>, digits: usize },
    /// Any other visible character.
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whitespace separates this token from the one before it (or it is
    /// the first token).
    pub spaced: bool,
}

impl Token {
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn num(&self) -> Option<u32> {
        match self.kind {
            Kind::Num { value, .. } => value,
            _ => None,
        }
    }

    pub fn digits(&self) -> usize {
        match self.kind {
            Kind::Num { digits, .. } => digits,
            _ => 0,
        }
    }

    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Tokens of `text`. Letters and digits written together ("21st", "3pm",
/// "G20") become separate tokens with `spaced` false, so rules can accept
/// the glued forms they expect and refuse the rest.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut spaced = true;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            spaced = true;
            chars.next();
            continue;
        }
        let class = class_of(c);
        let mut end = start;
        while let Some(&(i, d)) = chars.peek() {
            if class_of(d) != class || class == Class::Other {
                if class == Class::Other && i == start {
                    end = i + d.len_utf8();
                    chars.next();
                }
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        let piece = &text[start..end];
        let kind = match class {
            Class::Letter => Kind::Word(piece.to_lowercase()),
            Class::Digit => Kind::Num {
                // Nine digits is the longest run any rule reads (a
                // compact date with a time); longer runs are never dates.
                value: if piece.len() <= 9 {
                    piece.parse().ok()
                } else {
                    None
                },
                digits: piece.len(),
            },
            Class::Other => Kind::Punct(c),
        };
        out.push(Token {
            kind,
            start,
            end,
            spaced,
        });
        spaced = false;
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Other,
}

fn class_of(c: char) -> Class {
    if c.is_ascii_digit() {
        Class::Digit
    } else if c.is_alphabetic() {
        Class::Letter
    } else {
        Class::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_letters_and_digits_split_without_space() {
        let t = tokenize("on 21st, G20 at 3pm");
        let kinds: Vec<_> = t.iter().map(|t| (t.kind.clone(), t.spaced)).collect();
        assert_eq!(
            kinds[1].0,
            Kind::Num {
                value: Some(21),
                digits: 2
            }
        );
        assert_eq!(kinds[2], (Kind::Word("st".into()), false));
        assert_eq!(kinds[3], (Kind::Punct(','), false));
        assert_eq!(
            kinds[5],
            (
                Kind::Num {
                    value: Some(20),
                    digits: 2
                },
                false
            )
        );
    }

    #[test]
    fn long_digit_runs_have_no_value() {
        let t = tokenize("12345678901234567890");
        assert_eq!(t[0].num(), None);
        assert_eq!(t[0].digits(), 20);
    }
}
