//! The model's neural networks (PORTING.md §3–§6): the token-to-vector
//! networks, the tagger, and the scorer of the parser's and NER's moves.
//!
//! Everything is loaded once per process and then only read, so one
//! instance can be shared between threads. The batched products go through
//! `matrixmultiply::sgemm`, with every weight matrix laid out at load time
//! as the right-hand side of its product.

mod cache;
mod gemm;
mod layers;
mod state_model;
mod tagger;
mod tok2vec;

pub use state_model::{Precomputed, StateModel};
pub use tagger::Tagger;
pub use tok2vec::{Tok2Vec, DEFAULT_CACHE_ENTRIES};
