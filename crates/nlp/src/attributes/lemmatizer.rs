//! The English rule lemmatizer (`pipeline/lemmatizer.py` `rule_lemmatize`,
//! `lang/en/lemmatizer.py` `is_base_form`; PORTING.md §1.5, §1.6, §5): it
//! fills the lemma of every token the attribute ruler left without one,
//! from the POS and morphology the ruler set.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::TokenAttrs;
use crate::hashing::{StrMap, StrSet};
use crate::lexical::string_id;
use crate::msgpack::Cursor;
use crate::python::{lower, str_isalpha};
use crate::NlpError;

/// The lower-case universal POS names. The lemmatizer's tables are keyed by
/// their string ids: most are hashes, but the names that are also
/// dependency labels are symbols, and `punct`, the one with a table, is the
/// symbol 445 (PORTING.md §1.5).
const POS_NAMES: [&str; 17] = [
    "adj", "adp", "adv", "aux", "cconj", "det", "intj", "noun", "num", "part", "pron", "propn",
    "punct", "sconj", "sym", "verb", "x",
];

/// The tables of one POS. Loading only checks the file and notes where
/// each table's bytes are; the exceptions and the index (about 100,000
/// strings in all) are put in hash tables the first time the POS is
/// lemmatized, borrowing their strings from the built-in file, so that
/// loading the model does not pay for them.
#[derive(Debug, Default)]
struct PosTables {
    /// `[old suffix, new suffix]` in file order.
    rules: Vec<(&'static str, &'static str)>,
    /// The msgpack map form -> its lemmas, checked at load.
    exceptions_bytes: Option<(&'static [u8], usize)>,
    /// The msgpack list of known lemmas, checked at load.
    index_bytes: Option<(&'static [u8], usize)>,
    lookups: OnceLock<Lookups>,
}

/// The exceptions and the index of one POS, once built.
#[derive(Debug, Default)]
struct Lookups {
    /// Form -> its lemmas.
    exceptions: StrMap<&'static str, Vec<&'static str>>,
    /// Known lemmas.
    index: StrSet<&'static str>,
}

impl PosTables {
    /// Python's truth test in `rule_lemmatize`: empty tables count as
    /// missing.
    fn is_empty(&self) -> bool {
        let count = |table: Option<(&[u8], usize)>| table.map_or(0, |(_, n)| n);
        self.rules.is_empty() && count(self.exceptions_bytes) == 0 && count(self.index_bytes) == 0
    }

    /// The exceptions and the index, built on first use from the bytes whose
    /// shape loading checked; a string that is not UTF-8 (a test rules that
    /// out for the built-in file) ends the table there rather than
    /// panicking.
    fn lookups(&self) -> &Lookups {
        self.lookups.get_or_init(|| {
            let mut lookups = Lookups::default();
            if let Some((bytes, count)) = self.exceptions_bytes {
                let mut cursor = Cursor::new(bytes);
                lookups.exceptions.reserve(count);
                let _ = cursor.map_len();
                for _ in 0..count {
                    let Some(form) = cursor.str() else { break };
                    let Some(n) = cursor.array_len() else { break };
                    let lemmas: Vec<&'static str> = (0..n).map_while(|_| cursor.str()).collect();
                    lookups.exceptions.insert(form, lemmas);
                }
            }
            if let Some((bytes, count)) = self.index_bytes {
                let mut cursor = Cursor::new(bytes);
                lookups.index.reserve(count);
                let _ = cursor.array_len();
                lookups.index.extend((0..count).map_while(|_| cursor.str()));
            }
            lookups
        })
    }
}

/// The rule lemmatizer, with its tables by lower-case POS name.
#[derive(Debug)]
pub struct Lemmatizer {
    tables: HashMap<&'static str, PosTables>,
}

impl Lemmatizer {
    /// Loads `files::LEMMATIZER_LOOKUPS`: msgpack `{lemma_rules, lemma_exc,
    /// lemma_index}`, each a map from a POS id to that POS's table. The
    /// whole file is checked here, so a broken file is an error at load;
    /// the exceptions and the index are put in hash tables on first use.
    pub fn from_bytes((file, bytes): (&str, &'static [u8])) -> Result<Self, NlpError> {
        let error = |what: &str| NlpError::model(file, what.to_string());
        let mut cursor = Cursor::new(bytes);
        let root_len = cursor
            .map_len()
            .ok_or_else(|| error("the lookups is not a map"))?;
        let mut tables: HashMap<&'static str, PosTables> = HashMap::new();
        let mut seen = [false; 3];
        for _ in 0..root_len {
            let key = cursor
                .str()
                .ok_or_else(|| error("the lookups has a key that is not text"))?;
            let kind = ["lemma_rules", "lemma_exc", "lemma_index"]
                .iter()
                .position(|k| *k == key);
            let Some(kind) = kind else {
                cursor
                    .skip()
                    .ok_or_else(|| error("the lookups is not msgpack"))?;
                continue;
            };
            seen[kind] = true;
            let n = cursor
                .map_len()
                .ok_or_else(|| error("a lemmatizer table is not a map"))?;
            for _ in 0..n {
                let id = cursor
                    .uint()
                    .ok_or_else(|| error("a POS key is not a non-negative integer"))?;
                let pos = pos_name(id)
                    .ok_or_else(|| NlpError::model(file, format!("unknown POS id {id}")))?;
                let entry = tables.entry(pos).or_default();
                let start = cursor.pos();
                match kind {
                    0 => {
                        entry.rules = read_rules(&mut cursor)
                            .ok_or_else(|| error("lemma_rules is not a list of [old, new]"))?
                    }
                    1 => {
                        let count = check_exceptions(&mut cursor).ok_or_else(|| {
                            error("lemma_exc is not a map of strings to lists of strings")
                        })?;
                        entry.exceptions_bytes = Some((&bytes[start..cursor.pos()], count));
                    }
                    _ => {
                        let count = check_strings(&mut cursor)
                            .ok_or_else(|| error("lemma_index is not a list of strings"))?;
                        entry.index_bytes = Some((&bytes[start..cursor.pos()], count));
                    }
                }
            }
        }
        if let Some(missing) = seen.iter().position(|s| !s) {
            let key = ["lemma_rules", "lemma_exc", "lemma_index"][missing];
            return Err(NlpError::model(file, format!("no {key:?} entry")));
        }
        if !cursor.at_end() {
            return Err(NlpError::model(
                file,
                format!(
                    "{} bytes after the msgpack value",
                    bytes.len() - cursor.pos()
                ),
            ));
        }
        Ok(Lemmatizer { tables })
    }

    /// Builds every POS's lookups now rather than on first use.
    pub fn prepare(&self) {
        for tables in self.tables.values() {
            tables.lookups();
        }
    }

    /// Fills the lemma of every token that has none yet (the ruler sets
    /// some; `overwrite` is false in this model). Reads `pos` and `morph`,
    /// which the ruler has set.
    pub fn apply(&self, words: &[&str], attrs: &mut [TokenAttrs]) {
        for (word, token) in words.iter().zip(attrs.iter_mut()) {
            if token.lemma.is_none() {
                token.lemma = Some(self.lemmatize(word, &token.pos, &token.morph));
            }
        }
    }

    /// `rule_lemmatize(token)[0]`.
    fn lemmatize(&self, text: &str, pos: &str, morph: &str) -> String {
        let pos = lower(pos);
        if matches!(pos.as_str(), "" | "eol" | "space") || is_base_form(&pos, morph) {
            return lower(text);
        }
        let Some(tables) = self.tables.get(pos.as_str()).filter(|t| !t.is_empty()) else {
            return if pos == "propn" {
                text.to_string()
            } else {
                lower(text)
            };
        };
        let string = lower(text);
        let (mut forms, oov_forms) = rule_forms(tables, &string);
        dedup_keep_order(&mut forms);
        // Exceptions go to the front, each before the previous one, so the
        // last exception ends up first.
        for &form in tables
            .lookups()
            .exceptions
            .get(string.as_str())
            .into_iter()
            .flatten()
        {
            if !forms.iter().any(|f| f == form) {
                forms.insert(0, form.to_string());
            }
        }
        forms
            .into_iter()
            .next()
            .or_else(|| oov_forms.into_iter().next())
            .unwrap_or_else(|| text.to_string())
    }
}

/// The forms the suffix rules give: known lemmas first (each new one before
/// the others), then the non-alphabetic ones in order; alphabetic forms that
/// are not known lemmas go to the second list, used only when nothing else
/// is found.
fn rule_forms(tables: &PosTables, string: &str) -> (Vec<String>, Vec<String>) {
    let mut forms = Vec::new();
    let mut oov_forms = Vec::new();
    let index = &tables.lookups().index;
    for &(old, new) in &tables.rules {
        let Some(stem) = string.strip_suffix(old) else {
            continue;
        };
        let form = format!("{stem}{new}");
        if form.is_empty() {
            continue;
        }
        if index.contains(form.as_str()) {
            forms.insert(0, form);
        } else if !str_isalpha(&form) {
            forms.push(form);
        } else {
            oov_forms.push(form);
        }
    }
    (forms, oov_forms)
}

/// `list(dict.fromkeys(forms))`.
fn dedup_keep_order(forms: &mut Vec<String>) {
    let mut seen = HashSet::new();
    forms.retain(|f| seen.insert(f.clone()));
}

/// `EnglishLemmatizer.is_base_form`: whether the token is already in its
/// base form, judged from the POS (lower case) and the morphology.
fn is_base_form(pos: &str, morph: &str) -> bool {
    let feature = |name: &str| {
        morph
            .split('|')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    };
    let verb_form = feature("VerbForm");
    let degree = feature("Degree");
    match pos {
        "noun" if feature("Number") == Some("Sing") => true,
        "verb" if verb_form == Some("Inf") => true,
        // VBP: a present finite verb without number is a base form.
        "verb"
            if verb_form == Some("Fin")
                && feature("Tense") == Some("Pres")
                && feature("Number").is_none() =>
        {
            true
        }
        "adj" if degree == Some("Pos") => true,
        // spaCy compares with the string "None"; kept as it is.
        _ => verb_form == Some("Inf") || verb_form == Some("None") || degree == Some("Pos"),
    }
}

fn pos_name(id: u64) -> Option<&'static str> {
    POS_NAMES.into_iter().find(|name| string_id(name) == id)
}

/// A list of `[old, new]` suffix pairs.
fn read_rules(cursor: &mut Cursor<'static>) -> Option<Vec<(&'static str, &'static str)>> {
    let n = cursor.array_len()?;
    (0..n)
        .map(|_| match cursor.array_len()? {
            2 => Some((cursor.str()?, cursor.str()?)),
            _ => None,
        })
        .collect()
}

/// Steps over a list of strings, checking its shape; its length. The
/// strings' UTF-8 is checked once, when the lookups are built: checking it
/// here too was a fifth of the model's load.
fn check_strings(cursor: &mut Cursor<'_>) -> Option<usize> {
    let n = cursor.array_len()?;
    for _ in 0..n {
        cursor.str_bytes()?;
    }
    Some(n)
}

/// Steps over a map of strings to lists of strings, checking its shape;
/// its entry count.
fn check_exceptions(cursor: &mut Cursor<'_>) -> Option<usize> {
    let n = cursor.map_len()?;
    for _ in 0..n {
        cursor.str_bytes()?;
        check_strings(cursor)?;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;
    use rmpv::Value;

    fn lemmatizer() -> Lemmatizer {
        Lemmatizer::from_bytes(files::LEMMATIZER_LOOKUPS).expect("lookups")
    }

    #[test]
    fn every_built_in_lookup_reads_in_full() {
        let l = lemmatizer();
        for (pos, tables) in &l.tables {
            let lookups = tables.lookups();
            let count = |table: Option<(&[u8], usize)>| table.map_or(0, |(_, n)| n);
            assert_eq!(
                lookups.exceptions.len(),
                count(tables.exceptions_bytes),
                "{pos}"
            );
            assert_eq!(lookups.index.len(), count(tables.index_bytes), "{pos}");
        }
    }

    #[test]
    fn tables_load_under_their_pos() {
        let l = lemmatizer();
        let mut names: Vec<&str> = l.tables.keys().copied().collect();
        names.sort_unstable();
        assert_eq!(names, ["adj", "adv", "noun", "punct", "verb"]);
        assert_eq!(l.tables["punct"].rules.len(), 4);
    }

    #[test]
    fn lemmas_of_some_forms() {
        let l = lemmatizer();
        let cases = [
            ("children", "NOUN", "Number=Plur", "child"),
            ("better", "ADJ", "Degree=Cmp", "well"),
            ("was", "AUX", "Tense=Past", "was"),
            ("was", "VERB", "Tense=Past|VerbForm=Fin", "be"),
            ("Dogs", "NOUN", "", "dog"),
            ("1990s", "NOUN", "Number=Plur", "1990"),
            ("Paris", "PROPN", "Number=Sing", "Paris"),
            ("\u{201c}", "PUNCT", "", "\""),
            ("Running", "VERB", "VerbForm=Inf", "running"),
            ("  ", "SPACE", "", "  "),
            ("Xyzzies", "NOUN", "", "xyzzie"),
            ("Wow", "", "", "wow"),
        ];
        for (word, pos, morph, want) in cases {
            assert_eq!(l.lemmatize(word, pos, morph), want, "{word} {pos} {morph}");
        }
    }

    #[test]
    fn the_ruler_s_lemma_is_kept() {
        let mut attrs = vec![TokenAttrs {
            pos: "VERB".into(),
            lemma: Some("go".into()),
            ..TokenAttrs::default()
        }];
        lemmatizer().apply(&["Gon"], &mut attrs);
        assert_eq!(attrs[0].lemma.as_deref(), Some("go"));
    }

    #[test]
    fn base_forms() {
        assert!(is_base_form("noun", "Number=Sing"));
        assert!(is_base_form("verb", "Tense=Pres|VerbForm=Fin"));
        assert!(!is_base_form(
            "verb",
            "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
        ));
        assert!(is_base_form("adv", "Degree=Pos"));
        assert!(!is_base_form("noun", "Number=Plur"));
        assert!(!is_base_form("noun", ""));
    }

    #[test]
    fn broken_lookups_are_errors() {
        assert!(Lemmatizer::from_bytes(("l", b"\x90")).is_err());
        let value = Value::Map(vec![
            (
                Value::from("lemma_rules"),
                Value::Map(vec![(Value::from(7u64), Value::Array(vec![]))]),
            ),
            (Value::from("lemma_exc"), Value::Map(vec![])),
            (Value::from("lemma_index"), Value::Map(vec![])),
        ]);
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &value).expect("encode");
        assert!(Lemmatizer::from_bytes(("l", bytes.leak())).is_err());
    }
}
