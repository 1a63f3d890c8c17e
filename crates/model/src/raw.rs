use crate::{Diagnostic, PartialDate};

/// Metadata the user supplied with a document: from a manifest, a JSON
/// Lines record or a command-line flag. It beats anything inferred.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GivenMeta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// The day the page was fetched (a WARC record's date, a manifest's
    /// `fetched` column). It is not the publication date: it anchors
    /// relative dates such as "2 days ago" and bounds the publication
    /// date, which cannot come after it.
    pub fetched: Option<PartialDate>,
}

impl GivenMeta {
    /// Fills each field this one lacks from `other`, so that the more
    /// specific source (a JSON Lines field) keeps precedence over a more
    /// general one (a manifest row).
    pub fn or(mut self, other: &GivenMeta) -> GivenMeta {
        self.url = self.url.or_else(|| other.url.clone());
        self.title = self.title.or_else(|| other.title.clone());
        self.published = self.published.or(other.published);
        self.outlet = self.outlet.or_else(|| other.outlet.clone());
        self.fetched = self.fetched.or(other.fetched);
        if self.authors.is_empty() {
            self.authors = other.authors.clone();
        }
        self
    }
}

/// What a raw document's `text` holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Markup {
    /// Plain or scraped text.
    #[default]
    Text,
    /// An HTML page, to be extracted before cleaning.
    Html,
}

/// Metadata read from a page's markup (JSON-LD, meta tags, `<title>`,
/// `<time>`), each value with where it came from. It ranks below what the
/// user gave and above what the text itself says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub title_from: Option<String>,
    pub published: Option<PartialDate>,
    /// For example `JSON-LD datePublished` or `meta article:published_time`.
    pub published_from: Option<String>,
    pub modified: Option<PartialDate>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    /// The page's declared language, as given in `<html lang>`.
    pub language: Option<String>,
    pub agency: Option<String>,
}

/// One article's decoded text and given metadata, before cleaning: what
/// ingest hands to the cleaner.
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    /// The path, `path:line` for a JSON Lines record, or `-` for stdin.
    pub source: String,
    /// The file name, when there is one: dates in it are a weak signal.
    pub file_name: Option<String>,
    pub text: String,
    pub markup: Markup,
    /// Set when `text` was extracted from a page: its markup metadata.
    pub page: Option<PageMeta>,
    /// The encoding the bytes were decoded from, as a WHATWG label.
    pub encoding: String,
    pub given: GivenMeta,
    pub warnings: Vec<Diagnostic>,
}
