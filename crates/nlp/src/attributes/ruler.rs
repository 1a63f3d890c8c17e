//! The attribute ruler (`pipeline/attributeruler.py`; PORTING.md §5).
//!
//! This model's 179 rules are 1- and 2-token patterns over `TAG`, `LOWER`,
//! `DEP` and `IS_SPACE` with exact values, `IN`, `NOT_IN` and `REGEX`, and no
//! quantifiers, so a direct matcher replaces spaCy's general `Matcher`. A
//! file using anything else is refused at load time rather than matched
//! differently.

use std::collections::HashMap;

use regex::Regex;
use rmpv::ValueRef;

use super::TokenAttrs;
use crate::{msgpack, python, NlpError};

/// The rules of `attribute_ruler/patterns`, indexed by what their first
/// token requires so that each token only tries the patterns that can
/// start on it.
#[derive(Debug)]
pub struct AttributeRuler {
    rules: Vec<Rule>,
    by_tag: HashMap<String, Vec<PatternRef>>,
    by_lower: HashMap<String, Vec<PatternRef>>,
    /// Patterns whose first token has no exact TAG or LOWER value.
    unindexed: Vec<PatternRef>,
}

#[derive(Debug)]
struct Rule {
    patterns: Vec<Vec<TokenSpec>>,
    assign: Assign,
    /// Which token of the matched span gets the attributes; negative counts
    /// from the end, as in Python.
    index: i64,
}

#[derive(Debug, Clone, Copy)]
struct PatternRef {
    rule: usize,
    pattern: usize,
}

/// The token attributes a pattern token can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    Tag,
    Lower,
    Dep,
}

/// One test of a pattern token; all of a token's tests must pass.
#[derive(Debug)]
enum Test {
    Equals(Attr, String),
    In(Attr, Vec<String>),
    NotIn(Attr, Vec<String>),
    Regex(Attr, Regex),
    IsSpace(bool),
}

#[derive(Debug, Default)]
struct TokenSpec {
    tests: Vec<Test>,
}

/// What a rule sets. `morph` is already resolved: the file's `"_"` means
/// "no features", which is the empty string here.
#[derive(Debug, Default)]
struct Assign {
    tag: Option<String>,
    pos: Option<String>,
    morph: Option<String>,
    lemma: Option<String>,
    dep: Option<String>,
}

/// The values the patterns read from one token, as it stood before the
/// ruler ran.
struct View<'a> {
    tag: &'a str,
    lower: String,
    dep: &'a str,
    is_space: bool,
}

impl View<'_> {
    fn get(&self, attr: Attr) -> &str {
        match attr {
            Attr::Tag => self.tag,
            Attr::Lower => &self.lower,
            Attr::Dep => self.dep,
        }
    }
}

impl AttributeRuler {
    /// Loads `files::ATTRIBUTE_RULER_PATTERNS`: a msgpack list of
    /// `{patterns, attrs, index}`.
    pub fn from_bytes((file, bytes): (&str, &[u8])) -> Result<Self, NlpError> {
        let value = msgpack::decode(file, bytes)?;
        let rules = msgpack::array(file, &value, "the rule list")?
            .iter()
            .map(|rule| read_rule(file, rule))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::indexed(rules))
    }

    fn indexed(rules: Vec<Rule>) -> Self {
        let mut ruler = AttributeRuler {
            rules: Vec::new(),
            by_tag: HashMap::new(),
            by_lower: HashMap::new(),
            unindexed: Vec::new(),
        };
        for (r, rule) in rules.iter().enumerate() {
            for (p, pattern) in rule.patterns.iter().enumerate() {
                let at = PatternRef {
                    rule: r,
                    pattern: p,
                };
                ruler.index_pattern(at, &pattern[0]);
            }
        }
        ruler.rules = rules;
        ruler
    }

    /// Files a pattern under one exact TAG or LOWER requirement of its
    /// first token (a token has one value, so an `IN` list can be filed
    /// under each of its values without finding the pattern twice).
    fn index_pattern(&mut self, at: PatternRef, first: &TokenSpec) {
        let key = |wanted: Attr| {
            first.tests.iter().find_map(|t| match t {
                Test::Equals(a, v) if *a == wanted => Some(vec![v.clone()]),
                _ => None,
            })
        };
        let key_in = |wanted: Attr| {
            first.tests.iter().find_map(|t| match t {
                Test::In(a, vs) if *a == wanted => Some(vs.clone()),
                _ => None,
            })
        };
        if let Some(tags) = key(Attr::Tag).or_else(|| key_in(Attr::Tag)) {
            for tag in tags {
                self.by_tag.entry(tag).or_default().push(at);
            }
        } else if let Some(lowers) = key(Attr::Lower).or_else(|| key_in(Attr::Lower)) {
            for lower in lowers {
                self.by_lower.entry(lower).or_default().push(at);
            }
        } else {
            self.unindexed.push(at);
        }
    }

    /// Applies the rules to one document. `words` are the token texts and
    /// `is_space` whether each is whitespace (spaCy's `IS_SPACE`). Every
    /// match is found on the tokens as they are before the ruler, then the
    /// matches are applied in (rule, start, end) order, so that a later rule
    /// overwrites an earlier one (`match`, `set_annotations`). Slices of
    /// different lengths are cut to the shortest.
    pub fn apply(&self, words: &[&str], is_space: &[bool], attrs: &mut [TokenAttrs]) {
        let n = words.len().min(is_space.len()).min(attrs.len());
        let views: Vec<View> = (0..n)
            .map(|i| View {
                tag: &attrs[i].tag,
                lower: python::lower(words[i]),
                dep: &attrs[i].dep,
                is_space: is_space[i],
            })
            .collect();
        let mut matches = self.find_matches(&views);
        // The views borrow `attrs`, which the matches change below.
        drop(views);
        matches.sort_unstable();
        matches.dedup();
        for (r, start, end) in matches {
            let rule = &self.rules[r];
            if let Some(target) = target_token(rule.index, start, end) {
                rule.assign.apply_to(&mut attrs[target]);
            }
        }
    }

    /// Every (rule, start, end) whose pattern matches.
    fn find_matches(&self, views: &[View]) -> Vec<(usize, usize, usize)> {
        let mut matches = Vec::new();
        for start in 0..views.len() {
            let view = &views[start];
            let candidates = self
                .by_tag
                .get(view.tag)
                .into_iter()
                .chain(self.by_lower.get(&view.lower))
                .flatten()
                .chain(&self.unindexed);
            for at in candidates {
                let pattern = &self.rules[at.rule].patterns[at.pattern];
                let end = start + pattern.len();
                if end <= views.len()
                    && pattern
                        .iter()
                        .zip(&views[start..end])
                        .all(|(s, v)| s.matches(v))
                {
                    matches.push((at.rule, start, end));
                }
            }
        }
        matches
    }
}

/// `span[index]` of the span `start..end`, if the index is inside it.
fn target_token(index: i64, start: usize, end: usize) -> Option<usize> {
    let len = i64::try_from(end - start).ok()?;
    let offset = if index < 0 { len + index } else { index };
    if (0..len).contains(&offset) {
        usize::try_from(offset).ok().map(|o| start + o)
    } else {
        None
    }
}

impl TokenSpec {
    fn matches(&self, view: &View) -> bool {
        self.tests.iter().all(|test| match test {
            Test::Equals(a, v) => view.get(*a) == v,
            Test::In(a, vs) => vs.iter().any(|v| v == view.get(*a)),
            Test::NotIn(a, vs) => !vs.iter().any(|v| v == view.get(*a)),
            Test::Regex(a, re) => re.is_match(view.get(*a)),
            Test::IsSpace(b) => view.is_space == *b,
        })
    }
}

impl Assign {
    /// `set_token_attrs`: each attribute the rule names replaces the
    /// token's (MORPH as a whole, not merged).
    fn apply_to(&self, token: &mut TokenAttrs) {
        let fields = [
            (&self.tag, &mut token.tag),
            (&self.pos, &mut token.pos),
            (&self.morph, &mut token.morph),
            (&self.dep, &mut token.dep),
        ];
        for (value, slot) in fields {
            if let Some(value) = value {
                slot.clone_from(value);
            }
        }
        if let Some(lemma) = &self.lemma {
            token.lemma = Some(lemma.clone());
        }
    }
}

fn read_rule(file: &str, rule: &ValueRef<'_>) -> Result<Rule, NlpError> {
    let entries = msgpack::map(file, rule, "a rule")?;
    let patterns = msgpack::array(file, msgpack::field(file, entries, "patterns")?, "patterns")?
        .iter()
        .map(|p| read_pattern(file, p))
        .collect::<Result<Vec<_>, _>>()?;
    let index = msgpack::int(
        file,
        msgpack::field(file, entries, "index")?,
        "a rule's index",
    )?;
    for pattern in &patterns {
        if target_token(index, 0, pattern.len()).is_none() {
            return Err(NlpError::model(
                file,
                format!(
                    "index {index} outside a pattern of {} tokens",
                    pattern.len()
                ),
            ));
        }
    }
    let assign = read_assign(file, msgpack::field(file, entries, "attrs")?)?;
    Ok(Rule {
        patterns,
        assign,
        index,
    })
}

fn read_pattern(file: &str, pattern: &ValueRef<'_>) -> Result<Vec<TokenSpec>, NlpError> {
    let tokens = msgpack::array(file, pattern, "a pattern")?
        .iter()
        .map(|t| read_token_spec(file, t))
        .collect::<Result<Vec<_>, _>>()?;
    if tokens.is_empty() {
        return Err(NlpError::model(file, "an empty pattern"));
    }
    Ok(tokens)
}

fn read_token_spec(file: &str, spec: &ValueRef<'_>) -> Result<TokenSpec, NlpError> {
    let mut tests = Vec::new();
    for (key, value) in msgpack::map(file, spec, "a pattern token")? {
        let key = msgpack::string(file, key, "a pattern key")?;
        tests.push(read_test(file, key, value)?);
    }
    Ok(TokenSpec { tests })
}

fn read_test(file: &str, key: &str, value: &ValueRef<'_>) -> Result<Test, NlpError> {
    let attr = match key {
        "TAG" => Attr::Tag,
        "LOWER" => Attr::Lower,
        "DEP" => Attr::Dep,
        "IS_SPACE" => {
            return msgpack::as_bool(value)
                .map(Test::IsSpace)
                .ok_or_else(|| NlpError::model(file, "IS_SPACE wants true or false"));
        }
        other => {
            return Err(NlpError::model(
                file,
                format!("unsupported pattern attribute {other:?}"),
            ))
        }
    };
    if let Some(s) = msgpack::as_str(value) {
        return Ok(Test::Equals(attr, s.to_string()));
    }
    let entries = msgpack::map(file, value, "a pattern value")?;
    let [(op, arg)] = entries else {
        return Err(NlpError::model(
            file,
            "a pattern operator map with more than one entry",
        ));
    };
    match msgpack::string(file, op, "a pattern operator")? {
        "IN" => Ok(Test::In(attr, msgpack::strings(file, arg, "an IN list")?)),
        "NOT_IN" => Ok(Test::NotIn(
            attr,
            msgpack::strings(file, arg, "a NOT_IN list")?,
        )),
        "REGEX" => Ok(Test::Regex(
            attr,
            python_regex(file, msgpack::string(file, arg, "a REGEX")?)?,
        )),
        other => Err(NlpError::model(
            file,
            format!("unsupported pattern operator {other:?}"),
        )),
    }
}

/// Compiles a Python `re.search` pattern. Python's `$` also matches before
/// a final newline; a trailing `$` is rewritten so, which covers this
/// model's three patterns (`^n'?t$`, `^n[ou]thin'$`, `^y'?$`).
fn python_regex(file: &str, pattern: &str) -> Result<Regex, NlpError> {
    let translated = match pattern.strip_suffix('$') {
        Some(head) if !head.ends_with('\\') => format!("(?:{head})\\n?\\z"),
        _ => pattern.to_string(),
    };
    Regex::new(&translated).map_err(|e| NlpError::model(file, format!("REGEX {pattern:?}: {e}")))
}

fn read_assign(file: &str, attrs: &ValueRef<'_>) -> Result<Assign, NlpError> {
    let mut assign = Assign::default();
    for (key, value) in msgpack::map(file, attrs, "a rule's attrs")? {
        let key = msgpack::string(file, key, "an attribute name")?;
        let value = msgpack::string(file, value, "an attribute value")?.to_string();
        let slot = match key {
            "TAG" => &mut assign.tag,
            "POS" => &mut assign.pos,
            "LEMMA" => &mut assign.lemma,
            "DEP" => &mut assign.dep,
            "MORPH" => {
                // The file's MORPH strings are already canonical (features
                // sorted, `|`-joined), which is what spaCy stores.
                assign.morph = Some(if value == "_" { String::new() } else { value });
                continue;
            }
            other => {
                return Err(NlpError::model(
                    file,
                    format!("unsupported attribute {other:?}"),
                ))
            }
        };
        *slot = Some(value);
    }
    Ok(assign)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;
    use rmpv::Value;

    fn ruler() -> AttributeRuler {
        AttributeRuler::from_bytes(files::ATTRIBUTE_RULER_PATTERNS).expect("patterns")
    }

    fn run(words: &[&str], tags: &[&str], deps: &[&str]) -> Vec<TokenAttrs> {
        let is_space: Vec<bool> = words.iter().map(|w| python::str_isspace(w)).collect();
        let mut attrs: Vec<TokenAttrs> = tags
            .iter()
            .zip(deps)
            .map(|(t, d)| TokenAttrs::new(*t, *d))
            .collect();
        ruler().apply(words, &is_space, &mut attrs);
        attrs
    }

    #[test]
    fn loads_all_rules() {
        assert_eq!(ruler().rules.len(), 179);
    }

    #[test]
    fn whitespace_tokens_get_sp_space_and_dep() {
        let attrs = run(
            &["Hi", "\n\n", " "],
            &["UH", "NN", "_SP"],
            &["ROOT", "punct", ""],
        );
        assert_eq!(
            (
                attrs[1].tag.as_str(),
                attrs[1].pos.as_str(),
                attrs[1].dep.as_str()
            ),
            ("_SP", "SPACE", "dep")
        );
        assert_eq!(attrs[1].morph, "");
        // An empty label stays empty (rule 177 needs one).
        assert_eq!(attrs[2].dep, "");
        assert_eq!(attrs[0].pos, "INTJ");
    }

    #[test]
    fn two_token_rules_set_the_indexed_token() {
        let attrs = run(
            &["ai", "n't", "y'", "all"],
            &["VBP", "RB", "PRP", "DT"],
            &["ROOT", "neg", "nsubj", "appos"],
        );
        assert_eq!(attrs[0].lemma.as_deref(), Some("be"));
        assert_eq!(attrs[1].lemma.as_deref(), Some("not"));
        assert_eq!(attrs[2].lemma.as_deref(), Some("you"));
        assert_eq!(attrs[1].morph, "Polarity=Neg");
    }

    #[test]
    fn python_dollar_matches_before_a_final_newline() {
        let re = python_regex("t", "^y'?$").expect("regex");
        assert!(re.is_match("y'"));
        assert!(re.is_match("y\n"));
        assert!(!re.is_match("y'all"));
    }

    #[test]
    fn mismatched_lengths_do_not_panic() {
        let mut attrs = vec![TokenAttrs::new("NN", "ROOT")];
        ruler().apply(&["a", "b"], &[false], &mut attrs);
        ruler().apply(&[], &[], &mut []);
        assert_eq!(attrs[0].pos, "NOUN");
    }

    #[test]
    fn unsupported_patterns_are_errors() {
        let rule = |pattern: Value| {
            let value = Value::Array(vec![Value::Map(vec![
                (
                    Value::from("patterns"),
                    Value::Array(vec![Value::Array(vec![pattern])]),
                ),
                (
                    Value::from("attrs"),
                    Value::Map(vec![(Value::from("POS"), Value::from("X"))]),
                ),
                (Value::from("index"), Value::from(0)),
            ])]);
            let mut bytes = Vec::new();
            rmpv::encode::write_value(&mut bytes, &value).expect("encode");
            AttributeRuler::from_bytes(("p", &bytes))
        };
        let spec = |k: &str, v: Value| Value::Map(vec![(Value::from(k), v)]);
        assert!(rule(spec("TAG", Value::from("NN"))).is_ok());
        assert!(rule(spec("ORTH", Value::from("a"))).is_err());
        assert!(rule(spec(
            "TAG",
            Value::Map(vec![(Value::from("FUZZY"), Value::from("a"))])
        ))
        .is_err());
        assert!(rule(spec("IS_SPACE", Value::from("yes"))).is_err());
        assert!(AttributeRuler::from_bytes(("p", b"\xc1")).is_err());
    }
}
