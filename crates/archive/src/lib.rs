//! storyline's Parquet archive: documents, events, claims, figures and
//! entity mentions as Parquet files partitioned by publication day, and
//! the stories beside them, for Spark, Trino, DuckDB and the rest.
//!
//! ```text
//! DIR/_storyline_archive.json              what wrote the archive, schema version
//! DIR/documents/date=2024-11-01/part-0.parquet
//! DIR/events/date=2024-11-01/part-0.parquet
//! DIR/events/date=__HIVE_DEFAULT_PARTITION__/part-0.parquet   no publication day
//! DIR/stories/part-0.parquet
//! ```
//!
//! The layout is Hive's, so engines read the partition column `date` from
//! the folder names (DuckDB: `read_parquet('DIR/events/*/*.parquet',
//! hive_partitioning = true)`). The column definitions live in
//! [`tables`] and are documented in `docs/archive.md`.
//!
//! Invariants: a partition file is written under a hidden name and renamed
//! into place, so a reader or a killed export never sees half a file and
//! an old partition stays whole until its replacement is complete; an
//! export rewrites only the partitions it was asked for (`since`), never
//! older ones; a folder that is not empty and holds no archive manifest,
//! or holds one of another schema version, is refused before anything is
//! written.

mod table;
pub mod tables;

pub use table::{Cell, Column, Kind, TableWriter, ROW_GROUP_ROWS};
pub use tables::{Row, Table};

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The version of the tables' columns. Any change to a column (a name, a
/// type, a meaning) raises it; an archive of another version is not
/// mixed with this one.
pub const SCHEMA_VERSION: u32 = 2;

/// The manifest's file name. Engines skip files whose name starts with
/// `_` or `.`.
pub const MANIFEST: &str = "_storyline_archive.json";

/// The folder name of rows with no publication day, as Hive and Spark
/// name a null partition value.
pub const NO_DAY: &str = "__HIVE_DEFAULT_PARTITION__";

/// The file each partition holds.
const PART: &str = "part-0.parquet";

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: parquet: {message}")]
    ParquetAt { path: PathBuf, message: String },
    #[error("parquet: {0}")]
    Parquet(String),
    #[error("a row does not fit its table: {0}")]
    Row(String),
    #[error("{dir} is not empty and is not a storyline archive (no {MANIFEST})")]
    NotAnArchive { dir: PathBuf },
    #[error("{dir} holds an archive of schema version {found}; this storyline writes version {SCHEMA_VERSION}")]
    OtherSchema { dir: PathBuf, found: String },
}

impl ArchiveError {
    fn io(path: &Path, source: std::io::Error) -> ArchiveError {
        ArchiveError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    fn parquet(path: &Path, e: impl std::fmt::Display) -> ArchiveError {
        ArchiveError::ParquetAt {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            ArchiveError::Io { .. } => "check that the folder is writable and the disk has room",
            ArchiveError::NotAnArchive { .. } => {
                "export into a new or empty folder, or into an archive storyline wrote"
            }
            ArchiveError::OtherSchema { .. } => {
                "export into a new folder (the old archive is left as it is), or use the storyline that wrote it"
            }
            ArchiveError::ParquetAt { .. } | ArchiveError::Parquet(_) | ArchiveError::Row(_) => {
                "this is a bug in storyline; please report it with the command that failed"
            }
        }
    }
}

type Result<T> = std::result::Result<T, ArchiveError>;

/// The partition folder name of a publication day.
pub fn partition_name(day: Option<NaiveDate>) -> String {
    match day {
        Some(d) => format!("date={}", d.format("%Y-%m-%d")),
        None => format!("date={NO_DAY}"),
    }
}

/// What one partition write put in each table.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    /// Rows by table, in the order of [`tables::PARTITIONED`].
    pub rows: Vec<(&'static str, usize)>,
}

/// An archive folder open for writing.
pub struct Archive {
    dir: PathBuf,
}

impl Archive {
    /// Opens `dir` as an archive, creating it (and its manifest) when it
    /// does not exist or is empty.
    pub fn open(dir: &Path) -> Result<Archive> {
        std::fs::create_dir_all(dir).map_err(|e| ArchiveError::io(dir, e))?;
        let manifest = dir.join(MANIFEST);
        match std::fs::read_to_string(&manifest) {
            Ok(text) => {
                let found = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v.get("schema_version").cloned())
                    .map_or_else(|| "unknown".to_string(), |v| v.to_string());
                if found != SCHEMA_VERSION.to_string() {
                    return Err(ArchiveError::OtherSchema {
                        dir: dir.to_path_buf(),
                        found,
                    });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut entries = std::fs::read_dir(dir).map_err(|e| ArchiveError::io(dir, e))?;
                if entries.next().is_some() {
                    return Err(ArchiveError::NotAnArchive {
                        dir: dir.to_path_buf(),
                    });
                }
            }
            Err(e) => return Err(ArchiveError::io(&manifest, e)),
        }
        let archive = Archive {
            dir: dir.to_path_buf(),
        };
        // Written first, so that a folder an export was killed in is still
        // known as an archive and the next export completes it.
        archive.write_manifest(None)?;
        Ok(archive)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn write_manifest(&self, last_export: Option<&serde_json::Value>) -> Result<()> {
        let mut manifest = serde_json::json!({
            "format": "storyline archive",
            "schema_version": SCHEMA_VERSION,
            "written_by": format!("storyline {}", env!("CARGO_PKG_VERSION")),
            "tables": tables::PARTITIONED
                .iter()
                .chain([&tables::STORIES])
                .map(|t| t.name)
                .collect::<Vec<_>>(),
            "partitioned_by": "date (publication day)",
        });
        if let Some(last) = last_export {
            manifest["last_export"] = last.clone();
        }
        let text = serde_json::to_string_pretty(&manifest).expect("a JSON value serializes");
        replace_file(&self.dir.join(MANIFEST), text.as_bytes())
    }

    /// Writes the partition of `day` in every partitioned table from
    /// `rows` (the documents published that day), replacing what it held.
    /// A table with no row that day has no partition.
    pub fn write_partition(&self, day: Option<NaiveDate>, rows: &[Row<'_>]) -> Result<Written> {
        let mut written = Written::default();
        for table in tables::PARTITIONED {
            let folder = self.dir.join(table.name).join(partition_name(day));
            // Created at the first row, so that a day with no row in this
            // table leaves no file.
            let mut part: Option<PartFile> = None;
            for row in rows {
                tables::rows(&table, row, |cells| {
                    if part.is_none() {
                        part = Some(PartFile::create(&folder, &table)?);
                    }
                    part.as_mut().expect("created above").writer.push(cells)
                })?;
            }
            let n = match part {
                Some(part) => part.publish()?,
                None => {
                    remove_partition(&folder)?;
                    0
                }
            };
            written.rows.push((table.name, n));
        }
        Ok(written)
    }

    /// The days whose partitions exist in any partitioned table (`None`
    /// for the partition of rows with no day).
    pub fn days(&self) -> Result<Vec<Option<NaiveDate>>> {
        let mut days = Vec::new();
        for table in tables::PARTITIONED {
            let folder = self.dir.join(table.name);
            let entries = match std::fs::read_dir(&folder) {
                Ok(entries) => entries,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(ArchiveError::io(&folder, e)),
            };
            for entry in entries {
                let entry = entry.map_err(|e| ArchiveError::io(&folder, e))?;
                let name = entry.file_name();
                let Some(value) = name.to_str().and_then(|n| n.strip_prefix("date=")) else {
                    continue;
                };
                let day = if value == NO_DAY {
                    None
                } else {
                    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
                        Ok(d) => Some(d),
                        Err(_) => continue,
                    }
                };
                if !days.contains(&day) {
                    days.push(day);
                }
            }
        }
        days.sort();
        Ok(days)
    }

    /// Removes the partitions of `day` from every partitioned table: a
    /// day whose documents are gone from the store.
    pub fn remove_day(&self, day: Option<NaiveDate>) -> Result<()> {
        for table in tables::PARTITIONED {
            remove_partition(&self.dir.join(table.name).join(partition_name(day)))?;
        }
        Ok(())
    }

    /// Rewrites the stories table.
    pub fn write_stories(&self, stories: &[storyline_story::Story]) -> Result<usize> {
        let table = tables::STORIES;
        let mut part = PartFile::create(&self.dir.join(table.name), &table)?;
        for story in stories {
            part.writer.push(tables::story_row(story))?;
        }
        part.publish()
    }

    /// Records the export that just completed in the manifest.
    pub fn finish(&self, last_export: serde_json::Value) -> Result<()> {
        self.write_manifest(Some(&last_export))
    }
}

/// A table's part file in a folder, written under its hidden name and
/// renamed into place when complete.
struct PartFile {
    writer: TableWriter,
    hidden: PathBuf,
    target: PathBuf,
}

impl PartFile {
    /// Starts the part file of `table` in `folder`, creating the folder and
    /// clearing what a killed export left under the hidden name.
    fn create(folder: &Path, table: &Table) -> Result<PartFile> {
        std::fs::create_dir_all(folder).map_err(|e| ArchiveError::io(folder, e))?;
        let hidden = hidden_part(folder);
        remove_if_there(&hidden)?;
        Ok(PartFile {
            writer: TableWriter::create(&hidden, table.name, table.columns)?,
            hidden,
            target: folder.join(PART),
        })
    }

    /// Finishes the file and puts it in place of the old one: its rows.
    fn publish(self) -> Result<usize> {
        let n = self.writer.finish()?;
        std::fs::rename(&self.hidden, &self.target)
            .map_err(|e| ArchiveError::io(&self.target, e))?;
        Ok(n)
    }
}

/// The hidden name a folder's part file is written under.
fn hidden_part(folder: &Path) -> PathBuf {
    folder.join(format!(".{PART}.tmp"))
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(ArchiveError::io(path, e)),
    }
}

/// Removes a partition's file and, when nothing else is left in it, its
/// folder.
fn remove_partition(folder: &Path) -> Result<()> {
    remove_if_there(&folder.join(PART))?;
    remove_if_there(&hidden_part(folder))?;
    match std::fs::remove_dir(folder) {
        Ok(()) => Ok(()),
        // Missing, or holding a file someone else put there: left alone.
        Err(_) => Ok(()),
    }
}

/// Replaces `path` with `bytes` through a hidden file and a rename.
fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let hidden = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&hidden, bytes).map_err(|e| ArchiveError::io(&hidden, e))?;
    std::fs::rename(&hidden, path).map_err(|e| ArchiveError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::{Document, PartialDate};

    fn document(day: Option<(i32, u32, u32)>, title: &str) -> Document {
        let mut doc: Document = serde_json::from_str(include_str!("../tests/document.json"))
            .expect("the test document");
        doc.published = day.and_then(|(y, m, d)| PartialDate::ymd(y, m, d));
        doc.title = Some(title.to_string());
        doc
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    out.push(path.strip_prefix(dir).unwrap().display().to_string());
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn partitions_are_hive_folders_by_publication_day() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open(dir.path()).unwrap();
        let a = document(Some((2024, 11, 1)), "a");
        let b = document(None, "b");
        let row = |doc| Row {
            doc,
            story: Some(1),
            copy_of: None,
        };
        let day = NaiveDate::from_ymd_opt(2024, 11, 1);
        let written = archive.write_partition(day, &[row(&a)]).unwrap();
        assert_eq!(written.rows[0], ("documents", 1));
        archive.write_partition(None, &[row(&b)]).unwrap();
        let listed = files(dir.path());
        assert!(listed.contains(&"events/date=2024-11-01/part-0.parquet".to_string()));
        assert!(listed.contains(&format!("documents/date={NO_DAY}/part-0.parquet")));
        assert!(listed.contains(&MANIFEST.to_string()));
        assert!(!listed.iter().any(|f| f.contains(".tmp")), "{listed:?}");
        assert_eq!(archive.days().unwrap(), [None, day]);
        archive.remove_day(day).unwrap();
        assert_eq!(archive.days().unwrap(), [None]);
    }

    #[test]
    fn a_day_with_no_rows_in_a_table_has_no_partition_there() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open(dir.path()).unwrap();
        let mut doc = document(Some((2024, 11, 2)), "quiet");
        doc.events.clear();
        let day = NaiveDate::from_ymd_opt(2024, 11, 2);
        let row = Row {
            doc: &doc,
            story: None,
            copy_of: None,
        };
        archive.write_partition(day, &[row]).unwrap();
        assert!(dir.path().join("documents/date=2024-11-02").exists());
        assert!(!dir.path().join("events/date=2024-11-02").exists());
    }

    #[test]
    fn a_folder_that_is_not_an_archive_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let err = Archive::open(dir.path()).err().unwrap();
        assert!(matches!(err, ArchiveError::NotAnArchive { .. }), "{err}");
        assert_eq!(files(dir.path()), ["notes.txt"]);
    }

    #[test]
    fn an_archive_of_another_schema_version_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let old = r#"{"format": "storyline archive", "schema_version": 0}"#;
        std::fs::write(dir.path().join(MANIFEST), old).unwrap();
        std::fs::create_dir_all(dir.path().join("events/date=2020-01-01")).unwrap();
        std::fs::write(
            dir.path().join("events/date=2020-01-01/part-0.parquet"),
            "x",
        )
        .unwrap();
        let err = Archive::open(dir.path()).err().unwrap();
        assert!(err.to_string().contains("schema version 0"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(MANIFEST)).unwrap(),
            old
        );
        assert_eq!(files(dir.path()).len(), 2);
    }

    #[test]
    fn a_partition_is_replaced_whole_and_a_stale_hidden_file_is_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open(dir.path()).unwrap();
        let day = NaiveDate::from_ymd_opt(2024, 11, 3);
        let first = document(Some((2024, 11, 3)), "first");
        let row = |doc| Row {
            doc,
            story: None,
            copy_of: None,
        };
        archive.write_partition(day, &[row(&first)]).unwrap();
        // A killed export leaves a hidden file behind.
        let folder = dir.path().join("documents/date=2024-11-03");
        std::fs::write(folder.join(".part-0.parquet.tmp"), "half").unwrap();
        let second = document(Some((2024, 11, 3)), "second");
        let written = archive
            .write_partition(day, &[row(&first), row(&second)])
            .unwrap();
        assert_eq!(written.rows[0], ("documents", 2));
        assert_eq!(files(&folder), ["part-0.parquet"]);
        // Opening again keeps the archive.
        Archive::open(dir.path()).unwrap();
    }
}
