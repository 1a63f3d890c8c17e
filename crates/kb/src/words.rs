//! Words of the original text by char offset, for the context rules: the
//! word before a name, the words after it.

/// Word spans (char offsets) of a text: runs of letters and digits, with
/// inner apostrophes, hyphens and abbreviation dots kept.
pub struct Words {
    pub spans: Vec<(usize, usize)>,
}

impl Words {
    pub fn new(chars: &[char]) -> Self {
        let mut spans = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() {
                let c = chars[i];
                let inner = matches!(c, '\'' | '\u{2019}' | '-' | '.')
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                    && !(c == '.' && i > start + 1 && chars[i - 2].is_alphanumeric());
                if c.is_alphanumeric() || inner {
                    i += 1;
                } else {
                    break;
                }
            }
            spans.push((start, i));
        }
        Words { spans }
    }

    /// Index of the last word ending at or before `pos`.
    pub fn last_before(&self, pos: usize) -> Option<usize> {
        self.spans.partition_point(|w| w.1 <= pos).checked_sub(1)
    }

    pub fn text(&self, chars: &[char], i: usize) -> String {
        let (s, e) = self.spans[i];
        chars[s..e].iter().collect()
    }
}

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when only spaces lie between `a` and `b`.
pub fn only_space(chars: &[char], a: usize, b: usize) -> bool {
    a <= b && chars[a..b].iter().all(|c| c.is_whitespace())
}

/// True when only spaces and dots lie between `a` and `b` ("Mr. Doe").
pub fn only_space_or_dot(chars: &[char], a: usize, b: usize) -> bool {
    a <= b && chars[a..b].iter().all(|c| c.is_whitespace() || *c == '.')
}

/// Prepositions after which a capital is where something happens, not the
/// government that acts.
pub const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "to",
    "from",
    "into",
    "outside",
    "around",
    "over",
    "toward",
    "towards",
    "across",
    "via",
    "through",
    "inside",
    "within",
    "between",
    "outskirts",
    "visit",
    "visited",
    "visiting",
    "visits",
    "arrived",
    "landed",
    "reached",
    "of",
    "on",
    "off",
    "beyond",
    "left",
];

/// Honorifics and short titles before a name.
pub const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "maj",
    "major",
    "adm",
    "admiral",
    "sgt",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "judge",
    "prince",
    "princess",
    "sheikh",
    "king",
    "queen",
    "president",
    "minister",
    "premier",
    "chancellor",
    "ambassador",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "mayor",
    "lord",
    "sir",
    "dame",
    "professor",
    "prof",
    "captain",
    "capt",
    "ayatollah",
    "emir",
    "sultan",
];

/// Reporting verbs that make the name next to them a speaker.
pub use storyline_text::REPORTING_VERBS as REPORTING;

/// Words that never sit inside a noun phrase between a country and a role
/// word: verbs, articles and prepositions that end the phrase.
pub const PHRASE_BREAKERS: &[&str] = &[
    "and", "or", "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
    "should", "may", "might", "can", "said", "says", "told", "that", "which", "who", "whom",
    "whose", "this", "these", "those", "it", "its", "their", "his", "her", "they", "he", "she",
    "we", "not", "but", "or", "if", "than", "then", "after", "before", "since", "while", "when",
    "against", "into", "over", "about", "between", "during", "under", "sent", "send", "sends",
    "deployed", "deploy", "killed", "kill", "launched", "struck", "attacked", "fired", "met",
    "meet", "signed", "agreed", "provide", "provided", "supply", "supplied", "fight", "fought",
    "fighting", "accused", "warned", "urged", "called", "did", "do", "does",
];
