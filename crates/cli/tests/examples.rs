//! Snapshots of cleaning, extraction, metadata, figures, time expressions and entities
//! for every example article and page. A change to the cleaner or the extractor shows up here as a
//! reviewable diff (`cargo insta review`).

mod common;

use serde_json::json;

fn snapshot_folder(folder: &str, at_least: usize) {
    let dir = common::repo_root().join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(
        paths.len() >= at_least,
        "{folder} holds at least {at_least} files"
    );
    for path in paths {
        let mut doc = common::document(&path);
        storyline_pipeline::run_backbone(&mut doc);
        doc.quantities = storyline_quantity::annotate(&doc.text);
        let figures: Vec<String> = doc
            .quantities
            .iter()
            .map(|q| {
                format!(
                    "{} | {:?}..{:?} | {} | {} | {} | {}",
                    q.text,
                    q.low,
                    q.high,
                    q.qualifier.as_deref().unwrap_or("-"),
                    q.currency.as_deref().unwrap_or("-"),
                    q.measure,
                    q.counted.as_deref().unwrap_or("-")
                )
            })
            .collect();
        let (times, _) = storyline_time::annotate(
            &doc.text,
            &doc.sentences,
            doc.published,
            &Default::default(),
        );
        let times: Vec<String> = times
            .iter()
            .map(|t| {
                format!(
                    "{} | {} | {}..{} | {} | {} | {}",
                    t.text,
                    t.value,
                    t.interval[0].as_deref().unwrap_or(""),
                    t.interval[1].as_deref().unwrap_or(""),
                    t.precision.as_deref().unwrap_or("-"),
                    t.modifier.as_deref().unwrap_or("-"),
                    t.tense.as_deref().unwrap_or("-"),
                )
            })
            .collect();
        let entities: Vec<String> = storyline_kb::annotate(
            storyline_kb::Kb::builtin(),
            &doc.text,
            &doc.sentences,
            doc.published.as_ref().and_then(|d| d.first_day()),
            storyline_kb::Parsed {
                tokens: &doc.tokens,
                ner: &doc.ner,
            },
        )
        .iter()
        .map(|e| {
            format!(
                "{} | {} | {} | {} | {}",
                e.text,
                e.kind,
                e.code.as_deref().unwrap_or("-"),
                e.office.as_deref().or(e.name.as_deref()).unwrap_or("-"),
                e.rule,
            )
        })
        .collect();
        assert!(storyline_clean::spans_are_valid(&doc));
        let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|&p| doc.slice(p)).collect();
        let removed: Vec<String> = doc
            .removed
            .iter()
            .map(|r| format!("{} {}: {}", r.line, r.reason, r.text))
            .collect();
        let view = json!({
            "title": doc.title,
            "url": doc.url,
            "outlet": doc.outlet,
            "published_evidence": doc.published_evidence,
            "provenance": doc.provenance,
            "published": doc.published,
            "published_from": doc.published_from,
            "updated": doc.updated,
            "page_date": doc.page_date,
            "agency": doc.agency,
            "authors": doc.authors,
            "language": doc.language,
            "encoding": doc.sources[0].encoding,
            "sentences": doc.sentences.len(),
            "paragraphs": paragraphs,
            "removed": removed,
            "figures": figures,
            "times": times,
            "entities": entities,
        });
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_json_snapshot!(name, view);
    }
}

#[test]
fn example_articles_clean_and_metadata() {
    snapshot_folder("examples/articles", 6);
}

#[test]
fn example_pages_extract_and_metadata() {
    snapshot_folder("examples/pages", 2);
}
