use crate::{DocId, PartialDate, Span};
use serde::{Deserialize, Serialize};

/// Where a document's publication date came from, best first. Given metadata
/// (a manifest, `--published`, a JSON Lines field) beats anything inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrigin {
    /// Metadata the user supplied.
    Metadata,
    /// The page's own markup: JSON-LD, meta tags, `<time>` elements.
    Page,
    /// A publication line in the text ("Published: ...", "date 2024-10-24").
    Text,
    /// A date in the URL path (`/2024/11/13/`).
    Url,
    /// A date in the file name.
    Filename,
}

impl DateOrigin {
    /// The name used in JSON and in the store.
    pub fn as_str(&self) -> &'static str {
        match self {
            DateOrigin::Metadata => "metadata",
            DateOrigin::Page => "page",
            DateOrigin::Text => "text",
            DateOrigin::Url => "url",
            DateOrigin::Filename => "filename",
        }
    }
}

/// One place a document was read from. The same article read from two
/// places is one document with two sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The path, `path:line` for JSON Lines, or `-` for stdin.
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// The publication date given with this source, if any.
    pub published: Option<PartialDate>,
    /// The text encoding the bytes were decoded from.
    pub encoding: String,
}

/// A line the cleaner dropped, and why: cleaning is explainable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// One-based line number in the decoded input.
    pub line: usize,
    /// The line, shortened to a readable length.
    pub text: String,
    /// The rule that removed it, a short stable label such as `time-ago-list`.
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Something a stage noticed about a document that the user should know,
/// with a hint on what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn warning(message: impl Into<String>, hint: Option<&str>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            hint: hint.map(str::to_string),
        }
    }
}

/// A figure in the text: the output contract's quantity object. Bounds
/// are `null` when open on that side; `value` is the figure as stated when
/// it is one number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    /// `at least`, `more than`, `up to`, `nearly`, `about`, `fewer than`,
    /// `between`, `range`, `vague`, or `null` for a plain figure.
    pub qualifier: Option<String>,
    pub approximate: bool,
    /// ISO 4217 code.
    pub currency: Option<String>,
    /// True when the currency was read from a bare `$`.
    pub currency_assumed: bool,
    /// The unit as written: "Dollar", "Canadian dollar", "Pence".
    #[serde(default)]
    pub currency_name: Option<String>,
    /// personnel, casualties, dead, injured, displaced, money, weapons,
    /// vehicles, aircraft, percent or count.
    pub measure: String,
    /// The noun phrase counted ("North Korean troops").
    pub counted: Option<String>,
    pub counted_span: Option<Span>,
    /// For an amount in brackets converting another, that amount's index
    /// in the document's `quantities`.
    pub conversion_of: Option<usize>,
    /// The index in `claims` of the statement the figure is reported in,
    /// and its speaker as written: who gave the figure.
    #[serde(default)]
    pub claim: Option<usize>,
    #[serde(default)]
    pub said_by: Option<String>,
}

/// A cleaned article and its metadata.
///
/// `text` is the cleaned article: the headline, when one was found, as the
/// first paragraph, then the body, paragraphs separated by a blank line.
/// Every span, here and in later annotations, counts characters of `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    pub title: Option<String>,
    /// Where the title sits in `text`, when the headline is part of it.
    pub title_span: Option<Span>,
    /// Where each metadata value came from, by field name: `title`,
    /// `outlet`, `url`, `authors`, `agency`, `language` (the publication
    /// date has `published_from` and `published_evidence`). Values read like
    /// `metadata`, `page: JSON-LD headline`, `text: byline`, `detected`.
    pub provenance: std::collections::BTreeMap<String, String>,
    pub text: String,
    /// ISO 639-1 code, when the text is long enough to tell.
    pub language: Option<String>,
    pub published: Option<PartialDate>,
    pub published_from: Option<DateOrigin>,
    /// The line or field the publication date was read from.
    pub published_evidence: Option<String>,
    pub updated: Option<PartialDate>,
    /// A date printed in a page header (weather, crawl or clock line). It
    /// is when the page was fetched, not when the article was published,
    /// so it is never used as `published`.
    pub page_date: Option<PartialDate>,
    pub outlet: Option<String>,
    /// The wire agency credited (AFP, Reuters, AP, ...).
    pub agency: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    /// The first place this document was read from.
    pub source: String,
    pub sources: Vec<SourceRef>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    /// The backbone's tokens (tag, part of speech, lemma, dependency
    /// parse); empty for text that is not English or before it has run.
    #[serde(default)]
    pub tokens: Vec<crate::Token>,
    /// The backbone's named-entity spans, by token and character offsets.
    #[serde(default)]
    pub ner: Vec<crate::NerSpan>,
    /// Figures found in `text`; empty until the quantity stage has run.
    #[serde(default)]
    pub quantities: Vec<Quantity>,
    /// Time expressions found in `text`, resolved against `published`;
    /// empty until the time stage has run.
    #[serde(default)]
    pub times: Vec<crate::TimeExpr>,
    /// Per sentence with a date or a reporting verb: the date its event
    /// refers to and the date it was said.
    #[serde(default)]
    pub sentence_dates: Vec<crate::SentenceDates>,
    /// People, organisations, countries, places and groups mentioned,
    /// linked to the knowledge base and coded as actors; empty until the
    /// entity stage has run.
    #[serde(default)]
    pub entities: Vec<crate::Entity>,
    /// Reported statements; empty until the coding stage has run.
    #[serde(default)]
    pub claims: Vec<crate::Claim>,
    /// Events coded into PLOVER; empty until the coding stage has run.
    #[serde(default)]
    pub events: Vec<crate::Event>,
    /// Happenings with no political actor (an earthquake, a crash, a
    /// toll): see [`crate::Occurrence`].
    #[serde(default)]
    pub occurrences: Vec<crate::Occurrence>,
    pub removed: Vec<RemovedLine>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The knowledge-base ids the entity mention `i` stands for: its own
    /// id and the id of the mention it refers to, each once. The entity
    /// pages and the store's entity index both count a mention by these.
    pub fn entity_ids(&self, i: usize) -> impl Iterator<Item = &str> {
        let entity = self.entities.get(i);
        let own = entity.and_then(|e| e.id.as_deref());
        let referent = entity
            .and_then(|e| e.refers_to)
            .and_then(|a| self.entities.get(a))
            .and_then(|a| a.id.as_deref())
            .filter(|r| Some(*r) != own);
        own.into_iter().chain(referent)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        let idx = crate::CharIndex::new(&self.text);
        &self.text[idx.bytes_of_span(span)]
    }

    /// Words in the cleaned text, for listings.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}
