//! The parse as CoNLL-U, the ten-column format dependency tools read. Not
//! a part of spaCy's pipeline, so no PORTING.md section applies; the
//! columns are those of the Universal Dependencies format.
//!
//! One block per sentence, `# sent_id` and `# text` comments first. UPOS
//! holds the coarse part of speech, XPOS the fine tag, FEATS the
//! morphology, DEPREL spaCy's label (`ROOT` for a sentence root), MISC the
//! token's entity (`Ent=B-ORG`, `Ent=I-ORG`, spaCy's labels) and
//! `SpaceAfter=No` where the next token follows without a space.
//!
//! CoNLL-U has no place for whitespace tokens, which the model keeps (a
//! paragraph break is a `_SP` token): they are left out and tokens are
//! renumbered. A token whose head is a whitespace token takes that token's
//! own head instead, up to the sentence root.

use std::fmt::Write as _;
use storyline_model::{NerSpan, Token};

/// The whole document as CoNLL-U; `text` is what the tokens index.
pub fn to_conllu(text: &str, tokens: &[Token], ner: &[NerSpan]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut entity: Vec<Option<(bool, &str)>> = vec![None; tokens.len()];
    for span in ner {
        for (i, slot) in entity
            .iter_mut()
            .enumerate()
            .take(span.end_token.min(tokens.len()))
            .skip(span.first_token)
        {
            *slot = Some((i == span.first_token, span.label.as_str()));
        }
    }

    let mut out = String::new();
    let mut sent_id = 0;
    let mut start = 0;
    while start < tokens.len() {
        let sentence = tokens[start].sentence;
        let end = start
            + tokens[start..]
                .iter()
                .take_while(|t| t.sentence == sentence)
                .count();
        if tokens[start..end].iter().any(|t| !t.is_space()) {
            sent_id += 1;
            write_sentence(&mut out, sent_id, &chars, tokens, start..end, &entity);
        }
        start = end;
    }
    out
}

fn write_sentence(
    out: &mut String,
    sent_id: usize,
    chars: &[char],
    tokens: &[Token],
    range: std::ops::Range<usize>,
    entity: &[Option<(bool, &str)>],
) {
    // Positions in CoNLL-U count only the tokens written, from 1.
    let mut number = vec![0usize; range.len()];
    let mut next = 0;
    for (k, i) in range.clone().enumerate() {
        if !tokens[i].is_space() {
            next += 1;
            number[k] = next;
        }
    }
    let _ = writeln!(out, "# sent_id = {sent_id}");
    let _ = writeln!(
        out,
        "# text = {}",
        sentence_text(chars, &tokens[range.clone()])
    );

    for (k, i) in range.clone().enumerate() {
        let t = &tokens[i];
        if t.is_space() {
            continue;
        }
        let head = written_head(tokens, &range, i).map_or(0, |h| number[h - range.start]);
        let glued = chars.get(t.end).is_some_and(|c| !c.is_whitespace());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
            number[k],
            t.text,
            field(&t.lemma),
            field(&t.pos),
            field(&t.tag),
            field(&t.morph),
            head,
            field(&t.dep),
            misc(entity[i], glued),
        );
    }
    out.push('\n');
}

/// The `# text` comment: the text from the first to the last token that is
/// not whitespace, each run of whitespace one space. Offsets from another
/// text must not panic: they give an empty line.
fn sentence_text(chars: &[char], sentence: &[Token]) -> String {
    let mut words = sentence.iter().filter(|t| !t.is_space());
    let Some(first) = words.next() else {
        return String::new();
    };
    let last = words.next_back().unwrap_or(first);
    let text: String = chars
        .get(first.start..last.end.min(chars.len()))
        .unwrap_or_default()
        .iter()
        .map(|&c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    collapse_spaces(&text)
}

/// The MISC column: the token's entity tag, and `SpaceAfter=No` when the
/// next character is not whitespace (`glued`).
fn misc(entity: Option<(bool, &str)>, glued: bool) -> String {
    let mut items = Vec::new();
    if let Some((begin, label)) = entity {
        items.push(format!("Ent={}-{label}", if begin { "B" } else { "I" }));
    }
    if glued {
        items.push("SpaceAfter=No".to_string());
    }
    if items.is_empty() {
        "_".to_string()
    } else {
        items.join("|")
    }
}

/// The head of token `i` among the tokens written: `None` for a root.
/// Whitespace heads are passed through to their own heads; the walk is
/// bounded by the sentence length, so a malformed cycle cannot hang it.
fn written_head(tokens: &[Token], range: &std::ops::Range<usize>, i: usize) -> Option<usize> {
    let mut h = tokens[i].head;
    for _ in 0..range.len() {
        if h == i || !range.contains(&h) {
            return None;
        }
        if !tokens[h].is_space() {
            return Some(h);
        }
        if tokens[h].head == h {
            return None;
        }
        h = tokens[h].head;
    }
    None
}

/// An empty column is `_`; a value never holds a tab or newline.
fn field(s: &str) -> String {
    if s.is_empty() {
        "_".to_string()
    } else {
        s.replace(['\t', '\n', '\r'], " ")
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(text: &str, start: usize, tag: &str, head: usize, dep: &str, sentence: usize) -> Token {
        let end = start + text.chars().count();
        Token {
            text: text.into(),
            start,
            end,
            tag: tag.into(),
            pos: if tag == "_SP" { "SPACE" } else { "X" }.into(),
            morph: String::new(),
            lemma: text.to_lowercase(),
            head,
            dep: dep.into(),
            sentence,
        }
    }

    #[test]
    fn sentences_are_blocks_and_space_tokens_are_left_out() {
        let text = "Acme Corp fell.\n\nIt rose";
        let tokens = vec![
            tok("Acme", 0, "NNP", 1, "compound", 0),
            tok("Corp", 5, "NNP", 2, "nsubj", 0),
            tok("fell", 10, "VBD", 2, "ROOT", 0),
            tok(".", 14, ".", 2, "punct", 0),
            tok("\n\n", 15, "_SP", 3, "dep", 0),
            tok("It", 17, "PRP", 6, "nsubj", 1),
            tok("rose", 20, "VBD", 6, "ROOT", 1),
        ];
        let ner = vec![NerSpan {
            text: "Acme Corp".into(),
            start: 0,
            end: 9,
            label: "ORG".into(),
            first_token: 0,
            end_token: 2,
        }];
        let got = to_conllu(text, &tokens, &ner);
        let want = "# sent_id = 1\n# text = Acme Corp fell.\n\
            1\tAcme\tacme\tX\tNNP\t_\t2\tcompound\t_\tEnt=B-ORG\n\
            2\tCorp\tcorp\tX\tNNP\t_\t3\tnsubj\t_\tEnt=I-ORG\n\
            3\tfell\tfell\tX\tVBD\t_\t0\tROOT\t_\tSpaceAfter=No\n\
            4\t.\t.\tX\t.\t_\t3\tpunct\t_\t_\n\n\
            # sent_id = 2\n# text = It rose\n\
            1\tIt\tit\tX\tPRP\t_\t2\tnsubj\t_\t_\n\
            2\trose\trose\tX\tVBD\t_\t0\tROOT\t_\t_\n\n";
        assert_eq!(got, want);
    }

    #[test]
    fn offsets_past_the_text_do_not_panic() {
        let tokens = vec![tok("late", 40, "RB", 0, "ROOT", 0)];
        let got = to_conllu("short", &tokens, &[]);
        assert!(
            got.starts_with("# sent_id = 1\n# text = \n1\tlate"),
            "{got}"
        );
    }

    #[test]
    fn a_head_that_is_whitespace_passes_to_its_own_head() {
        let text = "Go \n now";
        let tokens = vec![
            tok("Go", 0, "VB", 0, "ROOT", 0),
            tok("\n", 3, "_SP", 0, "dep", 0),
            tok("now", 5, "RB", 1, "advmod", 0),
        ];
        let got = to_conllu(text, &tokens, &[]);
        assert!(got.contains("2\tnow\tnow\tX\tRB\t_\t1\tadvmod"), "{got}");
    }
}
