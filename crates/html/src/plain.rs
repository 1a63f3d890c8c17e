//! The text of a page too large for the readability extractor: every
//! element's text in document order, with a paragraph break around each
//! block. One pass over the tree, so linear in the page; the cleaner's
//! line rules for extracted text then remove what is page furniture.

use dom_query::{Document, NodeRef};

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "select", "button", "svg", "math",
];

/// Elements that begin and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The text of the page's body, blocks separated by blank lines.
pub fn block_text(doc: &Document) -> String {
    let mut out = String::new();
    let Some(body) = doc.body() else {
        return out;
    };
    // An explicit stack: (node, entering). No recursion, whatever the
    // depth.
    let mut stack: Vec<(NodeRef<'_>, bool)> = vec![(body, true)];
    while let Some((node, entering)) = stack.pop() {
        if node.is_text() {
            out.push_str(&node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIP.contains(&name.as_str()) {
            continue;
        }
        let block = BLOCKS.contains(&name.as_str());
        if block {
            out.push_str("\n\n");
        }
        if entering {
            if block {
                stack.push((node, false));
            }
            // Last child first, so that the first is taken first.
            stack.extend(node.children_it(true).map(|c| (c, true)));
        }
    }
    out
}

/// The depth of the deepest element of the page, walked without
/// recursion.
pub fn tree_depth(doc: &Document) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(NodeRef<'_>, usize)> = vec![(doc.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children_it(false)
                .filter(NodeRef::is_element)
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_scripts_are_skipped() {
        let doc = Document::from(
            "<html><body><h1>Title</h1><div><p>One <b>bold</b> line.</p><script>x()</script><p>Two.</p></div>tail</body></html>",
        );
        let text = block_text(&doc);
        let paragraphs: Vec<&str> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(paragraphs, ["Title", "One bold line.", "Two.", "tail"]);
    }

    #[test]
    fn tree_depth_counts_the_elements_the_parser_built() {
        // html, body, div, p, b.
        let doc = Document::from("<div><p>a <b>b</b></p></div>");
        assert_eq!(tree_depth(&doc), 5);
    }
}
