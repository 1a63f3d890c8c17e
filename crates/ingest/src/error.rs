/// Why one input could not be read. It names the input and carries a hint,
/// and the rest of the batch goes on.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {kind}")]
pub struct IngestError {
    /// The path, `path:line`, or `-`.
    pub source_name: String,
    #[source]
    pub kind: ErrorKind,
}

#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("no such file or directory")]
    NotFound,
    #[error("empty input")]
    Empty,
    #[error("binary data ({0}), not text")]
    Binary(String),
    #[error("{size} is larger than the limit of {limit} for one article")]
    TooLarge { size: String, limit: String },
    #[error("corrupt gzip data: {0}")]
    Gzip(String),
    #[error("broken WARC record: {0}")]
    Warc(String),
    /// The archive ends (or cannot be read further) inside a record:
    /// nothing after this point was read.
    #[error("WARC archive ends inside a record: {0}")]
    WarcEnd(String),
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("record has no `text` or `html` field")]
    MissingText,
    #[error("manifest: {0}")]
    Manifest(String),
}

impl ErrorKind {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            ErrorKind::Io(_) => "check the path and its permissions",
            ErrorKind::NotFound => "check the path; globs are expanded by the shell, not by storyline",
            ErrorKind::Empty => "the file has no text; remove it or re-fetch it",
            ErrorKind::Binary(_) => "storyline reads plain text and JSON Lines; pass --exclude to skip such files",
            ErrorKind::TooLarge { .. } => "split the file, or raise the limit with --max-bytes if it really is one article",
            ErrorKind::Gzip(_) => "the file is truncated or not really gzip; re-fetch it",
            ErrorKind::Warc(_) => "the archive is damaged here; the records after it were still read",
            ErrorKind::WarcEnd(_) => "nothing after this point was read; the archive is truncated, or this record's Content-Length is larger than the record: re-fetch or repair the file",
            ErrorKind::Json(_) => "each line of a .jsonl file must be one JSON object",
            ErrorKind::MissingText => "give each record a `text` field holding the article, or an `html` field holding the page",
            ErrorKind::Manifest(_) => "a manifest is CSV with the header path,url,outlet,published, or JSON Lines with those keys",
        }
    }

    /// A short stable label for summaries and tests.
    pub fn label(&self) -> &'static str {
        match self {
            ErrorKind::Io(_) => "io",
            ErrorKind::NotFound => "not-found",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary(_) => "binary",
            ErrorKind::TooLarge { .. } => "too-large",
            ErrorKind::Gzip(_) => "gzip",
            ErrorKind::Warc(_) => "warc",
            ErrorKind::WarcEnd(_) => "warc-end",
            ErrorKind::Json(_) => "json",
            ErrorKind::MissingText => "missing-text",
            ErrorKind::Manifest(_) => "manifest",
        }
    }
}

impl IngestError {
    pub fn new(source_name: impl Into<String>, kind: ErrorKind) -> Self {
        IngestError {
            source_name: source_name.into(),
            kind,
        }
    }
}

/// Formats a byte count for people: `20.0 MB`.
pub(crate) fn human_bytes(n: u64) -> String {
    const MB: f64 = 1_000_000.0;
    if n >= 1_000_000 {
        format!("{:.1} MB", n as f64 / MB)
    } else if n >= 1_000 {
        format!("{:.1} kB", n as f64 / 1_000.0)
    } else {
        format!("{n} bytes")
    }
}
