//! Questions asked of the backbone's dependency parse that every stage
//! above it needs: which tokens lie in a character span, which of them
//! heads it, and what hangs below a token.

use crate::Token;
use std::ops::Range;

/// The indices of the tokens inside a character span (tokens are sorted).
pub fn token_range(tokens: &[Token], start: usize, end: usize) -> Range<usize> {
    let from = tokens.partition_point(|t| t.start < start);
    let to = tokens.partition_point(|t| t.start < end);
    from..to.max(from)
}

/// The tokens inside a character span.
pub fn tokens_in(tokens: &[Token], start: usize, end: usize) -> &[Token] {
    &tokens[token_range(tokens, start, end)]
}

/// The token of `range` whose head lies outside it: the head of the
/// phrase ("Doe" in "Jane Doe"). The last token when the parse does not
/// make the span a phrase.
pub fn phrase_head(tokens: &[Token], range: Range<usize>) -> Option<usize> {
    range
        .clone()
        .find(|&i| !range.contains(&tokens[i].head) || tokens[i].head == i)
        .or(range.end.checked_sub(1).filter(|&i| i >= range.start))
}

/// Every token's dependents, in text order, built once per document so
/// that the rules walk down the tree without scanning the sentence.
pub struct Children {
    offsets: Vec<usize>,
    list: Vec<usize>,
}

impl Children {
    pub fn new(tokens: &[Token]) -> Self {
        let mut counts = vec![0usize; tokens.len() + 1];
        for (i, t) in tokens.iter().enumerate() {
            if t.head != i && t.head < tokens.len() {
                counts[t.head + 1] += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let offsets = counts.clone();
        let mut next = counts;
        let mut list = vec![0; offsets[tokens.len()]];
        // Tokens are visited in order, so each token's dependents come out
        // sorted by position.
        for (i, t) in tokens.iter().enumerate() {
            if t.head != i && t.head < tokens.len() {
                list[next[t.head]] = i;
                next[t.head] += 1;
            }
        }
        Children { offsets, list }
    }

    pub fn of(&self, i: usize) -> &[usize] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.list[a..b],
            _ => &[],
        }
    }

    /// The dependents of `i` that come before it, nearest last.
    pub fn left_of(&self, i: usize) -> &[usize] {
        let all = self.of(i);
        &all[..all.partition_point(|&c| c < i)]
    }
}

/// The noun an apposition names when the parse hung it inside a relative
/// clause on that noun: in "The company that runs the awards, Dick Clark
/// Productions, denies", the name closes the clause right before the comma
/// that precedes the verb, and names "company", not "awards". Returns the
/// noun for an apposition `appos` so placed, else `None`.
pub fn noun_named_across_relative_clause(tokens: &[Token], appos: usize) -> Option<usize> {
    let t = tokens.get(appos)?;
    if t.dep != "appos" || t.pos != "PROPN" {
        return None;
    }
    // Up from the apposition to the relative clause that holds it.
    let mut at = t.head;
    for _ in 0..6 {
        let u = tokens.get(at)?;
        if u.dep == "relcl" {
            let noun = u.head;
            let n = tokens.get(noun)?;
            // The noun is its verb's subject, and the comma after the
            // name comes right before that verb.
            let verb = n.head;
            let comma_before_verb =
                appos + 2 == verb && tokens.get(appos + 1).is_some_and(|c| c.text == ",");
            return (n.dep.starts_with("nsubj") && n.pos != "PROPN" && comma_before_verb)
                .then_some(noun);
        }
        if u.head == at {
            return None;
        }
        at = u.head;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, start: usize, head: usize, dep: &str) -> Token {
        Token {
            text: text.into(),
            start,
            end: start + text.chars().count(),
            tag: String::new(),
            pos: String::new(),
            morph: String::new(),
            lemma: text.to_lowercase(),
            head,
            dep: dep.into(),
            sentence: 0,
        }
    }

    #[test]
    fn children_come_in_text_order_and_the_root_has_none_of_itself() {
        // "Jane Doe spoke": Jane <- Doe <- spoke (root).
        let tokens = vec![
            token("Jane", 0, 1, "compound"),
            token("Doe", 5, 2, "nsubj"),
            token("spoke", 9, 2, "ROOT"),
        ];
        let children = Children::new(&tokens);
        assert_eq!(children.of(2), &[1]);
        assert_eq!(children.of(1), &[0]);
        assert!(children.of(0).is_empty());
        assert_eq!(children.left_of(2), &[1]);
        assert_eq!(phrase_head(&tokens, 0..2), Some(1));
        assert_eq!(token_range(&tokens, 0, 8), 0..2);
    }

    /// "The company that runs the awards, Dick Clark Productions, denies":
    /// the name closing the relative clause names the subject.
    #[test]
    fn a_name_closing_a_relative_clause_names_the_subject() {
        let words = [
            ("The", 1, "det", "DET"),
            ("company", 7, "nsubj", "NOUN"),
            ("that", 3, "nsubj", "PRON"),
            ("runs", 1, "relcl", "VERB"),
            ("awards", 3, "dobj", "NOUN"),
            ("Productions", 4, "appos", "PROPN"),
            (",", 1, "punct", "PUNCT"),
            ("denies", 7, "ROOT", "VERB"),
        ];
        let mut at = 0;
        let tokens: Vec<Token> = words
            .iter()
            .map(|&(text, head, dep, pos)| {
                let mut t = token(text, at, head, dep);
                t.pos = pos.into();
                at += text.len() + 1;
                t
            })
            .collect();
        assert_eq!(noun_named_across_relative_clause(&tokens, 5), Some(1));
        assert_eq!(noun_named_across_relative_clause(&tokens, 4), None);
    }
}
