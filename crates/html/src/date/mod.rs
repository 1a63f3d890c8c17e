//! The publication date of a page, found the way htmldate describes its
//! method (our own code): structured data first (JSON-LD, microdata, the
//! meta tags of every common vendor), then the URL path, then elements
//! marked up as dates (`<time>`, classes and ids such as "date",
//! "published", "byline", "post-meta"), then dated lines near the
//! headline. The original date is preferred to the updated one; dates of
//! comments and related stories are never read; a date after the fetch
//! (or today) or before 1995 is not plausible.

mod months;
pub mod parse;

use chrono::{NaiveDate, Utc};
use dom_query::{Document, NodeRef};
use parse::{find_dates, first_date, relative_date, DayOrder};
use regex::Regex;
use std::sync::LazyLock;
use storyline_model::PartialDate;

pub use parse::compact_date;

/// What is known about a page besides its markup.
#[derive(Debug, Clone, Default)]
pub struct PageContext {
    /// Where the page was fetched from.
    pub url: Option<String>,
    /// The day it was fetched (a crawl or HTTP date): nothing published
    /// later is plausible, and relative dates ("2 days ago") count from it.
    pub fetched: Option<PartialDate>,
}

/// How dates on one page are read and bounded.
pub struct Reader<'d> {
    doc: &'d Document,
    language: Option<String>,
    /// The day and month order and why (the page's language or its other
    /// dates), found only when a date needs it.
    order: std::cell::OnceCell<(DayOrder, String)>,
    reference: NaiveDate,
    fetched_known: bool,
    earliest: NaiveDate,
    latest: NaiveDate,
}

impl<'d> Reader<'d> {
    pub fn new(doc: &'d Document, language: Option<&str>, ctx: &PageContext) -> Reader<'d> {
        let fetched = ctx.fetched.and_then(|d| d.to_naive());
        let reference = fetched.unwrap_or_else(|| Utc::now().date_naive());
        Reader {
            doc,
            language: language.map(str::to_string),
            order: std::cell::OnceCell::new(),
            reference,
            fetched_known: fetched.is_some(),
            earliest: NaiveDate::from_ymd_opt(1995, 1, 1).expect("valid"),
            // A day of slack: the page's time zone may be ahead of ours.
            latest: reference.succ_opt().unwrap_or(reference),
        }
    }

    fn order(&self) -> &(DayOrder, String) {
        self.order
            .get_or_init(|| day_order(self.doc, self.language.as_deref()))
    }

    /// Whether a date could be the page's: a full date, not before 1995,
    /// not after the fetch (or tomorrow).
    pub fn plausible(&self, d: &PartialDate) -> bool {
        d.to_naive()
            .is_some_and(|n| n >= self.earliest && n <= self.latest)
    }

    /// A machine-written value (a meta tag, an attribute): ISO first, then
    /// any written date, then eight digits.
    pub fn machine(&self, raw: &str) -> Option<PartialDate> {
        let raw = raw.trim();
        let d = raw
            .get(..10)
            .and_then(|s| s.parse::<PartialDate>().ok())
            .or_else(|| raw.parse().ok())
            .filter(|d: &PartialDate| d.to_naive().is_some())
            .or_else(|| first_date(raw, self.order().0, self.reference).map(|h| h.date))
            .or_else(|| compact_date(raw))
            .or_else(|| unix_seconds(raw))?;
        self.plausible(&d).then_some(d)
    }

    /// A written date in a short text (an element's text, a byline), or a
    /// relative one when the fetch day is known. Says whether the day and
    /// month order had to be assumed.
    fn written(&self, text: &str) -> Option<(PartialDate, bool)> {
        let hits = find_dates(text, self.order().0, self.reference);
        if let Some(h) = pick_original(text, &hits).filter(|h| self.plausible(&h.date)) {
            return Some((h.date, h.ambiguous));
        }
        if self.fetched_known && text.chars().count() <= 80 {
            return relative_date(text, self.reference)
                .filter(|d| self.plausible(d))
                .map(|d| (d, false));
        }
        None
    }
}

/// Seconds since 1970 (some vendors' meta tags), read only in the range
/// of plausible years.
fn unix_seconds(raw: &str) -> Option<PartialDate> {
    let digits = raw.trim();
    if !(9..=13).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut n: i64 = digits.parse().ok()?;
    if digits.len() == 13 {
        n /= 1000;
    }
    chrono::DateTime::from_timestamp(n, 0).map(|t| t.date_naive().into())
}

static UPDATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(updated|modified|last edited|aktualisiert|geändert|mis à jour|mise à jour|actualizado|aggiornato|atualizado|bijgewerkt)\W*$").unwrap()
});

/// Of several dates in one text, the original: a date right after an
/// "updated" label loses to any other, and the earliest of the rest wins
/// ("Published 3 May 2024, updated 5 May 2024").
fn pick_original<'h>(text: &str, hits: &'h [parse::Hit]) -> Option<&'h parse::Hit> {
    let after_update = |h: &parse::Hit| {
        let before = &text[..h.start];
        let from = before.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
        UPDATED_LABEL.is_match(before[from..].trim_end_matches([' ', ':', ',']))
            || UPDATED_LABEL.is_match(&before[from..])
    };
    hits.iter()
        .filter(|h| !after_update(h))
        .min_by_key(|h| h.date)
        .or_else(|| hits.first())
}

/// The day and month order of numeric dates on this page: from dates on
/// it that can only be read one way, else from its language.
fn day_order(doc: &Document, language: Option<&str>) -> (DayOrder, String) {
    let lang = language.unwrap_or("").to_lowercase().replace('_', "-");
    // Languages other than English write the day first everywhere we
    // read; only English pages (and pages without a language) need the
    // evidence of their other dates, which costs a pass over the text.
    if !lang.is_empty() && !lang.starts_with("en") {
        return (DayOrder::DayFirst, format!("page language {lang}"));
    }
    static NUMERIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(\d{1,2})[./-](\d{1,2})[./-](?:\d{4}|\d{2})\b").unwrap());
    let (mut day_first, mut month_first) = (0, 0);
    let text = doc.select("body").text();
    for c in NUMERIC.captures_iter(&text).take(200) {
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        if a > 12 && b <= 12 {
            day_first += 1;
        } else if b > 12 && a <= 12 {
            month_first += 1;
        }
    }
    if day_first > month_first {
        return (DayOrder::DayFirst, "other dates on the page".into());
    }
    if month_first > day_first {
        return (DayOrder::MonthFirst, "other dates on the page".into());
    }
    if lang.starts_with("en-us") || lang == "en" || lang.starts_with("en-ph") {
        (DayOrder::MonthFirst, format!("page language {lang}"))
    } else if lang.is_empty() {
        (
            DayOrder::DayFirst,
            "no page language; day first assumed".into(),
        )
    } else {
        (DayOrder::DayFirst, format!("page language {lang}"))
    }
}

/// A date from the URL path: `/2024/06/30/`, `/2024-06-30-slug`,
/// `/20240630/`.
pub fn date_in_url(url: &str) -> Option<PartialDate> {
    static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
            .unwrap()
    });
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    let path = path.split(['?', '#']).next().unwrap_or("");
    if let Some(c) = SLASHED.captures(path) {
        return PartialDate::ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    compact_date(path)
}

/// How a marked element relates to the article's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Published,
    Plain,
    Updated,
}

static PUBLISHED_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)publish|posted|created|pubdate|erstellt|veröffentlicht|publié|publicado|pubblicato|gepubliceerd").unwrap()
});
static UPDATED_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)updat|modif|edited|aktualisiert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt").unwrap()
});
static DATE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)date|time|publish|posted|byline|post-?meta|entry-?meta|article-?meta|meta-?info|dateline|timestamp|datum|fecha|data").unwrap()
});
/// Containers whose dates are not the article's.
static FOREIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)comment|related|recommend|sidebar|widget|popular|trending|more-?stories|read-?more|teaser|promo|newsletter|also-?read|next-?(?:post|article)|prev|reply|disqus|respon[sd]|footer|breadcrumb|weather|ticker|masthead|topbar|top-bar|header-date|today").unwrap()
});

fn attrs_of(n: &NodeRef) -> String {
    let mut s = String::new();
    for key in ["class", "id", "itemprop", "rel", "name"] {
        if let Some(v) = n.attr(key) {
            s.push_str(&v);
            s.push(' ');
        }
    }
    s
}

/// Whether an element sits in comments, related stories, a sidebar or a
/// page footer. The `<body>` and `<html>` elements are not asked: their
/// classes describe the whole page's layout (WordPress themes put
/// `offcanvas-sidebar-mobile` or `comments-open` there), so matching them
/// would make every date on such a page foreign.
pub(crate) fn in_foreign_part(n: &NodeRef) -> bool {
    std::iter::once(*n)
        .chain(n.ancestors_it(Some(40)))
        .take_while(|a| {
            a.node_name()
                .is_none_or(|t| !matches!(t.as_ref(), "body" | "html"))
        })
        .any(|a| {
            let name = a.node_name().unwrap_or_default();
            matches!(name.as_ref(), "aside" | "footer" | "nav") || FOREIGN.is_match(&attrs_of(&a))
        })
}

/// One date found in a marked element or a line near the headline.
#[derive(Clone)]
struct Candidate {
    date: PartialDate,
    kind: Kind,
    /// Distance, in elements, from the headline; after it counts less.
    distance: usize,
    source: String,
    assumed_order: bool,
}

/// The publication date from the page's elements and its text near the
/// headline, with a description of where it came from and how sure.
/// `title` is the headline already chosen for the page; it finds the
/// headline's element on pages whose headline is not an `<h1>`.
pub fn from_elements(
    doc: &Document,
    reader: &Reader,
    title: Option<&str>,
) -> Option<(PartialDate, String)> {
    let all = doc.select("body *");
    let nodes = all.nodes();
    let headline = headline_index(nodes, title);
    let mut found: Vec<Candidate> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        let name = n.node_name().unwrap_or_default();
        let attrs = attrs_of(n);
        let is_time = name.as_ref() == "time";
        let marked = is_time
            || attrs.to_lowercase().contains("datepublished")
            || (DATE_MARK.is_match(&attrs) && !attrs.to_lowercase().contains("update"))
            || (UPDATED_MARK.is_match(&attrs) && DATE_MARK.is_match(&attrs))
            || n.has_attr("pubdate");
        if !marked {
            continue;
        }
        if in_foreign_part(n) {
            continue;
        }
        let text = n.text();
        let text = text.trim();
        if text.chars().count() > 240 {
            continue;
        }
        let machine = [
            "datetime",
            "content",
            "title",
            "data-date",
            "data-timestamp",
        ]
        .iter()
        .find_map(|a| n.attr(a).and_then(|v| reader.machine(&v)).map(|d| (d, *a)));
        let (date, how, assumed) = match machine {
            Some((d, a)) => (d, format!("<{name} {a}>"), false),
            None => match reader.written(text) {
                Some((d, assumed)) => (d, format!("<{name}> text “{}”", clip(text)), assumed),
                None => continue,
            },
        };
        let label = format!("{attrs} {text}");
        let kind = if n.has_attr("pubdate") || PUBLISHED_MARK.is_match(&label) {
            if UPDATED_MARK.is_match(&attrs) {
                Kind::Updated
            } else {
                Kind::Published
            }
        } else if UPDATED_MARK.is_match(&label) {
            Kind::Updated
        } else {
            Kind::Plain
        };
        let classes = n
            .attr("class")
            .or_else(|| n.attr("itemprop"))
            .map(|c| format!(" .{}", c.split_whitespace().next().unwrap_or("")))
            .unwrap_or_default();
        found.push(Candidate {
            date,
            kind,
            distance: distance(i, headline),
            source: format!("{how}{classes}"),
            assumed_order: assumed,
        });
    }
    if let Some(best) = choose(&found) {
        return Some((best.date, describe(best, "marked element", reader)));
    }
    let line = near_headline(nodes, headline, reader)?;
    Some((line.date, describe(&line, "text near the headline", reader)))
}

fn describe(c: &Candidate, what: &str, reader: &Reader) -> String {
    let sure = match (c.kind, c.assumed_order) {
        (_, true) => format!("guess: day and month order from {}", reader.order().1),
        (Kind::Updated, _) => "guess: only an updated date was found".into(),
        (Kind::Published, _) => "likely".into(),
        (Kind::Plain, _) => "likely".into(),
    };
    format!("{what} {} ({sure})", c.source)
}

fn clip(text: &str) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > 60 {
        t.chars().take(60).collect::<String>() + "…"
    } else {
        t
    }
}

fn distance(i: usize, headline: Option<usize>) -> usize {
    match headline {
        // Dates above the headline (a kicker line) are common but less so
        // than below it: they count double.
        Some(h) if i < h => (h - i) * 2,
        Some(h) => i - h,
        None => i,
    }
}

/// The best candidate: a published-marked one before a plain one before
/// an updated one, the nearest the headline first.
fn choose(found: &[Candidate]) -> Option<&Candidate> {
    found.iter().min_by_key(|c| (c.kind, c.distance))
}

/// The index of the headline among the body's elements: the first `<h1>`
/// inside an `<article>` or `<main>`, else the innermost element whose
/// text is the page's headline (many sites set it in a `<p>`, an `<h2>`
/// or a `<dt>` and keep `<h1>` for the logo), else the first `<h1>` with
/// any text.
fn headline_index(nodes: &[NodeRef], title: Option<&str>) -> Option<usize> {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let h1s: Vec<usize> = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.node_name().is_some_and(|t| t.as_ref() == "h1"))
        .filter(|(_, n)| !n.text().trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    let in_article = h1s.iter().copied().find(|&i| {
        nodes[i].ancestors_it(Some(30)).any(|a| {
            a.node_name()
                .is_some_and(|t| matches!(t.as_ref(), "article" | "main"))
        })
    });
    if in_article.is_some() {
        return in_article;
    }
    let titled = title.map(squash).filter(|t| !t.is_empty()).and_then(|t| {
        let same = |n: &NodeRef| squash(&n.text()) == t;
        nodes
            .iter()
            .position(|n| same(n) && !n.children().iter().any(|c| c.is_element() && same(c)))
    });
    titled.or(h1s.first().copied())
}

static PUBLISHED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(published|posted|first published|on|by|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|publicada)\b").unwrap()
});

/// A dated short line just below (or just above) the headline: a byline,
/// "Published March 4, 2025", "Updated 2 days ago".
fn near_headline(nodes: &[NodeRef], headline: Option<usize>, reader: &Reader) -> Option<Candidate> {
    let h = headline?;
    let window = nodes
        .iter()
        .enumerate()
        .skip(h.saturating_sub(6))
        .take(60)
        .filter(|(i, _)| *i != h);
    let mut found = Vec::new();
    for (i, n) in window {
        let mut text = n.text().to_string();
        if text.trim().chars().count() > 160 {
            // A dateline can be a bare line of text inside a container
            // that also holds the story ("기사입력 :[ 2018-08-25 15:24 ]"
            // before the body): the container's own text, without its
            // children's, is that line.
            text = n
                .children()
                .iter()
                .filter(|c| c.is_text())
                .map(|c| c.text().to_string())
                .collect::<Vec<_>>()
                .join(" ");
        }
        let text = text.trim();
        if text.is_empty() || text.chars().count() > 160 || in_foreign_part(n) {
            continue;
        }
        let Some((date, assumed)) = reader.written(text) else {
            continue;
        };
        let kind = if PUBLISHED_LINE.is_match(text) {
            Kind::Published
        } else if UPDATED_MARK.is_match(text) {
            Kind::Updated
        } else {
            Kind::Plain
        };
        found.push(Candidate {
            date,
            kind,
            distance: distance(i, Some(h)),
            source: format!("“{}”", clip(text)),
            assumed_order: assumed,
        });
    }
    choose(&found).cloned()
}
