//! spaCy's tok2vec: MultiHashEmbed followed by MaxoutWindowEncoder
//! (PORTING.md §3 and §4).

use std::collections::HashMap;

use super::cache::{Key, MixerCache};
use super::gemm::{matmul, Lhs};
use super::layers::{LayerNorm, Maxout, MAX_WIDTH};
use crate::hashing::murmurhash3_u64;
use crate::model_files::Node;
use crate::NlpError;

/// The feature columns in the order `forward` reads them. A model uses the
/// first `columns()` of them (the NER's copy stops after SHAPE).
const COLUMNS: [&str; 6] = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"];

/// How many output rows the encoder handles at once. Working tile by tile
/// keeps the memory of a call at its output plus a few hundred kilobytes
/// whatever the document's length, and keeps the tile's products in the
/// L2 cache. Each tile recomputes `2 × pad` rows on its borders.
const TILE: usize = 256;

/// How many distinct id tuples the mixer cache keeps per generation by
/// default (it holds up to twice that). Replaying the ids of 327k tokens of
/// news text (400 articles) through it, 8k gave a 92.7% hit rate where 94.1%
/// is the most there is to catch (the rest are first sightings), and 4k gave
/// 88.6%. A row costs about 500 bytes, so this is at most about 8 MB.
const DEFAULT_CACHE_ENTRIES: usize = 8_192;

/// One hash embedding table (`thinc/layers/hashembed.py`).
struct HashEmbed {
    seed: u32,
    rows: u32,
    width: usize,
    table: Vec<f32>,
}

impl HashEmbed {
    fn from_node(file: &str, node: &mut Node, width: usize) -> Result<HashEmbed, NlpError> {
        let [rows, cols] = super::layers::dims::<2>(file, node, "E")?;
        if cols != width {
            return Err(NlpError::model(
                file,
                format!(
                    "node {}: embedding width {cols}, expected {width}",
                    node.index
                ),
            ));
        }
        let seed = node.int_attr(file, "seed")?;
        Ok(HashEmbed {
            seed: u32::try_from(seed)
                .map_err(|_| NlpError::model(file, format!("node {}: bad seed", node.index)))?,
            rows: u32::try_from(rows).map_err(|_| {
                NlpError::model(file, format!("node {}: too many rows", node.index))
            })?,
            width,
            table: std::mem::take(&mut node.param_mut(file, "E")?.data),
        })
    }

    /// Writes the sum of the four rows that the id's hash picks, added in
    /// spaCy's order. The modulo is taken on each 32-bit quarter of the hash
    /// (PORTING.md §7.6).
    fn embed(&self, id: u64, out: &mut [f32]) {
        let [a, b, c, d] = murmurhash3_u64(id, self.seed).map(|h| (h % self.rows) as usize);
        let row = |r: usize| &self.table[r * self.width..][..self.width];
        let out = &mut out[..self.width];
        out.copy_from_slice(row(a));
        for r in [b, c, d] {
            for (o, &v) in out.iter_mut().zip(row(r)) {
                *o += v;
            }
        }
    }
}

/// One residual encoder block: `X ← X + LN(maxout(seq2col(X)))`.
struct Block {
    maxout: Maxout,
    norm: LayerNorm,
}

/// The token-to-vector network, either the shared one (`tok2vec/model`,
/// six columns) or the NER's own copy inside `ner/model` (four columns).
pub struct Tok2Vec {
    columns: usize,
    width: usize,
    tables: Vec<HashEmbed>,
    mixer: Maxout,
    mixer_norm: LayerNorm,
    blocks: Vec<Block>,
    window: usize,
    cache: MixerCache,
}

/// The buffers of one `forward` call, sized for one tile.
struct Scratch {
    /// The tile's rows with `window` zero rows at both ends (`seq2col`
    /// reads beyond the tile as zeros).
    x: Vec<f32>,
    /// The pre-activations of a maxout product.
    y: Vec<f32>,
    /// The concatenated hash embeddings of the tokens the cache missed.
    embedded: Vec<f32>,
    /// Rows of the tile that the cache missed, and the id tuples among them
    /// seen first in this tile (the others copy their row).
    misses: Vec<(usize, Key)>,
    first_seen: HashMap<[u64; 6], usize>,
}

impl Tok2Vec {
    /// Builds the network from the nodes of `tok2vec/model`, or of
    /// `ner/model`, whose own tok2vec sits among its nodes.
    pub fn from_nodes(file: &str, nodes: &mut [Node]) -> Result<Tok2Vec, NlpError> {
        let columns = read_columns(file, nodes.iter().find(|n| n.name == "extract_features"))?;
        // Breadth-first order puts the mixer's maxout and layernorm first,
        // then the encoder blocks in order (PORTING.md §1.2).
        let mixer = match nodes.iter().find(|n| n.name == "maxout") {
            Some(node) => Maxout::from_node(file, node)?,
            None => return Err(NlpError::model(file, "expected a mixer and encoder blocks")),
        };
        let width = mixer.n_out;
        // The embedding tables, the largest arrays, are moved out of their
        // nodes rather than copied.
        let tables = read_tables(
            file,
            nodes.iter_mut().filter(|n| n.name == "hashembed").collect(),
            columns,
            width,
        )?;
        if mixer.n_in != columns * width {
            return Err(NlpError::model(
                file,
                "the mixer's input is not the embeddings",
            ));
        }
        let nodes = &*nodes;
        let named =
            |name: &str| -> Vec<&Node> { nodes.iter().filter(|n| n.name == name).collect() };
        let maxouts = named("maxout");
        let norms = named("layernorm");
        if maxouts.len() < 2 || maxouts.len() != norms.len() {
            return Err(NlpError::model(file, "expected a mixer and encoder blocks"));
        }
        let window = read_window(file, nodes)?;
        let blocks = maxouts[1..]
            .iter()
            .zip(&norms[1..])
            .map(|(m, ln)| read_block(file, m, ln, width, window))
            .collect::<Result<Vec<_>, NlpError>>()?;
        Ok(Tok2Vec {
            columns,
            width,
            tables,
            mixer_norm: LayerNorm::from_node(file, norms[0], width)?,
            mixer,
            blocks,
            window,
            cache: MixerCache::new(DEFAULT_CACHE_ENTRIES),
        })
    }

    /// The same network with a mixer cache of `entries` id tuples per
    /// generation (it holds up to twice that; 0 turns it off). The output
    /// does not depend on it, only the speed.
    pub fn with_cache_capacity(mut self, entries: usize) -> Tok2Vec {
        self.cache = MixerCache::new(entries);
        self
    }

    /// How many feature columns the network reads.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// The width of a token vector (96).
    pub fn width(&self) -> usize {
        self.width
    }

    /// The number of id tuples in the mixer cache now.
    pub fn cached_entries(&self) -> usize {
        self.cache.len()
    }

    /// The token vectors of one document: `ids` holds one row per token
    /// (NORM, PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE; only the first
    /// `columns()` are read). The result is `n × width`, row-major.
    ///
    /// Memory: the result (384 bytes per token) plus about 1 MB of scratch
    /// for one tile, whatever the length.
    pub fn forward(&self, ids: &[[u64; 6]]) -> Vec<f32> {
        let n = ids.len();
        let w = self.width;
        let mut out = vec![0.0; n * w];
        if n == 0 {
            return out;
        }
        // Padded coordinates: `pad` zero rows, the document, `pad` zero rows
        // (`with_array(pad=4)`). The pad rows go through every block like
        // real rows (PORTING.md §4 step 3, §7.4).
        let pad = self.pad();
        let total = n + 2 * pad;
        let mut scratch = self.scratch(n.min(TILE) + 2 * pad);
        let mut start = pad;
        while start < n + pad {
            let end = (start + TILE).min(n + pad);
            // Each block reads `window` rows on either side, so `pad` rows
            // of context make the rows [start, end) exact after all blocks.
            let lo = start - pad;
            let hi = (end + pad).min(total);
            self.tile(ids, lo, hi, pad, &mut scratch);
            let from = (start - lo + self.window) * w;
            out[(start - pad) * w..(end - pad) * w]
                .copy_from_slice(&scratch.x[from..from + (end - start) * w]);
            start = end;
        }
        out
    }

    fn pad(&self) -> usize {
        self.window * self.blocks.len()
    }

    fn scratch(&self, rows: usize) -> Scratch {
        let w = self.width;
        let y_cols = self
            .blocks
            .iter()
            .map(|b| b.maxout.cols())
            .fold(self.mixer.cols(), usize::max);
        Scratch {
            x: vec![0.0; (rows + 2 * self.window) * w],
            y: vec![0.0; rows * y_cols],
            embedded: vec![0.0; rows * self.columns * w],
            misses: Vec::with_capacity(rows),
            first_seen: HashMap::with_capacity(rows),
        }
    }

    /// Runs the padded rows [lo, hi) through the embedding and all blocks.
    /// Afterwards the tile's rows more than `pad` rows away from a cut
    /// border are exact; rows near a cut see zeros where their neighbours
    /// should be, which is why the caller only keeps the middle.
    fn tile(&self, ids: &[[u64; 6]], lo: usize, hi: usize, pad: usize, s: &mut Scratch) {
        let w = self.width;
        let rows = hi - lo;
        s.x[..(rows + 2 * self.window) * w].fill(0.0);
        let first = lo.max(pad) - pad;
        let last = hi.min(ids.len() + pad) - pad;
        let at = (first + pad - lo + self.window) * w;
        self.embed_and_mix(&ids[first..last], at, s);
        for block in &self.blocks {
            self.encode(block, rows, s);
        }
    }

    /// Writes the mixer output (embeddings → maxout → layer norm) of each
    /// token to `s.x` from offset `at` on, from the cache where it can.
    fn embed_and_mix(&self, ids: &[[u64; 6]], at: usize, s: &mut Scratch) {
        let w = self.width;
        s.misses.clear();
        s.first_seen.clear();
        for (i, row) in ids.iter().enumerate() {
            let key = self.key(row);
            let dest = &mut s.x[at + i * w..][..w];
            if !self.cache.get(&key, dest) {
                s.misses.push((i, key));
            }
        }
        if s.misses.is_empty() {
            return;
        }
        // Only the first row of each id tuple is computed; its repeats in
        // the tile are copied afterwards.
        let mut unique = 0;
        let e_width = self.columns * w;
        for &(i, key) in &s.misses {
            if s.first_seen.contains_key(&key.0) {
                continue;
            }
            s.first_seen.insert(key.0, i);
            let dest = &mut s.embedded[unique * e_width..][..e_width];
            for (table, (&id, out)) in self
                .tables
                .iter()
                .zip(ids[i].iter().zip(dest.chunks_exact_mut(w)))
            {
                table.embed(id, out);
            }
            unique += 1;
        }
        let cols = self.mixer.cols();
        let lhs = Lhs {
            data: &s.embedded,
            rows: unique,
            depth: e_width,
            row_stride: e_width,
        };
        matmul(lhs, &self.mixer.weights, cols, &mut s.y);
        let mut hidden = [0.0f32; MAX_WIDTH];
        let mut u = 0;
        for &(i, key) in &s.misses {
            let first = s.first_seen[&key.0];
            if first != i {
                s.x.copy_within(at + first * w..at + (first + 1) * w, at + i * w);
                continue;
            }
            self.mixer.activate(&s.y[u * cols..][..cols], &mut hidden);
            let dest = &mut s.x[at + i * w..][..w];
            self.mixer_norm.apply(&hidden[..w], |j, v| dest[j] = v);
            self.cache.insert(key, dest);
            u += 1;
        }
    }

    /// One residual block over the tile: the window product is one sgemm
    /// whose left-hand rows overlap in `s.x` (row r starts at tile row r),
    /// so `seq2col` is never copied out.
    fn encode(&self, block: &Block, rows: usize, s: &mut Scratch) {
        let w = self.width;
        let cols = block.maxout.cols();
        let lhs = Lhs {
            data: &s.x,
            rows,
            depth: block.maxout.n_in,
            row_stride: w,
        };
        matmul(lhs, &block.maxout.weights, cols, &mut s.y);
        let mut hidden = [0.0f32; MAX_WIDTH];
        for r in 0..rows {
            block.maxout.activate(&s.y[r * cols..][..cols], &mut hidden);
            let dest = &mut s.x[(r + self.window) * w..][..w];
            block.norm.apply(&hidden[..w], |j, v| dest[j] += v);
        }
    }

    fn key(&self, ids: &[u64; 6]) -> Key {
        let mut key = [0u64; 6];
        key[..self.columns].copy_from_slice(&ids[..self.columns]);
        Key(key)
    }
}

/// One table per column, in column order.
fn read_tables(
    file: &str,
    mut nodes: Vec<&mut Node>,
    columns: usize,
    width: usize,
) -> Result<Vec<HashEmbed>, NlpError> {
    nodes.sort_by_key(|n| n.attrs.get("column").and_then(|c| c.as_u64()));
    if nodes.len() != columns {
        return Err(NlpError::model(
            file,
            format!("{} hash embeddings for {columns} columns", nodes.len()),
        ));
    }
    for (c, node) in nodes.iter().enumerate() {
        if node.int_attr(file, "column")? != c as i64 {
            return Err(NlpError::model(file, "the hash embeddings skip a column"));
        }
    }
    nodes
        .into_iter()
        .map(|n| HashEmbed::from_node(file, n, width))
        .collect()
}

fn read_block(
    file: &str,
    maxout: &Node,
    norm: &Node,
    width: usize,
    window: usize,
) -> Result<Block, NlpError> {
    let maxout = Maxout::from_node(file, maxout)?;
    if maxout.n_out != width || maxout.n_in != (2 * window + 1) * width {
        return Err(NlpError::model(
            file,
            format!("encoder block {} has the wrong shape", norm.index),
        ));
    }
    Ok(Block {
        maxout,
        norm: LayerNorm::from_node(file, norm, width)?,
    })
}

/// The `columns` attribute must be the start of [`COLUMNS`], since that is
/// the row layout `forward` takes.
fn read_columns(file: &str, node: Option<&Node>) -> Result<usize, NlpError> {
    let node = node.ok_or_else(|| NlpError::model(file, "no extract_features layer"))?;
    let names: Vec<&str> = node
        .attrs
        .get("columns")
        .and_then(|c| c.as_array())
        .map(|items| items.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    if names.is_empty() || names.len() > COLUMNS.len() || names[..] != COLUMNS[..names.len()] {
        return Err(NlpError::model(
            file,
            format!("feature columns {names:?} are not a prefix of {COLUMNS:?}"),
        ));
    }
    Ok(names.len())
}

fn read_window(file: &str, nodes: &[Node]) -> Result<usize, NlpError> {
    let mut sizes = nodes
        .iter()
        .filter(|n| n.name == "expand_window")
        .map(|n| n.int_attr(file, "window_size"));
    let first = sizes
        .next()
        .ok_or_else(|| NlpError::model(file, "no expand_window layer"))??;
    for size in sizes {
        if size? != first {
            return Err(NlpError::model(
                file,
                "the encoder blocks differ in window size",
            ));
        }
    }
    usize::try_from(first)
        .ok()
        .filter(|&w| w > 0)
        .ok_or_else(|| NlpError::model(file, "bad window size"))
}
