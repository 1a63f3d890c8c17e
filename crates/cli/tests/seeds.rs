//! The five seed articles in `../shared/corpus/seeds`: the body is kept,
//! the furniture is gone, and dates, titles and agencies are found.
//!
//! Expectations name lines of the seed files by number, so that no article
//! text is copied into this repository.

mod common;

use std::ops::RangeInclusive;
use storyline_model::Document;

struct Seed {
    prefix: &'static str,
    /// Lines of article text: every sentence in them must survive.
    body: &'static [RangeInclusive<usize>],
    /// Lines of page furniture: none may survive.
    furniture: &'static [usize],
    /// Metadata glued to the start of a body line, not part of the article.
    strip: &'static [&'static str],
    title_line: Option<usize>,
    published: Option<&'static str>,
    agency: Option<&'static str>,
}

const SEEDS: &[Seed] = &[
    Seed {
        prefix: "000_",
        body: &[13..=37],
        furniture: &[3, 5, 7, 9, 11, 39],
        strip: &[],
        title_line: Some(1),
        published: None,
        agency: Some("AFP"),
    },
    Seed {
        prefix: "001_",
        body: &[1..=15],
        furniture: &[],
        strip: &[],
        title_line: None,
        published: None,
        agency: None,
    },
    Seed {
        prefix: "002_",
        body: &[2..=29],
        furniture: &[
            1, 31, 32, 34, 35, 37, 38, 40, 41, 43, 44, 46, 47, 49, 50, 52, 53,
        ],
        strip: &[],
        title_line: Some(2),
        published: None,
        agency: None,
    },
    Seed {
        prefix: "003_",
        body: &[1..=31],
        furniture: &[],
        strip: &["date 2024-10-24"],
        title_line: None,
        published: Some("2024-10-24"),
        agency: None,
    },
    Seed {
        prefix: "004_",
        body: &[3..=3, 20..=56],
        furniture: &[1, 7, 9, 11, 12, 14, 16, 18, 60],
        strip: &[],
        title_line: Some(3),
        published: Some("2024-11-13"),
        agency: Some("AFP"),
    },
];

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check(seed: &Seed, lines: &[&str], doc: &Document) {
    let name = seed.prefix;
    let text = squash(&doc.text);
    let line = |n: usize| lines.get(n - 1).copied().unwrap_or("");
    for range in seed.body {
        for n in range.clone() {
            let mut body_line = line(n).trim();
            for prefix in seed.strip {
                body_line = body_line.strip_prefix(prefix).unwrap_or(body_line);
            }
            for s in storyline_text::split_sentences(body_line) {
                let sentence = squash(&body_line[s]);
                if sentence.split_whitespace().count() >= 3 {
                    assert!(
                        text.contains(&sentence),
                        "{name}: line {n} lost: {sentence}"
                    );
                }
            }
        }
    }
    let paragraphs: Vec<String> = doc
        .paragraphs
        .iter()
        .map(|&p| squash(doc.slice(p)))
        .collect();
    for &n in seed.furniture {
        let furniture = squash(line(n));
        assert!(
            !furniture.is_empty(),
            "{name}: line {n} is blank; fix the expectation"
        );
        let survives = if furniture.split_whitespace().count() >= 3 {
            text.contains(&furniture)
        } else {
            paragraphs
                .iter()
                .any(|p| p.contains(&furniture) && p.split_whitespace().count() <= 3)
        };
        assert!(!survives, "{name}: furniture line {n} kept: {furniture}");
    }
    assert_eq!(
        doc.title.as_deref(),
        seed.title_line.map(|n| line(n).trim()),
        "{name}: title"
    );
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        seed.published,
        "{name}: published"
    );
    assert_eq!(doc.agency.as_deref(), seed.agency, "{name}: agency");
}

#[test]
fn seed_articles_keep_the_body_and_drop_the_furniture() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    for seed in SEEDS {
        let path = &common::seed_path(&shared, seed.prefix);
        let raw = std::fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = raw.lines().collect();
        let doc = common::document(path);
        assert!(storyline_clean::spans_are_valid(&doc));
        check(seed, &lines, &doc);
    }
}

#[test]
fn crawl_header_date_is_kept_apart_from_the_publication_date() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let path = common::seed_path(&shared, "004_");
    let doc = common::document(&path);
    assert_eq!(doc.published.unwrap().to_string(), "2024-11-13");
    assert_eq!(doc.updated.unwrap().to_string(), "2024-11-13");
    assert_eq!(doc.page_date.unwrap().to_string(), "2024-12-06");
}
