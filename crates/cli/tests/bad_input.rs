//! Bad input is data: each bad file gets a one-line reason, the good ones
//! are stored, nothing panics, and the exit code says some failed.

mod common;

use common::{stderr, stdout, storyline};
use std::path::Path;

const GOOD: &str = "Ferry service resumes after storm\n\n\
    A ferry service between the two islands resumed on Monday after a storm closed the port for three days, the operator said.\n\n\
    About 400 passengers crossed on the first sailing, officials said.\n";

fn write_bad_inputs(dir: &Path) {
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7 % 251) as u8));
    std::fs::write(dir.join("image.png"), png).unwrap();
    let mut broken = "Port officials’ “first” count said 400 passengers crossed on Monday, and more were expected later in the week.\n".as_bytes().to_vec();
    broken.extend_from_slice(b"Another \xe2\x80 broken sequence sat in this paragraph, which the crew reported late on Monday evening.\n");
    std::fs::write(dir.join("broken-utf8.txt"), broken).unwrap();
    let cp1252 = b"Harbour reopens\n\nThe harbour master\x92s office said on Tuesday that \x93normal service\x94 would return to the port by the weekend, after repairs costing \x80 2 million.\n";
    std::fs::write(dir.join("legacy-cp1252.txt"), cp1252).unwrap();
    let huge = "lorem ipsum dolor ".repeat(20_000_000 / 18);
    std::fs::write(dir.join("huge-one-line.txt"), huge).unwrap();
    std::fs::write(dir.join("good-1.txt"), GOOD).unwrap();
    std::fs::write(dir.join("good-2.txt"), GOOD.replace("400", "650")).unwrap();
}

/// Ingests a folder holding bad inputs: the run must end with the "some
/// failed" exit code and without a panic. Returns stdout and stderr.
fn ingest_with_failures(db: &Path, inputs: &Path) -> (String, String) {
    let out = storyline(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    let (so, se) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(3), "stdout: {so}\nstderr: {se}");
    assert!(!se.contains("panicked"), "{se}");
    (so, se)
}

fn stored_documents(db: &Path) -> usize {
    let docs = storyline(&["docs", "--db", db.to_str().unwrap(), "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&docs.stdout).unwrap();
    rows.as_array().unwrap().len()
}

#[test]
fn a_directory_mixing_bad_and_good_files_stores_the_good_and_explains_the_bad() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_bad_inputs(&inputs);
    let db = dir.path().join("s.db");
    let (so, se) = ingest_with_failures(&db, &inputs);
    assert!(so.contains("stored 4,"), "{so}");
    assert!(so.contains("failed 3"), "{so}");
    let failed: Vec<&str> = se.lines().filter(|l| l.starts_with("failed: ")).collect();
    assert_eq!(failed.len(), 3, "{se}");
    for (name, why) in [
        ("empty.txt", "empty"),
        ("image.png", "PNG image"),
        ("huge-one-line.txt", "larger than the limit"),
    ] {
        let line = failed
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no line for {name}: {se}"));
        assert!(line.contains(why) && line.contains("hint:"), "{line}");
    }
    assert!(
        se.lines().any(|l| l.starts_with("warning: ")
            && l.contains("broken-utf8.txt")
            && l.contains("invalid UTF-8")),
        "{se}"
    );

    assert_eq!(stored_documents(&db), 4);

    let legacy = storyline(&[
        "extract",
        inputs.join("legacy-cp1252.txt").to_str().unwrap(),
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&legacy.stdout).unwrap();
    assert_eq!(doc["sources"][0]["encoding"], "windows-1252");
    assert!(doc["text"]
        .as_str()
        .unwrap()
        .contains("master’s office said on Tuesday that “normal service”"));
}

#[test]
fn a_20_mb_line_is_cleaned_without_hanging_when_the_limit_allows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    std::fs::write(&path, "The convoy moved north. ".repeat(20_000_000 / 24)).unwrap();
    let out = storyline(&["extract", "--max-bytes", "30000000", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["text"].as_str().unwrap().len() > 19_000_000);
}

#[test]
fn a_missing_path_and_a_bad_jsonl_line_are_reported_and_the_rest_stored() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("batch.jsonl");
    std::fs::write(
        &jsonl,
        "{\"text\": \"The council voted on Tuesday to extend the curfew by a week, the mayor's office said.\", \"outlet\": \"City Desk\", \"published\": \"2025-02-04\"}\n{broken\n",
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let out = storyline(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        "/no/such/file.txt",
    ]);
    let se = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{se}");
    assert!(se.contains("batch.jsonl:2: invalid JSON"), "{se}");
    assert!(se.contains("/no/such/file.txt: no such file"), "{se}");
    assert!(stdout(&out).contains("stored 1,"));
}

#[test]
fn published_flag_needs_a_single_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    std::fs::write(dir.path().join("b.txt"), GOOD.replace("400", "401")).unwrap();
    let out = storyline(&[
        "analyze",
        "--published",
        "2025-01-02",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--manifest"), "{}", stderr(&out));
    let one = storyline(&[
        "extract",
        "--published",
        "2025-01-02",
        dir.path().join("a.txt").to_str().unwrap(),
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(doc["published"], "2025-01-02");
    assert_eq!(doc["published_from"], "metadata");
}

#[test]
fn bad_pages_and_archives_are_reported_and_the_good_page_stored() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let good = common::repo_root().join("examples/pages/harbour-times-port-reopens.html");
    let good_html = std::fs::read_to_string(&good).unwrap();
    std::fs::copy(&good, inputs.join("good.html")).unwrap();
    // Truncated in the middle of a tag: parsed as far as it goes.
    std::fs::write(
        inputs.join("truncated.html"),
        &good_html[..good_html.len() * 2 / 3],
    )
    .unwrap();
    // Nested 100,000 elements deep: flattened at the depth limit, its
    // text kept, with a warning.
    std::fs::write(
        inputs.join("deep.html"),
        format!(
            "<html><body>{}<p>{}</p></body></html>",
            "<div>".repeat(100_000),
            "Volunteers in the river town cleared mud from the school on Thursday, the mayor said. "
                .repeat(5)
        ),
    )
    .unwrap();
    // Larger than the limit (9 MB against 8 MB): refused before reading.
    std::fs::write(
        inputs.join("huge.html"),
        format!(
            "<html><body><p>{}</p></body></html>",
            "word ".repeat(1_800_000)
        ),
    )
    .unwrap();
    // A gzip bomb: 50 MB of zeros in a small file.
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    bomb.write_all(&vec![0u8; 50_000_000]).unwrap();
    std::fs::write(inputs.join("bomb.html.gz"), bomb.finish().unwrap()).unwrap();
    // Binary served as a page.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..500u32).map(|i| (i * 13 % 256) as u8));
    std::fs::write(inputs.join("image.html"), png).unwrap();
    // A WARC with a broken record between two good ones.
    let record = |uri: &str, body: &str| {
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
    };
    let second = good_html
        .replace("Beira port reopens", "Beira port stays open")
        .replace("2,400 tonnes", "3,100 tonnes");
    let warc = format!(
        "{}WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nnoise\r\n{}",
        record(
            "https://harbour.example.com/a",
            &good_html.replace("five days", "six days")
        ),
        record("https://harbour.example.com/b", &second)
    );
    std::fs::write(inputs.join("crawl.warc"), warc).unwrap();

    let db = dir.path().join("s.db");
    let (so, se) = ingest_with_failures(&db, &inputs);
    assert!(
        se.lines().any(|l| l.starts_with("warning: ")
            && l.contains("deep.html")
            && l.contains("nests elements over 256 deep")),
        "no warning for deep.html: {se}"
    );
    for (name, why) in [
        ("huge.html", "larger than the limit"),
        ("bomb.html.gz", "once decompressed"),
        ("image.html", "PNG image"),
        ("crawl.warc@", "Content-Length"),
    ] {
        assert!(
            se.lines().any(|l| l.starts_with("failed: ")
                && l.contains(name)
                && l.contains(why)
                && l.contains("hint:")),
            "no failure line for {name}: {se}"
        );
    }
    // The good page, the truncated one, the flattened one and the two
    // good WARC records.
    assert!(so.contains("stored 5,"), "{so}\n{se}");
    assert_eq!(stored_documents(&db), 5);
}
