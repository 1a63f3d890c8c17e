//! The dense layers the networks are made of (thinc's maxout, layer norm
//! and linear layers; PORTING.md §4 steps 2–3, §5 tagger, §6 network), with
//! their weights laid out once at load time for the products they take
//! part in.

use crate::model_files::{Array, Node};
use crate::NlpError;

/// The widest hidden layer the kernels keep on the stack. The model's layers
/// are 96 (tok2vec) and 64 × 2 (parser), so this leaves room.
pub(crate) const MAX_WIDTH: usize = 512;

/// Checks an array's shape and hands back its data.
pub(crate) fn shaped<'a>(
    file: &str,
    node: &'a Node,
    param: &str,
    shape: &[usize],
) -> Result<&'a Array, NlpError> {
    let array = node.param(file, param)?;
    if array.shape != shape {
        return Err(node.error(
            file,
            format_args!(
                "parameter {param} has shape {:?}, expected {shape:?}",
                array.shape
            ),
        ));
    }
    Ok(array)
}

/// The shape of a parameter whose rank is known but whose sizes are read
/// from the file.
pub(crate) fn dims<const R: usize>(
    file: &str,
    node: &Node,
    param: &str,
) -> Result<[usize; R], NlpError> {
    let array = node.param(file, param)?;
    let dims: [usize; R] = array.shape.as_slice().try_into().map_err(|_| {
        node.error(
            file,
            format_args!(
                "parameter {param} has shape {:?}, expected {R} dimensions",
                array.shape
            ),
        )
    })?;
    if dims.contains(&0) {
        return Err(node.error(file, format_args!("parameter {param} is empty")));
    }
    Ok(dims)
}

/// Lays out maxout weights `W (nO, nP, nI)` as columns `first..first +
/// nP·nO` of the right-hand side `rhs` (`nI × cols`, row-major): `W[o, p, i]`
/// goes to row `i`, column `first + p·nO + o`. With the pieces of one output
/// `nO` columns apart, taking the maximum compares whole contiguous rows
/// instead of strided triples.
pub(crate) fn maxout_columns(
    w: &[f32],
    [n_out, pieces, n_in]: [usize; 3],
    rhs: &mut [f32],
    cols: usize,
    first: usize,
) {
    for o in 0..n_out {
        for p in 0..pieces {
            let col = first + p * n_out + o;
            let row = &w[(o * pieces + p) * n_in..][..n_in];
            for (i, &value) in row.iter().enumerate() {
                rhs[i * cols + col] = value;
            }
        }
    }
}

/// Regroups a maxout bias block `(nO, nP)` as `nP` rows of `nO`, the column
/// order of [`maxout_columns`].
pub(crate) fn by_piece(block: &[f32], n_out: usize, pieces: usize) -> Vec<f32> {
    let mut out = vec![0.0; n_out * pieces];
    for o in 0..n_out {
        for p in 0..pieces {
            out[p * n_out + o] = block[o * pieces + p];
        }
    }
    out
}

/// Transposes a row-major `rows × cols` matrix.
pub(crate) fn transpose(data: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    let mut out = vec![0.0; data.len()];
    for r in 0..rows {
        for c in 0..cols {
            out[c * rows + r] = data[r * cols + c];
        }
    }
    out
}

/// thinc's maxout layer: `W (nO, nP, nI)`, `b (nO, nP)`, the output the
/// largest of the `nP` pieces.
///
/// The weights are stored as the right-hand side of `X · W`, `nI × (nP·nO)`,
/// with the columns grouped by piece (`p·nO + o`, see [`maxout_columns`]).
pub(crate) struct Maxout {
    pub n_in: usize,
    pub n_out: usize,
    pub pieces: usize,
    pub weights: Vec<f32>,
    pub bias: Vec<f32>,
}

impl Maxout {
    pub fn from_node(file: &str, node: &Node) -> Result<Maxout, NlpError> {
        let [n_out, pieces, n_in] = dims::<3>(file, node, "W")?;
        if n_out > MAX_WIDTH {
            return Err(node.error(file, format_args!("maxout width {n_out} is too large")));
        }
        let w = &node.param(file, "W")?.data;
        let b = &shaped(file, node, "b", &[n_out, pieces])?.data;
        let cols = pieces * n_out;
        let mut weights = vec![0.0; n_in * cols];
        maxout_columns(w, [n_out, pieces, n_in], &mut weights, cols, 0);
        Ok(Maxout {
            n_in,
            n_out,
            pieces,
            weights,
            bias: by_piece(b, n_out, pieces),
        })
    }

    /// The number of pre-activation columns, `nP · nO`.
    pub fn cols(&self) -> usize {
        self.pieces * self.n_out
    }

    /// Adds the bias to one row of the product and keeps the largest piece:
    /// `out[o] = max_p (y[p·nO + o] + b[p·nO + o])`.
    #[inline]
    pub fn activate(&self, y: &[f32], out: &mut [f32]) {
        let n = self.n_out;
        let out = &mut out[..n];
        for ((o, &y), &b) in out.iter_mut().zip(&y[..n]).zip(&self.bias[..n]) {
            *o = y + b;
        }
        for p in 1..self.pieces {
            let ys = &y[p * n..][..n];
            let bs = &self.bias[p * n..][..n];
            for ((o, &y), &b) in out.iter_mut().zip(ys).zip(bs) {
                *o = o.max(y + b);
            }
        }
    }
}

/// thinc's layer normalisation: `(x − μ) / sqrt(σ² + 1e-8) · G + b` over
/// one row, σ² the population variance (PORTING.md §7.5: the epsilon is
/// added to the variance).
pub(crate) struct LayerNorm {
    pub gain: Vec<f32>,
    pub bias: Vec<f32>,
}

impl LayerNorm {
    pub fn from_node(file: &str, node: &Node, width: usize) -> Result<LayerNorm, NlpError> {
        Ok(LayerNorm {
            gain: shaped(file, node, "G", &[width])?.data.clone(),
            bias: shaped(file, node, "b", &[width])?.data.clone(),
        })
    }

    /// Normalises `x` and hands each result to `put(index, value)`, so the
    /// mixer can store it and the encoder can add it to its residual.
    #[inline]
    pub fn apply(&self, x: &[f32], mut put: impl FnMut(usize, f32)) {
        let n = self.gain.len();
        let x = &x[..n];
        let mean = lane_sum(x.iter().copied()) / n as f32;
        let var = lane_sum(x.iter().map(|&v| (v - mean) * (v - mean))) / n as f32;
        let scale = 1.0 / (var + 1e-8).sqrt();
        for (i, ((&v, &g), &b)) in x.iter().zip(&self.gain).zip(&self.bias).enumerate() {
            put(i, (v - mean) * scale * g + b);
        }
    }
}

/// A sum over eight interleaved partial sums. It is closer to numpy's
/// pairwise summation than a running total, and its order does not depend
/// on the instruction set.
#[inline]
fn lane_sum(values: impl Iterator<Item = f32>) -> f32 {
    let mut lanes = [0.0f32; 8];
    for (i, v) in values.enumerate() {
        lanes[i % 8] += v;
    }
    let quads = [
        lanes[0] + lanes[4],
        lanes[1] + lanes[5],
        lanes[2] + lanes[6],
        lanes[3] + lanes[7],
    ];
    (quads[0] + quads[2]) + (quads[1] + quads[3])
}

/// thinc's linear layer `y = x · Wᵀ + b` with `W (nO, nI)`, stored as the
/// right-hand side `nI × nO`.
pub(crate) struct Linear {
    pub n_in: usize,
    pub n_out: usize,
    pub weights: Vec<f32>,
    pub bias: Vec<f32>,
}

impl Linear {
    pub fn from_node(file: &str, node: &Node) -> Result<Linear, NlpError> {
        let [n_out, n_in] = dims::<2>(file, node, "W")?;
        let w = &node.param(file, "W")?.data;
        let bias = shaped(file, node, "b", &[n_out])?.data.clone();
        Ok(Linear {
            n_in,
            n_out,
            weights: transpose(w, n_out, n_in),
            bias,
        })
    }

    /// `out (rows × nO) = x (rows × nI) · Wᵀ + b`.
    pub fn forward(&self, x: &[f32], rows: usize, out: &mut [f32]) {
        let lhs = super::gemm::Lhs {
            data: x,
            rows,
            depth: self.n_in,
            row_stride: self.n_in,
        };
        super::gemm::matmul(lhs, &self.weights, self.n_out, out);
        for row in out[..rows * self.n_out].chunks_exact_mut(self.n_out) {
            for (y, &b) in row.iter_mut().zip(&self.bias) {
                *y += b;
            }
        }
    }
}
