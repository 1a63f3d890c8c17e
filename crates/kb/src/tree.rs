//! Small questions asked of the backbone's parse: the span and tree
//! helpers shared with the other stages, and whether a token is the
//! subject of a reporting verb.

pub use storyline_model::tree::{phrase_head, token_range, tokens_in, Children};
use storyline_model::Token;

/// True when `token` is the subject of a reporting verb ("Tipton said",
/// "she told reporters", "it said in a statement").
pub fn subject_of_reporting_verb(tokens: &[Token], index: usize) -> bool {
    let token = &tokens[index];
    token.dep == "nsubj" && tokens.get(token.head).is_some_and(is_reporting_verb)
}

/// True when `t` is a verb printed as one of `REPORTING_VERBS` ("said",
/// "warns"), by its lemma or its form.
pub fn is_reporting_verb(t: &Token) -> bool {
    t.pos == "VERB"
        && [t.lemma.as_str(), t.text.to_lowercase().as_str()]
            .iter()
            .any(|w| storyline_text::REPORTING_VERBS.contains(w))
}
