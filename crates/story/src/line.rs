//! A readable timeline line from a source sentence: the words of the
//! article, not a generated sentence, trimmed to what tells the
//! happening. The dateline and a closing attribution go ("MAPUTO (Wire) -
//! ...", "..., the agency said."), and a long sentence is cut at a clause
//! boundary after the happening's own words.

/// Longest line kept whole, in characters.
const MAX_CHARS: usize = 180;

/// Words that close a sentence with its source: ", officials said.",
/// ", the ministry said on Tuesday.", "according to the UN."
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "added",
    "confirmed",
    "stated",
    "warned",
];

/// The readable line of `sentence` for a happening whose words run from
/// char `start` to char `end` of the sentence (`None`: the whole sentence
/// tells it).
pub fn readable_line(sentence: &str, words: Option<(usize, usize)>) -> String {
    let chars: Vec<char> = sentence.chars().collect();
    let (start, end) = words.unwrap_or((chars.len(), 0));
    let mut from = dateline_end(&chars).min(start);
    while from < chars.len() && chars[from].is_whitespace() {
        from += 1;
    }
    // An attribution inside what looked like a dateline ("LONDON,
    // officials said - ...") would end the line before it starts.
    let mut to = attribution_start(&chars)
        .max(end)
        .min(chars.len())
        .max(from);
    let cut = to - from > MAX_CHARS;
    if cut {
        // The first clause boundary after the happening's words, else a
        // word boundary near the limit.
        let limit = from + MAX_CHARS;
        to = (end.max(from)..limit.min(chars.len()))
            .find(|&i| matches!(chars[i], ',' | ';' | '\u{2014}'))
            .or_else(|| (from..limit).rev().find(|&i| chars[i] == ' '))
            .unwrap_or(limit);
    }
    let mut line: String = chars[from..to].iter().collect();
    line = line.trim_end_matches([',', ';', ' ', ':']).to_string();
    if !line.ends_with(['.', '!', '?', '"', '\u{201d}']) {
        line.push_str(if cut { " \u{2026}" } else { "." });
    }
    let mut first = line.chars();
    match first.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(first).collect(),
        _ => line,
    }
}

/// The readable line of a happening at chars `words` (start, end) of
/// `doc`'s text (`None`: the whole sentence), from the sentence
/// `sentence_index` that holds it.
pub(crate) fn source_line(
    doc: &storyline_model::Document,
    sentence_index: usize,
    words: Option<(usize, usize)>,
) -> String {
    let Some(span) = doc.sentences.get(sentence_index) else {
        return String::new();
    };
    let sentence: String = doc
        .text
        .chars()
        .skip(span.start)
        .take(span.end.saturating_sub(span.start))
        .collect();
    readable_line(
        &sentence,
        words.map(|(s, e)| (s.saturating_sub(span.start), e.saturating_sub(span.start))),
    )
}

/// Where the text after a dateline begins, or 0: a dateline is a short
/// run of capitals, commas, a date and an agency in brackets, closed by a
/// dash ("GENEVA (Wire) - ", "VAN, Turkey, April 7 - ").
fn dateline_end(chars: &[char]) -> usize {
    let head: String = chars.iter().take(60).collect();
    for dash in [" - ", " \u{2013} ", " \u{2014} ", "\u{2014}"] {
        if let Some(at) = head.find(dash) {
            let before = &head[..at];
            let starts_upper = before.chars().next().is_some_and(char::is_uppercase);
            let capital_word = before
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 2 && w.chars().all(char::is_uppercase));
            if starts_upper && capital_word && !before.contains(". ") {
                return head[..at + dash.len()].chars().count();
            }
        }
    }
    0
}

/// Where a closing attribution begins (", officials said."), or the end.
fn attribution_start(chars: &[char]) -> usize {
    let text: String = chars.iter().collect();
    let trimmed = text.trim_end_matches(['.', ' ', '"', '\u{201d}']);
    let Some(comma) = trimmed.rfind(", ") else {
        return chars.len();
    };
    let tail = &trimmed[comma + 2..];
    let words: Vec<&str> = tail.split_whitespace().collect();
    let attributes = words.len() <= 8
        && (words.iter().any(|w| ATTRIBUTION_VERBS.contains(w))
            || tail.starts_with("according to"));
    // A quotation's own closing mark stays with the quotation.
    if attributes && !tail.contains(['"', '\u{201c}', '\u{201d}']) {
        text[..comma].chars().count()
    } else {
        chars.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(sentence: &str, words: &str) -> String {
        let at = sentence.find(words).expect("the words are in the sentence");
        let start = sentence[..at].chars().count();
        readable_line(sentence, Some((start, start + words.chars().count())))
    }

    #[test]
    fn the_dateline_and_the_closing_attribution_go() {
        assert_eq!(
            line(
                "GENEVA (Wire) - Floods swept through three provinces on Monday, the agency said.",
                "Floods swept"
            ),
            "Floods swept through three provinces on Monday."
        );
        assert_eq!(
            line(
                "KAMPALA, Uganda - Parliament passed the budget late on Friday, according to the speaker.",
                "passed"
            ),
            "Parliament passed the budget late on Friday."
        );
    }

    #[test]
    fn a_sentence_without_either_is_kept_whole() {
        let s = "Rescue teams reached the village by boat on Wednesday.";
        assert_eq!(line(s, "reached"), s);
    }

    #[test]
    fn a_long_sentence_is_cut_after_the_happening() {
        let s = "The government declared a state of emergency in the two coastal provinces on Thursday, \
                 a day after the river burst its banks and swept away bridges, roads and more than a \
                 thousand homes in villages that had already lost their harvest to a long drought.";
        let got = line(s, "declared");
        assert!(
            got.starts_with("The government declared a state of emergency"),
            "{got}"
        );
        assert!(got.chars().count() <= MAX_CHARS + 2, "{got}");
        assert!(got.ends_with('\u{2026}'), "{got}");
    }

    #[test]
    fn a_quotation_keeps_its_attribution() {
        let s = "\"We will rebuild every school,\" the minister said.";
        assert_eq!(line(s, "rebuild"), s);
    }

    #[test]
    fn odd_sentences_never_panic() {
        for s in [
            "LONDON, officials said - the port closed.",
            "",
            " - ",
            "ALL CAPS - , said.",
            "\u{2014}",
        ] {
            let n = s.chars().count();
            readable_line(s, None);
            readable_line(s, Some((0, n)));
            readable_line(s, Some((n, n)));
        }
    }

    #[test]
    fn the_happening_is_never_cut_off() {
        let s = "Officials said on Tuesday that the dam at the northern end of the valley had failed, the ministry said.";
        let got = line(s, "failed");
        assert!(got.contains("had failed"), "{got}");
    }
}
