//! The language backbone: spaCy's English pipeline `en_core_web_sm` 3.8.0
//! (tokenizer, tok2vec, tagger, dependency parser, attribute ruler,
//! lemmatizer and NER) with its inference written here, in Rust.
//!
//! The model's own files ship in `model/` as they are in the wheel and are
//! built into the binary; nothing is read from disk or the network at run
//! time.

pub mod attributes;
mod error;
pub mod files;
pub mod hashing;
pub mod lexical;
pub mod model_files;
pub mod network;
pub mod tokenizer;
pub mod transitions;

pub use error::NlpError;
