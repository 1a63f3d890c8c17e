//! The compact encoding of a document's backbone annotations (tokens and
//! named-entity spans) in the store.
//!
//! As JSON the tokens would be most of a stored article (each repeats its
//! text, tag, lemma and label names), so they are kept as a deflated byte
//! string instead: a table of the distinct strings (tags, parts of speech,
//! features, labels, lemmas that are not the word itself), then per token
//! small integers: the gap from the previous token, the length, indexes into
//! the table, the head as a signed distance and the sentence step. The token
//! text is not stored: it is the document's text at the token's offsets, so
//! decoding needs the text.
//!
//! Layout, before deflate, all integers LEB128 varints:
//! `version, n_strings, (len, utf8)*, n_tokens, token*, n_spans, span*`,
//! token = `gap, len, tag, pos, morph, dep, lemma, zigzag(head - i),
//! sentence - previous sentence`, lemma = 0 (the text), 1 (the text lower-
//! cased) or 2 + a string index; span = `first_token - previous end_token,
//! token count, label`.

use flate2::{read::DeflateDecoder, write::DeflateEncoder, Compression};
use std::collections::HashMap;
use std::io::{Read, Write};
use storyline_model::{CharIndex, NerSpan, Token};

const VERSION: u64 = 1;

/// A stored token blob that does not decode: written by a newer build, or
/// damaged.
#[derive(Debug, thiserror::Error)]
#[error("stored tokens of document {document} cannot be read: {reason}")]
pub struct TokensError {
    pub document: String,
    pub reason: String,
}

/// Encodes tokens and entity spans; they must index `text` (the offsets are
/// stored relative to each other, so any consistent set encodes).
pub fn encode(tokens: &[Token], ner: &[NerSpan]) -> Vec<u8> {
    let mut strings = StringTable::default();
    let mut body = Vec::with_capacity(tokens.len() * 10);
    put(&mut body, tokens.len() as u64);
    let mut previous_end = 0usize;
    let mut previous_sentence = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        put(&mut body, t.start.saturating_sub(previous_end) as u64);
        put(&mut body, t.end.saturating_sub(t.start) as u64);
        for s in [&t.tag, &t.pos, &t.morph, &t.dep] {
            put(&mut body, strings.index(s));
        }
        let lemma = if t.lemma == t.text {
            0
        } else if t.lemma == t.text.to_lowercase() {
            1
        } else {
            2 + strings.index(&t.lemma)
        };
        put(&mut body, lemma);
        put(&mut body, zigzag(t.head as i64 - i as i64));
        put(
            &mut body,
            t.sentence.saturating_sub(previous_sentence) as u64,
        );
        previous_end = t.end.max(t.start);
        previous_sentence = t.sentence;
    }
    put(&mut body, ner.len() as u64);
    let mut previous_token = 0usize;
    for span in ner {
        put(
            &mut body,
            span.first_token.saturating_sub(previous_token) as u64,
        );
        put(
            &mut body,
            span.end_token.saturating_sub(span.first_token) as u64,
        );
        put(&mut body, strings.index(&span.label));
        previous_token = span.end_token;
    }

    let mut raw = Vec::with_capacity(body.len() + strings.bytes());
    put(&mut raw, VERSION);
    put(&mut raw, strings.list.len() as u64);
    for s in &strings.list {
        put(&mut raw, s.len() as u64);
        raw.extend_from_slice(s.as_bytes());
    }
    raw.extend_from_slice(&body);
    let mut out = DeflateEncoder::new(Vec::new(), Compression::default());
    out.write_all(&raw).expect("writing to a Vec cannot fail");
    out.finish().expect("writing to a Vec cannot fail")
}

/// Decodes what [`encode`] wrote, with the token texts taken from `text`.
pub fn decode(
    document: &str,
    blob: &[u8],
    text: &str,
) -> Result<(Vec<Token>, Vec<NerSpan>), TokensError> {
    let fail = |reason: &str| TokensError {
        document: document.to_string(),
        reason: reason.to_string(),
    };
    let mut raw = Vec::new();
    DeflateDecoder::new(blob)
        .read_to_end(&mut raw)
        .map_err(|e| fail(&format!("not deflate data ({e})")))?;
    let mut r = Reader { bytes: &raw, at: 0 };
    let version = r.next().ok_or_else(|| fail("empty"))?;
    if version != VERSION {
        return Err(fail(&format!(
            "encoding version {version}, this build reads {VERSION}"
        )));
    }
    let n_strings = r.count().ok_or_else(|| fail("truncated string table"))?;
    let mut strings = Vec::with_capacity(n_strings.min(4096));
    for _ in 0..n_strings {
        strings.push(r.string().ok_or_else(|| fail("bad string table"))?);
    }
    let string = |i: u64| {
        strings
            .get(i as usize)
            .cloned()
            .ok_or_else(|| fail("string index out of range"))
    };

    let chars = CharIndex::new(text);
    let n_tokens = r.count().ok_or_else(|| fail("truncated"))?;
    let mut tokens = Vec::with_capacity(n_tokens.min(1 << 20));
    let (mut previous_end, mut sentence) = (0usize, 0usize);
    for i in 0..n_tokens {
        let mut field = || r.next().ok_or_else(|| fail("truncated token"));
        let start = previous_end + field()? as usize;
        let end = start + field()? as usize;
        let (tag, pos, morph, dep) = (field()?, field()?, field()?, field()?);
        let lemma = field()?;
        let head = i as i64 + unzigzag(field()?);
        sentence += field()? as usize;
        if end > chars.char_len() || head < 0 || head as u64 >= n_tokens as u64 {
            return Err(fail("token outside the text"));
        }
        let word = text[chars.bytes_of_span(storyline_model::Span::new(start, end))].to_string();
        let lemma = match lemma {
            0 => word.clone(),
            1 => word.to_lowercase(),
            k => string(k - 2)?,
        };
        tokens.push(Token {
            text: word,
            start,
            end,
            tag: string(tag)?,
            pos: string(pos)?,
            morph: string(morph)?,
            lemma,
            head: head as usize,
            dep: string(dep)?,
            sentence,
        });
        previous_end = end;
    }
    let n_spans = r.count().ok_or_else(|| fail("truncated"))?;
    let mut ner = Vec::with_capacity(n_spans.min(1 << 16));
    let mut previous_token = 0usize;
    for _ in 0..n_spans {
        let mut field = || r.next().ok_or_else(|| fail("truncated entity"));
        let first_token = previous_token + field()? as usize;
        let end_token = first_token + field()? as usize;
        let label = string(field()?)?;
        if end_token > tokens.len() || first_token >= end_token {
            return Err(fail("entity outside the tokens"));
        }
        let (start, end) = (tokens[first_token].start, tokens[end_token - 1].end);
        ner.push(NerSpan {
            text: text[chars.bytes_of_span(storyline_model::Span::new(start, end))].to_string(),
            start,
            end,
            label,
            first_token,
            end_token,
        });
        previous_token = end_token;
    }
    Ok((tokens, ner))
}

/// Distinct strings in first-seen order.
#[derive(Default)]
struct StringTable {
    list: Vec<String>,
    index: HashMap<String, u64>,
}

impl StringTable {
    fn index(&mut self, s: &str) -> u64 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u64;
        self.list.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }

    fn bytes(&self) -> usize {
        self.list.iter().map(|s| s.len() + 2).sum()
    }
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// A count, refused when it could not fit in what is left (so a damaged
    /// blob cannot ask for a huge allocation).
    fn count(&mut self) -> Option<usize> {
        let n = self.next()? as usize;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn string(&mut self) -> Option<String> {
        let len = self.count()?;
        let s = std::str::from_utf8(&self.bytes[self.at..self.at + len]).ok()?;
        self.at += len;
        Some(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, at: usize, tag: &str, lemma: &str, head: usize, sentence: usize) -> Token {
        let start = text[..at].chars().count();
        let word: String = text[at..].split(' ').next().unwrap_or("").to_string();
        Token {
            end: start + word.chars().count(),
            text: word,
            start,
            tag: tag.into(),
            pos: "X".into(),
            morph: String::new(),
            lemma: lemma.into(),
            head,
            dep: if head == 0 { "ROOT" } else { "dep" }.into(),
            sentence,
        }
    }

    #[test]
    fn tokens_round_trip_through_the_blob() {
        let text = "Ärzte said they were ready. Kyiv agreed";
        let tokens = vec![
            token(text, 0, "NNS", "Ärzte", 1, 0),
            token(text, text.find("said").unwrap(), "VBD", "say", 1, 0),
            token(text, text.find("they").unwrap(), "PRP", "they", 3, 0),
            token(text, text.find("were").unwrap(), "VBD", "be", 1, 0),
            token(text, text.find("ready").unwrap(), "JJ", "ready", 3, 0),
            token(text, text.find("Kyiv").unwrap(), "NNP", "Kyiv", 6, 1),
            token(text, text.find("agreed").unwrap(), "VBD", "agree", 6, 1),
        ];
        let ner = vec![NerSpan {
            text: "Kyiv".into(),
            start: tokens[5].start,
            end: tokens[5].end,
            label: "GPE".into(),
            first_token: 5,
            end_token: 6,
        }];
        let blob = encode(&tokens, &ner);
        let (back, back_ner) = decode("d", &blob, text).unwrap();
        assert_eq!(back, tokens);
        assert_eq!(back_ner, ner);
    }

    #[test]
    fn damaged_blobs_are_errors_not_panics() {
        let text = "one two";
        for blob in [&b""[..], b"\x00\x01", b"garbage that is not deflate"] {
            assert!(decode("d", blob, text).is_err());
        }
        let good = encode(&[token(text, 0, "CD", "one", 0, 0)], &[]);
        for cut in 0..good.len() {
            let _ = decode("d", &good[..cut], text);
        }
        // A blob for a longer text must not slice outside a shorter one.
        assert!(decode("d", &good, "").is_err());
    }
}
