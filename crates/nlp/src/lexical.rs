//! String ids and the lexical attributes spaCy feeds to the hash embeddings
//! (PORTING.md §3, with the tables of §1.5 and §1.6): NORM, PREFIX, SUFFIX,
//! SHAPE, SPACY and IS_SPACE.
//!
//! Everything follows Python's string semantics ([`crate::python`]),
//! because spaCy computes these attributes with Python `str` methods: code
//! points rather than bytes for prefixes and suffixes, Python's
//! `isalpha`/`isdigit`/`isupper` for shapes and Python's full `lower()` for
//! norms.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::NlpError;
use crate::hashing::{hash_string, IdMap};
use crate::msgpack;
use crate::python;
use crate::tokenizer::Token;

/// spaCy's fixed symbol table, exported from `spacy.symbols.IDS`.
const SYMBOLS_JSON: &str = include_str!("../data/symbols.json");
/// spaCy's `BASE_NORMS`, exported from `spacy.lang.norm_exceptions`.
const BASE_NORMS_JSON: &str = include_str!("../data/base_norms.json");

/// A text of this many code points or more has the shape `LONG`.
const LONG_SHAPE_CHARS: usize = 100;
/// A run of identical shape characters is cut after this many.
const MAX_SHAPE_RUN: usize = 4;

// The two tables below are built into the binary and checked by the tests,
// so failing to parse them is a bug in this crate, not a property of any
// model or text: they panic rather than return an error.

/// The symbol table: name hash → (name, id).
fn symbols() -> &'static IdMap<u64, (String, u64)> {
    static SYMBOLS: OnceLock<IdMap<u64, (String, u64)>> = OnceLock::new();
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
fn base_norms() -> &'static IdMap<u64, (String, String)> {
    static BASE_NORMS: OnceLock<IdMap<u64, (String, String)>> = OnceLock::new();
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
pub(crate) fn string_id(s: &str) -> u64 {
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
pub(crate) struct Lexicon {
    /// String id of the exact (case-sensitive) text → its norm. Some norms
    /// end in a space; they are kept as they are.
    norms: IdMap<u64, Box<str>>,
}

impl Lexicon {
    /// Reads the `lexeme_norm` table of `files::VOCAB_LOOKUPS`: msgpack
    /// `{"lexeme_norm": {string id: norm}}`.
    pub(crate) fn from_bytes((file, bytes): (&str, &[u8])) -> Result<Lexicon, NlpError> {
        let value = msgpack::decode(file, bytes)?;
        let root = msgpack::map(file, &value, "the lookups")?;
        let table = msgpack::field(file, root, "lexeme_norm")?;
        let mut norms = IdMap::default();
        for (key, norm) in msgpack::map(file, table, "lexeme_norm")? {
            let key = msgpack::uint(file, key, "a lexeme_norm key")?;
            let norm = msgpack::string(file, norm, "a lexeme_norm value")?;
            norms.insert(key, Box::from(norm));
        }
        Ok(Lexicon { norms })
    }

    /// The lexeme norm of `text`: the model's `lexeme_norm` entry for the
    /// exact text, else its `BASE_NORMS` entry, else Python's `text.lower()`.
    /// Borrows whenever the norm already exists as a string.
    pub(crate) fn norm<'a>(&'a self, text: &'a str) -> Cow<'a, str> {
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
}

/// PREFIX: the first code point (empty for an empty text).
pub(crate) fn prefix(text: &str) -> &str {
    match text.chars().next() {
        Some(c) => &text[..c.len_utf8()],
        None => "",
    }
}

/// SUFFIX: the last three code points, or the whole text if it is shorter.
pub(crate) fn suffix(text: &str) -> &str {
    match text.char_indices().rev().nth(2) {
        Some((start, _)) => &text[start..],
        None => text,
    }
}

/// SHAPE as spaCy computes it with Python string methods: letters become `X`
/// or `x`, digits `d`, anything else stays; a run of one shape character is
/// cut after four; a text of 100 code points or more is `LONG`.
pub(crate) fn shape(text: &str) -> String {
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

/// The text of a token, or the empty string if its offsets do not fit the
/// text (tokens from another text).
fn token_text<'a>(text: &'a str, token: &Token) -> &'a str {
    text.get(token.start..token.end).unwrap_or("")
}

/// The norm a token shows: the NORM of the special case it comes from, if
/// any, else the lexeme norm of its text.
pub(crate) fn token_norm<'a>(
    text: &'a str,
    token: &'a Token,
    lexicon: &'a Lexicon,
) -> Cow<'a, str> {
    match token.norm.as_deref() {
        Some(norm) if !norm.is_empty() => Cow::Borrowed(norm),
        _ => lexicon.norm(token_text(text, token)),
    }
}

/// NORM, PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE ids of each token, as spaCy's
/// feature extractor gives them. The first four are string ids; SPACY and
/// IS_SPACE are the raw values 0 and 1.
pub(crate) fn feature_ids(text: &str, tokens: &[Token], lexicon: &Lexicon) -> Vec<[u64; 6]> {
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
                u64::from(python::str_isspace(word)),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;

    fn lexicon() -> Lexicon {
        Lexicon::from_bytes(files::VOCAB_LOOKUPS).expect("the built-in lookups load")
    }

    /// One token per word, the whole text being the words with a space after
    /// every other one; the spaCy values came from a `Doc` built from the
    /// same words and spaces (`doc.to_array([NORM, PREFIX, SUFFIX, SHAPE,
    /// SPACY, IS_SPACE])`, `token.norm_`, `token.shape_`).
    fn doc_of(words: &[&str]) -> (String, Vec<Token>) {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let start = text.len();
            text.push_str(word);
            let space_after = i % 2 == 0;
            tokens.push(Token {
                start,
                end: text.len(),
                space_after,
                norm: None,
            });
            if space_after {
                text.push(' ');
            }
        }
        (text, tokens)
    }

    /// (text, space after, norm, shape, feature ids), from spaCy 3.8.18.
    #[rustfmt::skip]
    const SPACY_FEATURES: &[(&str, bool, &str, &str, [u64; 6])] = &[
        ("I", true, "i", "X", [5097672513440128799, 4690420944186131903, 4690420944186131903, 101, 1, 0]),
        ("A", false, "a", "X", [11901859001352538922, 14862748245026736845, 14862748245026736845, 101, 0, 0]),
        ("_", true, "_", "_", [456, 456, 456, 456, 1, 0]),
        ("number", false, "number", "xxxx", [432, 13210364986222294696, 8529155809759507800, 13110060611322374290, 0, 0]),
        ("mark", true, "mark", "xxxx", [423, 646772771845179972, 8179384140789734470, 13110060611322374290, 1, 0]),
        ("root", false, "root", "xxxx", [449, 16562859848569467201, 5830257350971368881, 13110060611322374290, 0, 0]),
        ("X", true, "x", "X", [11123243248953317070, 101, 101, 101, 1, 0]),
        ("x", false, "x", "x", [11123243248953317070, 11123243248953317070, 11123243248953317070, 11123243248953317070, 0, 0]),
        ("İstanbul", true, "i̇stanbul", "Xxxxx", [15203773036078536088, 10007816788334446145, 10221067734874003127, 16072095006890171862, 1, 0]),
        ("ΟΔΟΣ", false, "οδος", "XXXX", [17129677069475088392, 6281389250385958075, 17379186000339699687, 13862804199789047564, 0, 0]),
        ("x²", true, "x²", "xd", [10069801409690684185, 11123243248953317070, 10069801409690684185, 1653993882815165420, 1, 0]),
        ("³", false, "³", "d", [1313346423364953495, 1313346423364953495, 1313346423364953495, 8148669997605808657, 0, 0]),
        ("Straße", true, "straße", "Xxxxx", [4835282032338639150, 12290980237632234855, 1581312248722177571, 16072095006890171862, 1, 0]),
        ("ǅenan", false, "ǆenan", "xxxx", [5311062711489875960, 1909871774901318200, 16084994808115626905, 13110060611322374290, 0, 0]),
        ("aaaaaaa", true, "aaaaaaa", "xxxx", [1179047054410847331, 11901859001352538922, 9095482808210815123, 13110060611322374290, 1, 0]),
        ("AAAAAbbbbb12345", false, "aaaaabbbbb12345", "XXXXxxxxdddd", [6655418109430982826, 14862748245026736845, 11235905871042597582, 3392186707938978566, 0, 0]),
        ("\u{1c}", true, "\u{1c}", "\u{1c}", [15582222518045510628, 15582222518045510628, 15582222518045510628, 15582222518045510628, 1, 1]),
        ("\u{3000}", false, "\u{3000}", "\u{3000}", [13912603054523871734, 13912603054523871734, 13912603054523871734, 13912603054523871734, 0, 1]),
        ("naïve", true, "naïve", "xxxx", [16224804062388677344, 13210364986222294696, 17615626165935046056, 13110060611322374290, 1, 0]),
        ("😀", false, "😀", "😀", [13900606239988879105, 13900606239988879105, 13900606239988879105, 13900606239988879105, 0, 0]),
        ("colour", true, "color", "xxxx", [7045580820573707335, 16900879642891266615, 17577015140245084783, 13110060611322374290, 1, 0]),
        ("Colour", false, "color", "Xxxxx", [7045580820573707335, 149303876845869574, 17577015140245084783, 16072095006890171862, 0, 0]),
        ("’", true, "'", "’", [11221368173670222813, 9283054155332335931, 9283054155332335931, 9283054155332335931, 1, 0]),
        ("£", false, "$", "£", [11283501755624150392, 10097772119863786097, 10097772119863786097, 10097772119863786097, 0, 0]),
        ("——", true, "-", "——", [9153284864653046197, 13657828488461764581, 14563244074309734217, 14563244074309734217, 1, 0]),
        ("Mex$", false, "$", "Xxx$", [11283501755624150392, 3209455878668673793, 13252143251864510088, 9067453133802148586, 0, 0]),
        ("US$", true, "$", "XX$", [11283501755624150392, 8804677687338025421, 12598149363324302177, 15213297831061012390, 1, 0]),
        ("ıi", false, "ıi", "xx", [9598527836046718810, 6432632499834892253, 9598527836046718810, 4370460163704169311, 0, 0]),
        ("ﬁne", true, "ﬁne", "xxx", [5306213360662140827, 5112364817604320748, 5306213360662140827, 4088098365541558500, 1, 0]),
        ("e\u{301}", false, "e\u{301}", "x\u{301}", [12745818603700845520, 1720370409040345145, 12745818603700845520, 4710679898044877849, 0, 0]),
        ("½", true, "½", "½", [17063781640962097314, 17063781640962097314, 17063781640962097314, 17063781640962097314, 1, 0]),
        ("٣", false, "٣", "d", [2740696045817546307, 2740696045817546307, 2740696045817546307, 8148669997605808657, 0, 0]),
        ("1,000.5", true, "1,000.5", "d,ddd.d", [9438849290490356421, 5533571732986600803, 10912581465620814060, 6627474631783836013, 1, 0]),
        ("...", false, "...", "...", [10875615029400813363, 12646065887601541794, 10875615029400813363, 10875615029400813363, 0, 0]),
        ("\n\n ", true, "\n\n ", "\n\n ", [16523926724925609448, 962983613142996970, 16523926724925609448, 16523926724925609448, 1, 1]),
        ("likeable", false, "likable ", "xxxx", [14623211904165039433, 2985121464356781022, 17094567523389501479, 13110060611322374290, 0, 0]),
    ];

    #[test]
    fn features_match_spacy() {
        let lexicon = lexicon();
        let words: Vec<&str> = SPACY_FEATURES.iter().map(|row| row.0).collect();
        let (text, tokens) = doc_of(&words);
        let ids = feature_ids(&text, &tokens, &lexicon);
        for ((word, space, norm, word_shape, expected), (token, got)) in
            SPACY_FEATURES.iter().zip(tokens.iter().zip(&ids))
        {
            assert_eq!(token.space_after, *space, "{word:?}");
            assert_eq!(
                token_norm(&text, token, &lexicon),
                *norm,
                "norm of {word:?}"
            );
            assert_eq!(shape(word), *word_shape, "shape of {word:?}");
            assert_eq!(got, expected, "feature ids of {word:?}");
        }
    }

    #[test]
    fn long_words_have_the_long_shape_from_100_code_points() {
        let lexicon = lexicon();
        let (a99, b100) = ("a".repeat(99), "b".repeat(100));
        let (text, tokens) = doc_of(&[&a99, &b100]);
        let ids = feature_ids(&text, &tokens, &lexicon);
        assert_eq!(
            ids[0],
            [
                9885379579356674501,
                11901859001352538922,
                9095482808210815123,
                13110060611322374290,
                1,
                0
            ],
        );
        assert_eq!(
            ids[1],
            [
                15564392494957188511,
                15598372446745583797,
                10217863046779563793,
                13735693502083210583,
                0,
                0
            ],
        );
        assert_eq!(shape(&"é".repeat(99)), "xxxx");
        assert_eq!(shape(&"é".repeat(100)), "LONG");
    }

    #[test]
    fn string_ids_use_the_symbol_table_first() {
        assert_eq!(string_id(""), 0);
        assert_eq!(string_id("number"), 432);
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id("_"), 456);
        assert_eq!(string_id("IS_ALPHA"), 1);
        // Not symbols: hashed (values from spaCy's StringStore).
        assert_eq!(string_id("x"), 11123243248953317070);
        assert_eq!(string_id("Number"), hash_string("Number"));
        assert_eq!(symbols().len(), 457);
        assert_eq!(base_norms().len(), 45);
    }

    #[test]
    fn prefix_and_suffix_count_code_points() {
        assert_eq!(prefix(""), "");
        assert_eq!(prefix("émigré"), "é");
        assert_eq!(suffix("émigré"), "gré");
        assert_eq!(suffix("ab"), "ab");
        assert_eq!(suffix("😀👍🏽x"), "👍🏽x");
        assert_eq!(suffix(""), "");
    }

    #[test]
    fn norms_borrow_when_they_can() {
        let lexicon = lexicon();
        assert_eq!(lexicon.norms.len(), 3510);
        assert!(matches!(lexicon.norm("plain"), Cow::Borrowed("plain")));
        assert!(matches!(lexicon.norm("colour"), Cow::Borrowed("color")));
        assert!(matches!(lexicon.norm("£"), Cow::Borrowed("$")));
        assert!(matches!(lexicon.norm("Plain"), Cow::Owned(ref s) if s == "plain"));
    }

    #[test]
    fn special_case_norms_win_over_lexeme_norms() {
        let lexicon = lexicon();
        let text = "n't";
        let token = Token {
            start: 0,
            end: 3,
            space_after: false,
            norm: Some("not".into()),
        };
        assert_eq!(token_norm(text, &token, &lexicon), "not");
        let plain = Token {
            norm: None,
            ..token
        };
        assert_eq!(token_norm(text, &plain, &lexicon), "n't");
    }

    #[test]
    fn bad_lookups_are_errors() {
        assert!(Lexicon::from_bytes(("l", b"")).is_err());
        assert!(Lexicon::from_bytes(("l", &[0x80])).is_err());
        // {"lexeme_norm": {"a": "b"}}: a text key where a u64 belongs.
        let bytes = [
            0x81, 0xab, b'l', b'e', b'x', b'e', b'm', b'e', b'_', b'n', b'o', b'r', b'm', 0x81,
            0xa1, b'a', 0xa1, b'b',
        ];
        assert!(Lexicon::from_bytes(("l", &bytes)).is_err());
    }

    #[test]
    fn tokens_outside_the_text_do_not_panic() {
        let lexicon = lexicon();
        let token = Token {
            start: 2,
            end: 40,
            space_after: false,
            norm: None,
        };
        assert_eq!(
            feature_ids("ab", &[token], &lexicon),
            vec![[0, 0, 0, 0, 0, 0]]
        );
    }
}
