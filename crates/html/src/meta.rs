//! Page metadata from markup: JSON-LD first, then meta tags, then the
//! document's own elements. Each value records where it came from.

use dom_query::Document;
use serde_json::Value;
use std::collections::HashMap;
use storyline_model::{PageMeta, PartialDate};
use storyline_text::agency;
use storyline_text::dates::find_date;

use crate::date::{self, date_in_url, PageContext, Reader};
use crate::title::{host_of, TitleSources};

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

/// Meta keys for the publication date, most specific first: Open Graph,
/// schema.org, Dublin Core and the vendors' own (Parse.ly, Sailthru,
/// Swiftype, Cxense, citation tags of journals).
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "rnews:datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "article.published",
    "published_time",
    "published-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "publication-date",
    "pubdate",
    "og:pubdate",
    "article_date_original",
    "originalpublicationdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "datecreated",
    "citation_publication_date",
    "citation_date",
    "dc.date",
    "dcterms.date",
    "date",
    "displaydate",
];

const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "last-modified",
    "dcterms.modified",
];

/// Reads the page's metadata. Call before extraction, which removes
/// scripts from the document.
pub fn page_meta(doc: &Document) -> PageMeta {
    page_meta_with(doc, &PageContext::default())
}

/// Reads the page's metadata, knowing where and when it was fetched.
pub fn page_meta_with(doc: &Document, ctx: &PageContext) -> PageMeta {
    let ld = json_ld(doc);
    let tags = MetaTags::of(doc);
    let mut meta = PageMeta::default();

    let site_name = tags
        .get(&["og:site_name", "application-name"])
        .map(|(v, _)| squash(&v))
        .or(ld.publisher.clone());
    let canonical_url = doc
        .select(r#"link[rel="canonical"]"#)
        .iter()
        .find_map(|l| l.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("http"))
        .or_else(|| tags.get(&["og:url"]).map(|(v, _)| v))
        .or(ld.url.clone().filter(|u| u.starts_with("http")));
    let language = doc
        .select("html")
        .attr("lang")
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .or(ld.language.clone())
        .or_else(|| {
            tags.get(&["og:locale", "content-language", "language"])
                .map(|(v, _)| v)
        });
    let urls: Vec<&str> = ctx
        .url
        .as_deref()
        .into_iter()
        .chain(canonical_url.as_deref())
        .collect();

    let sources = TitleSources {
        json_ld: ld.headline.as_deref().map(squash),
        og: tags
            .get(&["og:title", "twitter:title"])
            .map(|(v, _)| squash(&v)),
        title: Some(squash(&doc.select("head title").text()))
            .filter(|t| !t.is_empty())
            .or_else(|| {
                Some(squash(&doc.select("title").first().text())).filter(|t| !t.is_empty())
            }),
        h1: headline_h1(doc),
        site_name: site_name.clone(),
        host: urls.iter().find_map(|u| host_of(u)),
    };
    if let Some((t, from)) = sources.choose() {
        meta.title = Some(t);
        meta.title_from = Some(from.to_string());
    }

    let reader = Reader::new(doc, language.as_deref(), ctx);
    let published = ld
        .published
        .as_deref()
        .and_then(|raw| {
            reader
                .machine(raw)
                .map(|d| (d, "JSON-LD datePublished".to_string()))
        })
        .or_else(|| microdata_published(doc, &reader))
        .or_else(|| {
            PUBLISHED_META.iter().find_map(|key| {
                let (raw, from) = tags.get(&[*key])?;
                reader.machine(&raw).map(|d| (d, from))
            })
        })
        .or_else(|| parsely_page(&tags, &reader))
        .or_else(|| {
            urls.iter().find_map(|u| {
                date_in_url(u)
                    .filter(|d| reader.plausible(d))
                    .map(|d| (d, format!("URL path {u} (likely)")))
            })
        })
        .or_else(|| date::from_elements(doc, &reader, meta.title.as_deref()));
    if let Some((d, from)) = published {
        meta.published = Some(d);
        meta.published_from = Some(from);
    }
    meta.modified = ld
        .modified
        .as_deref()
        .and_then(|raw| reader.machine(raw))
        .or_else(|| {
            MODIFIED_META
                .iter()
                .find_map(|key| tags.get(&[*key]).and_then(|(raw, _)| reader.machine(&raw)))
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
    meta.canonical_url = canonical_url;
    meta.language = language;
    meta
}

/// A publication date in schema.org microdata outside meta tags:
/// `<span itemprop="datePublished" content=...>` or its text. Comments
/// and related stories carry their own `datePublished` (a schema.org
/// `Comment` has one), so those parts of the page are not read.
fn microdata_published(doc: &Document, reader: &Reader) -> Option<(PartialDate, String)> {
    doc.select(r#"[itemprop="datePublished"]"#)
        .iter()
        .filter(|e| !e.is("meta"))
        .filter(|e| e.nodes().first().is_none_or(|n| !date::in_foreign_part(n)))
        .find_map(|e| {
            let raw = e
                .attr("datetime")
                .or_else(|| e.attr("content"))
                .map(|v| v.to_string())
                .unwrap_or_else(|| e.text().to_string());
            reader
                .machine(&raw)
                .map(|d| (d, "microdata datePublished".to_string()))
        })
}

/// Parse.ly's JSON in `<meta name="parsely-page">`: its `pub_date`.
fn parsely_page(tags: &MetaTags, reader: &Reader) -> Option<(PartialDate, String)> {
    let (raw, _) = tags.get(&["parsely-page"])?;
    let v: Value = serde_json::from_str(&raw).ok()?;
    let d = reader.machine(v.get("pub_date")?.as_str()?)?;
    Some((d, "meta parsely-page pub_date".to_string()))
}

/// The `<h1>` nearest the main text: the first inside an `<article>`,
/// `<main>` or an element marked as the headline, else the first on the
/// page. Says whether it was inside the article.
fn headline_h1(doc: &Document) -> Option<(String, bool)> {
    let inside = doc
        .select("article h1, main h1, [itemprop=headline], h1[class*=title], h1[class*=headline]")
        .iter()
        .map(|h| squash(&h.text()))
        .find(|t| !t.is_empty());
    if let Some(t) = inside {
        return Some((t, true));
    }
    doc.select("h1")
        .iter()
        .map(|h| squash(&h.text()))
        .find(|t| !t.is_empty())
        .map(|t| (t, false))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
        // The <title> without its site name is the headline two sources
        // share; og:title's variant is in one only.
        assert_eq!(m.title.as_deref(), Some("Port reopens after storm"));
        assert_eq!(m.title_from.as_deref(), Some("<title>"));
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
        assert_eq!(
            m.published_from.as_deref(),
            Some("marked element <time datetime> (likely)")
        );
    }
}
