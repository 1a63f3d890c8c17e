//! Single-thread speed of the networks, in tokens per second:
//!
//!     cargo bench -p storyline-nlp --bench network
//!
//! The input is about 50k tokens of made-up but plausible feature ids: word
//! types drawn from a Zipf distribution, as in running text, so the mixer
//! cache sees a realistic share of repeats. The exponent is chosen so that
//! 50k tokens hold about 7.2k distinct id tuples, as 50k tokens of news
//! articles do. The parser is scored about 2.04
//! times per token and the NER once, as measured on real text (PORTING.md
//! §6), with feature indices near the current token.
//!
//! To time real feature ids instead, point `STORYLINE_NET_BENCH_IDS` at a
//! file of little-endian u64, six per token (e.g. numpy's
//! `features.astype("<u8").tofile(path)` over reference dumps); its first
//! 50k tokens are cut into documents of 700.
//!
//! Times are the thread's CPU time, not wall time, so that other jobs on a
//! shared machine do not count against the networks.

use std::time::{Duration, Instant};

#[path = "clock.rs"]
mod clock;
use clock::CpuClock;
use storyline_nlp::files;
use storyline_nlp::model_files::read_thinc_model;
use storyline_nlp::network::{StateModel, Tagger, Tok2Vec};

const TOKENS: usize = 50_000;
const VOCABULARY: usize = 40_000;
const ZIPF_EXPONENT: f64 = 1.2;
const PARSER_STEPS_PER_TOKEN: f64 = 2.04;
const ROUNDS: usize = 3;

/// xorshift64*: enough randomness for made-up ids, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One word type's ids; SPACY is decided per token.
struct WordType {
    ids: [u64; 6],
}

fn vocabulary(rng: &mut Rng) -> Vec<WordType> {
    let prefixes: Vec<u64> = (0..120).map(|_| rng.next()).collect();
    let suffixes: Vec<u64> = (0..3000).map(|_| rng.next()).collect();
    let shapes: Vec<u64> = (0..60).map(|_| rng.next()).collect();
    (0..VOCABULARY)
        .map(|rank| {
            // A few of the commonest types are whitespace tokens.
            let is_space = u64::from(rank % 97 == 13);
            WordType {
                ids: [
                    rng.next(),
                    prefixes[rng.below(prefixes.len())],
                    suffixes[rng.below(suffixes.len())],
                    shapes[rng.below(shapes.len())],
                    0,
                    is_space,
                ],
            }
        })
        .collect()
}

/// Zipf draws by inverting the cumulative weights.
fn documents(rng: &mut Rng, words: &[WordType]) -> Vec<Vec<[u64; 6]>> {
    let mut cumulative = Vec::with_capacity(words.len());
    let mut total = 0.0;
    for rank in 1..=words.len() {
        total += (rank as f64).powf(-ZIPF_EXPONENT);
        cumulative.push(total);
    }
    let mut docs = Vec::new();
    let mut produced = 0;
    while produced < TOKENS {
        let len = (100 + rng.below(1400)).min(TOKENS - produced);
        let doc = (0..len)
            .map(|_| {
                let x = rng.unit() * total;
                let rank = cumulative.partition_point(|&c| c < x).min(words.len() - 1);
                let mut ids = words[rank].ids;
                ids[4] = u64::from(ids[5] == 0 && rng.below(10) < 8);
                ids
            })
            .collect::<Vec<_>>();
        produced += len;
        docs.push(doc);
    }
    docs
}

/// Documents of 700 tokens cut from a file of six u64 ids per token.
fn real_documents(bytes: &[u8]) -> Vec<Vec<[u64; 6]>> {
    let ids: Vec<[u64; 6]> = bytes
        .chunks_exact(48)
        .take(TOKENS)
        .map(|row| {
            let mut ids = [0u64; 6];
            for (id, b) in ids.iter_mut().zip(row.chunks_exact(8)) {
                *id = u64::from_le_bytes(b.try_into().expect("eight bytes"));
            }
            ids
        })
        .collect();
    ids.chunks(700).map(<[[u64; 6]]>::to_vec).collect()
}

/// Feature indices near the current token, as a transition system makes
/// them: buffer ahead, stack and children behind, −1 past the ends.
fn step_features(rng: &mut Rng, n: usize, steps: usize, n_features: usize) -> Vec<i32> {
    let mut out = Vec::with_capacity(steps * n_features);
    for s in 0..steps {
        let at = (s * n / steps.max(1)) as i64;
        for f in 0..n_features {
            let offset = match f {
                0 => 0,
                1 => 1,
                _ => -(rng.below(6) as i64) - 1,
            };
            let t = at + offset;
            let none = rng.below(8) == 0 && f > 1;
            out.push(if none || t < 0 || t >= n as i64 {
                -1
            } else {
                t as i32
            });
        }
    }
    out
}

struct Timer {
    name: &'static str,
    best: Duration,
}

impl Timer {
    fn new(name: &'static str) -> Timer {
        Timer {
            name,
            best: Duration::MAX,
        }
    }

    fn record(&mut self, elapsed: Duration) {
        self.best = self.best.min(elapsed);
    }

    fn report(&self, tokens: usize) {
        let rate = tokens as f64 / self.best.as_secs_f64();
        println!(
            "{:<44} {:>9.1} ms {:>12.0} tokens/s",
            self.name,
            self.best.as_secs_f64() * 1e3,
            rate
        );
    }
}

fn time<T>(timer: &mut Timer, f: impl FnOnce() -> T) -> T {
    let start = CpuClock::now();
    let value = f();
    timer.record(start.elapsed());
    value
}

/// The process's resident memory (anonymous, file-backed) in MB, from
/// `/proc/self/status`; None where that does not exist.
fn resident_mb() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<f64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    };
    Some((field("RssAnon:")?, field("RssFile:")?))
}

fn report_memory(label: &str, before: Option<(f64, f64)>) {
    if let (Some((anon0, _)), Some((anon, file))) = (before, resident_mb()) {
        println!(
            "{label}: +{:.1} MB anonymous resident (file-backed now {file:.1} MB)",
            anon - anon0
        );
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    println!(
        "cpu: avx2 {}, fma {}, avx512f {} (matrixmultiply picks its kernel from these at run time)",
        is_x86_feature_detected!("avx2"),
        is_x86_feature_detected!("fma"),
        is_x86_feature_detected!("avx512f"),
    );
    let memory_at_start = resident_mb();
    let load = Instant::now();
    let (name, bytes) = files::TOK2VEC_MODEL;
    let tok2vec = Tok2Vec::from_nodes(name, &mut read_thinc_model(name, bytes).unwrap()).unwrap();
    let (name, bytes) = files::PARSER_MODEL;
    let parser = StateModel::from_nodes(name, &read_thinc_model(name, bytes).unwrap()).unwrap();
    let (name, bytes) = files::NER_MODEL;
    let mut ner_nodes = read_thinc_model(name, bytes).unwrap();
    let ner_tok2vec = Tok2Vec::from_nodes(name, &mut ner_nodes).unwrap();
    let ner = StateModel::from_nodes(name, &ner_nodes).unwrap();
    drop(ner_nodes);
    let tagger = Tagger::from_files(files::TAGGER_MODEL, files::TAGGER_CFG).unwrap();
    println!("load: {:.1} ms", load.elapsed().as_secs_f64() * 1e3);
    report_memory("weights loaded", memory_at_start);

    let mut rng = Rng(0x5eed_1234_abcd_9876);
    let words = vocabulary(&mut rng);
    let docs = match std::env::var_os("STORYLINE_NET_BENCH_IDS") {
        Some(path) => real_documents(&std::fs::read(path).expect("reading the id file")),
        None => documents(&mut rng, &words),
    };
    let tokens: usize = docs.iter().map(Vec::len).sum();
    let parser_steps: Vec<Vec<i32>> = docs
        .iter()
        .map(|d| {
            let steps = (d.len() as f64 * PARSER_STEPS_PER_TOKEN) as usize;
            step_features(&mut rng, d.len(), steps, parser.n_features())
        })
        .collect();
    let ner_steps: Vec<Vec<i32>> = docs
        .iter()
        .map(|d| step_features(&mut rng, d.len(), d.len(), ner.n_features()))
        .collect();
    println!("{} documents, {tokens} tokens\n", docs.len());

    let uncached = |nodes_file: (&str, &[u8])| {
        let (name, bytes) = nodes_file;
        Tok2Vec::from_nodes(name, &mut read_thinc_model(name, bytes).unwrap())
            .unwrap()
            .with_cache_capacity(0)
    };
    let no_cache = uncached(files::TOK2VEC_MODEL);
    let ner_no_cache = uncached(files::NER_MODEL);
    let mut t_nocache = Timer::new("tok2vec, no cache (per-tile de-dup only)");
    let mut t_ner_nocache = Timer::new("NER tok2vec, no cache (per-tile de-dup only)");
    let mut t_cold = Timer::new("tok2vec, first pass (cache filling)");
    let mut t_ner_cold = Timer::new("NER tok2vec, first pass (cache filling)");
    let mut t_tok2vec = Timer::new("tok2vec, warm cache");
    let mut t_ner_tok2vec = Timer::new("NER tok2vec, warm cache");
    let mut t_tagger = Timer::new("tagger");
    let mut t_parser_pre = Timer::new("parser precompute");
    let mut t_parser_steps = Timer::new("parser scores (2.04 per token)");
    let mut t_ner_pre = Timer::new("NER precompute");
    let mut t_ner_steps = Timer::new("NER scores (1 per token)");

    let mut sink = 0.0f32;
    for _ in 0..ROUNDS {
        time(&mut t_nocache, || {
            docs.iter().for_each(|d| sink += no_cache.forward(d)[0])
        });
        time(&mut t_ner_nocache, || {
            docs.iter().for_each(|d| sink += ner_no_cache.forward(d)[0])
        });
    }
    time(&mut t_cold, || {
        docs.iter().for_each(|d| sink += tok2vec.forward(d)[0])
    });
    time(&mut t_ner_cold, || {
        docs.iter().for_each(|d| sink += ner_tok2vec.forward(d)[0])
    });
    // The steady state: each document goes through every network in turn,
    // as the pipeline runs them, and its buffers are freed before the next.
    let mut scores = vec![0.0f32; parser.n_classes().max(ner.n_classes())];
    for _ in 0..ROUNDS {
        let mut round = [Duration::ZERO; 7];
        for (d, doc) in docs.iter().enumerate() {
            let mut clock = CpuClock::now();
            let mut lap = |slot: usize| {
                let now = CpuClock::now();
                round[slot] += now.0 - clock.0;
                clock = now;
            };
            let vecs = tok2vec.forward(doc);
            lap(0);
            let ner_vecs = ner_tok2vec.forward(doc);
            lap(1);
            sink += f32::from(tagger.predict(&vecs)[0]);
            lap(2);
            let pre = parser.precompute(&vecs);
            lap(3);
            for f in parser_steps[d].chunks_exact(parser.n_features()) {
                parser.scores(&pre, f, &mut scores);
                sink += scores[0];
            }
            drop(pre);
            lap(4);
            let pre = ner.precompute(&ner_vecs);
            lap(5);
            for f in ner_steps[d].chunks_exact(ner.n_features()) {
                ner.scores(&pre, f, &mut scores);
                sink += scores[0];
            }
            lap(6);
        }
        for (timer, elapsed) in [
            &mut t_tok2vec,
            &mut t_ner_tok2vec,
            &mut t_tagger,
            &mut t_parser_pre,
            &mut t_parser_steps,
            &mut t_ner_pre,
            &mut t_ner_steps,
        ]
        .into_iter()
        .zip(round)
        {
            timer.record(elapsed);
        }
    }

    println!("best of {ROUNDS} rounds, one thread, CPU time:");
    for t in [
        &t_nocache,
        &t_ner_nocache,
        &t_cold,
        &t_ner_cold,
        &t_tok2vec,
        &t_ner_tok2vec,
        &t_tagger,
        &t_parser_pre,
        &t_parser_steps,
        &t_ner_pre,
        &t_ner_steps,
    ] {
        t.report(tokens);
    }
    let total = |timers: &[&Timer]| timers.iter().map(|t| t.best).sum::<Duration>();
    let rest = [
        &t_tagger,
        &t_parser_pre,
        &t_parser_steps,
        &t_ner_pre,
        &t_ner_steps,
    ];
    for (label, tok2vecs) in [
        ("whole backbone, warm caches", [&t_tok2vec, &t_ner_tok2vec]),
        ("whole backbone, caches filling", [&t_cold, &t_ner_cold]),
        ("whole backbone, no caches", [&t_nocache, &t_ner_nocache]),
    ] {
        let elapsed = total(&tok2vecs) + total(&rest);
        println!(
            "{label:<44} {:>9.1} ms {:>12.0} tokens/s",
            elapsed.as_secs_f64() * 1e3,
            tokens as f64 / elapsed.as_secs_f64()
        );
    }
    println!(
        "mixer cache entries: tok2vec {}, NER {}",
        tok2vec.cached_entries(),
        ner_tok2vec.cached_entries()
    );
    drop((no_cache, ner_no_cache, docs, parser_steps, ner_steps, words));
    report_memory("weights and the two warm caches", memory_at_start);
    if sink.is_nan() {
        println!("(nan)");
    }
}
