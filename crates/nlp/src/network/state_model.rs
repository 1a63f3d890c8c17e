//! The scorer of the transition-based parser and NER
//! (TransitionBasedParser.v2, PORTING.md §6 network steps 1–3).
//!
//! Each token's contribution to the hidden layer is computed once per
//! document for every feature slot (`precompute`). A parser step then only
//! adds up `nF` of those rows, takes the maxout and applies the small upper
//! layer (`scores`), without allocating.

use super::gemm::{matmul, Lhs};
use super::layers::{by_piece, dims, maxout_columns, shaped, Linear, MAX_WIDTH};
use crate::model_files::Node;
use crate::NlpError;

/// Tokens projected per product; bounds the scratch memory.
const CHUNK: usize = 256;

/// The scorer of one transition system: the token projection, the lower
/// (precomputable) maxout layer and the upper linear layer of
/// `parser/model` or `ner/model`.
pub struct StateModel {
    /// tokvec (96) → the lower layer's input (64).
    projection: Linear,
    n_features: usize,
    hidden: usize,
    pieces: usize,
    /// The lower layer as the right-hand side `nI × (nF·nP·nO)`: the columns
    /// of slot `f` are `f·nP·nO + p·nO + o`, pieces contiguous per slot.
    lower: Vec<f32>,
    /// `b (nO, nP)` regrouped by piece, `p·nO + o`.
    lower_bias: Vec<f32>,
    /// The row used for a missing token (feature −1), per slot, by piece.
    pad: Vec<f32>,
    /// The upper linear layer as `nO × nC`, so a step adds whole rows.
    upper: Vec<f32>,
    upper_bias: Vec<f32>,
    n_classes: usize,
}

/// The lower layer's input rows of one document for every feature slot:
/// `tokens × nF × (nP·nO)` floats, 4 KB per token for the parser (8 slots of
/// 64 × 2) and 1.5 KB for the NER. Split very long documents before this.
pub struct Precomputed {
    tokens: usize,
    row: usize,
    data: Vec<f32>,
}

impl Precomputed {
    /// The number of tokens it was computed for.
    pub fn tokens(&self) -> usize {
        self.tokens
    }

    /// The precomputed row of `token` for slot `slot`.
    #[inline]
    fn slot(&self, token: usize, slot: usize, n_features: usize) -> &[f32] {
        &self.data[(token * n_features + slot) * self.row..][..self.row]
    }
}

impl StateModel {
    /// Builds the scorer from the nodes of `parser/model` or `ner/model`:
    /// the root's refs name the `lower` and `upper` layers, and the one
    /// other `linear` layer is the projection of the token vectors.
    pub fn from_nodes(file: &str, nodes: &[Node]) -> Result<StateModel, NlpError> {
        let (lower, upper, projection) = find_layers(file, nodes)?;
        let projection = Linear::from_node(file, projection)?;
        let [n_features, hidden, pieces, n_in] = dims::<4>(file, lower, "W")?;
        if n_in != projection.n_out || hidden * pieces > MAX_WIDTH {
            return Err(NlpError::model(
                file,
                "the lower layer does not fit the projection",
            ));
        }
        let upper = Linear::from_node(file, upper)?;
        if upper.n_in != hidden {
            return Err(NlpError::model(
                file,
                "the upper layer does not fit the lower one",
            ));
        }
        let w = &lower.param(file, "W")?.data;
        let b = &shaped(file, lower, "b", &[hidden, pieces])?.data;
        let pad = &shaped(file, lower, "pad", &[1, n_features, hidden, pieces])?.data;
        // Each feature slot is a maxout layer of its own; the slots sit side
        // by side in the columns, so one product projects all of them.
        let row = hidden * pieces;
        let cols = n_features * row;
        let mut weights = vec![0.0; n_in * cols];
        for (f, slot) in w.chunks_exact(row * n_in).enumerate() {
            maxout_columns(slot, [hidden, pieces, n_in], &mut weights, cols, f * row);
        }
        Ok(StateModel {
            n_features,
            hidden,
            pieces,
            lower: weights,
            lower_bias: by_piece(b, hidden, pieces),
            pad: pad
                .chunks_exact(row)
                .flat_map(|slot| by_piece(slot, hidden, pieces))
                .collect(),
            n_classes: upper.n_out,
            upper: upper.weights,
            upper_bias: upper.bias,
            projection,
        })
    }

    /// The width of the token vectors it reads (96).
    pub(crate) fn input_width(&self) -> usize {
        self.projection.n_in
    }

    /// The number of token indices a state contributes (8 parser, 3 NER).
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// The number of moves scored (106 parser, 74 NER).
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Projects the document's token vectors (`width` floats per token) and
    /// computes every token's row for every feature slot.
    ///
    /// # Panics
    /// If `tokvecs` is not a whole number of token vectors.
    pub fn precompute(&self, tokvecs: &[f32]) -> Precomputed {
        let width = self.projection.n_in;
        assert_eq!(tokvecs.len() % width, 0, "token vectors of width {width}");
        let tokens = tokvecs.len() / width;
        let row = self.hidden * self.pieces;
        let per_token = self.n_features * row;
        let mut data = vec![0.0; tokens * per_token];
        let n_in = self.projection.n_out;
        let mut projected = vec![0.0; CHUNK.min(tokens) * n_in];
        for (chunk, out) in tokvecs
            .chunks(CHUNK * width)
            .zip(data.chunks_mut(CHUNK * per_token))
        {
            let rows = chunk.len() / width;
            self.projection.forward(chunk, rows, &mut projected);
            let lhs = Lhs {
                data: &projected,
                rows,
                depth: n_in,
                row_stride: n_in,
            };
            matmul(lhs, &self.lower, per_token, out);
        }
        Precomputed { tokens, row, data }
    }

    /// Writes the `n_classes()` move scores of one state into `out`.
    /// `features` holds `n_features()` token indices, −1 for none.
    ///
    /// # Panics
    /// If `features` has the wrong length or names a token that `pre` does
    /// not hold, or `out` is too short.
    pub fn scores(&self, pre: &Precomputed, features: &[i32], out: &mut [f32]) {
        assert_eq!(features.len(), self.n_features, "feature count");
        let row = pre.row;
        let mut acc = [0.0f32; MAX_WIDTH];
        let acc = &mut acc[..row];
        for (f, &token) in features.iter().enumerate() {
            let src = match usize::try_from(token) {
                Ok(t) => {
                    assert!(t < pre.tokens, "feature token {t} of {}", pre.tokens);
                    pre.slot(t, f, self.n_features)
                }
                Err(_) => &self.pad[f * row..][..row],
            };
            if f == 0 {
                acc.copy_from_slice(src);
            } else {
                add(acc, src);
            }
        }
        add(acc, &self.lower_bias);
        let mut hidden = [0.0f32; MAX_WIDTH];
        let hidden = &mut hidden[..self.hidden];
        hidden.copy_from_slice(&acc[..self.hidden]);
        for piece in acc.chunks_exact(self.hidden).skip(1) {
            for (h, &v) in hidden.iter_mut().zip(piece) {
                *h = h.max(v);
            }
        }
        let out = &mut out[..self.n_classes];
        out.fill(0.0);
        for (&h, weights) in hidden.iter().zip(self.upper.chunks_exact(self.n_classes)) {
            for (o, &w) in out.iter_mut().zip(weights) {
                *o += h * w;
            }
        }
        add(out, &self.upper_bias);
    }
}

/// The `lower`, `upper` and projection layers among the nodes: the root's
/// refs name the first two, and the projection is the one other `linear`.
fn find_layers<'n>(
    file: &str,
    nodes: &'n [Node],
) -> Result<(&'n Node, &'n Node, &'n Node), NlpError> {
    let root = nodes
        .first()
        .ok_or_else(|| NlpError::model(file, "no layers"))?;
    let referenced = |name: &str| {
        root.refs
            .get(name)
            .copied()
            .flatten()
            .and_then(|i| nodes.get(i))
            .ok_or_else(|| NlpError::model(file, format!("the root has no {name} layer")))
    };
    let lower = referenced("lower")?;
    let upper = referenced("upper")?;
    let projections: Vec<&Node> = nodes
        .iter()
        .filter(|n| n.name == "linear" && n.index != upper.index)
        .collect();
    let [projection] = projections[..] else {
        return Err(NlpError::model(file, "expected one projection layer"));
    };
    Ok((lower, upper, projection))
}

#[inline]
fn add(acc: &mut [f32], values: &[f32]) {
    for (a, &v) in acc.iter_mut().zip(values) {
        *a += v;
    }
}
