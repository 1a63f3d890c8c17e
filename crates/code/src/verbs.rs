//! The verb dictionary: patterns read from `data/verbs.tsv` (and the
//! user's files), their inflected forms, and matching over a sentence's
//! words.

use crate::tokens::Token;
use crate::CodeError;
use std::collections::HashMap;

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub category: String,
    pub mode: Option<String>,
    /// The entry as written, for the `rule` of the events it codes.
    pub source: String,
    /// Word alternatives after the first word; `None` is a gap of up to
    /// four words, or twelve when the parse links the words across it.
    pub rest: Vec<Option<Vec<String>>>,
    /// True for a noun or phrase taken literally rather than a verb.
    pub literal: bool,
    /// What the verb's object must be, read from the parse (the direct
    /// object, or the subject of a passive): lemmas of its head word, or
    /// `@party` for a person, body, country or group ("charged him", not
    /// "charged $40"). `None`: anything. Text without a parse is not
    /// checked.
    pub objects: Option<Vec<String>>,
}

/// The dictionary: patterns by every form of their first word.
#[derive(Debug, Default)]
pub struct Verbs {
    pub patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
    /// Each pattern's index by its words as written, so that a user's
    /// entry for the same words finds the shipped one without a scan.
    by_words: HashMap<String, usize>,
}

/// A pattern matched in a sentence: the words it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbMatch {
    pub pattern: usize,
    /// Token indices, first and last (inclusive).
    pub first: usize,
    pub last: usize,
}

pub const BUILTIN: &str = include_str!("../data/verbs.tsv");

const MAX_GAP: usize = 4;

/// The longest gap allowed when the parse links the words across it.
const MAX_LINKED_GAP: usize = 12;

impl Verbs {
    /// Reads dictionary files; later files add to earlier ones, and a
    /// user's entry for the same words replaces the shipped one.
    pub fn load(files: &[(&str, &str)]) -> Result<Verbs, CodeError> {
        let mut verbs = Verbs::default();
        for (name, text) in files {
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let err = |message: String| CodeError {
                    file: name.to_string(),
                    line: n + 1,
                    message,
                };
                let f: Vec<&str> = line.split('\t').collect();
                if !(4..=5).contains(&f.len()) || f[0] != "verb" {
                    return Err(err(format!(
                        "expected `verb<TAB>CATEGORY<TAB>mode<TAB>pattern` and an optional `<TAB>object words`, found {} fields",
                        f.len()
                    )));
                }
                let objects = f
                    .get(4)
                    .map(|o| o.trim())
                    .filter(|o| !o.is_empty())
                    .map(|o| o.split('|').map(|w| w.trim().to_lowercase()).collect());
                let category = f[1].trim().to_uppercase();
                if !CATEGORIES.contains(&category.as_str()) {
                    return Err(err(format!("{category:?} is not a PLOVER category")));
                }
                let mode = Some(f[2].trim())
                    .filter(|m| !m.is_empty())
                    .map(str::to_string);
                verbs
                    .add(&category, mode, f[3].trim(), objects)
                    .map_err(err)?;
            }
        }
        Ok(verbs)
    }

    fn add(
        &mut self,
        category: &str,
        mode: Option<String>,
        pattern: &str,
        objects: Option<Vec<String>>,
    ) -> Result<(), String> {
        let words: Vec<&str> = pattern.split_whitespace().collect();
        let Some(first) = words.first() else {
            return Err("the pattern is empty".into());
        };
        let (forms, literal) = if let Some(lit) = first.strip_prefix('=') {
            (vec![lit.to_lowercase()], true)
        } else if let Some(lemma) = first.strip_prefix('~') {
            // Past and -ing forms only: the bare and -s forms of these
            // verbs are nouns more often ("back", "supplies", "forces").
            let lemma = lemma.to_lowercase();
            let irregular = IRREGULAR
                .iter()
                .find(|(l, _)| *l == lemma)
                .map_or(&[][..], |(_, f)| *f);
            let mut f = inflections(&lemma);
            f.retain(|x| {
                x.ends_with("ed") || x.ends_with("ing") || irregular.contains(&x.as_str())
            });
            (f, false)
        } else {
            (inflections(&first.to_lowercase()), false)
        };
        let rest = words[1..]
            .iter()
            .map(|w| (*w != "*").then(|| w.split('|').map(str::to_lowercase).collect()))
            .collect();
        let source = format!("verb {category} {pattern}");
        // A user's entry for the same words replaces the shipped one.
        if let Some(&i) = self.by_words.get(pattern) {
            self.patterns[i] = Pattern {
                category: category.into(),
                mode,
                source,
                rest,
                literal,
                objects,
            };
            return Ok(());
        }
        let index = self.patterns.len();
        self.by_words.insert(pattern.to_string(), index);
        self.patterns.push(Pattern {
            category: category.into(),
            mode,
            source,
            rest,
            literal,
            objects,
        });
        for f in forms {
            self.by_first.entry(f).or_default().push(index);
        }
        Ok(())
    }

    /// Every pattern that starts at each token, the longest per start.
    pub fn find(&self, tokens: &[Token]) -> Vec<VerbMatch> {
        self.find_linked(tokens, &|_, _| false)
    }

    /// As `find`, but a gap may run past four words to a word that
    /// `linked(first, word)` says the pattern's first word governs: the
    /// parse sees that "ordered the city's largest radio station to
    /// suspend" is one "order * to suspend" however long its object.
    pub fn find_linked(
        &self,
        tokens: &[Token],
        linked: &dyn Fn(usize, usize) -> bool,
    ) -> Vec<VerbMatch> {
        let mut out = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let Some(cands) = self.by_first.get(t.lower.as_str()) else {
                continue;
            };
            let best = cands
                .iter()
                .filter_map(|&p| {
                    self.match_rest(tokens, i, p, linked).map(|last| VerbMatch {
                        pattern: p,
                        first: i,
                        last,
                    })
                })
                .max_by_key(|m| (m.last, self.patterns[m.pattern].rest.len()));
            if let Some(m) = best {
                out.push(m);
            }
        }
        out
    }

    fn match_rest(
        &self,
        tokens: &[Token],
        first: usize,
        p: usize,
        linked: &dyn Fn(usize, usize) -> bool,
    ) -> Option<usize> {
        let mut at = first;
        let mut gap = false;
        for part in &self.patterns[p].rest {
            match part {
                None => gap = true,
                Some(alts) => {
                    let limit = if gap { MAX_LINKED_GAP + 1 } else { 1 };
                    let found = (1..=limit).find(|&d| {
                        tokens.get(at + d).is_some_and(|t| alts.contains(&t.lower))
                            && tokens[at + 1..at + d].iter().all(|t| !t.is_boundary)
                            && (d <= MAX_GAP + 1 || linked(first, at + d))
                    })?;
                    at += found;
                    gap = false;
                }
            }
        }
        Some(at)
    }
}

pub const CATEGORIES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    // Not PLOVER: a change of office (an inauguration), for the timeline.
    "TRANSITION",
];

/// The categories of the PLOVER ontology: all but storyline's own.
pub fn is_plover(category: &str) -> bool {
    category != "TRANSITION" && CATEGORIES.contains(&category)
}

/// Irregular past forms (past, participle) of the lemmas the dictionary uses.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("meet", &["met"]),
    ("hold", &["held"]),
    ("give", &["gave", "given"]),
    ("send", &["sent"]),
    ("take", &["took", "taken"]),
    ("fight", &["fought"]),
    ("shoot", &["shot"]),
    ("seek", &["sought"]),
    ("strike", &["struck", "stricken"]),
    ("beat", &["beat", "beaten"]),
    ("speak", &["spoke", "spoken"]),
    ("lend", &["lent"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("go", &["went", "gone", "goes"]),
    ("put", &["put"]),
    ("shut", &["shut"]),
    ("cut", &["cut"]),
    ("freeze", &["froze", "frozen"]),
    ("forgive", &["forgave", "forgiven"]),
    ("break", &["broke", "broken"]),
    ("be", &["is", "are", "was", "were", "been", "am"]),
    ("bring", &["brought"]),
    ("lead", &["led"]),
    ("win", &["won"]),
    ("set", &["set"]),
    ("deal", &["dealt"]),
    ("overtake", &["overtook", "overtaken"]),
    ("undertake", &["undertook", "undertaken"]),
    ("wound", &["wounded"]),
];

/// Verbs that double their last consonant (ban, banned) beyond the
/// one-syllable rule.
const DOUBLING: &[&str] = &[
    "commit", "expel", "compel", "admit", "submit", "control", "patrol", "kidnap", "refer",
    "transfer", "occur", "regret", "cancel", "travel", "equip", "permit", "rebel", "acquit",
    "abet", "label", "signal", "fuel",
];

/// The forms of a lemma (or of a multi-word verb's first word): base,
/// third person, past, participle, gerund.
pub fn inflections(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    if let Some((_, forms)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        out.extend(forms.iter().map(|f| f.to_string()));
    }
    if lemma == "be" {
        out.push("being".into());
        return out;
    }
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiou".contains(c);
    let last = chars.last().copied().unwrap_or(' ');
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || (last == 'o' && n > 1 && !vowel(chars[n - 2]))
    {
        format!("{lemma}es")
    } else if last == 'y' && n > 1 && !vowel(chars[n - 2]) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    out.push(third);
    let cvc = n >= 3
        && !vowel(last)
        && !"wxy".contains(last)
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3]);
    let one_syllable = chars.iter().filter(|c| vowel(**c)).count() == 1;
    let double = cvc && (one_syllable || DOUBLING.contains(&lemma));
    if last == 'e' {
        out.push(format!("{lemma}d"));
        if lemma.ends_with("ee") {
            out.push(format!("{lemma}ing"));
        } else {
            out.push(format!("{}ing", &lemma[..lemma.len() - 1]));
        }
    } else if last == 'y' && n > 1 && !vowel(chars[n - 2]) {
        out.push(format!("{}ied", &lemma[..lemma.len() - 1]));
        out.push(format!("{lemma}ing"));
    } else if double {
        out.push(format!("{lemma}{last}ed"));
        out.push(format!("{lemma}{last}ing"));
        // American spelling keeps one consonant for stress-initial verbs.
        if !one_syllable {
            out.push(format!("{lemma}ed"));
            out.push(format!("{lemma}ing"));
        }
    } else {
        out.push(format!("{lemma}ed"));
        out.push(format!("{lemma}ing"));
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_of_regular_and_irregular_verbs() {
        let has = |lemma: &str, form: &str| inflections(lemma).iter().any(|f| f == form);
        for (lemma, form) in [
            ("agree", "agreed"),
            ("agree", "agreeing"),
            ("provide", "providing"),
            ("deploy", "deployed"),
            ("apologize", "apologizes"),
            ("ban", "banned"),
            ("expel", "expelled"),
            ("criticize", "criticized"),
            ("meet", "met"),
            ("withdraw", "withdrawn"),
            ("carry", "carried"),
            ("reach", "reaches"),
            ("veto", "vetoes"),
            ("cancel", "canceled"),
            ("cancel", "cancelled"),
        ] {
            assert!(
                has(lemma, form),
                "{lemma} -> {form}: {:?}",
                inflections(lemma)
            );
        }
    }
}
