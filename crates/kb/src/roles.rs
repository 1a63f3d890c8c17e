//! Which actors of a sentence act and which are acted on, read from their
//! positions: the first actor and those coordinated with it are the
//! source, the next actor and its coordinates the target. Actors inside
//! an attribution ("..., a UN official said", "according to ...") are
//! neither. This is the reading used until the event coder gives each
//! verb its own clause; it is what `eval plover` scores for actors.

use crate::words::REPORTING;
use storyline_model::Entity;

/// Indices into `entities` (which must lie within `sentence`, sorted by
/// start) of the source and target actors. Offsets are chars of `text`.
pub fn source_and_target(
    text: &[char],
    sentence: (usize, usize),
    entities: &[Entity],
) -> (Vec<usize>, Vec<usize>) {
    let cut = attribution_start(text, sentence);
    let mut actors: Vec<usize> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let inside = e.start >= sentence.0 && e.end <= cut;
        let after_last = actors.last().is_none_or(|&p| entities[p].end <= e.start);
        if inside
            && after_last
            && e.code.is_some()
            && !matches!(e.rule.as_str(), "coref:pronoun" | "title")
        {
            actors.push(i);
        }
    }
    // An actor's phrase starts at the country of its title: "and Bulgarian
    // President Todor Zhivkov" is coordinated with what comes before.
    let lead = |i: usize| -> usize {
        let e = &entities[i];
        entities[..i]
            .iter()
            .rev()
            .find(|t| t.rule == "title" && t.end <= e.start)
            .filter(|t| {
                text[t.end..e.start]
                    .iter()
                    .collect::<String>()
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "of")
            })
            .map_or(e.start, |t| t.start)
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in &actors {
        let joined = groups.last().and_then(|g| g.last()).is_some_and(|&p| {
            let start = lead(i).max(entities[p].end);
            let gap: String = text[entities[p].end..start].iter().collect();
            matches!(
                gap.trim(),
                "and" | "," | ", and" | "or" | "-" | "/" | "and the" | ", the"
            )
        });
        match (joined, groups.last_mut()) {
            (true, Some(g)) => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    let mut groups = groups.into_iter();
    let source = groups.next().unwrap_or_default();
    // A country or place "in" which something happens is where, not whom.
    let is_setting = |g: &Vec<usize>| {
        let e = &entities[g[0]];
        let before: String = text[sentence.0..e.start].iter().collect();
        let word = before
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        matches!(e.kind.as_str(), "country" | "place")
            && matches!(word.as_str(), "in" | "inside" | "within")
    };
    let target = if source.len() > 1 {
        Vec::new()
    } else {
        groups.find(|g| !is_setting(g)).unwrap_or_default()
    };
    (source, target)
}

/// Where a trailing attribution starts: the last comma before a final
/// reporting verb, or "according to". The sentence end when there is none.
fn attribution_start(text: &[char], sentence: (usize, usize)) -> usize {
    let s: String = text[sentence.0..sentence.1].iter().collect();
    let lower = s.to_lowercase();
    let mut cut = s.chars().count();
    if let Some(b) = lower.find("according to") {
        cut = cut.min(lower[..b].chars().count());
    }
    if let Some(comma) = lower.rfind(", ") {
        let tail = &lower[comma..];
        if tail
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| REPORTING.contains(&w))
        {
            cut = cut.min(lower[..comma].chars().count());
        }
    }
    sentence.0 + cut
}

/// The country codes (first part of the actor code: `USA`, `IGO`) of the
/// source and target actors of one sentence read on its own, with the
/// backbone's reading of it (or none).
pub fn sentence_codes(
    kb: &crate::Kb,
    sentence: &str,
    date: Option<chrono::NaiveDate>,
    parsed: crate::Parsed,
) -> (
    std::collections::BTreeSet<String>,
    std::collections::BTreeSet<String>,
) {
    let chars: Vec<char> = sentence.chars().collect();
    let span = storyline_model::Span::new(0, chars.len());
    let entities = crate::annotate(kb, sentence, &[span], date, parsed);
    let (s, t) = source_and_target(&chars, (0, chars.len()), &entities);
    let codes = |ix: Vec<usize>| {
        ix.into_iter()
            .filter_map(|i| {
                entities[i]
                    .code
                    .as_deref()
                    .and_then(|c| c.split(' ').next())
                    // A business of unknown country ("BUS") has no
                    // country code to compare.
                    .filter(|c| !kb.is_sector(c))
                    .map(str::to_string)
            })
            .collect()
    };
    (codes(s), codes(t))
}
