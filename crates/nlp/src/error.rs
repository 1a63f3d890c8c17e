//! The crate's one error type. Only loading can fail: annotating a text
//! never does, whatever the text.

use thiserror::Error;

/// Why the backbone could not load.
#[derive(Debug, Error)]
pub enum NlpError {
    /// A model file is not what this crate expects (a broken or different model).
    #[error("model file {file}: {message}")]
    Model { file: String, message: String },
}

impl NlpError {
    /// The file `file` is not what this crate expects, for the reason
    /// `message`.
    pub(crate) fn model(file: &str, message: impl Into<String>) -> Self {
        NlpError::Model {
            file: file.to_string(),
            message: message.into(),
        }
    }
}
