//! Greedy BILUO entity recognition (`ner.pyx`; PORTING.md §6). Every move
//! consumes exactly one token, so a document of n tokens takes n steps.

use super::moves::{Class, Moves};
use super::{arg_max_if_valid, space_at};

const BEGIN: u8 = 1;
const IN: u8 = 2;
const LAST: u8 = 3;
const UNIT: u8 = 4;
const OUT: u8 = 5;

/// The number of context tokens the recognizer's network reads (nF).
pub(crate) const N_FEATURES: usize = 3;

/// Greedy BILUO entity recognition over `n` tokens. `score(features, out)`
/// gets the 3 context token indices (`-1` for none) and must fill `out`, one
/// score per class of `moves`. `sent_starts` are the parser's: an entity
/// never crosses one. Returns the entities as `(start, end, label)` token
/// spans, `end` exclusive, in order and disjoint.
pub fn recognize(
    n: usize,
    is_space: &[bool],
    sent_starts: &[bool],
    moves: &Moves,
    score: &mut dyn FnMut(&[i32], &mut [f32]),
) -> Vec<(usize, usize, String)> {
    let n = i32::try_from(n).unwrap_or(i32::MAX);
    let mut state = State {
        n,
        b0: 0,
        ents: Vec::new(),
        is_space,
        sent_starts,
    };
    let mut features = [0i32; N_FEATURES];
    let mut scores = vec![0f32; moves.len()];
    let classes = moves.classes();
    while state.b0 < n {
        state.features(&mut features);
        score(&features, &mut scores);
        let best = arg_max_if_valid(&scores, |i| state.is_valid(classes[i], moves));
        match best {
            Some(i) => state.apply(classes[i]),
            // Out is valid whenever no entity is open and Last whenever one
            // is, so this cannot happen with this model's table; spaCy then
            // forces the state final.
            None => break,
        }
    }
    state
        .ents
        .into_iter()
        .filter_map(|e| {
            let end = e.end?;
            Some((
                e.start as usize,
                end as usize,
                moves.label(e.label).to_string(),
            ))
        })
        .collect()
}

/// An entity: its first token, its end (exclusive) once closed, its label.
struct Entity {
    start: i32,
    end: Option<i32>,
    label: usize,
}

/// `StateC` as the recognizer uses it: the stack is never more than one
/// token for one move, so only the buffer position is kept.
struct State<'a> {
    n: i32,
    b0: i32,
    ents: Vec<Entity>,
    is_space: &'a [bool],
    sent_starts: &'a [bool],
}

impl State<'_> {
    fn open_entity(&self) -> Option<&Entity> {
        self.ents.last().filter(|e| e.end.is_none())
    }

    fn b1(&self) -> i32 {
        if self.b0 + 1 < self.n {
            self.b0 + 1
        } else {
            -1
        }
    }

    fn buffer_length(&self) -> i32 {
        self.n - self.b0
    }

    /// `B_(1).sent_start == 1`; a missing token counts as 0.
    fn b1_starts_sentence(&self) -> bool {
        let b1 = self.b1();
        b1 >= 0 && self.sent_starts.get(b1 as usize).copied().unwrap_or(false)
    }

    fn b0_is_space(&self) -> bool {
        space_at(self.is_space, self.b0 as usize)
    }

    /// `set_context_tokens` with nF = 3: B0, the open entity's first token,
    /// and B0 - 1 when both exist.
    fn features(&self, out: &mut [i32; N_FEATURES]) {
        let b0 = if self.b0 < self.n { self.b0 } else { -1 };
        let e0 = self.open_entity().map_or(-1, |e| e.start);
        let prev = if b0 != -1 && e0 != -1 { b0 - 1 } else { -1 };
        *out = [b0, e0, prev];
    }

    /// `is_valid` of each move. No entities are preset, so the preset
    /// branches of `ner.pyx` are left out.
    fn is_valid(&self, class: Class, moves: &Moves) -> bool {
        let has_label = !moves.label(class.label).is_empty();
        let open = self.open_entity();
        let same_label = open.is_some_and(|e| e.label == class.label);
        match class.action {
            BEGIN => {
                open.is_none()
                    && self.buffer_length() >= 2
                    && has_label
                    && !self.b1_starts_sentence()
                    && !self.b0_is_space()
            }
            IN => {
                same_label && self.buffer_length() >= 2 && has_label && !self.b1_starts_sentence()
            }
            LAST => same_label && has_label,
            // "U-" (no label) is only for preset blocked tokens.
            UNIT => open.is_none() && has_label && !self.b0_is_space(),
            OUT => open.is_none(),
            _ => false,
        }
    }

    fn apply(&mut self, class: Class) {
        let b0 = self.b0;
        match class.action {
            BEGIN => self.ents.push(Entity {
                start: b0,
                end: None,
                label: class.label,
            }),
            LAST => {
                if let Some(e) = self.ents.last_mut() {
                    e.end = Some(b0 + 1);
                }
            }
            UNIT => self.ents.push(Entity {
                start: b0,
                end: Some(b0 + 1),
                label: class.label,
            }),
            _ => {}
        }
        self.b0 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;

    fn moves() -> Moves {
        Moves::ner(files::NER_MOVES).expect("ner moves")
    }

    /// Scores that favour the named classes in turn, and O after them.
    fn scripted(moves: &Moves, script: &[&str]) -> impl FnMut(&[i32], &mut [f32]) {
        let wanted: Vec<usize> = script.iter().map(|name| moves.class_index(name)).collect();
        let out_class = moves.class_index("O");
        let mut step = 0;
        move |_features, out| {
            out.fill(0.0);
            out[out_class] = 0.5;
            if let Some(&c) = wanted.get(step) {
                out[c] = 1.0;
            }
            step += 1;
        }
    }

    #[test]
    fn spans_and_features() {
        let moves = moves();
        let script = ["U-GPE", "B-ORG", "I-ORG", "L-ORG", "O"];
        let mut inner = scripted(&moves, &script);
        let mut seen = Vec::new();
        let mut score = |f: &[i32], out: &mut [f32]| {
            seen.push(f.to_vec());
            inner(f, out);
        };
        let ents = recognize(
            5,
            &[false; 5],
            &[true, false, false, false, false],
            &moves,
            &mut score,
        );
        assert_eq!(ents, [(0, 1, "GPE".to_string()), (1, 4, "ORG".to_string())]);
        assert_eq!(
            seen,
            [[0, -1, -1], [1, -1, -1], [2, 1, 1], [3, 1, 2], [4, -1, -1]]
        );
    }

    #[test]
    fn no_entity_starts_on_whitespace_or_crosses_a_sentence_start() {
        let moves = moves();
        // B on the whitespace token 0 is invalid, and so is B on token 1,
        // because token 2 starts a sentence: both fall back to O.
        let mut score = scripted(&moves, &["B-ORG", "B-ORG", "U-ORG"]);
        let ents = recognize(
            3,
            &[true, false, false],
            &[true, false, true],
            &moves,
            &mut score,
        );
        assert_eq!(ents, [(2, 3, "ORG".to_string())]);
    }

    #[test]
    fn an_entity_open_at_the_end_is_closed_by_last() {
        let moves = moves();
        let mut score = scripted(&moves, &["B-PERSON", "I-PERSON"]);
        let ents = recognize(2, &[false; 2], &[true, false], &moves, &mut score);
        // I is invalid on the last token; only L-PERSON is.
        assert_eq!(ents, [(0, 2, "PERSON".to_string())]);
    }
}
