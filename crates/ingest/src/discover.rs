use crate::{ErrorKind, IngestError};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// One thing to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// Include and exclude globs for files found inside directories. A file
/// named directly on the command line is always read: the user asked.
#[derive(Debug, Clone, Default)]
pub struct PathFilter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl PathFilter {
    /// Builds a filter; globs match the path relative to the directory
    /// given, so `*.txt` and `2024/**/*.txt` both work.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Self, globset::Error> {
        let build = |globs: &[String]| -> Result<Option<GlobSet>, globset::Error> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut b = GlobSetBuilder::new();
            for g in globs {
                b.add(Glob::new(g)?);
            }
            b.build().map(Some)
        };
        Ok(PathFilter {
            include: build(include)?,
            exclude: build(exclude)?,
        })
    }

    fn accepts(&self, relative: &Path) -> bool {
        let name = relative.file_name().map(Path::new).unwrap_or(relative);
        let matches = |set: &GlobSet| set.is_match(relative) || set.is_match(name);
        self.include.as_ref().is_none_or(matches) && !self.exclude.as_ref().is_some_and(matches)
    }
}

/// Expands the paths a user gave into inputs, in a stable order: files as
/// they are, directories recursively (sorted, hidden entries and symlinked
/// directories skipped, so a link loop cannot hang it), `-` as stdin.
/// A path that cannot be read becomes an error item, and the rest go on.
pub fn discover(paths: &[PathBuf], filter: &PathFilter) -> Vec<Result<Input, IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, path, filter, &mut out),
            Ok(_) => out.push(Ok(Input::File(path.clone()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.push(Err(IngestError::new(
                path.display().to_string(),
                ErrorKind::NotFound,
            ))),
            Err(e) => out.push(Err(IngestError::new(path.display().to_string(), e.into()))),
        }
    }
    out
}

fn walk(root: &Path, dir: &Path, filter: &PathFilter, out: &mut Vec<Result<Input, IngestError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(IngestError::new(dir.display().to_string(), e.into())));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(root, &path, filter, out);
        } else if file_type.is_file() || (file_type.is_symlink() && path.is_file()) {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            if filter.accepts(relative) {
                out.push(Ok(Input::File(path)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_recursively_in_order_with_globs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        for f in ["a.txt", "b/c/d.txt", "b/e.png", ".hidden.txt", "z.jsonl"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let names = |filter: &PathFilter| -> Vec<String> {
            discover(&[root.to_path_buf()], filter)
                .into_iter()
                .map(|i| match i.unwrap() {
                    Input::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                    Input::Stdin => "-".into(),
                })
                .collect()
        };
        assert_eq!(
            names(&PathFilter::default()),
            ["a.txt", "b/c/d.txt", "b/e.png", "z.jsonl"]
        );
        let txt = PathFilter::new(&["*.txt".into()], &[]).unwrap();
        assert_eq!(names(&txt), ["a.txt", "b/c/d.txt"]);
        let no_b = PathFilter::new(&[], &["b/**".into()]).unwrap();
        assert_eq!(names(&no_b), ["a.txt", "z.jsonl"]);
    }

    #[test]
    fn a_missing_path_is_an_error_item_not_a_failure_of_the_batch() {
        let got = discover(
            &["/no/such/path".into(), "-".into()],
            &PathFilter::default(),
        );
        assert!(matches!(&got[0], Err(e) if matches!(e.kind, ErrorKind::NotFound)));
        assert_eq!(got[1].as_ref().unwrap(), &Input::Stdin);
    }
}
