//! Which way a clause looks from the anchor date: a weekday in "said on
//! Friday" is the last Friday, in "will meet on Friday" the next one.
//! The nearest tense marker to the expression decides.

use crate::resolve::Direction;
use crate::token::Token;

/// Words that put a clause in the future.
fn future(words: &[&str], k: usize) -> bool {
    let w = words[k];
    // "would" is the future seen from a past statement ("said it would
    // deliver them by mid-January").
    if matches!(
        w,
        "will" | "shall" | "ll" | "would" | "upcoming" | "scheduled" | "forthcoming"
    ) {
        return true;
    }
    let next = words.get(k + 1).copied().unwrap_or("");
    matches!(
        (w, next),
        (
            "going"
                | "plans"
                | "plan"
                | "planned"
                | "expected"
                | "set"
                | "due"
                | "intends"
                | "aims"
                | "hopes",
            "to"
        ) | ("is" | "are", "to")
    )
}

/// Words that put a clause in the past: common irregular past forms and
/// regular "-ed" verbs.
fn past(words: &[&str], k: usize) -> bool {
    const IRREGULAR: &[&str] = &[
        "said", "was", "were", "had", "did", "told", "went", "came", "took", "met", "made",
        "began", "saw", "left", "held", "sent", "gave", "spoke", "fought", "won", "lost", "struck",
        "fled", "led", "became", "brought", "bought", "caught", "found", "thought", "wrote",
        "rose", "fell", "ran", "sold", "paid", "kept", "stood", "sought", "drove", "flew", "grew",
        "knew", "threw", "ago", "earlier", "been", "has", "have",
    ];
    const NOT_VERBS: &[&str] = &[
        "need",
        "needed",
        "speed",
        "feed",
        "seed",
        "bed",
        "red",
        "shed",
        "hundred",
        "indeed",
        "breed",
        "united",
        "based",
        "armed",
        "advanced",
        "detailed",
        "limited",
        "related",
        "unprecedented",
        "so-called",
        "proposed",
        "expected",
        "scheduled",
        "planned",
        "supposed",
        "concerned",
        "interested",
        "alleged",
        "reported",
    ];
    // Words before an "-ed" form that make it an adjective or a passive
    // participle ("armored vehicles", "will be pushed"), not a past verb.
    const NOT_BEFORE_PAST: &[&str] = &[
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "with",
        "by",
        "for",
        "hundreds",
        "thousands",
        "millions",
        "many",
        "several",
        "some",
        "more",
        "most",
        "its",
        "their",
        "his",
        "her",
        "our",
        "these",
        "those",
        "newly",
        "be",
        "being",
        "to",
        "well",
        "heavily",
        "fully",
    ];
    let w = words[k];
    if IRREGULAR.contains(&w) {
        return true;
    }
    let before = if k > 0 { words[k - 1] } else { "" };
    w.len() > 4
        && w.ends_with("ed")
        && !NOT_VERBS.contains(&w)
        && !NOT_BEFORE_PAST.contains(&before)
}

/// Whether words hold a finite verb (a past form, a future marker, or a
/// present "is", "are", "says"): a clause with one is a statement of its
/// own, not an adverbial phrase ("Talks resumed on Wednesday," against
/// "At a briefing on Wednesday,").
pub fn has_finite_verb(words: &[&str]) -> bool {
    (0..words.len()).any(|k| {
        past(words, k) || future(words, k) || matches!(words[k], "is" | "are" | "says" | "say")
    })
}

/// The direction for an expression covering tokens `first..=last` of a
/// sentence whose tokens are `sentence`.
pub fn direction(sentence: &[Token], first: usize, last: usize) -> Direction {
    // "back in June" looks back whatever the rest of the clause says.
    if first > 0 && sentence[first - 1].word() == Some("back") {
        return Direction::Past;
    }
    // The expression's own clause first (bounded by commas, semicolons
    // and dashes), then the whole sentence.
    let boundary = |t: &Token| {
        matches!(
            t.kind,
            crate::token::Kind::Punct(',' | ';' | ':' | '—' | '–' | '(' | ')')
        )
    };
    let lo = sentence[..first]
        .iter()
        .rposition(boundary)
        .map_or(0, |k| k + 1);
    let hi = sentence[last + 1..]
        .iter()
        .position(boundary)
        .map_or(sentence.len(), |k| last + 1 + k);
    match nearest(sentence, first, last, lo, hi) {
        Direction::Unknown => nearest(sentence, first, last, 0, sentence.len()),
        d => d,
    }
}

fn nearest(sentence: &[Token], first: usize, last: usize, lo: usize, hi: usize) -> Direction {
    let words: Vec<&str> = sentence.iter().map(|t| t.word().unwrap_or("")).collect();
    let mut best: Option<(usize, Direction)> = None;
    for k in lo..hi {
        if (first..=last).contains(&k) {
            continue;
        }
        let d = if future(&words, k) {
            Direction::Future
        } else if past(&words, k) {
            Direction::Past
        } else {
            continue;
        };
        let dist = if k < first { first - k } else { k - last };
        // A future marker wins a tie: "said it will hold talks on Friday".
        let better = match best {
            None => true,
            Some((b, bd)) => {
                dist < b || (dist == b && d == Direction::Future && bd != Direction::Future)
            }
        };
        if better {
            best = Some((dist, d));
        }
    }
    best.map_or(Direction::Unknown, |(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn dir(s: &str, word: &str) -> Direction {
        let t = tokenize(s);
        let k = t.iter().position(|t| t.word() == Some(word)).unwrap();
        direction(&t, k, k)
    }

    #[test]
    fn past_and_future_clauses() {
        assert_eq!(
            dir("The minister said on Friday that talks failed", "friday"),
            Direction::Past
        );
        assert_eq!(
            dir("The minister will travel on Friday", "friday"),
            Direction::Future
        );
        assert_eq!(dir("Talks on Friday", "friday"), Direction::Unknown);
        assert_eq!(
            dir("Officials are expected to meet on Friday", "friday"),
            Direction::Future
        );
    }
}
