//! After the parse: undoing the pseudo-projective labels, the left/right
//! edges and the sentence starts (`nonproj.pyx` `deprojectivize`,
//! `tokens/doc.pyx` `set_children_from_heads`; PORTING.md §6).

use std::collections::HashMap;

use super::space_at;

/// The separator of a decorated label such as `pobj||prep`.
const DELIMITER: &str = "||";

/// spaCy's `set_children_from_heads` gives up after this many rounds
/// (`loop_count > 10` after the call: 12 calls).
const MAX_ROUNDS: usize = 12;

/// The deprojectivization searches may visit this many children per token
/// of the document, plus `SEARCH_BUDGET_BASE`, in total (see
/// `deprojectivize`).
const SEARCH_BUDGET_PER_TOKEN: usize = 256;
const SEARCH_BUDGET_BASE: usize = 1 << 16;

/// The left and right edge of every token's subtree, as spaCy computes them.
/// On non-projective trees they can be short of the true subtree span when
/// the rounds run out; spaCy keeps them so, and so do we.
pub(crate) struct Edges {
    pub l: Vec<usize>,
    pub r: Vec<usize>,
}

impl Edges {
    /// `set_children_from_heads`: a forward and a backward pass over the
    /// tokens, repeated until every head lies inside its sentence or the
    /// rounds run out. Each round is O(n).
    pub(crate) fn from_heads(heads: &[usize]) -> Edges {
        let n = heads.len();
        let mut edges = Edges {
            l: (0..n).collect(),
            r: (0..n).collect(),
        };
        for _ in 0..MAX_ROUNDS {
            edges.one_round(heads);
            if edges.heads_within_sentences(heads) {
                break;
            }
        }
        edges
    }

    /// `_set_lr_kids_and_edges` without the child counts, which nothing
    /// here reads.
    fn one_round(&mut self, heads: &[usize]) {
        for (i, &h) in heads.iter().enumerate() {
            self.absorb(h, i);
        }
        for (i, &h) in heads.iter().enumerate().rev() {
            self.absorb(h, i);
        }
    }

    /// Widens the head's edges to cover the child's.
    fn absorb(&mut self, head: usize, child: usize) {
        self.l[head] = self.l[head].min(self.l[child]);
        self.r[head] = self.r[head].max(self.r[child]);
    }

    /// Whether every head lies in its token's sentence, with sentences cut
    /// at the left edges of the roots, exactly as spaCy checks it (its last
    /// range stops before the last token).
    fn heads_within_sentences(&self, heads: &[usize]) -> bool {
        let last = heads.len().saturating_sub(1);
        let starts = self.root_left_edges(heads);
        let mut sent_start = 0;
        for (i, &starts_here) in starts.iter().enumerate() {
            if (i > 0 && starts_here) || i == last {
                let sent_end = i;
                let outside = |j: usize| heads[j] < sent_start || heads[j] > sent_end;
                if (sent_start..sent_end).any(outside) {
                    return false;
                }
                sent_start = i;
            }
        }
        true
    }

    /// `true` at the left edge of every root.
    fn root_left_edges(&self, heads: &[usize]) -> Vec<bool> {
        let mut starts = vec![false; heads.len()];
        for (i, &h) in heads.iter().enumerate() {
            if h == i {
                starts[self.l[i]] = true;
            }
        }
        starts
    }

    /// Sentence starts: the left edge of every root.
    pub(crate) fn sentence_starts(&self, heads: &[usize]) -> Vec<bool> {
        self.root_left_edges(heads)
    }
}

/// Reattaches every token whose label is decorated `new||headlabel`: the new
/// head is the first token labelled `headlabel` in a breadth-first search
/// from the current head, and the label becomes `new` (`deprojectivize`,
/// `_find_new_head`). Tokens are visited left to right, so the search sees
/// the heads and labels as changed so far, but children are enumerated
/// within the edges computed before the loop, as spaCy's `Token.children`
/// does.
///
/// Cost: each search is linear in the part of the head's subtree it
/// explores. On the model's output decorated labels are rare (about one
/// token in 1,400 on news text) and trees are sentence-sized, so the
/// searches look at a few dozen tokens each. Scores that build a document-long tree with many
/// decorated labels hanging off it would make spaCy's search quadratic;
/// here the searches share a budget of `SEARCH_BUDGET_PER_TOKEN` child
/// visits per token, after which the remaining decorated tokens keep their
/// head (and still lose the decoration). Real documents stay orders of
/// magnitude below the budget, so the output is spaCy's.
pub(crate) fn deprojectivize(heads: &mut [usize], deps: &mut [&str], is_space: &[bool]) {
    if !deps.iter().any(|d| d.contains(DELIMITER)) {
        return;
    }
    let edges = Edges::from_heads(heads);
    let mut children = Children::new(heads);
    let mut budget = heads
        .len()
        .saturating_mul(SEARCH_BUDGET_PER_TOKEN)
        .saturating_add(SEARCH_BUDGET_BASE);
    for i in 0..heads.len() {
        let Some((new_label, head_label)) = deps[i].split_once(DELIMITER) else {
            continue;
        };
        let search = Search {
            heads,
            deps,
            is_space,
            edges: &edges,
            children: &children,
        };
        if let Some(new_head) = search.find_new_head(i, head_label, &mut budget) {
            children.reattach(i, new_head);
            heads[i] = new_head;
        }
        deps[i] = new_label;
    }
}

/// The current children of each token, in index order: the children under
/// the heads before the loop, filtered by the current heads, plus the few
/// tokens reattached since.
struct Children {
    /// The original children, grouped by head (a CSR layout: token `h`'s
    /// are `order[start[h]..start[h + 1]]`, ascending).
    start: Vec<usize>,
    order: Vec<usize>,
    /// Reattached tokens by their new head, ascending.
    moved_in: HashMap<usize, Vec<usize>>,
}

impl Children {
    fn new(heads: &[usize]) -> Children {
        let n = heads.len();
        let mut start = vec![0usize; n + 1];
        for (i, &h) in heads.iter().enumerate() {
            if h != i {
                start[h + 1] += 1;
            }
        }
        for h in 0..n {
            start[h + 1] += start[h];
        }
        let mut fill = start.clone();
        let mut order = vec![0usize; start[n]];
        for (i, &h) in heads.iter().enumerate() {
            if h != i {
                order[fill[h]] = i;
                fill[h] += 1;
            }
        }
        Children {
            start,
            order,
            moved_in: HashMap::new(),
        }
    }

    /// Records that `child` moved to `new`. The original list of its old
    /// head needs no change, since `of` filters by the current heads, and
    /// no `moved_in` list holds `child` yet: tokens move only at their own
    /// turn, once. Turns go left to right, so this appends.
    fn reattach(&mut self, child: usize, new: usize) {
        let list = self.moved_in.entry(new).or_default();
        let at = list.partition_point(|&c| c < child);
        list.insert(at, child);
    }

    /// How many candidates `of(q)` looks at: the cost charged to the search
    /// budget, known before doing the work.
    fn cost(&self, q: usize) -> usize {
        let moved = self.moved_in.get(&q).map_or(0, Vec::len);
        self.start[q + 1] - self.start[q] + moved
    }

    /// `Token.children` of `q`: its current children inside its (stale)
    /// edges, lefts then rights, which is ascending order.
    fn of(&self, q: usize, heads: &[usize], edges: &Edges, out: &mut Vec<usize>) {
        out.clear();
        let in_edges = |&j: &usize| heads[j] == q && edges.l[q] <= j && j <= edges.r[q];
        let original = &self.order[self.start[q]..self.start[q + 1]];
        out.extend(original.iter().copied().filter(in_edges));
        if let Some(moved) = self.moved_in.get(&q) {
            out.extend(moved.iter().copied().filter(in_edges));
            out.sort_unstable();
        }
    }
}

/// The state one `_find_new_head` call reads.
struct Search<'a, 'l> {
    heads: &'a [usize],
    deps: &'a [&'l str],
    is_space: &'a [bool],
    edges: &'a Edges,
    children: &'a Children,
}

impl Search<'_, '_> {
    /// Breadth-first from the head of `token`, level by level and each
    /// level in order; whitespace tokens and `token` itself are neither
    /// matched nor searched below. `None` keeps the current head, as does
    /// running out of `budget` (child visits). The budget also bounds the
    /// loop should the heads ever not be a forest.
    fn find_new_head(&self, token: usize, head_label: &str, budget: &mut usize) -> Option<usize> {
        let root = self.heads[token];
        if root == token {
            // A root has no head to search from (it is labelled ROOT, so
            // this does not happen); searching its own subtree would make a
            // cycle.
            return None;
        }
        let mut queue = vec![root];
        let mut next = Vec::new();
        let mut kids = Vec::new();
        while !queue.is_empty() {
            next.clear();
            for &q in &queue {
                *budget = budget.checked_sub(self.children.cost(q).max(1))?;
                self.children.of(q, self.heads, self.edges, &mut kids);
                for &child in &kids {
                    if space_at(self.is_space, child) || child == token {
                        continue;
                    }
                    if self.deps[child] == head_label {
                        return Some(child);
                    }
                    next.push(child);
                }
            }
            std::mem::swap(&mut queue, &mut next);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_and_sentence_starts_of_two_sentences() {
        // 0 <- 1 -> 2 | 3 <- 4
        let heads = [1, 1, 1, 4, 4];
        let edges = Edges::from_heads(&heads);
        assert_eq!(edges.l, [0, 0, 2, 3, 3]);
        assert_eq!(edges.r, [0, 2, 2, 3, 4]);
        assert_eq!(
            edges.sentence_starts(&heads),
            [true, false, false, true, false]
        );
    }

    #[test]
    fn a_decorated_label_moves_its_token_to_the_named_sibling() {
        // "A hearing is scheduled on the issue today": "on" (4) is attached
        // to "scheduled" (3) as prep||nsubjpass; the search from 3 finds
        // "hearing" (1), the nsubjpass.
        let mut heads = vec![1, 3, 3, 3, 3, 6, 4, 3];
        let mut deps = vec![
            "det",
            "nsubjpass",
            "auxpass",
            "ROOT",
            "prep||nsubjpass",
            "det",
            "pobj",
            "npadvmod",
        ];
        deprojectivize(&mut heads, &mut deps, &[false; 8]);
        assert_eq!(heads, [1, 3, 3, 3, 1, 6, 4, 3]);
        assert_eq!(deps[4], "prep");
    }

    #[test]
    fn no_match_keeps_the_head_and_whitespace_is_skipped() {
        // Token 2 is whitespace labelled "x": not a candidate.
        let mut heads = vec![0, 0, 0];
        let mut deps = vec!["ROOT", "a||x", "x"];
        deprojectivize(&mut heads, &mut deps, &[false, false, true]);
        assert_eq!(heads, [0, 0, 0]);
        assert_eq!(deps, ["ROOT", "a", "x"]);
    }

    #[test]
    fn the_search_goes_breadth_first_and_sees_earlier_relabels() {
        // 0 is the root with children 1 and 3; 2 hangs under 1. Token 3
        // wants an "y" head: 2 at depth 2 is "y", but 1 at depth 1 was
        // relabelled from "y||z" to "y" first, so it wins.
        let mut heads = vec![0, 0, 1, 0];
        let mut deps = vec!["ROOT", "y||z", "y", "w||y"];
        deprojectivize(&mut heads, &mut deps, &[false; 4]);
        assert_eq!(heads, [0, 0, 1, 1]);
        assert_eq!(deps, ["ROOT", "y", "y", "w"]);
    }
}
