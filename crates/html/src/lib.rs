//! Main text and metadata from HTML pages.
//!
//! [`extract`] turns a raw HTML document into a raw text document: the
//! article's text (found by `dom_smoothie`, a port of readability.js),
//! headed by the page title, and the page's metadata in
//! [`storyline_model::PageMeta`]. The cleaner then treats it like any
//! other text, with the line rules suited to extracted text.
//!
//! This crate does no IO.

pub mod aeb;
pub mod date;
mod furniture;
mod meta;
pub mod pages;
mod plain;
mod prune;
pub mod shape;
mod title;

pub use date::PageContext;
pub use meta::{page_meta, page_meta_with};

use storyline_model::{Markup, RawDocument};

/// Bounds on the work one page may cause.
#[derive(Debug, Clone)]
pub struct HtmlLimits {
    /// The most elements a page may have; more is refused, counted
    /// before the page is parsed.
    pub max_elements: usize,
    /// The deepest nesting of elements built. Start tags that would nest
    /// deeper are dropped before parsing and their content joins the
    /// element at this depth (as browsers flatten over-deep pages): the
    /// parser's and extractor's work per element grows with depth, and
    /// tree walks are recursive.
    pub max_depth: usize,
}

impl Default for HtmlLimits {
    fn default() -> Self {
        // Real news pages have a few thousand elements (the Article
        // Extraction Benchmark's largest, 1,737), rarely over 20,000, and
        // nest fewer than 60 deep; Chromium flattens past 512. The
        // extractor's work per element makes 50,000 about a second.
        HtmlLimits {
            max_elements: 50_000,
            max_depth: 256,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("the page has over {limit} elements")]
    TooManyElements { limit: usize },
    #[error("no article text found in the page")]
    NoArticle,
}

impl HtmlError {
    pub fn hint(&self) -> &'static str {
        match self {
            HtmlError::TooManyElements { .. } => {
                "the page is malformed or generated; raise --max-html-elements if it is real"
            }
            HtmlError::NoArticle => "the page may be an index, a login wall or rendered by script",
        }
    }
}

/// Extracts a page's article and metadata. A document that is not HTML
/// is returned as it is. The given URL and fetch day, when the input
/// supplied them, are the page's context (see [`extract_with`]).
pub fn extract(raw: RawDocument, limits: &HtmlLimits) -> Result<RawDocument, HtmlError> {
    let ctx = PageContext {
        url: raw
            .given
            .url
            .clone()
            .or_else(|| Some(raw.source.clone()).filter(|s| s.starts_with("http"))),
        fetched: raw.given.fetched,
    };
    extract_with(raw, limits, &ctx)
}

/// [`extract`], knowing where and when the page was fetched: the URL may
/// carry the date, and the fetch day bounds it and anchors "2 days ago".
pub fn extract_with(
    mut raw: RawDocument,
    limits: &HtmlLimits,
    ctx: &PageContext,
) -> Result<RawDocument, HtmlError> {
    if raw.markup != Markup::Html {
        return Ok(raw);
    }
    // Taken out of the document, so that the document can be handed on
    // while the page's text is still borrowed.
    let html = std::mem::take(&mut raw.text);
    let pruned = prune::prune(&html);
    let bounded = shape::bound(&pruned, limits)?;
    let mut warnings = std::mem::take(&mut raw.warnings);
    if bounded.flattened > 0 {
        warnings.push(storyline_model::Diagnostic::warning(
            format!(
                "the page nests elements over {} deep: {} tags past that depth were dropped and their text kept",
                limits.max_depth, bounded.flattened
            ),
            Some("raise --max-html-depth if the page really is that deep"),
        ));
    }
    if bounded.collapsed > 0 {
        warnings.push(storyline_model::Diagnostic::warning(
            format!(
                "the page holds much text nested deep: {} elements past depth {} were closed early",
                bounded.collapsed,
                shape::COLLAPSED_DEPTH
            ),
            None::<&str>,
        ));
    }
    if bounded.attributes_dropped > 0 {
        warnings.push(storyline_model::Diagnostic::warning(
            format!(
                "{} attributes dropped from tags with over {} of them",
                bounded.attributes_dropped,
                shape::MAX_ATTRIBUTES
            ),
            None::<&str>,
        ));
    }
    let text_bytes = bounded.text_bytes;
    let pruned = bounded.html;
    let doc = dom_query::Document::from(pruned.as_ref());
    let page = page_meta_with(&doc, ctx);
    furniture::strip(&doc);
    // The readability extractor's work grows with the page's text times
    // its depth. A page with too much text, or whose parsed tree is
    // deeper than the bound foresaw (the scan follows the parser's main
    // rules, not all of them), is read block by block instead, in one
    // linear pass.
    let why = if text_bytes > LARGE_TEXT {
        Some(format!(
            "the page holds {} KB of text, over the {} KB the article extractor reads",
            text_bytes / 1024,
            LARGE_TEXT / 1024
        ))
    } else {
        let depth = plain::tree_depth(&doc);
        (depth > limits.max_depth + DEPTH_MARGIN)
            .then(|| format!("the parsed page nests {depth} deep, past the limit"))
    };
    if let Some(why) = why {
        warnings.push(storyline_model::Diagnostic::warning(
            format!("{why}: its blocks were taken in order"),
            None::<&str>,
        ));
        let body = plain::block_text(&doc);
        return finish(raw, page, body, warnings);
    }
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: limits.max_elements,
        // The page's JSON-LD was read already, by `page_meta`.
        disable_json_ld: true,
        ..Default::default()
    };
    let failed = |e: dom_smoothie::ReadabilityError| match e {
        dom_smoothie::ReadabilityError::TooManyElements(..) => HtmlError::TooManyElements {
            limit: limits.max_elements,
        },
        _ => HtmlError::NoArticle,
    };
    // One strict attempt first: `parse` clones the whole tree before each
    // of its attempts, which costs more than the attempt itself, and the
    // strict policy is enough for most pages. Only when it finds too little
    // text is the page parsed again for the full sequence of attempts.
    let strict = dom_smoothie::Readability::with_document(doc, None, Some(config.clone()))
        .and_then(|mut r| r.parse_with_policy(dom_smoothie::ParsePolicy::Strict));
    let article = match strict {
        Ok(a)
            if a.text_content
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
                >= config.char_threshold =>
        {
            a
        }
        Err(e @ dom_smoothie::ReadabilityError::TooManyElements(..)) => return Err(failed(e)),
        _ => {
            let doc = dom_query::Document::from(pruned.as_ref());
            furniture::strip(&doc);
            dom_smoothie::Readability::with_document(doc, None, Some(config))
                .and_then(|mut r| r.parse())
                .map_err(failed)?
        }
    };
    finish(raw, page, article.text_content.to_string(), warnings)
}

/// How much deeper than `max_depth` the parsed tree may be: the parser
/// adds html, body and tbody, and reopens a few formatting elements.
const DEPTH_MARGIN: usize = 16;

/// The most text, in bytes, a page may hold for the article extractor;
/// pages with more are read by `plain::block_text`. Long news articles
/// have under 100 KB.
pub const LARGE_TEXT: usize = 256 * 1024;

/// The extracted document: the body headed by the page's title.
fn finish(
    raw: RawDocument,
    page: storyline_model::PageMeta,
    body: String,
    warnings: Vec<storyline_model::Diagnostic>,
) -> Result<RawDocument, HtmlError> {
    let body = furniture::drop_teasers(&body).trim().to_string();
    if body.is_empty() {
        return Err(HtmlError::NoArticle);
    }
    // The headline heads the text, as it does for scraped text, unless the
    // extracted body already starts with it.
    let text = match &page.title {
        Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}"),
        _ => body,
    };
    Ok(RawDocument {
        text,
        markup: Markup::Text,
        page: Some(page),
        warnings,
        ..raw
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page nested 100,000 deep was refused outright; it is now
    /// flattened at the depth limit and its text extracted, with a warning.
    #[test]
    fn a_page_nested_100000_deep_is_flattened_and_its_text_kept() {
        let sentence = "The ferry service between the two islands resumed on Monday after repairs to the pier were finished. ";
        let page = format!(
            "<html><body>{}<p>{}</p></body></html>",
            "<div>".repeat(100_000),
            sentence.repeat(6)
        );
        let raw = RawDocument {
            text: page,
            markup: Markup::Html,
            ..RawDocument::default()
        };
        let doc = extract(raw, &HtmlLimits::default()).unwrap();
        assert!(doc.text.contains("The ferry service"), "{}", doc.text);
        assert!(
            doc.warnings
                .iter()
                .any(|w| w.message.contains("over 256 deep")),
            "{:?}",
            doc.warnings
        );
    }
}
