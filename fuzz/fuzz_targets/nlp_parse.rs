//! The parser's and recogniser's transition systems under any scores: the
//! fuzzer's bytes choose the length, the whitespace tokens and every score
//! (NaN and infinities included). Every token must end with exactly one
//! head inside its sentence, no cycles, and entity spans disjoint, in
//! order, never starting on whitespace or crossing a sentence start.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_nlp::files;
use storyline_nlp::transitions::{self, Moves};

fuzz_target!(|data: &[u8]| {
    let Some((&len, rest)) = data.split_first() else {
        return;
    };
    let n = usize::from(len);
    let is_space: Vec<bool> = (0..n).map(|i| rest.get(i).is_some_and(|b| b % 7 == 0)).collect();
    let bytes = rest.get(n..).unwrap_or_default();
    let mut cursor = 0usize;
    let mut score = |_: &[i32], out: &mut [f32]| {
        for s in out.iter_mut() {
            let chunk = [0, 1, 2, 3].map(|k| bytes.get(cursor + k).copied().unwrap_or(0));
            *s = f32::from_le_bytes(chunk);
            cursor = if bytes.is_empty() { 0 } else { (cursor + 1) % bytes.len() };
        }
    };
    let parser = Moves::parser(files::PARSER_MOVES).expect("parser moves");
    let parse = transitions::parse(n, &is_space, &parser, &mut score);
    assert_eq!(parse.heads.len(), n);
    let mut sentence = vec![0usize; n];
    for i in 0..n {
        sentence[i] = if i == 0 { 0 } else { sentence[i - 1] + usize::from(parse.sent_starts[i]) };
    }
    for i in 0..n {
        // Walking up from any token reaches a root within n steps.
        let mut h = i;
        for _ in 0..=n {
            if parse.heads[h] == h {
                break;
            }
            h = parse.heads[h];
        }
        assert_eq!(parse.heads[h], h, "a cycle above token {i}");
        assert_eq!(sentence[parse.heads[i]], sentence[i], "a head outside the sentence");
    }
    let ner = Moves::ner(files::NER_MOVES).expect("ner moves");
    let mut last = 0;
    for (start, end, _) in transitions::recognize(n, &is_space, &parse.sent_starts, &ner, &mut score) {
        assert!(last <= start && start < end && end <= n);
        assert!(!is_space[start]);
        assert!((start + 1..end).all(|k| !parse.sent_starts[k]));
        last = end;
    }
});
