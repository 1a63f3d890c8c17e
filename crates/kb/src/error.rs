use std::fmt;

/// A knowledge-base file that could not be read: which file, which line,
/// what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl KbError {
    pub fn hint(&self) -> &'static str {
        "each line is a record type (country, org, person, office, region, place, sector, ambiguous) \
         and tab-separated fields; see the knowledge-base format in the README"
    }
}

impl fmt::Display for KbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for KbError {}
