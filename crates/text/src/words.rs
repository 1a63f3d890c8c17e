/// The words of a line: maximal runs of letters, digits and inner
/// apostrophes, so that "Ukraine’s" is one word.
pub fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// English function words. Running prose is dense in them (a third or more
/// of its words), headlines, menus and link lists are not, which makes their
/// share a robust signal for telling article text from page furniture.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her",
    "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
    "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not", "now", "of", "off",
    "on", "once", "only", "or", "other", "our", "out", "over", "own", "said", "same", "says",
    "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
    "will", "with", "would", "you", "your",
];

/// The length of the longest stopword: longer words are rejected without
/// a lookup, which is most content words.
const LONGEST_STOPWORD: usize = 7;

/// Whether a word (any case) is an English function word.
pub fn is_stopword(word: &str) -> bool {
    // Lower-case into a stack buffer: this runs once per word of every
    // line, and the list is short ASCII words.
    let mut buf = [0u8; LONGEST_STOPWORD];
    let bytes = word.as_bytes();
    if bytes.len() > LONGEST_STOPWORD || !word.is_ascii() {
        return false;
    }
    for (b, w) in buf.iter_mut().zip(bytes) {
        *b = w.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or_default();
    STOPWORDS.binary_search(&lower).is_ok()
}

/// Reporting verbs as they appear in news ("said", "told", "according"
/// is handled by its callers): they make the name beside them a speaker
/// and what follows a statement. Shared by coreference ("he said") and
/// claims.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "claimed",
    "claims",
    "warned",
    "warns",
    "stated",
    "states",
    "noted",
    "notes",
    "announced",
    "announces",
    "insisted",
    "insists",
    "argued",
    "argues",
    "wrote",
    "writes",
    "explained",
    "stressed",
    "stresses",
    "asserted",
    "declared",
    "declares",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "acknowledged",
    "estimated",
    "estimates",
    "assessed",
    "assesses",
    "reported",
    "reports",
    "believes",
    "tweeted",
    "posted",
    "alleged",
    "alleges",
];

/// Lemmas of verbs that attribute what follows to their subject, beyond
/// the printed forms of `REPORTING_VERBS`: "pointed out", "replied",
/// "recalled", "testified", "believes". Coreference reads a pronoun that is
/// their subject as a speaker; the claim finder has its own frames for
/// them.
pub const ATTRIBUTION_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "warn",
    "note",
    "explain",
    "point",
    "reply",
    "respond",
    "recall",
    "remark",
    "emphasise",
    "emphasize",
    "testify",
    "contend",
    "concede",
    "admit",
    "reiterate",
    "caution",
    "insist",
    "argue",
    "write",
    "stress",
    "confirm",
    "acknowledge",
    "believe",
    "mention",
    "complain",
    "maintain",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            STOPWORDS.iter().map(|w| w.len()).max(),
            Some(LONGEST_STOPWORD)
        );
        assert!(is_stopword("The"));
        assert!(!is_stopword("troops"));
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        let w: Vec<_> = words("Kyiv’s forces, 3,000 'strong'").collect();
        assert_eq!(w, ["Kyiv’s", "forces", "3", "000", "strong"]);
    }
}
