//! Regression tests for the kinds of publication-date and title misses
//! issue 19 lists, each on a small page of our own.

use dom_query::Document;
use storyline_html::{page_meta, page_meta_with, PageContext};
use storyline_model::PageMeta;

fn meta(html: &str) -> PageMeta {
    page_meta(&Document::from(html))
}

fn meta_at(html: &str, url: Option<&str>, fetched: Option<&str>) -> PageMeta {
    let ctx = PageContext {
        url: url.map(str::to_string),
        fetched: fetched.map(|f| f.parse().unwrap()),
    };
    page_meta_with(&Document::from(html), &ctx)
}

fn date(m: &PageMeta) -> Option<String> {
    m.published.map(|d| d.to_string())
}

#[test]
fn time_without_datetime_attribute_is_read() {
    let m =
        meta("<article><h1>Dam repairs begin</h1><time>4 March 2025</time><p>Text.</p></article>");
    assert_eq!(date(&m).as_deref(), Some("2025-03-04"));
    assert!(m.published_from.unwrap().contains("<time> text"));
}

#[test]
fn date_in_url_path_is_read() {
    let page = "<article><h1>Dam repairs begin</h1><p>Text.</p></article>";
    for url in [
        "https://news.example/2024/06/30/dam-repairs/",
        "https://news.example/2024-06-30-dam-repairs",
        "https://news.example/world/20240630/dam",
    ] {
        let m = meta_at(page, Some(url), None);
        assert_eq!(date(&m).as_deref(), Some("2024-06-30"), "{url}");
    }
    let canonical =
        r#"<link rel="canonical" href="https://news.example/2024/06/30/dam"><h1>Dam</h1>"#;
    assert_eq!(date(&meta(canonical)).as_deref(), Some("2024-06-30"));
}

#[test]
fn published_line_near_the_headline_is_read() {
    let m = meta("<div><h1>Dam repairs begin</h1><p>By Ana Ruiz | Published March 4, 2025</p><p>The long text of the story, which has no date in it at all.</p></div>");
    assert_eq!(date(&m).as_deref(), Some("2025-03-04"));
    assert!(m.published_from.unwrap().contains("text near the headline"));
}

#[test]
fn original_date_wins_over_updated() {
    let both = meta("<article><h1>Dam repairs begin</h1><p>Updated 6 March 2025 · Published 4 March 2025</p></article>");
    assert_eq!(date(&both).as_deref(), Some("2025-03-04"));
    let marked = meta(
        r#"<article><h1>Dam</h1><time class="updated" datetime="2025-03-06">6 Mar</time>
        <time class="entry-date published" datetime="2025-03-04">4 Mar</time></article>"#,
    );
    assert_eq!(date(&marked).as_deref(), Some("2025-03-04"));
}

#[test]
fn relative_dates_count_from_the_fetch_day_only() {
    let page =
        r#"<article><h1>Dam repairs begin</h1><span class="byline">2 days ago</span></article>"#;
    assert_eq!(date(&meta(page)), None);
    let m = meta_at(page, None, Some("2026-12-01"));
    assert_eq!(date(&m).as_deref(), Some("2026-11-29"));
}

#[test]
fn comment_dates_do_not_win() {
    let m = meta(
        r#"<article><h1>Dam repairs begin</h1><p>Story text.</p></article>
        <section id="comments"><div class="comment"><time datetime="2025-05-01">1 May</time></div></section>"#,
    );
    assert_eq!(date(&m), None);
}

#[test]
fn related_story_dates_do_not_win() {
    let m = meta(
        r#"<aside class="related"><ul><li><a href=/a>Old story</a> <span class="date">2 Jan 2021</span></li></ul></aside>
        <article><h1>Dam repairs begin</h1><div class="byline">By Ana · 4 March 2025</div></article>
        <div class="more-stories"><time datetime="2020-01-01">Jan 1</time></div>"#,
    );
    assert_eq!(date(&m).as_deref(), Some("2025-03-04"));
}

#[test]
fn future_and_pre_1995_dates_are_refused() {
    let future = r#"<meta property="article:published_time" content="2031-01-01"><h1>Dam</h1>"#;
    assert_eq!(date(&meta_at(future, None, Some("2026-12-01"))), None);
    let old = r#"<meta property="article:published_time" content="1990-01-01"><h1>Dam</h1>"#;
    assert_eq!(date(&meta(old)), None);
}

#[test]
fn ambiguous_day_and_month_follow_the_page_language() {
    let page = |lang: &str| {
        format!(
            r#"<html lang="{lang}"><body><article><h1>Dam repairs begin</h1><p class="date">04/03/2025</p></article></body></html>"#
        )
    };
    let us = meta(&page("en-US"));
    assert_eq!(date(&us).as_deref(), Some("2025-04-03"));
    assert!(us.published_from.unwrap().contains("guess"));
    assert_eq!(date(&meta(&page("en-GB"))).as_deref(), Some("2025-03-04"));
    assert_eq!(date(&meta(&page("de"))).as_deref(), Some("2025-03-04"));
    // Another date on the page that can only be read day first decides.
    let other = r#"<html lang="en-US"><body><article><h1>Dam</h1><p class="date">04/03/2025</p></article>
        <p>Filed 25/02/2025</p></body></html>"#;
    assert_eq!(date(&meta(other)).as_deref(), Some("2025-03-04"));
}

#[test]
fn two_digit_years_are_read_in_the_right_century() {
    let m = meta(
        r#"<html lang="de"><article><h1>Dammreparatur beginnt</h1><span class="datum">04.03.25</span></article></html>"#,
    );
    assert_eq!(date(&m).as_deref(), Some("2025-03-04"));
}

#[test]
fn month_names_in_seven_languages_are_read() {
    for (line, want) in [
        ("Veröffentlicht am 4. März 2025", "2025-03-04"),
        ("Publié le 1er mars 2025", "2025-03-01"),
        ("Publicado el 4 de marzo de 2025", "2025-03-04"),
        ("Pubblicato il 21 giugno 2024", "2024-06-21"),
        ("Gepubliceerd op 3 maart 2025", "2025-03-03"),
        ("Publicado em 9 de dezembro de 2024", "2024-12-09"),
    ] {
        let m = meta(&format!(
            "<article><h1>Headline here</h1><p>{line}</p></article>"
        ));
        assert_eq!(date(&m).as_deref(), Some(want), "{line}");
    }
}

#[test]
fn vendor_meta_tags_are_read() {
    for tag in [
        r#"<meta name="parsely-pub-date" content="2025-03-04T10:00:00Z">"#,
        r#"<meta name="sailthru.date" content="2025-03-04 10:00:00">"#,
        r#"<meta name="DC.date.issued" content="2025-03-04">"#,
        r#"<meta itemprop="datePublished" content="2025-03-04">"#,
        r#"<meta name="parsely-page" content='{"title":"Dam","pub_date":"2025-03-04T10:00:00Z"}'>"#,
    ] {
        let m = meta(&format!("<head>{tag}</head><body><h1>Dam</h1></body>"));
        assert_eq!(date(&m).as_deref(), Some("2025-03-04"), "{tag}");
    }
    let micro = meta(r#"<span itemprop="datePublished" content="2025-03-04">4 March</span>"#);
    assert_eq!(
        micro.published_from.as_deref(),
        Some("microdata datePublished")
    );
}

#[test]
fn pages_with_hundreds_of_dates_give_one_or_none_without_panic() {
    let mut page = String::from("<html><body><h1>Archive of the year</h1><ul>");
    for i in 0..600 {
        page.push_str(&format!(
            "<li><a href=/s{i}>Story {i}</a> {} March 2024</li>",
            i % 28 + 1
        ));
    }
    page.push_str("</ul></body></html>");
    let m = meta(&page);
    // Plain list dates: the first below the headline, marked as a guess
    // at most; never a panic.
    if let Some(from) = m.published_from {
        assert!(from.contains("likely") || from.contains("guess"), "{from}");
    }
    let junk =
        "<time datetime='9999-99-99'>99/99/9999</time><time>31 February 2024</time>".repeat(300);
    assert_eq!(date(&meta(&junk)), None);
}

#[test]
fn site_name_suffix_is_stripped_and_h1_beats_the_browser_title() {
    let m = meta(
        r#"<head><title>Dam repairs begin – Valley Courier</title>
        <meta property="og:site_name" content="Valley Courier"></head>
        <body><article><h1>Dam repairs begin after a wet winter</h1></article></body>"#,
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Dam repairs begin after a wet winter")
    );
    let m = meta("<head><title>Dam repairs begin | Facet</title></head><body><p>Text</p></body>");
    assert_eq!(m.title.as_deref(), Some("Dam repairs begin"));
}

/// A theme's layout classes on `<body>` ("offcanvas-sidebar-mobile")
/// describe the whole page, not a sidebar the date sits in.
#[test]
fn body_layout_classes_do_not_make_the_date_foreign() {
    let m = meta(
        r#"<html><body class="single-post offcanvas-sidebar-mobile"><article><h1>About bugs in the game</h1>
        <ul class="entry-meta-list"><li><time class="updated" datetime="2018-08-13T08:04:08+00:00">August 13, 2018</time></li></ul>
        <p>Text.</p></article></body></html>"#,
    );
    assert_eq!(date(&m).as_deref(), Some("2018-08-13"));
}

/// A schema.org `Comment` carries its own `datePublished`; the article's
/// is the one in a `<meta itemprop>` outside the comments.
#[test]
fn a_comments_microdata_date_does_not_win() {
    let m = meta(
        r#"<html><body><article><h1>Model speaks about age</h1><meta itemprop="datePublished" content="2018-10-11T08:53:00+03:00">
        <p>Text.</p></article><ul class="comments__list"><li><div itemprop="comment" class="comment-item">
        <span itemprop="datePublished" content="2018-11-05T19:17:10+03:00">16:17 05.11.2018</span></div></li></ul></body></html>"#,
    );
    assert_eq!(date(&m).as_deref(), Some("2018-10-11"));
}

/// A headline set in a `<p>` (the `<h1>` holds the logo) still anchors
/// the dated line near it, and a dateline that is a bare line of text in
/// the story's container is read.
#[test]
fn a_headline_outside_h1_and_a_bare_dateline_are_found() {
    let m = meta(
        r#"<html lang="pt-BR"><head><title>Ponte reabre depois das obras</title></head><body><h1>Jornal da Cidade</h1>
        <div class="col"><p class="titulo">Ponte reabre depois das obras</p>
        <small><b>05/10/2018</b> - Publicado por: Ana Souza</small><p>Texto.</p></div></body></html>"#,
    );
    assert_eq!(date(&m).as_deref(), Some("2018-10-05"));
    let m = meta(
        r#"<html lang="ko"><head><title>다리 재개통</title></head><body><h1></h1>
        <div class="newsContent"><dl><dt>다리 재개통</dt></dl> 기사입력 :[ 2018-08-25 15:24 ]
        <div class="newsArticle">긴 기사 본문이 여기에 있습니다. 긴 기사 본문이 여기에 있습니다. 긴 기사 본문이 여기에 있습니다. 긴 기사 본문이 여기에 있습니다. 긴 기사 본문이 여기에 있습니다. 긴 기사 본문이 여기에 있습니다. 긴 기사 본문이 여기에 있습니다.</div></div></body></html>"#,
    );
    assert_eq!(date(&m).as_deref(), Some("2018-08-25"));
}
