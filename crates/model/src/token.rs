use serde::{Deserialize, Serialize};

/// One token of the linguistic backbone: the output contract's token
/// object. Offsets count characters of the document's cleaned `text`.
///
/// Whitespace that is not a single space after a word (a paragraph break,
/// a double space) is a token of its own, tagged `_SP`, as the model sees
/// it; `head` indexes the document's `tokens`, and a sentence root is its
/// own head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The Penn Treebank tag (`NNP`, `VBD`, `_SP`).
    pub tag: String,
    /// The Universal Dependencies part of speech (`PROPN`, `VERB`, `SPACE`).
    pub pos: String,
    /// Universal Dependencies morphological features (`Number=Sing|Tense=Past`), or empty.
    #[serde(default)]
    pub morph: String,
    pub lemma: String,
    pub head: usize,
    /// The dependency label (`nsubj`, `dobj`, `ROOT`).
    pub dep: String,
    /// The index of the token's sentence, as the parser divides the text.
    pub sentence: usize,
}

impl Token {
    pub fn is_space(&self) -> bool {
        self.tag == "_SP"
    }
}

/// A named-entity span found by the backbone's recogniser, with the
/// model's OntoNotes label (`PERSON`, `ORG`, `GPE`, `DATE`, `MONEY`, ...).
/// `first_token..end_token` index the document's `tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NerSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub first_token: usize,
    pub end_token: usize,
}
