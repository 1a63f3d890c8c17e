use crate::{ErrorKind, GivenMeta, IngestError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use storyline_model::PartialDate;

/// Metadata a user already has for their files: a CSV with the header
/// `path,url,outlet,published` and an optional `fetched` (any order,
/// extra columns ignored) or JSON Lines with those keys. `fetched` is the
/// day the page was downloaded; it anchors relative dates on the page.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    by_path: HashMap<PathBuf, GivenMeta>,
    /// Rows by bare file name, for inputs reached through another
    /// directory; a name shared by two rows is ambiguous and left out.
    by_name: HashMap<String, Option<GivenMeta>>,
    /// Rows (their row or line number) whose file does not exist.
    missing: Vec<(usize, PathBuf)>,
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest, IngestError> {
        let name = path.display().to_string();
        let err = |msg: String| IngestError::new(name.clone(), ErrorKind::Manifest(msg));
        let text =
            std::fs::read_to_string(path).map_err(|e| IngestError::new(name.clone(), e.into()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let is_jsonl = text.trim_start().starts_with('{');
        let rows = if is_jsonl {
            parse_jsonl(&text)
        } else {
            parse_csv(&text)
        }
        .map_err(err)?;
        let mut manifest = Manifest::default();
        for (row, row_path, meta) in rows {
            let resolved = base.join(&row_path);
            let key = match std::fs::canonicalize(&resolved) {
                Ok(key) => key,
                Err(_) => {
                    manifest.missing.push((row, resolved.clone()));
                    resolved
                }
            };
            if let Some(file_name) = key.file_name() {
                manifest
                    .by_name
                    .entry(file_name.to_string_lossy().into_owned())
                    .and_modify(|slot| *slot = None)
                    .or_insert_with(|| Some(meta.clone()));
            }
            manifest.by_path.insert(key, meta);
        }
        Ok(manifest)
    }

    /// The metadata for a file, matched by its full path first and by its
    /// file name when that is unique in the manifest.
    pub fn lookup(&self, path: &Path) -> Option<&GivenMeta> {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.by_path.get(&key).or_else(|| {
            let name = path.file_name()?.to_string_lossy();
            self.by_name.get(name.as_ref())?.as_ref()
        })
    }

    /// The rows whose file does not exist, with their row (CSV, counting
    /// the header as row 1) or line (JSON Lines) number.
    pub fn missing(&self) -> &[(usize, PathBuf)] {
        &self.missing
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

/// A row's number, its path and its metadata.
type Row = (usize, String, GivenMeta);

fn parse_published(raw: &str, row: usize) -> Result<Option<PartialDate>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|e| format!("row {row}: {e}"))
}

/// The fetch day: a date to the day, or a timestamp whose date part is
/// taken. A month or a year alone is refused, since it can neither anchor
/// "2 days ago" nor bound a publication day.
fn parse_fetched(raw: &str, row: usize) -> Result<Option<PartialDate>, String> {
    let Some(date) = parse_published(raw, row)? else {
        return Ok(None);
    };
    if date.day.is_none() {
        return Err(format!(
            "row {row}: `fetched` must be a day (YYYY-MM-DD), not `{}`",
            raw.trim()
        ));
    }
    Ok(Some(date))
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn parse_csv(text: &str) -> Result<Vec<Row>, String> {
    // Not flexible: a row with more or fewer fields than the header is
    // an error, not a row read into the wrong columns.
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let path_col = col("path").ok_or("the CSV header has no `path` column")?;
    let (url, outlet, published, fetched) =
        (col("url"), col("outlet"), col("published"), col("fetched"));
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| match e.kind() {
            csv::ErrorKind::UnequalLengths {
                pos,
                expected_len,
                len,
            } => format!(
                "row {}: {len} fields where the header has {expected_len}",
                pos.as_ref().map_or(i + 2, |p| p.record() as usize + 1)
            ),
            _ => e.to_string(),
        })?;
        // A quote left open swallows the following lines into one field;
        // no path or date has a line break in it.
        if record.iter().any(|f| f.contains('\n')) {
            return Err(format!(
                "row {}: a field runs over several lines (an unterminated quote?)",
                i + 2
            ));
        }
        let get = |c: Option<usize>| non_empty(c.and_then(|c| record.get(c)));
        let Some(path) = get(Some(path_col)) else {
            continue;
        };
        let meta = GivenMeta {
            url: get(url),
            outlet: get(outlet),
            published: parse_published(&get(published).unwrap_or_default(), i + 2)?,
            fetched: parse_fetched(&get(fetched).unwrap_or_default(), i + 2)?,
            ..GivenMeta::default()
        };
        rows.push((i + 2, path, meta));
    }
    Ok(rows)
}

fn parse_jsonl(text: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let get = |k: &str| non_empty(value.get(k).and_then(|v| v.as_str()));
        let path = get("path").ok_or_else(|| format!("line {}: no `path` key", i + 1))?;
        let meta = GivenMeta {
            url: get("url"),
            outlet: get("outlet"),
            published: parse_published(&get("published").unwrap_or_default(), i + 1)?,
            fetched: parse_fetched(&get("fetched").unwrap_or_default(), i + 1)?,
            ..GivenMeta::default()
        };
        rows.push((i + 1, path, meta));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_and_jsonl_manifests_match_files_by_path_and_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let csv_path = dir.path().join("m.csv");
        std::fs::write(
            &csv_path,
            "path,outlet,url,published\na.txt,Wire Daily,https://example.org/a,2024-11-13\n",
        )
        .unwrap();
        let m = Manifest::load(&csv_path).unwrap();
        let meta = m.lookup(&dir.path().join("a.txt")).unwrap();
        assert_eq!(meta.outlet.as_deref(), Some("Wire Daily"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-11-13");
        assert!(
            m.lookup(Path::new("elsewhere/a.txt")).is_some(),
            "matched by unique name"
        );

        let jsonl_path = dir.path().join("m.jsonl");
        std::fs::write(
            &jsonl_path,
            "{\"path\": \"a.txt\", \"published\": \"2024-11\"}\n",
        )
        .unwrap();
        let m = Manifest::load(&jsonl_path).unwrap();
        assert_eq!(
            m.lookup(&dir.path().join("a.txt"))
                .unwrap()
                .published
                .unwrap()
                .to_string(),
            "2024-11"
        );
    }

    /// These rows were ignored silently: a short row read into the
    /// wrong columns, a quote left open that swallowed the rest of the
    /// file, and a row for a file that is not there.
    #[test]
    fn manifest_rows_with_wrong_field_counts_open_quotes_or_missing_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let p = dir.path().join("m.csv");
        for (csv, expected) in [
            (
                "path,outlet,published\na.txt,Wire\n",
                "row 2: 2 fields where the header has 3",
            ),
            (
                "path,outlet\na.txt,Wire,extra\n",
                "row 2: 3 fields where the header has 2",
            ),
            (
                "path,outlet\na.txt,\"Wire\nb.txt,Daily\n",
                "row 2: a field runs over several lines",
            ),
        ] {
            std::fs::write(&p, csv).unwrap();
            let e = Manifest::load(&p).unwrap_err().to_string();
            assert!(e.contains(expected), "{csv:?}: {e}");
        }
        std::fs::write(&p, "path,outlet\na.txt,Wire\nmissing.txt,Daily\n").unwrap();
        let m = Manifest::load(&p).unwrap();
        assert_eq!(m.missing().len(), 1);
        assert_eq!(m.missing()[0].0, 3);
        assert!(m.missing()[0].1.ends_with("missing.txt"));
    }

    #[test]
    fn a_fetched_column_gives_the_fetch_day_and_refuses_less_than_a_day() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.html"), "x").unwrap();
        std::fs::write(dir.path().join("b.html"), "x").unwrap();
        let p = dir.path().join("m.csv");
        std::fs::write(
            &p,
            "path,url,fetched\na.html,https://example.org/a,2025-03-06T08:15:00Z\nb.html,https://example.org/b,\n",
        )
        .unwrap();
        let m = Manifest::load(&p).unwrap();
        let a = m.lookup(&dir.path().join("a.html")).unwrap();
        assert_eq!(a.fetched.unwrap().to_string(), "2025-03-06");
        assert_eq!(m.lookup(&dir.path().join("b.html")).unwrap().fetched, None);
        std::fs::write(&p, "path,fetched\na.html,2025-03\n").unwrap();
        let e = Manifest::load(&p).unwrap_err().to_string();
        assert!(e.contains("row 2") && e.contains("must be a day"), "{e}");
        let p = dir.path().join("m.jsonl");
        std::fs::write(&p, "{\"path\": \"a.html\", \"fetched\": \"2025-03-06\"}\n").unwrap();
        let m = Manifest::load(&p).unwrap();
        let a = m.lookup(&dir.path().join("a.html")).unwrap();
        assert_eq!(a.fetched.unwrap().to_string(), "2025-03-06");
    }

    #[test]
    fn bad_manifest_dates_and_headers_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.csv");
        std::fs::write(&p, "path,published\na.txt,Nov 1\n").unwrap();
        let e = Manifest::load(&p).unwrap_err();
        assert!(e.to_string().contains("row 2"), "{e}");
        std::fs::write(&p, "file,published\na.txt,2024-11-01\n").unwrap();
        assert!(Manifest::load(&p)
            .unwrap_err()
            .to_string()
            .contains("`path` column"));
    }
}
