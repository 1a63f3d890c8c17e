//! The model's files, built into the binary so that nothing is read from
//! disk at run time: each constant is the file's path under `model/` (used
//! in error messages) and its bytes. Their formats are PORTING.md §1; see
//! `model/README.md` for where they come from.

macro_rules! model_file {
    ($name:ident, $path:literal) => {
        pub const $name: (&str, &[u8]) = ($path, include_bytes!(concat!("../model/", $path)));
    };
}

model_file!(TOKENIZER, "tokenizer");
model_file!(VOCAB_LOOKUPS, "vocab/lookups.bin");
model_file!(TOK2VEC_MODEL, "tok2vec/model");
model_file!(TAGGER_MODEL, "tagger/model");
model_file!(TAGGER_CFG, "tagger/cfg");
model_file!(PARSER_MODEL, "parser/model");
model_file!(PARSER_MOVES, "parser/moves");
model_file!(NER_MODEL, "ner/model");
model_file!(NER_MOVES, "ner/moves");
model_file!(ATTRIBUTE_RULER_PATTERNS, "attribute_ruler/patterns");
model_file!(LEMMATIZER_LOOKUPS, "lemmatizer/lookups/lookups.bin");
