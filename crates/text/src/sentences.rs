use std::ops::Range;

/// Abbreviations that end with a full stop but rarely end a sentence:
/// titles and honorifics, company suffixes, and months (which in news are
/// followed by a day number).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "dec", "dept", "dr", "e.g", "est",
    "etc", "feb", "fig", "fr", "ft", "gen", "gov", "hon", "i.e", "inc", "jan", "jr", "jul", "jun",
    "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct",
    "ph.d", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

/// Words that commonly open a sentence. After a dotted acronym ("U.S.")
/// a following capitalised word is usually part of a name ("U.S. Army");
/// when it is one of these, the acronym ended the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "after",
    "an",
    "and",
    "as",
    "at",
    "but",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "on",
    "our",
    "she",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "we",
    "when",
    "while",
    "yet",
];

const CLOSERS: &[char] = &['"', '\'', '’', '”', ')', ']', '»'];

/// Splits a paragraph into sentences, returning trimmed byte ranges.
///
/// The rules are the usual ones for news prose: a sentence ends at `.`, `!`,
/// `?` or `…` (with any closing quotes or brackets) followed by whitespace
/// and a capital, digit or opening quote, except after an abbreviation, an
/// initial, or a dotted acronym followed by a name. The splitter is linear
/// in the input and never drops text: the ranges cover every non-space
/// character.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // Take the whole run of terminal punctuation and closers.
        let mut j = i + 1;
        while j < chars.len()
            && (matches!(chars[j].1, '.' | '!' | '?' | '…') || CLOSERS.contains(&chars[j].1))
        {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        // It must be followed by whitespace and then a sentence opener.
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == j || k == chars.len() {
            i = j;
            continue;
        }
        let next = chars[k].1;
        let opens = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(
                next,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '-' | '–' | '—' | '•'
            );
        if opens && (c != '.' || ends_sentence(text, b, &text[chars[k].0..])) {
            push_trimmed(text, start..end, &mut out);
            start = chars[k].0;
        }
        i = j;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Decides whether the full stop at byte `dot` ends a sentence, given the
/// text that follows the whitespace after it.
fn ends_sentence(text: &str, dot: usize, following: &str) -> bool {
    let before = &text[..dot];
    let token_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let token = &before[token_start..];
    if token.is_empty() {
        return true;
    }
    let lower = token.to_lowercase();
    let next_word: String = following
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if ABBREVIATIONS.binary_search(&lower.as_str()).is_ok() {
        // "Nov. 13" and "Mr. Blinken" continue; "in Nov. The" is too rare to
        // be worth the risk of splitting names.
        return false;
    }
    let mut letters = token.chars().filter(|c| c.is_alphabetic());
    let single_initial = token.chars().count() == 1 && token.chars().all(char::is_uppercase);
    if single_initial {
        return false;
    }
    let dotted_acronym = token.contains('.') && letters.all(char::is_uppercase);
    if dotted_acronym {
        return SENTENCE_OPENERS
            .binary_search(&next_word.to_lowercase().as_str())
            .is_ok();
    }
    true
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        let got: Vec<&str> = split_sentences(input)
            .into_iter()
            .map(|r| &input[r])
            .collect();
        assert_eq!(got, expect, "input: {input}");
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(SENTENCE_OPENERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn case_table() {
        check("One. Two.", &["One.", "Two."]);
        check(
            "He left. “We will return,” she said.",
            &["He left.", "“We will return,” she said."],
        );
        check(
            "“We will return.” She left.",
            &["“We will return.”", "She left."],
        );
        check(
            "Mr. Lee met Gen. Park on Nov. 13 in Seoul.",
            &["Mr. Lee met Gen. Park on Nov. 13 in Seoul."],
        );
        check(
            "U.S. officials said so. The U.N. Security Council met.",
            &["U.S. officials said so.", "The U.N. Security Council met."],
        );
        check(
            "Aid came from the U.S. The talks ended.",
            &["Aid came from the U.S.", "The talks ended."],
        );
        check("John F. Kennedy spoke.", &["John F. Kennedy spoke."]);
        check(
            "Prices rose 3.5 percent. Why? Nobody knows!",
            &["Prices rose 3.5 percent.", "Why?", "Nobody knows!"],
        );
        check(
            "It ended at 3 p.m. on Friday.",
            &["It ended at 3 p.m. on Friday."],
        );
        check(
            "He said he issued a. Similar numbers appeared.",
            &["He said he issued a.", "Similar numbers appeared."],
        );
        check("no terminal punctuation", &["no terminal punctuation"]);
        check("  ", &[]);
        check(
            "Troops left. 3,000 stayed.",
            &["Troops left.", "3,000 stayed."],
        );
    }
}
