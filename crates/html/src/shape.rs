//! The page's shape, bounded before it is parsed.
//!
//! The HTML parser and the extractor after it do work that grows with the
//! depth of the tree for every element (scope checks walk the stack of
//! open elements, scoring walks ancestors), so a page nested thousands
//! deep costs minutes, and one tag with a million attributes costs the
//! parser's duplicate check a quadratic time. One linear pass here reads
//! the tags as the parser's tokenizer would and follows the tree builder's
//! main rules for which elements are open (void elements, `<p>` closed by
//! a block, `<li>` by the next `<li>`, table cells and rows, end tags that
//! close only what is in scope), and:
//!
//! - refuses a page with more elements than the limit, before any tree
//!   is built;
//! - drops start tags that would open an element deeper than the depth
//!   limit, so that their content joins the element at the limit, as
//!   browsers flatten over-deep pages (Chromium at 512 levels);
//! - keeps only the first [`MAX_ATTRIBUTES`] attributes of a tag;
//! - when the page's text sits deeper on average than the extractor can
//!   afford (its cleaning reads each element's whole text, so its work
//!   is the text's length times its depth), closes what is open past
//!   [`COLLAPSED_DEPTH`] and opens nothing deeper from there on.
//!
//! The rules are those of the HTML standard's tree construction, reduced
//! to what changes the depth; where they are simplified, the estimate errs
//! towards deeper, so the bound holds.

use crate::{HtmlError, HtmlLimits};
use std::borrow::Cow;
use std::collections::HashMap;

/// The most attributes kept on one tag. Real tags have a few, rarely
/// over 30.
pub const MAX_ATTRIBUTES: usize = 256;

/// The page, bounded, and what bounding changed.
#[derive(Debug)]
pub struct Bounded<'a> {
    pub html: Cow<'a, str>,
    /// Start tags dropped because they opened an element past the depth
    /// limit.
    pub flattened: usize,
    /// Attributes dropped from tags that had more than [`MAX_ATTRIBUTES`].
    pub attributes_dropped: usize,
    /// Elements closed early because too much text sat too deep (see
    /// [`COLLAPSED_DEPTH`]).
    pub collapsed: usize,
    /// Bytes of text outside tags, comments and raw-text elements.
    pub text_bytes: usize,
    /// The deepest nesting of the bounded page, as estimated.
    pub depth: usize,
}

/// Bounds a page's depth and attributes and counts its elements. Linear
/// in the page.
pub fn bound<'a>(html: &'a str, limits: &HtmlLimits) -> Result<Bounded<'a>, HtmlError> {
    let bytes = html.as_bytes();
    let mut tree = OpenElements::new();
    let mut out = String::new();
    let mut copied = 0usize;
    let mut elements = 0usize;
    let (mut flattened, mut attributes_dropped, mut depth) = (0usize, 0usize, 0usize);
    let mut collapsed = 0usize;
    let mut text = TextDepth::default();
    let mut max_depth = limits.max_depth;
    let mut i = 0usize;
    loop {
        let lt = bytes[i..].iter().position(|&b| b == b'<');
        let segment_end = lt.map_or(bytes.len(), |p| i + p);
        if text.add(segment_end - i, tree.stack.len()) {
            // Too much text too deep: close what is open past
            // COLLAPSED_DEPTH before this text, and open nothing deeper
            // from here on.
            collapsed += tree.collapse_to(COLLAPSED_DEPTH, html, &mut out, &mut copied, i);
            max_depth = max_depth.min(COLLAPSED_DEPTH);
            text.restart(segment_end - i, tree.stack.len());
        }
        let Some(p) = lt else {
            break;
        };
        let start = i + p;
        let next = bytes.get(start + 1).copied();
        if bytes[start..].starts_with(b"<!--") {
            match comment_end(bytes, start + 4) {
                Some(end) => i = end,
                // A comment never closed runs to the end of the page.
                None => break,
            }
            continue;
        }
        if matches!(next, Some(b'!' | b'?')) {
            match bytes[start..].iter().position(|&b| b == b'>') {
                Some(e) => i = start + e + 1,
                None => break,
            }
            continue;
        }
        let closing = next == Some(b'/');
        let name_start = start + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let Some(tag) = read_tag(bytes, name_start) else {
            // A tag cut off by the end of the page is dropped by the
            // parser, and so is everything after it.
            break;
        };
        i = tag.end + 1;
        let name = tree.intern(&html[name_start..tag.name_end]);
        if closing {
            tree.end_tag(name);
            tree.write_implicit_ends(html, &mut out, &mut copied, start);
            continue;
        }
        let opens = tree.start_tag(name, tag.self_closing, max_depth);
        // Tags dropped for depth build nothing and cost nothing.
        if opens != Opens::TooDeep {
            elements += 1;
            if elements > limits.max_elements {
                return Err(HtmlError::TooManyElements {
                    limit: limits.max_elements,
                });
            }
        }
        tree.write_implicit_ends(html, &mut out, &mut copied, start);
        if opens == Opens::TooDeep {
            out.push_str(&html[copied..start]);
            copied = tag.end + 1;
            flattened += 1;
        } else if tag.attributes > MAX_ATTRIBUTES {
            out.push_str(&html[copied..tag.kept_end]);
            out.push_str(if tag.self_closing { "/>" } else { ">" });
            copied = tag.end + 1;
            attributes_dropped += tag.attributes - MAX_ATTRIBUTES;
        }
        let leaf = matches!(opens, Opens::Leaf | Opens::RawText);
        depth = depth.max(tree.stack.len() + usize::from(leaf));
        if opens == Opens::RawText {
            if let Kind::RawText(raw) = name.kind(&tree) {
                i = raw_text_end(bytes, raw, i);
            }
        }
    }
    let html = if copied == 0 && out.is_empty() {
        Cow::Borrowed(html)
    } else {
        out.push_str(&html[copied..]);
        Cow::Owned(out)
    };
    Ok(Bounded {
        html,
        flattened,
        attributes_dropped,
        collapsed,
        text_bytes: text.bytes,
        depth,
    })
}

/// The text of a page weighted by the depth it sits at. The extractor's
/// cleaning reads every element's whole text, so its work is the sum,
/// over the text's bytes, of their depth: a page that keeps megabytes of
/// text hundreds of elements deep costs minutes.
#[derive(Debug, Default)]
struct TextDepth {
    bytes: usize,
    weighted: u64,
    collapsed: bool,
}

/// The average depth text may sit at, weighted by its length, before
/// the page is collapsed. Text in real pages sits 10 to 30 deep.
const TEXT_DEPTH_BUDGET: u64 = 32;

/// Weighted text allowed beyond the budget, so that a small page with
/// some deep text is left as it is.
const TEXT_DEPTH_SLACK: u64 = 1 << 20;

/// The depth a collapsed page is closed back to and kept within.
pub const COLLAPSED_DEPTH: usize = 12;

impl TextDepth {
    /// Counts `len` bytes of text at `depth`. True when the page's text
    /// would then sit too deep, the first time only.
    fn add(&mut self, len: usize, depth: usize) -> bool {
        let bytes = (self.bytes + len) as u64;
        let weighted = self.weighted + len as u64 * depth as u64;
        if !self.collapsed && weighted > TEXT_DEPTH_BUDGET * bytes + TEXT_DEPTH_SLACK {
            self.collapsed = true;
            return true;
        }
        self.bytes += len;
        self.weighted = weighted;
        false
    }

    /// Counts the text again at the depth the page was collapsed to.
    fn restart(&mut self, len: usize, depth: usize) {
        self.bytes += len;
        self.weighted += len as u64 * depth as u64;
    }
}

/// Where a comment whose text starts at `from` ends (just after it), as
/// the tokenizer reads it: `<!-->` and `<!--->` are empty comments, and
/// `--!>` closes one as `-->` does.
fn comment_end(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut i = from;
    while let Some(dashes) = find(bytes, i, b"--") {
        match bytes.get(dashes + 2..) {
            Some([b'>', ..]) => return Some(dashes + 3),
            Some([b'!', b'>', ..]) => return Some(dashes + 4),
            _ => i = dashes + 1,
        }
    }
    None
}

/// The byte offset of `needle` in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Where the text of a raw-text element (script, style, textarea, title
/// and the like) ends: the next `</name`, case-insensitively, or the end
/// of the page. Its text holds no tags, whatever it looks like.
fn raw_text_end(bytes: &[u8], name: &str, from: usize) -> usize {
    if name == "script" {
        return script_end(bytes, from);
    }
    let mut i = from;
    while let Some(p) = find(bytes, i, b"</") {
        let after = p + 2;
        let candidate = bytes.get(after..after + name.len());
        let ends_name = !bytes
            .get(after + name.len())
            .is_some_and(u8::is_ascii_alphanumeric);
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) && ends_name {
            return p;
        }
        i = after;
    }
    bytes.len()
}

/// Where a script's text ends, following the tokenizer's script states:
/// after `<!--` the text is escaped, and a `<script` inside escaped text
/// starts a double-escaped stretch that a `</script` only ends the
/// stretch of; `-->` returns to plain script text.
fn script_end(bytes: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let tag_at = |i: usize, tag: &[u8]| {
        bytes
            .get(i..i + tag.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(tag))
            && matches!(
                bytes.get(i + tag.len()),
                Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
            )
    };
    let mut state = State::Data;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if tag_at(i, b"</script") => match state {
                State::DoubleEscaped => state = State::Escaped,
                _ => return i,
            },
            b'<' if state == State::Data && bytes[i..].starts_with(b"<!--") => {
                state = State::Escaped;
                i += 4;
                continue;
            }
            b'<' if state == State::Escaped && tag_at(i, b"<script") => {
                state = State::DoubleEscaped;
            }
            b'-' if state != State::Data && bytes[i..].starts_with(b"-->") => {
                state = State::Data;
                i += 3;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// A tag as the tokenizer reads it.
struct Tag {
    name_end: usize,
    /// The index of the closing `>`.
    end: usize,
    self_closing: bool,
    attributes: usize,
    /// Where the [`MAX_ATTRIBUTES`]th attribute ends.
    kept_end: usize,
}

/// Reads a tag whose name starts at `name_start`: the name, then the
/// attributes (quoted values may hold `>`), up to the closing `>`.
/// `None` when the page ends first.
fn read_tag(bytes: &[u8], name_start: usize) -> Option<Tag> {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut i = name_start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name_end = i;
    let (mut attributes, mut kept_end, mut self_closing) = (0usize, name_end, false);
    loop {
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                return Some(Tag {
                    name_end,
                    end: i,
                    self_closing,
                    attributes,
                    kept_end,
                })
            }
            b'/' => {
                self_closing = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        self_closing = false;
        // The name: a leading `=` belongs to it, as the tokenizer reads it.
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let mut j = i;
        while j < bytes.len() && is_space(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && is_space(bytes[j]) {
                j += 1;
            }
            match bytes.get(j)? {
                &q @ (b'"' | b'\'') => {
                    let close = bytes[j + 1..].iter().position(|&b| b == q)?;
                    i = j + 1 + close + 1;
                }
                _ => {
                    i = j;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
        attributes += 1;
        if attributes == MAX_ATTRIBUTES {
            kept_end = i;
        }
    }
}

/// What a start tag did to the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opens {
    /// It opened an element that later content nests in.
    Element,
    /// A void, self-closing or merged element: nothing nests in it.
    Leaf,
    /// An element whose content is text up to its end tag.
    RawText,
    /// It would have opened an element past the depth limit.
    TooDeep,
}

/// The names the rules refer to, interned once.
#[derive(Debug, Clone, Copy, Default)]
struct Known {
    p: Name,
    li: Name,
    dd: Name,
    dt: Name,
    tr: Name,
    td: Name,
    th: Name,
    option: Name,
    optgroup: Name,
    headings: [Name; 6],
}

/// Which open element a start tag closes first, besides `<p>`.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// `li` closes an `li` in list-item scope.
    ListItem,
    /// `dd` and `dt` close either.
    Definition,
    /// `tr` closes the open row of its table.
    Row,
    /// `td` and `th` close the open cell of their row.
    Cell,
    /// `option` closes an `option` that is the current element.
    Option,
    /// `optgroup` closes a current `option`, then a current `optgroup`.
    Optgroup,
    /// `a`, `nobr` and `button` close an open element of their own name.
    ClosesItself(&'static [Mark]),
    /// A `form` inside a form is ignored.
    Form,
    None,
}

/// What the tree builder's rules need to know of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Void,
    /// Holds text only, up to its end tag.
    RawText(&'static str),
    /// Merged into the existing element when already open.
    Root,
    Other,
}

/// An element name, interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
struct Name(u32);

impl Name {
    fn kind(self, tree: &OpenElements) -> Kind {
        tree.info(self).kind
    }
}

/// Groups of elements whose latest open position the rules look at.
#[derive(Debug, Clone, Copy)]
enum Mark {
    /// Elements that bound "in scope": applet, caption, html, table, td,
    /// th, marquee, object, template, foreign roots and select.
    Scope = 0,
    /// The HTML standard's "special" elements: an end tag of an ordinary
    /// element does not close past one of them.
    Special,
    /// `ol`, `ul`: bound the scope of `li`.
    List,
    Table,
    Row,
    Button,
    /// `svg`, `math`: inside them a `/>` closes the element.
    Foreign,
    /// Elements inside svg or math whose content is parsed as HTML:
    /// `foreignObject`, `desc`, `title`, `mi`, `mo`, `mn`, `ms`, `mtext`,
    /// `annotation-xml`.
    IntegrationPoint,
    /// Special elements other than `address`, `div` and `p`: an `li`,
    /// `dd` or `dt` start tag does not close an item past one of them.
    Blocking,
}

const MARKS: usize = 9;

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];
/// Scope boundaries: the standard's, the roots of foreign content, and
/// `select`, which the parser (following the standard's newer select
/// parsing) lets hold any element and closes nothing past.
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg",
    "math", "select",
];
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "li",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "noscript",
    "object",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];
/// Start tags that close an open `<p>` first.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "table",
    "li",
    "dd",
    "dt",
    "plaintext",
];
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
/// Start tags that end svg or math content (the standard's list, without
/// `font`, which does so only with some attributes).
const BREAKS_OUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// What the rules need to know of an element name, found once when the
/// name is first seen.
struct NameInfo {
    /// The name in lower case.
    lower: String,
    kind: Kind,
    /// Which marks it carries, as bits.
    marks: u16,
    closes_p: bool,
    heading: bool,
    formatting: bool,
    /// An HTML tag that ends foreign content when it appears inside it.
    breaks_out: bool,
    /// A part of a table, ignored outside one.
    table_part: bool,
    rule: Rule,
}

/// The stack of open elements, with the positions of each name and of
/// each group of [`Mark`]s kept beside it, so that every rule is a
/// constant-time look at the latest position instead of a walk down the
/// stack.
struct OpenElements {
    names: HashMap<String, Name>,
    /// What the rules need to know of each interned name.
    info: Vec<NameInfo>,
    known: Known,
    stack: Vec<Name>,
    /// Stack positions of each name, in order.
    positions: Vec<Vec<usize>>,
    /// Stack positions of each mark's elements, in order.
    marks: [Vec<usize>; MARKS],
    /// Formatting elements (`b`, `i`, `a`...) the last tag closed without
    /// their own end tag, innermost first. The parser keeps such elements
    /// in its list of active formatting elements and opens them again
    /// for the next text, which a page can use to make every short tag
    /// rebuild thousands of elements; [`bound`] writes their end tags
    /// out so that the list stays empty of them.
    implicitly_closed: Vec<Name>,
}

impl OpenElements {
    fn new() -> OpenElements {
        let mut tree = OpenElements {
            names: HashMap::new(),
            info: Vec::new(),
            known: Known::default(),
            stack: Vec::new(),
            positions: Vec::new(),
            marks: Default::default(),
            implicitly_closed: Vec::new(),
        };
        let mut n = |s: &str| tree.intern(s);
        let known = Known {
            p: n("p"),
            li: n("li"),
            dd: n("dd"),
            dt: n("dt"),
            tr: n("tr"),
            td: n("td"),
            th: n("th"),
            option: n("option"),
            optgroup: n("optgroup"),
            headings: [n("h1"), n("h2"), n("h3"), n("h4"), n("h5"), n("h6")],
        };
        tree.known = known;
        tree
    }

    fn info(&self, name: Name) -> &NameInfo {
        &self.info[name.0 as usize]
    }

    fn intern(&mut self, raw: &str) -> Name {
        if let Some(&name) = self.names.get(raw) {
            return name;
        }
        let lower = raw.to_ascii_lowercase();
        if let Some(&name) = self.names.get(&lower) {
            self.names.insert(raw.to_string(), name);
            return name;
        }
        let name = Name(self.info.len() as u32);
        let l = lower.as_str();
        let kind = if VOID.contains(&l) {
            Kind::Void
        } else if let Some(r) = RAW_TEXT.iter().find(|r| **r == l) {
            Kind::RawText(r)
        } else if matches!(l, "html" | "head" | "body") {
            Kind::Root
        } else {
            Kind::Other
        };
        let mut marks = 0u16;
        let mut mark = |m: Mark, yes: bool| {
            if yes {
                marks |= 1 << m as u16;
            }
        };
        mark(Mark::Scope, SCOPE.contains(&l));
        mark(Mark::Special, SPECIAL.contains(&l));
        mark(Mark::List, matches!(l, "ol" | "ul"));
        mark(Mark::Table, l == "table");
        mark(Mark::Row, l == "tr");
        mark(Mark::Button, l == "button");
        mark(Mark::Foreign, matches!(l, "svg" | "math"));
        mark(
            Mark::IntegrationPoint,
            matches!(
                l,
                "foreignobject"
                    | "desc"
                    | "title"
                    | "mi"
                    | "mo"
                    | "mn"
                    | "ms"
                    | "mtext"
                    | "annotation-xml"
            ),
        );
        mark(
            Mark::Blocking,
            SPECIAL.contains(&l) && !matches!(l, "address" | "div" | "p"),
        );
        self.info.push(NameInfo {
            kind,
            marks,
            closes_p: CLOSES_P.contains(&l),
            heading: HEADINGS.contains(&l),
            formatting: is_formatting(l),
            breaks_out: BREAKS_OUT.contains(&l),
            table_part: matches!(
                l,
                "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup"
            ),
            rule: match l {
                "li" => Rule::ListItem,
                "dd" | "dt" => Rule::Definition,
                "tr" => Rule::Row,
                "td" | "th" => Rule::Cell,
                "option" => Rule::Option,
                "optgroup" => Rule::Optgroup,
                "a" | "nobr" => Rule::ClosesItself(&[Mark::Scope, Mark::Table]),
                "button" => Rule::ClosesItself(&[Mark::Scope]),
                "form" => Rule::Form,
                _ => Rule::None,
            },
            lower: String::new(),
        });
        self.positions.push(Vec::new());
        if raw != lower {
            self.names.insert(lower.clone(), name);
        }
        self.info[name.0 as usize].lower = lower;
        self.names.insert(raw.to_string(), name);
        name
    }

    fn push(&mut self, name: Name) {
        let at = self.stack.len();
        self.stack.push(name);
        self.positions[name.0 as usize].push(at);
        let bits = self.info(name).marks;
        for (m, marks) in self.marks.iter_mut().enumerate() {
            if bits & (1 << m) != 0 {
                marks.push(at);
            }
        }
    }

    fn pop(&mut self) {
        let Some(name) = self.stack.pop() else {
            return;
        };
        if self.info(name).formatting {
            self.implicitly_closed.push(name);
        }
        self.positions[name.0 as usize].pop();
        let bits = self.info(name).marks;
        for (m, marks) in self.marks.iter_mut().enumerate() {
            if bits & (1 << m) != 0 {
                marks.pop();
            }
        }
    }

    /// Pops elements until the one at `at` is gone.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            self.pop();
        }
    }

    fn last(&self, name: Name) -> Option<usize> {
        self.positions[name.0 as usize].last().copied()
    }

    fn last_mark(&self, mark: Mark) -> Option<usize> {
        self.marks[mark as usize].last().copied()
    }

    /// The position of the latest open `name` when no element of the
    /// given boundary marks was opened after it.
    fn in_scope(&self, name: Name, bounds: &[Mark]) -> Option<usize> {
        let at = self.last(name)?;
        let boundary = bounds.iter().filter_map(|&m| self.last_mark(m)).max();
        // A boundary element is in its own scope.
        (boundary.is_none_or(|b| at >= b)).then_some(at)
    }

    fn current(&self) -> Option<Name> {
        self.stack.last().copied()
    }

    /// Closes every element open past `depth`, writing their end tags
    /// (innermost first) before `at`. Returns how many were closed.
    fn collapse_to(
        &mut self,
        depth: usize,
        html: &str,
        out: &mut String,
        copied: &mut usize,
        at: usize,
    ) -> usize {
        if self.stack.len() <= depth {
            return 0;
        }
        out.push_str(&html[*copied..at]);
        let mut closed = 0;
        while let Some(&name) = self.stack.last().filter(|_| self.stack.len() > depth) {
            out.push_str("</");
            out.push_str(&self.info(name).lower);
            out.push('>');
            self.pop();
            closed += 1;
        }
        // Their end tags are written: none is closed implicitly.
        self.implicitly_closed.clear();
        *copied = at;
        closed
    }

    /// Writes end tags for the formatting elements the tag at `at`
    /// closed implicitly, just before that tag.
    fn write_implicit_ends(&mut self, html: &str, out: &mut String, copied: &mut usize, at: usize) {
        if self.implicitly_closed.is_empty() {
            return;
        }
        out.push_str(&html[*copied..at]);
        for &name in &self.implicitly_closed {
            out.push_str("</");
            out.push_str(&self.info(name).lower);
            out.push('>');
        }
        self.implicitly_closed.clear();
        *copied = at;
    }

    /// Whether the current element is inside an integration point of the
    /// foreign content rooted at `root`, where HTML is parsed as HTML:
    /// `mi`, `mo`, `mn`, `ms`, `mtext` and `annotation-xml` in math,
    /// `foreignObject`, `desc` and `title` in svg only.
    fn in_integration_point(&self, root: usize) -> bool {
        let Some(at) = self.last_mark(Mark::IntegrationPoint).filter(|&p| p > root) else {
            return false;
        };
        let svg_only = matches!(
            self.info(self.stack[at]).lower.as_str(),
            "foreignobject" | "desc" | "title"
        );
        !svg_only || self.info(self.stack[root]).lower == "svg"
    }

    fn start_tag(&mut self, name: Name, self_closing: bool, max_depth: usize) -> Opens {
        if let Some(root) = self.last_mark(Mark::Foreign) {
            if self.in_integration_point(root) {
                // Inside foreignObject, mtext and the like, HTML is parsed
                // as HTML: the rules below apply.
            } else if self.info(name).breaks_out {
                // An HTML block or formatting tag ends svg or math
                // content, as the parser does.
                self.pop_to(root);
            } else {
                // Inside svg or math, `/>` closes the element, no element
                // holds raw text, and the HTML rules of implied ends do not
                // apply; inside an integration point they would, and not
                // applying them errs towards deeper.
                return if self_closing {
                    Opens::Leaf
                } else {
                    self.open(name, max_depth)
                };
            }
        }
        match name.kind(self) {
            Kind::Void => return Opens::Leaf,
            // Inside svg or math, outside an integration point, a `title`
            // or `script` is a foreign element whose content is parsed as
            // tags: opened as an element, not skipped as text.
            Kind::RawText(_)
                if self
                    .last_mark(Mark::Foreign)
                    .is_none_or(|root| self.in_integration_point(root)) =>
            {
                return Opens::RawText
            }
            Kind::Root if self.last(name).is_some() => return Opens::Leaf,
            _ => {}
        }
        if self.info(name).table_part && self.last_mark(Mark::Table).is_none() {
            // A cell, row or section tag outside a table is ignored.
            return Opens::Leaf;
        }
        if self.info(name).closes_p {
            let p = self.known.p;
            if let Some(at) = self.in_scope(p, &[Mark::Scope, Mark::Button]) {
                self.pop_to(at);
            }
        }
        if self.info(name).heading && self.current().is_some_and(|c| self.info(c).heading) {
            self.pop();
        }
        let k = self.known;
        let close = match self.info(name).rule {
            Rule::ListItem => self.in_scope(k.li, &[Mark::Blocking]),
            Rule::Definition => [k.dd, k.dt]
                .iter()
                .filter_map(|&n| self.in_scope(n, &[Mark::Blocking]))
                .max(),
            Rule::Row => self.in_scope(k.tr, &[Mark::Table]),
            // A cell is a scope boundary itself: look for one opened after
            // the current row or table.
            Rule::Cell => [k.td, k.th]
                .iter()
                .filter_map(|&n| {
                    let at = self.last(n)?;
                    let bound = [Mark::Table, Mark::Row]
                        .iter()
                        .filter_map(|&m| self.last_mark(m))
                        .max();
                    bound.is_none_or(|b| at > b).then_some(at)
                })
                .min(),
            Rule::Option => (self.current() == Some(k.option)).then(|| self.stack.len() - 1),
            Rule::Optgroup => {
                if self.current() == Some(k.option) {
                    self.pop();
                }
                (self.current() == Some(k.optgroup)).then(|| self.stack.len() - 1)
            }
            Rule::ClosesItself(bounds) => self.in_scope(name, bounds).filter(|&at| {
                // For `a` and `nobr` the parser runs its adoption agency,
                // which with a block opened inside leaves as many
                // elements open as before: counted as closing nothing.
                !self.info(name).formatting || self.last_mark(Mark::Special).is_none_or(|s| s < at)
            }),
            Rule::Form if self.last(name).is_some() => return Opens::Leaf,
            Rule::Form | Rule::None => None,
        };
        if let Some(at) = close {
            self.pop_to(at);
        }
        self.open(name, max_depth)
    }

    fn open(&mut self, name: Name, max_depth: usize) -> Opens {
        if self.stack.len() >= max_depth {
            return Opens::TooDeep;
        }
        self.push(name);
        Opens::Element
    }

    fn end_tag(&mut self, name: Name) {
        if name.kind(self) == Kind::Root {
            // Content after `</body>` still goes into the body.
            return;
        }
        if let Some(root) = self.last_mark(Mark::Foreign) {
            // An end tag inside svg or math closes its element there;
            // one whose element is outside is read by the HTML rules.
            if let Some(at) = self.last(name).filter(|&at| at >= root) {
                self.pop_to(at);
                return;
            }
        }
        if matches!(self.info(name).rule, Rule::Form) {
            // `</form>` takes the form out of the stack and leaves what
            // was opened inside it open: counted here as closing nothing.
            return;
        }
        let at = if self.info(name).heading {
            self.known
                .headings
                .iter()
                .filter_map(|&h| self.in_scope(h, &[Mark::Scope]))
                .max()
        } else if name == self.known.li {
            self.in_scope(name, &[Mark::Scope, Mark::List])
        } else if name == self.known.p {
            self.in_scope(name, &[Mark::Scope, Mark::Button])
        } else if self.info(name).formatting {
            let at = self.in_scope(name, &[Mark::Scope]);
            // With a block opened inside it, the parser's adoption agency
            // moves that block out and leaves as many elements open as
            // before: counted here as closing nothing.
            if at.is_some_and(|at| self.last_mark(Mark::Special).is_some_and(|s| s > at)) {
                return;
            }
            if let Some(at) = at {
                self.pop_to(at);
                // Its own end tag closed it: not implicit.
                self.implicitly_closed.pop();
            }
            return;
        } else if self.info(name).marks & (1 << Mark::Special as u16) != 0 {
            self.in_scope(name, &[Mark::Scope])
        } else {
            // An ordinary element closes only when no special element
            // was opened inside it.
            self.in_scope(name, &[Mark::Special])
        };
        if let Some(at) = at {
            self.pop_to(at);
        }
    }
}

fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(max_depth: usize) -> HtmlLimits {
        HtmlLimits {
            max_depth,
            ..HtmlLimits::default()
        }
    }

    fn depth(html: &str) -> usize {
        bound(html, &limits(100_000)).unwrap().depth
    }

    #[test]
    fn depth_follows_the_tree_builders_rules() {
        let cases: &[(&str, usize)] = &[
            ("a < b and c > d", 0),
            ("<html><body><p>a<br>b</p><img src=x/></body></html>", 4),
            // `/>` does not close an HTML element: this nests 500 deep.
            (&"<div/>".repeat(500), 500),
            // A `<p>` closes the open one: 1,500 paragraphs side by side.
            (&"<p>text ".repeat(1500), 1),
            (&format!("<ul>{}</ul>", "<li>item ".repeat(1000)), 2),
            ("<dl><dt>a<dd>b<dt>c<dd>d</dl>", 2),
            ("<table><tr><td>a<td>b<tr><td>c<th>d</table>", 3),
            ("<select><option>a<option>b<optgroup><option>c</select>", 3),
            ("<h1>a<h2>b</h2>", 1),
            ("<a href=x>one<a href=y>two", 1),
            ("<form><form><div>x</div></form>", 2),
            // `</span>` does not close past the `<div>` opened inside it.
            ("<span><div></span><b>x", 3),
            ("<DIV><div></DIV></div><p>", 2),
            ("<svg><circle/><circle/></svg>", 2),
            ("<!-- <div><div><div> --><p>x", 1),
            ("<!--><div><div>", 2),
            ("<!---><div><div>", 2),
            ("<!-- a --!><div>", 1),
            ("<a title=\"x>y\"><b>t</b></a>", 2),
            ("<title><div><div></title><p>", 1),
            // `</script>` inside a double-escaped stretch does not end it.
            ("<script><!--<script></script><div><div></script><p>", 1),
            ("<html><body><html><body><p>x</body></html>", 3),
        ];
        for (html, expected) in cases {
            let short: String = html.chars().take(60).collect();
            assert_eq!(depth(html), *expected, "{short}");
        }
    }

    #[test]
    fn start_tags_past_the_depth_limit_are_dropped_and_their_text_kept() {
        let html = format!("{}deep text", "<div>".repeat(50));
        let b = bound(&html, &limits(10)).unwrap();
        assert_eq!(b.flattened, 40);
        assert_eq!(b.depth, 10);
        assert_eq!(b.html, format!("{}deep text", "<div>".repeat(10)));
        // Closed elements make room again.
        let html = "<div><div></div></div>".repeat(100);
        let b = bound(&html, &limits(2)).unwrap();
        assert_eq!(b.flattened, 0);
    }

    /// Formatting elements closed by a block's end tag stay in the
    /// parser's list of active formatting elements and are opened again
    /// for every later text: 1,000 of them and 100 short blocks after
    /// would make 100,000 elements. Their end tags are written out.
    #[test]
    fn formatting_elements_closed_implicitly_get_their_end_tags() {
        let opens: String = (0..1000).map(|i| format!("<b id={i}>")).collect();
        let html = format!("<div>{opens}text</div>{}", "<div>x</div>".repeat(100));
        let b = bound(&html, &limits(10_000)).unwrap();
        assert_eq!(b.html.matches("</b>").count(), 1000);
        assert!(b
            .html
            .contains(&format!("text{}</div>", "</b>".repeat(1000))));
        // An element closed by its own end tag needs nothing.
        let plain = "<p><b>bold</b> and <i>italic</i></p>";
        assert_eq!(bound(plain, &limits(10)).unwrap().html, plain);
        // A paragraph closed by the next one closes its formatting too.
        let b = bound("<p><b>bold<p>next", &limits(10)).unwrap();
        assert_eq!(b.html, "<p><b>bold</b><p>next");
    }

    #[test]
    fn tags_with_too_many_attributes_keep_the_first() {
        let attrs: String = (0..1000).map(|i| format!(" a{i}=\"v>{i}\"")).collect();
        let html = format!("<p{attrs}>text</p>");
        let b = bound(&html, &limits(10)).unwrap();
        assert_eq!(b.attributes_dropped, 1000 - MAX_ATTRIBUTES);
        let kept: String = (0..MAX_ATTRIBUTES)
            .map(|i| format!(" a{i}=\"v>{i}\""))
            .collect();
        assert_eq!(b.html, format!("<p{kept}>text</p>"));
    }

    #[test]
    fn too_many_elements_are_refused_before_parsing() {
        let html = "<i>x</i>".repeat(1001);
        let small = HtmlLimits {
            max_elements: 1000,
            ..HtmlLimits::default()
        };
        assert!(matches!(
            bound(&html, &small),
            Err(HtmlError::TooManyElements { limit: 1000 })
        ));
        assert!(bound(&"<i>x</i>".repeat(1000), &small).is_ok());
    }

    #[test]
    fn a_tag_cut_off_by_the_end_of_the_page_ends_the_scan() {
        for html in [
            "<p>text<a href=\"x",
            "<p>text<div",
            "<p><!-- open",
            "<p><script>x",
        ] {
            assert!(bound(html, &limits(10)).is_ok(), "{html}");
        }
    }
}
