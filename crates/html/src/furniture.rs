//! Page furniture inside the content element that readability keeps:
//! figure captions and photo credits, and lists of related stories. They
//! are removed from the tree before extraction, by general signals rather
//! than by site: the `figcaption` element and caption or credit classes
//! (short texts only), and lists whose items are nearly all link text.

use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

static CAPTION_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[\s_-])(caption|credit|photo-?credit|image-?credit|img-?credit|wp-caption-text)s?($|[\s_-])").unwrap()
});

/// Text length in characters, whitespace squashed.
fn text_len(n: &NodeRef) -> usize {
    n.text()
        .split_whitespace()
        .map(|w| w.chars().count() + 1)
        .sum()
}

/// Characters of text inside links.
fn link_len(n: &NodeRef) -> usize {
    n.descendants_it()
        .filter(|d| d.node_name().is_some_and(|t| t.as_ref() == "a"))
        .map(|a| text_len(&a))
        .sum()
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

/// Removes captions, credits and link lists from the page.
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
}
