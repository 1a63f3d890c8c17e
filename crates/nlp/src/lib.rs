//! The language backbone: spaCy's English pipeline `en_core_web_sm` 3.8.0
//! (tokenizer, tok2vec, tagger, dependency parser, attribute ruler,
//! lemmatizer and NER) with its inference written here, in Rust, and its
//! output equal to spaCy's.
//!
//! The model's own files ship in `model/` as they are in the wheel and are
//! built into the binary; nothing is read from disk or the network at run
//! time. [`Backbone::shared`] loads them once per process; the loaded model
//! is immutable and shared by every thread.
//!
//! Stages, in spaCy's order (PORTING.md §0; each module cites the section
//! it follows): [`tokenizer`] → `lexical` feature ids →
//! [`network::Tok2Vec`] → [`network::Tagger`] → [`transitions::parse`]
//! (scored by [`network::StateModel`]) → [`attributes`] (ruler, then
//! lemmatizer) → the NER's own tok2vec → [`transitions::recognize`].
//!
//! Bounded work: a document is processed in segments of at most
//! [`SEGMENT_TOKENS`] tokens, cut at a paragraph break where there is one,
//! so the parser's precomputed features (about 5 KB a token) stay small;
//! documents shorter than that, nearly every article, are processed whole,
//! exactly as spaCy does. At most [`MAX_TOKENS`] tokens of a document are
//! annotated; [`Annotation::truncated_at`] says where the rest begins.
//!
//! The public modules other than the facade are for the crate's own tests,
//! benchmarks and fuzz targets, which check each stage on its own.

pub mod attributes;
pub mod conllu;
mod error;
pub mod files;
mod hashing;
mod lexical;
pub mod model_files;
mod msgpack;
pub mod network;
mod pyre;
mod python;
mod segment;
pub mod tokenizer;
pub mod transitions;

pub use error::NlpError;

use attributes::{AttributeRuler, Lemmatizer, TokenAttrs};
use lexical::Lexicon;
use network::{StateModel, Tagger, Tok2Vec};
use std::sync::OnceLock;
use storyline_model::{CharIndex, NerSpan, Token};
use tokenizer::Tokenizer;
use transitions::Moves;

/// The most tokens processed as one piece. Longer documents are cut into
/// segments at paragraph breaks.
pub const SEGMENT_TOKENS: usize = 8_000;

/// The most tokens of one document the backbone annotates, about forty
/// long articles: a bound on the time one document can take.
pub const MAX_TOKENS: usize = 100_000;

/// The loaded model.
pub struct Backbone {
    tokenizer: Tokenizer,
    lexicon: Lexicon,
    tok2vec: Tok2Vec,
    tagger: Tagger,
    parser: StateModel,
    parser_moves: Moves,
    ner_tok2vec: Tok2Vec,
    ner: StateModel,
    ner_moves: Moves,
    ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
}

// `Backbone::shared` hands one loaded model to every thread.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Backbone>();
    shareable::<Annotation>();
};

/// What the backbone found in one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotation {
    pub tokens: Vec<Token>,
    pub ner: Vec<NerSpan>,
    /// The character offset where annotation stopped, when the text had
    /// more than [`MAX_TOKENS`] tokens.
    pub truncated_at: Option<usize>,
}

impl Backbone {
    /// Loads the built-in model.
    pub fn load() -> Result<Backbone, NlpError> {
        // The tokenizer's rules (a third of the load) are read on a second
        // thread while the networks' weights are read on this one.
        std::thread::scope(|scope| {
            let tokenizer = scope.spawn(|| Tokenizer::from_bytes(files::TOKENIZER.1));
            let read = |(file, bytes)| model_files::read_thinc_model(file, bytes);
            let mut tok2vec_nodes = read(files::TOK2VEC_MODEL)?;
            let parser_nodes = read(files::PARSER_MODEL)?;
            let mut ner_nodes = read(files::NER_MODEL)?;
            let lexicon = Lexicon::from_bytes(files::VOCAB_LOOKUPS)?;
            let tok2vec = Tok2Vec::from_nodes(files::TOK2VEC_MODEL.0, &mut tok2vec_nodes)?;
            let tagger = Tagger::from_files(files::TAGGER_MODEL, files::TAGGER_CFG)?;
            let parser = StateModel::from_nodes(files::PARSER_MODEL.0, &parser_nodes)?;
            let parser_moves = Moves::parser(files::PARSER_MOVES)?;
            let ner_tok2vec = Tok2Vec::from_nodes(files::NER_MODEL.0, &mut ner_nodes)?;
            let ner = StateModel::from_nodes(files::NER_MODEL.0, &ner_nodes)?;
            let ner_moves = Moves::ner(files::NER_MOVES)?;
            let ruler = AttributeRuler::from_bytes(files::ATTRIBUTE_RULER_PATTERNS)?;
            let lemmatizer = Lemmatizer::from_bytes(files::LEMMATIZER_LOOKUPS)?;
            let tokenizer = tokenizer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            let backbone = Backbone {
                tokenizer,
                lexicon,
                tok2vec,
                tagger,
                parser,
                parser_moves,
                ner_tok2vec,
                ner,
                ner_moves,
                ruler,
                lemmatizer,
            };
            backbone.check_fit()?;
            Ok(backbone)
        })
    }

    /// The built-in model, loaded on first use and shared for the life of
    /// the process.
    pub fn shared() -> Result<&'static Backbone, &'static NlpError> {
        static MODEL: OnceLock<Result<Backbone, NlpError>> = OnceLock::new();
        MODEL.get_or_init(Backbone::load).as_ref()
    }

    /// Builds now the tables that are otherwise built on first use (the
    /// lemmatizer's lookups), so that a caller that loads the model on
    /// another thread can take that cost off the thread that annotates.
    pub fn prepare(&self) {
        self.lemmatizer.prepare();
    }

    /// Whether the networks and move tables fit each other. Each file is
    /// checked on its own when it loads; a mismatch between files would
    /// otherwise only show as a panic on the first text.
    fn check_fit(&self) -> Result<(), NlpError> {
        let width = self.tok2vec.width();
        let tagger = [("input width", self.tagger.input_width(), width)];
        sizes_agree(files::TAGGER_MODEL.0, &tagger)?;
        let scorers = [
            (
                files::PARSER_MODEL.0,
                &self.parser,
                width,
                transitions::PARSER_FEATURES,
                &self.parser_moves,
            ),
            (
                files::NER_MODEL.0,
                &self.ner,
                self.ner_tok2vec.width(),
                transitions::NER_FEATURES,
                &self.ner_moves,
            ),
        ];
        for (file, model, width, features, moves) in scorers {
            let checks = [
                ("input width", model.input_width(), width),
                ("feature count", model.n_features(), features),
                ("class count", model.n_classes(), moves.len()),
            ];
            sizes_agree(file, &checks)?;
        }
        Ok(())
    }

    /// Tokens, tags, lemmas, the dependency parse and entity spans of
    /// `text`, in character offsets, exactly as spaCy gives them for the
    /// whole text (within [`SEGMENT_TOKENS`]).
    pub fn annotate(&self, text: &str) -> Annotation {
        self.annotate_with(text, false)
    }

    /// As [`Backbone::annotate`], with every line break ending a sentence:
    /// each paragraph is parsed on its own, as spaCy would parse it alone.
    /// For cleaned articles, whose headline has no final stop and would
    /// otherwise be read as the start of the first sentence.
    pub fn annotate_paragraphs(&self, text: &str) -> Annotation {
        self.annotate_with(text, true)
    }

    fn annotate_with(&self, text: &str, by_paragraph: bool) -> Annotation {
        let mut raw = self.tokenizer.tokenize(text);
        let truncated_at = (raw.len() > MAX_TOKENS).then(|| raw[MAX_TOKENS].start);
        raw.truncate(MAX_TOKENS);
        let chars = CharIndex::new(text);
        let mut out = Annotation {
            truncated_at: truncated_at.map(|b| chars.char_of_byte(b)),
            ..Annotation::default()
        };
        let mut sentences = 0;
        for range in segment::segments(text, &raw, SEGMENT_TOKENS, by_paragraph) {
            let offset = out.tokens.len();
            let piece = self.annotate_segment(text, &raw[range], &chars);
            for mut t in piece.tokens {
                t.head += offset;
                t.sentence += sentences;
                out.tokens.push(t);
            }
            sentences = out.tokens.last().map_or(0, |t| t.sentence + 1);
            out.ner.extend(piece.ner.into_iter().map(|mut e| {
                e.first_token += offset;
                e.end_token += offset;
                e
            }));
        }
        out
    }

    /// Runs every stage on one segment, `raw` being its tokens as the
    /// tokenizer gives them (byte offsets into `text`); heads and token
    /// indexes in the result are local to the segment.
    fn annotate_segment(
        &self,
        text: &str,
        raw: &[tokenizer::Token],
        chars: &CharIndex,
    ) -> Annotation {
        if raw.is_empty() {
            return Annotation::default();
        }
        let words: Vec<&str> = raw.iter().map(|t| &text[t.start..t.end]).collect();
        let is_space: Vec<bool> = words.iter().map(|w| python::str_isspace(w)).collect();
        let ids = lexical::feature_ids(text, raw, &self.lexicon);

        let tokvecs = self.tok2vec.forward(&ids);
        let tags = self.tagger.predict(&tokvecs);
        let parse = {
            let pre = self.parser.precompute(&tokvecs);
            let mut score = |f: &[i32], out: &mut [f32]| self.parser.scores(&pre, f, out);
            transitions::parse(raw.len(), &is_space, &self.parser_moves, &mut score)
        };
        let entities = {
            let pre = self.ner.precompute(&self.ner_tok2vec.forward(&ids));
            let mut score = |f: &[i32], out: &mut [f32]| self.ner.scores(&pre, f, out);
            let moves = &self.ner_moves;
            transitions::recognize(raw.len(), &is_space, &parse.sent_starts, moves, &mut score)
        };

        let labels = self.tagger.labels();
        let mut attrs: Vec<TokenAttrs> = tags
            .iter()
            .zip(&parse.deps)
            .map(|(&tag, dep)| TokenAttrs::new(labels[usize::from(tag)].as_str(), dep.as_str()))
            .collect();
        self.ruler.apply(&words, &is_space, &mut attrs);
        self.lemmatizer.apply(&words, &mut attrs);

        let tokens = tokens_of(raw, &words, attrs, &parse, chars);
        let ner = entities
            .into_iter()
            .map(|(first, end, label)| NerSpan {
                text: text[raw[first].start..raw[end - 1].end].to_string(),
                start: tokens[first].start,
                end: tokens[end - 1].end,
                label,
                first_token: first,
                end_token: end,
            })
            .collect();
        Annotation {
            tokens,
            ner,
            truncated_at: None,
        }
    }
}

/// An error about `file` naming the first `(what, ours, wanted)` whose two
/// sizes differ.
fn sizes_agree(file: &str, checks: &[(&str, usize, usize)]) -> Result<(), NlpError> {
    match checks.iter().find(|(_, ours, wanted)| ours != wanted) {
        Some((what, ours, wanted)) => Err(NlpError::model(
            file,
            format!("the {what} is {ours}, expected {wanted}"),
        )),
        None => Ok(()),
    }
}

/// The annotated tokens of one segment, in character offsets.
fn tokens_of(
    raw: &[tokenizer::Token],
    words: &[&str],
    attrs: Vec<TokenAttrs>,
    parse: &transitions::Parse,
    chars: &CharIndex,
) -> Vec<Token> {
    let mut sentence = 0usize;
    attrs
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            if i > 0 && parse.sent_starts[i] {
                sentence += 1;
            }
            let span = chars.span_of_bytes(raw[i].start, raw[i].end);
            Token {
                text: words[i].to_string(),
                start: span.start,
                end: span.end,
                lemma: a.lemma.unwrap_or_else(|| words[i].to_string()),
                tag: a.tag,
                pos: a.pos,
                morph: a.morph,
                head: parse.heads[i],
                dep: a.dep,
                sentence,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_mismatch_names_the_file_and_the_size() {
        assert!(sizes_agree("tagger/model", &[("input width", 96, 96)]).is_ok());
        let checks = [("input width", 96, 96), ("class count", 74, 106)];
        let error = sizes_agree("parser/model", &checks).expect_err("a mismatch");
        assert_eq!(
            error.to_string(),
            "model file parser/model: the class count is 74, expected 106"
        );
    }
}
