//! Greedy arc-eager parsing (`arc_eager.pyx`, `_state.pxd`,
//! `transition_parser.pyx`; PORTING.md §6).
//!
//! The state follows spaCy's `StateC` field for field, including the
//! non-monotonic Reduce that "unshifts" a headless token back onto the
//! buffer, because the features depend on those details.

use super::moves::{Class, Moves};
use super::{arg_max_if_valid, nonproj, ROOT_LABEL};

const SHIFT: u8 = 0;
const REDUCE: u8 = 1;
const LEFT: u8 = 2;
const RIGHT: u8 = 3;
const BREAK: u8 = 4;

/// The number of context tokens the parser's network reads (nF).
pub(crate) const N_FEATURES: usize = 8;

/// spaCy's label for subtokens, the one label that changes the validity of
/// Left and Right. This model has no such class; it is kept so that a model
/// that does behaves as in spaCy.
const SUBTOK_LABEL: &str = "subtok";

/// A parsed document: one head and label per token, and the sentence starts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parse {
    /// The head of each token; a sentence's root is its own head.
    pub heads: Vec<usize>,
    /// The dependency label of each token: a label of the move table with
    /// its `||` decoration removed, or `ROOT`.
    pub deps: Vec<String>,
    /// `true` where a sentence starts (spaCy's `sent_start == 1`).
    pub sent_starts: Vec<bool>,
}

/// Greedy arc-eager parse of `n` tokens. `score(features, out)` gets the 8
/// context token indices (`-1` for none) and must fill `out`, one score per
/// class of `moves`.
///
/// The result is deprojectivized and its edges recomputed; a token without
/// a head is its own head with the label `ROOT`, and sentences start at the
/// left edge of each root. Whatever the scores (NaN, ties, infinities) the
/// result is a forest with exactly one head per token.
///
/// Cost: at most about 7n transitions (every token is pushed at most three
/// times, see `State::step_limit`), each O(1) apart from the scoring and the
/// scan of the classes for the best valid one; then O(n) for the edges (at
/// most 12 linear passes) and for the deprojectivization searches, which
/// share a budget linear in n (`nonproj::deprojectivize`).
pub fn parse(
    n: usize,
    is_space: &[bool],
    moves: &Moves,
    score: &mut dyn FnMut(&[i32], &mut [f32]),
) -> Parse {
    let state = run(n, moves, score);
    let (mut heads, mut deps) = state.heads_and_labels(moves);
    nonproj::deprojectivize(&mut heads, &mut deps, is_space);
    let edges = nonproj::Edges::from_heads(&heads);
    let sent_starts = edges.sentence_starts(&heads);
    Parse {
        heads,
        deps: deps.into_iter().map(str::to_string).collect(),
        sent_starts,
    }
}

/// The decoding loop (`greedy_parse`): score, pick the best valid class,
/// apply it, until the state is final.
fn run(n: usize, moves: &Moves, score: &mut dyn FnMut(&[i32], &mut [f32])) -> State {
    let mut state = State::new(n);
    let subtok: Vec<bool> = moves
        .classes()
        .iter()
        .map(|c| moves.label(c.label) == SUBTOK_LABEL)
        .collect();
    let mut features = [0i32; N_FEATURES];
    let mut scores = vec![0f32; moves.len()];
    let limit = State::step_limit(n);
    let mut steps = 0usize;
    while !state.is_final() {
        steps += 1;
        if steps > limit {
            // Unreachable by the argument in `step_limit`; kept so that a
            // mistake there cannot turn into an endless loop.
            state.force_final();
            break;
        }
        state.features(&mut features);
        score(&features, &mut scores);
        let valid = state.valid_actions();
        let classes = moves.classes();
        let best = arg_max_if_valid(&scores, |i| {
            let class = classes[i];
            valid[usize::from(class.action)] && (!subtok[i] || state.subtok_ok())
        });
        match best {
            Some(i) => state.apply(classes[i]),
            // spaCy forces the state final when no class is valid. With
            // this model's table it never happens: Shift or Reduce is always
            // valid.
            None => state.force_final(),
        }
    }
    state
}

/// `StateC` for the parser. Token indices are `i32` as in spaCy, `-1` for
/// none, which is also what the features carry.
struct State {
    n: i32,
    stack: Vec<i32>,
    /// Tokens that Reduce put back; they are read before `b_i`.
    rebuffer: Vec<i32>,
    b_i: i32,
    heads: Vec<i32>,
    /// The label (class label index) of each token's arc to its head.
    labels: Vec<usize>,
    /// Per head, its children in the order the arcs were added, `-1` for a
    /// deleted arc (`_left_arcs` / `_right_arcs`).
    left_arcs: Vec<Vec<i32>>,
    right_arcs: Vec<Vec<i32>>,
    unshiftable: Vec<bool>,
    sent_starts: Vec<bool>,
}

impl State {
    /// A document of `n` tokens. `n` above `i32::MAX` cannot be allocated
    /// anyway (spaCy refuses texts over 1M characters), so it is clamped for
    /// the index arithmetic.
    fn new(n: usize) -> State {
        let n = i32::try_from(n).unwrap_or(i32::MAX);
        let len = n as usize;
        State {
            n,
            stack: Vec::new(),
            rebuffer: Vec::new(),
            b_i: 0,
            heads: vec![-1; len],
            labels: vec![0; len],
            left_arcs: vec![Vec::new(); len],
            right_arcs: vec![Vec::new(); len],
            unshiftable: vec![false; len],
            sent_starts: vec![false; len],
        }
    }

    /// An upper bound on the transitions to a final state. A token enters
    /// the stack by Shift or Right and leaves it for good by a pop, or goes
    /// back to the buffer by an unshift. An unshifted token is headless and
    /// marked unshiftable; it can be unshifted again only after a Left has
    /// cleared the mark, and every Left removes a token for good, so there
    /// are at most 2n unshifts, 3n pushes, 3n removals and n Breaks (each
    /// marks a new sentence start).
    fn step_limit(n: usize) -> usize {
        n.saturating_mul(7).saturating_add(8)
    }

    /// `S(i)`: the i-th stack item from the top.
    fn s(&self, i: usize) -> i32 {
        if i < self.stack.len() {
            self.stack[self.stack.len() - 1 - i]
        } else {
            -1
        }
    }

    /// `B(i)`: the i-th buffer item, the rebuffer (top first) before `b_i`.
    fn b(&self, i: usize) -> i32 {
        if i < self.rebuffer.len() {
            return self.rebuffer[self.rebuffer.len() - 1 - i];
        }
        let offset = i32::try_from(i - self.rebuffer.len()).unwrap_or(i32::MAX);
        let b = self.b_i.saturating_add(offset);
        if b < self.n {
            b
        } else {
            -1
        }
    }

    fn buffer_length(&self) -> usize {
        (self.n - self.b_i) as usize + self.rebuffer.len()
    }

    fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() == 0
    }

    fn is_sent_start(&self, w: i32) -> bool {
        w >= 0 && self.sent_starts.get(w as usize).copied().unwrap_or(false)
    }

    fn is_unshiftable(&self, w: i32) -> bool {
        w >= 0 && self.unshiftable.get(w as usize).copied().unwrap_or(false)
    }

    fn has_head(&self, w: i32) -> bool {
        w >= 0 && self.heads[w as usize] >= 0
    }

    /// `nth_child`: the k-th child of `head` counted from the most recently
    /// added arc, skipping deleted arcs.
    fn nth_child(arcs: &[Vec<i32>], head: i32, k: usize) -> i32 {
        if k < 1 || head < 0 {
            return -1;
        }
        let Some(children) = arcs.get(head as usize) else {
            return -1;
        };
        children
            .iter()
            .rev()
            .filter(|&&c| c != -1)
            .nth(k - 1)
            .copied()
            .unwrap_or(-1)
    }

    fn l(&self, head: i32, k: usize) -> i32 {
        State::nth_child(&self.left_arcs, head, k)
    }

    fn r(&self, head: i32, k: usize) -> i32 {
        State::nth_child(&self.right_arcs, head, k)
    }

    /// `set_context_tokens` with nF = 8.
    fn features(&self, out: &mut [i32; N_FEATURES]) {
        let (b0, s0) = (self.b(0), self.s(0));
        *out = [
            b0,
            self.b(1),
            s0,
            self.s(1),
            self.s(2),
            self.l(b0, 1),
            self.l(s0, 1),
            self.r(s0, 1),
        ];
    }

    /// The validity of each action (`is_valid` of Shift … Break). The label
    /// plays no part, except for `subtok` (see `subtok_ok`). No sentence
    /// starts are preset, so spaCy's `cannot_sent_start` tests are always
    /// false and are left out.
    fn valid_actions(&self) -> [bool; 5] {
        let b0 = self.b(0);
        let buffer = self.buffer_length();
        let has_stack = !self.stack.is_empty();
        let shift =
            !has_stack || (buffer >= 2 && !self.is_sent_start(b0) && !self.is_unshiftable(b0));
        let reduce = has_stack;
        let arc = has_stack && buffer > 0 && !self.is_sent_start(b0);
        let brk = buffer >= 2 && self.b(1) == b0 + 1 && !self.is_sent_start(self.b(1));
        [shift, reduce, arc, arc, brk]
    }

    /// Left and Right with the label `subtok` also need S0 right before B0.
    fn subtok_ok(&self) -> bool {
        self.s(0) == self.b(0) - 1
    }

    /// The transition functions of `arc_eager.pyx`.
    fn apply(&mut self, class: Class) {
        match class.action {
            SHIFT => self.push(),
            REDUCE => self.reduce(),
            LEFT => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(b0, s0, class.label);
                // A changed stack cannot loop, so B0 may be shifted again.
                if let Some(mark) = self.unshiftable.get_mut(b0 as usize) {
                    *mark = false;
                }
                self.stack.pop();
            }
            RIGHT => {
                let (s0, b0) = (self.s(0), self.b(0));
                self.add_arc(s0, b0, class.label);
                self.push();
            }
            BREAK => {
                let b1 = self.b(1);
                if b1 >= 0 {
                    self.sent_starts[b1 as usize] = true;
                }
            }
            _ => {}
        }
    }

    /// Moves B0 onto the stack, from the rebuffer if it is not empty.
    fn push(&mut self) {
        if let Some(w) = self.rebuffer.pop() {
            self.stack.push(w);
        } else if self.b_i < self.n {
            self.stack.push(self.b_i);
            self.b_i += 1;
        }
    }

    /// Reduce pops S0 if it has a head or is alone on the stack; otherwise
    /// it "unshifts" S0 back to the buffer and marks it unshiftable.
    fn reduce(&mut self) {
        let Some(s0) = self.stack.pop() else {
            return;
        };
        if !self.has_head(s0) && !self.stack.is_empty() {
            self.unshiftable[s0 as usize] = true;
            self.rebuffer.push(s0);
        }
    }

    /// `add_arc`: delete the child's old arc first, then append the new one.
    fn add_arc(&mut self, head: i32, child: i32, label: usize) {
        if head < 0 || child < 0 {
            return;
        }
        let old = self.heads[child as usize];
        if old >= 0 {
            self.del_arc(old, child);
        }
        let arcs = if head > child {
            &mut self.left_arcs
        } else {
            &mut self.right_arcs
        };
        arcs[head as usize].push(child);
        self.heads[child as usize] = head;
        self.labels[child as usize] = label;
    }

    /// `del_arc`: pop the arc if it is the head's last one, else mark it
    /// deleted. Only Left re-attaches a child (S0, which Right attached), and
    /// while S0 is on the stack its old head cannot gain another right arc,
    /// so only the pop branch runs. The marking branch follows the
    /// reference (spaCy's own marks a copy, a no-op, but never runs either).
    fn del_arc(&mut self, head: i32, child: i32) {
        let arcs = if head > child {
            &mut self.left_arcs
        } else {
            &mut self.right_arcs
        };
        let Some(children) = arcs.get_mut(head as usize) else {
            return;
        };
        if children.last() == Some(&child) {
            children.pop();
        } else if let Some(c) = children.iter_mut().find(|c| **c == child) {
            *c = -1;
        }
    }

    /// `force_final`: empty the stack and the buffer.
    fn force_final(&mut self) {
        self.stack.clear();
        self.rebuffer.clear();
        self.b_i = self.n;
    }

    /// `set_annotations`: every arc gives its child a head and a label; a
    /// token without a head is its own head with the label `ROOT`.
    fn heads_and_labels<'m>(&self, moves: &'m Moves) -> (Vec<usize>, Vec<&'m str>) {
        let mut heads = Vec::with_capacity(self.heads.len());
        let mut deps = Vec::with_capacity(self.heads.len());
        for (i, (&head, &label)) in self.heads.iter().zip(&self.labels).enumerate() {
            if head >= 0 {
                heads.push(head as usize);
                deps.push(moves.label(label));
            } else {
                heads.push(i);
                deps.push(ROOT_LABEL);
            }
        }
        (heads, deps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;

    fn moves() -> Moves {
        Moves::parser(files::PARSER_MOVES).expect("parser moves")
    }

    /// Scores that pick the classes named in `script`, in turn, then Shift
    /// or Reduce (valid whenever anything is).
    fn scripted(moves: &Moves, script: &[&str]) -> impl FnMut(&[i32], &mut [f32]) {
        let wanted: Vec<usize> = script.iter().map(|name| moves.class_index(name)).collect();
        let mut step = 0;
        move |_features, out| {
            out.fill(0.0);
            if let Some(&c) = wanted.get(step) {
                out[c] = 1.0;
            }
            step += 1;
        }
    }

    #[test]
    fn empty_and_single_token_docs() {
        let moves = moves();
        let mut never = |_: &[i32], _: &mut [f32]| panic!("no step expected");
        assert_eq!(parse(0, &[], &moves, &mut never), Parse::default());
        let mut zero = |_: &[i32], out: &mut [f32]| out.fill(0.0);
        let one = parse(1, &[false], &moves, &mut zero);
        assert_eq!(one.heads, [0]);
        assert_eq!(one.deps, ["ROOT"]);
        assert_eq!(one.sent_starts, [true]);
    }

    #[test]
    fn a_scripted_sentence() {
        // "She ate fish ." : nsubj <- ate -> dobj, punct.
        let moves = moves();
        let mut score = scripted(
            &moves,
            &["S", "L-nsubj", "S", "R-dobj", "D", "R-punct", "D", "D"],
        );
        let parse = parse(4, &[false; 4], &moves, &mut score);
        assert_eq!(parse.heads, [1, 1, 1, 1]);
        assert_eq!(parse.deps, ["nsubj", "ROOT", "dobj", "punct"]);
        assert_eq!(parse.sent_starts, [true, false, false, false]);
    }

    #[test]
    fn break_starts_a_sentence_at_b1() {
        // Break marks token 2; Right then cannot reach it, so it parses
        // alone.
        let moves = moves();
        let mut score = scripted(&moves, &["S", "B-ROOT", "R-dobj", "D", "D", "S", "D"]);
        let parse = parse(3, &[false; 3], &moves, &mut score);
        assert_eq!(parse.heads, [0, 0, 2]);
        assert_eq!(parse.deps, ["ROOT", "dobj", "ROOT"]);
        assert_eq!(parse.sent_starts, [true, false, true]);
    }

    #[test]
    fn reduce_unshifts_a_headless_token() {
        let moves = moves();
        let mut state = State::new(4);
        let shift = Class {
            action: SHIFT,
            label: 0,
        };
        for _ in 0..3 {
            state.apply(shift);
        }
        state.apply(Class {
            action: REDUCE,
            label: 0,
        });
        // Token 2 is back at the front of the buffer and cannot be shifted
        // again while the stack is not empty.
        let mut f = [0; N_FEATURES];
        state.features(&mut f);
        assert_eq!(f, [2, 3, 1, 0, -1, -1, -1, -1]);
        assert!(!state.valid_actions()[usize::from(SHIFT)]);
        // A Left from token 2 clears the mark.
        state.apply(Class {
            action: LEFT,
            label: class_label(&moves, "L-det"),
        });
        assert!(state.valid_actions()[usize::from(SHIFT)]);
        state.features(&mut f);
        assert_eq!(f, [2, 3, 0, -1, -1, 1, -1, -1]);
    }

    fn class_label(moves: &Moves, name: &str) -> usize {
        moves.classes()[moves.class_index(name)].label
    }
}
