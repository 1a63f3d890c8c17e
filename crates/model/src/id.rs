use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A document id derived from its cleaned text, so the same article reached
/// from two places (two paths, a URL and a file) is one document.
///
/// The text is reduced before hashing: case folded, and every run of
/// whitespace or punctuation collapsed to one space, so that copies that
/// differ only in line breaks, curly versus straight quotes or spacing get
/// the same id. Sixteen hex digits (64 bits) keep ids short enough to type;
/// collisions are negligible at the corpus sizes storyline is built for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    pub fn from_text(text: &str) -> Self {
        // The reduced text is built first and hashed in one call: feeding
        // the hasher character by character costs more than the hashing.
        let mut reduced = String::with_capacity(text.len());
        let mut pending_space = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
                if pending_space && !reduced.is_empty() {
                    reduced.push(' ');
                }
                pending_space = false;
                reduced.extend(c.to_lowercase());
            } else {
                pending_space = true;
            }
        }
        let mut hasher = Sha256::new();
        hasher.update(reduced.as_bytes());
        let digest = hasher.finalize();
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        DocId(hex)
    }

    /// Wraps an id read back from the store or typed by a user.
    pub fn from_raw(raw: impl Into<String>) -> Self {
        DocId(raw.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_article_with_different_spacing_and_quotes_has_one_id() {
        let a = DocId::from_text("Kyiv’s forces held.\n\nTalks resume.");
        let b = DocId::from_text("kyiv's  forces held. Talks resume.");
        assert_eq!(a, b);
        assert_ne!(a, DocId::from_text("Kyiv's forces fell. Talks resume."));
        assert_eq!(a.as_str().len(), 16);
    }
}
