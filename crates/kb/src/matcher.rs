//! Dictionary matching: every knowledge-base name found in the folded
//! article, at word boundaries, written the way the name requires.

use crate::fold::{first_token, Folded};
use crate::kb::Kb;

/// A knowledge-base name found in the text. `start` and `end` are char
/// offsets of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// All names found, overlapping ones included, in order of start and
/// then of end.
///
/// A name can only begin where a word begins, and the text's first token
/// there (see [`first_token`]) must be the name's own: the knowledge base
/// keeps, for each first token, the longest name that starts with it, so
/// most words cost one lookup and the rest one lookup per word boundary
/// within that length. This needs nothing built beyond the name table
/// itself, where an automaton over 64,000 names took longer to build than
/// the rest of the knowledge base.
pub fn find_hits(kb: &Kb, folded: &Folded, chars: &[char]) -> Vec<Hit> {
    let text = folded.text.as_str();
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    for (fs, _) in text.char_indices() {
        if !boundary_before(text, fs) {
            continue;
        }
        let token = first_token(&text[fs..]);
        let Some(longest) = kb.longest_name_after(token) else {
            continue;
        };
        let limit = (fs + longest).min(text.len());
        for fe in (fs + token.len())..=limit {
            if !text.is_char_boundary(fe) || !boundary_after(bytes, text, fe) {
                continue;
            }
            let Some(pattern) = kb.pattern_index(&text[fs..fe]) else {
                continue;
            };
            let start = folded.origin[fs];
            let end = folded.origin[fe - 1] + 1;
            // A name that ends in a letter must not swallow a dropped
            // abbreviation dot after it: "U.S." ends after its final dot.
            let end = if chars.get(end) == Some(&'.') && is_abbreviation(&chars[start..end]) {
                end + 1
            } else {
                end
            };
            let p = &kb.patterns[pattern];
            if p.any_case || written_as_required(&p.written, &chars[start..end]) {
                hits.push(Hit {
                    start,
                    end,
                    pattern,
                });
            }
        }
    }
    hits
}

fn boundary_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(bytes: &[u8], text: &str, at: usize) -> bool {
    at >= bytes.len()
        || text[at..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn is_abbreviation(surface: &[char]) -> bool {
    surface.len() >= 2 && surface[surface.len() - 2] == '.'
}

/// Names written in the data with capitals need a capital in the text;
/// short acronyms ("US", "UN", "EU") need all their letters in capitals, so
/// the pronoun "us" is not the United States.
pub fn written_as_required(written: &str, surface: &[char]) -> bool {
    if !written.chars().any(char::is_uppercase) {
        return true;
    }
    let Some(first) = surface.iter().find(|c| c.is_alphabetic()) else {
        return true;
    };
    // The first letter is as the data writes it: "al-Qaeda" may start in
    // lower case, "Georgia" may not.
    let written_first_upper = written
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    if written_first_upper && !first.is_uppercase() {
        return false;
    }
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase());
    !acronym
        || surface
            .iter()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
}

/// Keeps the longest hits that do not overlap, among those `keep` accepts.
pub fn longest_first(mut hits: Vec<Hit>, mut keep: impl FnMut(&Hit) -> bool) -> Vec<Hit> {
    hits.sort_by_key(|h| (std::cmp::Reverse(h.end - h.start), h.start));
    // Taken hits are disjoint, so the one starting last before a hit's end
    // is the only one that can overlap it: a map by start answers that in
    // logarithmic time.
    let mut taken: std::collections::BTreeMap<usize, Hit> = std::collections::BTreeMap::new();
    for h in hits {
        let overlaps = taken
            .range(..h.end)
            .next_back()
            .is_some_and(|(_, t)| t.end > h.start);
        if !overlaps && keep(&h) {
            taken.insert(h.start, h);
        }
    }
    taken.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn case_rules() {
        assert!(written_as_required("US", &chars("U.S.")));
        assert!(written_as_required("US", &chars("US")));
        assert!(!written_as_required("US", &chars("us")));
        assert!(!written_as_required("US", &chars("Us")));
        assert!(written_as_required("NATO", &chars("Nato")));
        assert!(!written_as_required("Georgia", &chars("georgia")));
        assert!(written_as_required("troops", &chars("Troops")));
        assert!(written_as_required("al-Qaeda", &chars("al-Qaeda")));
        assert!(written_as_required("al-Qaeda", &chars("Al-Qaeda")));
    }
}
