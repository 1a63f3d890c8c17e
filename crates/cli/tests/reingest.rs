//! Ingest is idempotent, and a killed ingest re-run gives the same store
//! as one clean run.

mod common;

use common::{stdout, storyline, storyline_env};
use std::path::Path;

fn docs_json(db: &Path) -> serde_json::Value {
    let out = storyline(&["docs", "--db", db.to_str().unwrap(), "--json"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn re_ingesting_the_same_folder_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let examples = common::repo_root().join("examples/articles");
    let first = storyline(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        examples.to_str().unwrap(),
    ]);
    assert!(first.status.success());
    let before = docs_json(&db);
    let again = storyline(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        examples.to_str().unwrap(),
    ]);
    assert!(again.status.success());
    assert!(
        stdout(&again).starts_with("stored 0, duplicates 0,"),
        "{}",
        stdout(&again)
    );
    assert_eq!(before, docs_json(&db));
}

fn write_articles(dir: &Path, n: usize) {
    for i in 0..n {
        let text = format!(
            "Dam inspection number {i} finds cracks\n\n\
             Engineers inspecting dam number {i} found {} cracks in the spillway on Monday, the water authority said.\n\n\
             Repairs are expected to take {} weeks and cost about {} million dollars, officials said.\n",
            i % 7 + 2,
            i % 5 + 1,
            i * 3 + 10
        );
        std::fs::write(dir.join(format!("article-{i:04}.txt")), text).unwrap();
    }
}

#[test]
fn a_killed_ingest_re_run_gives_the_same_store_as_one_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_articles(&inputs, 150);
    let inputs = inputs.to_str().unwrap();

    let clean_db = dir.path().join("clean.db");
    assert!(
        storyline(&["ingest", "--db", clean_db.to_str().unwrap(), inputs])
            .status
            .success()
    );

    let killed_db = dir.path().join("killed.db");
    let killed = storyline_env(
        &["ingest", "--db", killed_db.to_str().unwrap(), inputs],
        &[("STORYLINE_TEST_ABORT_AFTER", "100")],
    );
    assert!(
        !killed.status.success(),
        "the test hook should have killed the run"
    );
    let partial = docs_json(&killed_db);
    let stored = partial.as_array().unwrap().len();
    assert!(
        stored > 0 && stored < 150,
        "a committed batch survives, the one in flight does not: {stored}"
    );

    let rerun = storyline(&["ingest", "--db", killed_db.to_str().unwrap(), inputs]);
    assert!(rerun.status.success());
    assert_eq!(docs_json(&killed_db), docs_json(&clean_db));
}

/// Runs `n` ingests into one new store at once, each given every `n`th
/// article plus the first ten (which all of them store), and checks the
/// store holds what one ingest of everything holds. Before writers took
/// the lock at the start of each batch and migrations re-read the schema
/// version under it, the second writer failed with "database is locked"
/// or "table documents already exists".
fn concurrent_ingests_match_one_ingest(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_articles(&inputs, 120);
    let mut files: Vec<String> = std::fs::read_dir(&inputs)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    files.sort();

    let one_db = dir.path().join("one.db");
    let one = storyline(&[
        "ingest",
        "--db",
        one_db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    assert!(one.status.success(), "{}", common::stderr(&one));

    let shared_db = dir.path().join("shared.db");
    let writers: Vec<std::process::Child> = (0..n)
        .map(|k| {
            let mine = files
                .iter()
                .enumerate()
                .filter(|(i, _)| i % n == k || *i < 10);
            std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
                .args(["ingest", "--db", shared_db.to_str().unwrap()])
                .args(mine.map(|(_, f)| f))
                .env_remove("STORYLINE_DB")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("storyline starts")
        })
        .collect();
    for writer in writers {
        let out = writer.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a concurrent ingest failed: {}",
            common::stderr(&out)
        );
    }
    assert_eq!(docs_json(&shared_db), docs_json(&one_db));
}

#[test]
fn two_concurrent_ingests_into_one_new_store_both_complete() {
    concurrent_ingests_match_one_ingest(2);
}

#[test]
fn four_concurrent_ingests_into_one_new_store_all_complete() {
    concurrent_ingests_match_one_ingest(4);
}
