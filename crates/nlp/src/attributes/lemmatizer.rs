//! The English rule lemmatizer (`pipeline/lemmatizer.py` `rule_lemmatize`,
//! `lang/en/lemmatizer.py` `is_base_form`; PORTING.md §1.5, §1.6, §5): it
//! fills the lemma of every token the attribute ruler left without one,
//! from the POS and morphology the ruler set.

use std::collections::{HashMap, HashSet};

use rmpv::ValueRef;

use super::TokenAttrs;
use crate::lexical::string_id;
use crate::python::{lower, str_isalpha};
use crate::{msgpack, NlpError};

/// The lower-case universal POS names. The lemmatizer's tables are keyed by
/// their string ids: most are hashes, but the names that are also
/// dependency labels are symbols, and `punct`, the one with a table, is the
/// symbol 445 (PORTING.md §1.5).
const POS_NAMES: [&str; 17] = [
    "adj", "adp", "adv", "aux", "cconj", "det", "intj", "noun", "num", "part", "pron", "propn",
    "punct", "sconj", "sym", "verb", "x",
];

/// The tables of one POS.
#[derive(Debug, Default)]
struct PosTables {
    /// `[old suffix, new suffix]` in file order.
    rules: Vec<(String, String)>,
    /// Form -> its lemmas.
    exceptions: HashMap<String, Vec<String>>,
    /// Known lemmas.
    index: HashSet<String>,
}

impl PosTables {
    /// Python's truth test in `rule_lemmatize`: empty tables count as
    /// missing.
    fn is_empty(&self) -> bool {
        self.rules.is_empty() && self.exceptions.is_empty() && self.index.is_empty()
    }
}

/// The rule lemmatizer, with its tables by lower-case POS name.
#[derive(Debug)]
pub struct Lemmatizer {
    tables: HashMap<&'static str, PosTables>,
}

impl Lemmatizer {
    /// Loads `files::LEMMATIZER_LOOKUPS`: msgpack `{lemma_rules, lemma_exc,
    /// lemma_index}`, each a map from a POS id to that POS's table.
    pub fn from_bytes((file, bytes): (&str, &[u8])) -> Result<Self, NlpError> {
        let value = msgpack::decode(file, bytes)?;
        let root = msgpack::map(file, &value, "the lookups")?;
        let mut tables: HashMap<&'static str, PosTables> = HashMap::new();
        for (pos, table) in by_pos(file, msgpack::field(file, root, "lemma_rules")?)? {
            tables.entry(pos).or_default().rules = read_rules(file, table)?;
        }
        for (pos, table) in by_pos(file, msgpack::field(file, root, "lemma_exc")?)? {
            tables.entry(pos).or_default().exceptions = read_exceptions(file, table)?;
        }
        for (pos, table) in by_pos(file, msgpack::field(file, root, "lemma_index")?)? {
            tables.entry(pos).or_default().index = msgpack::strings(file, table, "lemma_index")?
                .into_iter()
                .collect();
        }
        Ok(Lemmatizer { tables })
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
        for form in tables.exceptions.get(&string).into_iter().flatten() {
            if !forms.contains(form) {
                forms.insert(0, form.clone());
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
    for (old, new) in &tables.rules {
        let Some(stem) = string.strip_suffix(old.as_str()) else {
            continue;
        };
        let form = format!("{stem}{new}");
        if form.is_empty() {
            continue;
        }
        if tables.index.contains(&form) {
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

/// Resolves a table's POS id keys to POS names. An id that is no POS
/// means a different model.
fn by_pos<'v, 'a>(
    file: &str,
    table: &'v ValueRef<'a>,
) -> Result<Vec<(&'static str, &'v ValueRef<'a>)>, NlpError> {
    msgpack::map(file, table, "a lemmatizer table")?
        .iter()
        .map(|(key, value)| {
            let id = msgpack::uint(file, key, "a POS key")?;
            let name = pos_name(id)
                .ok_or_else(|| NlpError::model(file, format!("unknown POS id {id}")))?;
            Ok((name, value))
        })
        .collect()
}

fn pos_name(id: u64) -> Option<&'static str> {
    POS_NAMES.into_iter().find(|name| string_id(name) == id)
}

fn read_rules(file: &str, table: &ValueRef<'_>) -> Result<Vec<(String, String)>, NlpError> {
    msgpack::array(file, table, "lemma_rules")?
        .iter()
        .map(
            |rule| match msgpack::strings(file, rule, "a lemma rule")?.as_slice() {
                [old, new] => Ok((old.clone(), new.clone())),
                _ => Err(NlpError::model(file, "a lemma rule is not [old, new]")),
            },
        )
        .collect()
}

fn read_exceptions(
    file: &str,
    table: &ValueRef<'_>,
) -> Result<HashMap<String, Vec<String>>, NlpError> {
    msgpack::map(file, table, "lemma_exc")?
        .iter()
        .map(|(form, lemmas)| {
            let form = msgpack::string(file, form, "an exception form")?.to_string();
            Ok((form, msgpack::strings(file, lemmas, "exception lemmas")?))
        })
        .collect()
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
        assert!(Lemmatizer::from_bytes(("l", &bytes)).is_err());
    }
}
