//! Helpers shared by the backbone's tests and benchmarks: where the
//! replay files are, and the texts the golden corpus names.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The committed replay files of the transition systems, plus those of
/// `STORYLINE_TRANS_REPLAY_DIR` when set (local checks on real documents,
/// not committed), sorted.
pub fn replay_files() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/trans"
    ))];
    if let Some(dir) = std::env::var_os("STORYLINE_TRANS_REPLAY_DIR") {
        dirs.push(dir.into());
    }
    let mut files = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).expect("replay dir") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with("replay_") && name.ends_with(".json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Reads the texts golden files name, caching the JSON files that hold
/// several (`PATH#KEY` is the `articleBody` of entry `KEY` of `PATH`).
#[derive(Default)]
pub struct Sources {
    json: HashMap<PathBuf, serde_json::Value>,
}

impl Sources {
    /// The text `source` names under `root`.
    pub fn read(&mut self, root: &Path, source: &str) -> String {
        match source.split_once('#') {
            None => {
                let bytes = std::fs::read(root.join(source))
                    .unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
                String::from_utf8(bytes).expect("UTF-8 text")
            }
            Some((path, key)) => {
                let path = root.join(path);
                let value = self.json.entry(path.clone()).or_insert_with(|| {
                    let text = std::fs::read_to_string(&path)
                        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                    serde_json::from_str(&text).expect("a JSON object")
                });
                value[key]["articleBody"]
                    .as_str()
                    .unwrap_or_else(|| panic!("no articleBody for {source}"))
                    .to_string()
            }
        }
    }
}
