//! Tokens of a sentence with char offsets into the document text: words
//! (with inner apostrophes, hyphens and abbreviation dots) and single
//! punctuation marks.

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub text: String,
    pub lower: String,
    pub start: usize,
    pub end: usize,
    /// Punctuation that ends a phrase: , ; : ( ) and quotation marks.
    pub is_boundary: bool,
    pub is_quote: bool,
}

/// Tokens of `chars[start..end]`, offsets in `chars`.
pub fn tokenize(chars: &[char], start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let s = i;
            while i < end {
                let c = chars[i];
                let inner = matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',')
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                    && i + 1 < end
                    // A comma joins only digits ("3,000"); a dot only
                    // abbreviations and decimals.
                    && (c != ',' || (chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit()))
                    && (c != '.' || chars[i - 1].is_ascii_digit() || i - s == 1 || chars.get(i.wrapping_sub(2)) == Some(&'.'));
                if c.is_alphanumeric() || inner {
                    i += 1;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final dot.
            if i < end && chars[i] == '.' && i >= 2 && chars[i - 2] == '.' {
                i += 1;
            }
            let text: String = chars[s..i].iter().collect();
            let lower = text.to_lowercase().replace('\u{2019}', "'");
            out.push(Token {
                text,
                lower,
                start: s,
                end: i,
                is_boundary: false,
                is_quote: false,
            });
            continue;
        }
        let is_quote = matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '`')
            || (c == '\'' && (i == start || !chars[i - 1].is_alphanumeric()));
        let is_boundary =
            is_quote || matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}');
        out.push(Token {
            text: c.to_string(),
            lower: c.to_string(),
            start: i,
            end: i + 1,
            is_boundary,
            is_quote,
        });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_marks() {
        let s: Vec<char> = "The U.S. sent 3,000 troops, officials said: \u{201C}now\u{201D}."
            .chars()
            .collect();
        let t: Vec<String> = tokenize(&s, 0, s.len())
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            [
                "The",
                "U.S.",
                "sent",
                "3,000",
                "troops",
                ",",
                "officials",
                "said",
                ":",
                "\u{201C}",
                "now",
                "\u{201D}",
                "."
            ]
        );
    }
}
