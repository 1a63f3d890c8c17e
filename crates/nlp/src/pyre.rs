//! A backtracking matcher for the part of Python's `re` syntax that the
//! tokenizer's four patterns use, with Python's semantics: alternatives are
//! tried in order, quantifiers are greedy (or lazy with `?`) and give back
//! one step at a time, look-arounds are atomic, look-behinds have a fixed
//! width, `\w`, `\d` and `\s` are Python's classes and `$` also matches
//! before a final newline.
//!
//! Why not a regex library: the patterns are large (the infix and suffix
//! patterns list thousands of code points) and need look-around, and
//! compiling them to automata (`fancy-regex` over `regex-automata`) cost
//! about 60 ms, most of the time it took to load the model. Parsing them
//! into the tree this module walks takes well under a millisecond.
//!
//! Speed without automata: a search only tries, at each position, the
//! top-level alternatives whose possible first characters include the
//! character there (most of the prefix and suffix patterns' hundred-odd
//! alternatives are a literal each), and a search is skipped when the text
//! lacks a character that every match must contain (the `.` of a URL).
//! Runs of one character class are matched in a loop, not by recursion.
//!
//! Bounded backtracking: within one search, a failure of the rest of a
//! top-level sequence at a position is remembered (it depends on nothing
//! else), and so is the span of ends at which a greedy run of a class with
//! such a fixed continuation failed (`\S*` in the URL pattern's user part
//! is tried from every colon and reaches the same end each time). With
//! both, the URL pattern takes a number of steps about linear in the text,
//! where it was quadratic to cubic (a million steps for a 1,000-character
//! piece of colons, an `@` and host labels).
//!
//! A search that takes more than [`STEP_LIMIT`] steps gives up and counts
//! as no match, as the backtracking limit of `fancy-regex` did before.
//! Pieces of text are at most `MAX_CHUNK_CHARS` code points long, so only
//! pathological text comes near it.

use std::cell::{Cell, RefCell};

use crate::python;

/// The most steps (nodes entered and characters given back) one search may
/// take before it gives up.
pub(crate) const STEP_LIMIT: u32 = 4_000_000;

/// Why a pattern is not accepted: Python would reject it, or it uses syntax
/// the tokenizer's patterns do not (named groups, backreferences, `\b`,
/// flags other than `u`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternError(pub(crate) String);

/// A set of code points: a bit per ASCII character and sorted, disjoint,
/// inclusive ranges above ASCII.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct CharSet {
    ascii: u128,
    ranges: Vec<(u32, u32)>,
}

impl CharSet {
    /// The set of the sorted or unsorted inclusive `ranges`.
    fn from_ranges(mut ranges: Vec<(u32, u32)>) -> CharSet {
        ranges.sort_unstable();
        let mut set = CharSet::default();
        for (first, last) in ranges {
            for cp in first..=last.min(127) {
                set.ascii |= 1 << cp;
            }
            let first = first.max(128);
            if first > last {
                continue;
            }
            match set.ranges.last_mut() {
                Some(prev) if first <= prev.1.saturating_add(1) => prev.1 = prev.1.max(last),
                _ => set.ranges.push((first, last)),
            }
        }
        set
    }

    /// Every range of the set, ASCII included.
    fn all_ranges(&self) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = (0..128)
            .filter(|&cp| self.ascii & (1 << cp) != 0)
            .map(|cp| (cp, cp))
            .collect();
        out.extend_from_slice(&self.ranges);
        out
    }

    /// Every code point not in the set.
    fn complement(&self) -> CharSet {
        let mut out = Vec::new();
        let mut next = 0u32;
        for (first, last) in CharSet::from_ranges(self.all_ranges()).all_ranges() {
            if first > next {
                out.push((next, first - 1));
            }
            next = last + 1;
        }
        if next <= 0x10_FFFF {
            out.push((next, 0x10_FFFF));
        }
        CharSet::from_ranges(out)
    }

    fn union(&self, other: &CharSet) -> CharSet {
        let mut ranges = self.all_ranges();
        ranges.extend(other.all_ranges());
        CharSet::from_ranges(ranges)
    }

    fn contains(&self, c: char) -> bool {
        let cp = u32::from(c);
        if cp < 128 {
            return self.ascii & (1 << cp) != 0;
        }
        let i = self.ranges.partition_point(|&(_, last)| last < cp);
        self.ranges.get(i).is_some_and(|&(first, _)| first <= cp)
    }

    /// The one character of the set, if it has exactly one.
    fn single(&self) -> Option<char> {
        match (self.ascii.count_ones(), self.ranges.as_slice()) {
            (1, []) => char::from_u32(self.ascii.trailing_zeros()),
            (0, [(first, last)]) if first == last => char::from_u32(*first),
            _ => None,
        }
    }
}

/// One node of a parsed pattern.
#[derive(Debug, Clone)]
enum Node {
    /// A run of literal characters.
    Literal(Box<str>),
    /// One character of a class (`[...]`, `\d`, `.`).
    Class(CharSet),
    /// `^`: the start of the text.
    Start,
    /// `$`: the end of the text, or just before a newline that ends it.
    End,
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        /// `u32::MAX` for no upper bound.
        max: u32,
        greedy: bool,
        /// For a greedy, unbounded repeat of a class whose continuation
        /// depends only on where the run ends (see [`mark_runs`]): its slot
        /// in [`Search::failed_runs`].
        run_slot: Option<u32>,
    },
    /// A look-ahead, or a look-behind of `behind` code points.
    Look {
        node: Box<Node>,
        behind: Option<usize>,
        negate: bool,
    },
}

impl Node {
    /// The node's width in code points, if every match has the same.
    fn fixed_width(&self) -> Option<usize> {
        match self {
            Node::Literal(s) => Some(s.chars().count()),
            Node::Class(_) => Some(1),
            Node::Start | Node::End | Node::Look { .. } => Some(0),
            Node::Seq(nodes) => nodes.iter().map(Node::fixed_width).sum(),
            Node::Alt(nodes) => {
                let first = nodes.first().map_or(Some(0), Node::fixed_width)?;
                nodes
                    .iter()
                    .all(|n| n.fixed_width() == Some(first))
                    .then_some(first)
            }
            Node::Repeat { node, min, max, .. } if min == max => {
                node.fixed_width()?.checked_mul(usize::try_from(*min).ok()?)
            }
            Node::Repeat { .. } => None,
        }
    }

    /// The characters a match can start with (a superset), and whether a
    /// match can be empty.
    fn first_chars(&self) -> (CharSet, bool) {
        match self {
            Node::Literal(s) => match s.chars().next() {
                Some(c) => (CharSet::from_ranges(vec![(c.into(), c.into())]), false),
                None => (CharSet::default(), true),
            },
            Node::Class(set) => (set.clone(), false),
            Node::Start | Node::End | Node::Look { .. } => (CharSet::default(), true),
            Node::Seq(nodes) => {
                let mut set = CharSet::default();
                for node in nodes {
                    let (first, nullable) = node.first_chars();
                    set = set.union(&first);
                    if !nullable {
                        return (set, false);
                    }
                }
                (set, true)
            }
            Node::Alt(nodes) => nodes.iter().fold((CharSet::default(), false), |acc, n| {
                let (first, nullable) = n.first_chars();
                (acc.0.union(&first), acc.1 || nullable)
            }),
            Node::Repeat { node, min, .. } => {
                let (first, nullable) = node.first_chars();
                (first, nullable || *min == 0)
            }
        }
    }

    /// Characters that every match contains.
    fn required_chars(&self) -> Vec<char> {
        match self {
            Node::Literal(s) => s.chars().collect(),
            Node::Class(set) => set.single().into_iter().collect(),
            Node::Start | Node::End | Node::Look { .. } => Vec::new(),
            Node::Seq(nodes) => {
                let mut all: Vec<char> = nodes.iter().flat_map(Node::required_chars).collect();
                all.sort_unstable();
                all.dedup();
                all
            }
            Node::Alt(nodes) => {
                let mut iter = nodes.iter().map(Node::required_chars);
                let first = iter.next().unwrap_or_default();
                iter.fold(first, |acc, other| {
                    acc.into_iter().filter(|c| other.contains(c)).collect()
                })
            }
            Node::Repeat { node, min, .. } if *min > 0 => node.required_chars(),
            Node::Repeat { .. } => Vec::new(),
        }
    }

    /// Whether the node matches in one way only, where it matches at all.
    fn is_simple(&self) -> bool {
        matches!(
            self,
            Node::Literal(_) | Node::Class(_) | Node::Start | Node::End
        )
    }

    /// Whether every match starts at the start of the text.
    fn anchored_at_start(&self) -> bool {
        match self {
            Node::Start => true,
            Node::Seq(nodes) => nodes.first().is_some_and(Node::anchored_at_start),
            Node::Alt(nodes) => !nodes.is_empty() && nodes.iter().all(Node::anchored_at_start),
            Node::Repeat { node, min, .. } => *min > 0 && node.anchored_at_start(),
            _ => false,
        }
    }
}

/// One top-level alternative, with what a search needs to skip it.
#[derive(Debug)]
struct Branch {
    node: Node,
    first: CharSet,
    nullable: bool,
    anchored: bool,
    /// When `node` is a sequence: for each index `i` of it, the memo slot
    /// of "`nodes[i..]` fails at this position", if `i` follows a node
    /// that can match in more than one way (see [`Search::top_seq`]).
    slots: Box<[Option<u32>]>,
}

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Pattern {
    branches: Vec<Branch>,
    /// For each ASCII character, the branches (in order) that can match
    /// starting with it or can match empty.
    by_ascii: Vec<Vec<u16>>,
    /// The branches that can start with a character above ASCII or can
    /// match empty.
    non_ascii: Vec<u16>,
    /// The branches that can match empty, the only ones tried at the end.
    nullable: Vec<u16>,
    all_anchored: bool,
    required: Vec<char>,
    /// The memo slots of all branches.
    slot_count: u32,
    /// The run slots of all branches (see [`mark_runs`]).
    run_slot_count: u32,
}

impl Pattern {
    pub(crate) fn new(source: &str) -> Result<Pattern, PatternError> {
        let mut parser = Parser {
            src: source,
            pos: 0,
        };
        let node = parser.alternation()?;
        if parser.pos != source.len() {
            return Err(parser.error("unbalanced parenthesis"));
        }
        let required = node.required_chars();
        let nodes = match node {
            Node::Alt(nodes) => nodes,
            node => vec![node],
        };
        if nodes.len() > usize::from(u16::MAX) {
            return Err(PatternError("too many alternatives".into()));
        }
        let mut slot_count = 0u32;
        let mut run_slot_count = 0u32;
        let branches: Vec<Branch> = nodes
            .into_iter()
            .map(|mut node| {
                mark_runs(&mut node, true, &mut run_slot_count);
                let (first, nullable) = node.first_chars();
                let anchored = node.anchored_at_start();
                let slots = match &node {
                    Node::Seq(nodes) => (0..nodes.len())
                        .map(|i| {
                            let memo = i > 0 && !nodes[i - 1].is_simple();
                            memo.then(|| {
                                slot_count += 1;
                                slot_count - 1
                            })
                        })
                        .collect(),
                    _ => Box::default(),
                };
                Branch {
                    node,
                    first,
                    nullable,
                    anchored,
                    slots,
                }
            })
            .collect();
        let ids = |keep: &dyn Fn(&Branch) -> bool| -> Vec<u16> {
            (0..branches.len())
                .filter(|&i| keep(&branches[i]))
                .map(|i| i as u16)
                .collect()
        };
        let by_ascii = (0..128u32)
            .map(|cp| ids(&|b| b.nullable || b.first.ascii & (1 << cp) != 0))
            .collect();
        let non_ascii = ids(&|b| b.nullable || !b.first.ranges.is_empty());
        let nullable = ids(&|b| b.nullable);
        let all_anchored = branches.iter().all(|b| b.anchored);
        Ok(Pattern {
            branches,
            by_ascii,
            non_ascii,
            nullable,
            all_anchored,
            required,
            slot_count,
            run_slot_count,
        })
    }

    /// Python `pattern.search(text, from)`: the leftmost match that starts
    /// at byte `from` or later, the text before `from` being visible to
    /// look-behinds (but not to `^`). Byte offsets of its start and end.
    pub(crate) fn find_from(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        self.find_from_counted(text, from).0
    }

    /// [`Pattern::find_from`], with the steps the search took.
    fn find_from_counted(&self, text: &str, from: usize) -> (Option<(usize, usize)>, u32) {
        let search = Search::new(text, (self.slot_count, self.run_slot_count));
        let found = self.find_in(&search, from);
        (found, search.used())
    }

    fn find_in(&self, search: &Search<'_>, from: usize) -> Option<(usize, usize)> {
        let text = search.text;
        let rest = text.get(from..)?;
        if self.required.iter().any(|&c| !rest.contains(c)) {
            return None;
        }
        let mut pos = from;
        loop {
            if pos > 0 && self.all_anchored {
                return None;
            }
            let next = text[pos..].chars().next();
            let candidates = match next {
                Some(c) if c.is_ascii() => &self.by_ascii[c as usize],
                Some(_) => &self.non_ascii,
                None => &self.nullable,
            };
            for &i in candidates {
                let branch = &self.branches[usize::from(i)];
                if branch.anchored && pos > 0 {
                    continue;
                }
                if let Some(c) = next {
                    if !c.is_ascii() && !branch.nullable && !branch.first.contains(c) {
                        continue;
                    }
                }
                if let Some(end) = search.branch_at(branch, pos) {
                    return Some((pos, end));
                }
                if search.exhausted() {
                    return None;
                }
            }
            pos += next?.len_utf8();
        }
    }

    /// Python `pattern.match(text)`: the end of a match that starts at the
    /// start of `text`.
    pub(crate) fn match_start(&self, text: &str) -> Option<usize> {
        self.match_start_counted(text).0
    }

    /// [`Pattern::match_start`], with the steps the search took.
    fn match_start_counted(&self, text: &str) -> (Option<usize>, u32) {
        let search = Search::new(text, (self.slot_count, self.run_slot_count));
        let found = self.match_in(&search);
        (found, search.used())
    }

    fn match_in(&self, search: &Search<'_>) -> Option<usize> {
        let text = search.text;
        if self.required.iter().any(|&c| !text.contains(c)) {
            return None;
        }
        let next = text.chars().next();
        for branch in &self.branches {
            let possible = match next {
                Some(c) => branch.nullable || branch.first.contains(c),
                None => branch.nullable,
            };
            if !possible {
                continue;
            }
            if let Some(end) = search.branch_at(branch, 0) {
                return Some(end);
            }
            if search.exhausted() {
                return None;
            }
        }
        None
    }
}

/// One search: the text, the steps left, and the positions where the rest
/// of a branch's top-level sequence is known to fail.
struct Search<'t> {
    text: &'t str,
    steps: Cell<u32>,
    slot_count: u32,
    /// Bit `slot * (text.len() + 1) + pos`: the rest of the sequence from
    /// the slot's index fails at byte `pos`. Allocated at the first failure.
    failed: RefCell<Vec<u64>>,
    /// For each run slot (see [`Search::repeat_class_memo`]), the last span
    /// of ends, inclusive, at which the continuation of the run failed.
    failed_runs: RefCell<Vec<Option<(usize, usize)>>>,
    run_slot_count: u32,
}

/// A continuation: what must match after a node, given where it ended.
type Then<'k> = &'k mut dyn FnMut(usize) -> bool;

impl<'t> Search<'t> {
    fn new(text: &'t str, (slot_count, run_slot_count): (u32, u32)) -> Search<'t> {
        Search {
            text,
            steps: Cell::new(STEP_LIMIT),
            slot_count,
            failed: RefCell::new(Vec::new()),
            failed_runs: RefCell::new(Vec::new()),
            run_slot_count,
        }
    }

    fn failed_run(&self, slot: u32) -> Option<(usize, usize)> {
        self.failed_runs
            .borrow()
            .get(slot as usize)
            .copied()
            .flatten()
    }

    fn record_failed_run(&self, slot: u32, span: (usize, usize)) {
        let mut runs = self.failed_runs.borrow_mut();
        if runs.is_empty() {
            runs.resize(self.run_slot_count as usize, None);
        }
        runs[slot as usize] = Some(span);
    }

    fn memo_bit(&self, slot: u32, pos: usize) -> usize {
        slot as usize * (self.text.len() + 1) + pos
    }

    fn known_to_fail(&self, slot: u32, pos: usize) -> bool {
        let bit = self.memo_bit(slot, pos);
        self.failed
            .borrow()
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }

    fn record_failure(&self, slot: u32, pos: usize) {
        let bit = self.memo_bit(slot, pos);
        let mut failed = self.failed.borrow_mut();
        if failed.is_empty() {
            let bits = self.slot_count as usize * (self.text.len() + 1);
            failed.resize(bits.div_ceil(64), 0);
        }
        failed[bit / 64] |= 1 << (bit % 64);
    }

    /// The end of the first match of `branch` at `pos`, if any.
    fn branch_at(&self, branch: &Branch, pos: usize) -> Option<usize> {
        let Node::Seq(nodes) = &branch.node else {
            return self.match_at(&branch.node, pos);
        };
        let mut end = None;
        let matched = self.top_seq(nodes, &branch.slots, 0, pos, &mut |e| {
            end = Some(e);
            true
        });
        if matched && !self.exhausted() {
            end
        } else {
            None
        }
    }

    /// Matches `nodes[i..]`, the rest of a branch's top-level sequence, at
    /// `pos`, then `then`, which accepts any end. Whether that succeeds
    /// depends only on `i` and `pos` (look-arounds see the whole text, and
    /// nothing is captured), so a failure is remembered and not retried.
    /// This is what keeps the URL pattern from being super-linear: the
    /// user part `(?:\S+(?::\S*)?@)?` can end at the same `@` in as many
    /// ways as there are colons before it, and without the memo each way
    /// matched the host part after it again.
    fn top_seq(
        &self,
        nodes: &[Node],
        slots: &[Option<u32>],
        mut i: usize,
        mut pos: usize,
        then: Then<'_>,
    ) -> bool {
        while let Some(node) = nodes.get(i) {
            match self.simple(node, pos) {
                Ok(Some(end)) => pos = end,
                Ok(None) => return false,
                Err(()) => break,
            }
            i += 1;
        }
        let Some(node) = nodes.get(i) else {
            return then(pos);
        };
        self.node(node, pos, &mut |end| {
            let Some(&Some(slot)) = slots.get(i + 1) else {
                return self.top_seq(nodes, slots, i + 1, end, then);
            };
            if self.known_to_fail(slot, end) {
                return false;
            }
            let matched = self.top_seq(nodes, slots, i + 1, end, then);
            // A failure for want of steps says nothing about the position.
            if !matched && !self.exhausted() {
                self.record_failure(slot, end);
            }
            matched
        })
    }

    /// The steps taken so far.
    fn used(&self) -> u32 {
        STEP_LIMIT - self.steps.get()
    }

    fn exhausted(&self) -> bool {
        self.steps.get() == 0
    }

    /// Takes a step; false when none are left.
    fn tick(&self) -> bool {
        let left = self.steps.get();
        self.steps.set(left.saturating_sub(1));
        left > 0
    }

    /// The end of the first match of `node` at `pos`, if any.
    fn match_at(&self, node: &Node, pos: usize) -> Option<usize> {
        let mut end = None;
        let matched = self.node(node, pos, &mut |e| {
            end = Some(e);
            true
        });
        if matched && !self.exhausted() {
            end
        } else {
            None
        }
    }

    /// Where `node` ends when matched at `pos`, for the nodes that match
    /// in one way only; `Err(())` for the others.
    fn simple(&self, node: &Node, pos: usize) -> Result<Option<usize>, ()> {
        let text = self.text;
        match node {
            Node::Literal(s) => Ok(text[pos..].starts_with(&**s).then(|| pos + s.len())),
            Node::Class(set) => Ok(text[pos..]
                .chars()
                .next()
                .filter(|&c| set.contains(c))
                .map(|c| pos + c.len_utf8())),
            Node::Start => Ok((pos == 0).then_some(pos)),
            Node::End => {
                let at_end = pos == text.len() || (pos + 1 == text.len() && text.ends_with('\n'));
                Ok(at_end.then_some(pos))
            }
            _ => Err(()),
        }
    }

    /// Matches `nodes` in turn at `pos`, then `then`.
    fn seq(&self, nodes: &[Node], mut pos: usize, then: Then<'_>) -> bool {
        let mut i = 0;
        while let Some(node) = nodes.get(i) {
            match self.simple(node, pos) {
                Ok(Some(end)) => pos = end,
                Ok(None) => return false,
                Err(()) => break,
            }
            i += 1;
        }
        match nodes.get(i) {
            None => then(pos),
            Some(node) if i + 1 == nodes.len() => self.node(node, pos, then),
            Some(node) => self.node(node, pos, &mut |end| self.seq(&nodes[i + 1..], end, then)),
        }
    }

    /// Matches `node` at `pos`, then `then`, backtracking into `node` until
    /// `then` succeeds or every way is tried.
    fn node(&self, node: &Node, pos: usize, then: Then<'_>) -> bool {
        if !self.tick() {
            return false;
        }
        if let Ok(end) = self.simple(node, pos) {
            return end.is_some_and(then);
        }
        match node {
            Node::Seq(nodes) => self.seq(nodes, pos, then),
            Node::Alt(nodes) => {
                for node in nodes {
                    if self.node(node, pos, then) {
                        return true;
                    }
                    if self.exhausted() {
                        return false;
                    }
                }
                false
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
                run_slot,
            } => match &**node {
                Node::Class(set) => {
                    self.repeat_class(set, (*min, *max, *greedy), *run_slot, pos, then)
                }
                _ => self.repeat(node, (*min, *max, *greedy), 0, pos, then),
            },
            Node::Look {
                node,
                behind,
                negate,
            } => {
                let found = match behind {
                    None => self.node(node, pos, &mut |_| true),
                    Some(width) => match back_chars(self.text, pos, *width) {
                        Some(start) => self.node(node, start, &mut |end| end == pos),
                        None => false,
                    },
                };
                !self.exhausted() && found != *negate && then(pos)
            }
            Node::Literal(_) | Node::Class(_) | Node::Start | Node::End => false,
        }
    }

    /// A repeated class: the run is found in a loop, then given back (or,
    /// when lazy, taken) one character at a time.
    fn repeat_class(
        &self,
        set: &CharSet,
        (min, max, greedy): (u32, u32, bool),
        run_slot: Option<u32>,
        pos: usize,
        then: Then<'_>,
    ) -> bool {
        let text = self.text;
        let one = |at: usize| {
            text[at..]
                .chars()
                .next()
                .filter(|&c| set.contains(c))
                .map(|c| at + c.len_utf8())
        };
        let (mut end, mut count) = (pos, 0u32);
        if greedy {
            if let Some(slot) = run_slot {
                return self.repeat_class_memo(&one, min, slot, pos, then);
            }
            while count < max {
                let Some(next) = one(end) else { break };
                end = next;
                count += 1;
            }
            if count < min {
                return false;
            }
            loop {
                if then(end) {
                    return true;
                }
                if count == min || !self.tick() {
                    return false;
                }
                end = back_chars(text, end, 1).unwrap_or(pos);
                count -= 1;
            }
        }
        while count < min {
            let Some(next) = one(end) else { return false };
            end = next;
            count += 1;
        }
        loop {
            if then(end) {
                return true;
            }
            if count == max || !self.tick() {
                return false;
            }
            let Some(next) = one(end) else { return false };
            end = next;
            count += 1;
        }
    }

    /// A greedy, unbounded repeated class whose continuation depends only
    /// on where the run ends, such as the URL pattern's `\S*` after a colon
    /// in `\S+(?::\S*)?@`: tried from every colon, the run always reaches
    /// the same end and gives back the same characters, which made the
    /// search quadratic. A run that fails remembers the span of ends that
    /// failed, and a later run that reaches into the span skips it, so each
    /// end is tried once per search.
    fn repeat_class_memo(
        &self,
        one: &dyn Fn(usize) -> Option<usize>,
        min: u32,
        slot: u32,
        pos: usize,
        then: Then<'_>,
    ) -> bool {
        let known = self.failed_run(slot);
        let (mut end, mut count) = (pos, 0u32);
        // The first end the run may give back to: `min` characters on.
        let mut min_end = (min == 0).then_some(pos);
        let mut skip = None;
        loop {
            if let (Some((lo, hi)), Some(_)) = (known, min_end) {
                // The characters up to `hi` are in the class: an earlier
                // run went over them and ended there.
                if lo <= end && end <= hi {
                    skip = Some((lo, hi));
                    end = hi;
                    break;
                }
            }
            let Some(next) = one(end) else { break };
            end = next;
            count = count.saturating_add(1);
            if count == min {
                min_end = Some(end);
            }
        }
        let Some(min_end) = min_end else {
            return false;
        };
        let run_end = end;
        loop {
            match skip {
                Some((lo, hi)) if lo <= end && end <= hi => end = lo.max(min_end),
                _ => {
                    if then(end) {
                        return true;
                    }
                }
            }
            if end == min_end || !self.tick() {
                break;
            }
            end = back_chars(self.text, end, 1).unwrap_or(pos);
        }
        // A failure for want of steps says nothing about the ends. The
        // ends tried and the span skipped are contiguous, and are kept
        // together.
        if !self.exhausted() {
            let lo = skip.map_or(min_end, |(lo, _)| lo.min(min_end));
            self.record_failed_run(slot, (lo, run_end));
        }
        false
    }

    /// A repeated group, `count` repetitions having matched before `pos`.
    /// A repetition that matches empty once the minimum is reached ends the
    /// loop, as in Python.
    fn repeat(
        &self,
        node: &Node,
        (min, max, greedy): (u32, u32, bool),
        count: u32,
        pos: usize,
        then: Then<'_>,
    ) -> bool {
        if !greedy && count >= min && then(pos) {
            return true;
        }
        if count < max {
            let more = self.node(node, pos, &mut |end| {
                (end != pos || count < min)
                    && self.repeat(node, (min, max, greedy), count + 1, end, then)
            });
            if more {
                return true;
            }
        }
        greedy && count >= min && !self.exhausted() && then(pos)
    }
}

/// Gives a run slot to each greedy, unbounded repeat of a class under
/// `node` whose continuation depends only on where the run ends, which is
/// the case when `fixed` holds: the continuation of a top-level
/// alternative accepts any end, a sequence's elements, an alternation's
/// branches and the body of an optional group (that cannot match empty)
/// inherit it, and the body of a group repeated more than once or of a
/// look-around does not (its continuation depends on the repetitions, or
/// on where the look-around started).
fn mark_runs(node: &mut Node, fixed: bool, slots: &mut u32) {
    match node {
        Node::Seq(nodes) | Node::Alt(nodes) => {
            for node in nodes {
                mark_runs(node, fixed, slots);
            }
        }
        Node::Repeat {
            node,
            max,
            greedy,
            run_slot,
            ..
        } => {
            if let Node::Class(_) = **node {
                if fixed && *greedy && *max == u32::MAX {
                    *run_slot = Some(*slots);
                    *slots += 1;
                }
                return;
            }
            let body_fixed = fixed && *max == 1 && !node.first_chars().1;
            mark_runs(node, body_fixed, slots);
        }
        Node::Look { node, .. } => mark_runs(node, false, slots),
        Node::Literal(_) | Node::Class(_) | Node::Start | Node::End => {}
    }
}

/// The byte offset `chars` code points before `pos`, if there are as many.
fn back_chars(text: &str, pos: usize, chars: usize) -> Option<usize> {
    let mut at = pos;
    for _ in 0..chars {
        at = text[..at].char_indices().next_back()?.0;
    }
    Some(at)
}

/// A recursive-descent parser of Python's pattern syntax.
struct Parser<'s> {
    src: &'s str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> PatternError {
        PatternError(format!("{what} at byte {}", self.pos))
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, s: &str) -> bool {
        let found = self.src[self.pos..].starts_with(s);
        if found {
            self.pos += s.len();
        }
        found
    }

    /// `a|b|...`, up to a `)` or the end.
    fn alternation(&mut self) -> Result<Node, PatternError> {
        let mut branches = vec![self.sequence()?];
        while self.eat("|") {
            branches.push(self.sequence()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Seq(Vec::new()))
        } else {
            Node::Alt(branches)
        })
    }

    /// Quantified atoms up to a `|`, a `)` or the end; neighbouring
    /// literal characters are joined into one literal.
    fn sequence(&mut self) -> Result<Node, PatternError> {
        let mut nodes: Vec<Node> = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let Some(atom) = self.atom()? else {
                continue;
            };
            let node = self.quantified(atom)?;
            if let (Node::Literal(s), Some(Node::Literal(prev))) = (&node, nodes.last_mut()) {
                *prev = format!("{prev}{s}").into();
                continue;
            }
            nodes.push(node);
        }
        Ok(if nodes.len() == 1 {
            nodes.pop().unwrap_or(Node::Seq(Vec::new()))
        } else {
            Node::Seq(nodes)
        })
    }

    /// One atom; `None` for a flags group, which matches nothing.
    fn atom(&mut self) -> Result<Option<Node>, PatternError> {
        let start = self.pos;
        let Some(c) = self.next() else {
            return Err(self.error("unexpected end"));
        };
        let node = match c {
            '(' => return self.group(),
            '[' => self.class()?,
            '.' => Node::Class(CharSet::from_ranges(vec![(0, 9), (11, 0x10_FFFF)])),
            '^' => Node::Start,
            '$' => Node::End,
            '\\' => self.escape(false)?.into_node(),
            '*' | '+' | '?' => {
                self.pos = start;
                return Err(self.error("nothing to repeat"));
            }
            '{' if self.quantifier_ahead(start) => {
                self.pos = start;
                return Err(self.error("nothing to repeat"));
            }
            c => Node::Literal(c.to_string().into()),
        };
        Ok(Some(node))
    }

    /// Whether a well-formed `{m,n}` starts at byte `at`.
    fn quantifier_ahead(&self, at: usize) -> bool {
        let mut probe = Parser {
            src: self.src,
            pos: at,
        };
        probe.braces().is_some()
    }

    /// `{m}`, `{m,}`, `{,n}` or `{m,n}` at the current position, consumed if
    /// well formed; Python reads anything else as a literal `{`.
    fn braces(&mut self) -> Option<(u32, u32)> {
        let rest = &self.src[self.pos..];
        let body = rest.strip_prefix('{')?;
        let close = body.find('}')?;
        let inner = &body[..close];
        let number = |s: &str| -> Option<Option<u32>> {
            if s.is_empty() {
                return Some(None);
            }
            if !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok().map(Some)
        };
        let (min, max) = match inner.split_once(',') {
            Some((lo, hi)) => (number(lo)?.unwrap_or(0), number(hi)?.unwrap_or(u32::MAX)),
            None => {
                let n = number(inner)??;
                (n, n)
            }
        };
        self.pos += close + 2;
        Some((min, max))
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, PatternError> {
        let (min, max) = match self.peek() {
            Some('{') => match self.braces() {
                Some(bounds) => bounds,
                None => return Ok(atom),
            },
            Some(c @ ('*' | '+' | '?')) => {
                self.pos += 1;
                match c {
                    '*' => (0, u32::MAX),
                    '+' => (1, u32::MAX),
                    _ => (0, 1),
                }
            }
            _ => return Ok(atom),
        };
        if min > max {
            return Err(self.error("min repeat greater than max repeat"));
        }
        if matches!(atom, Node::Start | Node::End | Node::Look { .. }) {
            return Err(self.error("nothing to repeat"));
        }
        let greedy = !self.eat("?");
        if matches!(self.peek(), Some('*' | '+' | '?')) {
            return Err(self.error("multiple repeat"));
        }
        // Atoms are single characters or groups, so a quantifier after a
        // literal binds to its last character, as it should.
        // A repeated character is a repeated one-character class, which is
        // matched in a loop: as a literal it took a recursive call per
        // repetition (a run of a thousand dots went a thousand calls deep).
        let atom = match atom {
            Node::Literal(s) => match s.chars().next() {
                Some(c) if s.chars().count() == 1 => {
                    Node::Class(CharSet::from_ranges(vec![(c.into(), c.into())]))
                }
                _ => Node::Literal(s),
            },
            atom => atom,
        };
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
            run_slot: None,
        })
    }

    /// A group, its `(` consumed.
    fn group(&mut self) -> Result<Option<Node>, PatternError> {
        let look = [
            ("?=", None, false),
            ("?!", None, true),
            ("?<=", Some(()), false),
            ("?<!", Some(()), true),
        ]
        .into_iter()
        .find(|(open, _, _)| self.eat(open));
        if look.is_none() && self.eat("?") && !self.eat(":") {
            // Inline flags: only `u` (Unicode matching, the default for
            // str patterns) is accepted.
            while let Some(c) = self.next() {
                match c {
                    'u' => {}
                    ')' => return Ok(None),
                    _ => return Err(self.error("unsupported group or flag")),
                }
            }
            return Err(self.error("missing )"));
        }
        let inner = self.alternation()?;
        if !self.eat(")") {
            return Err(self.error("missing )"));
        }
        let Some((_, behind, negate)) = look else {
            return Ok(Some(inner));
        };
        let behind = match behind {
            Some(()) => Some(
                inner
                    .fixed_width()
                    .ok_or_else(|| self.error("look-behind requires fixed-width pattern"))?,
            ),
            None => None,
        };
        Ok(Some(Node::Look {
            node: Box::new(inner),
            behind,
            negate,
        }))
    }

    /// A class, its `[` consumed. As in Python, a `]` first (after `^`) is
    /// a member, and `[` inside is a plain character.
    fn class(&mut self) -> Result<Node, PatternError> {
        let negated = self.eat("^");
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.next() else {
                return Err(self.error("unterminated character set"));
            };
            if c == ']' && !first {
                break;
            }
            first = false;
            let low = match c {
                '\\' => match self.escape(true)? {
                    Escape::Code(cp) => cp,
                    Escape::Set(set) => {
                        ranges.extend(set.all_ranges());
                        continue;
                    }
                },
                c => u32::from(c),
            };
            let is_range = self.src[self.pos..].starts_with('-')
                && !self.src[self.pos + 1..].starts_with(']')
                && self.pos + 1 < self.src.len();
            if !is_range {
                ranges.push((low, low));
                continue;
            }
            self.pos += 1;
            let high = match self.next() {
                Some('\\') => match self.escape(true)? {
                    Escape::Code(cp) => cp,
                    Escape::Set(_) => return Err(self.error("bad character range")),
                },
                Some(c) => u32::from(c),
                None => return Err(self.error("unterminated character set")),
            };
            if high < low {
                return Err(self.error("bad character range"));
            }
            ranges.push((low, high));
        }
        let set = CharSet::from_ranges(ranges);
        Ok(Node::Class(if negated { set.complement() } else { set }))
    }

    /// An escape, its `\` consumed; `in_class` for Python's meaning inside
    /// a class (`\b` is a backspace there).
    fn escape(&mut self, in_class: bool) -> Result<Escape, PatternError> {
        let Some(c) = self.next() else {
            return Err(self.error("bad escape (end of pattern)"));
        };
        let table = |t: &[(u32, u32)]| CharSet::from_ranges(t.to_vec());
        let escape = match c {
            'd' => Escape::Set(table(python::DECIMAL)),
            'D' => Escape::Set(table(python::DECIMAL).complement()),
            'w' => Escape::Set(table(python::WORD)),
            'W' => Escape::Set(table(python::WORD).complement()),
            's' => Escape::Set(table(python::SPACE)),
            'S' => Escape::Set(table(python::SPACE).complement()),
            'n' => Escape::Code(0x0a),
            't' => Escape::Code(0x09),
            'r' => Escape::Code(0x0d),
            'f' => Escape::Code(0x0c),
            'v' => Escape::Code(0x0b),
            'a' => Escape::Code(0x07),
            'b' if in_class => Escape::Code(0x08),
            'x' => Escape::Code(self.hex(2)?),
            'u' => Escape::Code(self.hex(4)?),
            'U' => Escape::Code(self.hex(8)?),
            c if c.is_ascii_alphanumeric() => {
                return Err(self.error(&format!("unsupported escape \\{c}")))
            }
            c => Escape::Code(c.into()),
        };
        Ok(escape)
    }

    /// A code point of `digits` hex digits. Python allows surrogates, which
    /// no Rust text contains: a class range may still end at one, and a
    /// surrogate on its own matches nothing.
    fn hex(&mut self, digits: usize) -> Result<u32, PatternError> {
        let text = self
            .src
            .get(self.pos..self.pos + digits)
            .filter(|t| t.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("incomplete escape"))?;
        let cp = u32::from_str_radix(text, 16).map_err(|_| self.error("bad escape"))?;
        if cp > 0x10_FFFF {
            return Err(self.error("bad escape"));
        }
        self.pos += digits;
        Ok(cp)
    }
}

/// What an escape stands for.
enum Escape {
    /// One code point, possibly a surrogate.
    Code(u32),
    Set(CharSet),
}

impl Escape {
    fn into_node(self) -> Node {
        match self {
            Escape::Code(cp) => match char::from_u32(cp) {
                Some(c) => Node::Literal(c.to_string().into()),
                None => Node::Class(CharSet::default()),
            },
            Escape::Set(set) => Node::Class(set),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;
    use crate::python::{class_body, ReClass};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// The model's four patterns, each parsed here and compiled with
    /// `fancy-regex` as the tokenizer did before this module.
    fn patterns() -> &'static [(String, Pattern, fancy_regex::Regex)] {
        static PATTERNS: OnceLock<Vec<(String, Pattern, fancy_regex::Regex)>> = OnceLock::new();
        PATTERNS.get_or_init(|| {
            let value = crate::msgpack::decode("tokenizer", files::TOKENIZER.1).expect("msgpack");
            let root = crate::msgpack::map("tokenizer", &value, "root").expect("a map");
            [
                "prefix_search",
                "suffix_search",
                "infix_finditer",
                "url_match",
            ]
            .iter()
            .map(|key| {
                let source = crate::msgpack::get(root, key)
                    .and_then(crate::msgpack::as_str)
                    .expect("a pattern");
                let fancy = fancy_regex::Regex::new(&with_python_classes(source))
                    .expect("fancy-regex compiles it");
                let ours = Pattern::new(source).expect("parses");
                (key.to_string(), ours, fancy)
            })
            .collect()
        })
    }

    /// The pattern with `\w`, `\d`, `\s` and `\S` spelled out as Python's
    /// classes, which `fancy-regex` reads otherwise.
    fn with_python_classes(pattern: &str) -> String {
        let mut out = String::new();
        let mut in_class = false;
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' {
                let escaped = chars.next().expect("an escaped character");
                let class = match escaped {
                    'w' => Some(ReClass::Word),
                    'd' => Some(ReClass::Decimal),
                    's' | 'S' => Some(ReClass::Space),
                    _ => None,
                };
                match class {
                    Some(class) if in_class => out.push_str(&class_body(class)),
                    Some(class) => {
                        out.push_str(if escaped == 'S' { "[^" } else { "[" });
                        out.push_str(&class_body(class));
                        out.push(']');
                    }
                    None => {
                        out.push('\\');
                        out.push(escaped);
                    }
                }
                continue;
            }
            out.push(c);
            if !in_class && c == '[' {
                in_class = true;
                // A `^` and then a `]` at the start are part of the opening.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().expect("peeked"));
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().expect("peeked"));
                }
            } else if in_class && c == ']' {
                in_class = false;
            }
        }
        out
    }

    /// Every search of every pattern from every position gives what
    /// `fancy-regex` gives.
    fn assert_same_as_fancy(text: &str) {
        for (name, ours, fancy) in patterns() {
            for (from, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let theirs = fancy
                    .find_from_pos(text, from)
                    .expect("no backtracking limit on short text")
                    .map(|m| (m.start(), m.end()));
                assert_eq!(
                    ours.find_from(text, from),
                    theirs,
                    "{name} in {text:?} from {from}"
                );
            }
            let theirs = fancy
                .find(text)
                .expect("no limit")
                .filter(|m| m.start() == 0)
                .map(|m| m.end());
            if name == "url_match" {
                assert_eq!(ours.match_start(text), theirs, "{name} matches {text:?}");
            }
        }
    }

    #[test]
    fn matches_equal_fancy_regex_on_samples() {
        for text in [
            "",
            "hello",
            "U.S.",
            "e.g.",
            "$5.5bn",
            "3.5%",
            "10km",
            "5km²",
            "°F.",
            "°C.",
            "US$",
            "a's",
            "'s",
            "+1",
            "+a",
            "C++",
            "(x)",
            "end...",
            "wait…what",
            "well-known",
            "1,250,000",
            "3-4",
            "1/2",
            "3:30pm",
            "https://www.example.org/path?q=1",
            "jane.doe@example.com",
            "www.example.co.uk.",
            "192.168.0.1",
            "10.0.0.1",
            "8.8.8.8",
            "1.2.3",
            "x²y://a.org/a-b",
            "e\u{301}b://example.org/a-b",
            "ab://example.org:٣٣/a-b",
            "“quotes,”",
            "A.B.",
            "z.",
            "中文字符。测试",
            "😀👍",
            "Ελληνικά.",
            "а.б",
            "a.b",
            "ab.cd",
            "a..b",
            "—a—",
            "a--b",
            "a~b",
            "a=b",
            "a<b>c",
            "9*9",
            "9^2",
            "9-9",
            "ΑΒ.",
            "ÀÉ.",
            "xn--bcher-kva.example",
        ] {
            assert_same_as_fancy(text);
        }
    }

    fn pattern(name: &str) -> &'static (String, Pattern, fancy_regex::Regex) {
        patterns()
            .iter()
            .find(|(n, _, _)| n == name)
            .expect("a pattern of the model")
    }

    /// What `fancy-regex` says `match_start` should give.
    fn fancy_match_start(fancy: &fancy_regex::Regex, text: &str) -> Option<usize> {
        fancy
            .find(text)
            .expect("within the backtracking limit")
            .filter(|m| m.start() == 0)
            .map(|m| m.end())
    }

    /// Steps and results of the URL pattern on text with many colons before
    /// an `@` and many host labels after it, on pieces of the length the
    /// tokenizer cuts runs to. The `\S*` of `\S+(?::\S*)?@` ran to the end
    /// and gave back every character again from each colon, and every way
    /// the user part could end at the same `@` tried the host part after
    /// it again: a million steps for one 1,000-character piece.
    #[test]
    fn url_host_after_many_colons_is_tried_once() {
        let (_, url, fancy) = pattern("url_match");
        for text in [
            format!("a{}@{}a!", ":".repeat(499), "a.".repeat(249)),
            format!("a{}@{}com", ":".repeat(499), "a.".repeat(249)),
            format!("a{}a.a", ":".repeat(995)),
            "a:@a.:@".repeat(142),
            "a@a.".repeat(250),
        ] {
            let (ours, steps) = url.match_start_counted(&text);
            assert_eq!(ours, fancy_match_start(fancy, &text), "{text:?}");
            // About 12,000 at most; over a million before the fix.
            assert!(steps < 100_000, "{steps} steps for {}", &text[..20]);
        }
    }

    /// A failed rest of a top-level sequence is not tried again at the same
    /// position: without the memo, `(?:a|aa)` thirty times over is tried in
    /// exponentially many ways on a run of `a` with no `c` right after it
    /// (and the search gave up at the step limit).
    #[test]
    fn sequences_do_not_retry_a_failed_rest() {
        let p = Pattern::new(&format!("^{}c", "(?:a|aa)".repeat(30))).expect("parses");
        let (found, steps) = p.find_from_counted(&format!("{}bc", "a".repeat(60)), 0);
        assert_eq!(found, None);
        assert!(steps < 10_000, "{steps} steps");
        let text = format!("{}c", "a".repeat(45));
        assert_eq!(p.find_from(&text, 0), Some((0, 46)));
    }

    /// A repeated character (`\.+`) is matched in a loop like a repeated
    /// class, not by a recursive call per repetition, which took a step and
    /// three stack frames a character (a run of dots in the prefix window
    /// went a thousand calls deep).
    #[test]
    fn repeated_characters_are_matched_in_a_loop() {
        let (_, prefix, _) = pattern("prefix_search");
        let dots = ".".repeat(10_000);
        let (found, steps) = prefix.find_from_counted(&dots, 0);
        assert_eq!(found, Some((0, dots.len())));
        assert!(steps < 100, "{steps} steps");
        let p = Pattern::new(r"x\.+?y|a+").expect("parses");
        assert_eq!(p.find_from("x...y", 0), Some((0, 5)));
        assert_eq!(p.find_from("baab", 0), Some((1, 3)));
    }

    #[test]
    fn syntax_errors_are_errors() {
        for bad in [
            "(", ")", "[a", "a{2,1}", "*a", "a**", "(?P<x>a)", r"\q", "(?<=a+)b", r"\u12",
        ] {
            assert!(Pattern::new(bad).is_err(), "{bad:?}");
        }
        let p = Pattern::new(r"(?u)^a{2}b*?c|x$|[^\]a-c]").expect("parses");
        assert_eq!(p.find_from("aac", 0), Some((0, 3)));
        assert_eq!(p.find_from("bx\n", 0), Some((1, 2)));
        assert_eq!(p.find_from("abc]d", 0), Some((4, 5)));
        assert_eq!(p.match_start("aabbc"), Some(5));
    }

    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Z",
            "é",
            "Σ",
            "1",
            "٣",
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
            "°",
            "F",
            "km",
            "s",
            "😀",
            "中",
            "\u{301}",
            "_",
            "~",
            "=",
            "http://",
            "www.",
            "org",
            "192.168.",
            "10.",
            "127.0.0.1",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn matches_equal_fancy_regex(text in text()) {
            assert_same_as_fancy(&text);
        }
    }
}
