//! Progress for long work: counted record by record, so one large JSON
//! Lines file reports as it is read; nothing when stderr is not a
//! terminal unless asked for with `STORYLINE_PROGRESS=always`.

mod common;

use common::{stderr, storyline, storyline_env};
use std::path::Path;

/// One JSON Lines file of short, distinct articles, numbered from
/// `first` to before `end`.
fn write_jsonl(path: &Path, first: usize, end: usize) {
    let lines: Vec<String> = (first..end)
        .map(|i| {
            serde_json::json!({
                "text": format!(
                    "The ferry company added sailing number {i} to its winter timetable on Monday, \
                     the harbour office of island {i} said."
                ),
                "outlet": "Harbour Desk",
                "published": "2025-02-04",
            })
            .to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn progress_lines(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("progress:")).collect()
}

#[test]
fn one_large_jsonl_file_reports_records_as_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("batch.jsonl");
    write_jsonl(&jsonl, 0, 40);
    let size = std::fs::metadata(&jsonl).unwrap().len();
    let db = dir.path().join("s.db");
    let out = storyline_env(
        &[
            "ingest",
            "--db",
            db.to_str().unwrap(),
            jsonl.to_str().unwrap(),
        ],
        &[("STORYLINE_PROGRESS", "always")],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let lines = progress_lines(&err);
    // Records are counted while the one file is read, before it is done.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("progress: 0 of {size} bytes, 16 documents"))),
        "{err}"
    );
    assert!(lines.iter().any(|l| l.contains("32 documents")), "{err}");
    // And the file's bytes once it is.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("progress: {size} of {size} bytes, 40 documents"))),
        "{err}"
    );
}

#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // Enough inputs that a terminal would show the bar.
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for i in 0..60 {
        write_jsonl(&inputs.join(format!("part-{i:02}.jsonl")), i, i + 1);
    }
    let db = dir.path().join("s.db");
    let out = storyline(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(progress_lines(&err).is_empty(), "{err}");
    assert!(!err.contains("documents ·"), "{err}");
}
