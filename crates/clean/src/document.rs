//! From raw text and given metadata to a [`Document`].

use crate::{clean_text_as, Profile};
use storyline_model::{CharIndex, DateOrigin, DocId, Document, RawDocument, SourceRef, Span};
use storyline_text::dates::{date_in_file_name, date_in_url};

#[derive(Debug, thiserror::Error)]
pub enum CleanError {
    #[error("no article text left after cleaning ({removed} lines were page furniture)")]
    NoText { removed: usize },
}

impl CleanError {
    pub fn hint(&self) -> &'static str {
        match self {
            CleanError::NoText { .. } => {
                "the file may hold only navigation or a list of links; `storyline extract` shows what was removed"
            }
        }
    }
}

/// Cleans a raw document and fills in its metadata: given metadata
/// first, then the page's markup (for text extracted from HTML), then what
/// the text says, then the URL and the file name.
pub fn build_document(raw: RawDocument) -> Result<Document, CleanError> {
    let profile = if raw.page.is_some() {
        Profile::ExtractedHtml
    } else {
        Profile::ScrapedText
    };
    let cleaned = clean_text_as(&raw.text, profile);
    let text = cleaned.text();
    if text.trim().is_empty() {
        return Err(CleanError::NoText {
            removed: cleaned.removed.len(),
        });
    }
    let index = CharIndex::new(&text);
    let mut paragraphs = Vec::with_capacity(cleaned.paragraphs.len());
    let mut sentences = Vec::new();
    let mut offset = 0;
    for p in &cleaned.paragraphs {
        paragraphs.push(index.span_of_bytes(offset, offset + p.len()));
        for s in storyline_text::split_sentences(p) {
            sentences.push(index.span_of_bytes(offset + s.start, offset + s.end));
        }
        offset += p.len() + 2;
    }

    let given = raw.given;
    let page = raw.page.unwrap_or_default();
    let found = cleaned.found;
    let url = given.url.clone().or_else(|| page.canonical_url.clone());
    let (published, published_from, published_evidence) = if let Some(d) = given.published {
        (
            Some(d),
            Some(DateOrigin::Metadata),
            Some("given metadata".to_string()),
        )
    } else if let Some(d) = page.published {
        (Some(d), Some(DateOrigin::Page), page.published_from.clone())
    } else if let Some((d, line)) = found.published.or(found.dateline) {
        (Some(d), Some(DateOrigin::Text), Some(line))
    } else if let Some(d) = url.as_deref().and_then(date_in_url) {
        (Some(d), Some(DateOrigin::Url), url.clone())
    } else if let Some(d) = raw.file_name.as_deref().and_then(date_in_file_name) {
        (Some(d), Some(DateOrigin::Filename), raw.file_name.clone())
    } else {
        (None, None, None)
    };

    // The title in the text is the headline paragraph; a given title wins,
    // and is located in the text when it is the same headline.
    let inferred_title_span = cleaned.title.as_ref().map(|_| paragraphs[0]);
    let mut provenance = std::collections::BTreeMap::new();
    let mut note = |field: &str, from: Option<String>| {
        if let Some(from) = from {
            provenance.insert(field.to_string(), from);
        }
    };
    let title_from = if given.title.is_some() {
        Some("metadata".to_string())
    } else if page.title.is_some() {
        Some(format!(
            "page: {}",
            page.title_from.as_deref().unwrap_or("markup")
        ))
    } else {
        cleaned
            .title
            .as_ref()
            .map(|_| "text: headline line".to_string())
    };
    note("title", title_from);
    note(
        "outlet",
        if given.outlet.is_some() {
            Some("metadata".into())
        } else {
            page.site_name.as_ref().map(|_| "page: site name".into())
        },
    );
    note(
        "url",
        if given.url.is_some() {
            Some("metadata".into())
        } else {
            page.canonical_url
                .as_ref()
                .map(|_| "page: canonical URL".into())
        },
    );
    note(
        "authors",
        [
            (!given.authors.is_empty()).then_some("metadata"),
            (!page.authors.is_empty()).then_some("page: JSON-LD or meta author"),
            (!found.authors.is_empty()).then_some("text: byline"),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(str::to_string),
    );
    note(
        "agency",
        if found.agency.is_some() {
            Some("text: credit, byline, dateline or sign-off".into())
        } else {
            page.agency
                .as_ref()
                .map(|_| "page: author or publisher".into())
        },
    );
    let detected = detect_language(&text);
    let language = detected
        .clone()
        .or_else(|| page_language(page.language.as_deref()));
    note(
        "language",
        match (&detected, &language) {
            (Some(_), _) => Some("detected".into()),
            (None, Some(_)) => Some("page: html lang".into()),
            _ => None,
        },
    );
    let (title, title_span) = match given.title.or(page.title) {
        Some(t) => {
            let span = paragraphs
                .first()
                .filter(|&&p| same_words(&text[index.bytes_of_span(p)], &t))
                .copied();
            (Some(t), span)
        }
        None => (cleaned.title, inferred_title_span),
    };

    let authors = [given.authors, page.authors, found.authors]
        .into_iter()
        .find(|a| !a.is_empty())
        .unwrap_or_default();

    let id = DocId::from_text(&text);
    let source = SourceRef {
        source: raw.source.clone(),
        url: url.clone(),
        outlet: given.outlet.clone().or_else(|| page.site_name.clone()),
        published: given.published,
        encoding: raw.encoding,
    };
    Ok(Document {
        id,
        title,
        title_span,
        language,
        provenance,
        published,
        published_from,
        published_evidence,
        updated: page.modified.or(found.updated),
        page_date: found.page_date,
        outlet: given.outlet.or(page.site_name),
        agency: found.agency.map(str::to_string).or(page.agency),
        authors,
        url,
        source: raw.source,
        sources: vec![source],
        paragraphs,
        sentences,
        tokens: Vec::new(),
        ner: Vec::new(),
        quantities: Vec::new(),
        times: Vec::new(),
        sentence_dates: Vec::new(),
        entities: Vec::new(),
        claims: Vec::new(),
        events: Vec::new(),
        occurrences: Vec::new(),
        removed: cleaned.removed,
        diagnostics: raw.warnings,
        text,
    })
}

fn same_words(a: &str, b: &str) -> bool {
    let norm =
        |s: &str| -> Vec<String> { storyline_text::words(s).map(str::to_lowercase).collect() };
    norm(a) == norm(b)
}

/// The language of the text as an ISO 639-1 code, when whatlang is
/// confident; short texts and mixed scripts give `None`, not a guess.
fn detect_language(text: &str) -> Option<String> {
    // A few hundred characters of prose decide the language as well as the
    // whole text and cost a fraction of the time.
    let sample: String = text.chars().take(600).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso_639_1(info.lang().code()).map(str::to_string)
}

/// A declared page language (`en-GB`, `EN`) as an ISO 639-1 code.
fn page_language(declared: Option<&str>) -> Option<String> {
    let primary = declared?.split(['-', '_']).next()?.trim().to_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

/// ISO 639-3 codes used by whatlang, mapped to ISO 639-1.
fn iso_639_1(code3: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    TABLE.iter().find(|(c3, _)| *c3 == code3).map(|(_, c1)| *c1)
}

/// Spans are in bounds and in order; kept as a function so tests and
/// later stages can assert it.
pub fn spans_are_valid(doc: &Document) -> bool {
    let len = doc.text.chars().count();
    let ordered = |spans: &[Span]| spans.windows(2).all(|w| w[0].end <= w[1].start);
    let in_bounds = |spans: &[Span]| spans.iter().all(|s| s.start <= s.end && s.end <= len);
    ordered(&doc.paragraphs)
        && ordered(&doc.sentences)
        && in_bounds(&doc.paragraphs)
        && in_bounds(&doc.sentences)
        && doc
            .sentences
            .iter()
            .all(|s| doc.paragraphs.iter().any(|p| p.contains(*s)))
        && doc.title_span.is_none_or(|t| t.end <= len)
}
