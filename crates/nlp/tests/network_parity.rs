//! The networks against the Python reference (`shared/models/reference`),
//! which reproduces spaCy: `tests/data/net/fixture.json` holds its values for
//! `text.txt`, a short text written for this test (see `make_fixture.py`).
//!
//! Setting `STORYLINE_NET_DUMPS` to a `:`-separated list of folders written
//! by `pipeline.py --dump` also compares every array of those documents and
//! prints the largest differences; nothing of them is committed.

use std::path::Path;

use serde_json::Value;
use storyline_nlp::files;
use storyline_nlp::model_files::read_thinc_model;
use storyline_nlp::network::{StateModel, Tagger, Tok2Vec};

const TOLERANCE: f32 = 1e-4;

struct Networks {
    tok2vec: Tok2Vec,
    ner_tok2vec: Tok2Vec,
    tagger: Tagger,
    parser: StateModel,
    ner: StateModel,
}

fn networks() -> Networks {
    let (name, bytes) = files::TOK2VEC_MODEL;
    let tok2vec = Tok2Vec::from_nodes(name, &mut read_thinc_model(name, bytes).unwrap()).unwrap();
    let (name, bytes) = files::PARSER_MODEL;
    let parser = StateModel::from_nodes(name, &read_thinc_model(name, bytes).unwrap()).unwrap();
    let (name, bytes) = files::NER_MODEL;
    let mut ner_nodes = read_thinc_model(name, bytes).unwrap();
    Networks {
        tok2vec,
        ner_tok2vec: Tok2Vec::from_nodes(name, &mut ner_nodes).unwrap(),
        tagger: Tagger::from_files(files::TAGGER_MODEL, files::TAGGER_CFG).unwrap(),
        parser,
        ner: StateModel::from_nodes(name, &ner_nodes).unwrap(),
    }
}

/// The largest absolute difference; a length mismatch is a failure.
fn max_diff(ours: &[f32], theirs: &[f32]) -> f32 {
    assert_eq!(ours.len(), theirs.len(), "lengths differ");
    ours.iter()
        .zip(theirs)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f32::max)
}

fn fixture() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/net/fixture.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn floats(v: &Value) -> Vec<f32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap() as f32)
        .collect()
}

fn id_rows(v: &Value) -> Vec<[u64; 6]> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let mut ids = [0u64; 6];
            for (slot, x) in ids.iter_mut().zip(row.as_array().unwrap()) {
                *slot = x.as_u64().unwrap();
            }
            ids
        })
        .collect()
}

fn int_rows(v: &Value) -> Vec<Vec<i32>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_i64().unwrap() as i32)
                .collect()
        })
        .collect()
}

/// Scores each state of `features` and compares the first rows with
/// `expected`; returns the largest difference.
fn step_scores_diff(
    model: &StateModel,
    tokvecs: &[f32],
    features: &[Vec<i32>],
    expected: &[f32],
) -> f32 {
    let pre = model.precompute(tokvecs);
    let classes = model.n_classes();
    let mut out = vec![0.0; classes];
    let mut worst = 0.0f32;
    for (step, want) in features.iter().zip(expected.chunks_exact(classes)) {
        model.scores(&pre, step, &mut out);
        worst = worst.max(max_diff(&out, want));
    }
    worst
}

#[test]
fn tok2vec_tagger_parser_and_ner_match_the_reference() {
    let net = networks();
    let fx = fixture();
    assert_eq!(net.tok2vec.columns(), 6);
    assert_eq!(net.ner_tok2vec.columns(), 4);
    assert_eq!(net.tok2vec.width(), 96);
    assert_eq!((net.parser.n_features(), net.parser.n_classes()), (8, 106));
    assert_eq!((net.ner.n_features(), net.ner.n_classes()), (3, 74));

    let ids = id_rows(&fx["features"]);
    let tokvecs = net.tok2vec.forward(&ids);
    let d = max_diff(&tokvecs, &floats(&fx["tok2vec_output"]));
    assert!(d < TOLERANCE, "tok2vec differs by {d}");

    let ner_ids = id_rows(&fx["ner_features"]);
    let ner_vecs = net.ner_tok2vec.forward(&ner_ids);
    let d = max_diff(&ner_vecs, &floats(&fx["ner_tok2vec_output"]));
    assert!(d < TOLERANCE, "NER tok2vec differs by {d}");

    let tags: Vec<u16> = fx["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_u64().unwrap() as u16)
        .collect();
    assert_eq!(net.tagger.predict(&tokvecs), tags);
    assert_eq!(net.tagger.labels().len(), 50);

    let parser_features = int_rows(&fx["parser_step_features"]);
    let expected = floats(&fx["parser_step_scores"]);
    assert_eq!(expected.len(), 40 * 106);
    let d = step_scores_diff(&net.parser, &tokvecs, &parser_features, &expected);
    assert!(d < TOLERANCE, "parser scores differ by {d}");

    let ner_features = int_rows(&fx["ner_step_features"]);
    let expected = floats(&fx["ner_step_scores"]);
    assert_eq!(expected.len(), ids.len() * 74);
    let d = step_scores_diff(&net.ner, &ner_vecs, &ner_features, &expected);
    assert!(d < TOLERANCE, "NER scores differ by {d}");
}

#[test]
fn documents_longer_than_a_tile_match_the_reference() {
    let net = networks();
    let fx = fixture();
    let repeat = fx["long_repeat"].as_u64().unwrap() as usize;
    let ids: Vec<[u64; 6]> = id_rows(&fx["features"])
        .iter()
        .cycle()
        .take(repeat * fx["features"].as_array().unwrap().len())
        .copied()
        .collect();
    let out = net.tok2vec.forward(&ids);
    let rows = fx["long_rows"].as_array().unwrap();
    let (from, to) = (
        rows[0].as_u64().unwrap() as usize,
        rows[1].as_u64().unwrap() as usize,
    );
    let d = max_diff(&out[from * 96..to * 96], &floats(&fx["long_tok2vec_rows"]));
    assert!(d < TOLERANCE, "rows {from}..{to} differ by {d}");
    let d = max_diff(
        &out[out.len() - 6 * 96..],
        &floats(&fx["long_tok2vec_last"]),
    );
    assert!(d < TOLERANCE, "the last rows differ by {d}");
}

#[test]
fn the_mixer_cache_does_not_change_the_output() {
    let net = networks();
    let fx = fixture();
    let ids = id_rows(&fx["features"]);
    let cold = net.tok2vec.forward(&ids);
    let warm = net.tok2vec.forward(&ids);
    assert!(net.tok2vec.cached_entries() > 0);
    let (name, bytes) = files::TOK2VEC_MODEL;
    let uncached = Tok2Vec::from_nodes(name, &mut read_thinc_model(name, bytes).unwrap())
        .unwrap()
        .with_cache_capacity(0);
    let none = uncached.forward(&ids);
    assert_eq!(uncached.cached_entries(), 0);
    assert_eq!(cold, warm);
    assert_eq!(cold, none);
    // A document whose tokens are partly in the cache, in another order.
    let mut mixed = ids.clone();
    mixed.reverse();
    mixed.push([1, 2, 3, 4, 5, 6]);
    assert_eq!(net.tok2vec.forward(&mixed), uncached.forward(&mixed));
}

#[test]
fn empty_documents_give_empty_results() {
    let net = networks();
    assert!(net.tok2vec.forward(&[]).is_empty());
    assert!(net.ner_tok2vec.forward(&[]).is_empty());
    assert!(net.tagger.predict(&[]).is_empty());
    let pre = net.parser.precompute(&[]);
    assert_eq!(pre.tokens(), 0);
    // A state with no tokens at all scores from the pad rows alone.
    let mut out = vec![0.0; net.parser.n_classes()];
    net.parser.scores(&pre, &[-1; 8], &mut out);
    assert!(out.iter().all(|s| s.is_finite()));
}

#[test]
fn networks_are_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Tok2Vec>();
    shareable::<Tagger>();
    shareable::<StateModel>();
    shareable::<storyline_nlp::network::Precomputed>();
    // Threads filling one mixer cache at once get what one thread alone gets.
    let net = networks();
    let ids = id_rows(&fixture()["features"]);
    let docs: Vec<Vec<[u64; 6]>> = (0..4)
        .map(|k| {
            ids.iter()
                .cycle()
                .skip(k * 5)
                .take(200 + k)
                .copied()
                .collect()
        })
        .collect();
    let together: Vec<Vec<f32>> = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .iter()
            .map(|d| scope.spawn(|| net.tok2vec.forward(d)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let (name, bytes) = files::TOK2VEC_MODEL;
    let alone = Tok2Vec::from_nodes(name, &mut read_thinc_model(name, bytes).unwrap())
        .unwrap()
        .with_cache_capacity(0);
    for (doc, out) in docs.iter().zip(&together) {
        assert_eq!(&alone.forward(doc), out);
    }
}

/// A `.npy` file of a reference dump: (shape, little-endian values).
fn read_npy(path: &Path) -> (Vec<usize>, String, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..6], b"\x93NUMPY");
    let (header_len, start) = if bytes[6] == 1 {
        (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10)
    } else {
        (
            u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
            12,
        )
    };
    let header = std::str::from_utf8(&bytes[start..start + header_len]).unwrap();
    assert!(header.contains("'fortran_order': False"));
    let descr = header.split("'descr': '").nth(1).unwrap();
    let descr = descr[..descr.find('\'').unwrap()].to_string();
    let shape = header.split("'shape': (").nth(1).unwrap();
    let shape: Vec<usize> = shape[..shape.find(')').unwrap()]
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse().unwrap())
        .collect();
    (shape, descr, bytes[start + header_len..].to_vec())
}

fn npy_f32(dir: &Path, name: &str) -> Vec<f32> {
    let (_, descr, data) = read_npy(&dir.join(format!("{name}.npy")));
    assert_eq!(descr, "<f4");
    data.chunks_exact(4)
        .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
        .collect()
}

fn npy_rows<T: Copy>(
    dir: &Path,
    name: &str,
    descr: &str,
    size: usize,
    read: impl Fn(&[u8]) -> T,
) -> Vec<Vec<T>> {
    let (shape, found, data) = read_npy(&dir.join(format!("{name}.npy")));
    assert_eq!(found, descr);
    let cols = shape.get(1).copied().unwrap_or(1).max(1);
    let values: Vec<T> = data.chunks_exact(size).map(read).collect();
    values.chunks(cols).map(<[T]>::to_vec).collect()
}

#[test]
fn reference_dumps_from_the_environment() {
    let Ok(dirs) = std::env::var("STORYLINE_NET_DUMPS") else {
        return;
    };
    let net = networks();
    for dir in dirs.split(':').filter(|d| !d.is_empty()) {
        let dir = Path::new(dir);
        let rows = |name: &str| {
            npy_rows(dir, name, "<u8", 8, |b| {
                u64::from_le_bytes(b.try_into().unwrap())
            })
            .into_iter()
            .map(|r| {
                let mut ids = [0u64; 6];
                ids[..r.len()].copy_from_slice(&r);
                ids
            })
            .collect::<Vec<_>>()
        };
        let steps = |name: &str| {
            npy_rows(dir, name, "<i4", 4, |b| {
                i32::from_le_bytes(b.try_into().unwrap())
            })
        };
        let ids = rows("features");
        let tokvecs = net.tok2vec.forward(&ids);
        let d_t2v = max_diff(&tokvecs, &npy_f32(dir, "tok2vec_output"));
        let ner_vecs = net.ner_tok2vec.forward(&rows("ner_features"));
        let d_ner_t2v = max_diff(&ner_vecs, &npy_f32(dir, "ner_tok2vec_output"));
        let scores = npy_f32(dir, "tagger_scores");
        let tags = net.tagger.predict(&tokvecs);
        let tag_diffs = tags
            .iter()
            .zip(scores.chunks_exact(50))
            .filter(|(&t, s)| {
                let best = s.iter().copied().fold(f32::MIN, f32::max);
                s[t as usize] != best
            })
            .count();
        let d_parser = step_scores_diff(
            &net.parser,
            &tokvecs,
            &steps("parser_step_features"),
            &npy_f32(dir, "parser_step_scores"),
        );
        let d_ner = step_scores_diff(
            &net.ner,
            &ner_vecs,
            &steps("ner_step_features"),
            &npy_f32(dir, "ner_step_scores"),
        );
        println!(
            "{}: {} tokens; max abs diff tok2vec {d_t2v:.2e}, NER tok2vec {d_ner_t2v:.2e}, \
             parser scores {d_parser:.2e}, NER scores {d_ner:.2e}; tags differing {tag_diffs}",
            dir.display(),
            ids.len()
        );
        assert!(d_t2v < TOLERANCE && d_ner_t2v < TOLERANCE);
        assert!(d_parser < TOLERANCE && d_ner < TOLERANCE && tag_diffs == 0);
    }
}
