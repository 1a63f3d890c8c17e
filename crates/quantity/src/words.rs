//! English number words.

/// Cardinal words below a hundred: `zero`..`nineteen` and the tens.
pub fn cardinal(word: &str) -> Option<u64> {
    Some(match word {
        "zero" | "nought" | "naught" | "nil" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Scale words and abbreviations that multiply what comes before them.
pub fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" | "mil" | "mln" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "tln" => 1e12,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Suffixes written straight after digits: `10k`, `1.2b`, `10G`, `1MM`.
pub fn digit_suffix(suffix: &str) -> Option<f64> {
    Some(match suffix {
        "k" => 1e3,
        "m" | "mm" | "mil" | "mln" => 1e6,
        "b" | "bn" | "bln" | "g" => 1e9,
        "t" | "tn" | "tln" => 1e12,
        _ => return None,
    })
}

/// Ordinal words used as denominators, with whether they are plural:
/// `third` (3, singular), `fifths` (5, plural), `quarter` (4), `half` (2).
pub fn denominator(word: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match word {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        w if w.ends_with('s') && w.len() > 3 => (&w[..w.len() - 1], true),
        w => (w, false),
    };
    let v = match stem {
        "third" => 3.0,
        "fourth" | "quarter" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    };
    Some((v, plural))
}

/// The ordinal units that end a compound denominator: `twenty-first`.
pub fn ordinal_unit(word: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match word.strip_suffix('s') {
        Some(s) => (s, true),
        None => (word, false),
    };
    let v = match stem {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        _ => return None,
    };
    Some((v, plural))
}
