//! The class tables of the parser and the entity recognizer, rebuilt from
//! `parser/moves` and `ner/moves` in the order spaCy gives them at load time
//! (`transition_system.pyx` `initialize_actions`, PORTING.md §1.4). The
//! networks' output rows follow that order, so it must be exact.

use std::collections::BTreeMap;

use crate::{msgpack, NlpError};

/// Which transition system a table belongs to; it fixes the action names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum System {
    /// `arc_eager.pyx`: 0 Shift, 1 Reduce, 2 Left, 3 Right, 4 Break.
    ArcEager,
    /// `ner.pyx`: 0 Missing, 1 Begin, 2 In, 3 Last, 4 Unit, 5 Out.
    Biluo,
}

impl System {
    fn action_names(self) -> &'static [&'static str] {
        match self {
            System::ArcEager => &["S", "D", "L", "R", "B"],
            System::Biluo => &["M", "B", "I", "L", "U", "O"],
        }
    }
}

/// One class: an action and the index of its label in `Moves::labels`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Class {
    pub action: u8,
    pub label: usize,
}

/// A transition system's classes in spaCy's order: the row order of the
/// network's output layer.
#[derive(Debug, Clone)]
pub struct Moves {
    system: System,
    classes: Vec<Class>,
    /// Distinct labels; `Class::label` indexes this list. Comparing two
    /// classes' labels is comparing these indices.
    labels: Vec<String>,
}

impl Moves {
    /// The parser's 106 classes from `files::PARSER_MOVES`.
    pub fn parser(moves: (&str, &[u8])) -> Result<Moves, NlpError> {
        Moves::load(moves, System::ArcEager)
    }

    /// The entity recognizer's 74 classes from `files::NER_MOVES`.
    pub fn ner(moves: (&str, &[u8])) -> Result<Moves, NlpError> {
        Moves::load(moves, System::Biluo)
    }

    /// The number of classes, which is the width of the scores.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// Whether the table has no class at all.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// spaCy's `get_class_name`: `"S"`, `"L-nsubj"`, `"B-ROOT"`, `"B-ORG"`,
    /// `"U-"` (the entity recognizer's internal blocking class), `"O"`. An
    /// index out of range gives an empty string rather than a panic.
    pub fn class_name(&self, i: usize) -> String {
        let Some(class) = self.classes.get(i) else {
            return String::new();
        };
        let action = self.system.action_names()[usize::from(class.action)];
        let label = self.label(class.label);
        match self.system {
            // arc_eager `move_name`: the label only when there is one.
            System::ArcEager if label.is_empty() => action.to_string(),
            // ner `move_name`: Out and Missing never show their label, the
            // others always do, even an empty one ("U-").
            System::Biluo if class.action == 0 || class.action == 5 => action.to_string(),
            _ => format!("{action}-{label}"),
        }
    }

    pub(crate) fn classes(&self) -> &[Class] {
        &self.classes
    }

    pub(crate) fn label(&self, index: usize) -> &str {
        self.labels.get(index).map_or("", String::as_str)
    }

    fn load((file, bytes): (&str, &[u8]), system: System) -> Result<Moves, NlpError> {
        let table = read_table(file, bytes)?;
        let n_actions = system.action_names().len();
        let mut builder = Builder::default();
        // spaCy defers labels with a negative frequency and adds them last,
        // most frequent first, for every action that had them.
        let mut deferred: Vec<(i64, String)> = Vec::new();
        let mut deferred_actions: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        // `sorted(labels_by_action.items())`: the action keys in string order,
        // which BTreeMap<String, _> gives.
        for (key, label_freqs) in &table {
            let action = parse_action(file, key, n_actions)?;
            for (freq, label) in by_frequency(label_freqs) {
                if freq < 0 {
                    deferred.push((freq, label.clone()));
                    deferred_actions.entry(label).or_default().push(action);
                } else {
                    builder.add(action, &label);
                }
            }
        }
        deferred.sort_by(|a, b| b.cmp(a));
        for (_, label) in &deferred {
            for &action in deferred_actions.get(label).into_iter().flatten() {
                builder.add(action, label);
            }
        }
        Ok(Moves {
            system,
            classes: builder.classes,
            labels: builder.labels,
        })
    }
}

/// Accumulates classes the way `add_action` does: adding an existing
/// (action, label) pair again does nothing.
#[derive(Default)]
struct Builder {
    classes: Vec<Class>,
    labels: Vec<String>,
}

impl Builder {
    fn add(&mut self, action: u8, label: &str) {
        let label = match self.labels.iter().position(|l| l == label) {
            Some(i) => i,
            None => {
                self.labels.push(label.to_string());
                self.labels.len() - 1
            }
        };
        let class = Class { action, label };
        if !self.classes.contains(&class) {
            self.classes.push(class);
        }
    }
}

/// `{action id as a string: {label: frequency}}`, decoded from the msgpack
/// map `{moves: JSON text, cfg: ...}`.
fn read_table(
    file: &str,
    bytes: &[u8],
) -> Result<BTreeMap<String, BTreeMap<String, i64>>, NlpError> {
    let value = msgpack::decode(file, bytes)?;
    let root = msgpack::map(file, &value, "the moves file")?;
    let json = msgpack::string(file, msgpack::field(file, root, "moves")?, "moves")?;
    serde_json::from_str(json).map_err(|e| {
        NlpError::model(
            file,
            format!("\"moves\" is not a table of label frequencies: {e}"),
        )
    })
}

fn parse_action(file: &str, key: &str, n_actions: usize) -> Result<u8, NlpError> {
    key.parse::<u8>()
        .ok()
        .filter(|&a| usize::from(a) < n_actions)
        .ok_or_else(|| NlpError::model(file, format!("unknown action {key:?}")))
}

/// `(frequency, label)` pairs sorted descending as Python sorts the tuples:
/// by frequency, then by label (code point order, which is UTF-8 byte order).
fn by_frequency(label_freqs: &BTreeMap<String, i64>) -> Vec<(i64, String)> {
    let mut pairs: Vec<(i64, String)> = label_freqs
        .iter()
        .map(|(label, &freq)| (freq, label.clone()))
        .collect();
    pairs.sort_by(|a, b| b.cmp(a));
    pairs
}

#[cfg(test)]
impl Moves {
    /// The index of the class named `name`; the decoders' tests script
    /// their moves by name.
    pub(crate) fn class_index(&self, name: &str) -> usize {
        (0..self.len())
            .find(|&i| self.class_name(i) == name)
            .unwrap_or_else(|| panic!("no class {name:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;

    fn names(moves: &Moves) -> Vec<String> {
        (0..moves.len()).map(|i| moves.class_name(i)).collect()
    }

    #[test]
    fn parser_classes_are_in_spacy_order() {
        let moves = Moves::parser(files::PARSER_MOVES).expect("parser moves");
        let names = names(&moves);
        assert_eq!(names.len(), 106);
        assert_eq!(&names[..4], ["S", "D", "L-det", "L-nsubj"]);
        assert_eq!(names[48], "L-oprd");
        assert_eq!(names[49], "R-punct");
        assert_eq!(names[104], "R-appos||nsubjpass");
        assert_eq!(names[105], "B-ROOT");
    }

    #[test]
    fn ner_classes_are_in_spacy_order() {
        let moves = Moves::ner(files::NER_MOVES).expect("ner moves");
        let names = names(&moves);
        assert_eq!(names.len(), 74);
        assert_eq!(&names[..2], ["B-ORG", "B-DATE"]);
        assert_eq!(names[17], "B-LANGUAGE");
        assert_eq!(names[18], "I-ORG");
        assert_eq!(names[71], "U-LANGUAGE");
        // spaCy's `move_names` hides this internal class; the network has a
        // row for it all the same.
        assert_eq!(names[72], "U-");
        assert_eq!(names[73], "O");
        assert_eq!(moves.class_name(74), "");
    }

    #[test]
    fn ties_in_frequency_put_the_greater_label_first() {
        let json = r#"{"2":{"b":5,"a":5,"c":9},"0":{"":1},"3":{"z":-1,"y":-2,"x":1}}"#;
        let moves = from_json(json, System::ArcEager).expect("moves");
        assert_eq!(
            names(&moves),
            ["S", "L-c", "L-b", "L-a", "R-x", "R-z", "R-y"]
        );
    }

    #[test]
    fn broken_tables_are_errors() {
        assert!(Moves::parser(("m", b"\x01")).is_err());
        assert!(from_json(r#"{"9":{"a":1}}"#, System::ArcEager).is_err());
        assert!(from_json(r#"{"1":{"a":"x"}}"#, System::Biluo).is_err());
        assert!(from_json("[", System::Biluo).is_err());
    }

    fn from_json(json: &str, system: System) -> Result<Moves, NlpError> {
        let value = rmpv::Value::Map(vec![(rmpv::Value::from("moves"), rmpv::Value::from(json))]);
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &value).expect("encode");
        Moves::load(("test", &bytes), system)
    }
}
