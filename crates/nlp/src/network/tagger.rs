//! The tagger: a linear layer over the token vectors, whose largest score
//! names the tag (PORTING.md §5). spaCy's softmax is not normalised at
//! inference and would not change the argmax anyway.

use super::layers::Linear;
use crate::model_files::read_thinc_model;
use crate::NlpError;

/// Rows scored per product; bounds the scratch memory for long documents.
const CHUNK: usize = 256;

/// The tagger's output layer and its tag names.
pub struct Tagger {
    output: Linear,
    labels: Vec<String>,
}

impl Tagger {
    /// Builds the tagger from `tagger/model` and `tagger/cfg` (whose
    /// `labels` give the order of the output rows).
    pub fn from_files(model: (&str, &[u8]), cfg: (&str, &[u8])) -> Result<Tagger, NlpError> {
        let (file, bytes) = model;
        let nodes = read_thinc_model(file, bytes)?;
        let softmax = nodes
            .iter()
            .find(|n| n.name == "softmax")
            .ok_or_else(|| NlpError::model(file, "no softmax layer"))?;
        let output = Linear::from_node(file, softmax)?;
        let labels = read_labels(cfg)?;
        if labels.len() != output.n_out {
            return Err(NlpError::model(
                cfg.0,
                format!("{} labels for {} scores", labels.len(), output.n_out),
            ));
        }
        if labels.len() > usize::from(u16::MAX) {
            return Err(NlpError::model(cfg.0, "too many labels"));
        }
        Ok(Tagger { output, labels })
    }

    /// The width of the token vectors it reads (96).
    pub(crate) fn input_width(&self) -> usize {
        self.output.n_in
    }

    /// The tag names, in the order of the indices `predict` returns.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The index of the best tag for each token vector (`width` floats per
    /// token); the first one wins a tie.
    ///
    /// # Panics
    /// If `tokvecs` is not a whole number of token vectors.
    pub fn predict(&self, tokvecs: &[f32]) -> Vec<u16> {
        let width = self.output.n_in;
        assert_eq!(tokvecs.len() % width, 0, "token vectors of width {width}");
        let classes = self.output.n_out;
        let mut scores = vec![0.0; CHUNK.min(tokvecs.len() / width) * classes];
        let mut tags = Vec::with_capacity(tokvecs.len() / width);
        for chunk in tokvecs.chunks(CHUNK * width) {
            let rows = chunk.len() / width;
            self.output.forward(chunk, rows, &mut scores);
            tags.extend(scores[..rows * classes].chunks_exact(classes).map(argmax));
        }
        tags
    }
}

/// The first index of the largest value.
fn argmax(scores: &[f32]) -> u16 {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best as u16
}

fn read_labels((file, bytes): (&str, &[u8])) -> Result<Vec<String>, NlpError> {
    let cfg: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| NlpError::model(file, format!("not JSON: {e}")))?;
    cfg.get("labels")
        .and_then(|l| l.as_array())
        .and_then(|l| l.iter().map(|s| s.as_str().map(str::to_string)).collect())
        .ok_or_else(|| NlpError::model(file, "no list of string labels"))
}
