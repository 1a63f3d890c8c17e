//! spaCy's rule-based tokenizer, rebuilt from the model's `tokenizer` file
//! (PORTING.md §1.3, §2).
//!
//! The text is split where Python's `isspace` changes; each chunk is either a
//! special case (a tokenizer exception such as `don't`) or is cut into
//! prefixes, suffixes and infixes with the model's four regexes, which run in
//! `pyre`, a matcher of Python's `re` syntax (they use look-around
//! and Python's classes). A last pass merges token sequences that form a
//! special case the affix rules would have split (`:)`, `e.g.`). Offsets are
//! bytes of the UTF-8 text.
//!
//! # Speed
//!
//! The patterns are parsed, not compiled to automata, so loading is cheap
//! (compiling them with `fancy-regex` took most of the model's load time).
//! A search tries at each position only the alternatives that can start
//! with the character there, and chunk results are cached as spaCy does (a
//! sharded, size-bounded map shared by all threads).
//!
//! # Bounds on hostile input
//!
//! spaCy strips affixes one at a time and searches the whole remaining
//! string each time, which is quadratic in the length of a chunk. Two bounds
//! keep the work linear in the text without changing the tokens of normal
//! text:
//!
//! - The prefix regex runs on the first 16 code points and the suffix regex
//!   on the last 16 (with the text before them visible to look-behinds).
//!   This is exact for this model: every prefix and suffix branch matches at
//!   most 5 code points with look-around of at most 2, except `\.\.+`, and a
//!   dot run that reaches the edge of the window makes the window double.
//!   The tests compare windowed and whole-string searches.
//! - A run of non-space characters longer than [`MAX_CHUNK_CHARS`] code
//!   points is cut into pieces of that length, which are tokenized one by
//!   one. This bounds the infix and URL regexes, whose backtracking can be
//!   quadratic or worse. No chunk of the reference corpora comes near the
//!   limit (the longest has under 150 code points), so only pathological
//!   text is tokenized differently from spaCy. Whitespace runs stay whole,
//!   as in spaCy: no pattern matches in them, and since no alternative can
//!   start with a space a search finds that in linear time.
//!
//! A search that gives up (the step limit of `pyre`) counts as no
//! match; `long_chunks_are_cut_and_stay_linear` exercises the worst cases
//! known (one punctuation mark, emoji, `a.a.a.…`, `a:b@a:b@…`, colons
//! before an `@` and host labels), and `tests/tokenizer_timing.rs` times
//! them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rmpv::ValueRef;

use crate::hashing::{hash_string, IdMap};
use crate::pyre::Pattern;
use crate::python;
use crate::{msgpack, NlpError};

const FILE: &str = "tokenizer";
/// Attribute ids used as keys in the exceptions (`spacy/attrs.pxd`).
const ORTH: u64 = 65;
const NORM: u64 = 67;

/// Runs of non-space characters longer than this many code points are cut
/// into pieces of this length before tokenization (see the module docs).
pub const MAX_CHUNK_CHARS: usize = 1000;
/// Code points at each end on which the prefix and suffix regexes run first.
const AFFIX_WINDOW_CHARS: usize = 16;
/// Chunks up to this many bytes are cached.
const MAX_CACHED_CHUNK_BYTES: usize = 128;
/// Shards of the chunk cache, to keep threads from waiting on one lock.
const CACHE_SHARDS: usize = 16;
/// Entries per shard; a full shard is emptied.
const CACHE_SHARD_ENTRIES: usize = 8192;

/// One token: byte offsets into the text, whether one space follows it
/// (spaCy's `whitespace_`), and the NORM its special case gives, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub space_after: bool,
    pub norm: Option<Arc<str>>,
}

/// A token of one chunk, with offsets relative to the chunk.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Piece {
    start: usize,
    end: usize,
    norm: Option<Arc<str>>,
}

/// One token of a special case: its length in bytes and its NORM.
#[derive(Clone, Debug)]
struct SpecialToken {
    len: usize,
    norm: Option<Arc<str>>,
}

/// The tokenizer of the model. Cheap to share between threads.
pub struct Tokenizer {
    prefix: Pattern,
    suffix: Pattern,
    infix: Pattern,
    url: Pattern,
    specials: HashMap<Box<str>, Arc<[SpecialToken]>>,
    /// The longest special-case key, in bytes: longer strings are not looked up.
    max_special_bytes: usize,
    sequences: SpecialSequences,
    cache: ChunkCache,
}

impl Tokenizer {
    /// Builds the tokenizer from the msgpack bytes of the model's `tokenizer`
    /// file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tokenizer, NlpError> {
        let value = msgpack::decode(FILE, bytes)?;
        let root = msgpack::map(FILE, &value, "the tokenizer")?;
        let pattern = |key: &str| {
            let source = msgpack::string(FILE, msgpack::field(FILE, root, key)?, key)?;
            Pattern::new(source)
                .map_err(|e| NlpError::model(FILE, format!("{key} does not compile: {}", e.0)))
        };
        if msgpack::get(root, "token_match").is_some_and(|v| !matches!(v, ValueRef::Nil)) {
            return Err(NlpError::model(
                FILE,
                "token_match is set; this port has none",
            ));
        }
        let faster_heuristics = msgpack::get(root, "faster_heuristics")
            .and_then(msgpack::as_bool)
            .unwrap_or(true);
        let specials = read_exceptions(msgpack::field(FILE, root, "exceptions")?)?;
        let max_special_bytes = specials.keys().map(|k| k.len()).max().unwrap_or(0);
        let mut tokenizer = Tokenizer {
            prefix: pattern("prefix_search")?,
            suffix: pattern("suffix_search")?,
            infix: pattern("infix_finditer")?,
            url: pattern("url_match")?,
            specials,
            max_special_bytes,
            sequences: SpecialSequences::default(),
            cache: ChunkCache::new(),
        };
        tokenizer.sequences = tokenizer.special_sequences(faster_heuristics);
        Ok(tokenizer)
    }

    /// Tokenizes `text` as spaCy does. Whitespace runs other than a single
    /// space after a word are tokens too.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let tokens = self.tokenize_affixes(text, true);
        self.apply_special_cases(text, tokens)
    }

    /// Whether `s` is the key of a special case.
    fn is_special(&self, s: &str) -> bool {
        s.len() <= self.max_special_bytes && self.specials.contains_key(s)
    }

    /// The token sequences the affix rules make of those special cases they
    /// would split (`add_special_case`): these are matched again after
    /// tokenization (PORTING.md §2 step 5).
    fn special_sequences(&self, faster_heuristics: bool) -> SpecialSequences {
        let mut sequences = SpecialSequences::default();
        let mut keys: Vec<&str> = self.specials.keys().map(|k| &**k).collect();
        keys.sort_unstable();
        for key in keys {
            let split_by_rules = !faster_heuristics
                || self.find_prefix(key) > 0
                || self.find_suffix(key) > 0
                || self.infix.find_from(key, 0).is_some()
                || key.contains(' ');
            if split_by_rules {
                let texts = self
                    .tokenize_affixes(key, false)
                    .iter()
                    .map(|t| Box::from(&key[t.start..t.end]))
                    .collect();
                sequences.add(texts);
            }
        }
        sequences
    }

    /// Splits the text where `isspace` changes and tokenizes each chunk
    /// (`_tokenize_affixes`). A single space after a word becomes that word's
    /// `space_after`; other whitespace stays in a token of its own.
    fn tokenize_affixes(&self, text: &str, with_special: bool) -> Vec<Token> {
        let mut out = Vec::new();
        let Some(first) = text.chars().next() else {
            return out;
        };
        let mut start = 0;
        let mut in_space = python::is_space(first);
        for (i, c) in text.char_indices() {
            if python::is_space(c) == in_space {
                continue;
            }
            if start < i {
                self.push_chunk(&mut out, &text[start..i], start, in_space, with_special);
            }
            if c == ' ' {
                if let Some(last) = out.last_mut() {
                    last.space_after = true;
                }
                start = i + 1;
            } else {
                start = i;
            }
            in_space = !in_space;
        }
        if start < text.len() {
            self.push_chunk(&mut out, &text[start..], start, in_space, with_special);
            if let Some(last) = out.last_mut() {
                last.space_after = text.ends_with(' ') && !in_space;
            }
        }
        out
    }

    /// Tokenizes the run `chunk`, which starts at byte `offset` of the text,
    /// and appends the tokens. A run of non-space characters is cut into
    /// pieces of at most [`MAX_CHUNK_CHARS`] code points first.
    fn push_chunk(
        &self,
        out: &mut Vec<Token>,
        chunk: &str,
        offset: usize,
        is_space_run: bool,
        with_special: bool,
    ) {
        let mut piece_start = 0;
        while piece_start < chunk.len() {
            let rest = &chunk[piece_start..];
            let piece_end = if is_space_run {
                chunk.len()
            } else {
                rest.char_indices()
                    .nth(MAX_CHUNK_CHARS)
                    .map_or(chunk.len(), |(i, _)| piece_start + i)
            };
            let pieces = self.chunk_pieces(&chunk[piece_start..piece_end], with_special);
            let base = offset + piece_start;
            out.extend(pieces.iter().map(|p| Token {
                start: base + p.start,
                end: base + p.end,
                space_after: false,
                norm: p.norm.clone(),
            }));
            piece_start = piece_end;
        }
    }

    /// The tokens of one chunk, from the cache when possible.
    fn chunk_pieces(&self, chunk: &str, with_special: bool) -> Arc<[Piece]> {
        if !with_special || chunk.len() > MAX_CACHED_CHUNK_BYTES {
            return self.tokenize_chunk(chunk, with_special).into();
        }
        let hash = hash_string(chunk);
        if let Some(pieces) = self.cache.get(hash, chunk) {
            return pieces;
        }
        let pieces: Arc<[Piece]> = self.tokenize_chunk(chunk, with_special).into();
        self.cache.insert(hash, chunk, Arc::clone(&pieces));
        pieces
    }

    /// One chunk: a special case as a whole, or prefixes, core and suffixes
    /// (`_try_specials_and_cache`, `_tokenize`).
    fn tokenize_chunk(&self, chunk: &str, with_special: bool) -> Vec<Piece> {
        let mut out = Vec::new();
        if with_special && self.push_special(&mut out, chunk, 0) {
            return out;
        }
        let mut prefixes = Vec::new();
        let mut suffixes = Vec::new();
        let core = self.split_affixes(chunk, &mut prefixes, &mut suffixes, with_special);
        self.attach_tokens(&mut out, chunk, core, &prefixes, &suffixes, with_special);
        out
    }

    /// Appends the tokens of the special case `key`, which starts at byte
    /// `offset`, if `key` is one.
    fn push_special(&self, out: &mut Vec<Piece>, key: &str, offset: usize) -> bool {
        if key.len() > self.max_special_bytes {
            return false;
        }
        let Some(tokens) = self.specials.get(key) else {
            return false;
        };
        let mut start = offset;
        for token in tokens.iter() {
            out.push(Piece {
                start,
                end: start + token.len,
                norm: token.norm.clone(),
            });
            start += token.len;
        }
        true
    }

    /// Strips prefixes and suffixes, outermost first (`_split_affixes`).
    /// Affixes are byte ranges of `chunk`; the core is returned as a range.
    fn split_affixes(
        &self,
        chunk: &str,
        prefixes: &mut Vec<(usize, usize)>,
        suffixes: &mut Vec<(usize, usize)>,
        with_special: bool,
    ) -> (usize, usize) {
        let (mut lo, mut hi) = (0, chunk.len());
        let mut last_len = 0;
        while lo < hi && hi - lo != last_len {
            let s = &chunk[lo..hi];
            if with_special && self.is_special(s) {
                break;
            }
            last_len = s.len();
            let pre = self.find_prefix(s);
            if pre > 0 && pre < s.len() && with_special && self.is_special(&s[pre..]) {
                prefixes.push((lo, lo + pre));
                lo += pre;
                break;
            }
            let suf = self.find_suffix(&s[pre..]);
            let minus_suf = s.len() - suf;
            if suf > 0 && minus_suf > 0 && with_special && self.is_special(&s[..minus_suf]) {
                suffixes.push((lo + minus_suf, hi));
                hi = lo + minus_suf;
                break;
            }
            if pre > 0 && suf > 0 && pre + suf <= s.len() {
                prefixes.push((lo, lo + pre));
                suffixes.push((lo + minus_suf, hi));
                lo += pre;
                hi = lo + (minus_suf - pre);
            } else if pre > 0 {
                prefixes.push((lo, lo + pre));
                lo += pre;
            } else if suf > 0 {
                suffixes.push((lo + minus_suf, hi));
                hi = lo + minus_suf;
            }
        }
        (lo, hi)
    }

    /// Emits the prefixes, then the core (a special case, a URL, or split on
    /// infixes), then the suffixes innermost first (`_attach_tokens`).
    fn attach_tokens(
        &self,
        out: &mut Vec<Piece>,
        chunk: &str,
        (lo, hi): (usize, usize),
        prefixes: &[(usize, usize)],
        suffixes: &[(usize, usize)],
        with_special: bool,
    ) {
        out.extend(prefixes.iter().map(|&(start, end)| plain(start, end)));
        if lo < hi {
            let core = &chunk[lo..hi];
            let pushed_special = with_special && self.push_special(out, core, lo);
            if !pushed_special {
                if self.url.match_start(core).is_some() {
                    out.push(plain(lo, hi));
                } else {
                    self.split_infixes(out, core, lo);
                }
            }
        }
        out.extend(suffixes.iter().rev().map(|&(start, end)| plain(start, end)));
    }

    /// Splits `core` (at byte `offset` of its chunk) on every infix match,
    /// ignoring a match at its very start.
    fn split_infixes(&self, out: &mut Vec<Piece>, core: &str, offset: usize) {
        let mut start = 0;
        let mut pos = 0;
        while pos < core.len() {
            let Some((found_start, found_end)) = self.infix.find_from(core, pos) else {
                break;
            };
            // An empty match (none of this model's infixes can match empty)
            // must not stall the search: the next one starts a character on.
            pos = if found_end > found_start {
                found_end
            } else {
                found_end + core[found_end..].chars().next().map_or(1, char::len_utf8)
            };
            if found_start == 0 {
                continue;
            }
            if found_start != start {
                out.push(plain(offset + start, offset + found_start));
            }
            if found_start != found_end {
                out.push(plain(offset + found_start, offset + found_end));
            }
            start = found_end;
        }
        if start < core.len() {
            out.push(plain(offset + start, offset + core.len()));
        }
    }

    /// Byte length of the prefix of `s`, 0 if none (`find_prefix`). The
    /// regex runs on a window at the start of `s` that doubles while the
    /// match reaches its end.
    fn find_prefix(&self, s: &str) -> usize {
        let mut window = AFFIX_WINDOW_CHARS;
        loop {
            let end = s.char_indices().nth(window).map_or(s.len(), |(i, _)| i);
            let head = &s[..end];
            let Some((found_start, found_end)) = self.prefix.find_from(head, 0) else {
                return 0;
            };
            if end == s.len() || found_end < end {
                return char_prefix_bytes(s, head[found_start..found_end].chars().count());
            }
            window *= 2;
        }
    }

    /// Byte length of the suffix of `s`, 0 if none (`find_suffix`). The
    /// regex searches from a window at the end of `s` (the text before it
    /// stays visible to look-behinds) that doubles while the match starts at
    /// the window's start, where a longer match could begin earlier.
    fn find_suffix(&self, s: &str) -> usize {
        let mut window = AFFIX_WINDOW_CHARS;
        loop {
            let start = s.char_indices().rev().nth(window - 1).map_or(0, |(i, _)| i);
            let Some((found_start, found_end)) = self.suffix.find_from(s, start) else {
                return 0;
            };
            if start == 0 || found_start > start {
                let chars = s[found_start..found_end].chars().count();
                return s.len() - char_suffix_start(s, chars);
            }
            window *= 2;
        }
    }

    /// Merges token sequences that form a special case
    /// (`_apply_special_cases`, `_filter_special_spans`,
    /// `_retokenize_special_spans`): longest first, then earliest; a match
    /// whose first or last token is already covered is dropped.
    fn apply_special_cases(&self, text: &str, tokens: Vec<Token>) -> Vec<Token> {
        let mut matches = self.sequences.find_all(text, &tokens);
        if matches.is_empty() {
            return tokens;
        }
        matches.sort_by_key(|&(start, end)| (std::cmp::Reverse(end - start), start));
        let mut covered = vec![false; tokens.len()];
        let mut kept = vec![None; tokens.len()];
        for &(start, end) in &matches {
            if !covered[start] && !covered[end - 1] {
                kept[start] = Some(end);
            }
            covered[start..end].iter_mut().for_each(|c| *c = true);
        }
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let Some(end) = kept[i] else {
                out.push(tokens[i].clone());
                i += 1;
                continue;
            };
            // Tokens are contiguous apart from single trailing spaces, so the
            // span's text with its inner spaces is this slice of the text.
            let (span_start, last) = (tokens[i].start, &tokens[end - 1]);
            let mut pieces = Vec::new();
            if self.push_special(&mut pieces, &text[span_start..last.end], span_start) {
                let count = pieces.len();
                out.extend(pieces.into_iter().enumerate().map(|(k, p)| Token {
                    start: p.start,
                    end: p.end,
                    space_after: k + 1 == count && last.space_after,
                    norm: p.norm,
                }));
            } else {
                out.extend_from_slice(&tokens[i..end]);
            }
            i = end;
        }
        out
    }
}

/// A piece without a special NORM.
fn plain(start: usize, end: usize) -> Piece {
    Piece {
        start,
        end,
        norm: None,
    }
}

/// Byte length of the first `chars` code points of `s`.
fn char_prefix_bytes(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

/// Byte offset where the last `chars` code points of `s` start.
fn char_suffix_start(s: &str, chars: usize) -> usize {
    if chars == 0 {
        return s.len();
    }
    s.char_indices().rev().nth(chars - 1).map_or(0, |(i, _)| i)
}

/// The special cases: chunk text → its tokens (ORTH lengths and NORMs).
fn read_exceptions(
    exceptions: &ValueRef<'_>,
) -> Result<HashMap<Box<str>, Arc<[SpecialToken]>>, NlpError> {
    let entries = msgpack::map(FILE, exceptions, "exceptions")?;
    let mut specials = HashMap::with_capacity(entries.len());
    for (key, tokens) in entries {
        let key = msgpack::string(FILE, key, "an exception key")?;
        let tokens = msgpack::array(FILE, tokens, "an exception's tokens")?;
        let mut parsed = Vec::with_capacity(tokens.len());
        let mut orths = String::new();
        for token in tokens {
            let token = msgpack::map(FILE, token, "an exception token")?;
            let orth = msgpack::get_by_id(token, ORTH)
                .and_then(msgpack::as_str)
                .ok_or_else(|| {
                    NlpError::model(FILE, format!("exception {key:?} has a token without ORTH"))
                })?;
            let norm = msgpack::get_by_id(token, NORM)
                .and_then(msgpack::as_str)
                .map(Arc::from);
            orths.push_str(orth);
            parsed.push(SpecialToken {
                len: orth.len(),
                norm,
            });
        }
        // Token offsets are computed from ORTH lengths, so the ORTHs must
        // spell the key (spaCy enforces the same, error E997).
        if orths != key || parsed.iter().any(|t| t.len == 0) {
            return Err(NlpError::model(
                FILE,
                format!("exception {key:?}: its ORTHs spell {orths:?}"),
            ));
        }
        specials.insert(Box::from(key), Arc::from(parsed));
    }
    Ok(specials)
}

/// The token texts of one special case as the affix rules split it.
type Sequence = Box<[Box<str>]>;

/// The token sequences of special cases, indexed by their first token.
#[derive(Default)]
struct SpecialSequences {
    by_first: HashMap<Box<str>, Vec<Sequence>>,
    /// The longest first token, in bytes: longer tokens start no sequence.
    max_first_bytes: usize,
}

impl SpecialSequences {
    fn add(&mut self, texts: Vec<Box<str>>) {
        let Some(first) = texts.first().cloned() else {
            return;
        };
        self.max_first_bytes = self.max_first_bytes.max(first.len());
        let entry = self.by_first.entry(first).or_default();
        let texts: Sequence = texts.into();
        if !entry.contains(&texts) {
            entry.push(texts);
        }
    }

    /// Every (start, end) token range whose texts form a sequence.
    fn find_all(&self, text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
        let token_text = |t: &Token| &text[t.start..t.end];
        let mut found = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if token.end - token.start > self.max_first_bytes {
                continue;
            }
            let Some(candidates) = self.by_first.get(token_text(token)) else {
                continue;
            };
            for sequence in candidates {
                let Some(window) = tokens.get(i..i + sequence.len()) else {
                    continue;
                };
                if window
                    .iter()
                    .zip(sequence.iter())
                    .all(|(t, s)| token_text(t) == &**s)
                {
                    found.push((i, i + sequence.len()));
                }
            }
        }
        found
    }
}

/// One shard of the chunk cache: chunk hash → (chunk text, pieces).
type CacheShard = Mutex<IdMap<u64, (Box<str>, Arc<[Piece]>)>>;

/// Chunk text → its pieces, shared by all threads. The map is keyed by the
/// chunk's hash and keeps the text to rule out collisions; a full shard is
/// emptied, which bounds the memory.
struct ChunkCache {
    shards: Vec<CacheShard>,
}

impl ChunkCache {
    fn new() -> ChunkCache {
        ChunkCache {
            shards: (0..CACHE_SHARDS).map(|_| Mutex::default()).collect(),
        }
    }

    fn shard(&self, hash: u64) -> &CacheShard {
        &self.shards[(hash >> 59) as usize % CACHE_SHARDS]
    }

    fn get(&self, hash: u64, chunk: &str) -> Option<Arc<[Piece]>> {
        let shard = self.shard(hash).lock().ok()?;
        match shard.get(&hash) {
            Some((text, pieces)) if &**text == chunk => Some(Arc::clone(pieces)),
            _ => None,
        }
    }

    fn insert(&self, hash: u64, chunk: &str, pieces: Arc<[Piece]>) {
        let Ok(mut shard) = self.shard(hash).lock() else {
            return;
        };
        if shard.len() >= CACHE_SHARD_ENTRIES {
            shard.clear();
        }
        shard.insert(hash, (Box::from(chunk), pieces));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;
    use crate::lexical::{token_norm, Lexicon};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn tokenizer() -> &'static Tokenizer {
        static TOKENIZER: OnceLock<Tokenizer> = OnceLock::new();
        TOKENIZER.get_or_init(|| Tokenizer::from_bytes(files::TOKENIZER.1).expect("loads"))
    }

    fn texts(text: &str) -> Vec<(&str, bool)> {
        tokenizer()
            .tokenize(text)
            .into_iter()
            .map(|t| (&text[t.start..t.end], t.space_after))
            .collect()
    }

    // Expected tokens and trailing-space flags from spaCy 3.8.18
    // (`nlp.tokenizer(text)`, en_core_web_sm 3.8.0), on invented sentences.
    #[rustfmt::skip]
    const CASES: &[(&str, &[(&str, bool)])] = &[
        ("a  b", &[("a", true), (" ", false), ("b", false)]),
        ("a \n b", &[("a", true), ("\n ", false), ("b", false)]),
        ("a\n b", &[("a", false), ("\n ", false), ("b", false)]),
        (" a", &[(" ", false), ("a", false)]),
        ("a ", &[("a", true)]),
        ("a  ", &[("a", true), (" ", false)]),
        ("", &[]),
        (" ", &[(" ", false)]),
        ("  ", &[("  ", false)]),
        ("\n", &[("\n", false)]),
        ("a\tb", &[("a", false), ("\t", false), ("b", false)]),
        ("I don't think they'll come.", &[("I", true), ("do", false), ("n't", true), ("think", true), ("they", false), ("'ll", true), ("come", false), (".", false)]),
        ("We can't, won't and shouldn't.", &[("We", true), ("ca", false), ("n't", false), (",", true), ("wo", false), ("n't", true), ("and", true), ("should", false), ("n't", false), (".", false)]),
        ("The U.S. team met the U.K. group.", &[("The", true), ("U.S.", true), ("team", true), ("met", true), ("the", true), ("U.K.", true), ("group", false), (".", false)]),
        ("Bring snacks, e.g. apples and pears.", &[("Bring", true), ("snacks", false), (",", true), ("e.g.", true), ("apples", true), ("and", true), ("pears", false), (".", false)]),
        ("Nice :) see you", &[("Nice", true), (":)", true), ("see", true), ("you", false)]),
        ("Great :)", &[("Great", true), (":)", false)]),
        ("(:", &[("(:", false)]),
        ("Call me at 10 a.m. tomorrow.", &[("Call", true), ("me", true), ("at", true), ("10", true), ("a.m.", true), ("tomorrow", false), (".", false)]),
        ("Visit https://www.example.org/path?q=1 today.", &[("Visit", true), ("https://www.example.org/path?q=1", true), ("today", false), (".", false)]),
        ("Mail jane.doe@example.com now.", &[("Mail", true), ("jane.doe@example.com", true), ("now", false), (".", false)]),
        ("www.example.co.uk.", &[("www.example.co.uk", false), (".", false)]),
        ("A well-known, long-term plan.", &[("A", true), ("well", false), ("-", false), ("known", false), (",", true), ("long", false), ("-", false), ("term", true), ("plan", false), (".", false)]),
        ("It cost 1,250,000 dollars.", &[("It", true), ("cost", true), ("1,250,000", true), ("dollars", false), (".", false)]),
        ("They raised $5.5bn in 2020.", &[("They", true), ("raised", true), ("$", false), ("5.5bn", true), ("in", true), ("2020", false), (".", false)]),
        ("Prices rose 3.5% to €12.", &[("Prices", true), ("rose", true), ("3.5", false), ("%", true), ("to", true), ("€", false), ("12", false), (".", false)]),
        ("He said \"hello\" and 'bye'.", &[("He", true), ("said", true), ("\"", false), ("hello", false), ("\"", true), ("and", true), ("'", false), ("bye", false), ("'", false), (".", false)]),
        ("“Curly quotes,” she said.", &[("“", false), ("Curly", true), ("quotes", false), (",", false), ("”", true), ("she", true), ("said", false), (".", false)]),
        ("(brackets) [square] {curly}", &[("(", false), ("brackets", false), (")", true), ("[", false), ("square", false), ("]", true), ("{", false), ("curly", false), ("}", false)]),
        ("end...", &[("end", false), ("...", false)]),
        ("wait…what", &[("wait", false), ("…", false), ("what", false)]),
        ("5km and 10kg", &[("5", false), ("km", true), ("and", true), ("10", false), ("kg", false)]),
        ("3-4 times", &[("3", false), ("-", false), ("4", true), ("times", false)]),
        ("It's Jane's.", &[("It", false), ("'s", true), ("Jane", false), ("'s", false), (".", false)]),
        ("rock'n'roll", &[("rock'n'roll", false)]),
        ("Mr. Smith vs. Dr. Jones", &[("Mr.", true), ("Smith", true), ("vs.", true), ("Dr.", true), ("Jones", false)]),
        ("\u{1c}\u{1f} x", &[("\u{1c}\u{1f} ", false), ("x", false)]),
        ("line one\n\nline two", &[("line", true), ("one", false), ("\n\n", false), ("line", true), ("two", false)]),
        ("emoji 😀👍 test", &[("emoji", true), ("😀", false), ("👍", true), ("test", false)]),
        ("中文字符。测试", &[("中文字符。测试", false)]),
        ("mixed Ελληνικά ΟΔΟΣ", &[("mixed", true), ("Ελληνικά", true), ("ΟΔΟΣ", false)]),
        ("C++ and C#", &[("C++", true), ("and", true), ("C", false), ("#", false)]),
        ("#hashtag @user", &[("#", false), ("hashtag", true), ("@user", false)]),
        ("--dash--", &[("--dash--", false)]),
        ("!!!???", &[("!", false), ("!", false), ("!", false), ("?", false), ("?", false), ("?", false)]),
        ("1/2 and 3:30pm", &[("1/2", true), ("and", true), ("3:30pm", false)]),
        ("e.g.", &[("e.g.", false)]),
        ("U.S.", &[("U.S.", false)]),
        ("co-operate", &[("co", false), ("-", false), ("operate", false)]),
        ("N.Y.C.", &[("N.Y.C.", false)]),
        ("10:30", &[("10:30", false)]),
        ("3pm", &[("3", false), ("pm", false)]),
        ("'90s", &[("'", false), ("90s", false)]),
        ("y'all", &[("y'", false), ("all", false)]),
        ("gonna", &[("gon", false), ("na", false)]),
        ("A.", &[("A.", false)]),
        ("z.", &[("z.", false)]),
        ("\u{a0}x", &[("\u{a0}", false), ("x", false)]),
    ];
    #[rustfmt::skip]
    const NORMS: &[(&str, &[&str])] = &[
        ("I don't think they'll come.", &["", "", "not", "", "", "will", "", ""]),
        ("We can't, won't and shouldn't.", &["", "can", "not", "", "will", "not", "", "", "not", ""]),
        ("Prices rose 3.5% to €12.", &["", "", "", "", "", "$", "", ""]),
        ("“Curly quotes,” she said.", &["\"", "", "", "", "\"", "", "", ""]),
        ("wait…what", &["", "...", ""]),
        ("3pm", &["", "p.m."]),
        ("y'all", &["you", ""]),
        ("gonna", &["going", "to"]),
        ("\u{a0}x", &["  ", ""]),
    ];

    #[test]
    fn tokens_match_spacy() {
        for (text, expected) in CASES {
            assert_eq!(texts(text), expected.to_vec(), "{text:?}");
        }
    }

    #[test]
    fn norms_match_spacy() {
        let lexicon = Lexicon::from_bytes(files::VOCAB_LOOKUPS).expect("loads");
        for (text, expected) in NORMS {
            let tokens = tokenizer().tokenize(text);
            assert_eq!(tokens.len(), expected.len(), "{text:?}");
            for (token, norm) in tokens.iter().zip(expected.iter()) {
                let word = &text[token.start..token.end];
                let want = if norm.is_empty() {
                    crate::python::lower(word)
                } else {
                    norm.to_string()
                };
                assert_eq!(
                    token_norm(text, token, &lexicon),
                    want,
                    "{word:?} in {text:?}"
                );
            }
        }
    }

    /// The URL regex uses `\w` and `\d`, which mean Python's classes here:
    /// `²` is a word character and a combining accent is not (the `regex`
    /// engine says the opposite). Expected tokens from spaCy 3.8.18.
    #[test]
    fn url_classes_follow_python() {
        let cases: &[(&str, &[&str])] = &[
            ("x²y://example.org/a-b", &["x²y://example.org/a-b"]),
            (
                "e\u{301}b://example.org/a-b",
                &["e\u{301}b://example.org", "/", "a", "-", "b"],
            ),
            ("ab://example.org:٣٣/a-b", &["ab://example.org:٣٣/a-b"]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = texts(text).into_iter().map(|(t, _)| t).collect();
            assert_eq!(got, *expected, "{text:?}");
        }
    }

    #[test]
    fn special_case_tokens_carry_their_norm() {
        let tokens = tokenizer().tokenize("don't");
        let norms: Vec<Option<&str>> = tokens.iter().map(|t| t.norm.as_deref()).collect();
        assert_eq!(norms, [Some("do"), Some("not")]);
    }

    #[test]
    fn the_cache_does_not_change_results() {
        let text = "Stop. (Really?) They'll pay $5.5bn, e.g. via https://pay.example.org :)";
        let first = tokenizer().tokenize(text);
        let second = tokenizer().tokenize(text);
        assert_eq!(first, second);
        let fresh = Tokenizer::from_bytes(files::TOKENIZER.1).expect("loads");
        for chunk in text.split(' ') {
            let uncached = fresh.tokenize_chunk(chunk, true);
            assert_eq!(&*fresh.chunk_pieces(chunk, true), uncached.as_slice());
            assert_eq!(&*fresh.chunk_pieces(chunk, true), uncached.as_slice());
        }
    }

    /// The windowed prefix and suffix searches must equal a search of the
    /// whole string, including dot runs longer than the window.
    #[test]
    fn affix_windows_equal_whole_string_search() {
        let tok = tokenizer();
        let mut samples: Vec<String> = [
            "....", "…", "x.", "5km", "5km²", "°F.", "°C.", "US$", "a's", "'s", "+1", "+a", "C++",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in [1, 2, 14, 15, 16, 17, 31, 32, 33, 70] {
            samples.push(".".repeat(n));
            samples.push(format!("a{}", ".".repeat(n)));
            samples.push(format!("{}a", ".".repeat(n)));
            samples.push(format!("{}5km", "x".repeat(n)));
            samples.push(format!("{}°F.", "x".repeat(n)));
            samples.push(format!("({}", "x".repeat(n)));
            samples.push(format!("{})", "(".repeat(n)));
            samples.push(format!("{}+", "1".repeat(n)));
            samples.push(format!("+{}", "1".repeat(n)));
        }
        for s in &samples {
            let whole_prefix = tok.prefix.find_from(s, 0).map_or(0, |(_, end)| end);
            assert_eq!(tok.find_prefix(s), whole_prefix, "prefix of {s:?}");
            let whole_suffix = tok
                .suffix
                .find_from(s, 0)
                .map_or(0, |(start, _)| s.len() - start);
            assert_eq!(tok.find_suffix(s), whole_suffix, "suffix of {s:?}");
        }
    }

    #[test]
    fn long_chunks_are_cut_and_stay_linear() {
        let tok = tokenizer();
        for unit in [
            "a", "!", ".", "a.", "a:b@", "a:@a.:@", "😀", "(", "'s'", "\u{1c}", " \n",
        ] {
            let text = unit.repeat(3 * MAX_CHUNK_CHARS / unit.chars().count() + 7);
            let tokens = tok.tokenize(&text);
            assert_covers(&text, &tokens);
        }
        // A run of letters is cut into pieces of MAX_CHUNK_CHARS code points.
        let text = "é".repeat(2 * MAX_CHUNK_CHARS + 1);
        let lens: Vec<usize> = tok
            .tokenize(&text)
            .iter()
            .map(|t| text[t.start..t.end].chars().count())
            .collect();
        assert_eq!(lens, [MAX_CHUNK_CHARS, MAX_CHUNK_CHARS, 1]);
    }

    #[test]
    fn bad_model_bytes_are_errors() {
        assert!(Tokenizer::from_bytes(b"").is_err());
        assert!(Tokenizer::from_bytes(&[0x80]).is_err());
        assert!(Tokenizer::from_bytes(&[0x81, 0xa1, b'x', 0xc0]).is_err());
    }

    #[test]
    fn shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Tokenizer>();
        let text = "Threads share one cache, don't they?";
        let expected = tokenizer().tokenize(text);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| assert_eq!(tokenizer().tokenize(text), expected));
            }
        });
    }

    /// Every byte is in a token or is the one space after a token; tokens
    /// are in order, do not overlap and start and end on char boundaries.
    fn assert_covers(text: &str, tokens: &[Token]) {
        let mut at = 0;
        for token in tokens {
            assert_eq!(
                token.start, at,
                "gap or overlap before {token:?} in {text:?}"
            );
            assert!(token.end > token.start, "empty token {token:?}");
            assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
            at = token.end;
            if token.space_after {
                assert_eq!(text.as_bytes().get(at), Some(&b' '));
                at += 1;
            }
        }
        assert_eq!(at, text.len(), "{text:?} not covered");
    }

    fn hostile_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Z",
            "é",
            "Σ",
            "İ",
            "1",
            "²",
            ".",
            ",",
            "!",
            "?",
            "'",
            "\"",
            "’",
            "(",
            ")",
            "-",
            "—",
            "…",
            "$",
            "€",
            "%",
            "@",
            ":",
            "/",
            "+",
            "#",
            "😀",
            "👍🏽",
            "中",
            "\u{301}",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{1c}",
            "\u{a0}",
            "\u{3000}",
            "\u{0}",
            "\u{7f}",
            "\u{200b}",
            "don't",
            "U.S.",
            "e.g.",
            ":)",
            "a.m.",
            "http://",
            "www.x.org",
            "km",
            "'s",
            "n't",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn tokenize_covers_any_text(text in hostile_text()) {
            assert_covers(&text, &tokenizer().tokenize(&text));
        }

        #[test]
        fn tokenize_covers_arbitrary_unicode(text in any::<String>()) {
            assert_covers(&text, &tokenizer().tokenize(&text));
        }
    }
}
