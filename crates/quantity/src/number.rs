//! Finding numbers: digit literals (with grouping, decimals, exponents,
//! fractions and scale suffixes) and number words (cardinals, scales,
//! dozens, fractions, "point", "over"), with a sign word or a minus.

use crate::words::{cardinal, denominator, digit_suffix, ordinal_unit, scale};
use regex::Regex;
use std::sync::LazyLock;

/// What kind of number a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Integer,
    Decimal,
    Fraction,
    Power,
}

impl NumberKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            NumberKind::Integer => "integer",
            NumberKind::Decimal => "decimal",
            NumberKind::Fraction => "fraction",
            NumberKind::Power => "power",
        }
    }
}

/// A number in a text: byte range, value and kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMatch {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: NumberKind,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    /// A digit literal, already valued.
    Num(f64, NumberKind),
    Sym(char),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

impl Token {
    fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    fn is_sym(&self, c: char) -> bool {
        self.tok == Tok::Sym(c)
    }
}

/// Web addresses: the digits in them are not numbers.
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)\S+").unwrap());

/// Every number in `text`, in order, not overlapping.
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let tokens = tokenize(text);
    let urls: Vec<(usize, usize)> = URL.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match parse_number(text, &tokens, i) {
            Some((next, m)) if m.value.is_finite() => {
                if !urls.iter().any(|&(s, e)| s <= m.start && m.end <= e) {
                    out.push(m);
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
        } else if c.is_ascii_digit()
            || (c == '.'
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && !text[..i].ends_with(|p: char| p.is_ascii_digit()))
        {
            // Digits glued to letters are part of a word or code ("F16"),
            // except after a currency code ("USD115").
            let preceded_by_alnum = text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric())
                && !crate::currency::glued_before(&text[..i]);
            match digit_literal(text, i) {
                Some((end, value, kind)) if !preceded_by_alnum => {
                    tokens.push(Token {
                        tok: Tok::Num(value, kind),
                        start: i,
                        end,
                    });
                    i = end;
                }
                _ => {
                    // Part of a word or a code ("29km", "4th", "F16"): skip
                    // the whole alphanumeric run.
                    let run = text[i..]
                        .char_indices()
                        .find(|(p, c)| *p > 0 && !c.is_alphanumeric())
                        .map_or(text.len(), |(p, _)| i + p);
                    i = run.max(i + len);
                }
            }
        } else if let Some(v) = vulgar_fraction(c) {
            tokens.push(Token {
                tok: Tok::Num(v, NumberKind::Fraction),
                start: i,
                end: i + len,
            });
            i += len;
        } else if is_word_char(c) {
            let end = text[i..]
                .char_indices()
                .find(|(_, c)| !is_word_char(*c))
                .map_or(text.len(), |(p, _)| i + p);
            // A word glued to digits after it ("F16") is a code, not a word.
            tokens.push(Token {
                tok: Tok::Word(text[i..end].to_lowercase()),
                start: i,
                end,
            });
            i = end;
        } else {
            tokens.push(Token {
                tok: Tok::Sym(c),
                start: i,
                end: i + len,
            });
            i += len;
        }
    }
    tokens
}

/// Single-character fractions: ½, ⅔, ¾ and the rest of Unicode's set.
fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        '⅑' => 1.0 / 9.0,
        '⅒' => 1.0 / 10.0,
        _ => return None,
    })
}

fn digits_at(text: &str, i: usize) -> usize {
    text[i..].bytes().take_while(u8::is_ascii_digit).count()
}

/// Reads a digit literal at `i`: returns its end, value and kind.
fn digit_literal(text: &str, i: usize) -> Option<(usize, f64, NumberKind)> {
    let b = text.as_bytes();
    let mut end = i + digits_at(text, i);
    let first_len = end - i;
    let mut integer: String = text[i..end].to_string();
    // Thousands grouping: "1,234,567", Indian "12,34,567", spaced "1 234 567".
    if first_len > 0 && first_len <= 3 {
        let mut j = end;
        let mut groups = Vec::new();
        let mut sep = None;
        while let Some(c) = text[j..].chars().next() {
            if !matches!(c, ',' | ' ' | '\u{202f}' | '\u{a0}') || sep.is_some_and(|s| s != c) {
                break;
            }
            let k = j + c.len_utf8();
            let n = digits_at(text, k);
            let ok_len = n == 3 || (c == ',' && n == 2);
            if !ok_len {
                break;
            }
            groups.push((k, n));
            sep = Some(c);
            j = k + n;
        }
        // The last group has three digits; two-digit groups only with commas
        // (the Indian system) and only before it.
        while groups.last().is_some_and(|g| g.1 != 3) {
            groups.pop();
        }
        if !groups.is_empty() {
            for &(k, n) in &groups {
                integer.push_str(&text[k..k + n]);
            }
            end = groups.last().map_or(end, |&(k, n)| k + n);
        }
    }
    let mut kind = NumberKind::Integer;
    let mut number = integer.clone();
    // Decimals, unless the number sits in a run of dotted groups (an IP
    // address, a version).
    let after_dotted_group = text[..i]
        .strip_suffix('.')
        .is_some_and(|p| p.ends_with(|c: char| c.is_ascii_digit()));
    if !after_dotted_group
        && b.get(end) == Some(&b'.')
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        let n = digits_at(text, end + 1);
        let after = end + 1 + n;
        let dotted_again =
            b.get(after) == Some(&b'.') && b.get(after + 1).is_some_and(u8::is_ascii_digit);
        if !dotted_again {
            number = format!(
                "{}.{}",
                if integer.is_empty() { "0" } else { &integer },
                &text[end + 1..after]
            );
            kind = NumberKind::Decimal;
            end = after;
        }
    }
    if number.is_empty() {
        return None;
    }
    let mut value: f64 = number.parse().ok()?;
    // Exponents: "1e10", "12.32e+14", "1.1^23", "1.3x10^6".
    let times_ten = ["x10^", "×10^", "*10^"]
        .iter()
        .find(|p| text[end..].starts_with(**p));
    if let Some(prefix) = times_ten {
        let mut k = end + prefix.len();
        let negative = b.get(k) == Some(&b'-');
        if matches!(b.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        let n = digits_at(text, k);
        if n > 0 {
            let exp: i32 = text[k..k + n].parse().ok()?;
            value *= 10f64.powi(if negative { -exp } else { exp });
            kind = NumberKind::Power;
            end = k + n;
        }
    } else if matches!(b.get(end), Some(b'e' | b'E')) {
        let mut k = end + 1;
        if matches!(b.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        let n = digits_at(text, k);
        if n > 0 {
            let exp: i32 = text[end + 1..k + n].trim_start_matches('+').parse().ok()?;
            value *= 10f64.powi(exp);
            kind = NumberKind::Power;
            end = k + n;
        }
    } else if b.get(end) == Some(&b'^') {
        let mut k = end + 1;
        let mut negative = false;
        while matches!(b.get(k), Some(b'+' | b'-')) {
            negative ^= b[k] == b'-';
            k += 1;
        }
        let n = digits_at(text, k);
        if n > 0 {
            let exp: f64 = text[k..k + n].parse().ok()?;
            value = value.powf(if negative { -exp } else { exp });
            kind = NumberKind::Power;
            end = k + n;
        }
    }
    // Fractions: "3/4", and mixed "2 1/4", but not dates ("5/17/2018").
    if kind == NumberKind::Integer {
        if let Some((frac_end, frac)) = simple_fraction(text, i, end) {
            return finish(text, frac_end, frac, NumberKind::Fraction);
        }
        let k = end + text[end..].bytes().take_while(|c| *c == b' ').count();
        if k > end {
            let num_len = digits_at(text, k);
            if num_len > 0 && num_len <= 3 {
                if let Some((frac_end, frac)) = simple_fraction(text, k, k + num_len) {
                    return finish(text, frac_end, value + frac, NumberKind::Fraction);
                }
            }
        }
    }
    // Scale suffixes: "10k", "1.2b", "- 10  k", "10 bln".
    if matches!(kind, NumberKind::Integer | NumberKind::Decimal) {
        let k = end + text[end..].bytes().take_while(|c| *c == b' ').count();
        let n = text[k..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let follows_ok = text[k + n..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if n > 0 && n <= 3 && follows_ok {
            let suffix = text[k..k + n].to_lowercase();
            if let Some(mult) = digit_suffix(&suffix) {
                let scaled = value * mult;
                let kind = if scaled.fract() == 0.0 {
                    NumberKind::Integer
                } else {
                    NumberKind::Decimal
                };
                return finish(text, k + n, scaled, kind);
            }
        }
    }
    finish(text, end, value, kind)
}

/// `numerator/denominator` starting at `start` with the numerator ending
/// at `num_end`: small parts only, and not followed by another slash.
fn simple_fraction(text: &str, start: usize, num_end: usize) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    if b.get(num_end) != Some(&b'/') || num_end - start > 3 {
        return None;
    }
    let n = digits_at(text, num_end + 1);
    if n == 0 || n > 3 || b.get(num_end + 1 + n) == Some(&b'/') {
        return None;
    }
    let num: f64 = text[start..num_end].parse().ok()?;
    let den: f64 = text[num_end + 1..num_end + 1 + n].parse().ok()?;
    (den != 0.0).then_some((num_end + 1 + n, num / den))
}

/// A literal must not run into letters or digits ("180ml", "4th").
fn finish(
    text: &str,
    end: usize,
    value: f64,
    kind: NumberKind,
) -> Option<(usize, f64, NumberKind)> {
    match text[end..].chars().next() {
        Some(c) if c.is_alphanumeric() && !crate::currency::glued_after(&text[end..]) => None,
        _ => value.is_finite().then_some((end, value, kind)),
    }
}

/// Words that make a following "one" a pronoun: "the one you mentioned".
fn determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "this" | "that" | "which" | "each" | "every" | "any" | "no" | "someone" | "anyone"
    )
}

/// Parses the number starting at token `i`, returning the index after it.
fn parse_number(text: &str, t: &[Token], i: usize) -> Option<(usize, NumberMatch)> {
    let mut j = i;
    let mut negative = false;
    // A sign: "minus", "negative", or "-" not glued to a word before it.
    if let Some(w) = t[j].word() {
        if (w == "minus" || w == "negative") && j + 1 < t.len() {
            negative = true;
            j += 1;
        }
    } else if t[j].is_sym('-') && j + 1 < t.len() && matches!(t[j + 1].tok, Tok::Num(..)) {
        let glued = text[..t[j].start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        // Between two numbers a dash joins them ("1000 - 5000"): no sign.
        let after_number = j > 0 && matches!(t[j - 1].tok, Tok::Num(..));
        if !glued && !after_number {
            negative = true;
            j += 1;
        }
    }
    let (end, value, kind) = parse_unsigned(t, j)?;
    if negative && j > i && end == j {
        return None;
    }
    // "one" after a determiner is a pronoun.
    if end == j + 1
        && t[j].word() == Some("one")
        && i > 0
        && t[i - 1].word().is_some_and(determiner)
    {
        return None;
    }
    let value = if negative { -value } else { value };
    Some((
        end,
        NumberMatch {
            start: t[i].start,
            end: t[end - 1].end,
            value,
            kind,
        },
    ))
}

/// An integer read from words (and digits with scale words).
#[derive(Debug, Clone, Copy)]
struct Words {
    /// The token index after it.
    end: usize,
    value: f64,
    /// The value before its last "and", when it has one: in "one hundred
    /// and three quarters" the fraction is what follows the "and".
    before_and: Option<f64>,
    /// The scale word it ends with, or that ends the part before its last
    /// "and" ("two million and a half" is two and a half million).
    scale: Option<f64>,
}

/// An integer in words (and digits with scale words), from token `i`.
fn integer_words(t: &[Token], i: usize) -> Option<Words> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut last: Option<&str> = None; // "unit", "teen", "tens", "hundred", "scale", "num"
    let mut largest_scale = f64::INFINITY;
    let mut last_scale = None;
    let mut before_and = None;
    let mut and_scale = None;
    let mut hundred_in_segment = false;
    let mut consumed = i;
    while j < t.len() {
        match &t[j].tok {
            Tok::Word(w) => {
                if let Some(v) = cardinal(w) {
                    let v = v as f64;
                    let kind = if v >= 20.0 {
                        "tens"
                    } else if v >= 10.0 {
                        "teen"
                    } else {
                        "unit"
                    };
                    let fits = match last {
                        None | Some("hundred") | Some("scale") => true,
                        Some("tens") => kind == "unit" && v > 0.0,
                        _ => false,
                    };
                    if !fits {
                        break;
                    }
                    current += v;
                    last = Some(kind);
                    j += 1;
                    consumed = j;
                } else if w == "hundred" || w == "hundreds" {
                    if matches!(last, Some("hundred") | None)
                        || hundred_in_segment
                        || (current >= 100.0 && last != Some("num"))
                    {
                        break;
                    }
                    current *= 100.0;
                    hundred_in_segment = true;
                    last = Some("hundred");
                    last_scale = None;
                    j += 1;
                    consumed = j;
                } else if let Some(s) = scale(w) {
                    if last.is_none() {
                        break;
                    }
                    if current == 0.0 && s > largest_scale {
                        // "three lakh crore": a larger scale multiplies all.
                        total *= s;
                    } else {
                        if s >= largest_scale {
                            break;
                        }
                        total += current * s;
                        largest_scale = s;
                    }
                    current = 0.0;
                    hundred_in_segment = false;
                    last = Some("scale");
                    last_scale = Some(s);
                    j += 1;
                    consumed = j;
                } else if w == "and" && matches!(last, Some("hundred") | Some("scale")) {
                    // Only when a number follows.
                    let next_is_number = t.get(j + 1).is_some_and(|n| {
                        matches!(n.tok, Tok::Num(_, NumberKind::Integer))
                            || n.word().is_some_and(|w| cardinal(w).is_some())
                    });
                    if !next_is_number {
                        break;
                    }
                    before_and = Some(total + current);
                    and_scale = last_scale;
                    j += 1;
                } else if (w == "a" || w == "an") && last.is_none() {
                    // "a hundred", "a thousand".
                    let next = t.get(j + 1).and_then(Token::word);
                    if next.is_some_and(|n| n == "hundred" || scale(n).is_some()) {
                        current = 1.0;
                        last = Some("unit");
                        j += 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            Tok::Num(v, NumberKind::Integer) => {
                // Digits start a number, or follow a scale: "3 hundred and
                // 21", "4 thousand 3 hundred".
                let fits = match last {
                    None => true,
                    Some("hundred") => current % 100.0 == 0.0 && *v > 0.0 && *v < 100.0,
                    Some("scale") => current == 0.0 && *v > 0.0 && *v < largest_scale,
                    _ => false,
                };
                if !fits {
                    break;
                }
                current += *v;
                last = Some("num");
                j += 1;
                consumed = j;
            }
            Tok::Num(v, NumberKind::Decimal) if last.is_none() => {
                // "2.12 hundred", "1,674.5 million": a decimal only before a scale.
                let next = t.get(j + 1).and_then(Token::word);
                if next.is_some_and(|n| n == "hundred" || scale(n).is_some()) {
                    current = *v;
                    last = Some("num");
                    j += 1;
                } else {
                    break;
                }
            }
            Tok::Sym('-') if matches!(last, Some("tens")) => {
                // "twenty-one", "fifty - two".
                let next = t.get(j + 1).and_then(Token::word).and_then(cardinal);
                if next.is_some_and(|v| (1..10).contains(&v)) {
                    j += 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    if consumed == i {
        return None;
    }
    let ends_with_scale = t
        .get(consumed - 1)
        .and_then(Token::word)
        .and_then(scale)
        .is_some();
    Some(Words {
        end: consumed,
        value: total + current,
        // An "and" whose number was not consumed does not split anything.
        before_and: before_and.filter(|_| consumed > i),
        scale: if before_and.is_some() {
            and_scale
        } else if ends_with_scale {
            last_scale
        } else {
            None
        },
    })
}

/// A denominator at token `i`: an ordinal word, or a compound one
/// ("twenty-first", "hundred-fifths" is handled by the caller). Returns the
/// index after it, the denominator and whether it is plural.
fn denominator_at(t: &[Token], i: usize) -> Option<(usize, f64, bool)> {
    let w = t.get(i)?.word()?;
    if let Some((d, plural)) = denominator(w) {
        return Some((i + 1, d, plural));
    }
    // "twenty-first(s)", "twenty first(s)".
    let tens = cardinal(w).filter(|v| *v >= 20 && v % 10 == 0)?;
    let mut k = i + 1;
    if t.get(k).is_some_and(|x| x.is_sym('-')) {
        k += 1;
    }
    let (u, plural) = ordinal_unit(t.get(k)?.word()?)?;
    Some((k + 1, tens as f64 + u, plural))
}

/// A number without sign from token `i`.
fn parse_unsigned(t: &[Token], i: usize) -> Option<(usize, f64, NumberKind)> {
    let first = t.get(i)?;
    // "half a dozen", "a half", "a dozen", "half million", "a fifth".
    if let Some(w) = first.word() {
        if w == "half" || w == "quarter" {
            let v = if w == "half" { 0.5 } else { 0.25 };
            if t.get(i + 1).and_then(Token::word) == Some("a")
                && t.get(i + 2).and_then(Token::word).is_some_and(is_dozen)
            {
                return Some((i + 3, v * 12.0, NumberKind::Integer));
            }
            if let Some(s) = t.get(i + 1).and_then(Token::word).and_then(scale) {
                return Some((i + 2, v * s, NumberKind::Fraction));
            }
            if w == "half" {
                return Some((i + 1, 0.5, NumberKind::Fraction));
            }
            return None;
        }
        if w == "a" || w == "an" {
            let next = t.get(i + 1).and_then(Token::word)?;
            if matches!(next, "quarter" | "half") {
                if let Some(s) = t.get(i + 2).and_then(Token::word).and_then(scale) {
                    let v = if next == "half" { 0.5 } else { 0.25 };
                    return Some((i + 3, v * s, NumberKind::Fraction));
                }
            }
            if is_dozen(next) {
                return Some((i + 2, 12.0, NumberKind::Integer));
            }
            if next == "half" {
                return Some((i + 2, 0.5, NumberKind::Fraction));
            }
            if let Some((end, d, false)) = denominator_at(t, i + 1) {
                return Some((end, 1.0 / d, NumberKind::Fraction));
            }
            // "a hundred trillionths": fall through to the integer words.
        }
    }
    if let Tok::Num(v, kind) = &first.tok {
        if *kind != NumberKind::Integer {
            // A decimal or fraction literal may still take a scale word.
            if let Some(s) = t.get(i + 1).and_then(Token::word).and_then(scale) {
                let scaled = v * s;
                let kind = if scaled.fract() == 0.0 {
                    NumberKind::Integer
                } else {
                    NumberKind::Decimal
                };
                return Some((i + 2, scaled, kind));
            }
            if *kind == NumberKind::Decimal && t.get(i + 1).and_then(Token::word) == Some("hundred")
            {
                return Some((i + 2, v * 100.0, NumberKind::Integer));
            }
            return Some((i + 1, *v, *kind));
        }
    }
    let words = integer_words(t, i)?;
    let is_word_number = first.word().is_some();
    let (end, value) = (words.end, words.value);
    // The part after the last "and" and what stands before it.
    let (whole, tail) = match words.before_and {
        Some(before) => (before, value - before),
        None => (0.0, value),
    };
    let tail_scale = words.scale.filter(|s| *s >= 1e3).unwrap_or(1.0);
    // "three dozens", "3 dzs", "three hundred and two dozens".
    if let Some(w) = t.get(end).and_then(Token::word) {
        if is_dozen(w) {
            return Some((end + 1, whole + tail * 12.0, NumberKind::Integer));
        }
    }
    // "two hundred point zero three".
    if is_word_number && t.get(end).and_then(Token::word) == Some("point") {
        if let Some((k, digits)) = point_digits(t, end + 1) {
            let value = value + format!("0.{digits}").parse::<f64>().ok()?;
            return Some((k, value, NumberKind::Decimal));
        }
    }
    // "one and a half", "twenty and three fifths", "two million and a half".
    if t.get(end).and_then(Token::word) == Some("and") {
        if let Some((e, frac, _)) = parse_fraction_words(t, end + 1) {
            let (e, factor) = scale_after(t, e);
            let own_scale = words.scale.filter(|s| *s >= 1e3);
            let value = if factor == 1.0 {
                // No scale after: a scale the number ended with applies to
                // the fraction ("two million and a half").
                value + frac * own_scale.unwrap_or(1.0)
            } else if own_scale.is_some() {
                // "one billion and a half million": the scale is the fraction's.
                value + frac * factor
            } else {
                // "five and a half million": the scale is the whole number's.
                (value + frac) * factor
            };
            return Some((e, value, NumberKind::Fraction));
        }
    }
    // "two thirds", "one - fourth", "one hundred and three quarters".
    let k = if t.get(end).is_some_and(|x| x.is_sym('-')) {
        end + 1
    } else {
        end
    };
    if let Some((e, d, plural)) = denominator_at(t, k) {
        // Grammatical agreement: "one fifth", "three fifths"; "two
        // millionth" is not a fraction.
        let agrees = (tail == 1.0 && !plural) || (tail != 1.0 && plural);
        if is_word_number && agrees {
            let frac = tail / d;
            let (e, factor) = scale_after(t, e);
            let value = if factor == 1.0 {
                whole + frac * tail_scale
            } else if words.scale.is_some_and(|s| s >= 1e3) {
                // "one billion and three quarters million".
                whole + frac * factor
            } else {
                // "two thirds of a million".
                (whole + frac) * factor
            };
            return Some((e, value, NumberKind::Fraction));
        }
    }
    // "one over three", "one out of three": a ratio below one.
    if let Some(w) = t.get(end).and_then(Token::word) {
        let over =
            w == "over" || (w == "out" && t.get(end + 1).and_then(Token::word) == Some("of"));
        if over {
            let start = if w == "over" { end + 1 } else { end + 2 };
            if let Some(den) = integer_words(t, start) {
                if den.value > value {
                    return Some((den.end, value / den.value, NumberKind::Fraction));
                }
            }
        }
    }
    Some((end, value, NumberKind::Integer))
}

/// A scale word that follows a fraction ending at token `e` ("five and a
/// half million", "two thirds of a million"): the token after it and the
/// factor, 1 when there is none.
fn scale_after(t: &[Token], e: usize) -> (usize, f64) {
    let word = |k: usize| t.get(k).and_then(Token::word);
    if let Some(s) = word(e).and_then(scale) {
        return (e + 1, s);
    }
    if word(e) == Some("of") && matches!(word(e + 1), Some("a" | "an")) {
        if let Some(s) = word(e + 2).and_then(scale) {
            return (e + 3, s);
        }
    }
    (e, 1.0)
}

/// The digits after "point": "zero three", "seventy-one", "nought four".
fn point_digits(t: &[Token], mut k: usize) -> Option<(usize, String)> {
    let mut digits = String::new();
    while let Some(w) = t.get(k).and_then(Token::word) {
        match cardinal(w) {
            Some(v) if v < 100 => {
                // "seventy-one" after point reads as the digits 71.
                let mut v = v;
                if v >= 20 && t.get(k + 1).is_some_and(|x| x.is_sym('-')) {
                    if let Some(u) = t
                        .get(k + 2)
                        .and_then(Token::word)
                        .and_then(cardinal)
                        .filter(|u| *u < 10)
                    {
                        v += u;
                        k += 2;
                    }
                }
                digits.push_str(&v.to_string());
                k += 1;
            }
            _ => break,
        }
    }
    (!digits.is_empty()).then_some((k, digits))
}

/// A fraction in words at token `i`: "a half", "a fourth", "three fifths",
/// "one half".
fn parse_fraction_words(t: &[Token], i: usize) -> Option<(usize, f64, bool)> {
    let w = t.get(i)?.word()?;
    if w == "a" || w == "an" {
        if t.get(i + 1).and_then(Token::word) == Some("half") {
            return Some((i + 2, 0.5, false));
        }
        let (e, d, plural) = denominator_at(t, i + 1)?;
        return (!plural).then_some((e, 1.0 / d, false));
    }
    let words = integer_words(t, i)?;
    let (e, n) = (words.end, words.value);
    let k = if t.get(e).is_some_and(|x| x.is_sym('-')) {
        e + 1
    } else {
        e
    };
    let (e2, d, plural) = denominator_at(t, k)?;
    let agrees = (n == 1.0 && !plural) || (n != 1.0 && plural);
    agrees.then_some((e2, n / d, plural))
}

fn is_dozen(w: &str) -> bool {
    matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[(&str, f64)]) {
        let got: Vec<(&str, f64)> = find_numbers(text)
            .iter()
            .map(|m| (&text[m.start..m.end], m.value))
            .collect();
        assert_eq!(got.len(), expect.len(), "{text}: {got:?}");
        for ((gt, gv), (et, ev)) in got.iter().zip(expect) {
            assert_eq!(gt, et, "{text}");
            assert!(
                (gv - ev).abs() < 1e-9 * ev.abs().max(1.0),
                "{text}: {gv} != {ev}"
            );
        }
    }

    #[test]
    fn case_table() {
        check("at least 3,000 soldiers", &[("3,000", 3000.0)]);
        check(
            "US$425 million (S$560 million)",
            &[("425 million", 425e6), ("560 million", 560e6)],
        );
        check("a $20 billion loan", &[("20 billion", 20e9)]);
        check("twelve thousand troops", &[("twelve thousand", 12000.0)]);
        check(
            "a dozen drones and three dozens shells",
            &[("a dozen", 12.0), ("three dozens", 36.0)],
        );
        check(
            "1.2 million people, 20bn dollars",
            &[("1.2 million", 1.2e6), ("20bn", 20e9)],
        );
        check(
            "one hundred and sixty-one",
            &[("one hundred and sixty-one", 161.0)],
        );
        check("two thirds of the vote", &[("two thirds", 2.0 / 3.0)]);
        check("one and a half years", &[("one and a half", 1.5)]);
        check("minus five point five", &[("minus five point five", -5.5)]);
        check("the 180ml bottle on May 4th", &[]);
        check(
            "192.168.1.2",
            &[("192", 192.0), ("168", 168.0), ("1", 1.0), ("2", 2.0)],
        );
        check("F-16 jets", &[("16", 16.0)]);
        check("The one you mentioned", &[]);
        check("1e999 and 12.32e+14", &[("12.32e+14", 1.232e15)]);
    }

    #[test]
    fn hostile_input_gives_no_absurd_values_and_no_panic() {
        let huge = "9".repeat(100_000);
        assert!(
            find_numbers(&huge).is_empty(),
            "too large for f64: not reported"
        );
        let commas = format!("1{}", ",000".repeat(50));
        assert!(find_numbers(&commas).iter().all(|m| m.value.is_finite()));
        for text in [
            "$$$$",
            "١٢٣ ٤٥٦ and ३४",
            "--- 5 ---",
            "½½½",
            "- - -",
            "e10",
            "^^2",
            "1^-",
            "1e",
            "1/0",
        ] {
            assert!(
                find_numbers(text)
                    .iter()
                    .all(|m| m.value.is_finite() && m.start < m.end),
                "{text}"
            );
        }
    }
}
