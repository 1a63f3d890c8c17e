//! Page metadata from markup: JSON-LD first, then meta tags, then the
//! document's own elements. Each value records where it came from.

use dom_query::Document;
use serde_json::Value;
use std::collections::HashMap;
use storyline_model::{PageMeta, PartialDate};
use storyline_text::agency;
use storyline_text::dates::find_date;

/// What the JSON-LD of a page says about its article.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    language: Option<String>,
    url: Option<String>,
}

fn is_article_type(v: &Value) -> bool {
    let names: Vec<&str> = match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    names.iter().any(|t| {
        t.ends_with("Article") || *t == "BlogPosting" || *t == "Report" || *t == "LiveBlogPosting"
    })
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.trim().to_string()],
        Value::Array(items) => items.iter().flat_map(names_of).collect(),
        Value::Object(o) => o.get("name").map(names_of).unwrap_or_default(),
        _ => vec![],
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => text_of(a.first()),
        Value::Object(o) => text_of(o.get("@id").or(o.get("url"))),
        _ => None,
    }
}

/// Walks JSON-LD values (including `@graph`) for the article object.
fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Object(o) if is_article_type(v) => Some(v).filter(|_| !o.is_empty()),
        Value::Object(o) => o.get("@graph").and_then(|g| find_article(g, depth + 1)),
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        _ => None,
    }
}

/// Walks JSON-LD values for any object that carries `datePublished`: a
/// `WebPage`, a `ClaimReview`, a `MedicalWebPage`. Used when the page has
/// no article object.
fn find_dated(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Object(o) if o.contains_key("datePublished") => Some(v),
        Value::Object(o) => o.values().find_map(|c| find_dated(c, depth + 1)),
        Value::Array(items) => items.iter().find_map(|i| find_dated(i, depth + 1)),
        _ => None,
    }
}

fn read_object(a: &Value) -> JsonLd {
    JsonLd {
        headline: text_of(a.get("headline")),
        published: text_of(a.get("datePublished")),
        modified: text_of(a.get("dateModified")),
        authors: a.get("author").map(names_of).unwrap_or_default(),
        publisher: a
            .get("publisher")
            .and_then(|p| names_of(p).into_iter().next()),
        language: text_of(a.get("inLanguage")),
        url: text_of(a.get("url")).or_else(|| text_of(a.get("mainEntityOfPage"))),
    }
}

/// The article object of the page's JSON-LD blocks, else the first object
/// with a publication date.
fn json_ld(doc: &Document) -> JsonLd {
    let mut fallback = None;
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let raw = script.text();
        let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        if let Some(a) = find_article(&value, 0) {
            return read_object(a);
        }
        if fallback.is_none() {
            fallback = find_dated(&value, 0).map(|d| JsonLd {
                headline: None,
                ..read_object(d)
            });
        }
    }
    fallback.unwrap_or_default()
}

/// The page's `<meta>` tags by `name`, `property` or `itemprop` (lower
/// case), first occurrence kept: one walk of the document instead of one
/// per key looked up.
struct MetaTags(HashMap<String, String>);

impl MetaTags {
    fn of(doc: &Document) -> MetaTags {
        let mut map = HashMap::new();
        for m in doc.select("meta[content]").iter() {
            let Some(content) = m.attr("content") else {
                continue;
            };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
            for key in ["name", "property", "itemprop"] {
                if let Some(k) = m.attr(key) {
                    map.entry(k.trim().to_lowercase())
                        .or_insert_with(|| content.to_string());
                }
            }
        }
        MetaTags(map)
    }

    /// The first of `keys` present, with `meta KEY` as its source.
    fn get(&self, keys: &[&str]) -> Option<(String, String)> {
        keys.iter()
            .find_map(|k| self.0.get(*k).map(|v| (v.clone(), format!("meta {k}"))))
    }
}

/// A date from a metadata value: an ISO timestamp or a written date.
fn parse_date(raw: &str) -> Option<PartialDate> {
    raw.trim()
        .parse()
        .ok()
        .or_else(|| find_date(raw, false).map(|f| f.date))
}

/// Meta keys for the publication date, most specific first.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "og:published_time",
    "date",
    "dc.date",
];

const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "last-modified",
];

/// Reads the page's metadata. Call before extraction, which removes
/// scripts from the document.
pub fn page_meta(doc: &Document) -> PageMeta {
    let ld = json_ld(doc);
    let tags = MetaTags::of(doc);
    let mut meta = PageMeta::default();

    let site_name = tags
        .get(&["og:site_name", "application-name"])
        .map(|(v, _)| v)
        .or(ld.publisher.clone());

    // Title: JSON-LD headline, og:title, <title> without the site name, <h1>.
    let title = ld
        .headline
        .clone()
        .map(|t| (t, "JSON-LD headline".to_string()))
        .or_else(|| tags.get(&["og:title", "twitter:title"]))
        .or_else(|| {
            let t = doc.select("title").text();
            let t = strip_site_suffix(t.trim(), site_name.as_deref());
            (!t.is_empty()).then(|| (t, "<title>".to_string()))
        })
        .or_else(|| {
            let t = doc.select("h1").first().text();
            let t = squash(&t);
            (!t.is_empty()).then(|| (t, "<h1>".to_string()))
        });
    if let Some((t, from)) = title {
        meta.title = Some(squash(&t));
        meta.title_from = Some(from);
    }

    // Publication date: JSON-LD, meta tags, then <time> elements.
    let published = ld
        .published
        .as_deref()
        .and_then(|raw| parse_date(raw).map(|d| (d, "JSON-LD datePublished".to_string())))
        .or_else(|| {
            PUBLISHED_META.iter().find_map(|key| {
                let (raw, from) = tags.get(&[*key])?;
                parse_date(&raw).map(|d| (d, from))
            })
        })
        .or_else(|| {
            // A <time> marked as the publication time, else the first one
            // inside the <article>, else the first on the page: on an
            // article page that is the article's date far more often than
            // not, and it ranks below every explicit source.
            let marked = doc.select("time[datetime]").iter().find(|t| {
                t.attr("pubdate").is_some()
                    || t.attr("itemprop")
                        .is_some_and(|v| v.contains("datePublished"))
                    || t.attr("class")
                        .is_some_and(|c| c.to_lowercase().contains("publish"))
            });
            let chosen = marked
                .or_else(|| doc.select("article time[datetime]").iter().next())
                .or_else(|| doc.select("time[datetime]").iter().next())?;
            let raw = chosen.attr("datetime")?;
            parse_date(&raw).map(|d| (d, "<time datetime>".to_string()))
        });
    if let Some((d, from)) = published {
        meta.published = Some(d);
        meta.published_from = Some(from);
    }
    meta.modified = ld.modified.as_deref().and_then(parse_date).or_else(|| {
        MODIFIED_META
            .iter()
            .find_map(|key| tags.get(&[*key]).and_then(|(raw, _)| parse_date(&raw)))
    });

    // Authors: JSON-LD, then meta author, minus agencies and site names.
    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        if let Some((a, _)) = tags.get(&["author", "byl"]) {
            authors = a
                .trim_start_matches("By ")
                .trim_start_matches("by ")
                .split([',', ';', '|'])
                .flat_map(|p| p.split(" and "))
                .map(|s| s.trim().to_string())
                .collect();
        }
    }
    let mut agency_credit = None;
    authors.retain(|a| {
        if let Some(ag) = agency::canonical(a) {
            agency_credit.get_or_insert(ag);
            return false;
        }
        let not_site = site_name
            .as_deref()
            .is_none_or(|s| !s.eq_ignore_ascii_case(a));
        let not_url = !a.starts_with("http");
        let has_letters = a.chars().any(char::is_alphabetic);
        not_site
            && not_url
            && has_letters
            && find_date(a, false).is_none()
            && a.split_whitespace().count() <= 6
    });
    authors.dedup();
    meta.authors = authors;
    meta.agency = agency_credit
        .or_else(|| ld.publisher.as_deref().and_then(agency::canonical))
        .map(str::to_string);
    meta.site_name = site_name;
    meta.canonical_url = doc
        .select(r#"link[rel="canonical"]"#)
        .iter()
        .find_map(|l| l.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("http"))
        .or_else(|| tags.get(&["og:url"]).map(|(v, _)| v))
        .or(ld.url.filter(|u| u.starts_with("http")));
    meta.language = doc
        .select("html")
        .attr("lang")
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .or(ld.language);
    meta
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Headline | Site" -> "Headline": drops a trailing (or leading) segment
/// that is the site's name or short enough to be one.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || tail.split_whitespace().count() <= 3;
            if is_site && head.split_whitespace().count() >= 3 {
                return squash(head);
            }
        }
    }
    squash(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head>
        <title>Port reopens after storm | Harbour Times</title>
        <meta property="og:site_name" content="Harbour Times">
        <meta property="og:title" content="Port reopens after storm (og)">
        <meta property="article:published_time" content="2025-03-12T08:00:00Z">
        <meta property="article:modified_time" content="2025-03-13T10:00:00Z">
        <link rel="canonical" href="https://harbour.example.com/port-reopens">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Harbour Times"},
          {"@type":"NewsArticle","headline":"Port reopens after storm","datePublished":"2025-03-11T21:30:00+02:00",
           "dateModified":"2025-03-12","author":[{"@type":"Person","name":"Ana Ferreira"},{"@type":"Organization","name":"AFP"}],
           "publisher":{"@type":"Organization","name":"Harbour Times"}}]}</script>
        </head><body><h1>Port reopens</h1></body></html>"#;

    #[test]
    fn json_ld_beats_meta_tags_and_records_its_source() {
        let m = page_meta(&Document::from(PAGE));
        assert_eq!(m.title.as_deref(), Some("Port reopens after storm"));
        assert_eq!(m.title_from.as_deref(), Some("JSON-LD headline"));
        assert_eq!(m.published.unwrap().to_string(), "2025-03-11");
        assert_eq!(m.published_from.as_deref(), Some("JSON-LD datePublished"));
        assert_eq!(m.modified.unwrap().to_string(), "2025-03-12");
        assert_eq!(m.authors, ["Ana Ferreira"]);
        assert_eq!(m.agency.as_deref(), Some("AFP"));
        assert_eq!(m.site_name.as_deref(), Some("Harbour Times"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://harbour.example.com/port-reopens")
        );
        assert_eq!(m.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn without_json_ld_meta_tags_and_the_title_element_serve() {
        let page =
            PAGE.split("<script").next().unwrap().to_string() + "</head><body></body></html>";
        let m = page_meta(&Document::from(page.as_str()));
        assert_eq!(m.title.as_deref(), Some("Port reopens after storm (og)"));
        assert_eq!(
            m.published_from.as_deref(),
            Some("meta article:published_time")
        );
        assert_eq!(m.published.unwrap().to_string(), "2025-03-12");
        let bare = r#"<html><head><title>Floods close border crossing - Wire Review</title></head>
            <body><article><time datetime="2025-03-14T09:00">14 March</time></article></body></html>"#;
        let m = page_meta(&Document::from(bare));
        assert_eq!(m.title.as_deref(), Some("Floods close border crossing"));
        assert_eq!(m.published.unwrap().to_string(), "2025-03-14");
        assert_eq!(m.published_from.as_deref(), Some("<time datetime>"));
    }
}
