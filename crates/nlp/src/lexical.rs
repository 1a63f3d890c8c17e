//! String ids and the lexical attributes spaCy feeds to the hash embeddings
//! (PORTING.md §3): NORM, PREFIX, SUFFIX, SHAPE, SPACY and IS_SPACE.
//!
//! Everything follows Python's string semantics, because spaCy computes these
//! attributes with Python `str` methods: code points rather than bytes for
//! prefixes and suffixes, Python's `isalpha`/`isdigit`/`isupper` for shapes
//! and Python's full `lower()` for norms. The character tables live in
//! [`python`], generated from Python 3.11 (Unicode 14).

#[path = "unicode/python.rs"]
pub(crate) mod python;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use rmpv::Value;

use crate::error::NlpError;
use crate::hashing::hash_string;
use crate::tokenizer::Token;

/// spaCy's fixed symbol table, exported from `spacy.symbols.IDS`.
const SYMBOLS_JSON: &str = include_str!("../data/symbols.json");
/// spaCy's `BASE_NORMS`, exported from `spacy.lang.norm_exceptions`.
const BASE_NORMS_JSON: &str = include_str!("../data/base_norms.json");

/// The Unicode version of the Python character tables the attributes
/// follow (Python 3.11's).
pub const UNICODE_VERSION: &str = python::UNICODE_VERSION;

/// A text of this many code points or more has the shape `LONG`.
const LONG_SHAPE_CHARS: usize = 100;
/// A run of identical shape characters is cut after this many.
const MAX_SHAPE_RUN: usize = 4;

/// A hasher for keys that are already hashes (string ids). Multiplying by an
/// odd constant spreads the small symbol ids over the high bits, which the
/// hash map uses for its control bytes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(byte)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The symbol table: name hash → (name, id).
fn symbols() -> &'static IdMap<(String, u64)> {
    static SYMBOLS: OnceLock<IdMap<(String, u64)>> = OnceLock::new();
    SYMBOLS.get_or_init(|| {
        let pairs: Vec<(String, u64)> =
            serde_json::from_str(SYMBOLS_JSON).expect("data/symbols.json is built in and valid");
        pairs
            .into_iter()
            .map(|(name, id)| (hash_string(&name), (name, id)))
            .collect()
    })
}

/// `BASE_NORMS`: string id of the text → (text, norm).
fn base_norms() -> &'static IdMap<(String, String)> {
    static BASE_NORMS: OnceLock<IdMap<(String, String)>> = OnceLock::new();
    BASE_NORMS.get_or_init(|| {
        let pairs: HashMap<String, String> = serde_json::from_str(BASE_NORMS_JSON)
            .expect("data/base_norms.json is built in and valid");
        pairs
            .into_iter()
            .map(|(text, norm)| (string_id(&text), (text, norm)))
            .collect()
    })
}

/// spaCy's id of a string: 0 for the empty string, the fixed id for a name
/// in the symbol table (`"number"` → 432, `"X"` → 101), and MurmurHash64A of
/// the UTF-8 bytes otherwise.
pub fn string_id(s: &str) -> u64 {
    if s.is_empty() {
        return 0;
    }
    let hash = hash_string(s);
    match symbols().get(&hash) {
        Some((name, id)) if name == s => *id,
        _ => hash,
    }
}

/// The model's lexeme norms (`vocab/lookups.bin`, table `lexeme_norm`).
pub struct Lexicon {
    /// String id of the exact (case-sensitive) text → its norm. Some norms
    /// end in a space; they are kept as they are.
    norms: IdMap<Box<str>>,
}

impl Lexicon {
    /// Reads the `lexeme_norm` table from the msgpack bytes of
    /// `vocab/lookups.bin`.
    pub fn from_lookups(bytes: &[u8]) -> Result<Lexicon, NlpError> {
        const FILE: &str = "vocab/lookups.bin";
        let value = rmpv::decode::read_value(&mut &bytes[..])
            .map_err(|e| NlpError::model(FILE, format!("not msgpack: {e}")))?;
        let table = map_entry(&value, "lexeme_norm")
            .ok_or_else(|| NlpError::model(FILE, "no lexeme_norm table"))?;
        let Value::Map(entries) = table else {
            return Err(NlpError::model(FILE, "lexeme_norm is not a map"));
        };
        let mut norms = IdMap::default();
        for (key, norm) in entries {
            let key = key.as_u64().ok_or_else(|| {
                NlpError::model(FILE, format!("lexeme_norm key {key} is not a u64"))
            })?;
            let norm = norm.as_str().ok_or_else(|| {
                NlpError::model(FILE, format!("lexeme_norm value {norm} is not text"))
            })?;
            norms.insert(key, Box::from(norm));
        }
        Ok(Lexicon { norms })
    }

    /// The lexeme norm of `text`: the model's `lexeme_norm` entry for the
    /// exact text, else its `BASE_NORMS` entry, else Python's `text.lower()`.
    /// Borrows whenever the norm already exists as a string.
    pub fn norm<'a>(&'a self, text: &'a str) -> Cow<'a, str> {
        let id = string_id(text);
        if let Some(norm) = self.norms.get(&id) {
            return Cow::Borrowed(norm);
        }
        if let Some((key, norm)) = base_norms().get(&id) {
            if key == text {
                return Cow::Borrowed(norm.as_str());
            }
        }
        if python::is_lower_fixed_point(text) {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(python::lower(text))
        }
    }

    /// How many lexeme norms the model holds.
    pub fn len(&self) -> usize {
        self.norms.len()
    }

    /// Whether the model holds no lexeme norm at all.
    pub fn is_empty(&self) -> bool {
        self.norms.is_empty()
    }
}

/// The value under the string key `key` of a msgpack map.
fn map_entry<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    match value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// PREFIX: the first code point (empty for an empty text).
pub fn prefix(text: &str) -> &str {
    match text.chars().next() {
        Some(c) => &text[..c.len_utf8()],
        None => "",
    }
}

/// SUFFIX: the last three code points, or the whole text if it is shorter.
pub fn suffix(text: &str) -> &str {
    match text.char_indices().rev().nth(2) {
        Some((start, _)) => &text[start..],
        None => text,
    }
}

/// SHAPE as spaCy computes it with Python string methods: letters become `X`
/// or `x`, digits `d`, anything else stays; a run of one shape character is
/// cut after four; a text of 100 code points or more is `LONG`.
pub fn shape(text: &str) -> String {
    if text.chars().nth(LONG_SHAPE_CHARS - 1).is_some() {
        return "LONG".to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = None;
    let mut run = 0;
    for c in text.chars() {
        let shape_char = if python::is_alpha(c) {
            if python::is_upper(c) {
                'X'
            } else {
                'x'
            }
        } else if python::is_digit(c) {
            'd'
        } else {
            c
        };
        if last == Some(shape_char) {
            run += 1;
        } else {
            run = 0;
            last = Some(shape_char);
        }
        if run < MAX_SHAPE_RUN {
            out.push(shape_char);
        }
    }
    out
}

/// Python `text.isspace()`: true for a non-empty text of whitespace only,
/// U+001C–U+001F included.
pub fn is_space(text: &str) -> bool {
    !text.is_empty() && text.chars().all(python::is_space)
}

/// Python `text.isalpha()`: true for a non-empty text of letters (L*) only.
pub fn is_alpha(text: &str) -> bool {
    !text.is_empty() && text.chars().all(python::is_alpha)
}

/// Python `text.lower()`: the full Unicode 14 mapping with the final sigma.
pub fn py_lower(text: &str) -> String {
    python::lower(text)
}

/// The text of a token, or the empty string if its offsets do not fit the
/// text (tokens from another text).
fn token_text<'a>(text: &'a str, token: &Token) -> &'a str {
    text.get(token.start..token.end).unwrap_or("")
}

/// The norm a token shows: the NORM of the special case it comes from, if
/// any, else the lexeme norm of its text.
pub fn token_norm<'a>(text: &'a str, token: &'a Token, lexicon: &'a Lexicon) -> Cow<'a, str> {
    match token.norm.as_deref() {
        Some(norm) if !norm.is_empty() => Cow::Borrowed(norm),
        _ => lexicon.norm(token_text(text, token)),
    }
}

/// NORM, PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE ids of each token, as spaCy's
/// feature extractor gives them. The first four are string ids; SPACY and
/// IS_SPACE are the raw values 0 and 1.
pub fn feature_ids(text: &str, tokens: &[Token], lexicon: &Lexicon) -> Vec<[u64; 6]> {
    tokens
        .iter()
        .map(|token| {
            let word = token_text(text, token);
            [
                string_id(&token_norm(text, token, lexicon)),
                string_id(prefix(word)),
                string_id(suffix(word)),
                string_id(&shape(word)),
                u64::from(token.space_after),
                u64::from(is_space(word)),
            ]
        })
        .collect()
}
