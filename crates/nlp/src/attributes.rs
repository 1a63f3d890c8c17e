//! The attribute ruler and the English rule lemmatizer (PORTING.md §1.5,
//! §1.6, §5): they turn the tagger's PTB tags and the parser's labels into
//! POS, morphology and lemmas, and fix the tag and label of whitespace
//! tokens.
//!
//! Both work on one [`TokenAttrs`] per token. The pipeline runs the ruler
//! after the parser and the lemmatizer right after the ruler.

mod lemmatizer;
mod ruler;

pub use lemmatizer::Lemmatizer;
pub use ruler::AttributeRuler;

/// The attributes the ruler and the lemmatizer read and write.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenAttrs {
    /// The fine-grained (PTB) tag, from the tagger.
    pub tag: String,
    /// The universal POS, empty until the ruler sets it.
    pub pos: String,
    /// The morphology, `Feat=Val|...` in canonical order, empty when none.
    pub morph: String,
    /// The lemma; `None` until the ruler or the lemmatizer sets it.
    pub lemma: Option<String>,
    /// The dependency label, from the parser.
    pub dep: String,
}

impl TokenAttrs {
    /// A token as the tagger and the parser leave it: no POS, morphology
    /// or lemma yet.
    pub fn new(tag: impl Into<String>, dep: impl Into<String>) -> TokenAttrs {
        TokenAttrs {
            tag: tag.into(),
            dep: dep.into(),
            ..TokenAttrs::default()
        }
    }
}
