//! Whatever the scores, `parse` and `recognize` must end with valid
//! structures: one head per token, no cycles, sentence starts that agree
//! with the trees, and entities that are disjoint, in order, never start on
//! whitespace and never cross a sentence start. Also: long documents finish
//! quickly, including on scores built to make the deprojectivization search
//! quadratic.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use storyline_nlp::files;
use storyline_nlp::transitions::{parse, recognize, Moves, Parse};

fn parser_moves() -> Moves {
    Moves::parser(files::PARSER_MOVES).expect("parser moves")
}

fn ner_moves() -> Moves {
    Moves::ner(files::NER_MOVES).expect("ner moves")
}

/// How the fake network scores.
#[derive(Debug, Clone, Copy)]
enum Mode {
    Uniform,
    AllEqual,
    FewValues,
    SomeNan,
    Infinities,
    AllNan,
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![
        Just(Mode::Uniform),
        Just(Mode::AllEqual),
        Just(Mode::FewValues),
        Just(Mode::SomeNan),
        Just(Mode::Infinities),
        Just(Mode::AllNan),
    ]
}

/// A deterministic score stream (xorshift64*).
struct Scores {
    state: u64,
    mode: Mode,
}

impl Scores {
    fn new(seed: u64, mode: Mode) -> Scores {
        Scores {
            state: seed | 1,
            mode,
        }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn fill(&mut self, out: &mut [f32]) {
        for x in out.iter_mut() {
            let r = self.next();
            let unit = (r >> 40) as f32 / (1u64 << 24) as f32;
            *x = match self.mode {
                Mode::Uniform => unit * 2.0 - 1.0,
                Mode::AllEqual => 0.5,
                Mode::FewValues => (r % 3) as f32,
                Mode::SomeNan if unit < 0.1 => f32::NAN,
                Mode::SomeNan => unit,
                Mode::Infinities => {
                    [f32::INFINITY, f32::NEG_INFINITY, f32::NAN, unit][(r % 4) as usize]
                }
                Mode::AllNan => f32::NAN,
            };
        }
    }
}

/// The labels a parse may produce: those of Left and Right classes with any
/// `||` decoration removed, and ROOT.
fn allowed_labels(moves: &Moves) -> HashSet<String> {
    let mut labels: HashSet<String> = (0..moves.len())
        .map(|i| moves.class_name(i))
        .filter_map(|name| {
            name.strip_prefix("L-")
                .or_else(|| name.strip_prefix("R-"))
                .map(str::to_string)
        })
        .map(|label| label.split("||").next().unwrap_or("").to_string())
        .collect();
    labels.insert("ROOT".to_string());
    labels
}

fn run_parse(n: usize, is_space: &[bool], moves: &Moves, scores: &mut Scores) -> Parse {
    let mut score = |features: &[i32], out: &mut [f32]| {
        assert_eq!(features.len(), 8);
        assert_eq!(out.len(), moves.len());
        for &f in features {
            assert!(
                f >= -1 && (f as i64) < n as i64,
                "feature {f} of {n} tokens"
            );
        }
        scores.fill(out);
    };
    parse(n, is_space, moves, &mut score)
}

fn check_parse(n: usize, parse: &Parse, labels: &HashSet<String>) -> Result<(), TestCaseError> {
    prop_assert_eq!(parse.heads.len(), n);
    prop_assert_eq!(parse.deps.len(), n);
    prop_assert_eq!(parse.sent_starts.len(), n);
    for (i, (&h, dep)) in parse.heads.iter().zip(&parse.deps).enumerate() {
        prop_assert!(h < n);
        prop_assert!(labels.contains(dep), "label {:?}", dep);
        prop_assert_eq!(h == i, dep == "ROOT", "token {} head {} dep {}", i, h, dep);
    }
    // No cycles: from every token the heads reach a root within n steps.
    for start in 0..n {
        let mut t = start;
        let mut steps = 0;
        while parse.heads[t] != t {
            t = parse.heads[t];
            steps += 1;
            prop_assert!(steps <= n, "cycle through token {}", start);
        }
    }
    if n > 0 {
        prop_assert!(parse.sent_starts[0], "the first token starts a sentence");
    }
    // Each sentence holds its tokens' heads, hence whole trees.
    let mut sentence = vec![0usize; n];
    for i in 1..n {
        sentence[i] = sentence[i - 1] + usize::from(parse.sent_starts[i]);
    }
    for (i, &h) in parse.heads.iter().enumerate() {
        prop_assert_eq!(
            sentence[i],
            sentence[h],
            "token {} and its head {} in different sentences",
            i,
            h
        );
    }
    Ok(())
}

fn run_ner(
    n: usize,
    is_space: &[bool],
    sent_starts: &[bool],
    moves: &Moves,
    scores: &mut Scores,
) -> Vec<(usize, usize, String)> {
    let mut score = |features: &[i32], out: &mut [f32]| {
        assert_eq!(features.len(), 3);
        assert!(features[0] >= 0 && (features[0] as usize) < n);
        assert!(features[1] >= -1 && features[1] <= features[0]);
        if features[1] >= 0 {
            assert_eq!(features[2], features[0] - 1);
        } else {
            assert_eq!(features[2], -1);
        }
        scores.fill(out);
    };
    recognize(n, is_space, sent_starts, moves, &mut score)
}

fn check_ents(
    n: usize,
    is_space: &[bool],
    sent_starts: &[bool],
    ents: &[(usize, usize, String)],
) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    for (start, end, label) in ents {
        prop_assert!(
            previous_end <= *start && start < end && *end <= n,
            "{:?}",
            ents
        );
        prop_assert!(!label.is_empty());
        prop_assert!(!is_space[*start], "entity starts on whitespace");
        let inside = &sent_starts[start + 1..*end];
        prop_assert!(
            !inside.contains(&true),
            "entity {}..{} crosses a sentence start",
            start,
            end
        );
        previous_end = *end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn any_scores_give_valid_parses_and_entities(
        n in 0usize..160,
        space_seed in any::<u64>(),
        space_rate in 0u64..4,
        seed in any::<u64>(),
        mode in mode(),
    ) {
        let parser = parser_moves();
        let ner = ner_moves();
        let mut spaces = Scores::new(space_seed, Mode::Uniform);
        let is_space: Vec<bool> = (0..n).map(|_| space_rate == 3 || spaces.next() % 4 < space_rate).collect();
        let mut scores = Scores::new(seed, mode);
        let parsed = run_parse(n, &is_space, &parser, &mut scores);
        check_parse(n, &parsed, &allowed_labels(&parser))?;
        let ents = run_ner(n, &is_space, &parsed.sent_starts, &ner, &mut scores);
        check_ents(n, &is_space, &parsed.sent_starts, &ents)?;
    }

    /// The recognizer alone, with arbitrary sentence starts (not only those
    /// a parse can give).
    #[test]
    fn any_sentence_starts_give_valid_entities(
        flags in proptest::collection::vec((any::<bool>(), any::<bool>()), 0..120),
        seed in any::<u64>(),
        mode in mode(),
    ) {
        let ner = ner_moves();
        let is_space: Vec<bool> = flags.iter().map(|f| f.0).collect();
        let sent_starts: Vec<bool> = flags.iter().map(|f| f.1).collect();
        let mut scores = Scores::new(seed, mode);
        let ents = run_ner(flags.len(), &is_space, &sent_starts, &ner, &mut scores);
        check_ents(flags.len(), &is_space, &sent_starts, &ents)?;
    }
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    let took = start.elapsed();
    eprintln!("{what}: {took:?}");
    (value, took)
}

#[test]
fn long_documents_of_any_scores() {
    let parser = parser_moves();
    let ner = ner_moves();
    let labels = allowed_labels(&parser);
    let n = 100_000;
    for (mode, space_every) in [
        (Mode::Uniform, 7),
        (Mode::AllNan, 1),
        (Mode::FewValues, 0),
        (Mode::AllEqual, 3),
    ] {
        let is_space: Vec<bool> = (0..n)
            .map(|i| space_every != 0 && i % space_every == 0)
            .collect();
        let mut scores = Scores::new(42, mode);
        let (parsed, took) = timed(&format!("parse {n} tokens, {mode:?}"), || {
            run_parse(n, &is_space, &parser, &mut scores)
        });
        assert!(took < Duration::from_secs(20));
        check_parse(n, &parsed, &labels).expect("valid parse");
        let ents = run_ner(n, &is_space, &parsed.sent_starts, &ner, &mut scores);
        check_ents(n, &is_space, &parsed.sent_starts, &ents).expect("valid entities");
    }
}

/// Scores that build one long right chain from token 0 and then hang every
/// remaining token on token 0 with a decorated label whose head label
/// appears nowhere: in spaCy each search walks the whole chain. The shared
/// budget keeps this linear.
#[test]
fn a_quadratic_search_is_cut_short() {
    let parser = parser_moves();
    let class = |name: &str| {
        (0..parser.len())
            .find(|&i| parser.class_name(i) == name)
            .expect("class")
    };
    let (shift, reduce, chain, decorated) = (
        class("S"),
        class("D"),
        class("R-dobj"),
        class("R-relcl||nsubjpass"),
    );
    let n = 100_000;
    let m = n / 2;
    let mut score = |f: &[i32], out: &mut [f32]| {
        out.fill(0.0);
        let (b0, s0) = (f[0], f[2]);
        if b0 >= 1 && (b0 as usize) <= m {
            out[chain] = 3.0;
        } else if s0 == 0 {
            out[decorated] = 3.0;
        } else {
            out[reduce] = 2.0;
        }
        out[shift] = 1.0;
    };
    let (parsed, took) = timed("parse of the quadratic pattern", || {
        parse(n, &vec![false; n], &parser, &mut score)
    });
    assert!(took < Duration::from_secs(20));
    assert_eq!(parsed.heads[m + 1], 0);
    assert_eq!(parsed.deps[m + 1], "relcl");
    assert_eq!(parsed.heads[m], m - 1);
    check_parse(n, &parsed, &allowed_labels(&parser)).expect("valid parse");
}

#[test]
fn all_whitespace_and_tiny_documents() {
    let parser = parser_moves();
    let ner = ner_moves();
    let labels = allowed_labels(&parser);
    for n in [0, 1, 2, 3, 1000] {
        let is_space = vec![true; n];
        let mut scores = Scores::new(7, Mode::Uniform);
        let parsed = run_parse(n, &is_space, &parser, &mut scores);
        check_parse(n, &parsed, &labels).expect("valid parse");
        let ents = run_ner(n, &is_space, &parsed.sent_starts, &ner, &mut scores);
        assert!(ents.is_empty(), "no entity can start on whitespace");
    }
    // Short `is_space` and `sent_starts` slices count as false, not a panic.
    let mut scores = Scores::new(9, Mode::Uniform);
    let parsed = run_parse(50, &[], &parser, &mut scores);
    check_parse(50, &parsed, &labels).expect("valid parse");
    let ents = run_ner(50, &[true], &[], &ner, &mut scores);
    check_ents(
        50,
        &[vec![true], vec![false; 49]].concat(),
        &[false; 50],
        &ents,
    )
    .expect("valid entities");
}
