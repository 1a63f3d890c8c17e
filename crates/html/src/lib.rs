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
mod prune;
mod title;

pub use date::PageContext;
pub use meta::{page_meta, page_meta_with};

use storyline_model::{Markup, RawDocument};

/// Bounds on the work one page may cause.
#[derive(Debug, Clone)]
pub struct HtmlLimits {
    /// The most elements a page may have; more is refused.
    pub max_elements: usize,
    /// The deepest nesting of elements accepted. Deeper pages are refused
    /// before parsing: tree walks are recursive and a pathological page
    /// must not exhaust the stack.
    pub max_depth: usize,
}

impl Default for HtmlLimits {
    fn default() -> Self {
        // Real news pages have a few thousand elements, rarely over 20,000,
        // and nest fewer than 60 deep.
        HtmlLimits {
            max_elements: 200_000,
            max_depth: 1_000,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("the page nests elements over {limit} deep")]
    TooDeep { limit: usize },
    #[error("the page has over {limit} elements")]
    TooManyElements { limit: usize },
    #[error("no article text found in the page")]
    NoArticle,
}

impl HtmlError {
    pub fn hint(&self) -> &'static str {
        match self {
            HtmlError::TooDeep { .. } | HtmlError::TooManyElements { .. } => {
                "the page is malformed or generated; raise --max-html-depth or --max-html-elements if it is real"
            }
            HtmlError::NoArticle => "the page may be an index, a login wall or rendered by script",
        }
    }
}

/// Extracts a page's article and metadata. A document that is not HTML
/// is returned as it is.
pub fn extract(raw: RawDocument, limits: &HtmlLimits) -> Result<RawDocument, HtmlError> {
    let ctx = PageContext {
        url: raw
            .given
            .url
            .clone()
            .or_else(|| Some(raw.source.clone()).filter(|s| s.starts_with("http"))),
        fetched: None,
    };
    extract_with(raw, limits, &ctx)
}

/// [`extract`], knowing where and when the page was fetched: the URL may
/// carry the date, and the fetch day bounds it and anchors "2 days ago".
pub fn extract_with(
    raw: RawDocument,
    limits: &HtmlLimits,
    ctx: &PageContext,
) -> Result<RawDocument, HtmlError> {
    if raw.markup != Markup::Html {
        return Ok(raw);
    }
    let pruned = prune::prune(&raw.text);
    if nesting_depth(&pruned) > limits.max_depth {
        return Err(HtmlError::TooDeep {
            limit: limits.max_depth,
        });
    }
    let doc = dom_query::Document::from(pruned.as_ref());
    let page = page_meta_with(&doc, ctx);
    furniture::strip(&doc);
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
    let body = article.text_content.trim().to_string();
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
        ..raw
    })
}

/// The deepest element nesting in a page, estimated from its tags in one
/// linear scan (void elements and self-closing tags do not nest).
pub fn nesting_depth(html: &str) -> usize {
    const VOID: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"!doctype",
        b"!--",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .count();
        if name_len == 0 {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        let end = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| name_start + p);
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        let void = name_len <= 8 && VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
        if !self_closing && !void {
            depth += 1;
            max = max.max(depth);
        }
        i = end;
        if i >= bytes.len() {
            break;
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_open_elements() {
        assert_eq!(
            nesting_depth("<html><body><p>a<br>b</p><img src=x/></body></html>"),
            3
        );
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
        assert_eq!(nesting_depth("a < b and c > d"), 0);
    }

    #[test]
    fn a_page_nested_100000_deep_is_refused_quickly() {
        let page = format!("<html><body>{}text</body></html>", "<div>".repeat(100_000));
        let raw = RawDocument {
            text: page,
            markup: Markup::Html,
            ..RawDocument::default()
        };
        assert!(matches!(
            extract(raw, &HtmlLimits::default()),
            Err(HtmlError::TooDeep { .. })
        ));
    }
}
