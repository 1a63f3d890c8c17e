//! The day a page was fetched reaches extraction from the input that
//! knows it, a WARC record's date or a manifest's `fetched` column, so
//! that a relative date on the page ("2 days ago") resolves.

mod common;

/// A page whose only date is relative to the day it was read.
const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Dam repairs begin</title></head>
<body><article><h1>Dam repairs begin</h1><span class="byline">By Ana Silva, 2 days ago</span>
<p>Engineers began repairing the spillway of the northern dam on the river, the water board said, after inspectors found cracks in the concrete last winter.</p>
<p>The work is expected to take four months and will keep the reservoir below its usual level, so boats will not be allowed on the lake until the summer.</p>
<p>Farmers downstream were told that irrigation would not be cut, because the board has arranged to release water from a second reservoir in the hills.</p>
</article></body></html>"#;

fn published(out: &std::process::Output) -> Vec<(String, String)> {
    assert!(out.status.success(), "{}", common::stderr(out));
    // One document prints as pretty JSON and several as JSON Lines: a
    // stream of values reads both.
    serde_json::Deserializer::from_slice(&out.stdout)
        .into_iter::<serde_json::Value>()
        .map(|doc| {
            let doc = doc.unwrap();
            (
                doc["published"].as_str().unwrap_or("none").to_string(),
                doc["published_from"].as_str().unwrap_or("none").to_string(),
            )
        })
        .collect()
}

#[test]
fn a_relative_date_in_a_warc_record_counts_from_its_warc_date() {
    let dir = tempfile::tempdir().unwrap();
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
    let warc = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2026-03-10T06:30:00Z\r\nWARC-Target-URI: https://water.example.com/news/dam-repairs\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, warc).unwrap();
    let out = common::storyline(&["extract", path.to_str().unwrap()]);
    assert_eq!(published(&out), [("2026-03-08".into(), "page".into())]);
}

#[test]
fn a_manifest_row_with_a_fetched_day_anchors_a_relative_date() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("dam.html");
    std::fs::write(&page, PAGE).unwrap();
    // Without the fetch day the relative date means nothing.
    let out = common::storyline(&["extract", page.to_str().unwrap()]);
    assert_ne!(published(&out)[0].0, "2026-03-08");
    let manifest = dir.path().join("manifest.csv");
    std::fs::write(
        &manifest,
        "path,url,fetched\ndam.html,https://water.example.com/news/dam-repairs,2026-03-10\n",
    )
    .unwrap();
    let out = common::storyline(&[
        "extract",
        page.to_str().unwrap(),
        "--manifest",
        manifest.to_str().unwrap(),
    ]);
    assert_eq!(published(&out), [("2026-03-08".into(), "page".into())]);
}
