//! Currencies written around an amount: marks before it ("US$", "c $",
//! "€", "USD"), names after it ("dollars", "Swiss francs", "pence").

use regex::Regex;
use std::sync::LazyLock;

/// A currency as written: its ISO 4217 code when one is meant, the unit's
/// name, and whether the code was assumed (a bare `$` is taken as US
/// dollars).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Currency {
    pub code: Option<&'static str>,
    pub name: &'static str,
    pub assumed: bool,
    /// What the amount is multiplied by: a million for "MUSD", "MEUR".
    pub factor: f64,
}

const fn c(code: &'static str, name: &'static str) -> Currency {
    Currency {
        code: Some(code),
        name,
        assumed: false,
        factor: 1.0,
    }
}

const fn assumed(code: &'static str, name: &'static str) -> Currency {
    Currency {
        code: Some(code),
        name,
        assumed: true,
        factor: 1.0,
    }
}

const fn unit(name: &'static str) -> Currency {
    Currency {
        code: None,
        name,
        assumed: false,
        factor: 1.0,
    }
}

/// Millions of a currency, as finance writes them: "30 MUSD".
const fn millions(code: &'static str, name: &'static str) -> Currency {
    Currency {
        code: Some(code),
        name,
        assumed: false,
        factor: 1e6,
    }
}

/// Marks written before an amount, matched case-insensitively with any
/// spaces removed ("c $" is "c$"). Longest first.
const MARKS: &[(&str, Currency)] = &[
    ("musd", millions("USD", "United States dollar")),
    ("meur", millions("EUR", "Euro")),
    ("mgbp", millions("GBP", "British pound")),
    ("maud", millions("AUD", "Australian dollar")),
    ("u.s.$", c("USD", "United States dollar")),
    ("u.s$", c("USD", "United States dollar")),
    ("usd$", c("USD", "United States dollar")),
    ("aud$", c("AUD", "Australian dollar")),
    ("cad$", c("CAD", "Canadian dollar")),
    ("nzd$", c("NZD", "New Zealand dollar")),
    ("mxn$", c("MXN", "Mexican peso")),
    ("mex$", c("MXN", "Mexican peso")),
    ("us$", c("USD", "United States dollar")),
    ("hk$", c("HKD", "Hong Kong dollar")),
    ("nz$", c("NZD", "New Zealand dollar")),
    ("s$", c("SGD", "Singapore dollar")),
    ("a$", c("AUD", "Australian dollar")),
    ("c$", c("CAD", "Canadian dollar")),
    ("r$", c("BRL", "Brazilian real")),
    ("$", assumed("USD", "Dollar")),
    ("€", c("EUR", "Euro")),
    ("£", assumed("GBP", "Pound")),
    ("¥", assumed("JPY", "Japanese yen")),
    ("₹", c("INR", "Indian rupee")),
    ("₽", c("RUB", "Russian ruble")),
    ("₴", c("UAH", "Ukrainian hryvnia")),
    ("₩", c("KRW", "South Korean won")),
    ("₿", unit("Bitcoin")),
    ("usd", c("USD", "United States dollar")),
    ("eur", c("EUR", "Euro")),
    ("gbp", c("GBP", "British pound")),
    ("sgd", c("SGD", "Singapore dollar")),
    ("jpy", c("JPY", "Japanese yen")),
    ("cny", c("CNY", "Chinese yuan")),
    ("rmb", c("CNY", "Chinese yuan")),
    ("hkd", c("HKD", "Hong Kong dollar")),
    ("aud", c("AUD", "Australian dollar")),
    ("cad", c("CAD", "Canadian dollar")),
    ("chf", c("CHF", "Swiss franc")),
    ("inr", c("INR", "Indian rupee")),
    ("rub", c("RUB", "Russian ruble")),
    ("uah", c("UAH", "Ukrainian hryvnia")),
    ("krw", c("KRW", "South Korean won")),
];

/// Names written after an amount: "dollars", "Swiss francs", "pence".
/// Longest first; matched case-insensitively as whole words.
const NAMES: &[(&str, Currency)] = &[
    ("musd", millions("USD", "United States dollar")),
    ("meur", millions("EUR", "Euro")),
    ("mgbp", millions("GBP", "British pound")),
    ("maud", millions("AUD", "Australian dollar")),
    ("united states dollars", c("USD", "United States dollar")),
    ("united states dollar", c("USD", "United States dollar")),
    ("u.s. dollars", c("USD", "United States dollar")),
    ("us dollars", c("USD", "United States dollar")),
    ("us dollar", c("USD", "United States dollar")),
    ("australian dollars", c("AUD", "Australian dollar")),
    ("australian dollar", c("AUD", "Australian dollar")),
    ("canadian dollars", c("CAD", "Canadian dollar")),
    ("canadian dollar", c("CAD", "Canadian dollar")),
    ("hong kong dollars", c("HKD", "Hong Kong dollar")),
    ("new zealand dollars", c("NZD", "New Zealand dollar")),
    ("singapore dollars", c("SGD", "Singapore dollar")),
    ("swiss francs", c("CHF", "Swiss franc")),
    ("swiss franc", c("CHF", "Swiss franc")),
    ("british pounds", c("GBP", "British pound")),
    ("pounds sterling", c("GBP", "British pound")),
    ("japanese yen", c("JPY", "Japanese yen")),
    ("chinese yuan", c("CNY", "Chinese yuan")),
    ("mexican pesos", c("MXN", "Mexican peso")),
    ("turkish lira", c("TRY", "Turkish lira")),
    ("sri lankan rupees", c("LKR", "Sri Lankan rupee")),
    ("dutch guilders", unit("Netherlands guilder")),
    ("finnish markka", unit("Finnish markka")),
    ("dollars", assumed("USD", "Dollar")),
    ("dollar", assumed("USD", "Dollar")),
    ("euros", c("EUR", "Euro")),
    ("euro", c("EUR", "Euro")),
    ("pounds", assumed("GBP", "Pound")),
    ("pound", assumed("GBP", "Pound")),
    ("pence", assumed("GBP", "Pence")),
    ("penny", assumed("GBP", "Penny")),
    ("pennies", assumed("GBP", "Penny")),
    ("cents", assumed("USD", "Cent")),
    ("cent", assumed("USD", "Cent")),
    ("francs", unit("Franc")),
    ("franc", unit("Franc")),
    ("pesetas", unit("Peseta")),
    ("yuan", c("CNY", "Chinese yuan")),
    ("renminbi", c("CNY", "Chinese yuan")),
    ("rmb", c("CNY", "Chinese yuan")),
    ("yen", c("JPY", "Japanese yen")),
    ("rupees", unit("Rupee")),
    ("rupee", unit("Rupee")),
    ("rubles", c("RUB", "Russian ruble")),
    ("roubles", c("RUB", "Russian ruble")),
    ("hryvnias", c("UAH", "Ukrainian hryvnia")),
    ("hryvnia", c("UAH", "Ukrainian hryvnia")),
    ("won", c("KRW", "South Korean won")),
    ("bitcoins", unit("Bitcoin")),
    ("bitcoin", unit("Bitcoin")),
    ("btc", unit("Bitcoin")),
    ("satoshis", unit("Satoshi")),
    ("usd", c("USD", "United States dollar")),
    ("eur", c("EUR", "Euro")),
    ("gbp", c("GBP", "British pound")),
    ("sgd", c("SGD", "Singapore dollar")),
    ("cny", c("CNY", "Chinese yuan")),
    ("jpy", c("JPY", "Japanese yen")),
    ("chf", c("CHF", "Swiss franc")),
    ("€", c("EUR", "Euro")),
    ("$", assumed("USD", "Dollar")),
    ("元", c("CNY", "Chinese yuan")),
    ("₡", c("CRC", "Costa Rican colón")),
    ("₾", c("GEL", "Georgian lari")),
    ("₭", c("LAK", "Lao kip")),
];

/// A currency mark ending `before` (spaces between its characters and
/// before the amount allowed). Returns the byte where the mark starts.
pub fn mark_before(before: &str) -> Option<(usize, Currency)> {
    let trimmed = before.trim_end();
    // The last few non-space characters, lower-cased, with their start
    // offsets, so "u.s $ " and "c $" compare as "u.s$" and "c$".
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut spaced = false;
    for (i, ch) in trimmed.char_indices().rev() {
        if chars.len() >= 6 {
            break;
        }
        if ch.is_whitespace() {
            // Spaces only inside a short mark: "c $", "us $", "u.s $".
            if chars.len() == 1 && chars[0].1 == '$' && !spaced {
                spaced = true;
                continue;
            }
            break;
        }
        chars.push((i, ch));
    }
    chars.reverse();
    for (mark, currency) in MARKS {
        let n = mark.chars().count();
        if n > chars.len() {
            continue;
        }
        let tail = &chars[chars.len() - n..];
        let same = tail
            .iter()
            .map(|(_, ch)| ch.to_lowercase().next().unwrap_or(*ch))
            .eq(mark.chars());
        if !same {
            continue;
        }
        // "a $20 loan": a spaced single letter is a word, not a prefix.
        if spaced && n == 2 && mark.ends_with('$') && *mark != "c$" {
            continue;
        }
        let start = tail[0].0;
        // Letters must start a word: "USD 800", not "XUSD 800"; a bare
        // "$" is fine after anything.
        let letter_mark = mark.starts_with(|ch: char| ch.is_ascii_alphabetic());
        if letter_mark && trimmed[..start].ends_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        return Some((start, *currency));
    }
    None
}

static NAME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alternation = names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    // "12-cent", "one-yen": a hyphen may join amount and name.
    Regex::new(&format!(r"^(?:\s*|-)(?i:({alternation}))")).unwrap()
});

/// A currency name starting `after`: its length (spaces included) and the
/// currency.
pub fn name_after(after: &str) -> Option<(usize, Currency)> {
    let caps = NAME_AFTER.captures(after)?;
    let m = caps.get(1)?;
    let end = caps.get(0)?.end();
    let word_end = !after[end..].starts_with(|ch: char| ch.is_alphanumeric());
    let symbol = !m.as_str().starts_with(|ch: char| ch.is_alphabetic());
    if !word_end && !symbol {
        return None;
    }
    // "$ 20 $ 37": a symbol followed by a number is the next amount's.
    if symbol
        && after[end..]
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let lower = m.as_str().to_lowercase();
    NAMES
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, cur)| (end, *cur))
}

/// Whether `after` starts with a currency code or sign written straight
/// after digits ("115USD", "100元"), so the digits are an amount, not part
/// of a word.
pub fn glued_after(after: &str) -> bool {
    name_after(after).is_some_and(|(_, cur)| cur.code.is_some() || cur.name == "Bitcoin")
}

/// Whether `before` ends with a currency code written straight before
/// digits ("USD115").
pub fn glued_before(before: &str) -> bool {
    mark_before(before)
        .is_some_and(|(start, _)| before[start..].chars().all(|ch| ch.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_names() {
        assert_eq!(
            mark_before("about c $ ").map(|m| m.1.name),
            Some("Canadian dollar")
        );
        assert_eq!(
            mark_before("a us $ ").map(|m| (m.0, m.1.code)),
            Some((2, Some("USD")))
        );
        assert_eq!(mark_before("cost $").map(|m| m.1.assumed), Some(true));
        assert_eq!(mark_before("paid USD ").map(|m| m.0), Some(5));
        assert_eq!(mark_before("XUSD "), None);
        assert_eq!(
            name_after(" Swiss francs in fines").map(|n| n.1.name),
            Some("Swiss franc")
        );
        assert_eq!(
            name_after(" pence.").map(|n| (n.0, n.1.name)),
            Some((6, "Pence"))
        );
        assert_eq!(name_after(" wonder"), None);
        assert_eq!(name_after(" €").map(|n| n.1.code), Some(Some("EUR")));
    }
}
