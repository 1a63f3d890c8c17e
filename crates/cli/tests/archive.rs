//! `storyline export archive`: the Parquet archive read back by readers
//! that share no code with storyline, incremental exports, and folders
//! that must not be written.
//!
//! The read-back runs `scripts/archive/read_archive.py` with DuckDB and
//! pyarrow. CI installs them with pip and sets
//! `STORYLINE_ARCHIVE_PYTHON` to that interpreter and
//! `STORYLINE_REQUIRE_ARCHIVE_READER=1`, so the test fails there without
//! them; elsewhere it skips with a message.

mod common;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Rows each table must hold: counted from the documents the store
/// exports as JSON, not from the archive.
fn expected_rows(db: &str) -> serde_json::Value {
    let out = common::storyline(&["export", "documents", "--db", db]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let docs: Vec<serde_json::Value> = common::stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let count = |field: &str| -> usize {
        docs.iter()
            .map(|d| d[field].as_array().map_or(0, Vec::len))
            .sum()
    };
    let out = common::storyline(&["export", "stories", "--db", db]);
    let stories = common::stdout(&out).lines().count();
    serde_json::json!({
        "documents": docs.len(),
        "events": count("events"),
        "claims": count("claims"),
        "figures": count("quantities"),
        "entities": count("entities"),
        "stories": stories,
    })
}

fn export(db: &str, dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["export", "archive", dir.to_str().unwrap(), "--db", db];
    args.extend_from_slice(extra);
    common::storyline(&args)
}

/// The interpreter with DuckDB and pyarrow, or `None` to skip.
fn reader() -> Option<String> {
    let python = std::env::var("STORYLINE_ARCHIVE_PYTHON").unwrap_or_else(|_| "python3".into());
    let has = Command::new(&python)
        .args(["-c", "import duckdb, pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has {
        return Some(python);
    }
    if std::env::var("STORYLINE_REQUIRE_ARCHIVE_READER").is_ok_and(|v| v == "1") {
        panic!("{python} cannot import duckdb and pyarrow and STORYLINE_REQUIRE_ARCHIVE_READER=1");
    }
    eprintln!("skipping: {python} has no duckdb or pyarrow (CI installs them with pip)");
    None
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/archive/read_archive.py")
}

#[test]
fn the_archive_reads_back_with_duckdb_and_pyarrow() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::store_with_examples(dir.path(), &[]);
    let db = db.to_str().unwrap();
    let archive = dir.path().join("archive");
    let out = export(db, &archive, &["--format", "parquet"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(archive.join("events").read_dir().unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("date=20")));

    let Some(python) = reader() else { return };
    let expected = expected_rows(db);
    assert!(expected["events"].as_u64().unwrap() > 0, "{expected}");
    let out = Command::new(python)
        .arg(script())
        .arg(&archive)
        .arg(expected.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        common::stdout(&out),
        common::stderr(&out)
    );
    let found: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert!(
        !found["weekly"].as_array().unwrap().is_empty(),
        "the README's weekly query found no events: {found}"
    );
}

/// Inode and modification time of every partition file, by path.
fn partition_files(archive: &Path) -> Vec<(String, u64, i64)> {
    let mut out = Vec::new();
    for table in ["documents", "events", "claims", "figures", "entities"] {
        let Ok(parts) = archive.join(table).read_dir() else {
            continue;
        };
        for part in parts {
            let file = part.unwrap().path().join("part-0.parquet");
            let meta = std::fs::metadata(&file).unwrap();
            let name = file.strip_prefix(archive).unwrap().display().to_string();
            out.push((
                name,
                meta.ino(),
                meta.mtime_nsec() + meta.mtime() * 1_000_000_000,
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn an_incremental_export_adds_partitions_without_rewriting_old_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::store_with_examples(dir.path(), &[]);
    let db_str = db.to_str().unwrap();
    let archive = dir.path().join("archive");
    let out = export(db_str, &archive, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let before = partition_files(&archive);
    let old: Vec<_> = before
        .iter()
        .filter(|(name, ..)| !name.contains("__HIVE_DEFAULT_PARTITION__"))
        .cloned()
        .collect();
    assert!(!old.is_empty());

    let later = dir.path().join("later.txt");
    std::fs::write(
        &later,
        "Relief flights resume\n\nThe World Food Programme said on Monday that relief flights \
         to Beira had resumed after the airport reopened.\n",
    )
    .unwrap();
    let out = common::storyline(&[
        "ingest",
        "--db",
        db_str,
        "--published",
        "2031-06-02",
        later.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let out = export(db_str, &archive, &["--since", "2031-06-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));

    let after = partition_files(&archive);
    for file in &old {
        assert!(after.contains(file), "{} was rewritten or removed", file.0);
    }
    assert!(after
        .iter()
        .any(|(name, ..)| name == "documents/date=2031-06-02/part-0.parquet"));
}

#[test]
fn a_folder_that_is_not_an_archive_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::store_with_examples(dir.path(), &[]);
    let target = dir.path().join("mine");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("notes.txt"), "keep me").unwrap();
    let out = export(db.to_str().unwrap(), &target, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    let err = common::stderr(&out);
    assert!(err.contains("is not a storyline archive"), "{err}");
    assert!(err.contains("hint:"), "{err}");
    assert_eq!(target.read_dir().unwrap().count(), 1);
    assert_eq!(
        std::fs::read_to_string(target.join("notes.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn archive_options_are_refused_where_they_do_not_apply() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::store_with_examples(dir.path(), &[]);
    let db = db.to_str().unwrap();
    // No folder for an archive: a usage error.
    let out = common::storyline(&["export", "archive", "--db", db]);
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    let out = common::storyline(&["export", "events", "--since", "2024-01-01", "--db", db]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    let archive = dir.path().join("a");
    let out = export(db, &archive, &["--format", "csv"]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("--format parquet"));
    assert!(!archive.exists());
}
