//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[allow(unused_imports)]
pub use storyline_testkit::{repo_root, shared_dir};

pub fn storyline(args: &[&str]) -> Output {
    storyline_env(args, &[])
}

pub fn storyline_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_storyline"));
    cmd.args(args)
        .env_remove("STORYLINE_DB")
        .env_remove("STORYLINE_PROGRESS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("storyline runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Reads, decodes, extracts (for HTML) and cleans one file, as `extract`
/// does.
pub fn document(path: &Path) -> storyline_model::Document {
    let input = storyline_ingest::Input::File(path.to_path_buf());
    let raw = storyline_ingest::read_input(&input, &Default::default())
        .remove(0)
        .expect("readable");
    let raw = storyline_html::extract(raw, &Default::default()).expect("an article");
    storyline_clean::build_document(raw).expect("has text")
}

/// The seed article whose file name starts with `prefix` ("004_").
pub fn seed_path(shared: &Path, prefix: &str) -> PathBuf {
    std::fs::read_dir(shared.join("corpus/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// A store in `dir` holding the example articles (with their manifest)
/// and the given extra articles, written to `dir` under their names.
pub fn store_with_examples(dir: &Path, extra: &[(&str, &str)]) -> PathBuf {
    let db = dir.join("s.db");
    let root = repo_root();
    let manifest = root.join("examples/manifest.csv");
    let articles = root.join("examples/articles");
    let mut args: Vec<String> = vec![
        "ingest".into(),
        "--db".into(),
        db.display().to_string(),
        "--manifest".into(),
        manifest.display().to_string(),
        articles.display().to_string(),
    ];
    for (name, text) in extra {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        args.push(path.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = storyline(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    db
}

/// The entities `extract` finds in `text`, dated 2024-05-01, as the JSON
/// the user sees.
pub fn extracted_entities(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, text).unwrap();
    let out = storyline(&[
        "extract",
        "--published",
        "2024-05-01",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    doc["entities"].as_array().unwrap().clone()
}

/// `storyline analyze --json` over `files`, each with its publication
/// date given through a manifest written beside them in `dir`.
pub fn analyze_dated(dir: &Path, files: &[(PathBuf, &str)]) -> serde_json::Value {
    let mut manifest = String::from("path,url,outlet,published\n");
    for (path, date) in files {
        manifest.push_str(&format!("{},,,{date}\n", path.display()));
    }
    let m = dir.join("manifest.csv");
    std::fs::write(&m, manifest).unwrap();
    let mut args: Vec<String> = vec![
        "analyze".into(),
        "--json".into(),
        "--manifest".into(),
        m.display().to_string(),
    ];
    args.extend(files.iter().map(|(p, _)| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = storyline(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}
