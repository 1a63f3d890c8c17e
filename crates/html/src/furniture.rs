//! Page furniture inside the content element that readability keeps:
//! figure captions and photo credits, and lists of related stories. They
//! are removed from the tree before extraction, by general signals rather
//! than by site: the `figcaption` element and caption or credit classes
//! (short texts only), and lists whose items are nearly all link text.
//! Teasers (a paragraph or heading that is a headline link to another
//! story) are marked before extraction and dropped after it, so that the
//! extractor still judges the page as it is.

use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

static CAPTION_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[\s_-])(caption|credit|photo-?credit|image-?credit|img-?credit|wp-caption-text)s?($|[\s_-])").unwrap()
});

/// Text length in characters, whitespace squashed.
fn text_len(n: &NodeRef) -> usize {
    squashed_len(&n.text())
}

/// The length of a text with its whitespace squashed to one space a word.
fn squashed_len(text: &str) -> usize {
    text.split_whitespace().map(|w| w.chars().count() + 1).sum()
}

/// Characters of text inside links.
fn link_len(n: &NodeRef) -> usize {
    anchors(n).map(|a| text_len(&a)).sum()
}

/// The links inside a node.
fn anchors<'a>(n: &NodeRef<'a>) -> impl Iterator<Item = NodeRef<'a>> {
    n.descendants_it()
        .filter(|d| d.node_name().is_some_and(|t| t.as_ref() == "a"))
}

/// Whether a list is a list of links to other stories: two or more items,
/// nearly all of its text inside links.
fn is_link_list(list: &NodeRef) -> bool {
    let items = list
        .element_children()
        .into_iter()
        .filter(|c| c.node_name().is_some_and(|t| t.as_ref() == "li"))
        .count();
    let total = text_len(list);
    items >= 2 && total > 0 && link_len(list) * 10 >= total * 8
}

/// Words of text, whitespace squashed.
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether a link's text is an address or a handle ("www.example.org",
/// "https://…", "@newsdesk"): sources and accounts cited in the article,
/// not headlines of other stories.
fn is_address(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('@') || t.starts_with("www.") || t.contains("://")
}

/// Whether a paragraph or heading is a teaser for another story: its text is
/// a headline link, alone or behind a short label ("Related:", "Read more",
/// a bracketed section tag). A whole sentence that happens to be a link
/// (ending in a full stop) is prose, and addresses are citations.
fn is_teaser(block: &NodeRef) -> bool {
    let text = block.text();
    let text = text.trim();
    if text.ends_with(['.', '!', '\u{3002}']) {
        return false;
    }
    let (mut link_chars, mut link_words) = (0, 0);
    for a in anchors(block) {
        let anchor = a.text();
        if !is_address(&anchor) {
            link_chars += text_len(&a);
            link_words += word_count(&anchor);
        }
    }
    if link_chars == 0 {
        return false;
    }
    let other_words = word_count(text).saturating_sub(link_words);
    link_chars * 10 >= squashed_len(text) * 9 || (link_words >= 3 && other_words <= 3)
}

/// A private-use character put at the start of each teaser block.
const TEASER_MARK: char = '\u{E000}';

/// The extracted text without the lines `strip` marked as teasers, and
/// without any stray mark.
pub fn drop_teasers(text: &str) -> String {
    if !text.contains(TEASER_MARK) {
        return text.to_string();
    }
    text.lines()
        .filter(|l| !l.trim_start().starts_with(TEASER_MARK))
        .map(|l| l.replace(TEASER_MARK, ""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Removes captions, credits and link lists from the page, and marks
/// teasers for other stories.
pub fn strip(doc: &Document) {
    for n in doc.select("figcaption").nodes() {
        if text_len(n) <= 400 {
            n.remove_from_parent();
        }
    }
    for n in doc.select("[class]").nodes() {
        let caption = n.attr("class").is_some_and(|c| CAPTION_CLASS.is_match(&c));
        if caption && text_len(n) <= 300 {
            n.remove_from_parent();
        }
    }
    // Teasers are marked, not removed: taking them out before the article
    // is found changes which block looks like the article (a feed of
    // headline links and blurbs reads as prose once its links are gone).
    // `drop_teasers` removes the marked lines from the extracted text.
    for n in doc.select("p, h2, h3, h4, h5, h6").nodes() {
        if is_teaser(n) {
            n.prepend_html(TEASER_MARK.to_string());
        }
    }
    for n in doc.select("ul, ol").nodes() {
        if is_link_list(n) {
            n.remove_from_parent();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_credits_and_link_lists_go_and_prose_stays() {
        let doc = Document::from(
            r#"<article><p>Story text.</p>
            <figure><img src=x><figcaption>A harbour at dawn.</figcaption></figure>
            <span class="image-credit">Photo: Staff</span>
            <ul><li><a href=/a>Other story one</a></li><li><a href=/b>Other story two</a></li></ul>
            <ul><li>Tour dates: Paris</li><li>Berlin, <a href=/t>tickets</a></li></ul>
            <p class="captioned-text">Kept: not a caption class.</p></article>"#,
        );
        strip(&doc);
        let text = doc.select("article").text();
        assert!(text.contains("Story text.") && text.contains("Tour dates"));
        assert!(text.contains("Kept"));
        assert!(!text.contains("harbour at dawn") && !text.contains("Photo: Staff"));
        assert!(!text.contains("Other story"));
    }

    #[test]
    fn teasers_are_dropped_after_extraction_and_linked_prose_stays() {
        let doc = Document::from(
            r#"<article><p>Story text, with a <a href=/s>source</a> cited.</p>
            <p><strong>Related:</strong> <a href=/r>Ferry operators weigh winter timetable</a></p>
            <h3><a href=/h>Harbour fees rise for a third year</a></h3>
            <p><a href=/w>The council approved the budget on Tuesday.</a></p>
            <p>Documents: <a href=/d>https://example.org/minutes</a></p></article>"#,
        );
        strip(&doc);
        // The blocks sit on lines of their own in the source, as the
        // extractor would put them.
        let text = drop_teasers(&doc.select("article").text());
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "Story text, with a source cited.",
                "The council approved the budget on Tuesday.",
                "Documents: https://example.org/minutes"
            ]
        );
    }
}
