//! Claims: reported statements with their speaker, reporting verb,
//! content span, kind of quotation, date and hedges.

use crate::tokens::Token;
use storyline_model::{Claim, Entity};
use storyline_text::REPORTING_VERBS as REPORTING;

/// Words that may sit between a speaker and the reporting verb.
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "previously",
    "has",
    "had",
    "have",
    "earlier",
    "separately",
    "then",
    "repeatedly",
    "again",
    "publicly",
];

/// Hedges and the phrases that signal them.
const HEDGES: &[(&str, &[&str])] = &[
    ("claimed", &["claimed", "claims", "claim that"]),
    (
        "reportedly",
        &[
            "reportedly",
            "was reported",
            "were reported",
            "is reported",
            "are reported",
        ],
    ),
    ("alleged", &["allegedly", "alleged"]),
    (
        "believed",
        &[
            "believed",
            "is thought",
            "are thought",
            "was thought",
            "were thought",
        ],
    ),
    (
        "estimated",
        &["estimated", "estimates", "an estimate", "estimate of"],
    ),
    (
        "unverified",
        &[
            "could not be independently verified",
            "could not independently verify",
            "could not be verified",
            "cannot be independently verified",
            "can not be verified",
            "not be independently confirmed",
            "unverified",
            "could not immediately verify",
            "could not immediately confirm",
        ],
    ),
    (
        "without_evidence",
        &[
            "without evidence",
            "without providing evidence",
            "without offering evidence",
            "provided no evidence",
            "gave no evidence",
        ],
    ),
    ("denied", &["denied", "denies"]),
];

/// The claims of one sentence. `tokens` cover the sentence; `entities`
/// are the document's, sorted by start.
pub fn sentence_claims(
    chars: &[char],
    tokens: &[Token],
    entities: &[Entity],
    sentence_index: usize,
    said_on: Option<String>,
) -> Vec<Claim> {
    let mut out = Vec::new();
    let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
    let sentence_text: String = match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => chars[a.start..b.end]
            .iter()
            .collect::<String>()
            .to_lowercase(),
        _ => return out,
    };
    let hedges = hedges_in(&sentence_text);
    let quotes: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_quote)
        .map(|(i, _)| i)
        .collect();
    for v in 0..tokens.len() {
        let according = lower[v] == "according" && lower.get(v + 1) == Some(&"to");
        if !according && !REPORTING.contains(&lower[v]) {
            continue;
        }
        // Inside quotation marks, a reporting verb is part of the quote.
        if quotes.iter().filter(|&&q| q < v).count() % 2 == 1 {
            continue;
        }
        let verb_end = if according { v + 1 } else { v };
        let (speaker, content) = if according {
            let speaker = phrase_after(tokens, v + 2);
            let content = if v > 0 && tokens[v - 1].is_boundary {
                (0, v - 1)
            } else {
                (speaker.1 + 1, tokens.len())
            };
            (Some(speaker), content)
        } else if let Some(sp) = phrase_before(tokens, v) {
            // "X said (that) ...", or "..., X said."
            let content = if sp.0 > 0 && tokens[sp.0 - 1].is_boundary && v + 2 >= tokens.len() - 1 {
                (0, sp.0 - 1)
            } else {
                let mut c = v + 1;
                while c < tokens.len()
                    && matches!(
                        lower[c],
                        "that"
                            | "on"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                            | "today"
                            | "yesterday"
                            | ","
                            | ":"
                    )
                {
                    c += 1;
                }
                (c, tokens.len())
            };
            (Some(sp), content)
        } else if v > 0 && tokens[v - 1].is_boundary {
            // "..., said X." and "\u{201C}...\u{201D} said X."
            let sp = phrase_after(tokens, v + 1);
            (Some(sp), (0, v - 1))
        } else {
            (None, (v + 1, tokens.len()))
        };
        let (c0, mut c1) = content;
        // The final full stop is not part of what was said.
        while c1 > c0 && c1 > 0 && matches!(tokens[c1 - 1].text.as_str(), "." | "!" | "?") {
            c1 -= 1;
        }
        if c1 <= c0 {
            continue;
        }
        let (start, end) = (tokens[c0].start, tokens[c1 - 1].end);
        let quoted_inside = quotes.iter().filter(|&&q| q >= c0 && q < c1).count();
        // A quotation that opens here and runs on past the sentence is
        // direct too.
        let runs_on = quoted_inside == 1 && tokens[c0].is_quote;
        let all_quoted =
            runs_on || (quoted_inside >= 2 && tokens[c0].is_quote && tokens[c1 - 1].is_quote);
        let quote = if all_quoted {
            "direct"
        } else if quoted_inside >= 2 {
            "mixed"
        } else {
            "indirect"
        };
        let (speaker_text, speaker_entity) = match speaker {
            Some((a, b)) if a <= b && b < tokens.len() => {
                let (s, e) = (tokens[a].start, tokens[b].end);
                let text: String = chars[s..e].iter().collect();
                // The speaker entity: the person or group the phrase names,
                // the one that ends last (the head of "X, a spokesman for Y").
                let ent = entities
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| {
                        x.start >= s && x.end <= e && x.code.is_some() && x.rule != "title"
                    })
                    .min_by_key(|(_, x)| (x.kind != "person", x.start))
                    .map(|(i, _)| i);
                (Some(text), ent)
            }
            _ => (None, None),
        };
        let mut hedges = hedges.clone();
        if matches!(lower[v], "claimed" | "claims") && !hedges.iter().any(|h| h == "claimed") {
            hedges.push("claimed".into());
        }
        hedges.sort();
        hedges.dedup();
        out.push(Claim {
            start,
            end,
            speaker: speaker_text,
            speaker_code: speaker_entity.and_then(|i| entities[i].code.clone()),
            speaker_entity,
            verb: chars[tokens[v].start..tokens[verb_end].end]
                .iter()
                .collect(),
            quote: quote.into(),
            said_on: said_on.clone(),
            hedges,
            sentence_index,
        });
    }
    out
}

/// A sentence inside a quotation opened by an earlier one: the same
/// speaker, verb and date, its own content (without the quotation marks
/// and the final stop) and hedges.
pub fn continued(
    opened: &Claim,
    chars: &[char],
    tokens: &[Token],
    sentence_index: usize,
) -> Option<Claim> {
    let mut c0 = 0;
    let mut c1 = tokens.len();
    while c0 < c1 && tokens[c0].is_quote {
        c0 += 1;
    }
    while c1 > c0
        && (tokens[c1 - 1].is_quote || matches!(tokens[c1 - 1].text.as_str(), "." | "!" | "?"))
    {
        c1 -= 1;
    }
    if c1 <= c0 {
        return None;
    }
    let text: String = chars[tokens[0].start..tokens[tokens.len() - 1].end]
        .iter()
        .collect::<String>()
        .to_lowercase();
    Some(Claim {
        start: tokens[c0].start,
        end: tokens[c1 - 1].end,
        quote: "direct".into(),
        hedges: hedges_in(&text),
        sentence_index,
        ..opened.clone()
    })
}

pub(crate) fn hedges_in(sentence: &str) -> Vec<String> {
    HEDGES
        .iter()
        .filter(|(_, cues)| cues.iter().any(|c| contains_words(sentence, c)))
        .map(|(label, _)| label.to_string())
        .collect()
}

fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// The noun phrase right before token `v` (its first and last token),
/// skipping adverbs and auxiliaries; at most eight words back to a
/// boundary.
fn phrase_before(tokens: &[Token], v: usize) -> Option<(usize, usize)> {
    let mut end = v;
    while end > 0 && BETWEEN.contains(&tokens[end - 1].lower.as_str()) {
        end -= 1;
    }
    if end == 0 || tokens[end - 1].is_boundary || tokens[end - 1].text == "." {
        return None;
    }
    let mut start = end - 1;
    while start > 0
        && end - start < 8
        && !tokens[start - 1].is_boundary
        && !matches!(
            tokens[start - 1].lower.as_str(),
            "that"
                | "and"
                | "but"
                | "while"
                | "which"
                | "who"
                | "after"
                | "as"
                | "because"
                | "when"
                | "if"
        )
    {
        start -= 1;
    }
    Some((start, end - 1))
}

/// The phrase after token `from` up to the next boundary (at most eight
/// words): the speaker of an inverted or "according to" attribution.
fn phrase_after(tokens: &[Token], from: usize) -> (usize, usize) {
    let mut end = from;
    while end + 1 < tokens.len()
        && end + 1 - from < 8
        && !tokens[end + 1].is_boundary
        && tokens[end + 1].text != "."
    {
        end += 1;
    }
    (from, end.min(tokens.len().saturating_sub(1)))
}
