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

#[test]
fn a_directory_mixing_bad_and_good_files_stores_the_good_and_explains_the_bad() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_bad_inputs(&inputs);
    let db = dir.path().join("s.db");
    let out = storyline(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    let (so, se) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(3), "stdout: {so}\nstderr: {se}");
    assert!(!se.contains("panicked"), "{se}");
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

    let docs = storyline(&["docs", "--db", db.to_str().unwrap(), "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&docs.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 4);

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
