//! The model's neural networks (PORTING.md §3–§6): the token-to-vector
//! networks, the tagger, and the scorer of the parser's and NER's moves.
//!
//! Everything is loaded once per process and then only read, so one
//! instance can be shared between threads. The batched products go through
//! `matrixmultiply::sgemm`, with every weight matrix laid out at load time
//! as the right-hand side of its product.
//!
//! Memory. The weights take about 12.8 MB (3.19M floats, mostly the hash
//! embedding tables of the two tok2vecs), and each tok2vec's mixer cache up
//! to about 8 MB more. Per document, `Tok2Vec::forward` needs its result
//! (384 bytes a token) and about 1 MB of scratch; the tagger a fixed chunk;
//! `Precomputed` holds `tokens × nF × 128` floats, 4 KB a token for the
//! parser and 1.5 KB for the NER, which is the largest per-document cost
//! (8 GB for two million tokens), so long texts are best cut into pieces.

mod cache;
mod gemm;
mod layers;
mod state_model;
mod tagger;
mod tok2vec;

pub use state_model::{Precomputed, StateModel};
pub use tagger::Tagger;
pub use tok2vec::Tok2Vec;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;
    use crate::model_files::read_thinc_model;

    fn nodes(file: (&str, &[u8])) -> Vec<crate::model_files::Node> {
        read_thinc_model(file.0, file.1).unwrap()
    }

    #[test]
    fn each_network_refuses_the_wrong_file() {
        let mut parser = nodes(files::PARSER_MODEL);
        let tok2vec = nodes(files::TOK2VEC_MODEL);
        assert!(Tok2Vec::from_nodes("parser/model", &mut parser).is_err());
        assert!(StateModel::from_nodes("tok2vec/model", &tok2vec).is_err());
        assert!(Tagger::from_files(files::PARSER_MODEL, files::TAGGER_CFG).is_err());
        assert!(
            Tagger::from_files(files::TAGGER_MODEL, ("cfg", b"{\"labels\": [\"NN\"]}")).is_err()
        );
        assert!(Tagger::from_files(files::TAGGER_MODEL, ("cfg", b"not json")).is_err());
    }

    #[test]
    fn a_damaged_array_is_an_error() {
        let mut tok2vec = nodes(files::TOK2VEC_MODEL);
        let mixer = tok2vec.iter_mut().find(|n| n.name == "layernorm").unwrap();
        mixer.params.get_mut("G").unwrap().shape = vec![95];
        assert!(Tok2Vec::from_nodes("tok2vec/model", &mut tok2vec).is_err());
        let mut parser = nodes(files::PARSER_MODEL);
        parser[2].params.remove("pad");
        assert!(StateModel::from_nodes("parser/model", &parser).is_err());
    }
}
