//! The matching form of text: lower case, no diacritics, no dots inside
//! abbreviations, one kind of apostrophe, hyphens as spaces. Names in the
//! knowledge base and the article are both folded, so "U.S." meets "US",
//! "Zelenskyy" meets itself in any case, and "Wŏnsan" meets "Wonsan".

/// Folded text and, for every byte of it, the character of the original
/// text it came from.
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the char index in the original text of folded byte
    /// `i`; one extra entry maps the end.
    pub origin: Vec<usize>,
}

/// Folds a name or an article.
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    let chars = fold_into(text, &mut out, |added, at| {
        origin.extend(std::iter::repeat_n(at, added));
    });
    origin.push(chars);
    Folded { text: out, origin }
}

/// Folds `text` onto `out`, telling `origin` how many bytes each char of
/// the original (by char index) added; returns the number of chars read.
/// Names are folded by the hundred thousand when the knowledge base
/// loads, so the origin map is built only for the article, which needs it.
fn fold_into(text: &str, out: &mut String, mut origin: impl FnMut(usize, usize)) -> usize {
    let mut run = 0usize; // length of the alphanumeric run before this char
    let mut prev: Option<char> = None;
    let mut chars = 0;
    for (i, c) in text.chars().enumerate() {
        chars = i + 1;
        let before = prev.replace(c);
        if c == '.' {
            // A dot after a single letter is part of an abbreviation
            // ("U.S.", "D.P.R.K."): it is dropped, so the letters join.
            if run == 1 && before.is_some_and(|p| p.is_alphabetic()) {
                run = 0;
                continue;
            }
            push(out, &mut origin, '.', i);
            run = 0;
            continue;
        }
        if c.is_alphanumeric() {
            let start = out.len();
            fold_char(c, out);
            origin(out.len() - start, i);
            // Letters joined across a dropped dot count as one run only
            // for the dot rule, which looks at the single letter before.
            run = if before == Some('.') && run == 0 {
                1
            } else {
                run + 1
            };
            continue;
        }
        run = 0;
        let mapped = match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' => '\'',
            '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        // Runs of spaces fold to one, so "Kim  Jong Un" still matches.
        if mapped == ' ' && out.ends_with(' ') {
            continue;
        }
        push(out, &mut origin, mapped, i);
    }
    chars
}

fn push(out: &mut String, origin: &mut impl FnMut(usize, usize), c: char, at: usize) {
    out.push(c);
    origin(c.len_utf8(), at);
}

/// Lower case without diacritics, for the Latin letters names use.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'Ǎ' | 'ǎ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "e"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï'
        | 'ì'..='ï'
        | 'Ĩ'
        | 'ĩ'
        | 'Ī'
        | 'ī'
        | 'Ĭ'
        | 'ĭ'
        | 'Į'
        | 'į'
        | 'İ'
        | 'ı'
        | 'Ǐ'
        | 'ǐ' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' | 'Ǒ' | 'ǒ' => {
            "o"
        }
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "t",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų'
        | 'Ǔ'
        | 'ǔ' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        'Þ' | 'þ' => "th",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(base);
}

/// The folded form of a name on its own.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out, |_, _| {});
    let kept = out.trim().trim_end_matches('.');
    if kept.len() == out.len() {
        out
    } else {
        kept.to_string()
    }
}

/// The token a folded name or text begins with: its first run of letters
/// and digits, or its first character when that is neither. A name
/// matches only where the text's first token is the name's, since a name
/// ends at a word boundary.
pub(crate) fn first_token(text: &str) -> &str {
    let mut chars = text.char_indices();
    match chars.next() {
        None => text,
        Some((_, c)) if !c.is_alphanumeric() => &text[..c.len_utf8()],
        Some(_) => {
            let end = chars
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(text.len(), |(i, _)| i);
            &text[..end]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_joins_the_spellings_news_uses() {
        for (a, b) in [
            ("U.S.", "US"),
            ("U.N. Security Council", "UN Security Council"),
            ("Wŏnsan", "Wonsan"),
            ("Kim Jong-un", "Kim Jong Un"),
            ("Zelenskyy", "ZELENSKYY"),
            ("Nato", "NATO"),
            ("Volker Türk", "Volker Turk"),
            ("D.P.R.K.", "DPRK"),
        ] {
            assert_eq!(fold_name(a), fold_name(b), "{a} vs {b}");
        }
    }

    #[test]
    fn a_sentence_end_keeps_its_dot() {
        assert_eq!(fold("It met Moscow.").text, "it met moscow.");
    }

    #[test]
    fn origin_maps_every_byte_back() {
        let f = fold("Wŏnsan, U.S. ß");
        assert_eq!(f.origin.len(), f.text.len() + 1);
        assert_eq!(f.text, "wonsan, us ss");
        // "us" starts at char 8 ("U") of the original.
        assert_eq!(f.origin[8], 8);
        assert_eq!(f.origin[9], 10);
    }
}
